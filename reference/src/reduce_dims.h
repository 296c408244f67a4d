// Internal: the shared shape of every reduction. A reduction walks its
// output, and for each output element the reduced index space; here the
// input is permuted so that the kept dims come first and the reduced dims
// last, and its elements (row-major) fall into one run per output element.
#pragma once
#include <string>
#include <vector>

#include "tensor_impl.h"

namespace parity::ref {

// Which dims of an ndim-d tensor `dims` names (wrapped; absent or empty
// means every dim). Throws torch's errors for a dim out of range and for a
// dim named twice.
std::vector<bool> reduced_dims(OptionalIntArrayRef dims, int64_t ndim);
// One dim as a mask.
std::vector<bool> reduced_dim(int64_t dim, int64_t ndim);

// The result's sizes: reduced dims dropped, or kept as size 1.
std::vector<int64_t> reduced_sizes(IntArrayRef sizes, const std::vector<bool>& mask, bool keepdim);

// For each output element (row-major), the elements it reduces, in the
// row-major order of the reduced dims, or with `memory_order` in the order
// torch's reduction iterator visits them (about: in memory order, see
// reduced_innermost_first): it matters where rounding makes the result
// order-dependent (float16/bfloat16 sums and norms).
std::vector<std::vector<Scalar>> reduction_groups(const Tensor& self,
                                                  const std::vector<bool>& mask,
                                                  bool memory_order = false);

// The floating sum of one run as torch's sum kernel rounds it: float32 and
// float64 in double; float16/bfloat16 (cpu/SumKernel.cpp) sum each row (the
// innermost contiguous reduced dims, `row_length` elements of a run in
// memory order) in float, round it to the dtype, and add the rows into the
// result one by one, rounding each time.
double sum_of_run(const std::vector<Scalar>& run, ScalarType dtype, int64_t row_length);
// That row length: the reduced dims (size > 1) in the iterator's order,
// innermost first, as far as they continue one another in memory.
int64_t sum_row_length(const Tensor& self, const std::vector<bool>& mask);

// A fresh contiguous tensor holding `values` (row-major), converted to dtype.
Tensor tensor_of(const std::vector<int64_t>& sizes,
                 ScalarType dtype,
                 const std::vector<Scalar>& values);

// max/min/amax/argmax have no identity: torch refuses to reduce an empty dim
// (IndexError), or an empty tensor over every dim (`every_dim`: a
// RuntimeError, an IndexError for argmax/argmin). `name` is the op's name.
void check_nonempty_reduction(const std::string& name,
                              const Tensor& self,
                              const std::vector<bool>& mask,
                              bool every_dim);

// The sum/prod/cumsum rule: integral and bool inputs accumulate in int64
// unless a dtype is given.
ScalarType accumulate_dtype(ScalarType input, std::optional<ScalarType> dtype);

}  // namespace parity::ref
