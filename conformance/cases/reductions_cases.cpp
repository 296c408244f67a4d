// Cases for spec/clauses/reductions.md (REDUCE-*): an OpInfo-style table of
// reductions, each driven over every dtype, the sample layouts below and
// every dim choice that fits the sample's rank, plus errors and seeds.
#include <cmath>
#include <functional>
#include <optional>

#include "case_util.h"

using namespace parity::conf;

namespace {

using Dims = std::vector<int64_t>;

// LibTorch 1.13 spells an optional int as c10::optional, the engines as
// std::optional; neither converts to the other.
template <class E>
struct OptIntOf {
  using type = std::optional<int64_t>;
};
#if PARITY_HAVE_TORCH
template <>
struct OptIntOf<TorchEngine> {
  using type = c10::optional<int64_t>;
};
#endif
template <class E>
using OptInt = typename OptIntOf<E>::type;

// Multiples of 0.5 no larger than 4 in magnitude, with ties and zeros, and
// few factors of 3: sums of up to 24 of them and their products are exact in
// every floating dtype, so summation order cannot matter.
template <class E>
typename E::Tensor reduceValues(typename E::Sizes sizes) {
  auto v = E::tensor(
      {1.0, -2.0, 0.5,  3.0, -1.0, 2.0,  2.0, -0.5, 1.0,  4.0, -3.0, 1.5,  0.0,  2.0, -1.0, 0.5,
       4.0, -2.0, 1.0,  2.0, -4.0, 1.0,  3.0, -1.5, 2.0,  1.0, -1.0, 0.5,  -2.0, 4.0, 1.0,  -0.5,
       2.0, 0.0,  -1.0, 2.0, 1.5,  -4.0, 1.0, 2.0,  -2.0, 0.5, 1.0,  -1.0, 4.0,  2.0, -0.5, 1.0},
      E::dtype(E::kFloat64));
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  return v.slice(0, 0, n).reshape(sizes);
}

template <class E>
bool isFloating(decltype(E::kFloat32) dt) {
  return dt == E::kFloat16 || dt == E::kBFloat16 || dt == E::kFloat32 || dt == E::kFloat64;
}

// One way of choosing dims: every dim (no dim argument), or a list.
struct DimChoice {
  std::string name;
  bool every = false;
  std::vector<int64_t> dims;
  bool keepdim = false;
  bool single() const { return !every && dims.size() == 1; }
};

// The dim choices that fit a sample. Empty samples get fewer: most of their
// choices raise, and LibTorch's errors cost milliseconds each.
std::vector<DimChoice> choicesFor(int64_t rank, bool empty) {
  if (rank == 0)
    return {{"all", true, {}, false},
            {"dim 0", false, {0}, false},
            {"dim -1 keepdim", false, {-1}, true},
            {"dims [] keepdim", false, {}, true}};
  if (rank == 1 && empty) return {{"all", true, {}, false}, {"dim 0 keepdim", false, {0}, true}};
  if (rank == 1)
    return {{"all", true, {}, false},
            {"dim 0", false, {0}, false},
            {"dim -1 keepdim", false, {-1}, true},
            {"dims []", false, {}, false}};
  if (empty)
    return {{"all", true, {}, false},
            {"dim 1 (empty)", false, {1}, false},
            {"dim 0", false, {0}, false},
            {"dim -1 keepdim", false, {-1}, true},
            {"dims [0, 2]", false, {0, 2}, false},
            {"dims [0, 1] keepdim", false, {0, 1}, true}};
  if (rank == 2)
    return {{"all", true, {}, false},
            {"dim 0", false, {0}, false},
            {"dim -1 keepdim", false, {-1}, true},
            {"dims [1, 0] keepdim", false, {1, 0}, true},
            {"dims []", false, {}, false}};
  return {{"all", true, {}, false},
          {"dim 0", false, {0}, false},
          {"dim -1", false, {-1}, false},
          {"dim 1 keepdim", false, {1}, true},
          {"dim -2 keepdim", false, {-2}, true},
          {"dims [0, 2]", false, {0, 2}, false},
          {"dims [-1, 0] keepdim", false, {-1, 0}, true},
          {"dims [] keepdim", false, {}, true}};
}

template <class E>
struct Sample {
  std::string layout;
  typename E::Tensor t;
  bool empty = false;
};

// The layouts every reduction runs on, in dtype `dt`. The empty ones only
// for int64 and float32 (empty_reductions covers the other dtypes).
template <class E, class D>
std::vector<Sample<E>> reduceSamples(D dt) {
  auto v = [&](typename E::Sizes s) { return reduceValues<E>(s).to(dt); };
  std::vector<Sample<E>> s = {
      {"[2, 3, 4]", v({2, 3, 4})},
      {"0-d", E::full({}, -2.0, E::dtype(E::kFloat64)).to(dt)},
      {"size-1 dims [1, 3, 1]", v({1, 3, 1})},
      {"[4]", v({4})},
      {"transposed [3, 4]", v({4, 3}).t()},
      {"permuted [2, 3, 4]", v({3, 4, 2}).permute({2, 0, 1})},
      {"expanded [2, 3, 4]", v({3, 1}).expand({2, 3, 4})},
      {"offset [2, 3, 4]", v({3, 3, 4}).slice(0, 1, 3)},
      {"strided [2, 3, 4]", v({2, 3, 8}).slice(2, 1, 8, 2)},
  };
  if (dt == E::kInt64 || dt == E::kFloat32) {
    s.push_back({"empty [0]", E::zeros({0}, E::dtype(dt)), true});
    s.push_back({"[2, 0, 3]", E::zeros({2, 0, 3}, E::dtype(dt)), true});
  }
  if (isFloating<E>(dt)) {
    // NaN in two rows of the last dim (twice in one of them) and one column.
    auto n = v({2, 3, 4});
    n.index_put_({0, 1, 2}, std::nan(""));
    n.index_put_({1, 2, 0}, std::nan(""));
    n.index_put_({1, 2, 3}, std::nan(""));
    s.push_back({"[2, 3, 4] with NaN", n});
  }
  return s;
}

// What dims a reduction takes: a list (or none), one dim (or none), or
// exactly one dim. kLogsumexpDims is a list that is not [] without keepdim:
// LibTorch 1.13's logsumexp(dim=[], keepdim=False) raises "output with shape
// [] doesn't match the broadcast shape [1, 1]", a bug the engines need not
// copy (reductions.md, REDUCE-5).
enum class Takes { kDimList, kOneDimOrNone, kOneDim, kLogsumexpDims };

// A reduction: `f` maps a sample and a dim choice to a result.
template <class E>
struct Reduction {
  std::string name;
  Takes takes;
  std::function<typename E::Tensor(const typename E::Tensor&, const DimChoice&)> f;
};

bool fits(Takes takes, const DimChoice& c) {
  if (takes == Takes::kDimList) return true;
  if (takes == Takes::kLogsumexpDims) return c.every || !c.dims.empty() || c.keepdim;
  if (takes == Takes::kOneDimOrNone) return c.every || c.single();
  return c.single();
}

// Records every reduction of `ops` on every dtype, sample and dim choice.
// Where a dtype has no kernel (the op raises on the contiguous sample), the
// error is recorded on the first sample and two dim choices only: LibTorch's
// errors cost milliseconds each. An engine that raises where LibTorch does
// not still fails: its first entry is an error where the oracle's is a tensor.
template <class E>
void everyDtypeSampleAndDim(Rec<E>& r, const std::vector<Reduction<E>>& ops) {
  for (auto dt : allDtypes<E>()) {
    const auto samples = reduceSamples<E>(dt);
    for (auto& op : ops) {
      bool rejected = false;
      try {
        (void)op.f(samples[0].t, op.takes == Takes::kOneDim ? DimChoice{"", false, {0}}
                                                            : DimChoice{"", true, {}});
      } catch (...) {
        rejected = true;
      }
      for (size_t k = 0; k < (rejected ? 1 : samples.size()); ++k) {
        const Sample<E>& s = samples[k];
        int kept = 0;
        for (auto& c : choicesFor(s.t.dim(), s.empty)) {
          if (!fits(op.takes, c) || (rejected && kept == 2)) continue;
          ++kept;
          const std::string name = E::dtype_str(dt) + " " + s.layout + " " + op.name + " " + c.name;
          r.result(name, [&] { return op.f(s.t, c); });
        }
      }
    }
  }
}

}  // namespace

