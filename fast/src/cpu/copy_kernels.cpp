#include "cpu/copy_kernels.h"

#include <algorithm>
#include <cstring>

#include "core/dispatch.h"
#include "core/dtype_convert.h"

#if defined(__x86_64__) && !defined(__F16C__)
#include <immintrin.h>
#define PARITY_FAST_RUNTIME_F16C 1
#endif

namespace parity::fast::cpu {
namespace {

using core::convert;

#ifdef PARITY_FAST_RUNTIME_F16C
// The portable float16 conversions are branchy and stay scalar; on machines
// with F16C (all x86 of the last decade) contiguous rows use it, chosen at
// run time so the library still runs anywhere.
bool have_f16c() {
  static const bool ok = __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
  return ok;
}
__attribute__((target("avx,f16c"))) void f32_to_f16_f16c(uint16_t* d, const float* s, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 v = _mm256_loadu_ps(s + i);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(d + i),
                     _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT));
  }
  for (; i < n; ++i) d[i] = core::float_to_half_bits(s[i]);
}
__attribute__((target("avx,f16c"))) void f16_to_f32_f16c(float* d, const uint16_t* s, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    _mm256_storeu_ps(d + i, _mm256_cvtph_ps(v));
  }
  for (; i < n; ++i) d[i] = core::half_bits_to_float(s[i]);
}
#endif

template <class S, class D>
void contiguous_row(D* __restrict d, const S* __restrict s, int64_t n) {
  if constexpr (std::is_same_v<S, D>) {
    std::memcpy(d, s, static_cast<size_t>(n) * sizeof(D));
  } else {
#ifdef PARITY_FAST_RUNTIME_F16C
    if constexpr (std::is_same_v<S, float> && std::is_same_v<D, Half>) {
      if (have_f16c()) return f32_to_f16_f16c(reinterpret_cast<uint16_t*>(d), s, n);
    } else if constexpr (std::is_same_v<S, Half> && std::is_same_v<D, float>) {
      if (have_f16c()) return f16_to_f32_f16c(d, reinterpret_cast<const uint16_t*>(s), n);
    }
#endif
    // A tight loop with compile-time types: the compiler vectorises the
    // plain numeric pairs.
    for (int64_t i = 0; i < n; ++i) d[i] = convert<D>(s[i]);
  }
}

template <class S, class D>
void copy_row(char* dst, const char* src, int64_t n, int64_t ds, int64_t ss) {
  if (ss == 0) {
    const D v = convert<D>(*reinterpret_cast<const S*>(src));
    if (ds == static_cast<int64_t>(sizeof(D))) {
      std::fill_n(reinterpret_cast<D*>(dst), n, v);
    } else {
      for (int64_t i = 0; i < n; ++i) *reinterpret_cast<D*>(dst + i * ds) = v;
    }
    return;
  }
  if (ds == static_cast<int64_t>(sizeof(D)) && ss == static_cast<int64_t>(sizeof(S))) {
    contiguous_row<S, D>(reinterpret_cast<D*>(dst), reinterpret_cast<const S*>(src), n);
    return;
  }
  for (int64_t i = 0; i < n; ++i)
    *reinterpret_cast<D*>(dst + i * ds) = convert<D>(*reinterpret_cast<const S*>(src + i * ss));
}

struct Table {
  iter::RowFn fns[core::kNumDtypes][core::kNumDtypes];
  Table() {
    for (ScalarType s : kAllScalarTypes) {
      for (ScalarType d : kAllScalarTypes) {
        fns[core::dtype_index(s)][core::dtype_index(d)] = core::dispatch_dtype(s, [&](auto st) {
          using S = typename decltype(st)::type;
          return core::dispatch_dtype(d, [&](auto dt) -> iter::RowFn {
            using D = typename decltype(dt)::type;
            return &copy_row<S, D>;
          });
        });
      }
    }
  }
};

}  // namespace

iter::RowFn copy_row_kernel(ScalarType src, ScalarType dst) {
  static const Table table;
  return table.fns[core::dtype_index(src)][core::dtype_index(dst)];
}

}  // namespace parity::fast::cpu
