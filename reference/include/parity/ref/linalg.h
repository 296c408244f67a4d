// Free functions: Linear algebra: dot, mv, mm, bmm, matmul, einsum (spec/API.md).
#pragma once
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "parity/ref/tensor.h"

namespace parity::ref {

Tensor dot(const Tensor& self, const Tensor& tensor);
Tensor mv(const Tensor& self, const Tensor& vec);
Tensor mm(const Tensor& self, const Tensor& mat2);
Tensor bmm(const Tensor& self, const Tensor& mat2);
Tensor matmul(const Tensor& self, const Tensor& other);
// Labels a-z, A-Z; "->" names the output, else it is the labels that
// appear exactly once, sorted (A-Z before a-z); "..." broadcasts.
Tensor einsum(std::string_view equation, const std::vector<Tensor>& operands);

}  // namespace parity::ref
