// The reduction plan: the input's dims split into kept ("outer") and
// reduced dims, size-1 dims dropped, each group ordered by input stride
// (smallest first) and coalesced. The result is contiguous in its own
// shape, so only the kept dims carry output strides.
//
// Two ways to run it, chosen from the layout alone:
//  * inner: the input's smallest stride is a reduced dim; every result
//    element reduces rows along it (SIMD lanes over contiguous rows).
//  * vertical: the smallest stride is a kept dim (sum(0) of a matrix);
//    a block of result elements accumulates whole input rows side by side,
//    so memory is read as it lies.
// Long reductions are cut into chunks whose bounds depend on the sizes only,
// and partial results are combined in chunk order: the result is the same
// bits for any thread count.
#pragma once
#include <cstdint>

#include "meta/reduce_meta.h"
#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::iter {

struct ReducePlan {
  // Kept dims, innermost first: sizes, input strides (bytes), output
  // strides (bytes).
  DimVector osz, oin, oout;
  // Reduced dims, innermost first: sizes, input strides (bytes). Never
  // empty: a reduction over nothing is a one-element row.
  DimVector rsz, rin;
  int64_t n_out = 1;
  int64_t n_red = 1;
  bool vertical = false;
  // inner mode: result elements are cut into `chunks` pieces each of
  // `pieces_per_chunk` row pieces, `pieces_per_row` pieces a row, of
  // `piece_len` elements (the last piece of a row may be shorter).
  int64_t chunks = 1, pieces_per_chunk = 1, pieces_per_row = 1, piece_len = 1;
};

// Elements per chunk of a long inner reduction, and the size above which
// a reduction is split across threads.
inline constexpr int64_t kReduceChunk = 16384;
inline constexpr int64_t kReduceGrain = 32768;

// in_strides in elements; in_item and out_item in bytes.
ReducePlan make_reduce_plan(IntArrayRef sizes,
                            IntArrayRef in_strides,
                            const meta::DimMask& mask,
                            int64_t in_item,
                            int64_t out_item);

}  // namespace parity::fast::iter