PARITY_CASE(sum_mean_prod_samples, "REDUCE-1 REDUCE-2 REDUCE-7", "") {
  using T = typename E::Tensor;
  everyDtypeSampleAndDim<E>(r, {{"sum", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.sum() : t.sum(c.dims, c.keepdim);
                                 }},
                                {"mean", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.mean() : t.mean(c.dims, c.keepdim);
                                 }},
                                {"prod", Takes::kOneDimOrNone, [](const T& t, const DimChoice& c) {
                                   return c.every ? t.prod() : t.prod(c.dims[0], c.keepdim);
                                 }}});
}

PARITY_CASE(dtype_argument, "REDUCE-2 REDUCE-1 REDUCE-6", "") {
  // Every source dtype to every dtype=, on a contiguous and a transposed
  // input. A dtype= that the op refuses whatever the source (it raises for a
  // float64 source) is recorded for two sources only.
  using T = typename E::Tensor;
  using D = decltype(E::kFloat32);
  const std::vector<std::pair<std::string, std::function<T(const T&, D)>>> ops = {
      {"sum()", [](const T& t, D d) { return t.sum(d); }},
      {"sum(1)", [](const T& t, D d) { return t.sum(1, false, d); }},
      {"sum([0, -1], keepdim)",
       [](const T& t, D d) {
         return t.sum(Dims{0, -1}, true, d);
       }},
      {"mean()", [](const T& t, D d) { return t.mean(d); }},
      {"mean(0, keepdim)", [](const T& t, D d) { return t.mean(0, true, d); }},
      {"prod()", [](const T& t, D d) { return t.prod(d); }},
      {"prod(-1)", [](const T& t, D d) { return t.prod(-1, false, d); }},
      {"cumsum(1)", [](const T& t, D d) { return t.cumsum(1, d); }},
      {"cumprod(0)", [](const T& t, D d) { return t.cumprod(0, d); }},
  };
  for (auto& [op_name, op] : ops)
    for (auto dst : allDtypes<E>()) {
      bool rejected = false;
      try {
        (void)op(reduceValues<E>({2, 3}), dst);
      } catch (...) {
        rejected = true;
      }
      for (auto src : allDtypes<E>()) {
        if (rejected && src != E::kBool && src != E::kFloat32) continue;
        const std::string d = E::dtype_str(src) + " " + op_name + " dtype=" + E::dtype_str(dst);
        auto a = reduceValues<E>({2, 3, 4}).to(src), b = reduceValues<E>({4, 6}).to(src).t();
        r.result(d, [&] { return op(a, dst); });
        if (!rejected) r.result(d + " transposed", [&] { return op(b, dst); });
      }
    }
  // Conversion happens before the sum: it wraps and truncates.
  r.tensor("int64 [100, 100] sum(int8)", E::tensor({100, 100}).sum(E::kInt8));
  r.tensor("[1.5, 2.7] sum(int32)", E::tensor({1.5, 2.7}).sum(E::kInt32));
  r.tensor("[1.5, 2.7] cumsum(int32)", E::tensor({1.5, 2.7}).cumsum(0, E::kInt32));
}

