// nn::init::trunc_normal_, as Python 1.13 computes it: uniform between the
// normal CDF of the bounds (mapped to [-1, 1]), erfinv, scale by
// std * sqrt(2), shift by mean, clamp to [a, b]. Five in-place steps.
// Clause: INIT-5.
#include <cmath>

#include "dispatch.h"
#include "erfinv.h"
#include "half.h"
#include "index_walk.h"
#include "parity/ref/init.h"
#include "pointwise_support.h"
#include "tensor_impl.h"

namespace parity::ref::nn::init {

namespace {

double norm_cdf(double x) { return (1.0 + std::erf(x / std::sqrt(2.0))) / 2.0; }

// Tensor.erfinv_ (the "erfinv_vml_cpu" kernel: float, double, bfloat16
// through float; no float16).
void erfinv_in_place(const Tensor& t) {
  const TensorImpl& impl = *t.impl();
  if (!isFloatingType(impl.dtype) || impl.dtype == kHalf)
    throw_not_implemented("erfinv_vml_cpu", impl.dtype);
  std::byte* base = impl.storage->bytes.data();
  for_each_index(impl.sizes, impl.strides, impl.offset, [&](int64_t i) {
    dispatch_dtype(impl.dtype, [&]<class T>() {
      T* p = reinterpret_cast<T*>(base) + i;
      if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>)
        *p = erfinv(*p);
      else if constexpr (std::is_same_v<T, BFloat16>)
        p->x = float_to_bfloat16_bits(erfinv(bfloat16_bits_to_float(p->x)));
    });
  });
  impl.storage->version++;
}

}  // namespace

Tensor trunc_normal_(Tensor tensor, double mean, double std, double a, double b) {
  // (Python also warns when mean is more than 2 std outside [a, b].)
  const double l = norm_cdf((a - mean) / std);
  const double u = norm_cdf((b - mean) / std);
  tensor.uniform_(2 * l - 1, 2 * u - 1);
  erfinv_in_place(tensor);
  tensor.mul_(std * std::sqrt(2.0));
  tensor.add_(mean);
  tensor.clamp_(a, b);
  return tensor;
}

}  // namespace parity::ref::nn::init
