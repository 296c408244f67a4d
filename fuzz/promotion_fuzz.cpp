// Property: for random operand shapes (0 to 4 dims, sizes 0 to 4, often
// broadcastable, sometimes not), random dtypes, 0-d tensors and Python
// scalars, the binary operators give every engine LibTorch's result dtype,
// shape, strides, values and errors; in-place ones too. Budget and seed as
// fuzz_view_chains: PARITY_FUZZ_CASES, PARITY_FUZZ_SEED or RC_PARAMS.
#include <rapidcheck.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <type_traits>

#include "binary_samples.h"
#include "fuzz_params.h"
#include "harness/compare.h"

using namespace parity;
using namespace parity::conf;

namespace {

struct Draw {
  std::vector<int64_t> sa, sb;
  int da = 0, db = 0;
  int op = 0;         // add, sub, mul, div, div floor, eq, lt, add_
  int scalar = -1;    // -1: tensor b; 0 bool, 1 int, 2 float scalar b
  bool swap = false;  // scalar on the left
};

std::vector<int64_t> drawShape() {
  std::vector<int64_t> s;
  const int rank = *rc::gen::inRange(0, 5);
  for (int i = 0; i < rank; ++i)
    s.push_back(*rc::gen::weightedElement<int64_t>({{1, 0}, {4, 1}, {3, 2}, {3, 3}}));
  return s;
}

// b's shape: usually broadcastable with a's (its trailing dims, some set to 1).
std::vector<int64_t> drawPartner(const std::vector<int64_t>& a) {
  if (*rc::gen::inRange(0, 6) == 0) return drawShape();
  const size_t keep = *rc::gen::inRange<size_t>(0, a.size() + 1);
  std::vector<int64_t> b(a.end() - keep, a.end());
  for (auto& s : b)
    if (*rc::gen::inRange(0, 3) == 0) s = 1;
  if (*rc::gen::inRange(0, 4) == 0) b.insert(b.begin(), *rc::gen::inRange<int64_t>(1, 3));
  return b;
}

template <class E>
std::optional<typename E::Tensor> apply(const Draw& d, std::optional<ErrorInfo>& error) {
  const auto dts = allDtypes<E>();
  try {
    auto a = dividends<E>(d.sa).to(dts[d.da]);
    auto b = divisors<E>(d.sb).to(dts[d.db]);
    auto bin = [&](auto x, auto y) -> typename E::Tensor {
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
          if constexpr (std::is_same_v<decltype(x), typename E::Tensor>)
            return x.div(y, "floor");
          else
            return x / y;  // a scalar dividend has no rounding-mode operator
        case 5:
          return x == y;
        default:
          return x < y;
      }
    };
    if (d.op == 7) {
      if (d.scalar == 0)
        a.add_(true);
      else if (d.scalar == 1)
        a.add_(-3);
      else if (d.scalar == 2)
        a.add_(2.5);
      else
        a.add_(b);
      return a;
    }
    if (d.scalar < 0) return bin(a, b);
    auto withScalar = [&](auto s) { return d.swap ? bin(s, a) : bin(a, s); };
    if (d.scalar == 0) return withScalar(true);
    if (d.scalar == 1) return withScalar(-3);
    return withScalar(2.5);
  } catch (...) {
    error = E::describe_error(std::current_exception());
    return std::nullopt;
  }
}

std::string describe(const Draw& d) {
  auto shape = [](const std::vector<int64_t>& s) {
    std::string t = "{";
    for (size_t i = 0; i < s.size(); ++i) t += (i ? ", " : "") + std::to_string(s[i]);
    return t + "}";
  };
  static const char* ops[] = {"+", "-", "*", "/", "div floor", "==", "<", "add_"};
  static const char* scalars[] = {"true", "-3", "2.5"};
  std::string s = std::string("a") + shape(d.sa) + " " + toString(kAllScalarTypes[d.da]) + " " +
                  ops[d.op] + " ";
  if (d.scalar < 0) return s + "b" + shape(d.sb) + " " + toString(kAllScalarTypes[d.db]);
  return s + scalars[d.scalar] + (d.swap ? " (scalar on the left)" : "");
}

template <class Want, class Got>
void agree(const Draw& d) {
  std::optional<ErrorInfo> we, ge;
  auto w = apply<Want>(d, we);
  auto g = apply<Got>(d, ge);
  const std::string who = std::string(Got::name) + " vs " + Want::name + " for " + describe(d);
  auto text = [](const std::optional<ErrorInfo>& e) {
    return e ? e->kind + ": " + e->message : std::string("no error");
  };
  if (we || ge) {
    if (!(we && ge && we->kind == ge->kind && we->message == ge->message))
      RC_FAIL(who + ": expected " + text(we) + ", got " + text(ge));
    return;
  }
  const auto diffs = compareTensors(Want::snapshot(*w), Got::snapshot(*g));
  if (!diffs.empty()) RC_FAIL(who + ": " + diffs.front());
}

}  // namespace

int main() {
  parity::fuzz::configureRapidCheck();
  if (!PARITY_HAVE_TORCH)
    std::cout << "[parity] LibTorch absent: fast is compared with reference only\n";
  const bool ok = rc::check("binary operators promote and broadcast like LibTorch", [] {
    Draw d;
    d.sa = drawShape();
    d.sb = drawPartner(d.sa);
    d.da = *rc::gen::inRange(0, 10);
    d.db = *rc::gen::inRange(0, 10);
    d.op = *rc::gen::inRange(0, 8);
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