PARITY_CASE(extrema_samples, "REDUCE-3 REDUCE-7", "") {
  using T = typename E::Tensor;
  everyDtypeSampleAndDim<E>(
      r, {{"max", Takes::kOneDimOrNone,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.max() : std::get<0>(t.max(c.dims[0], c.keepdim));
           }},
          {"max indices", Takes::kOneDim,
           [](const T& t, const DimChoice& c) { return std::get<1>(t.max(c.dims[0], c.keepdim)); }},
          {"min", Takes::kOneDimOrNone,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.min() : std::get<0>(t.min(c.dims[0], c.keepdim));
           }},
          {"min indices", Takes::kOneDim,
           [](const T& t, const DimChoice& c) { return std::get<1>(t.min(c.dims[0], c.keepdim)); }},
          {"amax", Takes::kDimList,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.amax() : t.amax(c.dims, c.keepdim);
           }},
          {"amin", Takes::kDimList,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.amin() : t.amin(c.dims, c.keepdim);
           }},
          {"argmax", Takes::kOneDimOrNone,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.argmax(OptInt<E>{}, true) : t.argmax(c.dims[0], c.keepdim);
           }},
          {"argmin", Takes::kOneDimOrNone, [](const T& t, const DimChoice& c) {
             return c.every ? t.argmin(OptInt<E>{}, true) : t.argmin(c.dims[0], c.keepdim);
           }}});
}

