// sum prod mean amax amin max() min() all any norm std var logsumexp: the
// checks and dtype rules of each op, then one reduction plan and one kernel
// run (cpu/reduce_kernels).
#include "parity/fast/reductions.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"
#include "cpu/reduce_kernels.h"
#include "iter/reduce_iter.h"
#include "meta/reduce_meta.h"
#include "parity/fast/operators.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

using cpu::ReduceArgs;
using cpu::ReduceOp;
using cpu::ReducePost;
using meta::DimMask;

// One kernel run over x (whose dtype is args.in) into a fresh contiguous
// result of the kernel's dtype.
Tensor reduce(const Tensor& x, const DimMask& mask, bool keepdim, const ReduceArgs& args) {
  const DimVector shape = meta::reduced_sizes(x.sizes(), mask, keepdim);
  Tensor out = detail::make_contiguous(shape, cpu::reduce_out_dtype(args.op, args.in));
  if (out.numel() == 0) return out;
  const iter::ReducePlan plan =
      iter::make_reduce_plan(x.sizes(), x.strides(), mask, x.element_size(), out.element_size());
  cpu::run_reduce(plan, static_cast<const char*>(x.data_ptr()), static_cast<char*>(out.data_ptr()),
                  args);
  return out;
}

ReduceArgs args_for(ReduceOp op, ScalarType in) {
  ReduceArgs a;
  a.op = op;
  a.in = in;
  return a;
}

Tensor to_dtype(const Tensor& t, ScalarType dt) { return t.dtype() == dt ? t : t.to(dt); }

std::string not_implemented(const char* name, ScalarType t) {
  return std::string("\"") + name + "\" not implemented for '" + toString(t) + "'";
}

// sum and prod: the input is cast to the result dtype first, as torch's
// reduction iterator does; integral sums run in int64 (the same bits once
// wrapped to a narrower dtype).
Tensor sum_like(ReduceOp op,
                const Tensor& self,
                const DimMask& mask,
                bool keepdim,
                std::optional<ScalarType> dtype,
                const ReduceArgs* extra = nullptr) {
  const ScalarType out_dt = meta::sum_result_dtype(self.dtype(), dtype);
  const Tensor x = to_dtype(self, dtype ? *dtype : self.dtype());
  ReduceArgs a = extra ? *extra : args_for(op, x.dtype());
  a.op = op;
  a.in = x.dtype();
  return to_dtype(reduce(x, mask, keepdim, a), out_dt);
}

// Only a non-empty input reaches torch's kernel and its dtype check.
void check_prod_dtype(const Tensor& self, std::optional<ScalarType> dtype) {
  if (self.numel() == 0) return;
  const ScalarType t = dtype ? *dtype : self.dtype();
  if (t == kHalf || t == kBFloat16) throw Error(not_implemented("prod_cpu", t));
}

Tensor mean_impl(const Tensor& self,
                 OptionalIntArrayRef dim,
                 bool keepdim,
                 std::optional<ScalarType> dtype) {
  if (dtype && !isFloatingType(*dtype))
    throw Error(std::string("mean(): could not infer output dtype. Optional dtype must be either a "
                            "floating point or complex dtype. Got: ") +
                toString(*dtype));
  if (!dtype && !isFloatingType(self.dtype()))
    throw Error(std::string("mean(): could not infer output dtype. Input dtype must be either a "
                            "floating point or complex dtype. Got: ") +
                toString(self.dtype()));
  const DimMask mask = meta::reduce_mask(dim, self.dim());
  ReduceArgs a;
  a.post = ReducePost::Div;
  a.divisor = static_cast<double>(meta::reduced_count(self.sizes(), mask));
  return sum_like(ReduceOp::Sum, self, mask, keepdim, dtype, &a);
}

