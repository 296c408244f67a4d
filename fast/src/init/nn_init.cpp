// INIT-1..INIT-4: calculate_gain, the fans, and the fills of LibTorch's
// torch/nn/init.cpp (1.13): each draws through the tensor's own in-place
// sampler on the default generator.
#include <cmath>
#include <variant>

#include "parity/fast/functions.h"
#include "parity/fast/init.h"

namespace parity::fast::nn::init {
namespace {

struct Fan {
  int64_t in = 0;
  int64_t out = 0;
};

Fan fans(const Tensor& t) {
  const auto [in, out] = _calculate_fan_in_and_fan_out(t);
  return {in, out};
}

double kaiming_std(const Tensor& t, double a, FanModeType mode, NonlinearityType nonlinearity) {
  const Fan fan = fans(t);
  const double gain = calculate_gain(nonlinearity, a);
  const bool fan_in = std::holds_alternative<enumtype::kFanIn>(mode);
  return gain / std::sqrt(static_cast<double>(fan_in ? fan.in : fan.out));
}

double xavier_std(const Tensor& t, double gain) {
  const Fan fan = fans(t);
  return gain * std::sqrt(2.0 / static_cast<double>(fan.in + fan.out));
}

}  // namespace

double calculate_gain(NonlinearityType nonlinearity, double param) {
  if (std::holds_alternative<enumtype::kTanh>(nonlinearity)) return 5.0 / 3.0;
  if (std::holds_alternative<enumtype::kReLU>(nonlinearity)) return std::sqrt(2.0);
  if (std::holds_alternative<enumtype::kLeakyReLU>(nonlinearity))
    return std::sqrt(2.0 / (1 + std::pow(param, 2)));
  return 1.0;  // linear, conv*, sigmoid
}

std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor) {
  if (tensor.dim() < 2)
    throw Error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  if (tensor.dim() == 2) return {tensor.size(1), tensor.size(0)};
  // LibTorch takes tensor[0][0].numel(), which fails (IndexError) on an
  // empty leading dim.
  const int64_t receptive = tensor.select(0, 0).select(0, 0).numel();
  return {tensor.size(1) * receptive, tensor.size(0) * receptive};
}

Tensor constant_(Tensor tensor, Scalar value) { return tensor.fill_(value); }
Tensor zeros_(Tensor tensor) { return tensor.zero_(); }
Tensor ones_(Tensor tensor) { return tensor.fill_(1); }

Tensor eye_(Tensor matrix) {
  if (matrix.dim() != 2) throw Error("Only tensors with 2 dimensions are supported");
  // eye_out: zero, then ones on the diagonal; its dispatch lacks bfloat16.
  if (matrix.dtype() == kBFloat16) throw Error("\"eye\" not implemented for 'BFloat16'");
  matrix.copy_(eye(matrix.size(0), matrix.size(1), matrix.dtype()));
  return matrix;
}

Tensor uniform_(Tensor tensor, double low, double high) { return tensor.uniform_(low, high); }
Tensor normal_(Tensor tensor, double mean, double std) { return tensor.normal_(mean, std); }

Tensor xavier_uniform_(Tensor tensor, double gain) {
  const double a = std::sqrt(3.0) * xavier_std(tensor, gain);
  return tensor.uniform_(-a, a);
}

Tensor xavier_normal_(Tensor tensor, double gain) {
  return tensor.normal_(0, xavier_std(tensor, gain));
}

Tensor kaiming_uniform_(Tensor tensor, double a, FanModeType mode, NonlinearityType nonlinearity) {
  const double bound = std::sqrt(3.0) * kaiming_std(tensor, a, mode, nonlinearity);
  return tensor.uniform_(-bound, bound);
}

Tensor kaiming_normal_(Tensor tensor, double a, FanModeType mode, NonlinearityType nonlinearity) {
  return tensor.normal_(0, kaiming_std(tensor, a, mode, nonlinearity));
}

}  // namespace parity::fast::nn::init
