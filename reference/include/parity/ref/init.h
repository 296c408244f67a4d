// nn::init: weight initialization as LibTorch's torch/nn/init.h (1.13),
// plus Python's trunc_normal_. Every function fills its tensor in place
// from the default generator and returns the same handle.
// Clauses: INIT-1 ... INIT-5.
#pragma once
#include <cstdint>
#include <tuple>

#include "parity/ref/tensor.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref::nn::init {

using parity::nn::init::FanModeType;
using parity::nn::init::NonlinearityType;

// 1 for linear, conv and sigmoid; 5/3 for tanh; sqrt(2) for relu;
// sqrt(2 / (1 + param^2)) for leaky_relu.
double calculate_gain(NonlinearityType nonlinearity, double param = 0.01);
// (fan_in, fan_out) = (size(1), size(0)) times the product of dims 2...
std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor);

Tensor constant_(Tensor tensor, Scalar value);
Tensor zeros_(Tensor tensor);
Tensor ones_(Tensor tensor);
Tensor eye_(Tensor matrix);
Tensor uniform_(Tensor tensor, double low = 0, double high = 1);
Tensor normal_(Tensor tensor, double mean = 0, double std = 1);
Tensor xavier_uniform_(Tensor tensor, double gain = 1.0);
Tensor xavier_normal_(Tensor tensor, double gain = 1.0);
Tensor kaiming_uniform_(Tensor tensor,
                        double a = 0,
                        FanModeType mode = kFanIn,
                        NonlinearityType nonlinearity = kLeakyReLU);
Tensor kaiming_normal_(Tensor tensor,
                       double a = 0,
                       FanModeType mode = kFanIn,
                       NonlinearityType nonlinearity = kLeakyReLU);
// Q of the QR of a float32 randn({rows, numel / rows}) matrix, signs fixed
// so that R has a positive diagonal, times gain.
Tensor orthogonal_(Tensor tensor, double gain = 1.0);
// Python's (LibTorch has none): N(mean, std) truncated to [a, b] by inverse
// CDF sampling.
Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2);

}  // namespace parity::ref::nn::init