// amax/amin/max()/min() refuse to reduce nothing.
void check_nonempty(const char* name, const Tensor& self, const DimMask& mask, bool dims_given) {
  if (self.numel() != 0) return;
  if (!dims_given)
    throw Error(std::string(name) +
                "(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                "reduction dim with the 'dim' argument.");
  for (int64_t d = 0; d < self.dim(); ++d)
    if (mask.test(static_cast<size_t>(d)) && self.size(d) == 0)
      throw IndexError(std::string(name) + "(): Expected reduction dim " + std::to_string(d) +
                       " to have non-zero size.");
}

Tensor extreme(ReduceOp op, const char* name, const Tensor& self, IntArrayRef dim, bool keepdim) {
  // On an empty input torch checks each listed dim in turn, naming it as spelled.
  if (self.numel() == 0)
    for (int64_t d : dim)
      if (self.size(meta::wrap_dim(d, self.dim())) == 0)
        throw IndexError(std::string(name) + "(): Expected reduction dim " + std::to_string(d) +
                         " to have non-zero size.");
  const DimMask mask = meta::reduce_mask(dim, self.dim());
  check_nonempty(name, self, mask, !dim.empty());
  return reduce(self, mask, keepdim, args_for(op, self.dtype()));
}

Tensor all_any(ReduceOp op, const Tensor& self, const DimMask& mask, bool keepdim) {
  const ScalarType dt = self.dtype();
  const Tensor x = (dt == kBool || dt == kByte) ? self : self.ne(Scalar(int64_t{0}));
  return reduce(x, mask, keepdim, args_for(op, x.dtype()));
}

// std and var: the mean, then the sum of squared deviations, in float64.
Tensor var_impl(const Tensor& self,
                OptionalIntArrayRef dim,
                std::optional<int64_t> correction,
                bool keepdim,
                bool take_sqrt) {
  if (!isFloatingType(self.dtype()))
    throw Error("std and var only support floating point and complex dtypes");
  const DimMask mask = meta::reduce_mask(dim, self.dim());
  const int64_t n = meta::reduced_count(self.sizes(), mask);
  // Two passes over the input, both in float64: the means, then the squared
  // deviations from each result's mean.
  ReduceArgs a = args_for(ReduceOp::SumDouble, self.dtype());
  a.post = ReducePost::Div;
  a.divisor = static_cast<double>(n);
  const Tensor mean = reduce(self, mask, true, a);
  ReduceArgs d = args_for(ReduceOp::SumSqDev, self.dtype());
  d.center = mean.data_ptr<double>();
  const Tensor out = reduce(self, mask, keepdim, d);
  const double divisor =
      std::max(0.0, static_cast<double>(n) - static_cast<double>(correction.value_or(1)));
  double* p = out.data_ptr<double>();
  for (int64_t i = 0, e = out.numel(); i < e; ++i) {
    p[i] /= divisor;
    if (take_sqrt) p[i] = std::sqrt(p[i]);
  }
  return to_dtype(out, self.dtype());
}

// Checked before the dims, as torch does.
void check_norm_dtype(const Tensor& self) {
  if (!isFloatingType(self.dtype()))
    throw Error(
        std::string("norm(): input dtype should be either floating point or complex. Got ") +
        toString(self.dtype()) + " instead.");
}

Tensor norm_impl(const Tensor& self, const Scalar& p, const DimMask& mask, bool keepdim) {
  check_norm_dtype(self);
  if (p.isBoolean())
    throw Error("norm_kernel_tensor_iterator_impl expects norm to be integer or float");
  const double pv = p.toDouble();
  ReduceArgs a = args_for(ReduceOp::NormPow, self.dtype());
  a.p = pv;
  a.post = ReducePost::Root;
  if (pv == 0) {
    a.op = ReduceOp::NormNonzero;
    a.post = ReducePost::None;
  } else if (pv == 1) {
    a.op = ReduceOp::NormAbs;
    a.post = ReducePost::None;
  } else if (pv == 2) {
    a.op = ReduceOp::NormSq;
    a.post = ReducePost::Sqrt;
    // torch's vectorised 2-norm (one contiguous innermost reduced dim)
    // accumulates bfloat16 in float32; its other paths in bfloat16 itself.
    if (self.dtype() == kBFloat16) {
      const iter::ReducePlan plan =
          iter::make_reduce_plan(self.sizes(), self.strides(), mask, 2, 2);
      if (!plan.vertical && plan.rsz.size() == 1 && plan.rin[0] == 2) a.op = ReduceOp::NormSqWide;
    }
  } else if (std::isinf(pv)) {
    a.op = pv > 0 ? ReduceOp::NormMaxAbs : ReduceOp::NormMinAbs;
    a.post = ReducePost::None;
  }
  // torch gives 0 for the -inf norm of nothing, as for the others.
  if (a.op == ReduceOp::NormMinAbs && meta::reduced_count(self.sizes(), mask) == 0)
    return detail::make_contiguous(meta::reduced_sizes(self.sizes(), mask, keepdim), self.dtype(),
                                   true);
  return reduce(self, mask, keepdim, a);
}

// log(sum(exp(x - m))) + m per result, m the largest element (0 when it is
// infinite), computed in double from a copy with the reduced dims last.
Tensor logsumexp_impl(const Tensor& self, IntArrayRef dim, bool keepdim) {
  if (self.dtype() == kHalf) throw Error(not_implemented("exp_vml_cpu", kHalf));
  const DimMask mask = meta::reduce_mask(dim, self.dim());
  const ScalarType out_dt = isFloatingType(self.dtype()) ? self.dtype() : kFloat;
  if (dim.empty() && !keepdim && self.dim() > 0) {
    // torch reduces every dim twice here, once keeping dims; the two
    // results' shapes then disagree.
    std::string ones = "[";
    for (int64_t d = 0; d < self.dim(); ++d) ones += d ? ", 1" : "1";
    throw Error("output with shape [] doesn't match the broadcast shape " + ones + "]");
  }
  DimVector order;
  for (int64_t d = 0; d < self.dim(); ++d)
    if (!mask.test(static_cast<size_t>(d))) order.push_back(d);
  for (int64_t d = 0; d < self.dim(); ++d)
    if (mask.test(static_cast<size_t>(d))) order.push_back(d);
  const Tensor x = to_dtype(to_dtype(self, out_dt), kDouble).permute(order).contiguous();
  const int64_t n = meta::reduced_count(self.sizes(), mask);
  Tensor out = detail::make_contiguous(meta::reduced_sizes(self.sizes(), mask, keepdim), kDouble);
  const double* in = x.data_ptr<double>();
  double* o = out.data_ptr<double>();
  const int64_t rows = out.numel();
  const int threads = rows * n >= iter::kReduceGrain ? core::max_threads() : 1;
  // torch runs amax, sub, exp, sum, log and add as separate ops in the result
  // dtype: each step is rounded to it here too.
  double (*rnd)(double) = [](double v) { return v; };
  if (out_dt == kFloat) rnd = [](double v) { return static_cast<double>(static_cast<float>(v)); };
  if (out_dt == kBFloat16)
    rnd = [](double v) {
      return static_cast<double>(core::reduced_to_float(core::convert<BFloat16>(v)));
    };
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t r = 0; r < rows; ++r) {
    const double* row = in + r * n;
    double m = -std::numeric_limits<double>::infinity();
    for (int64_t i = 0; i < n; ++i)
      if (row[i] > m || row[i] != row[i]) m = row[i];
    if (std::isinf(m)) m = 0;
    double s = 0;
    for (int64_t i = 0; i < n; ++i) s += rnd(std::exp(rnd(row[i] - m)));
    o[r] = rnd(rnd(std::log(rnd(s))) + m);
  }
  return to_dtype(out, out_dt);
}

}  // namespace

