// cumsum and cumprod (ATen/native/ReduceOps.cpp, torch 1.13): running sums
// (products) along one dim, accumulated as sum and prod do (int64 for
// integral and bool inputs unless `dtype` says otherwise; floats in double,
// bfloat16 in float as torch, which matters when a running product overflows).
// The result is contiguous.
#include <cstdint>

#include "element.h"
#include "index_walk.h"
#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

Tensor scan(const char* name,
            const Tensor& self,
            int64_t dim,
            std::optional<ScalarType> dtype,
            bool product) {
  const ScalarType acc = accumulate_dtype(self.scalar_type(), dtype);
  const std::vector<bool> mask = reduced_dim(dim, self.dim());
  // No kernel runs for no elements, nor for a 0-d tensor (copied as is).
  if ((acc == kHalf || acc == kBool) && self.numel() > 0 && self.dim() > 0)
    throw Error(std::string("\"") + name + "_out_cpu\" not implemented for '" + toString(acc) +
                "'");
  // Each line along `dim`, in the order reduction_groups walks them.
  std::vector<Scalar> values;
  for (const auto& line : reduction_groups(self.to(acc), mask)) {
    double real = product ? 1 : 0;
    uint64_t integer = product ? 1 : 0;  // unsigned: overflow wraps, defined
    for (const Scalar& v : line) {
      if (isFloatingType(acc)) {
        real = product ? real * v.toDouble() : real + v.toDouble();
        if (acc == kBFloat16) real = stored_value(kFloat, real);  // torch's float accumulator
        values.push_back(Scalar(real));
      } else {
        const auto x = static_cast<uint64_t>(v.toLong());
        integer = product ? integer * x : integer + x;
        values.push_back(Scalar(static_cast<int64_t>(integer)));
      }
    }
  }
  // Write them back through the same permutation (kept dims, then `dim`).
  Tensor out = empty_contiguous(self.sizes().vec(), acc);
  std::vector<int64_t> order;
  for (size_t d = 0; d < mask.size(); ++d)
    if (!mask[d]) order.push_back(static_cast<int64_t>(d));
  for (size_t d = 0; d < mask.size(); ++d)
    if (mask[d]) order.push_back(static_cast<int64_t>(d));
  const Tensor target = out.permute(order);
  size_t i = 0;
  for_each_index(target.sizes(), target.strides(), target.storage_offset(),
                 [&](int64_t index) { write_at(*out.impl(), index, values[i++]); });
  return out;
}

}  // namespace

Tensor Tensor::cumsum(int64_t d, std::optional<ScalarType> dtype) const {
  return scan("cumsum", *this, d, dtype, false);
}
Tensor Tensor::cumprod(int64_t d, std::optional<ScalarType> dtype) const {
  return scan("cumprod", *this, d, dtype, true);
}

Tensor cumsum(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype) {
  return self.cumsum(dim, dtype);
}
Tensor cumprod(const Tensor& self, int64_t dim, std::optional<ScalarType> dtype) {
  return self.cumprod(dim, dtype);
}

}  // namespace parity::ref
