// bernoulli_ (scalar p and tensor p), bernoulli(p), bernoulli(self, p): each
// element is uniform < p, with a 53-bit double draw when p is a double and a
// 24-bit float draw when p is a float tensor.
// Clauses: RAND-7, RAND-11.
#include <sstream>

#include "dispatch.h"
#include "overlap.h"
#include "parity/ref/factories.h"
#include "parity/ref/random.h"
#include "pointwise_support.h"
#include "random_support.h"

namespace parity::ref {

namespace {

// at::bernoulli_distribution's check, made per element as each is drawn.
void check_p_in(double p) {
  if (!(p >= 0 && p <= 1))
    throw Error(
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be "
        "improved?  If so, please report an enhancement request to PyTorch.)");
}

template <class T>
T from_bool(bool b) {
  if constexpr (std::is_same_v<T, BFloat16> || std::is_same_v<T, Half>)
    return from_float<T>(b ? 1.0f : 0.0f);
  else
    return static_cast<T>(b);
}

}  // namespace

Tensor& Tensor::bernoulli_(double p, std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  if (!(p >= 0 && p <= 1)) {
    std::ostringstream msg;
    msg << "bernoulli_ expects p to be in [0, 1], but got p=" << p;
    throw Error(msg.str());
  }
  check_no_internal_overlap(self);
  if (self.dtype == kHalf) throw_not_implemented("bernoulli_scalar_cpu_", self.dtype);
  GeneratorImpl& gen = generator_or_default(generator);
  const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
  dispatch_dtype(self.dtype, [&]<class T>() {
    for (int64_t i : order)
      *element_at<T>(self, i) = from_bool<T>(uniform_real_double(gen, 0, 1) < p);
  });
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

Tensor& Tensor::bernoulli_(const Tensor& p, std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  check_no_internal_overlap(self);
  if (self.dtype == kHalf) throw_not_implemented("bernoulli_tensor_cpu_self_", self.dtype);
  const Tensor p_expanded = p.expand(sizes());
  check_no_partial_overlap(*this, p_expanded);
  const ScalarType p_dtype = p.scalar_type();
  if (p_dtype != kDouble && p_dtype != kFloat && p_dtype != kBFloat16)
    throw_not_implemented("bernoulli_tensor_cpu_p_", p_dtype);
  GeneratorImpl& gen = generator_or_default(generator);
  // One walk over both: the output's dims decide TensorIterator's order.
  const std::vector<int64_t> dims = iteration_dims(self);
  const std::vector<int64_t> out_order = storage_indices_in_order(self, dims);
  const std::vector<int64_t> p_order = storage_indices_in_order(*p_expanded.impl(), dims);
  const TensorImpl& pi = *p_expanded.impl();
  dispatch_dtype(self.dtype, [&]<class T>() {
    for (size_t k = 0; k < out_order.size(); ++k) {
      bool one;
      if (p_dtype == kDouble) {
        const double p_val = *element_at<double>(pi, p_order[k]);
        check_p_in(p_val);
        one = uniform_real_double(gen, 0, 1) < p_val;
      } else {
        const float p_val = p_dtype == kFloat ? *element_at<float>(pi, p_order[k])
                                              : to_float(*element_at<BFloat16>(pi, p_order[k]));
        check_p_in(p_val);
        one = uniform_real_float(gen, 24, 0.0f, 1.0f) < p_val;
      }
      *element_at<T>(self, out_order[k]) = from_bool<T>(one);
    }
  });
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

Tensor bernoulli(const Tensor& p, std::optional<Generator> generator) {
  Tensor result = empty(p.sizes(), p.scalar_type());
  result.bernoulli_(p, generator);
  result.impl()->storage->version = 0;
  return result;
}

Tensor bernoulli(const Tensor& self, double p, std::optional<Generator> generator) {
  Tensor result = empty(self.sizes(), self.scalar_type());
  result.bernoulli_(p, generator);
  result.impl()->storage->version = 0;
  return result;
}

Tensor Tensor::bernoulli(std::optional<Generator> generator) const {
  return ref::bernoulli(*this, generator);
}
Tensor Tensor::bernoulli(double p, std::optional<Generator> generator) const {
  return ref::bernoulli(*this, p, generator);
}

}  // namespace parity::ref
