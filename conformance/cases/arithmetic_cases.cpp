// Cases for spec/clauses/arithmetic.md (ARITH-*): each operator over every
// dtype pair and every layout of binary_samples.h, plus the seed examples.
#include "binary_samples.h"

using namespace parity::conf;

namespace {

// Records op(a, b), or its error, for every dtype pair and operand layout.
template <class E, class Op>
void everyPairAndLayout(Rec<E>& r, Op op) {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>())
      for (auto& p : operandPairs<E>(da, db)) {
        const std::string name = E::dtype_str(da) + " " + E::dtype_str(db) + " " + p.layout;
        r.result(name, [&] { return op(p.a, p.b); });
      }
}

}  // namespace

PARITY_CASE(add_samples, "ARITH-1 ARITH-9 BCAST-1", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.add(b); });
}

PARITY_CASE(add_alpha_samples, "ARITH-1 ARITH-10", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.add(b, 2); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.add(b, 0.5); });
}

PARITY_CASE(sub_samples, "ARITH-1 ARITH-10", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.sub(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.sub(b, -3); });
}

PARITY_CASE(mul_samples, "ARITH-2 ARITH-9", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.mul(b); });
}

PARITY_CASE(div_samples, "ARITH-3 PROMO-3", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.div(b); });
}

PARITY_CASE(div_rounding_samples, "ARITH-3", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.div(b, "trunc"); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.div(b, "floor"); });
}

PARITY_CASE(comparison_samples, "ARITH-4", "") {
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.eq(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.lt(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.ge(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.ne(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.le(b); });
  everyPairAndLayout(r, [](auto& a, auto& b) { return a.gt(b); });
}

PARITY_CASE(scalar_operands, "ARITH-1 ARITH-2 ARITH-3 ARITH-4 ARITH-6 PROMO-2", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = dividends<E>({2, 3}).to(dt);
    const std::string d = E::dtype_str(dt);
    r.result(d + " + 2", [&] { return t + 2; });
    r.result(d + " + 2.5", [&] { return t + 2.5; });
    r.result(d + " + true", [&] { return t + true; });
    r.result("3 - " + d, [&] { return 3 - t; });
    r.result(d + " * -1.5", [&] { return t * -1.5; });
    r.result("2 * " + d, [&] { return 2 * t; });
    r.result(d + " / 4", [&] { return t / 4; });
    r.result("1 / " + d, [&] { return 1 / divisors<E>({2, 3}).to(dt); });
    r.result(d + " == 2", [&] { return t == 2; });
    r.result(d + " < 0.5", [&] { return t < 0.5; });
    r.result(d + " >= -1", [&] { return t >= -1; });
    r.result(d + " != true", [&] { return t != true; });
    r.result(d + ".div(3, floor)", [&] { return t.div(3, "floor"); });
  }
}

PARITY_CASE(unary_minus, "ARITH-5 ARITH-10", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = dividends<E>({2, 3}).to(dt);
    r.result(E::dtype_str(dt), [&] { return -t; });
  }
  r.tensor("-(-0.0)", -E::tensor({0.0, -0.0}));
  r.tensor("-(int8 -128) wraps", -E::tensor({-128, 5}, E::dtype(E::kInt8)));
}

PARITY_CASE(operators_are_the_named_ops, "ARITH-6", "") {
  auto a = dividends<E>({2, 3});
  auto b = divisors<E>({3});
  r.tensor("a + b", a + b);
  r.tensor("a - b", a - b);
  r.tensor("a * b", a * b);
  r.tensor("a / b", a / b);
  r.tensor("a == b", a == b);
  r.tensor("a != b", a != b);
  r.tensor("a < b", a < b);
  r.tensor("a <= b", a <= b);
  r.tensor("a > b", a > b);
  r.tensor("a >= b", a >= b);
  r.tensor("-a", -a);
  auto c = a.clone();
  c += b;
  c -= 1;
  c *= b;
  c /= 2;
  r.tensor("compound", c);
  r.value("compound version", c._version());
}

