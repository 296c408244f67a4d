// randperm: 0..n-1, then for each position i < n-1 a swap with position
// i + (one 32-bit draw % (n - i)): TH's shuffle, which LibTorch 1.13 runs for
// every n (its modulo bias included; later versions switch to 64-bit draws
// for huge n).
// Clauses: RAND-6, RAND-11.
#include "dispatch.h"
#include "element.h"
#include "parity/ref/factories.h"
#include "parity/ref/random.h"
#include "pointwise_support.h"
#include "random_support.h"

namespace parity::ref {

namespace {

// check_supported_max_int_with_precision: n - 1 must fit the dtype, and a
// floating dtype must hold every integer up to n exactly.
void check_n_fits(int64_t n, ScalarType dtype) {
  check_convertible(n > 0 ? n - 1 : n, dtype);
  if (dtype == kHalf && n > (int64_t{1} << 11) + 1)
    throw Error("n cannot be greater than 2049 for Half type.");
  if (dtype == kFloat && n > (int64_t{1} << 24) + 1)
    throw Error("n cannot be greater than 2^24+1 for Float type.");
  if (dtype == kDouble && n > (int64_t{1} << 53) + 1)
    throw Error("n cannot be greater than 2^53+1 for Double type.");
}

}  // namespace

Tensor randperm(int64_t n, TensorOptions options) { return randperm(n, std::nullopt, options); }

Tensor randperm(int64_t n, std::optional<Generator> generator, TensorOptions options) {
  Tensor result = empty({n}, options);
  const ScalarType dtype = result.scalar_type();
  check_n_fits(n, dtype);
  if (dtype == kBool) throw_not_implemented("randperm", dtype);
  GeneratorImpl& gen = generator_or_default(generator);
  const TensorImpl& r = *result.impl();
  dispatch_dtype(dtype, [&]<class T>() {
    if constexpr (!std::is_same_v<T, bool>) {
      // static_cast<T>(i): float16/bfloat16 through float
      auto as_t = [](int64_t i) {
        if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>)
          return from_float<T>(static_cast<float>(i));
        else
          return static_cast<T>(i);
      };
      T* data = element_at<T>(r, r.offset);
      for (int64_t i = 0; i < n; ++i) data[i] = as_t(i);
      for (int64_t i = 0; i + 1 < n; ++i) {
        const auto z = static_cast<int64_t>(gen.random() % static_cast<uint64_t>(n - i));
        std::swap(data[i], data[z + i]);
      }
    }
  });
  return result;
}

}  // namespace parity::ref
