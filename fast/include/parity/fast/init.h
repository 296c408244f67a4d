// INIT-1..INIT-5: weight initialization, as LibTorch's torch/nn/init.h
// (plus Python's trunc_normal_). Each fills its tensor in place from the
// default generator and returns it.
#pragma once
#include <cstdint>
#include <tuple>

#include "parity/fast/tensor.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::nn::init {

using parity::nn::init::FanModeType;
using parity::nn::init::NonlinearityType;

double calculate_gain(NonlinearityType nonlinearity, double param = 0.01);

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
                        FanModeType mode = parity::kFanIn,
                        NonlinearityType nonlinearity = parity::kLeakyReLU);
Tensor kaiming_normal_(Tensor tensor,
                       double a = 0,
                       FanModeType mode = parity::kFanIn,
                       NonlinearityType nonlinearity = parity::kLeakyReLU);
Tensor orthogonal_(Tensor tensor, double gain = 1.0);
// Python's torch.nn.init.trunc_normal_ (LibTorch's C++ API has none).
Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2);

std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor);

}  // namespace parity::fast::nn::init
