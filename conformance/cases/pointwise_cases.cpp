// Cases for spec/clauses/pointwise.md (POINT-*): the op tables of
// pointwise_ops.h over every dtype and the sample layouts, plus the special
// rules (scalars, errors, in-place forms, operators) and seed S001-34.
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "pointwise_ops.h"

using namespace parity::conf;

namespace {

const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

}  // namespace

PARITY_CASE(abs_of_a_float_tensor, "POINT-1 POINT-2 PRINT-2", "S001-34") {
  auto a = E::tensor({-3.0, 4.0, -2.0}).abs();
  r.tensor("abs", a);
  r.expect_text(
      "print(abs)", [&] { return E::repr(a); }, "tensor([3., 4., 2.])");
}

PARITY_CASE(floating_unary_samples, "POINT-1 POINT-9", "") { unarySweep(r, floatingUnaryOps<E>()); }

PARITY_CASE(dtype_keeping_unary_samples, "POINT-2 POINT-9", "") {
  unarySweep(r, dtypeKeepingUnaryOps<E>());
}

PARITY_CASE(logical_unary_samples, "POINT-4 POINT-9", "") { unarySweep(r, logicalUnaryOps<E>()); }

PARITY_CASE(classifying_samples, "POINT-7", "") { unarySweep(r, classifyingUnaryOps<E>()); }

PARITY_CASE(special_values, "POINT-1 POINT-2 POINT-7", "") {
  auto x =
      E::tensor({0.0, -0.0, kNan, kInf, -kInf, 1e-45, -1e-300, 0.5, -0.5}, E::dtype(E::kFloat64));
  for (auto dt : {E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64}) {
    auto t = x.to(dt);
    const std::string d = E::dtype_str(dt) + " ";
    r.result(d + "sign", [&] { return t.sign(); });
    r.result(d + "abs", [&] { return t.abs(); });
    r.result(d + "relu", [&] { return t.relu(); });
    r.result(d + "frac", [&] { return t.frac(); });
    r.result(d + "reciprocal", [&] { return t.reciprocal(); });
    r.result(d + "rsqrt", [&] { return t.rsqrt(); });
    r.result(d + "sqrt", [&] { return t.sqrt(); });
    r.result(d + "log", [&] { return t.log(); });
    r.result(d + "round", [&] { return t.round(); });
    r.result(d + "nan_to_num", [&] { return t.nan_to_num(); });
    r.result(d + "isfinite", [&] { return t.isfinite(); });
  }
  // Half-way cases of round(decimals): scaled by 10^d, rounded half to even.
  auto ties = E::tensor({0.125, 0.375, 2.675, -1.25, 1234.5, 15.0, 25.0, 1e300, 0.05},
                        E::dtype(E::kFloat64));
  for (int64_t d : {-3, -1, 0, 1, 2, 3})
    r.result("round(decimals=" + std::to_string(d) + ")", [&] { return ties.round(d); });
  r.result("float32 round(decimals=1)", [&] { return ties.to(E::kFloat32).round(1); });
}

PARITY_CASE(math_binary_samples, "POINT-3 POINT-9", "") { binarySweep(r, mathBinaryOps<E>()); }

PARITY_CASE(logical_binary_samples, "POINT-4 POINT-9", "") {
  binarySweep(r, logicalBinaryOps<E>());
}

PARITY_CASE(pow_samples, "POINT-3", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>())
      for (auto& p : layoutPairs<E>(da, db, dividends<E>, exponents<E>)) {
        const std::string name = E::dtype_str(da) + " " + E::dtype_str(db) + " " + p.layout;
        r.result("pow " + name, [&] { return p.a.pow(p.b); });
      }
}

