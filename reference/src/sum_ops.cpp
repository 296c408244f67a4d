// sum and prod (ATen/native/ReduceOps.cpp, torch 1.13). Each element is
// first converted to the accumulate dtype (int64 for integral and bool
// inputs unless `dtype` says otherwise), as torch's reduction iterator
// does; integers then wrap (added in 64 bits, wrapped again to the result's
// width when stored) and floats accumulate in double and round once
// (float16/bfloat16 sums round as torch's kernel does: sum_of_run).
#include <cstdint>

#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

Scalar fold(const std::vector<Scalar>& run, ScalarType dtype, bool product, int64_t row_length) {
  if (isFloatingType(dtype) && !product) return Scalar(sum_of_run(run, dtype, row_length));
  if (isFloatingType(dtype)) {
    double acc = 1.0;
    for (const Scalar& v : run) acc *= v.toDouble();
    return Scalar(acc);
  }
  uint64_t acc = product ? 1 : 0;  // unsigned: overflow wraps, defined
  for (const Scalar& v : run) {
    const auto x = static_cast<uint64_t>(v.toLong());
    acc = product ? acc * x : acc + x;
  }
  return Scalar(static_cast<int64_t>(acc));
}

Tensor reduce(const Tensor& self,
              const std::vector<bool>& mask,
              bool keepdim,
              std::optional<ScalarType> dtype,
              bool product) {
  const ScalarType acc = accumulate_dtype(self.scalar_type(), dtype);
  // torch fills an empty reduction without running (dispatching) its kernel.
  if (product && (acc == kHalf || acc == kBFloat16) && self.numel() > 0)
    throw Error(std::string("\"prod_cpu\" not implemented for '") + toString(acc) + "'");
  const Tensor input = self.to(acc);
  const int64_t row_length = sum_row_length(input, mask);
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(input, mask, /*memory_order=*/true))
    values.push_back(fold(run, acc, product, row_length));
  return tensor_of(reduced_sizes(self.sizes(), mask, keepdim), acc, values);
}

}  // namespace

Tensor Tensor::sum(std::optional<ScalarType> dtype) const {
  return reduce(*this, reduced_dims(std::nullopt, dim()), false, dtype, false);
}
Tensor Tensor::sum(OptionalIntArrayRef d, bool keepdim, std::optional<ScalarType> dtype) const {
  return reduce(*this, reduced_dims(d, dim()), keepdim, dtype, false);
}
Tensor Tensor::prod(std::optional<ScalarType> dtype) const {
  return reduce(*this, reduced_dims(std::nullopt, dim()), false, dtype, true);
}
Tensor Tensor::prod(int64_t d, bool keepdim, std::optional<ScalarType> dtype) const {
  return reduce(*this, reduced_dim(d, dim()), keepdim, dtype, true);
}

Tensor sum(const Tensor& self, std::optional<ScalarType> dtype) { return self.sum(dtype); }
Tensor sum(const Tensor& self,
           OptionalIntArrayRef dim,
           bool keepdim,
           std::optional<ScalarType> dtype) {
  return self.sum(dim, keepdim, dtype);
}
Tensor prod(const Tensor& self, std::optional<ScalarType> dtype) { return self.prod(dtype); }
Tensor prod(const Tensor& self, int64_t dim, bool keepdim, std::optional<ScalarType> dtype) {
  return self.prod(dim, keepdim, dtype);
}

}  // namespace parity::ref
