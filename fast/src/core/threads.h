// The engine's thread count (set_num_threads): every OpenMP region of fast
// asks here instead of omp_get_max_threads(), so the count is one setting
// for the whole process, not a per-thread OpenMP ICV.
#pragma once

namespace parity::fast::core {

// Threads a parallel region may use (>= 1).
int max_threads();

}  // namespace parity::fast::core