PARITY_CASE(ties_and_nan, "REDUCE-3", "") {
  const double nan = std::nan("");
  for (auto dt : {E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64}) {
    const std::string d = E::dtype_str(dt) + " ";
    auto x = E::tensor({{1.0, nan, 3.0, nan}, {2.0, 2.0, 1.0, 2.0}, {0.0, -1.0, -1.0, 0.0}}).to(dt);
    for (int64_t dim : {0, 1}) {
      const std::string k = d + "dim " + std::to_string(dim) + " ";
      auto [mx, imx] = x.max(dim);
      auto [mn, imn] = x.min(dim);
      r.tensor(k + "max values", mx);
      r.tensor(k + "max indices", imx);
      r.tensor(k + "min values", mn);
      r.tensor(k + "min indices", imn);
      r.tensor(k + "argmax", x.argmax(dim));
      r.tensor(k + "argmin", x.argmin(dim));
      r.tensor(k + "amax", x.amax(dim));
      r.tensor(k + "amin", x.amin(dim));
    }
    r.tensor(d + "max()", x.max());
    r.tensor(d + "argmax()", x.argmax());
    r.tensor(d + "argmin()", x.argmin());
    // 0. and -0. tie: the index is the first; which zero max() returns
    // depends on LibTorch's vectorization and is not compared.
    r.tensor(d + "signed zeros argmin", E::tensor({0.0, -0.0}).to(dt).argmin());
    r.tensor(d + "signed zeros argmax(0)", E::tensor({-0.0, 0.0}).to(dt).argmax(0));
  }
  for (auto dt : allDtypes<E>()) {
    auto ties = E::tensor({{3, 1, 3, 3}, {0, 0, 0, 0}}).to(dt);
    const std::string d = E::dtype_str(dt) + " ties ";
    r.result(d + "max(1) indices", [&] { return std::get<1>(ties.max(1)); });
    r.result(d + "min(1) indices", [&] { return std::get<1>(ties.min(1)); });
    r.result(d + "argmax", [&] { return ties.argmax(); });
    r.result(d + "argmin(1)", [&] { return ties.argmin(1); });
    r.result(d + "argmax(0, keepdim)", [&] { return ties.argmax(0, true); });
  }
}

PARITY_CASE(std_var_samples, "REDUCE-4 REDUCE-7", "") {
  using T = typename E::Tensor;
  everyDtypeSampleAndDim<E>(
      r, {{"std", Takes::kDimList,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.std() : t.std(c.dims, true, c.keepdim);
           }},
          {"var biased", Takes::kDimList,
           [](const T& t, const DimChoice& c) {
             return c.every ? t.var(false) : t.var(c.dims, false, c.keepdim);
           }},
          {"std correction 0", Takes::kDimList,
           [](const T& t, const DimChoice& c) { return t.std(c.dims, OptInt<E>(0), c.keepdim); }},
          {"var correction 2", Takes::kDimList,
           [](const T& t, const DimChoice& c) { return t.var(c.dims, OptInt<E>(2), c.keepdim); }}});
  r.tensor("std of one element", E::tensor({1.0}).std());
  r.tensor("var of [1, 2] correction 2", E::tensor({1.0, 2.0}).var(0, OptInt<E>(2)));
  r.tensor("std of [1, 2] correction 0", E::tensor({1.0, 2.0}).std(0, OptInt<E>(0)));
  r.tensor("var of [1, 2] correction 3", E::tensor({1.0, 2.0}).var(0, OptInt<E>(3)));
}

