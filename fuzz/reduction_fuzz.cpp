// Property (c): a random reduction — sum, prod, mean, amax, amin, max/min
// over a dim (values and indices), argmax, std, var, norm, all, any,
// logsumexp, cumsum — over a random subset of dims (negative and unsorted
// spellings, sometimes out of range or repeated), with or without keepdim,
// of a random tensor of any dtype laid out as a view with odd strides, gives
// every engine LibTorch's dtype, shape, strides, values and errors. Budget
// and seed as the other fuzzers.
#include <rapidcheck.h>

#include <iostream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_params.h"
#include "operand_views.h"
#include "outcome.h"

using namespace parity;
using namespace parity::conf;
using parity::fuzz::Layout;

namespace {

const char* const kOps[] = {"sum",      "prod",      "mean",   "amax",          "amin", "max(dim)",
                            "min(dim)", "argmax",    "std",    "var",           "norm", "all(dim)",
                            "any(dim)", "logsumexp", "cumsum", "sum(dtype=f64)"};
constexpr int kOpCount = sizeof(kOps) / sizeof(kOps[0]);

struct Draw {
  Layout a;
  int dtype = 0;
  int op = 0;
  std::vector<int64_t> dims;  // as spelled: may be negative, unsorted, bad
  bool all_dims = false;      // the no-dim overload
  bool keepdim = false;
};

template <class E>
std::vector<typename E::Tensor> apply(const Draw& d) {
  using T = typename E::Tensor;
  T a = fuzz::materialize<E>(
      d.a, [](auto s) { return dividends<E>(s); }, allDtypes<E>()[d.dtype]);
  const std::vector<int64_t>& dims = d.dims;
  const int64_t dim = dims.empty() ? 0 : dims.front();
  const bool k = d.keepdim;
  switch (d.op) {
    case 0:
      return {d.all_dims ? a.sum() : a.sum(dims, k)};
    case 1:
      return {d.all_dims ? a.prod() : a.prod(dim, k)};
    case 2:
      return {d.all_dims ? a.mean() : a.mean(dims, k)};
    case 3:
      return {a.amax(d.all_dims ? std::vector<int64_t>{} : dims, k)};
    case 4:
      return {a.amin(d.all_dims ? std::vector<int64_t>{} : dims, k)};
    case 5: {
      if (d.all_dims) return {a.max()};
      auto [v, i] = a.max(dim, k);
      return {v, i};
    }
    case 6: {
      if (d.all_dims) return {a.min()};
      auto [v, i] = a.min(dim, k);
      return {v, i};
    }
    case 7:
      return {d.all_dims ? a.argmax() : a.argmax(dim, k)};
    case 8:
      return {d.all_dims ? a.std()
                         : a.std(dims, typename E::template Opt<int64_t>(d.keepdim ? 0 : 1), k)};
    case 9:
      return {d.all_dims ? a.var() : a.var(dims, true, k)};
    case 10:
      return {d.all_dims ? a.norm() : a.norm(2, dims, k)};
    case 11:
      return {d.all_dims ? a.all() : a.all(dim, k)};
    case 12:
      return {d.all_dims ? a.any() : a.any(dim, k)};
    case 13:
      return {a.logsumexp(dims, k)};
    case 14:
      return {a.cumsum(dim)};
    default:
      return {d.all_dims ? a.sum(E::kFloat64) : a.sum(dims, k, E::kFloat64)};
  }
}

std::string describe(const Draw& d) {
  std::string s = std::string(kOps[d.op]) + " of " + fuzz::describe(d.a) + " " +
                  toString(kAllScalarTypes[d.dtype]);
  if (d.all_dims) return s + ", all dims";
  s += ", dims {";
  for (size_t i = 0; i < d.dims.size(); ++i) s += (i ? ", " : "") + std::to_string(d.dims[i]);
  return s + "}" + (d.keepdim ? ", keepdim" : "");
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
  const bool ok = rc::check("reductions over random dims agree with LibTorch", [] {
    Draw d;
    d.a = fuzz::drawLayout(fuzz::drawShape());
    d.dtype = *rc::gen::inRange(0, 10);
    d.op = *rc::gen::inRange(0, kOpCount);
    d.all_dims = *rc::gen::inRange(0, 4) == 0;
    d.keepdim = *rc::gen::arbitrary<bool>();
    const int64_t rank = static_cast<int64_t>(d.a.shape.size());
    // A subset of dims, each spelled positive or negative; rarely one that is
    // out of range or repeated, to reach the errors.
    for (int64_t i = 0; i < rank; ++i)
      if (*rc::gen::arbitrary<bool>()) d.dims.push_back(*rc::gen::arbitrary<bool>() ? i : i - rank);
    if (d.dims.size() > 1 && *rc::gen::arbitrary<bool>()) d.dims = fuzz::shuffled(d.dims);
    if (*rc::gen::inRange(0, 12) == 0) d.dims.push_back(rank + 1);
    if (!d.dims.empty() && *rc::gen::inRange(0, 12) == 0) d.dims.push_back(d.dims.front());
    // Ops that take one dim need one (scalars take dim 0 or -1 only).
    if (d.dims.empty() &&
        (d.op == 1 || (d.op >= 5 && d.op <= 7) || d.op == 11 || d.op == 12 || d.op == 14))
      d.dims.push_back(rank == 0 ? 0 : *rc::gen::inRange<int64_t>(-rank, rank));
#if PARITY_HAVE_TORCH
    agree<TorchEngine, RefEngine>(d);
    agree<TorchEngine, FastEngine>(d);
#else
    agree<RefEngine, FastEngine>(d);
#endif
  });
  return ok ? 0 : 1;
}