PARITY_CASE(pow_scalar_operands, "POINT-3 POINT-9", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = dividends<E>({2, 3}).to(dt);
    auto e = exponents<E>({2, 3}).to(dt);
    const std::string d = E::dtype_str(dt);
    r.result(d + ".pow(2)", [&] { return t.pow(2); });
    r.result(d + ".pow(3)", [&] { return t.pow(3); });
    r.result(d + ".pow(0)", [&] { return t.pow(0); });
    r.result(d + ".pow(1)", [&] { return t.pow(1); });
    r.result(d + ".pow(0.5)", [&] { return t.pow(0.5); });
    r.result(d + ".pow(-0.5)", [&] { return t.pow(-0.5); });
    r.result(d + ".pow(-1.0)", [&] { return t.pow(-1.0); });
    r.result(d + ".pow(-2.0)", [&] { return t.pow(-2.0); });
    r.result(d + ".pow(1.5)", [&] { return t.pow(1.5); });
    r.result(d + ".pow(true)", [&] { return t.pow(true); });
    r.result(d + ".pow(-1)", [&] { return t.pow(-1); });
    r.result(d + ".pow(-2)", [&] { return t.pow(-2); });
    r.result("pow(2, " + d + ")", [&] { return E::pow(2, e); });
    r.result("pow(-2, " + d + ")", [&] { return E::pow(-2, e); });
    r.result("pow(2.5, " + d + ")", [&] { return E::pow(2.5, e); });
    r.result("pow(true, " + d + ")", [&] { return E::pow(true, e); });
    r.result("pow(0, " + d + ")", [&] { return E::pow(0, e); });
    r.result("pow(1, " + d + ")", [&] { return E::pow(1, e); });
  }
}

PARITY_CASE(integer_pow_negative_exponents, "POINT-3", "") {
  auto base = E::tensor({0, 1, -1, 2, -2, 3, 5, -5, 0});
  auto exps = E::tensor({-1, -1, -1, -1, -1, -2, -3, -3, 0});
  for (auto dt : {E::kInt8, E::kInt16, E::kInt32, E::kInt64}) {
    auto b = base.to(dt), e = exps.to(dt);
    const std::string d = E::dtype_str(dt);
    r.result(d + " pow(tensor, negative tensor)", [&] { return b.pow(e); });
    r.result(d + " pow(-1)", [&] { return b.pow(-1); });
    r.result("pow(2, negative " + d + ")", [&] { return E::pow(2, e); });
    r.result("pow(1, negative " + d + ")", [&] { return E::pow(1, e); });
    r.result("pow(-1, negative " + d + ")", [&] { return E::pow(-1, e); });
    r.result(d + " pow(-1.5)", [&] { return b.pow(-1.5); });
    auto self = b.clone();
    const int64_t v0 = self._version();
    r.error(d + " pow_(-2)", [&] { self.pow_(-2); });
    r.tensor(d + " pow_(-2) self", self);
    r.value(d + " pow_(-2) writes", self._version() - v0);
  }
  r.result("uint8 pow(-1)", [&] { return E::tensor({2, 3}, E::dtype(E::kUInt8)).pow(-1); });
  r.result("bool pow(-1)", [&] { return E::tensor({true, false}).pow(-1); });
}

PARITY_CASE(binary_scalar_operands, "POINT-3 POINT-4 POINT-9", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = dividends<E>({2, 3}).to(dt);
    const std::string d = E::dtype_str(dt);
    r.result(d + ".remainder(3)", [&] { return t.remainder(3); });
    r.result(d + ".remainder(-2)", [&] { return t.remainder(-2); });
    r.result(d + ".remainder(2.5)", [&] { return t.remainder(2.5); });
    r.result(d + ".remainder(true)", [&] { return t.remainder(true); });
    r.result(d + ".fmod(3)", [&] { return t.fmod(3); });
    r.result(d + ".fmod(-2)", [&] { return t.fmod(-2); });
    r.result(d + ".fmod(2.5)", [&] { return t.fmod(2.5); });
    r.result(d + ".floor_divide(3)", [&] { return t.floor_divide(3); });
    r.result(d + ".floor_divide(-2)", [&] { return t.floor_divide(-2); });
    r.result(d + ".floor_divide(2.5)", [&] { return t.floor_divide(2.5); });
    r.result(d + ".bitwise_and(3)", [&] { return t.bitwise_and(3); });
    r.result(d + ".bitwise_and(true)", [&] { return t.bitwise_and(true); });
    r.result(d + ".bitwise_or(-2)", [&] { return t.bitwise_or(-2); });
    r.result(d + ".bitwise_or(2.5)", [&] { return t.bitwise_or(2.5); });
    r.result(d + ".bitwise_xor(5)", [&] { return t.bitwise_xor(5); });
    r.result(d + ".bitwise_xor(false)", [&] { return t.bitwise_xor(false); });
  }
}

