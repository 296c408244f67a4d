// Spectral ops (spec/API.md "Spectral ops"; SPECTRAL-1..4): windows and the
// one-dim FFTs of torch.fft (through FFTW). A complex tensor is a
// real tensor with a trailing dim of 2, as torch.view_as_real shows it.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "parity/fast/tensor.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast {

Tensor hann_window(int64_t window_length, TensorOptions options = {});
Tensor hann_window(int64_t window_length, bool periodic, TensorOptions options = {});
Tensor hamming_window(int64_t window_length, TensorOptions options = {});
Tensor hamming_window(int64_t window_length, bool periodic, TensorOptions options = {});
Tensor hamming_window(int64_t window_length,
                      bool periodic,
                      double alpha,
                      TensorOptions options = {});
Tensor hamming_window(
    int64_t window_length, bool periodic, double alpha, double beta, TensorOptions options = {});
Tensor blackman_window(int64_t window_length, TensorOptions options = {});
Tensor blackman_window(int64_t window_length, bool periodic, TensorOptions options = {});
Tensor bartlett_window(int64_t window_length, TensorOptions options = {});
Tensor bartlett_window(int64_t window_length, bool periodic, TensorOptions options = {});

namespace fft {

// `n` trims or zero-pads the signal along `dim` (irfft: the output length);
// `norm` is "backward" (default), "forward" or "ortho".
Tensor fft(const Tensor& self,
           std::optional<int64_t> n = std::nullopt,
           int64_t dim = -1,
           std::optional<std::string_view> norm = std::nullopt);
Tensor ifft(const Tensor& self,
            std::optional<int64_t> n = std::nullopt,
            int64_t dim = -1,
            std::optional<std::string_view> norm = std::nullopt);
Tensor rfft(const Tensor& self,
            std::optional<int64_t> n = std::nullopt,
            int64_t dim = -1,
            std::optional<std::string_view> norm = std::nullopt);
Tensor irfft(const Tensor& self,
             std::optional<int64_t> n = std::nullopt,
             int64_t dim = -1,
             std::optional<std::string_view> norm = std::nullopt);

}  // namespace fft

}  // namespace parity::fast