PARITY_CASE(norm_logsumexp_all_any_samples, "REDUCE-5 REDUCE-7", "") {
  using T = typename E::Tensor;
  everyDtypeSampleAndDim<E>(r, {{"norm", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.norm() : t.norm(2.0, c.dims, c.keepdim);
                                 }},
                                {"norm p=1", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.norm(1) : t.norm(1.0, c.dims, c.keepdim);
                                 }},
                                {"norm p=inf", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.norm(HUGE_VAL)
                                                  : t.norm(HUGE_VAL, c.dims, c.keepdim);
                                 }},
                                {"norm p=0", Takes::kDimList,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.norm(0.0) : t.norm(0.0, c.dims, c.keepdim);
                                 }},
                                {"logsumexp", Takes::kLogsumexpDims,
                                 [](const T& t, const DimChoice& c) {
                                   // No all-dims form: "all" lists every dim.
                                   Dims every;
                                   for (int64_t d = 0; d < t.dim(); ++d) every.push_back(d);
                                   return t.logsumexp(c.every ? every : c.dims, c.keepdim);
                                 }},
                                {"all", Takes::kOneDimOrNone,
                                 [](const T& t, const DimChoice& c) {
                                   return c.every ? t.all() : t.all(c.dims[0], c.keepdim);
                                 }},
                                {"any", Takes::kOneDimOrNone, [](const T& t, const DimChoice& c) {
                                   return c.every ? t.any() : t.any(c.dims[0], c.keepdim);
                                 }}});
  const double nan = std::nan("");
  auto special = E::tensor({{nan, 1.0}, {HUGE_VAL, 1.0}, {-HUGE_VAL, -HUGE_VAL}, {0.0, -0.0}});
  r.tensor("logsumexp of nan, inf, -inf rows", special.logsumexp(Dims{1}));
  r.tensor("all with nan", special.all(1));
  r.tensor("any with signed zeros", special.any(1));
  r.tensor("norm p=3", E::tensor({3.0, -4.0}).norm(3));
  r.tensor("norm p=-inf", E::tensor({3.0, -4.0}).norm(-HUGE_VAL));
}

PARITY_CASE(cumulative_samples, "REDUCE-6 REDUCE-2", "") {
  using T = typename E::Tensor;
  everyDtypeSampleAndDim<E>(
      r, {{"cumsum", Takes::kOneDim,
           [](const T& t, const DimChoice& c) { return t.cumsum(c.dims[0]); }},
          {"cumprod", Takes::kOneDim,
           [](const T& t, const DimChoice& c) { return t.cumprod(c.dims[0]); }}});
  const double nan = std::nan("");
  r.tensor("cumsum through nan", E::tensor({1.0, nan, 2.0}).cumsum(0));
  r.tensor("cumprod through 0 and inf", E::tensor({2.0, 0.0, HUGE_VAL, 3.0}).cumprod(0));
  r.tensor("cumsum of int8 wraps into int64", E::tensor({100, 100}, E::dtype(E::kInt8)).cumsum(0));
}