PARITY_CASE(mixed_dtype_promotion, "POINT-3 POINT-4", "") {
  auto i8 = E::tensor({-5, 3, 7, -1}, E::dtype(E::kInt8));
  auto u8 = E::tensor({250, 3, 7, 1}, E::dtype(E::kUInt8));
  auto h = E::tensor({2.5, -1.5, 0.5, 3.0}, E::dtype(E::kFloat16));
  auto bf = E::tensor({2.5, -1.5, 0.5, 3.0}, E::dtype(E::kBFloat16));
  auto zd = E::full({}, 2.5, E::dtype(E::kFloat64));
  auto zi = E::full({}, 3, E::dtype(E::kInt64));
  r.result("int8 remainder uint8", [&] { return i8.remainder(u8); });
  r.result("uint8 & int8", [&] { return u8.bitwise_and(i8); });
  r.result("int8 maximum float16", [&] { return i8.maximum(h); });
  r.result("float16 minimum bfloat16", [&] { return h.minimum(bf); });
  r.result("float16 atan2 0-d float64", [&] { return h.atan2(zd); });
  r.result("int8 atan2 0-d int64", [&] { return i8.atan2(zi); });
  r.result("int8 pow 0-d float64", [&] { return i8.pow(zd); });
  r.result("uint8 fmod 0-d int64", [&] { return u8.fmod(zi); });
  r.result("int8 floor_divide 0-d float64", [&] { return i8.floor_divide(zd); });
  r.result("uint8 bitwise_or 0-d int64", [&] { return u8.bitwise_or(zi); });
  r.result("uint8 bitwise_and -1", [&] { return u8.bitwise_and(-1); });
  r.result("int8 bitwise_xor 300", [&] { return i8.bitwise_xor(300); });
  r.result("int8 logical_and float16", [&] { return i8.logical_and(h); });
  r.result("float16 pow int8", [&] { return h.pow(i8); });
  r.result("bfloat16 pow 2.5", [&] { return bf.pow(2.5); });
  r.result("float16 remainder 0-d float64", [&] { return h.remainder(zd); });
  r.result("int8 maximum 0-d float64", [&] { return i8.maximum(zd); });
  r.result("uint8 minimum int8", [&] { return u8.minimum(i8); });
}

PARITY_CASE(integer_division_by_zero, "POINT-3", "") {
  auto zeros_at = E::tensor({1.0, 0.0, 2.0, 0.0});
  for (auto dt : allDtypes<E>()) {
    auto t = E::tensor({5.0, dt == E::kUInt8 ? 7.0 : -7.0, 0.0, 3.0}).to(dt);
    auto z = zeros_at.to(dt);
    const std::string d = E::dtype_str(dt);
    r.result(d + " remainder tensor 0", [&] { return t.remainder(z); });
    r.result(d + " remainder 0", [&] { return t.remainder(0); });
    r.result(d + " fmod tensor 0", [&] { return t.fmod(z); });
    r.result(d + " fmod 0", [&] { return t.fmod(0); });
    r.result(d + " floor_divide tensor 0", [&] { return t.floor_divide(z); });
    r.result(d + " floor_divide 0", [&] { return t.floor_divide(0); });
    r.result(d + " % 0", [&] { return t % 0; });
    r.result(d + " empty remainder 0", [&] { return t.slice(0, 0, 0).remainder(0); });
    auto self = t.clone();
    const int64_t v0 = self._version();
    r.error(d + " remainder_ 0", [&] { self.remainder_(0); });
    r.value(d + " remainder_ 0 writes", self._version() - v0);
  }
}

