// Properties (a) broadcasting and (b) promotion: for random operand shapes
// (compatible and not), each laid out as a view with odd strides
// (operand_views.h), random dtypes, 0-d tensors and Python scalars on either
// side, a sample of binary pointwise ops — the arithmetic operators, pow,
// remainder, fmod, floor_divide, maximum, atan2, bitwise_and, logical_xor,
// where, clamp_min and two in-place ops — gives every engine LibTorch's result
// dtype, shape, strides, values and errors. Budget and seed as
// fuzz_view_chains: PARITY_FUZZ_CASES, PARITY_FUZZ_SEED or RC_PARAMS.
#include <rapidcheck.h>

#include <iostream>
#include <optional>
#include <string>
#include <type_traits>

#include "fuzz_params.h"
#include "operand_views.h"
#include "outcome.h"

using namespace parity;
using namespace parity::conf;
using parity::fuzz::Layout;

namespace {

const char* const kOps[] = {
    "+",           "-",           "*",         "/",         "div floor",    "==",      "<",
    "add_",        "pow",         "remainder", "fmod",      "floor_divide", "maximum", "atan2",
    "bitwise_and", "logical_xor", "where",     "clamp_min", "mul_"};
constexpr int kOpCount = sizeof(kOps) / sizeof(kOps[0]);

struct Draw {
  Layout a, b;
  int da = 0, db = 0;
  int op = 0;
  int scalar = -1;    // -1: tensor b; 0 bool, 1 int, 2 float scalar b
  bool swap = false;  // scalar on the left (operators only)
};

template <class E>
typename E::Tensor apply(const Draw& d) {
  using T = typename E::Tensor;
  const auto dts = allDtypes<E>();
  T a = fuzz::materialize<E>(
      d.a, [](auto s) { return dividends<E>(s); }, dts[d.da]);
  T b = fuzz::materialize<E>(
      d.b, [](auto s) { return divisors<E>(s); }, dts[d.db]);
  // Named ops take the scalar as a Scalar where LibTorch has that overload,
  // else as a 0-d tensor; operators take it on either side.
  auto named = [&](auto x, auto y) -> T {
    auto asTensor = [](auto v) -> T {
      if constexpr (std::is_same_v<decltype(v), T>)
        return v;
      else
        return E::tensor(v);
    };
    switch (d.op) {
      case 8:
        return x.pow(y);
      case 9:
        return x.remainder(y);
      case 10:
        return x.fmod(y);
      case 11:
        return x.floor_divide(y);
      case 12:
        return x.maximum(asTensor(y));
      case 13:
        return x.atan2(asTensor(y));
      case 14:
        return x.bitwise_and(y);
      case 15:
        return x.logical_xor(asTensor(y));
      case 16:
        return E::where(x.gt(0), x, y);
      case 17:
        return x.clamp_min(y);
      case 18:
        return x.mul_(y);
      default:
        return x.add_(y);
    }
  };
  auto bin = [&](auto x, auto y) -> T {
    switch (d.op) {
      case 0:
        return x + y;
      case 1:
        return x - y;
      case 2:
        return x * y;
      case 3:
        return x / y;
      case 4:
        if constexpr (std::is_same_v<decltype(x), T>)
          return x.div(y, "floor");
        else
          return x / y;  // a scalar dividend has no rounding-mode operator
      case 5:
        return x == y;
      case 6:
        return x < y;
      default:
        if constexpr (std::is_same_v<decltype(x), T>)
          return named(x, y);
        else
          return named(y, x);  // named ops keep the tensor first
    }
  };
  if (d.scalar < 0) return bin(a, b);
  auto withScalar = [&](auto s) { return d.swap && d.op < 7 ? bin(s, a) : bin(a, s); };
  if (d.scalar == 0) return withScalar(true);
  if (d.scalar == 1) return withScalar(-3);
  return withScalar(2.5);
}

std::string describe(const Draw& d) {
  static const char* scalars[] = {"true", "-3", "2.5"};
  std::string s = std::string("a") + fuzz::describe(d.a) + " " + toString(kAllScalarTypes[d.da]) +
                  " " + kOps[d.op] + " ";
  if (d.scalar < 0) return s + "b" + fuzz::describe(d.b) + " " + toString(kAllScalarTypes[d.db]);
  return s + scalars[d.scalar] + (d.swap && d.op < 7 ? " (scalar on the left)" : "");
}

template <class Want, class Got>
void agree(const Draw& d) {
  fuzz::requireSame(std::string(Got::name) + " vs " + Want::name + " for " + describe(d),
                    fuzz::outcomeOf<Want>([&] { return apply<Want>(d); }),
                    fuzz::outcomeOf<Got>([&] { return apply<Got>(d); }));
}

}  // namespace

int main() {
  parity::fuzz::configureRapidCheck();
  if (!PARITY_HAVE_TORCH)
    std::cout << "[parity] LibTorch absent: fast is compared with reference only\n";
  const bool ok = rc::check("binary ops promote and broadcast like LibTorch", [] {
    Draw d;
    d.a = fuzz::drawLayout(fuzz::drawShape());
    d.b = fuzz::drawLayout(fuzz::drawPartner(d.a.shape));
    d.da = *rc::gen::inRange(0, 10);
    d.db = *rc::gen::inRange(0, 10);
    d.op = *rc::gen::inRange(0, kOpCount);
    d.scalar = *rc::gen::weightedElement<int>({{6, -1}, {1, 0}, {1, 1}, {1, 2}});
    d.swap = *rc::gen::arbitrary<bool>();
#if PARITY_HAVE_TORCH
    agree<TorchEngine, RefEngine>(d);
    agree<TorchEngine, FastEngine>(d);
#else
    agree<RefEngine, FastEngine>(d);
#endif
  });
  return ok ? 0 : 1;
}
