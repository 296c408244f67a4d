// mean, var and std (ATen/native/ReduceOps.cpp, torch 1.13): floating
// inputs only; computed in double from the exact elements (mean: the sum
// rounded to the dtype, then the quotient, as torch's sum().div_()).
// var = sum((x - mean)^2) / max(0, n - correction): a correction >= n
// divides by zero (inf, or nan when every deviation is zero).
#include <algorithm>
#include <cmath>

#include "element.h"
#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

double mean_of(const std::vector<Scalar>& run) {
  double sum = 0;
  for (const Scalar& v : run) sum += v.toDouble();
  return sum / static_cast<double>(run.size());  // empty: 0/0 = nan
}

// The dims are checked after the dtype, as torch does.
Tensor mean_op(const Tensor& self,
               OptionalIntArrayRef dims,
               bool keepdim,
               std::optional<ScalarType> dtype) {
  const ScalarType out = dtype.value_or(self.scalar_type());
  if (!isFloatingType(out))
    throw Error(std::string("mean(): could not infer output dtype. ") +
                (dtype ? "Optional" : "Input") +
                " dtype must be either a floating point or complex dtype. Got: " + toString(out));
  const std::vector<bool> mask = reduced_dims(dims, self.dim());
  // torch rounds the sum to the dtype, then the quotient.
  const Tensor input = self.to(out);
  const int64_t row_length = sum_row_length(input, mask);
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(input, mask, /*memory_order=*/true)) {
    const double sum = stored_value(out, sum_of_run(run, out, row_length));
    const double n = static_cast<double>(run.size());  // empty: 0/0 = nan
    values.push_back(Scalar(stored_value(out, sum / n)));
  }
  return tensor_of(reduced_sizes(self.sizes(), mask, keepdim), out, values);
}

Tensor var_op(const Tensor& self,
              OptionalIntArrayRef dims,
              int64_t correction,
              bool keepdim,
              bool take_sqrt) {
  if (!isFloatingType(self.scalar_type()))
    throw Error("std and var only support floating point and complex dtypes");
  const std::vector<bool> mask = reduced_dims(dims, self.dim());
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(self, mask)) {
    const double mean = mean_of(run);
    double m2 = 0;
    for (const Scalar& v : run) m2 += (v.toDouble() - mean) * (v.toDouble() - mean);
    const double divisor =
        std::max<double>(0, static_cast<double>(run.size()) - static_cast<double>(correction));
    const double var = m2 / divisor;
    values.push_back(Scalar(take_sqrt ? std::sqrt(var) : var));
  }
  return tensor_of(reduced_sizes(self.sizes(), mask, keepdim), self.scalar_type(), values);
}

}  // namespace

Tensor Tensor::mean(std::optional<ScalarType> dtype) const {
  return mean_op(*this, std::nullopt, false, dtype);
}
Tensor Tensor::mean(OptionalIntArrayRef d, bool keepdim, std::optional<ScalarType> dtype) const {
  return mean_op(*this, d, keepdim, dtype);
}

Tensor Tensor::var(bool unbiased) const {
  return var_op(*this, std::nullopt, unbiased ? 1 : 0, false, false);
}
Tensor Tensor::var(OptionalIntArrayRef d, bool unbiased, bool keepdim) const {
  return var_op(*this, d, unbiased ? 1 : 0, keepdim, false);
}
Tensor Tensor::var(OptionalIntArrayRef d, std::optional<int64_t> correction, bool keepdim) const {
  return var_op(*this, d, correction.value_or(1), keepdim, false);
}
Tensor Tensor::std(bool unbiased) const {
  return var_op(*this, std::nullopt, unbiased ? 1 : 0, false, true);
}
Tensor Tensor::std(OptionalIntArrayRef d, bool unbiased, bool keepdim) const {
  return var_op(*this, d, unbiased ? 1 : 0, keepdim, true);
}
Tensor Tensor::std(OptionalIntArrayRef d, std::optional<int64_t> correction, bool keepdim) const {
  return var_op(*this, d, correction.value_or(1), keepdim, true);
}

Tensor Tensor::std(int d) const { return std(OptionalIntArrayRef(int64_t{d})); }
Tensor Tensor::var(int d) const { return var(OptionalIntArrayRef(int64_t{d})); }

Tensor mean(const Tensor& self, std::optional<ScalarType> dtype) { return self.mean(dtype); }
Tensor mean(const Tensor& self,
            OptionalIntArrayRef dim,
            bool keepdim,
            std::optional<ScalarType> dtype) {
  return self.mean(dim, keepdim, dtype);
}
Tensor var(const Tensor& self, bool unbiased) { return self.var(unbiased); }
Tensor var(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return self.var(dim, unbiased, keepdim);
}
Tensor var(const Tensor& self,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim) {
  return self.var(dim, correction, keepdim);
}
Tensor std(const Tensor& self, bool unbiased) { return self.std(unbiased); }
Tensor std(const Tensor& self, OptionalIntArrayRef dim, bool unbiased, bool keepdim) {
  return self.std(dim, unbiased, keepdim);
}
Tensor std(const Tensor& self,
           OptionalIntArrayRef dim,
           std::optional<int64_t> correction,
           bool keepdim) {
  return self.std(dim, correction, keepdim);
}

}  // namespace parity::ref