PARITY_CASE(reduction_errors,
            "REDUCE-7 REDUCE-1 REDUCE-3 REDUCE-4 REDUCE-5 REDUCE-6 ERR-1 ERR-2",
            "") {
  auto x = reduceValues<E>({2, 3, 4}).to(E::kFloat32);
  auto ints = reduceValues<E>({2, 3}).to(E::kInt64);
  auto empty = E::zeros({2, 0, 3});
  auto scalar = E::full({}, 3.0);
  r.result("sum dim 3 of 3-d", [&] { return x.sum(3); });
  r.result("sum dim -4 of 3-d", [&] { return x.sum(-4); });
  r.result("sum dims [0, 0]", [&] { return x.sum(Dims{0, 0}); });
  r.result("sum dims [1, -2]", [&] { return x.sum(Dims{1, -2}); });
  r.result("mean dims [2, 2, 0]", [&] { return x.mean(Dims{2, 2, 0}); });
  r.result("amax dims [0, 0]", [&] { return x.amax(Dims{0, 0}); });
  r.result("std dims [-1, 2]", [&] { return x.std(Dims{-1, 2}); });
  r.result("logsumexp dims [1, 1]", [&] { return x.logsumexp(Dims{1, 1}); });
  r.result("norm dims [0, 0]", [&] { return x.norm(2.0, Dims{0, 0}); });
  r.result("prod dim 3", [&] { return x.prod(3); });
  r.result("max dim 5", [&] { return std::get<0>(x.max(5)); });
  r.result("argmax dim -4", [&] { return x.argmax(-4); });
  r.result("all dim 3", [&] { return x.all(3); });
  r.result("cumsum dim 3", [&] { return x.cumsum(3); });
  r.result("cumprod dim -4", [&] { return x.cumprod(-4); });
  r.result("0-d sum dim 1", [&] { return scalar.sum(1); });
  r.result("0-d max dim 1", [&] { return std::get<0>(scalar.max(1)); });
  r.result("0-d cumsum dim 1", [&] { return scalar.cumsum(1); });
  r.result("mean of int64", [&] { return ints.mean(); });
  r.result("mean dim 0 of int64", [&] { return ints.mean(0); });
  r.result("mean of bool", [&] { return ints.to(E::kBool).mean(); });
  r.result("std of int64", [&] { return ints.std(); });
  r.result("var dim 0 of uint8", [&] { return ints.to(E::kUInt8).var(0); });
  r.result("norm of int64", [&] { return ints.norm(); });
  r.result("norm dim 0 of int32", [&] { return ints.to(E::kInt32).norm(2.0, Dims{0}); });
  r.result("max() of empty", [&] { return empty.max(); });
  r.result("min() of empty", [&] { return empty.min(); });
  r.result("amax() of empty", [&] { return empty.amax(); });
  r.result("argmax() of empty", [&] { return empty.argmax(); });
  r.result("max over the empty dim", [&] { return std::get<0>(empty.max(1)); });
  r.result("min over the empty dim", [&] { return std::get<0>(empty.min(1, true)); });
  r.result("amin over the empty dim", [&] { return empty.amin(Dims{1}); });
  r.result("amax over dims [0, 1]", [&] { return empty.amax(Dims{0, 1}); });
  r.result("argmin over the empty dim", [&] { return empty.argmin(1); });
  r.result("max over a non-empty dim", [&] { return std::get<0>(empty.max(0)); });
  r.expect_error(
      "mean of int64 text", [&] { (void)ints.mean(); }, "RuntimeError",
      "mean(): could not infer output dtype. Input dtype must be either a floating point or "
      "complex dtype. Got: Long");
  r.expect_error(
      "sum dim 3 text", [&] { (void)x.sum(3); }, "IndexError",
      "Dimension out of range (expected to be in range of [-3, 2], but got 3)");
  r.expect_error(
      "repeated dims text",
      [&] {
        (void)x.sum(Dims{0, 0});
      },
      "RuntimeError", "dim 0 appears multiple times in the list of dims");
  r.expect_error(
      "max over the empty dim text", [&] { (void)empty.max(1); }, "IndexError",
      "max(): Expected reduction dim 1 to have non-zero size.");
}

