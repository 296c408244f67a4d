// The shape half of a reduction: which dims are reduced (wrapped, checked
// for repeats), the result's sizes, and the result dtype rules of sum, prod
// and mean. No data is touched here.
#pragma once
#include <bitset>
#include <optional>

#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::meta {

inline constexpr size_t kMaxReduceDims = 64;
using DimMask = std::bitset<kMaxReduceDims>;

// dims wrapped against ndim (a 0-d tensor accepts 0 and -1); an absent or
// empty list means every dim. Throws torch's errors for out-of-range and
// repeated dims.
DimMask reduce_mask(OptionalIntArrayRef dims, int64_t ndim);
// The mask of one dim.
DimMask reduce_mask_one(int64_t dim, int64_t ndim);

// The result's sizes: reduced dims dropped, or kept as 1 with keepdim.
DimVector reduced_sizes(IntArrayRef sizes, const DimMask& mask, bool keepdim);
// Elements reduced into each result element.
int64_t reduced_count(IntArrayRef sizes, const DimMask& mask);

// sum/prod: integral and bool inputs give int64 unless dtype says otherwise.
ScalarType sum_result_dtype(ScalarType in, std::optional<ScalarType> dtype);

}  // namespace parity::fast::meta