// --- members ------------------------------------------------------------------

Tensor Tensor::sum(std::optional<ScalarType> dtype) const {
  return sum(std::nullopt, false, dtype);
}
Tensor Tensor::sum(OptionalIntArrayRef dim, bool keepdim, std::optional<ScalarType> dtype) const {
  return sum_like(ReduceOp::Sum, *this, meta::reduce_mask(dim, this->dim()), keepdim, dtype);
}
Tensor Tensor::mean(std::optional<ScalarType> dtype) const {
  return mean_impl(*this, std::nullopt, false, dtype);
}
Tensor Tensor::mean(OptionalIntArrayRef dim, bool keepdim, std::optional<ScalarType> dtype) const {
  return mean_impl(*this, dim, keepdim, dtype);
}
Tensor Tensor::prod(std::optional<ScalarType> dtype) const {
  check_prod_dtype(*this, dtype);
  return sum_like(ReduceOp::Prod, *this, meta::reduce_mask(std::nullopt, this->dim()), false,
                  dtype);
}
Tensor Tensor::prod(int64_t dim, bool keepdim, std::optional<ScalarType> dtype) const {
  const DimMask mask = meta::reduce_mask_one(dim, this->dim());
  check_prod_dtype(*this, dtype);
  return sum_like(ReduceOp::Prod, *this, mask, keepdim, dtype);
}
Tensor Tensor::amax(IntArrayRef dim, bool keepdim) const {
  return extreme(ReduceOp::Max, "amax", *this, dim, keepdim);
}
Tensor Tensor::amin(IntArrayRef dim, bool keepdim) const {
  return extreme(ReduceOp::Min, "amin", *this, dim, keepdim);
}
Tensor Tensor::max() const { return extreme(ReduceOp::Max, "max", *this, {}, false); }
Tensor Tensor::min() const { return extreme(ReduceOp::Min, "min", *this, {}, false); }
Tensor Tensor::std(bool unbiased) const {
  return var_impl(*this, std::nullopt, unbiased ? 1 : 0, false, true);
}
Tensor Tensor::std(OptionalIntArrayRef dim, bool unbiased, bool keepdim) const {
  return var_impl(*this, dim, unbiased ? 1 : 0, keepdim, true);
}
Tensor Tensor::std(OptionalIntArrayRef dim, std::optional<int64_t> correction, bool keepdim) const {
  return var_impl(*this, dim, correction, keepdim, true);
}
Tensor Tensor::var(bool unbiased) const {
  return var_impl(*this, std::nullopt, unbiased ? 1 : 0, false, false);
}
Tensor Tensor::var(OptionalIntArrayRef dim, bool unbiased, bool keepdim) const {
  return var_impl(*this, dim, unbiased ? 1 : 0, keepdim, false);
}
Tensor Tensor::var(OptionalIntArrayRef dim, std::optional<int64_t> correction, bool keepdim) const {
  return var_impl(*this, dim, correction, keepdim, false);
}
Tensor Tensor::norm(const Scalar& p) const {
  return norm_impl(*this, p, meta::reduce_mask(std::nullopt, dim()), false);
}
Tensor Tensor::norm(const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim) const {
  check_norm_dtype(*this);
  return norm_impl(*this, p.value_or(Scalar(2)), meta::reduce_mask(dim, this->dim()), keepdim);
}
Tensor Tensor::all() const {
  return all_any(ReduceOp::All, *this, meta::reduce_mask(std::nullopt, dim()), false);
}
Tensor Tensor::all(int64_t dim, bool keepdim) const {
  return all_any(ReduceOp::All, *this, meta::reduce_mask_one(dim, this->dim()), keepdim);
}
Tensor Tensor::any() const {
  return all_any(ReduceOp::Any, *this, meta::reduce_mask(std::nullopt, dim()), false);
}
Tensor Tensor::any(int64_t dim, bool keepdim) const {
  return all_any(ReduceOp::Any, *this, meta::reduce_mask_one(dim, this->dim()), keepdim);
}
Tensor Tensor::logsumexp(IntArrayRef dim, bool keepdim) const {
  return logsumexp_impl(*this, dim, keepdim);
}

