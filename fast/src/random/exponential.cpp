// RAND-8: exponential_: -1/lambda * log(1 - u) for a double uniform u,
// computed in double and cast to the dtype.
#include <cmath>
#include <sstream>

#include "core/dispatch.h"
#include "parity/fast/random.h"
#include "random/sample_common.h"
#include "random/uniform_real.h"
#include "tensor_internal.h"

namespace parity::fast {

Tensor& Tensor::exponential_(double lambd, std::optional<Generator> generator) {
  if (!(lambd >= 0.0)) {
    std::ostringstream os;
    os << "exponential_ expects lambda >= 0.0, but found lambda=" << lambd;
    throw Error(os.str());
  }
  random::check_output(*this);
  const ScalarType dt = dtype();
  random::require_floating("exponential_cpu", dt);
  detail::bump_version(*this);
  auto& g = random::resolve(generator);
  std::lock_guard<std::mutex> lock(g.mutex);
  const double scale = -1.0 / lambd;
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (core::is_float_v<T>) {
      random::fill_ordered<T>(*this, [&](T* out, int64_t n) {
        random::generate<uint64_t>(g, out, n, [scale](uint64_t w) {
          return core::convert<T>(scale * std::log(1.0 - random::UniformReal<double>::unit(w)));
        });
      });
    }
  });
  return *this;
}

}  // namespace parity::fast
