// hann, hamming, blackman and bartlett windows (SPECTRAL-1), computed in one
// pass per window. The values are those of ATen 1.13's composition (arange,
// mul_, cos_, mul_, add_; TensorFactories.cpp): each step is rounded to the
// dtype as its kernel rounds it (float16/bfloat16: computed in float, and
// the Scalar operand first rounded to the dtype, as TensorIterator's
// up-front cast does). A periodic window is the symmetric window one
// longer, narrowed, so its storage holds length + 1 elements.
#include <cmath>
#include <numbers>
#include <string>

#include "core/dtype_convert.h"
#include "parity/fast/functions.h"
#include "parity/fast/spectral.h"
#include "tensor_internal.h"

namespace parity::fast {

namespace {

// c10's TensorOptions printing as the native function sees its options:
// nothing but the dtype (and a non-CPU device) is ever set there.
std::string options_string(const TensorOptions& o) {
  std::string s = "TensorOptions(dtype=";
  s += cppTypeName(o.dtype());
  s += ", device=";
  s += o.device().is_cpu() ? std::string("cpu (default)") : o.device().str();
  s += ", layout=Strided (default), requires_grad=false (default), pinned_memory=false (default),"
       " memory_format=(nullopt))";
  return s;
}

void window_checks(const char* name, const TensorOptions& o, int64_t length) {
  if (!isFloatingType(o.dtype()))
    throw Error(std::string(name) + " expects floating point dtypes, got: " + options_string(o));
  if (length < 0)
    throw Error(std::string(name) + " requires non-negative window_length, got window_length=" +
                std::to_string(length));
}

// Arithmetic in the dtype's computation type, rounded after every step.
template <class T>
struct Steps {
  using Acc = std::conditional_t<std::is_same_v<T, double>, double, float>;
  static Acc round(Acc x) {
    if constexpr (std::is_same_v<T, Half>)
      return core::half_bits_to_float(core::float_to_half_bits(x));
    else if constexpr (std::is_same_v<T, BFloat16>)
      return core::bf16_bits_to_float(core::float_to_bf16_bits(x));
    else
      return x;
  }
  static Acc scalar(double s) { return round(static_cast<Acc>(s)); }
  static T store(Acc x) {
    if constexpr (std::is_same_v<T, Half>) {
      T h;
      h.x = core::float_to_half_bits(x);
      return h;
    } else if constexpr (std::is_same_v<T, BFloat16>) {
      T b;
      b.x = core::float_to_bf16_bits(x);
      return b;
    } else {
      return x;
    }
  }
};

enum class Shape { Hamming, Blackman, Bartlett };

template <class T>
void fill_window(T* out, int64_t length, Shape shape, double alpha, double beta) {
  using S = Steps<T>;
  using Acc = typename S::Acc;
  const double span = static_cast<double>(length - 1);
  const int64_t first_half = ((length - 1) >> 1) + 1;
  for (int64_t i = 0; i < length; ++i) {
    const Acc index = S::round(static_cast<Acc>(i));  // arange
    Acc w = 0;
    switch (shape) {
      case Shape::Hamming: {
        Acc x = S::round(index * S::scalar(2.0 * std::numbers::pi / span));
        x = S::round(std::cos(x));
        x = S::round(x * S::scalar(-beta));
        w = S::round(x + S::scalar(alpha));
        break;
      }
      case Shape::Blackman: {
        const Acc x = S::round(index * S::scalar(std::numbers::pi / span));
        Acc a = S::round(std::cos(S::round(x * S::scalar(4))));
        a = S::round(a * S::scalar(0.08));
        Acc b = S::round(std::cos(S::round(x * S::scalar(2))));
        b = S::round(b * S::scalar(0.5));
        w = S::round(S::round(a - b) + S::scalar(0.42));
        break;
      }
      case Shape::Bartlett: {
        w = S::round(index * S::scalar(2.0 / span));
        if (i >= first_half) w = S::round(-w + S::scalar(2));
        break;
      }
    }
    out[i] = S::store(w);
  }
}

Tensor make_window(const char* name,
                   int64_t length,
                   bool periodic,
                   Shape shape,
                   double alpha,
                   double beta,
                   const TensorOptions& options) {
  window_checks(name, options, length);
  const ScalarType dtype = options.dtype();
  Tensor window;
  if (length <= 1) {
    window = length == 0 ? empty({0}, TensorOptions(dtype)) : ones({1}, TensorOptions(dtype));
  } else {
    // float16 has no CPU cos kernel in 1.13; bartlett needs none.
    if (dtype == kHalf && shape != Shape::Bartlett)
      throw Error("\"cos_vml_cpu\" not implemented for 'Half'");
    detail::check_device(options.device());
    const int64_t full = periodic ? length + 1 : length;
    window = detail::make_contiguous({full}, dtype);
    switch (dtype) {
      case kFloat:
        fill_window(window.data_ptr<float>(), full, shape, alpha, beta);
        break;
      case kDouble:
        fill_window(window.data_ptr<double>(), full, shape, alpha, beta);
        break;
      case kHalf:
        fill_window(window.data_ptr<Half>(), full, shape, alpha, beta);
        break;
      default:
        fill_window(window.data_ptr<BFloat16>(), full, shape, alpha, beta);
        break;
    }
    if (periodic) window = window.narrow(0, 0, length);
  }
  if (options.requires_grad()) window.requires_grad_(true);
  return window;
}

}  // namespace

Tensor hamming_window(
    int64_t window_length, bool periodic, double alpha, double beta, TensorOptions options) {
  return make_window("hamming_window", window_length, periodic, Shape::Hamming, alpha, beta,
                     options);
}
Tensor hamming_window(int64_t window_length, bool periodic, double alpha, TensorOptions options) {
  return hamming_window(window_length, periodic, alpha, 0.46, options);
}
Tensor hamming_window(int64_t window_length, bool periodic, TensorOptions options) {
  return hamming_window(window_length, periodic, 0.54, 0.46, options);
}
Tensor hamming_window(int64_t window_length, TensorOptions options) {
  return hamming_window(window_length, true, 0.54, 0.46, options);
}

// ATen checks under hann's name first, then runs hamming(alpha = beta = 0.5).
Tensor hann_window(int64_t window_length, bool periodic, TensorOptions options) {
  window_checks("hann_window", options, window_length);
  return make_window("hamming_window", window_length, periodic, Shape::Hamming, 0.5, 0.5, options);
}
Tensor hann_window(int64_t window_length, TensorOptions options) {
  return hann_window(window_length, true, options);
}

Tensor blackman_window(int64_t window_length, bool periodic, TensorOptions options) {
  return make_window("blackman_window", window_length, periodic, Shape::Blackman, 0, 0, options);
}
Tensor blackman_window(int64_t window_length, TensorOptions options) {
  return blackman_window(window_length, true, options);
}

Tensor bartlett_window(int64_t window_length, bool periodic, TensorOptions options) {
  return make_window("bartlett_window", window_length, periodic, Shape::Bartlett, 0, 0, options);
}
Tensor bartlett_window(int64_t window_length, TensorOptions options) {
  return bartlett_window(window_length, true, options);
}

}  // namespace parity::fast
