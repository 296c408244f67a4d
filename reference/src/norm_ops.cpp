// norm (ATen/native/ReduceOps.cpp and cpu/ReduceOpsKernel.cpp, torch 1.13):
// p = 0 counts nonzeros, 1 sums |x|, 2 is sqrt(sum x^2), +-inf is the
// largest / smallest |x| (NaN wins), any other p is (sum |x|^p)^(1/p). An
// empty run gives 0 for every p.
//
// Rounding follows torch's kernel, because low-precision results depend on
// it: the accumulator has the input's dtype and every step (sum, p, 1/p,
// x*x, and |x|^p for bfloat16) is rounded to it, in memory order; so
// float16 norms overflow early and long bfloat16 sums stall. The one
// exception is p = 2 over one contiguous run of memory in float32/bfloat16
// (torch's vectorized path), which accumulates in float; here in double.
#include <algorithm>
#include <cmath>
#include <limits>

#include "element.h"
#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

// TensorIterator's is_reduce_lastdim: each output's elements form one
// contiguous run of memory (the reduced dims, by stride, coalesce to one).
bool one_contiguous_run(const Tensor& t, const std::vector<bool>& mask) {
  std::vector<int64_t> dims;
  for (size_t d = 0; d < mask.size(); ++d)
    if (mask[d] && t.size(static_cast<int64_t>(d)) != 1) dims.push_back(static_cast<int64_t>(d));
  std::sort(dims.begin(), dims.end(),
            [&](int64_t a, int64_t b) { return t.stride(a) < t.stride(b); });
  int64_t expected = 1;
  for (int64_t d : dims) {
    if (t.stride(d) != expected) return false;
    expected *= t.size(d);
  }
  return !dims.empty();
}

double norm_of(const std::vector<Scalar>& run, double p, ScalarType dtype, bool exact_sum) {
  auto acc_t = [&](double v) { return exact_sum ? v : stored_value(dtype, v); };
  if (run.empty()) return 0;
  if (std::isinf(p)) {
    double best = std::abs(run[0].toDouble());
    for (const Scalar& v : run) {
      const double a = std::abs(v.toDouble());
      if (std::isnan(best)) break;
      if (std::isnan(a) || (p > 0 ? a > best : a < best)) best = a;
    }
    return best;
  }
  double acc = 0;
  if (p == 0) {
    for (const Scalar& v : run) acc = acc_t(acc + (v.toDouble() != 0 ? 1 : 0));
    return acc;
  }
  if (p == 1) {
    for (const Scalar& v : run) acc = acc_t(acc + std::abs(v.toDouble()));
    return acc;
  }
  if (p == 2) {
    for (const Scalar& v : run) acc = acc_t(acc + acc_t(v.toDouble() * v.toDouble()));
    return std::sqrt(acc);
  }
  const double p_t = acc_t(p);
  // c10's pow returns a bfloat16 for bfloat16 (rounded), a float for half.
  auto term_t = [&](double v) { return dtype == kBFloat16 ? acc_t(v) : v; };
  for (const Scalar& v : run) acc = acc_t(acc + term_t(std::pow(std::abs(v.toDouble()), p_t)));
  return std::pow(acc, acc_t(1.0 / p_t));
}

Tensor norm_op(const Tensor& self,
               const std::optional<Scalar>& p,
               OptionalIntArrayRef dim,
               bool keepdim) {
  if (!isFloatingType(self.scalar_type()))
    throw Error(
        std::string("norm(): input dtype should be either floating point or complex. Got ") +
        toString(self.scalar_type()) + " instead.");
  const std::vector<bool> mask = reduced_dims(dim, self.dim());
  const double order = p ? p->toDouble() : 2.0;
  const ScalarType dtype = self.scalar_type();
  const bool exact_sum =
      dtype == kDouble ||
      (order == 2 && (dtype == kFloat || dtype == kBFloat16) && one_contiguous_run(self, mask));
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(self, mask, /*memory_order=*/true))
    values.push_back(Scalar(norm_of(run, order, dtype, exact_sum)));
  return tensor_of(reduced_sizes(self.sizes(), mask, keepdim), self.scalar_type(), values);
}

}  // namespace

Tensor Tensor::norm(const Scalar& p) const { return norm_op(*this, p, std::nullopt, false); }
Tensor Tensor::norm(const std::optional<Scalar>& p, IntArrayRef d, bool keepdim) const {
  return norm_op(*this, p, d, keepdim);
}

Tensor norm(const Tensor& self, const Scalar& p) { return self.norm(p); }
Tensor norm(const Tensor& self, const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim) {
  return self.norm(p, dim, keepdim);
}

}  // namespace parity::ref
