// Internal: broadcasting shapes (at::infer_size).
#pragma once
#include <vector>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

// The broadcast shape of a and b: dims align from the right, a missing dim
// counts as 1, a size-1 dim stretches to the other's size (0 included).
std::vector<int64_t> broadcast_shape(IntArrayRef a, IntArrayRef b);

}  // namespace parity::ref
