// Vocabulary: the seed a new CPU generator starts from when none is given,
// LibTorch's c10::detail::default_rng_seed_val (torch.initial_seed() in a
// fresh process).
#pragma once
#include <cstdint>

namespace parity {
inline constexpr uint64_t default_rng_seed_val = 67280421310721ULL;
}  // namespace parity
