// nn::init's gains, fans and the fills built on the in-place samplers
// (torch/csrc/api/src/nn/init.cpp, 1.13).
// Clauses: INIT-1, INIT-2, INIT-3, INIT-4.
#include <cmath>
#include <variant>

#include "parity/ref/init.h"
#include "tensor_impl.h"

namespace parity::ref::nn::init {

namespace {

// LibTorch's Fan: the receptive field is the element count of tensor[0][0].
struct Fan {
  int64_t in = 0;
  int64_t out = 0;
};

Fan fans(const Tensor& tensor) {
  if (tensor.dim() < 2)
    throw Error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  if (tensor.dim() == 2) return {tensor.size(1), tensor.size(0)};
  const int64_t receptive_field = tensor[0][0].numel();
  return {tensor.size(1) * receptive_field, tensor.size(0) * receptive_field};
}

double kaiming_std(const Tensor& tensor,
                   double a,
                   FanModeType mode,
                   NonlinearityType nonlinearity) {
  const Fan fan = fans(tensor);
  const double gain = calculate_gain(nonlinearity, a);
  const int64_t f = std::holds_alternative<enumtype::kFanIn>(mode) ? fan.in : fan.out;
  return gain / std::sqrt(static_cast<double>(f));
}

double xavier_std(const Tensor& tensor, double gain) {
  const Fan fan = fans(tensor);
  return gain * std::sqrt(2.0 / static_cast<double>(fan.in + fan.out));
}

}  // namespace

double calculate_gain(NonlinearityType nonlinearity, double param) {
  if (std::holds_alternative<enumtype::kTanh>(nonlinearity)) return 5.0 / 3.0;
  if (std::holds_alternative<enumtype::kReLU>(nonlinearity)) return std::sqrt(2.0);
  if (std::holds_alternative<enumtype::kLeakyReLU>(nonlinearity))
    return std::sqrt(2.0 / (1 + std::pow(param, 2)));
  return 1.0;
}

std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& tensor) {
  const Fan fan = fans(tensor);
  return {fan.in, fan.out};
}

Tensor constant_(Tensor tensor, Scalar value) {
  tensor.fill_(value);
  return tensor;
}
Tensor zeros_(Tensor tensor) {
  tensor.zero_();
  return tensor;
}
Tensor ones_(Tensor tensor) {
  tensor.fill_(1);
  return tensor;
}

// eye_out: zero, then 1 at (i, i) through the matrix's own strides. Its
// dtype dispatch leaves out bfloat16.
Tensor eye_(Tensor matrix) {
  if (matrix.dim() != 2) throw Error("Only tensors with 2 dimensions are supported");
  if (matrix.dtype() == kBFloat16) throw Error("\"eye\" not implemented for 'BFloat16'");
  matrix.zero_();
  const TensorImpl& m = *matrix.impl();
  const int64_t diagonal = std::min(m.sizes[0], m.sizes[1]);
  for (int64_t i = 0; i < diagonal; ++i)
    write_at(m, m.offset + i * (m.strides[0] + m.strides[1]), 1);
  return matrix;
}

Tensor uniform_(Tensor tensor, double low, double high) {
  tensor.uniform_(low, high);
  return tensor;
}
Tensor normal_(Tensor tensor, double mean, double std) {
  tensor.normal_(mean, std);
  return tensor;
}

Tensor xavier_uniform_(Tensor tensor, double gain) {
  const double a = std::sqrt(3.0) * xavier_std(tensor, gain);
  tensor.uniform_(-a, a);
  return tensor;
}
Tensor xavier_normal_(Tensor tensor, double gain) {
  tensor.normal_(0, xavier_std(tensor, gain));
  return tensor;
}

Tensor kaiming_uniform_(Tensor tensor, double a, FanModeType mode, NonlinearityType nonlinearity) {
  const double bound = std::sqrt(3.0) * kaiming_std(tensor, a, mode, nonlinearity);
  tensor.uniform_(-bound, bound);
  return tensor;
}
Tensor kaiming_normal_(Tensor tensor, double a, FanModeType mode, NonlinearityType nonlinearity) {
  tensor.normal_(0, kaiming_std(tensor, a, mode, nonlinearity));
  return tensor;
}

}  // namespace parity::ref::nn::init