PARITY_CASE(logical_results_are_bool, "POINT-4", "") {
  auto a = E::tensor({0.0, 1.0, -2.0, kNan, 0.5, -0.0});
  auto b = E::tensor({0.0, 0.0, 3.0, 0.0, 0.0, 1.0});
  for (auto dt : allDtypes<E>())
    for (auto db : {E::kBool, E::kFloat32}) {
      const std::string d = E::dtype_str(dt) + " " + E::dtype_str(db) + " ";
      // NaN and negatives only where the dtype holds them.
      const bool floating =
          dt == E::kFloat16 || dt == E::kBFloat16 || dt == E::kFloat32 || dt == E::kFloat64;
      auto x = floating          ? a
               : dt == E::kUInt8 ? E::tensor({0.0, 1.0, 2.0, 0.0, 0.0, 0.0})
                                 : E::tensor({0.0, 1.0, -2.0, 0.0, 0.0, 0.0});
      auto xt = x.to(dt), yt = b.to(db);
      r.result(d + "logical_and", [&] { return xt.logical_and(yt); });
      r.result(d + "logical_or", [&] { return xt.logical_or(yt); });
      r.result(d + "logical_xor", [&] { return xt.logical_xor(yt); });
      r.result(d + "logical_not", [&] { return xt.logical_not(); });
    }
}

PARITY_CASE(clamp_scalar_bounds, "POINT-5 POINT-9", "") {
  using T = typename E::Tensor;
  unarySweep(r, std::vector<UnaryOp<E>>{
                    {"clamp(-1, 2)", [](const T& t) { return t.clamp(-1, 2); }, nullptr},
                    {"clamp(0.5, 2.5)", [](const T& t) { return t.clamp(0.5, 2.5); }, nullptr},
                    {"clamp(3, 1)", [](const T& t) { return t.clamp(3, 1); }, nullptr},
                    {"clamp(1)", [](const T& t) { return t.clamp(1); }, nullptr},
                    {"clamp({}, 1)", [](const T& t) { return t.clamp({}, 1); }, nullptr},
                    {"clamp(true, true)", [](const T& t) { return t.clamp(true, true); }, nullptr},
                    {"clamp_min(0)", [](const T& t) { return t.clamp_min(0); }, nullptr},
                    {"clamp_min(-0.5)", [](const T& t) { return t.clamp_min(-0.5); }, nullptr},
                    {"clamp_max(1.5)", [](const T& t) { return t.clamp_max(1.5); }, nullptr},
                    {"clamp_max(100)", [](const T& t) { return t.clamp_max(100); }, nullptr},
                });
  auto f = E::tensor({-1.0, 0.5, kNan, 3.0});
  r.result("clamp(nan, 1)", [&] { return f.clamp(kNan, 1.0); });
  r.result("clamp(0, nan)", [&] { return f.clamp(0.0, kNan); });
  r.result("clamp_min(nan)", [&] { return f.clamp_min(kNan); });
  r.result("clamp(-inf, inf)", [&] { return f.clamp(-kInf, kInf); });
  r.result("int8 clamp(-1000, 1000)", [&] {
    return E::tensor({-100, 5}, E::dtype(E::kInt8)).clamp(-1000, 1000);
  });
  r.result("clamp()", [&] { return f.clamp(); });
}

