// Shapes, dtypes and layouts of joined results (cat, stack), with torch
// 1.13's checks and messages. No data is touched here.
#pragma once
#include <span>

#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::meta {

enum class MemoryFormat { Contiguous, ChannelsLast, ChannelsLast3d };

// TensorImpl::suggest_memory_format(): channels-last for a 4-d (5-d) tensor
// whose strides look like NHWC (NDHWC), contiguous otherwise.
MemoryFormat suggest_memory_format(IntArrayRef sizes, IntArrayRef strides);
// The strides at::empty gives sizes in that format.
DimVector strides_for(IntArrayRef sizes, MemoryFormat f);

// One input of cat: its geometry and dtype.
struct CatInput {
  IntArrayRef sizes;
  IntArrayRef strides;
  ScalarType dtype;
};

struct CatGeometry {
  int64_t dim = 0;  // wrapped
  ScalarType dtype = kFloat;
  DimVector sizes;
  DimVector strides;
};

// A 1-d tensor without elements is skipped by cat (legacy behaviour).
inline bool cat_skips(IntArrayRef sizes) { return sizes.size() == 1 && sizes[0] == 0; }

// cat's meta function: zero-dim check, legacy dim wrapping, the non-empty
// list check, result_type over all inputs, shape checks against the first
// non-skipped input, and the output memory format.
CatGeometry cat_geometry(std::span<const CatInput> inputs, int64_t dim);

}  // namespace parity::fast::meta
