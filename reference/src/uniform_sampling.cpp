// uniform_, rand, rand_like: one draw per element in TensorIterator order,
// 24/53/11/8 bits of it scaled to [from, to).
// Clauses: RAND-3, RAND-9, RAND-11.
#include <limits>
#include <sstream>

#include "dispatch.h"
#include "overlap.h"
#include "parity/ref/factories.h"
#include "parity/ref/random.h"
#include "pointwise_support.h"
#include "random_support.h"

namespace parity::ref {

namespace {

// The largest finite value of a floating dtype, as a double.
double dtype_max(ScalarType dtype) {
  switch (dtype) {
    case kHalf:
      return 65504.0;
    case kBFloat16:
      return 3.3895313892515355e38;
    case kFloat:
      return std::numeric_limits<float>::max();
    default:
      return std::numeric_limits<double>::max();
  }
}

// uniform_impl_'s checks ("check_uniform_bounds"), made before any draw.
void check_uniform_bounds(ScalarType dtype, double from, double to) {
  if (!isFloatingType(dtype)) throw_not_implemented("check_uniform_bounds", dtype);
  const double max = dtype_max(dtype);
  if (!(from >= -max && from <= max))
    throw Error(std::string("from is out of bounds for ") + cppTypeName(dtype));
  if (!(to >= -max && to <= max))
    throw Error(std::string("to is out of bounds for ") + cppTypeName(dtype));
  std::ostringstream msg;
  if (!(from <= to)) {
    msg << "uniform_ expects to return a [from, to) range, but found from=" << from
        << " > to=" << to;
    throw Error(msg.str());
  }
  if (!(to - from <= max)) {
    msg << "uniform_ expects to-from <= std::numeric_limits<" << toString(dtype)
        << ">::max(), but found to=" << to << " and from=" << from
        << " which result in to-from to exceed the limit";
    throw Error(msg.str());
  }
}

}  // namespace

Tensor& Tensor::uniform_(double from, double to, std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  check_uniform_bounds(self.dtype, from, to);
  check_no_internal_overlap(self);
  GeneratorImpl& gen = generator_or_default(generator);
  const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
  dispatch_dtype(self.dtype, [&]<class T>() {
    if constexpr (std::is_same_v<T, double>) {
      for (int64_t i : order) *element_at<double>(self, i) = uniform_real_double(gen, from, to);
    } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, Half> ||
                         std::is_same_v<T, BFloat16>) {
      // from and to become T first; T's own subtraction rounds to - from.
      const float from_t = to_float(from_double<T>(from));
      const float to_t = to_float(from_double<T>(to));
      const float range = to_float(from_float<T>(to_t - from_t));
      for (int64_t i : order)
        *element_at<T>(self, i) =
            from_float<T>(uniform_real_float(gen, kMantissaDigits<T>, from_t, range));
    }
  });
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

Tensor rand(IntArrayRef size, TensorOptions options) { return rand(size, std::nullopt, options); }

Tensor rand(IntArrayRef size, std::optional<Generator> generator, TensorOptions options) {
  Tensor t = empty(size, options);
  t.uniform_(0, 1, generator);
  t.impl()->storage->version = 0;  // a factory's own fill is not a user write
  return t;
}

Tensor rand_like(const Tensor& self, TensorOptions options) {
  Tensor t = empty_like(self, options);
  t.uniform_(0, 1);
  t.impl()->storage->version = 0;
  return t;
}

}  // namespace parity::ref