PARITY_CASE(element_wise_multiplication, "ARITH-2 PRINT-3", "S002-14") {
  auto a = E::tensor({{1, 2}, {3, 4}});
  auto b = E::tensor({{10, 20}, {30, 40}});
  auto p = a * b;
  r.tensor("a*b", p);
  r.expect_text(
      "print(a*b)", [&] { return E::repr(p); }, "tensor([[ 10,  40],\n        [ 90, 160]])");
}

PARITY_CASE(in_place_add_then_mul, "ARITH-7", "S001-43") {
  // The document draws b = rand(3, 3); any values show (b0 + 2) * 3 in place.
  auto b = dividends<E>({3, 3}).to(E::kFloat32);
  auto b0 = b.clone();
  auto before = b.data_ptr();
  const int64_t v0 = b._version();
  b.add_(2);
  b.mul_(3);
  r.tensor("b", b);
  r.tensor("(b0 + 2) * 3", (b0 + 2) * 3);
  r.expect("same storage", b.data_ptr() == before, 1);
  r.expect("two in-place writes", b._version() - v0, 2);
}

PARITY_CASE(in_place_every_pair, "ARITH-7 PROMO-4 BCAST-5", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      const std::string name = E::dtype_str(da) + " " + E::dtype_str(db);
      auto self = dividends<E>({2, 3}).to(da);
      auto other = divisors<E>({3}).to(db);
      const int64_t v0 = self._version();  // LibTorch's C++ tensor() leaves it nonzero
      r.error(name + " add_", [&] { self.add_(other); });
      r.error(name + " mul_", [&] { self.mul_(other); });
      r.error(name + " sub_", [&] { self.sub_(other); });
      r.error(name + " div_", [&] { self.div_(other); });
      r.tensor(name + " self", self);
      r.value(name + " writes", self._version() - v0);
    }
}

PARITY_CASE(in_place_never_broadcasts_self, "BCAST-5 ARITH-10", "") {
  auto row = E::ones({3});
  r.error("row.add_(ones(2, 3))", [&] { row.add_(E::ones({2, 3})); });
  r.error("row.mul_(ones(2, 1))", [&] { row.mul_(E::ones({2, 1})); });
  r.error("expanded.add_(1)", [&] { E::ones({3}).expand({2, 3}).add_(1); });
  auto t = E::ones({2, 3});
  t.t().add_(E::tensor({1.0, 2.0}));
  r.tensor("add_ through a transpose", t);
}

PARITY_CASE(half_precision_rounds_once, "ARITH-8", "") {
  auto a = E::tensor({0.1, 1.0 / 3.0, 2049.0, 65504.0, 1e-7, 3.0});
  auto b = E::tensor({0.2, 1.0 / 3.0, 1.0, 65504.0, 1e-7, 7.0});
  for (auto dt : {E::kFloat16, E::kBFloat16}) {
    auto x = a.to(dt), y = b.to(dt);
    r.tensor("add", x + y);
    r.tensor("sub", x - y);
    r.tensor("mul", x * y);
    r.tensor("div", x / y);
    r.tensor("add alpha", x.add(y, 3));
    r.tensor("with float32", x + b);
  }
}

PARITY_CASE(arithmetic_errors, "ARITH-10", "") {
  auto flags = E::tensor({true, false});
  r.result("bool - bool", [&] { return flags - flags; });
  r.result("bool - 1", [&] { return flags - 1; });
  r.result("-bool", [&] { return -flags; });
  r.result("int add alpha 0.5", [&] { return E::tensor({1, 2}).add(E::tensor({1, 2}), 0.5); });
  r.result("int div 0 trunc", [&] { return E::tensor({1, 2}).div(E::tensor({0, 1}), "trunc"); });
  r.result("int div 0 floor", [&] { return E::tensor({1, 2}).div(0, "floor"); });
  r.result("bad rounding mode", [&] { return E::tensor({1.0}).div(2, "round"); });
  r.tensor("float div 0", E::tensor({1.0, -1.0, 0.0}).div(E::tensor({0.0, 0.0, 0.0})));
  r.tensor("float floor div 0", E::tensor({1.0, -1.0, 0.0}).div(0.0, "floor"));
  r.tensor("int64 overflow wraps", E::tensor({INT64_MAX}) + 1);
}