PARITY_CASE(clamp_tensor_bounds, "POINT-5 POINT-9", "") {
  using T = typename E::Tensor;
  binarySweep(
      r, std::vector<BinaryOp<E>>{
             {"clamp_min", [](const T& a, const T& b) { return a.clamp_min(b); }, nullptr},
             {"clamp_max", [](const T& a, const T& b) { return a.clamp_max(b); }, nullptr},
             {"clamp(min)", [](const T& a, const T& b) { return a.clamp(b); }, nullptr},
             {"clamp({}, max)", [](const T& a, const T& b) { return a.clamp({}, b); }, nullptr},
         });
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      auto t = dividends<E>({2, 3}).to(da);
      auto lo = E::tensor({-1.0, 0.0, 2.0}).to(db);
      auto hi = E::tensor({{1.0}, {4.0}}).to(db);
      const std::string name = E::dtype_str(da) + " " + E::dtype_str(db);
      r.result("clamp(min, max) " + name, [&] { return t.clamp(lo, hi); });
      r.result("clamp(max, min) " + name, [&] { return t.clamp(hi, lo); });
    }
  auto f = E::tensor({-1.0, 0.5, kNan, 3.0});
  auto nan_lo = E::tensor({kNan, 0.0, 0.0, kNan});
  r.result("tensor clamp nan min", [&] { return f.clamp(nan_lo, E::tensor({2.0})); });
  r.result("tensor clamp_max nan", [&] { return f.clamp_max(nan_lo); });
  r.result("bounds broadcast self", [&] { return E::tensor({1.0}).clamp(E::zeros({2, 3})); });
}

PARITY_CASE(lerp_samples, "POINT-5 POINT-9", "") {
  using T = typename E::Tensor;
  binarySweep(r,
              std::vector<BinaryOp<E>>{
                  {"lerp 0.5", [](const T& a, const T& b) { return a.lerp(b, 0.5); }, nullptr},
              },
              /*same_dtype_only=*/true);
  auto weights = E::tensor({0.0, 0.25, 0.5, 0.75, 1.0, 1.5, -0.5, 2.0, 0.3, 0.7});
  auto start = E::tensor({1.0, -2.0, 3.5, kInf, 0.0, 1e30, -1.0, 2.0, kNan, 10.0});
  auto end = E::tensor({5.0, 2.0, -3.5, 1.0, -0.0, -1e30, 3.0, 2.0, 1.0, 20.0});
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt) + " ";
    if (dt != E::kBFloat16 && dt != E::kFloat32 && dt != E::kFloat64) {  // no kernel
      auto v = unaryValues<E>(dt).to(dt);
      auto s = v.slice(0, 0, 10), e = v.slice(0, 10, 20);
      r.result(d + "lerp scalar", [&] { return s.lerp(e, 0.5); });
      r.result(d + "lerp tensor weight", [&] { return s.lerp(e, e); });
      continue;
    }
    auto s = start.to(dt), e = end.to(dt), w = weights.to(dt);
    for (double wt : {0.0, 0.25, 0.5, 0.7, 1.0, 2.0, -0.5})
      r.result(d + "lerp scalar " + std::to_string(wt), [&] { return s.lerp(e, wt); });
    r.result(d + "lerp int weight 2", [&] { return s.lerp(e, 2); });
    r.result(d + "lerp tensor weight", [&] { return s.lerp(e, w); });
    r.result(d + "lerp 0-d weight", [&] { return s.lerp(e, w.select(0, 2)); });
    r.result(d + "lerp broadcast", [&] {
      return s.slice(0, 0, 3).lerp(e.slice(0, 0, 6).reshape({2, 3}), w.select(0, 1));
    });
    r.result(d + "lerp transposed", [&] {
      return s.slice(0, 0, 6).reshape({3, 2}).t().lerp(e.slice(0, 0, 3), 0.3);
    });
    r.result(d + "lerp float64 weight", [&] { return s.lerp(e, weights); });
    r.result(d + "lerp float32 end", [&] { return s.lerp(end.to(E::kFloat32), 0.5); });
  }
}

