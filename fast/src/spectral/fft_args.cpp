#include "spectral/fft_args.h"

#include <cmath>
#include <string>

#include "meta/view_meta.h"

namespace parity::fast::spectral {

namespace {

// promote_type_fft: float16 and bfloat16 are refused; integral and bool
// inputs run in the default dtype.
ScalarType computation_dtype(ScalarType t) {
  if (t == kHalf || t == kBFloat16) throw Error(std::string("Unsupported dtype ") + toString(t));
  return t == kDouble ? kDouble : kFloat;
}

// A LibTorch caller builds the complex input with view_as_complex; these
// are its messages for a tensor it cannot view.
void check_view_as_real_form(const Tensor& self) {
  if (self.dim() == 0) throw Error("Input tensor must have one or more dimensions");
  if (self.size(-1) != 2) throw Error("Tensor must have a last dimension of size 2");
}

// resize_fft_input pads through constant_pad_nd with one (before, after)
// pair per dim. A 0-d signal makes ATen write its pad amount out of bounds;
// in this build the pad list then has `target` entries, whence these texts.
void check_pad(const Tensor& self, int64_t signal_dims, int64_t dim, int64_t target) {
  if (signal_dims == 0) {
    if (target % 2 != 0)
      throw Error("Length of pad must be even but instead it equals " + std::to_string(target));
    throw Error(
        "Length of pad should be no more than twice the number of dimensions of the input. Pad "
        "length is " +
        std::to_string(target) + "while the input has 0dimensions.");
  }
  for (int64_t d = 0; d < signal_dims; ++d) {
    if (d == dim || self.size(d) != 0) continue;
    throw Error(
        "The input size 0, plus negative padding 0 and 0 resulted in a negative output size, "
        "which is invalid. Check dimension " +
        std::to_string(d) + " of your input.");
  }
}

// norm_from_string, as the scale of this direction.
double norm_scale(std::optional<std::string_view> norm, bool forward, int64_t n) {
  const double by_n = 1.0 / static_cast<double>(n);
  if (!norm.has_value() || *norm == "backward") return forward ? 1.0 : by_n;
  if (*norm == "forward") return forward ? by_n : 1.0;
  if (*norm == "ortho") return 1.0 / std::sqrt(static_cast<double>(n));
  throw Error("Invalid normalization mode: \"" + std::string(*norm) + "\"");
}

}  // namespace

FftArgs fft_args(const Tensor& self,
                 FftKind kind,
                 bool complex_in,
                 bool onesided,
                 std::optional<int64_t> n,
                 int64_t dim,
                 std::optional<std::string_view> norm) {
  FftArgs a;
  a.kind = kind;
  a.complex_in = complex_in;
  a.onesided = onesided;
  if (complex_in) check_view_as_real_form(self);
  a.dtype = computation_dtype(self.scalar_type());
  a.signal_dims = self.dim() - (complex_in ? 1 : 0);
  a.dim = meta::wrap_dim(dim, a.signal_dims);
  // ATen reads a 0-d signal's length as 0.
  const int64_t size = a.size = a.signal_dims == 0 ? 0 : self.size(a.dim);
  a.n = n.value_or(kind == FftKind::C2R ? 2 * (size - 1) : size);
  if (a.n < 1) throw Error("Invalid number of data points (" + std::to_string(a.n) + ") specified");
  a.in_len = kind == FftKind::C2R ? a.n / 2 + 1 : a.n;
  if (!n.has_value()) a.in_len = size;
  if (a.in_len > size) check_pad(self, a.signal_dims, a.dim, a.in_len);
  a.copy_len = std::min(a.in_len, size);
  a.out_len = kind == FftKind::R2C && onesided ? a.n / 2 + 1 : a.n;
  a.scale = norm_scale(norm, kind == FftKind::Forward || kind == FftKind::R2C, a.n);
  for (int64_t d = 0; d < a.signal_dims; ++d) {
    const int64_t s = d == a.dim ? a.out_len : self.size(d);
    a.out_sizes.push_back(s);
    if (d < a.dim) a.outer *= s;
    if (d > a.dim) a.inner *= s;
  }
  if (kind != FftKind::C2R) a.out_sizes.push_back(2);
  return a;
}

}  // namespace parity::fast::spectral
