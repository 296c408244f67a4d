// Factory functions: torch.tensor, zeros, ones, full, empty, arange,
// linspace, eye and the *_like family, with torch 1.13's dtype inference.
#pragma once
#include <cstdint>

#include "parity/ref/nested_list.h"
#include "parity/ref/tensor.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref {

Tensor tensor(const NestedList& data, TensorOptions options = {});

Tensor empty(IntArrayRef size, TensorOptions options = {});
Tensor zeros(IntArrayRef size, TensorOptions options = {});
Tensor ones(IntArrayRef size, TensorOptions options = {});
Tensor full(IntArrayRef size, const Scalar& fill_value, TensorOptions options = {});

Tensor arange(const Scalar& end, TensorOptions options = {});
Tensor arange(const Scalar& start, const Scalar& end, TensorOptions options = {});
Tensor arange(const Scalar& start,
              const Scalar& end,
              const Scalar& step,
              TensorOptions options = {});
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, TensorOptions options = {});
Tensor eye(int64_t n, TensorOptions options = {});
Tensor eye(int64_t n, int64_t m, TensorOptions options = {});
void set_num_threads(int n);  // recorded only: the reference runs single-threaded
int get_num_threads();

Tensor empty_like(const Tensor& self, TensorOptions options = {});
Tensor zeros_like(const Tensor& self, TensorOptions options = {});
Tensor ones_like(const Tensor& self, TensorOptions options = {});
Tensor full_like(const Tensor& self, const Scalar& fill_value, TensorOptions options = {});

}  // namespace parity::ref