PARITY_CASE(where_samples, "POINT-6 POINT-9", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      auto a = [&](typename E::Sizes s) { return dividends<E>(s).to(da); };
      auto b = [&](typename E::Sizes s) { return divisors<E>(s).to(db); };
      const std::string name = E::dtype_str(da) + " " + E::dtype_str(db) + " ";
      r.result(name + "same shape", [&] {
        return E::where(mask<E>({2, 3}), a({2, 3}), b({2, 3}));
      });
      r.result(name + "row broadcast", [&] {
        return E::where(mask<E>({2, 3}), a({2, 3}), b({3}));
      });
      r.result(name + "outer broadcast", [&] {
        return E::where(mask<E>({3, 1}), a({1, 4}), b(std::vector<int64_t>{}));
      });
      r.result(name + "0-d condition", [&] {
        return E::where(mask<E>(std::vector<int64_t>{}), a({2, 3}), b({2, 3}));
      });
      r.result(name + "transposed", [&] {
        return E::where(mask<E>({3, 2}).t(), a({3, 2}).t(), b({2, 3}));
      });
      r.result(name + "expanded", [&] {
        return E::where(mask<E>({2, 3}), a({3}).expand({2, 3}), b({2, 1}));
      });
      r.result(name + "empty", [&] { return E::where(mask<E>({0, 3}), a({0, 3}), b({3})); });
      r.result(name + "member", [&] { return a({2, 3}).where(mask<E>({2, 3}), b({3})); });
    }
}

PARITY_CASE(where_scalars, "POINT-6", "") {
  auto c = mask<E>({2, 3});
  for (auto dt : allDtypes<E>()) {
    auto t = dividends<E>({2, 3}).to(dt);
    const std::string d = E::dtype_str(dt);
    r.result("where(c, " + d + ", 2)", [&] { return E::where(c, t, 2); });
    r.result("where(c, " + d + ", 2.5)", [&] { return E::where(c, t, 2.5); });
    r.result("where(c, " + d + ", true)", [&] { return E::where(c, t, true); });
    r.result("where(c, -1, " + d + ")", [&] { return E::where(c, -1, t); });
    r.result("where(c, 0.5, " + d + ")", [&] { return E::where(c, 0.5, t); });
    r.result("where(c, " + d + ", 0-d float64)",
             [&] { return E::where(c, t, E::full({}, 2.5, E::dtype(E::kFloat64))); });
    r.result("where(" + d + " condition, 1.0, 0.0)", [&] {
      return E::where(E::tensor({1.0, 0.0, 2.0}).to(dt), E::ones({3}), E::zeros({3}));
    });
  }
  r.result("where(c, 1, 0)", [&] { return E::where(c, 1, 0); });
  r.result("where(c, 1, 2.5)", [&] { return E::where(c, 1, 2.5); });
  r.result("where(c, 1.5, 2.5)", [&] { return E::where(c, 1.5, 2.5); });
  r.result("where(c, true, false)", [&] { return E::where(c, true, false); });
  r.result("where(c, true, 2)", [&] { return E::where(c, true, 2); });
  r.result("where shape mismatch", [&] { return E::where(c, E::ones({4}), E::zeros({3})); });
}

// masked_fill(mask, value) with a mask of self's shape.
template <class E, class V>
UnaryOp<E> maskedFill(std::string name, V value) {
  return {std::move(name),
          [value](const typename E::Tensor& t) {
            return t.masked_fill(mask<E>(std::vector<int64_t>(t.sizes().begin(), t.sizes().end())),
                                 value);
          },
          nullptr};
}

