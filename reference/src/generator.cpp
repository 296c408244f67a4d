// Generator handles: seeding, cloning, the default generator and Python's
// module-level functions on it (torch.manual_seed ...).
// Clauses: RAND-1, RAND-10.
#include <random>

#include "generator_impl.h"
#include "parity/ref/tensor.h"

namespace parity::ref {

void Generator::set_current_seed(uint64_t seed) const {
  impl_->next_float_normal_sample.reset();
  impl_->next_double_normal_sample.reset();
  impl_->engine.seed_with(seed);
}

uint64_t Generator::current_seed() const { return impl_->engine.seed; }

// c10::detail::getNonDeterministicRandom: 64 bits from the OS.
uint64_t Generator::seed() const {
  std::random_device device;
  const uint64_t s = (static_cast<uint64_t>(device()) << 32) | device();
  set_current_seed(s);
  return s;
}

Generator Generator::clone() const { return Generator(std::make_shared<GeneratorImpl>(*impl_)); }

Generator make_generator(uint64_t seed) {
  auto impl = std::make_shared<GeneratorImpl>();
  impl->engine.seed_with(seed);
  return Generator(std::move(impl));
}

Generator default_generator() {
  static const Generator the_default = make_generator(default_rng_seed_val);
  return the_default;
}

GeneratorImpl& generator_or_default(const std::optional<Generator>& gen) {
  return gen ? gen->impl() : default_generator().impl();
}

void manual_seed(uint64_t seed) { default_generator().set_current_seed(seed); }
uint64_t initial_seed() { return default_generator().current_seed(); }
uint64_t seed() { return default_generator().seed(); }
Tensor get_rng_state() { return default_generator().get_state(); }
void set_rng_state(const Tensor& new_state) { default_generator().set_state(new_state); }

}  // namespace parity::ref
