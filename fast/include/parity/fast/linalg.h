// Free functions: Linear algebra: dot, mv, mm, bmm, matmul, einsum (spec/API.md).
#pragma once
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "parity/fast/tensor.h"

namespace parity::fast {

Tensor dot(const Tensor& self, const Tensor& other);
Tensor mv(const Tensor& self, const Tensor& vec);
Tensor mm(const Tensor& self, const Tensor& mat2);
Tensor bmm(const Tensor& self, const Tensor& mat2);
Tensor matmul(const Tensor& self, const Tensor& other);
// torch.einsum: implicit or explicit output, `...` anywhere, repeated labels
// (diagonals), any number of operands.
Tensor einsum(std::string_view equation, const std::vector<Tensor>& operands);

}  // namespace parity::fast
