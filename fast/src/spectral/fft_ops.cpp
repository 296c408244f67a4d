// torch.fft.fft, ifft, rfft and irfft (SPECTRAL-2..4). The input lines are
// laid out as [outer, length, inner] (the tensor itself when it already is
// so, else a copy made by the engine's copy core that also converts the
// dtype, trims and zero-pads), FFTW transforms them straight into the
// output, which is contiguous (torch's pocketfft path allocates it so for
// every input layout), and one pass applies the norm's scale. fft of a real
// input runs r2c and fills the rest of the spectrum with conjugates, as
// ATen does.
#include <vector>

#include "core/threads.h"
#include "parity/fast/spectral.h"
#include "spectral/fft_args.h"
#include "tensor_internal.h"

namespace parity::fast::fft {

namespace {

using spectral::FftArgs;
using spectral::FftKind;

int threads_for(int64_t values) { return values < (int64_t{1} << 16) ? 1 : core::max_threads(); }

// The dim order that puts `dim` innermost (before a trailing (re, im) dim).
std::vector<int64_t> dim_last(const FftArgs& a, int64_t ndim) {
  std::vector<int64_t> order;
  for (int64_t d = 0; d < ndim; ++d)
    if (d != a.dim && d < a.signal_dims) order.push_back(d);
  order.push_back(a.dim);
  for (int64_t d = a.signal_dims; d < ndim; ++d) order.push_back(d);
  return order;
}

std::vector<int64_t> inverse(const std::vector<int64_t>& perm) {
  std::vector<int64_t> inv(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inv[static_cast<size_t>(perm[i])] = static_cast<int64_t>(i);
  return inv;
}

// The input lines, in the computation dtype, in a contiguous buffer whose
// dims are self's in the order `perm` (self itself when that is the same).
Tensor fftw_input(const Tensor& self, const FftArgs& a, const std::vector<int64_t>& perm) {
  bool identity = true;
  for (size_t i = 0; i < perm.size(); ++i)
    identity = identity && perm[i] == static_cast<int64_t>(i);
  if (identity && a.kind != FftKind::C2R && self.scalar_type() == a.dtype && self.is_contiguous() &&
      a.size == a.in_len)
    return self;
  DimVector sizes;
  for (int64_t d : perm) sizes.push_back(d == a.dim ? a.in_len : self.size(d));
  Tensor buf = detail::make_contiguous(sizes, a.dtype);
  // Written through a view in self's dim order; the copy core tiles it.
  Tensor in = buf.permute(inverse(perm));
  if (a.copy_len > 0)
    detail::copy_into(in.narrow(a.dim, 0, a.copy_len), self.narrow(a.dim, 0, a.copy_len));
  if (a.copy_len < a.in_len) in.narrow(a.dim, a.copy_len, a.in_len - a.copy_len).zero_();
  if (a.kind == FftKind::C2R) {
    // A Hermitian spectrum's DC (and, n even, Nyquist) bins are real.
    in.narrow(a.dim, 0, 1).select(-1, 1).zero_();
    if (a.n % 2 == 0) in.narrow(a.dim, a.n / 2, 1).select(-1, 1).zero_();
  }
  return buf;
}

// FFTW's layout of lines stored one after another (dim innermost).
spectral::FftLayout layout(const FftArgs& a) {
  spectral::FftLayout l;
  l.n = a.n;
  l.lines = a.outer * a.inner;
  l.in_stride = a.complex_in ? 2 : 1;
  l.out_stride = a.kind == FftKind::C2R ? 1 : 2;
  l.in_dist = a.in_len * l.in_stride;
  l.out_dist = a.out_len * l.out_stride;
  return l;
}

// Bins [n/2+1, n) of a real input's spectrum: conjugates of bins n-k.
template <class T>
void fill_conjugates(T* out, const FftArgs& a) {
  const int64_t first = a.n / 2 + 1, count = a.n - first;
  const int64_t rows = a.outer * count;
#pragma omp parallel for num_threads(threads_for(rows* a.inner)) schedule(static)
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t o = r / count, k = first + r % count;
    T* dst = out + (o * a.n + k) * a.inner * 2;
    const T* src = out + (o * a.n + (a.n - k)) * a.inner * 2;
    for (int64_t i = 0; i < a.inner; ++i) {
      dst[2 * i] = src[2 * i];
      dst[2 * i + 1] = -src[2 * i + 1];
    }
  }
}

template <class T>
void scale_all(T* out, int64_t count, double scale) {
  const auto s = static_cast<T>(scale);
#pragma omp parallel for simd num_threads(threads_for(count)) schedule(static)
  for (int64_t i = 0; i < count; ++i) out[i] *= s;
}

// Transforms lines stored one after another (a.inner == 1) into `out`.
template <class T>
void transform_lines(const Tensor& in, const Tensor& out, const FftArgs& a) {
  // FFTW writes nothing into an input it only reads (c2c, r2c out of place).
  spectral::run_fftw<T>(a.kind, layout(a), const_cast<T*>(in.data_ptr<T>()), out.data_ptr<T>());
  if (!a.onesided) fill_conjugates(out.data_ptr<T>(), a);
  if (a.scale != 1.0) scale_all(out.data_ptr<T>(), out.numel(), a.scale);
}

template <class T>
Tensor transform(const Tensor& self, const FftArgs& a) {
  Tensor out = detail::make_contiguous(a.out_sizes, a.dtype);
  if (out.numel() == 0) return out;
  if (a.inner == 1) {
    std::vector<int64_t> identity(static_cast<size_t>(self.dim()));
    for (size_t d = 0; d < identity.size(); ++d) identity[d] = static_cast<int64_t>(d);
    transform_lines<T>(fftw_input(self, a, identity), out, a);
    return out;
  }
  // Lines strided by the inner dims make FFTW walk memory with a large (often
  // power-of-two) stride; transposing them innermost first is faster.
  const std::vector<int64_t> perm = dim_last(a, self.dim());
  const std::vector<int64_t> out_perm = dim_last(a, out.dim());
  DimVector sizes;
  for (int64_t d : out_perm) sizes.push_back(out.size(d));
  Tensor lines_out = detail::make_contiguous(sizes, a.dtype);
  FftArgs flat = a;
  flat.outer = a.outer * a.inner;
  flat.inner = 1;
  transform_lines<T>(fftw_input(self, a, perm), lines_out, flat);
  detail::copy_into(out, lines_out.permute(inverse(out_perm)));
  return out;
}

Tensor run(const Tensor& self,
           FftKind kind,
           bool complex_in,
           bool onesided,
           std::optional<int64_t> n,
           int64_t dim,
           std::optional<std::string_view> norm) {
  const FftArgs a = spectral::fft_args(self, kind, complex_in, onesided, n, dim, norm);
  return a.dtype == kDouble ? transform<double>(self, a) : transform<float>(self, a);
}

}  // namespace

Tensor fft(const Tensor& self,
           std::optional<int64_t> n,
           int64_t dim,
           std::optional<std::string_view> norm) {
  return run(self, FftKind::R2C, false, false, n, dim, norm);
}
Tensor ifft(const Tensor& self,
            std::optional<int64_t> n,
            int64_t dim,
            std::optional<std::string_view> norm) {
  return run(self, FftKind::Backward, true, true, n, dim, norm);
}
Tensor rfft(const Tensor& self,
            std::optional<int64_t> n,
            int64_t dim,
            std::optional<std::string_view> norm) {
  return run(self, FftKind::R2C, false, true, n, dim, norm);
}
Tensor irfft(const Tensor& self,
             std::optional<int64_t> n,
             int64_t dim,
             std::optional<std::string_view> norm) {
  return run(self, FftKind::C2R, true, true, n, dim, norm);
}

}  // namespace parity::fast::fft