PARITY_CASE(masked_fill_samples, "POINT-6 POINT-8", "") {
  unarySweep(r, std::vector<UnaryOp<E>>{
                    maskedFill<E>("fill 2", 2),
                    maskedFill<E>("fill -1", -1),
                    maskedFill<E>("fill 2.5", 2.5),
                    maskedFill<E>("fill true", true),
                    maskedFill<E>("fill 300", 300),
                    maskedFill<E>("fill nan", kNan),
                    maskedFill<E>("fill 0-d float64", E::full({}, 2.5, E::dtype(E::kFloat64))),
                });
  auto t = dividends<E>({2, 3});
  for (auto dv : allDtypes<E>())
    r.result("fill 0-d " + E::dtype_str(dv), [&] {
      return t.masked_fill(mask<E>({2, 3}), E::full({}, 1, E::dtype(dv)));
    });
  r.result("row mask", [&] { return t.masked_fill(mask<E>({3}), 0); });
  r.result("column mask", [&] { return t.masked_fill(mask<E>({2, 1}), 0); });
  r.result("mask wider than self", [&] {
    return dividends<E>({3}).masked_fill(mask<E>({2, 3}), 0);
  });
  r.result("1-d value", [&] { return t.masked_fill(mask<E>({2, 3}), E::ones({1})); });
  r.result("uint8 mask", [&] { return t.masked_fill(mask<E>({2, 3}).to(E::kUInt8), 0); });
  r.result("mask shape mismatch", [&] { return t.masked_fill(mask<E>({4}), 0); });
  for (auto dt : allDtypes<E>()) {
    auto self = dividends<E>({2, 3}).to(dt).clone();
    const std::string d = E::dtype_str(dt) + " masked_fill_";
    const int64_t v0 = self._version();
    r.error(d + " 7", [&] { self.masked_fill_(mask<E>({3}), 7); });
    r.error(d + " 0-d", [&] { self.masked_fill_(mask<E>({2, 1}), E::full({}, -1.5)); });
    r.error(d + " 1000", [&] { self.masked_fill_(mask<E>({2, 3}), 1000); });
    r.tensor(d + " self", self);
    r.value(d + " writes", self._version() - v0);
  }
}

PARITY_CASE(unary_in_place, "POINT-8 POINT-9 POINT-1 POINT-2", "") {
  unaryInPlaceSweep(r, floatingUnaryOps<E>());
  unaryInPlaceSweep(r, dtypeKeepingUnaryOps<E>());
}

PARITY_CASE(logical_and_classifying_in_place, "POINT-8 POINT-4 POINT-7", "") {
  unaryInPlaceSweep(r, logicalUnaryOps<E>());
  unaryInPlaceSweep(r, classifyingUnaryOps<E>());
}

PARITY_CASE(binary_in_place, "POINT-8 POINT-3 POINT-4 POINT-9", "") {
  binaryInPlaceSweep(r, mathBinaryOps<E>());
  binaryInPlaceSweep(r, logicalBinaryOps<E>());
}

PARITY_CASE(clamp_lerp_in_place, "POINT-8 POINT-5", "") {
  for (auto da : allDtypes<E>())
    for (auto db : otherDtypes<E>(da)) {
      const std::string name = E::dtype_str(da) + " " + E::dtype_str(db) + " ";
      auto bound = divisors<E>({3}).to(db);
      auto end = divisors<E>({2, 3}).to(db);
      std::vector<std::pair<std::string, std::function<void(typename E::Tensor&)>>> forms = {
          {"clamp_(-1, 2)", [&](auto& s) { s.clamp_(-1, 2); }},
          {"clamp_(0.5, 2.5)", [&](auto& s) { s.clamp_(0.5, 2.5); }},
          {"clamp_min_(tensor)", [&](auto& s) { s.clamp_min_(bound); }},
          {"clamp_max_(tensor)", [&](auto& s) { s.clamp_max_(bound); }},
          {"clamp_(tensor, tensor)", [&](auto& s) { s.clamp_(bound, bound.add(1)); }},
          {"clamp_min_(1)", [&](auto& s) { s.clamp_min_(1); }},
          {"clamp_max_(0.5)", [&](auto& s) { s.clamp_max_(0.5); }},
          {"lerp_(end, 0.25)", [&](auto& s) { s.lerp_(end, 0.25); }},
          {"lerp_(end, weight)", [&](auto& s) { s.lerp_(end, bound); }},
      };
      for (auto& [form, f] : forms) {
        auto self = dividends<E>({2, 3}).to(da).clone();
        const int64_t v0 = self._version();
        r.error(name + form, [&] { f(self); });
        r.tensor(name + form + " self", self);
        r.value(name + form + " writes", self._version() - v0);
      }
    }
}

