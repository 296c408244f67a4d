// Internal: the one N-d index walk every element loop uses.
#pragma once
#include <cstdint>
#include <functional>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

// Calls visit(storage_index) for every element of the strided window
// (sizes, strides, offset), in row-major logical order (last dim fastest).
void for_each_index(IntArrayRef sizes,
                    IntArrayRef strides,
                    int64_t offset,
                    const std::function<void(int64_t)>& visit);

}  // namespace parity::ref