// --- free functions -------------------------------------------------------------

Tensor sum(const Tensor& t, std::optional<ScalarType> dtype) { return t.sum(dtype); }
Tensor sum(const Tensor& t,
           OptionalIntArrayRef dim,
           bool keepdim,
           std::optional<ScalarType> dtype) {
  return t.sum(dim, keepdim, dtype);
}
Tensor mean(const Tensor& t, std::optional<ScalarType> dtype) { return t.mean(dtype); }
Tensor mean(const Tensor& t,
            OptionalIntArrayRef dim,
            bool keepdim,
            std::optional<ScalarType> dtype) {
  return t.mean(dim, keepdim, dtype);
}
Tensor prod(const Tensor& t, std::optional<ScalarType> dtype) { return t.prod(dtype); }
Tensor prod(const Tensor& t, int64_t dim, bool keepdim, std::optional<ScalarType> dtype) {
  return t.prod(dim, keepdim, dtype);
}
Tensor amax(const Tensor& t, IntArrayRef dim, bool keepdim) { return t.amax(dim, keepdim); }
Tensor amin(const Tensor& t, IntArrayRef dim, bool keepdim) { return t.amin(dim, keepdim); }
Tensor max(const Tensor& t) { return t.max(); }
Tensor min(const Tensor& t) { return t.min(); }
Tensor std(const Tensor& t, bool unbiased) { return t.std(unbiased); }
Tensor std(const Tensor& t, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return t.std(dim, unbiased, keepdim);
}
Tensor std(const Tensor& t,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim) {
  return t.std(dim, correction, keepdim);
}
Tensor var(const Tensor& t, bool unbiased) { return t.var(unbiased); }
Tensor var(const Tensor& t, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return t.var(dim, unbiased, keepdim);
}
Tensor var(const Tensor& t,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim) {
  return t.var(dim, correction, keepdim);
}
Tensor norm(const Tensor& t, const Scalar& p) { return t.norm(p); }
Tensor norm(const Tensor& t, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim) {
  return t.norm(p, dim, keepdim);
}
Tensor all(const Tensor& t) { return t.all(); }
Tensor all(const Tensor& t, int64_t dim, bool keepdim) { return t.all(dim, keepdim); }
Tensor any(const Tensor& t) { return t.any(); }
Tensor any(const Tensor& t, int64_t dim, bool keepdim) { return t.any(dim, keepdim); }
Tensor logsumexp(const Tensor& t, IntArrayRef dim, bool keepdim) {
  return t.logsumexp(dim, keepdim);
}

}  // namespace parity::fast