PARITY_CASE(in_place_never_broadcasts_self, "POINT-8", "") {
  auto row = [] { return E::tensor({1.0, 2.0, 3.0}); };
  auto big = E::ones({2, 3});
  r.error("abs_ on an expanded view", [&] { E::tensor({-1.0}).expand({3}).abs_(); });
  r.error("remainder_", [&] { row().remainder_(big); });
  r.error("pow_", [&] { row().pow_(big); });
  r.error("atan2_", [&] { row().atan2_(big); });
  r.error("bitwise_and_", [&] {
    E::tensor({1, 2, 3}).bitwise_and_(E::ones({2, 3}, E::dtype(E::kInt64)));
  });
  r.error("logical_or_", [&] { row().logical_or_(big); });
  r.error("clamp_min_", [&] { row().clamp_min_(big); });
  r.error("clamp_", [&] { row().clamp_(big, big); });
  r.error("lerp_ end", [&] { row().lerp_(big, 0.5); });
  r.error("lerp_ weight", [&] { row().lerp_(row(), big); });
  r.error("masked_fill_", [&] { row().masked_fill_(mask<E>({2, 3}), 0); });
  // A view's write bumps the version its base shares, once.
  auto base = E::tensor({{-1.0, 2.0}, {-3.0, 4.0}});
  const int64_t v0 = base._version();
  auto view = base.t();
  view.abs_();
  view.clamp_(0, 3);
  r.tensor("base after abs_ and clamp_ through a view", base);
  r.value("two writes through a view", base._version() - v0);
}

PARITY_CASE(cpp_operators, "POINT-3 POINT-4 POINT-8", "") {
  for (auto dt : allDtypes<E>()) {
    auto a = dividends<E>({2, 3}).to(dt);
    auto b = divisors<E>({3}).to(dt);
    const std::string d = E::dtype_str(dt) + " ";
    r.result(d + "a % b", [&] { return a % b; });
    r.result(d + "a & b", [&] { return a & b; });
    r.result(d + "a | b", [&] { return a | b; });
    r.result(d + "a ^ b", [&] { return a ^ b; });
    r.result(d + "~a", [&] { return ~a; });
    r.result(d + "a % 3", [&] { return a % 3; });
    r.result(d + "a % 2.5", [&] { return a % 2.5; });
    r.result(d + "7 % b", [&] { return 7 % b; });
    r.result(d + "7.5 % b", [&] { return 7.5 % b; });
    r.result(d + "a & 3", [&] { return a & 3; });
    r.result(d + "3 & a", [&] { return 3 & a; });
    r.result(d + "a | 1", [&] { return a | 1; });
    r.result(d + "true | a", [&] { return true | a; });
    r.result(d + "a ^ 6", [&] { return a ^ 6; });
    r.result(d + "6 ^ a", [&] { return 6 ^ a; });
    r.result(d + "2.5 ^ a", [&] { return 2.5 ^ a; });
    for (auto db : {E::kBool, E::kInt64, E::kFloat32}) {
      const std::string n = d + E::dtype_str(db) + " ";
      auto other = divisors<E>({3}).to(db);
      auto c = a.clone();
      const int64_t v0 = c._version();
      r.error(n + "&=", [&] { c &= other; });
      r.error(n + "|=", [&] { c |= other; });
      r.error(n + "^=", [&] { c ^= other; });
      r.tensor(n + "compound self", c);
      r.value(n + "compound writes", c._version() - v0);
    }
  }
}
