// hann, hamming, blackman and bartlett windows (SPECTRAL-1), composed from
// the engine's own ops in ATen 1.13's order (TensorFactories.cpp), so their
// dtypes, rounding and errors (cos_ of float16) follow from those ops. A
// periodic window is the symmetric window one longer, narrowed.
#include <cmath>
#include <numbers>
#include <string>

#include "parity/ref/factories.h"
#include "parity/ref/operators.h"
#include "parity/ref/spectral.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// c10's operator<< for TensorOptions as the native function sees it: only
// the dtype and (when not CPU) the device are ever set there.
std::string options_text(const TensorOptions& options) {
  const std::string device =
      options.device().type() == kCPU ? std::string("cpu (default)") : options.device().str();
  return std::string("TensorOptions(dtype=") + cppTypeName(options.dtype()) + ", device=" + device +
         ", layout=Strided (default), requires_grad=false (default), pinned_memory=false "
         "(default), memory_format=(nullopt))";
}

// window_function_checks: the dtype first, then the length.
void check_window(const char* name, const TensorOptions& options, int64_t length) {
  if (!isFloatingType(options.dtype()))
    throw Error(std::string(name) +
                " expects floating point dtypes, got: " + options_text(options));
  if (length < 0)
    throw Error(std::string(name) + " requires non-negative window_length, got window_length=" +
                std::to_string(length));
}

// The options the native function builds with: the dtype always set (the
// default is float32, not arange's inferred int64), no requires_grad.
TensorOptions native_options(const TensorOptions& options) {
  return options.dtype(options.dtype()).requires_grad(false);
}

// What torch's autograd factory wrapper does to the native result: sets
// requires_grad, and the fresh variable starts at version 0.
Tensor finish_window(Tensor window, const TensorOptions& options) {
  window.impl()->storage->version = 0;
  return finish_factory(window, options);
}

Tensor hamming_impl(
    int64_t length, bool periodic, double alpha, double beta, const TensorOptions& options) {
  if (length == 0) return empty({0}, native_options(options));
  if (length == 1) return ones({1}, native_options(options));
  if (periodic) length += 1;
  Tensor window = arange(length, native_options(options));
  window.mul_(2.0 * std::numbers::pi / static_cast<double>(length - 1))
      .cos_()
      .mul_(-beta)
      .add_(alpha);
  return periodic ? window.narrow(0, 0, length - 1) : window;
}

}  // namespace

Tensor hamming_window(
    int64_t window_length, bool periodic, double alpha, double beta, TensorOptions options) {
  check_window("hamming_window", options, window_length);
  return finish_window(hamming_impl(window_length, periodic, alpha, beta, options), options);
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

// ATen's hann_window checks under its own name, then calls hamming_window.
Tensor hann_window(int64_t window_length, bool periodic, TensorOptions options) {
  check_window("hann_window", options, window_length);
  return hamming_window(window_length, periodic, 0.5, 0.5, options);
}
Tensor hann_window(int64_t window_length, TensorOptions options) {
  return hann_window(window_length, true, options);
}

Tensor blackman_window(int64_t window_length, bool periodic, TensorOptions options) {
  check_window("blackman_window", options, window_length);
  const TensorOptions native = native_options(options);
  if (window_length == 0) return finish_window(empty({0}, native), options);
  if (window_length == 1) return finish_window(ones({1}, native), options);
  const int64_t length = periodic ? window_length + 1 : window_length;
  Tensor window = arange(length, native).mul_(std::numbers::pi / static_cast<double>(length - 1));
  window = window.mul(4).cos_().mul_(0.08) - window.mul(2).cos_().mul_(0.5) + 0.42;
  if (periodic) window = window.narrow(0, 0, length - 1);
  return finish_window(window, options);
}
Tensor blackman_window(int64_t window_length, TensorOptions options) {
  return blackman_window(window_length, true, options);
}

Tensor bartlett_window(int64_t window_length, bool periodic, TensorOptions options) {
  check_window("bartlett_window", options, window_length);
  const TensorOptions native = native_options(options);
  if (window_length == 0) return finish_window(empty({0}, native), options);
  if (window_length == 1) return finish_window(ones({1}, native), options);
  const int64_t length = periodic ? window_length + 1 : window_length;
  Tensor window = arange(length, native).mul_(2.0 / static_cast<double>(length - 1));
  const int64_t first_half = ((length - 1) >> 1) + 1;
  window.narrow(0, first_half, length - first_half).mul_(-1).add_(2);
  if (periodic) window = window.narrow(0, 0, length - 1);
  return finish_window(window, options);
}
Tensor bartlett_window(int64_t window_length, TensorOptions options) {
  return bartlett_window(window_length, true, options);
}

}  // namespace parity::ref
