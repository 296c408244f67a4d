// Row kernels for copy/convert, one per (source dtype, destination dtype).
#pragma once
#include "iter/copy_iter.h"

namespace parity::fast::cpu {

iter::RowFn copy_row_kernel(ScalarType src, ScalarType dst);

}  // namespace parity::fast::cpu
