// exponential_: -1/lambda * log(1 - u) for one 53-bit uniform u per element.
// Clauses: RAND-8, RAND-11.
#include <cmath>
#include <sstream>

#include "dispatch.h"
#include "overlap.h"
#include "pointwise_support.h"
#include "random_support.h"

namespace parity::ref {

Tensor& Tensor::exponential_(double lambd, std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  if (!(lambd >= 0.0)) {
    std::ostringstream msg;
    msg << "exponential_ expects lambda >= 0.0, but found lambda=" << lambd;
    throw Error(msg.str());
  }
  check_no_internal_overlap(self);
  if (!isFloatingType(self.dtype)) throw_not_implemented("exponential_cpu", self.dtype);
  GeneratorImpl& gen = generator_or_default(generator);
  const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
  dispatch_dtype(self.dtype, [&]<class T>() {
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float> ||
                  std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
      for (int64_t i : order) {
        const double u = uniform_real_double(gen, 0, 1);
        *element_at<T>(self, i) = from_double<T>(-1.0 / lambd * std::log(1.0 - u));
      }
    }
  });
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

}  // namespace parity::ref
