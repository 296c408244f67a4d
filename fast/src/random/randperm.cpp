// RAND-6: randperm: 0..n-1, then for each position i < n-1 a swap with
// i + (32-bit draw % (n - i)). The draws are taken in one block first.
#include <vector>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "parity/fast/functions.h"
#include "parity/fast/random.h"
#include "random/sample_common.h"

namespace parity::fast {
namespace {

// check_supported_max_int_with_precision.
template <class T>
void check_max(int64_t n) {
  core::checked_scalar_to<T>(Scalar(n > 0 ? n - 1 : n));
  if constexpr (std::is_same_v<T, Half>) {
    if (n > (int64_t{1} << 11) + 1) throw Error("n cannot be greater than 2049 for Half type.");
  } else if constexpr (std::is_same_v<T, float>) {
    if (n > (int64_t{1} << 24) + 1) throw Error("n cannot be greater than 2^24+1 for Float type.");
  } else if constexpr (std::is_same_v<T, double>) {
    if (n > (int64_t{1} << 53) + 1) throw Error("n cannot be greater than 2^53+1 for Double type.");
  }
}

}  // namespace

Tensor randperm(int64_t n, TensorOptions options) { return randperm(n, std::nullopt, options); }

Tensor randperm(int64_t n, std::optional<Generator> generator, TensorOptions options) {
  const TensorOptions o = options.dtype(options.dtype_opt().value_or(kLong));
  Tensor out = empty({n}, o.requires_grad(false));
  const ScalarType dt = out.dtype();
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>) {
      core::checked_scalar_to<T>(Scalar(n > 0 ? n - 1 : n));
      random::not_implemented("randperm", dt);
    } else {
      check_max<T>(n);
      T* r = out.data_ptr<T>();
      std::vector<int64_t> perm(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) perm[i] = i;
      if (n > 1) {
        auto& g = random::resolve(generator);
        std::vector<uint32_t> words(static_cast<size_t>(n - 1));
        {
          std::lock_guard<std::mutex> lock(g.mutex);
          g.engine.fill(words.data(), n - 1);
        }
        for (int64_t i = 0; i < n - 1; ++i) {
          const uint64_t left = static_cast<uint64_t>(n - i);
          const int64_t z = left <= 0xffffffffu
                                ? static_cast<int64_t>(words[i] % static_cast<uint32_t>(left))
                                : static_cast<int64_t>(words[i] % left);
          std::swap(perm[i], perm[z + i]);
        }
      }
      for (int64_t i = 0; i < n; ++i) r[i] = core::convert<T>(perm[i]);
    }
  });
  if (options.requires_grad()) out.requires_grad_(true);
  return out;
}

}  // namespace parity::fast
