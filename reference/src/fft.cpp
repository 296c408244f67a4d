// torch.fft.fft, ifft, rfft and irfft over one dim (SPECTRAL-2..4), as a
// plain O(n^2) DFT accumulated in long double with exact twiddle angles
// (j*k reduced mod n before the angle is formed). The argument handling is
// ATen 1.13's (SpectralOps.cpp): dtype promotion, dim wrapping, n checked,
// the input trimmed or zero-padded to n, then the norm parsed; results are
// contiguous, as its pocketfft path allocates them.
//
// Complex tensors are real tensors with a trailing dim of 2 (view_as_real).
// An ifft/irfft input without one raises view_as_complex's messages, which a
// LibTorch caller meets when it makes the complex tensor.
#include <complex>
#include <numbers>
#include <string>
#include <vector>

#include "index_walk.h"
#include "parity/ref/spectral.h"
#include "tensor_impl.h"

namespace parity::ref::fft {

namespace {

using Complex = std::complex<long double>;

enum class Kind { C2C, R2C, C2R };

// promote_type_fft: integral and bool inputs compute in the default dtype.
ScalarType fft_dtype(ScalarType dtype) {
  if (dtype == kHalf || dtype == kBFloat16)
    throw Error(std::string("Unsupported dtype ") + toString(dtype));
  return dtype == kDouble ? kDouble : kFloat;
}

void check_complex_form(const Tensor& self) {
  if (self.dim() == 0) throw Error("Input tensor must have one or more dimensions");
  if (self.size(-1) != 2) throw Error("Tensor must have a last dimension of size 2");
}

// norm_from_string: the scale 1, 1/n or 1/sqrt(n) of one direction.
long double norm_scale(std::optional<std::string_view> norm, bool forward, int64_t n) {
  const auto by_n = static_cast<long double>(n);
  if (!norm || *norm == "backward") return forward ? 1.0L : 1.0L / by_n;
  if (*norm == "forward") return forward ? 1.0L / by_n : 1.0L;
  if (*norm == "ortho") return 1.0L / std::sqrt(by_n);
  throw Error("Invalid normalization mode: \"" + std::string(*norm) + "\"");
}

// The errors of constant_pad_nd, which resize_fft_input calls with a pad
// for every dim when the signal must grow. For a 0-d signal ATen writes the
// pad amount out of bounds, and in this build the pad list's length then
// reads as the target length: reproduced as observed.
void check_padding(const Tensor& self, int64_t signal_dims, int64_t dim, int64_t target) {
  if (signal_dims == 0) {
    const std::string len = std::to_string(target);
    if (target % 2 != 0) throw Error("Length of pad must be even but instead it equals " + len);
    throw Error(
        "Length of pad should be no more than twice the number of dimensions of the input. Pad "
        "length is " +
        len + "while the input has 0dimensions.");
  }
  for (int64_t d = 0; d < signal_dims; ++d)
    if (d != dim && self.size(d) == 0)
      throw Error(
          "The input size 0, plus negative padding 0 and 0 resulted in a negative output size, "
          "which is invalid. Check dimension " +
          std::to_string(d) + " of your input.");
}

// The dims of the signal tensor with `dim` moved last (and the trailing
// real/imaginary dim after it, when there is one).
std::vector<int64_t> dim_last_order(int64_t signal_dims, int64_t dim, bool complex) {
  std::vector<int64_t> order;
  for (int64_t d = 0; d < signal_dims; ++d)
    if (d != dim) order.push_back(d);
  order.push_back(dim);
  if (complex) order.push_back(signal_dims);
  return order;
}

// One output line from one input line (`in` holds the input's first
// values, already trimmed; missing ones are the zero padding).
std::vector<Complex> transform_line(Kind kind,
                                    bool forward,
                                    const std::vector<Complex>& in,
                                    int64_t n,
                                    int64_t out_len,
                                    long double scale) {
  std::vector<Complex> twiddle(static_cast<size_t>(n));
  const long double sign = forward ? -1.0L : 1.0L;
  for (int64_t r = 0; r < n; ++r) {
    const long double angle = 2.0L * std::numbers::pi_v<long double> * static_cast<long double>(r) /
                              static_cast<long double>(n);
    twiddle[r] = Complex(std::cos(angle), sign * std::sin(angle));
  }
  const auto m = static_cast<int64_t>(in.size());
  std::vector<Complex> out(static_cast<size_t>(out_len));
  for (int64_t k = 0; k < out_len; ++k) {
    Complex acc = 0;
    if (kind == Kind::C2R) {
      // The Hermitian spectrum: bin 0 and (n even) bin n/2 count by their
      // real parts only, the others twice.
      acc = m > 0 ? in[0].real() : 0.0L;
      for (int64_t j = 1; j <= (n - 1) / 2 && j < m; ++j)
        acc += 2.0L * (in[j] * twiddle[(j * k) % n]).real();
      if (n % 2 == 0 && n / 2 < m) acc += in[n / 2].real() * ((k % 2 == 0) ? 1.0L : -1.0L);
    } else {
      for (int64_t j = 0; j < m && j < n; ++j) acc += in[j] * twiddle[(j * k) % n];
    }
    out[k] = acc * scale;
  }
  return out;
}

// The shared body: `self` is already promoted; `complex_in` says it holds a
// trailing real/imaginary dim. `n_opt` is the signal length (irfft: output).
Tensor run(Kind kind,
           bool forward,
           Tensor self,
           bool complex_in,
           std::optional<int64_t> n_opt,
           int64_t dim,
           std::optional<std::string_view> norm) {
  const int64_t signal_dims = self.dim() - (complex_in ? 1 : 0);
  dim = wrap_dim(dim, signal_dims);
  // A 0-d signal reads as length 0, as ATen's size lookup does there.
  const int64_t size = signal_dims == 0 ? 0 : self.size(dim);
  const int64_t n = n_opt.value_or(kind == Kind::C2R ? 2 * (size - 1) : size);
  if (n < 1) throw Error("Invalid number of data points (" + std::to_string(n) + ") specified");
  const int64_t in_len = kind == Kind::C2R ? n / 2 + 1 : n;  // after resize_fft_input
  if (n_opt && in_len > size) check_padding(self, signal_dims, dim, in_len);
  const int64_t used = n_opt ? std::min(in_len, size) : size;
  const int64_t out_len = kind == Kind::R2C ? n / 2 + 1 : n;
  const long double scale = norm_scale(norm, forward, n);

  const std::vector<int64_t> order = dim_last_order(signal_dims, dim, complex_in);
  const std::vector<Scalar> values = read_all(self.permute(order));
  const bool complex_out = kind != Kind::C2R;
  std::vector<int64_t> out_sizes(self.sizes().begin(), self.sizes().begin() + signal_dims);
  out_sizes[dim] = out_len;
  if (complex_out) out_sizes.push_back(2);
  Tensor out = empty_contiguous(out_sizes, self.scalar_type());

  const int64_t width = complex_in ? 2 : 1;
  int64_t lines = 1;
  for (int64_t d = 0; d < signal_dims; ++d)
    if (d != dim) lines *= self.size(d);
  std::vector<double> results;
  results.reserve(static_cast<size_t>(out.numel()));
  for (int64_t line = 0; line < lines; ++line) {
    std::vector<Complex> in(static_cast<size_t>(used));
    for (int64_t j = 0; j < used; ++j) {
      const size_t at = static_cast<size_t>((line * size + j) * width);
      in[j] = Complex(values[at].toDouble(), complex_in ? values[at + 1].toDouble() : 0.0);
    }
    for (const Complex& v : transform_line(kind, forward, in, n, out_len, scale)) {
      results.push_back(static_cast<double>(v.real()));
      if (complex_out) results.push_back(static_cast<double>(v.imag()));
    }
  }
  // Fill the output through the same permutation, in its row-major order.
  const Tensor target = out.permute(dim_last_order(signal_dims, dim, complex_out));
  size_t i = 0;
  for_each_index(target.sizes(), target.strides(), target.storage_offset(),
                 [&](int64_t index) { write_at(*out.impl(), index, Scalar(results[i++])); });
  return out;
}

Tensor real_input(const Tensor& self) {
  const ScalarType dtype = fft_dtype(self.scalar_type());
  return self.scalar_type() == dtype ? self : self.to(dtype);
}

Tensor complex_input(const Tensor& self) {
  check_complex_form(self);
  return real_input(self);
}

}  // namespace

Tensor fft(const Tensor& self,
           std::optional<int64_t> n,
           int64_t dim,
           std::optional<std::string_view> norm) {
  return run(Kind::C2C, true, real_input(self), false, n, dim, norm);
}
Tensor ifft(const Tensor& self,
            std::optional<int64_t> n,
            int64_t dim,
            std::optional<std::string_view> norm) {
  return run(Kind::C2C, false, complex_input(self), true, n, dim, norm);
}
Tensor rfft(const Tensor& self,
            std::optional<int64_t> n,
            int64_t dim,
            std::optional<std::string_view> norm) {
  return run(Kind::R2C, true, real_input(self), false, n, dim, norm);
}
Tensor irfft(const Tensor& self,
             std::optional<int64_t> n,
             int64_t dim,
             std::optional<std::string_view> norm) {
  return run(Kind::C2R, false, complex_input(self), true, n, dim, norm);
}

}  // namespace parity::ref::fft
