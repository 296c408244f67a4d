// Dim lists, result shapes and the grouping of elements shared by every
// reduction (ATen/native/ReduceOpsUtils.h, torch 1.13).
#include "reduce_dims.h"

#include <algorithm>

#include "element.h"
#include "parity/ref/factories.h"

namespace parity::ref {

std::vector<bool> reduced_dims(OptionalIntArrayRef dims, int64_t ndim) {
  // A 0-d tensor accepts dim 0 / -1 (wrap_dim); its mask has no entries.
  std::vector<bool> seen(static_cast<size_t>(std::max<int64_t>(ndim, 1)), false);
  if (!dims.has_value() || dims->empty()) return std::vector<bool>(ndim, true);
  for (int64_t d : *dims) {
    const int64_t w = wrap_dim(d, ndim);
    if (seen[w])
      throw Error("dim " + std::to_string(w) + " appears multiple times in the list of dims");
    seen[w] = true;
  }
  seen.resize(ndim);
  return seen;
}

std::vector<bool> reduced_dim(int64_t dim, int64_t ndim) {
  return reduced_dims(IntArrayRef(dim), ndim);
}

std::vector<int64_t> reduced_sizes(IntArrayRef sizes, const std::vector<bool>& mask, bool keepdim) {
  std::vector<int64_t> out;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (!mask[d])
      out.push_back(sizes[d]);
    else if (keepdim)
      out.push_back(1);
  }
  return out;
}

namespace {

// TensorIterator's order of the reduced dims, innermost first
// (reorder_dimensions): an insertion sort from the last dim, by stride, in
// which a broadcast (stride-0) dim compares as neither smaller nor larger
// and equal strides put the smaller size inside.
std::vector<int64_t> reduced_innermost_first(const Tensor& self, const std::vector<bool>& mask) {
  std::vector<int64_t> dims;
  for (size_t d = mask.size(); d-- > 0;)
    if (mask[d]) dims.push_back(static_cast<int64_t>(d));
  auto should_swap = [&](int64_t inner, int64_t outer) {
    const int64_t a = self.stride(inner), b = self.stride(outer);
    if (a == 0 || b == 0) return 0;
    if (a != b) return a < b ? -1 : 1;
    return self.size(inner) > self.size(outer) ? 1 : 0;
  };
  for (size_t i = 1; i < dims.size(); ++i)
    for (size_t j = i; j > 0; --j) {
      const int cmp = should_swap(dims[j - 1], dims[j]);
      if (cmp > 0)
        std::swap(dims[j - 1], dims[j]);
      else if (cmp < 0)
        break;
    }
  return dims;
}

}  // namespace

std::vector<std::vector<Scalar>> reduction_groups(const Tensor& self,
                                                  const std::vector<bool>& mask,
                                                  bool memory_order) {
  std::vector<int64_t> order, reduced;  // kept dims, then reduced dims
  int64_t group_size = 1, groups = 1;
  for (size_t d = 0; d < mask.size(); ++d) {
    const auto dim = static_cast<int64_t>(d);
    if (mask[d]) {
      reduced.push_back(dim);
      group_size *= self.size(dim);
    } else {
      order.push_back(dim);
      groups *= self.size(dim);
    }
  }
  if (memory_order) {
    reduced = reduced_innermost_first(self, mask);
    std::reverse(reduced.begin(), reduced.end());
  }
  order.insert(order.end(), reduced.begin(), reduced.end());
  const std::vector<Scalar> values = read_all(self.permute(order));
  std::vector<std::vector<Scalar>> result(static_cast<size_t>(groups));
  for (int64_t g = 0; g < groups; ++g)
    result[g].assign(values.begin() + g * group_size, values.begin() + (g + 1) * group_size);
  return result;
}

double sum_of_run(const std::vector<Scalar>& run, ScalarType dtype, int64_t row_length) {
  if (dtype != kHalf && dtype != kBFloat16) {
    double sum = 0;
    for (const Scalar& v : run) sum += v.toDouble();
    return sum;
  }
  double result = 0;
  for (size_t start = 0; start < run.size(); start += static_cast<size_t>(row_length)) {
    double row = 0;
    for (size_t i = start; i < start + static_cast<size_t>(row_length); ++i)
      row += run[i].toDouble();
    result = stored_value(dtype, result + stored_value(dtype, row));
  }
  return result;
}

int64_t sum_row_length(const Tensor& self, const std::vector<bool>& mask) {
  std::vector<int64_t> dims;
  for (int64_t d : reduced_innermost_first(self, mask))
    if (self.size(d) != 1) dims.push_back(d);
  int64_t length = 1;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0 && self.stride(dims[i]) != self.stride(dims[i - 1]) * self.size(dims[i - 1])) break;
    length *= self.size(dims[i]);
  }
  return length;
}

Tensor tensor_of(const std::vector<int64_t>& sizes,
                 ScalarType dtype,
                 const std::vector<Scalar>& values) {
  Tensor out = empty_contiguous(sizes, dtype);
  for (size_t i = 0; i < values.size(); ++i)
    write_at(*out.impl(), static_cast<int64_t>(i), values[i]);
  return out;
}

void check_nonempty_reduction(const std::string& name,
                              const Tensor& self,
                              const std::vector<bool>& mask,
                              bool every_dim) {
  if (self.numel() != 0) return;
  if (every_dim) {
    const std::string msg =
        name + "(): Expected reduction dim to be specified for input.numel() == 0.";
    if (name.rfind("arg", 0) == 0) throw IndexError(msg);
    throw Error(msg + " Specify the reduction dim with the 'dim' argument.");
  }
  for (size_t d = 0; d < mask.size(); ++d)
    if (mask[d] && self.size(static_cast<int64_t>(d)) == 0)
      throw IndexError(name + "(): Expected reduction dim " + std::to_string(d) +
                       " to have non-zero size.");
}

ScalarType accumulate_dtype(ScalarType input, std::optional<ScalarType> dtype) {
  if (dtype) return *dtype;
  return isIntegralType(input, /*includeBool=*/true) ? kLong : input;
}

}  // namespace parity::ref
