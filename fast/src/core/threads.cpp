#include "core/threads.h"

#include <atomic>

#include "parity/fast/functions.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace parity::fast {
namespace {

// 0: not set, OpenMP's default applies.
std::atomic<int> g_threads{0};

int default_threads() {
#ifdef _OPENMP
  static const int n = omp_get_max_threads();
  return n;
#else
  return 1;
#endif
}

}  // namespace

namespace core {
int max_threads() {
  const int n = g_threads.load(std::memory_order_relaxed);
  return n > 0 ? n : default_threads();
}
}  // namespace core

void set_num_threads(int n) {
  if (n <= 0) throw Error("Expected positive number of threads");
  g_threads.store(n, std::memory_order_relaxed);
}

int get_num_threads() { return core::max_threads(); }

}  // namespace parity::fast
