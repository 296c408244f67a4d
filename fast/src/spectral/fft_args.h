// What torch.fft's one-dim functions decide before any data moves (ATen
// 1.13's SpectralOps.cpp, in its order): the computation dtype, the wrapped
// dim, the signal length n and its checks, the trim or zero-padding of the
// input (with constant_pad_nd's errors), then the norm's scale.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "parity/fast/small_vector.h"
#include "parity/fast/tensor.h"
#include "spectral/fftw_plan.h"

namespace parity::fast::spectral {

struct FftArgs {
  FftKind kind;
  bool complex_in;      // self carries a trailing (re, im) dim
  ScalarType dtype;     // kFloat or kDouble: computation and result dtype
  int64_t signal_dims;  // self.dim() without the (re, im) dim
  int64_t dim;          // the wrapped transform dim
  int64_t size;         // self's length along dim (0 for a 0-d signal)
  int64_t n;            // logical length (irfft: of the output)
  int64_t in_len;       // input values per line after trim/pad (C2R: n/2+1)
  int64_t copy_len;     // of those, the ones read from self (the rest: zeros)
  int64_t out_len;      // output values per line (R2C: n/2+1)
  bool onesided;        // false for fft of a real input: the full spectrum
  double scale;         // 1, 1/n or 1/sqrt(n)
  int64_t outer = 1;    // product of the sizes before dim
  int64_t inner = 1;    // product of the sizes after dim
  DimVector out_sizes;  // including the trailing 2 of a complex result
};

// `complex_in`: ifft/irfft, whose input is in view_as_real form; `onesided`
// is false only for fft (a real input giving all n frequencies).
FftArgs fft_args(const Tensor& self,
                 FftKind kind,
                 bool complex_in,
                 bool onesided,
                 std::optional<int64_t> n,
                 int64_t dim,
                 std::optional<std::string_view> norm);

}  // namespace parity::fast::spectral
