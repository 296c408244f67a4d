// set_num_threads / get_num_threads: the reference engine records the
// number (so that a program written for fast runs unchanged) and always
// runs single-threaded.
#include "parity/ref/factories.h"

namespace parity::ref {

namespace {
int recorded_threads = 1;
}  // namespace

// LibTorch's C++ check (at::set_num_threads); Python's binding words it differently.
void set_num_threads(int n) {
  if (n <= 0) throw Error("Expected positive number of threads");
  recorded_threads = n;
}
int get_num_threads() { return recorded_threads; }

}  // namespace parity::ref