PARITY_CASE(empty_reductions, "REDUCE-7 REDUCE-3", "") {
  // What reducing zero elements gives, on six representative dtypes (the
  // sample families run the empty samples on int64 and float32).
  for (auto dt : {E::kBool, E::kUInt8, E::kInt32, E::kFloat16, E::kBFloat16, E::kFloat64}) {
    const std::string d = E::dtype_str(dt) + " ";
    auto e = E::zeros({0}, E::dtype(dt));
    auto e3 = E::zeros({2, 0, 3}, E::dtype(dt));
    r.result(d + "sum", [&] { return e.sum(); });
    r.result(d + "sum(1) of [2, 0, 3]", [&] { return e3.sum(1); });
    r.result(d + "prod", [&] { return e.prod(); });
    r.result(d + "mean", [&] { return e.mean(); });
    r.result(d + "std", [&] { return e.std(); });
    r.result(d + "var(1) of [2, 0, 3]", [&] { return e3.var(1); });
    r.result(d + "norm", [&] { return e.norm(); });
    r.result(d + "logsumexp", [&] { return e.logsumexp(Dims{0}); });
    r.result(d + "all", [&] { return e.all(); });
    r.result(d + "any(1) of [2, 0, 3]", [&] { return e3.any(1); });
    r.result(d + "cumsum", [&] { return e.cumsum(0); });
    r.result(d + "cumprod(1) of [2, 0, 3]", [&] { return e3.cumprod(1); });
    r.result(d + "max()", [&] { return e.max(); });
    r.result(d + "argmax(1) of [2, 0, 3]", [&] { return e3.argmax(1); });
    r.result(d + "argmin(0) of [2, 0, 3]", [&] { return e3.argmin(0); });
    r.result(d + "min(0) of [2, 0, 3]", [&] { return std::get<0>(e3.min(0)); });
    r.result(d + "amax(2) of [2, 0, 3]", [&] { return e3.amax(Dims{2}); });
  }
}

PARITY_CASE(mean_over_channels, "REDUCE-1", "S001-11") {
  // The document draws randn(3, 5, 5) and randn(2, 3, 5, 5); random numbers
  // are a later issue, and any fixed values show the shapes: linspace here.
  auto img_t = E::linspace(-1.0, 1.0, 75).reshape({3, 5, 5});
  auto batch_t = E::linspace(-2.0, 2.0, 150).reshape({2, 3, 5, 5});
  auto img_gray_naive = img_t.mean(-3);
  auto batch_gray_naive = batch_t.mean(-3);
  r.expect_list("img_gray_naive.shape", img_gray_naive.sizes(), {5, 5});
  r.expect_list("batch_gray_naive.shape", batch_gray_naive.sizes(), {2, 5, 5});
  r.tensor("img_gray_naive", img_gray_naive);
  r.tensor("batch_gray_naive", batch_gray_naive);
}

PARITY_CASE(weighted_channel_sum, "REDUCE-1 BCAST-3", "S001-13") {
  // Fixed values in place of the document's randn (see mean_over_channels).
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto img_t = E::linspace(-1.0, 1.0, 75).reshape({3, 5, 5});
  auto batch_t = E::linspace(-2.0, 2.0, 150).reshape({2, 3, 5, 5});
  auto unsqueezed_weights = weights.unsqueeze(-1).unsqueeze(-1);
  r.expect_list("unsqueezed_weights.shape", unsqueezed_weights.sizes(), {3, 1, 1});
  auto img_weights = img_t * unsqueezed_weights;
  auto batch_weights = batch_t * unsqueezed_weights;
  r.expect_list("img_weights.shape", img_weights.sizes(), {3, 5, 5});
  r.expect_list("batch_weights.shape", batch_weights.sizes(), {2, 3, 5, 5});
  auto img_gray_weighted = img_weights.sum(-3);
  auto batch_gray_weighted = batch_weights.sum(-3);
  r.expect_list("img_gray_weighted.shape", img_gray_weighted.sizes(), {5, 5});
  r.expect_list("batch_gray_weighted.shape", batch_gray_weighted.sizes(), {2, 5, 5});
  r.tensor("img_gray_weighted", img_gray_weighted);
  r.tensor("batch_gray_weighted", batch_gray_weighted);
}

PARITY_CASE(mean_prints, "REDUCE-1 PRINT-2 PRINT-5", "S001-35") {
  // The document shows tensor(2.5); 1.13 prints four decimals.
  auto m = E::tensor({{1.0, 2.0}, {3.0, 4.0}}).mean();
  r.tensor("mean", m);
  r.expect_text(
      "print(mean)", [&] { return E::repr(m); }, "tensor(2.5000)");
}
