// RAND-1, RAND-2: Generator members, the default generator, and LibTorch's
// state layout (CPUGeneratorImplState: the legacy TH struct plus the float
// normal cache), byte for byte.
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>
#include <string>

#include "parity/fast/random.h"
#include "parity/fast/tensor.h"
#include "random/generator_impl.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

// Natural x86-64 alignment gives exactly LibTorch's sizes.
struct LegacyState {
  uint64_t the_initial_seed;
  int32_t left;
  int32_t seeded;
  uint64_t next;
  uint64_t state[random::MT19937::kN];
  double normal_x;
  double normal_y;
  double normal_rho;
  int32_t normal_is_valid;
};
struct State {
  LegacyState legacy;
  float next_float_normal_sample;
  bool is_next_float_normal_sample_valid;
};
static_assert(sizeof(LegacyState) == 5048 && sizeof(State) == 5056);

random::GeneratorImpl& impl_of(const std::shared_ptr<random::GeneratorImpl>& p) {
  if (!p) throw Error("parity::fast: use of an undefined Generator");
  return *p;
}

// c10::detail::getNonDeterministicRandom on CPU: 64 bits from the OS's
// entropy source.
uint64_t nondeterministic_seed() {
  std::random_device rd;
  const uint64_t hi = rd();
  const uint64_t lo = rd();
  return (hi << 32) | lo;
}

void reseed(random::GeneratorImpl& g, uint64_t seed) {
  g.next_double_normal.reset();
  g.next_float_normal.reset();
  g.engine.seed(seed);
}

}  // namespace

namespace random {
GeneratorImpl& resolve(const std::optional<Generator>& gen) {
  if (gen.has_value() && gen->defined()) return *gen->impl();
  return *default_generator().impl();
}
}  // namespace random

void Generator::set_current_seed(uint64_t seed) {
  auto& g = impl_of(impl_);
  std::lock_guard<std::mutex> lock(g.mutex);
  reseed(g, seed);
}

uint64_t Generator::current_seed() const { return impl_of(impl_).engine.seed_value(); }

uint64_t Generator::seed() {
  const uint64_t s = nondeterministic_seed();
  set_current_seed(s);
  return s;
}

std::mutex& Generator::mutex() const { return impl_of(impl_).mutex; }

Tensor Generator::get_state() const {
  auto& g = impl_of(impl_);
  State s;
  std::memset(&s, 0, sizeof s);  // padding bytes read back as zero, as LibTorch's
  {
    std::lock_guard<std::mutex> lock(g.mutex);
    const random::MT19937& e = g.engine;
    s.legacy.the_initial_seed = e.seed_value();
    s.legacy.left = e.left();
    s.legacy.seeded = e.seeded() ? 1 : 0;
    s.legacy.next = e.next();
    for (int i = 0; i < random::MT19937::kN; ++i) s.legacy.state[i] = e.state()[i];
    if (g.next_double_normal) {
      s.legacy.normal_is_valid = 1;
      s.legacy.normal_y = *g.next_double_normal;
    }
    if (g.next_float_normal) {
      s.is_next_float_normal_sample_valid = true;
      s.next_float_normal_sample = *g.next_float_normal;
    }
  }
  Tensor out = detail::make_contiguous({static_cast<int64_t>(sizeof s)}, kByte);
  std::memcpy(out.data_ptr(), &s, sizeof s);
  return out;
}

void Generator::set_state(const Tensor& new_state) {
  auto& g = impl_of(impl_);
  if (new_state.dtype() != kByte) throw TypeError("RNG state must be a torch.ByteTensor");
  const int64_t n = new_state.numel();
  State s;
  std::memset(&s, 0, sizeof s);
  std::optional<double> dbl;
  std::optional<float> flt;
  Tensor src = new_state.contiguous();
  if (n == static_cast<int64_t>(sizeof(LegacyState))) {
    std::memcpy(&s.legacy, src.data_ptr(), sizeof(LegacyState));
    // The legacy struct kept the Box-Muller pair; the cached sample is its sine half.
    if (s.legacy.normal_is_valid) {
      const double theta = 2.0 * std::numbers::pi * s.legacy.normal_x;
      dbl = s.legacy.normal_rho * std::sin(theta);
    }
  } else if (n == static_cast<int64_t>(sizeof(State))) {
    std::memcpy(&s, src.data_ptr(), sizeof(State));
    if (s.legacy.normal_is_valid) dbl = s.legacy.normal_y;
    if (s.is_next_float_normal_sample_valid) flt = s.next_float_normal_sample;
  } else {
    throw Error("Expected either a CPUGeneratorImplStateLegacy of size " +
                std::to_string(sizeof(LegacyState)) + " or a CPUGeneratorImplState of size " +
                std::to_string(sizeof(State)) + " but found the input RNG state size to be " +
                std::to_string(n));
  }
  random::MT19937 e;
  uint32_t words[random::MT19937::kN];
  for (int i = 0; i < random::MT19937::kN; ++i) words[i] = static_cast<uint32_t>(s.legacy.state[i]);
  e.set_raw(s.legacy.the_initial_seed, s.legacy.left, s.legacy.seeded != 0,
            static_cast<uint32_t>(s.legacy.next), words);
  if (!e.valid()) throw Error("Invalid mt19937 state");
  std::lock_guard<std::mutex> lock(g.mutex);
  g.engine = e;
  g.next_double_normal = dbl;
  g.next_float_normal = flt;
}

Generator Generator::clone() const {
  auto& g = impl_of(impl_);
  auto copy = std::make_shared<random::GeneratorImpl>();
  std::lock_guard<std::mutex> lock(g.mutex);
  copy->engine = g.engine;
  copy->next_double_normal = g.next_double_normal;
  copy->next_float_normal = g.next_float_normal;
  return Generator(std::move(copy));
}

Generator make_generator(uint64_t seed) {
  auto impl = std::make_shared<random::GeneratorImpl>();
  impl->engine.seed(seed);
  return Generator(std::move(impl));
}

const Generator& default_generator() {
  static const Generator g = make_generator(default_rng_seed_val);
  return g;
}

void manual_seed(uint64_t seed) { Generator(default_generator()).set_current_seed(seed); }

uint64_t initial_seed() { return default_generator().current_seed(); }

uint64_t seed() { return Generator(default_generator()).seed(); }

Tensor get_rng_state() { return default_generator().get_state(); }

void set_rng_state(const Tensor& new_state) { Generator(default_generator()).set_state(new_state); }

}  // namespace parity::fast
