// INIT-5: Python 1.13's trunc_normal_: uniform_ between the two CDF bounds
// mapped to (-1, 1), erfinv, scale by std·√2, shift by mean, clamp to [a, b].
#include <cmath>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "init/erfinv.h"
#include "parity/fast/init.h"
#include "tensor_internal.h"

namespace parity::fast::nn::init {
namespace {

double norm_cdf(double x) { return (1.0 + std::erf(x / std::sqrt(2.0))) / 2.0; }

// erfinv_ (its CPU kernel dispatches no float16).
void erfinv_inplace(Tensor& t) {
  if (t.dtype() == kHalf) throw Error("\"erfinv_vml_cpu\" not implemented for 'Half'");
  Tensor c = t.contiguous();
  core::dispatch_dtype(c.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (core::is_float_v<T>) {
      T* p = c.data_ptr<T>();
      for (int64_t i = 0; i < c.numel(); ++i) {
        if constexpr (core::is_reduced_float_v<T>) {
          p[i] = core::float_to_reduced<T>(init_detail::erfinv(core::reduced_to_float(p[i])));
        } else {
          p[i] = init_detail::erfinv(p[i]);
        }
      }
    }
  });
  if (c.is_same(t)) {
    detail::bump_version(t);  // erfinv_ is one in-place write
  } else {
    t.copy_(c);
  }
}

}  // namespace

Tensor trunc_normal_(Tensor tensor, double mean, double std, double a, double b) {
  const double l = norm_cdf((a - mean) / std);
  const double u = norm_cdf((b - mean) / std);
  tensor.uniform_(2 * l - 1, 2 * u - 1);
  erfinv_inplace(tensor);
  tensor.mul_(std * std::sqrt(2.0));
  tensor.add_(mean);
  tensor.clamp_(Scalar(a), Scalar(b));
  return tensor;
}

}  // namespace parity::fast::nn::init
