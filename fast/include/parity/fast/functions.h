// Free functions: factories and printing (spec/API.md, "Free functions").
#pragma once
#include <iosfwd>
#include <string>

#include "parity/fast/tensor.h"

namespace parity::fast {

Tensor tensor(const NestedList& data, TensorOptions options = {});
Tensor empty(IntArrayRef sizes, TensorOptions options = {});
Tensor zeros(IntArrayRef sizes, TensorOptions options = {});
Tensor ones(IntArrayRef sizes, TensorOptions options = {});
Tensor full(IntArrayRef sizes, Scalar value, TensorOptions options = {});
Tensor arange(Scalar end, TensorOptions options = {});
Tensor arange(Scalar start, Scalar end, TensorOptions options = {});
Tensor arange(Scalar start, Scalar end, Scalar step, TensorOptions options = {});
Tensor linspace(Scalar start, Scalar end, int64_t steps, TensorOptions options = {});
Tensor eye(int64_t n, TensorOptions options = {});
Tensor eye(int64_t n, int64_t m, TensorOptions options = {});
Tensor empty_like(const Tensor& t, TensorOptions options = {});
Tensor zeros_like(const Tensor& t, TensorOptions options = {});
Tensor ones_like(const Tensor& t, TensorOptions options = {});
Tensor full_like(const Tensor& t, Scalar value, TensorOptions options = {});
void set_num_threads(int n);
int get_num_threads();

// Python's print(t) in torch 1.13.
std::string repr(const Tensor& t);
std::ostream& operator<<(std::ostream& os, const Tensor& t);

}  // namespace parity::fast
