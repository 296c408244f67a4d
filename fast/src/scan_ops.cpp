// cumsum and cumprod: the input cast to the result dtype, then running sums
// along one dim in the accumulator type torch uses (double for float32,
// float for bfloat16, wrapping int64 for integers). The scanned dim is walked
// outermost, so every step adds a whole contiguous block of running values.
#include <algorithm>
#include <string>
#include <type_traits>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"
#include "iter/reduce_iter.h"
#include "meta/view_meta.h"
#include "parity/fast/reductions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

template <class T>
using ScanAcc = std::conditional_t<core::is_float_v<T>, double, uint64_t>;

template <class T, bool kProd>
void scan_kernel(const T* in, T* out, int64_t outer, int64_t len, int64_t inner) {
  using A = std::conditional_t<core::is_reduced_float_v<T>, float, ScanAcc<T>>;
  constexpr int64_t kBlock = 1024;
  const int64_t blocks = (inner + kBlock - 1) / kBlock;
  const int64_t units = outer * blocks;
  const int threads = outer * len * inner >= iter::kReduceGrain ? core::max_threads() : 1;
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t u = 0; u < units; ++u) {
    const int64_t o = u / blocks, j0 = (u % blocks) * kBlock;
    const int64_t nj = std::min(kBlock, inner - j0);
    A acc[kBlock];
    for (int64_t j = 0; j < nj; ++j) acc[j] = A(kProd ? 1 : 0);
    for (int64_t k = 0; k < len; ++k) {
      const int64_t base = (o * len + k) * inner + j0;
      for (int64_t j = 0; j < nj; ++j) {
        A x;
        if constexpr (core::is_reduced_float_v<T>) {
          x = core::reduced_to_float(in[base + j]);
        } else if constexpr (std::is_floating_point_v<T>) {
          x = in[base + j];
        } else {
          x = static_cast<A>(static_cast<int64_t>(in[base + j]));
        }
        acc[j] = kProd ? acc[j] * x : acc[j] + x;
        if constexpr (core::is_reduced_float_v<T>) {
          out[base + j] = core::float_to_reduced<T>(acc[j]);
        } else {
          out[base + j] = static_cast<T>(acc[j]);
        }
      }
    }
  }
}

Tensor scan(
    const char* name, bool prod, const Tensor& self, int64_t dim, std::optional<ScalarType> dtype) {
  const int64_t d = meta::wrap_dim(dim, self.dim());
  const ScalarType out_dt = dtype                                ? *dtype
                            : isIntegralType(self.dtype(), true) ? kLong
                                                                 : self.dtype();
  // An empty or 0-d input is copied without reaching torch's kernel.
  if ((out_dt == kHalf || out_dt == kBool) && self.numel() != 0 && self.dim() != 0)
    throw Error(std::string("\"") + name + "\" not implemented for '" + toString(out_dt) + "'");
  const Tensor x = (self.dtype() == out_dt ? self : self.to(out_dt)).contiguous();
  Tensor out = detail::make_contiguous(self.sizes(), out_dt);
  if (out.numel() == 0) return out;
  int64_t outer = 1, inner = 1;
  const int64_t len = self.dim() == 0 ? 1 : self.size(d);
  for (int64_t i = 0; i < self.dim(); ++i) {
    if (i < d) outer *= self.size(i);
    if (i > d) inner *= self.size(i);
  }
  if (self.dim() == 0) {
    out.copy_(x);
    return out;
  }
  core::dispatch_dtype(out_dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, Half>) {
      (void)prod;  // refused above
    } else if (prod) {
      scan_kernel<T, true>(x.data_ptr<T>(), out.data_ptr<T>(), outer, len, inner);
    } else {
      scan_kernel<T, false>(x.data_ptr<T>(), out.data_ptr<T>(), outer, len, inner);
    }
  });
  return out;
}

}  // namespace

Tensor Tensor::cumsum(int64_t dim, std::optional<ScalarType> dtype) const {
  return scan("cumsum_out_cpu", false, *this, dim, dtype);
}
Tensor Tensor::cumprod(int64_t dim, std::optional<ScalarType> dtype) const {
  return scan("cumprod_out_cpu", true, *this, dim, dtype);
}
Tensor cumsum(const Tensor& t, int64_t dim, std::optional<ScalarType> dtype) {
  return t.cumsum(dim, dtype);
}
Tensor cumprod(const Tensor& t, int64_t dim, std::optional<ScalarType> dtype) {
  return t.cumprod(dim, dtype);
}

}  // namespace parity::fast
