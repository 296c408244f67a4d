// Batched one-dim transforms through FFTW3 (float32: fftwf_, float64:
// fftw_). Internal to the fast engine's spectral ops.
#pragma once
#include <cstdint>

namespace parity::fast::spectral {

enum class FftKind { Forward, Backward, R2C, C2R };

// Where the lines sit, all distances in values of T (a complex value is two):
// `blocks` repetitions `*_block` apart, each holding `lines` lines `*_dist`
// apart whose elements are `*_stride` apart.
struct FftLayout {
  int64_t n = 1;  // logical length
  int64_t blocks = 1, in_block = 0, out_block = 0;
  int64_t lines = 1, in_dist = 0, out_dist = 0;
  int64_t in_stride = 1, out_stride = 1;
};

// Runs every line's unnormalized transform. Forward/Backward: n complex in,
// n complex out. R2C: n real in, n/2+1 complex out. C2R: n/2+1 complex in
// (destroyed), n real out. Other kinds leave the input untouched.
template <class T>
void run_fftw(FftKind kind, const FftLayout& layout, T* in, T* out);

}  // namespace parity::fast::spectral
