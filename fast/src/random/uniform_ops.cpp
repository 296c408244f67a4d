// RAND-3, RAND-9, RAND-11: uniform_, rand, rand_like.
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/dispatch.h"
#include "parity/fast/functions.h"
#include "parity/fast/random.h"
#include "random/sample_common.h"
#include "random/uniform_real.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

template <class T>
double lowest_of() {
  if constexpr (std::is_same_v<T, Half>) {
    return -65504.0;
  } else if constexpr (std::is_same_v<T, BFloat16>) {
    return -3.38953138925153547590470800371487866880e+38;
  } else {
    return static_cast<double>(std::numeric_limits<T>::lowest());
  }
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// uniform_'s checks (torch's "check_uniform_bounds"), which clamp the
// bounds into the dtype's range.
template <class T>
void check_bounds(ScalarType dt, double& from, double& to) {
  const double min = lowest_of<T>(), max = -min;
  const std::string name = cppTypeName(dt);
  if (!(from >= min && from <= max)) throw Error("from is out of bounds for " + name);
  if (!(to >= min && to <= max)) throw Error("to is out of bounds for " + name);
  if (!(from <= to))
    throw Error("uniform_ expects to return a [from, to) range, but found from=" + num(from) +
                " > to=" + num(to));
  if (!(to - from <= max))
    throw Error(std::string("uniform_ expects to-from <= std::numeric_limits<") + toString(dt) +
                ">::max(), but found to=" + num(to) + " and from=" + num(from) +
                " which result in to-from to exceed the limit");
  from = std::min(std::max(from, min), max);
  to = std::max(std::min(to, max), min);
}

}  // namespace

Tensor& Tensor::uniform_(double from, double to, std::optional<Generator> generator) {
  const ScalarType dt = dtype();
  random::require_floating("check_uniform_bounds", dt);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (core::is_float_v<T>) {
      check_bounds<T>(dt, from, to);
      random::check_output(*this);
      detail::bump_version(*this);
      auto& g = random::resolve(generator);
      const random::UniformReal<T> dist(from, to);
      std::lock_guard<std::mutex> lock(g.mutex);
      random::fill_ordered<T>(
          *this, [&](T* out, int64_t n) { random::generate_uniform(g, out, n, dist); });
    }
  });
  return *this;
}

Tensor rand(IntArrayRef size, TensorOptions options) { return rand(size, std::nullopt, options); }

Tensor rand(IntArrayRef size, std::optional<Generator> generator, TensorOptions options) {
  Tensor t = empty(size, options.requires_grad(false));
  t.uniform_(0, 1, std::move(generator));
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

Tensor rand_like(const Tensor& self, TensorOptions options) {
  Tensor t = empty_like(self, options.requires_grad(false));
  t.uniform_(0, 1);
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

}  // namespace parity::fast
