// Generator::get_state / set_state: LibTorch's CPUGeneratorImplState, byte
// for byte, so a state passes between LibTorch and parity. The layout is a
// C struct with natural x86-64 alignment (offsets below); the legacy
// 5048-byte form (CPUGeneratorImplStateLegacy) is the same without the
// float sample.
// Clause: RAND-2.
#include <cmath>
#include <cstring>
#include <numbers>
#include <sstream>

#include "generator_impl.h"
#include "parity/ref/factories.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// Offsets of CPUGeneratorImplState's fields.
constexpr size_t kSeedAt = 0;            // uint64 the_initial_seed
constexpr size_t kLeftAt = 8;            // int32 left
constexpr size_t kSeededAt = 12;         // int32 seeded
constexpr size_t kNextAt = 16;           // uint64 next
constexpr size_t kStateAt = 24;          // uint64 state[624] (32-bit words widened)
constexpr size_t kNormalXAt = 5016;      // double normal_x
constexpr size_t kNormalYAt = 5024;      // double normal_y: the cached double sample
constexpr size_t kNormalRhoAt = 5032;    // double normal_rho
constexpr size_t kNormalValidAt = 5040;  // int32 normal_is_valid, 4 bytes padding
constexpr size_t kLegacySize = 5048;
constexpr size_t kFloatSampleAt = 5048;  // float next_float_normal_sample
constexpr size_t kFloatValidAt = 5052;   // bool is_next_float_normal_sample_valid
constexpr size_t kStateSize = 5056;      // 3 bytes padding at the end

template <class T>
void put(std::byte* bytes, size_t at, T value) {
  std::memcpy(bytes + at, &value, sizeof(T));
}

template <class T>
T get(const std::byte* bytes, size_t at) {
  T value;
  std::memcpy(&value, bytes + at, sizeof(T));
  return value;
}

}  // namespace

Tensor Generator::get_state() const {
  Tensor out = zeros({static_cast<int64_t>(kStateSize)}, kByte);  // padding stays 0
  std::byte* bytes = static_cast<std::byte*>(out.data_ptr());
  const Mt19937& e = impl_->engine;
  put<uint64_t>(bytes, kSeedAt, e.seed);
  put<int32_t>(bytes, kLeftAt, e.left);
  put<int32_t>(bytes, kSeededAt, e.seeded ? 1 : 0);
  put<uint64_t>(bytes, kNextAt, e.next);
  for (int i = 0; i < Mt19937::kStateSize; ++i) put<uint64_t>(bytes, kStateAt + 8 * i, e.state[i]);
  // Only the sample itself is kept; normal_x and normal_rho stay 0.
  if (impl_->next_double_normal_sample) {
    put<double>(bytes, kNormalYAt, *impl_->next_double_normal_sample);
    put<int32_t>(bytes, kNormalValidAt, 1);
  }
  if (impl_->next_float_normal_sample) {
    put<float>(bytes, kFloatSampleAt, *impl_->next_float_normal_sample);
    put<uint8_t>(bytes, kFloatValidAt, 1);
  }
  return out;
}

void Generator::set_state(const Tensor& new_state) const {
  // at::detail::check_rng_state
  if (new_state.scalar_type() != kByte) throw TypeError("RNG state must be a torch.ByteTensor");
  if (!new_state.is_contiguous()) throw Error("RNG state must be contiguous");
  const auto size = static_cast<size_t>(new_state.numel());
  if (size != kLegacySize && size != kStateSize) {
    std::ostringstream msg;
    msg << "Expected either a CPUGeneratorImplStateLegacy of size " << kLegacySize
        << " or a CPUGeneratorImplState of size " << kStateSize
        << " but found the input RNG state size to be " << size;
    throw Error(msg.str());
  }
  const std::byte* bytes = static_cast<const std::byte*>(new_state.data_ptr());

  std::optional<double> double_sample;
  std::optional<float> float_sample;
  if (get<int32_t>(bytes, kNormalValidAt) != 0) {
    if (size == kStateSize) {
      double_sample = get<double>(bytes, kNormalYAt);
    } else {
      // The legacy state kept the Box-Muller pair's angle (normal_x) and
      // radius (normal_rho); the cached sample is the sine half.
      const double theta = 2.0 * std::numbers::pi * get<double>(bytes, kNormalXAt);
      double_sample = get<double>(bytes, kNormalRhoAt) * std::sin(theta);
    }
  }
  if (size == kStateSize && get<uint8_t>(bytes, kFloatValidAt) != 0)
    float_sample = get<float>(bytes, kFloatSampleAt);

  Mt19937 engine;
  for (int i = 0; i < Mt19937::kStateSize; ++i)
    engine.state[i] = static_cast<uint32_t>(get<uint64_t>(bytes, kStateAt + 8 * i));
  engine.seed = get<uint64_t>(bytes, kSeedAt);
  engine.left = get<int32_t>(bytes, kLeftAt);
  engine.seeded = get<int32_t>(bytes, kSeededAt) != 0;
  engine.next = static_cast<uint32_t>(get<uint64_t>(bytes, kNextAt));
  if (!engine.is_valid()) throw Error("Invalid mt19937 state");
  impl_->engine = engine;
  impl_->next_double_normal_sample = double_sample;
  impl_->next_float_normal_sample = float_sample;
}

}  // namespace parity::ref
