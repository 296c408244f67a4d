// The generic row runner behind every pointwise kernel of pointwise.h: one
// output of C++ type K computed from inputs of C++ types T... by a functor.
// Like binary_kernels' runner, inputs whose dtype is not their computation
// type (or that are strided) are converted block by block into stack
// buffers, a broadcast input (stride 0) is converted once per row and
// splatted, and an output of another dtype is converted back, so the hot
// loop only ever sees unit-stride arrays of one type each. That loop is
// compiled for x86-64-v4 (AVX-512), v3 (AVX2, FMA) and baseline x86-64 and
// picked at load time.
#pragma once
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

#include "cpu/copy_kernels.h"
#include "iter/nary_iter.h"

namespace parity::fast::cpu {

inline constexpr int64_t kPwBlock = 1024;

template <class T>
constexpr ScalarType dtype_of() {
  if constexpr (std::is_same_v<T, bool>) return kBool;
  if constexpr (std::is_same_v<T, uint8_t>) return kByte;
  if constexpr (std::is_same_v<T, int8_t>) return kChar;
  if constexpr (std::is_same_v<T, int16_t>) return kShort;
  if constexpr (std::is_same_v<T, int32_t>) return kInt;
  if constexpr (std::is_same_v<T, int64_t>) return kLong;
  if constexpr (std::is_same_v<T, float>) return kFloat;
  if constexpr (std::is_same_v<T, double>) return kDouble;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define PARITY_FAST_SIMD_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define PARITY_FAST_SIMD_CLONES
#endif

// Elements as the loop loads and stores them: bool as its byte (GCC has no
// vector type for bool), turned back into bool for the functor.
template <class T>
using storage_t = std::conditional_t<std::is_same_v<T, bool>, uint8_t, T>;

// The hot loop. o may be one of the inputs (in place), at the same index
// only, so iterations stay independent.
template <class K, class Op, class... T>
PARITY_FAST_SIMD_CLONES void apply_row(storage_t<K>* o,
                                       int64_t n,
                                       const Op& op,
                                       const storage_t<T>*... in) {
#pragma GCC ivdep
  for (int64_t i = 0; i < n; ++i) o[i] = static_cast<storage_t<K>>(op(static_cast<T>(in[i])...));
}

// An Op may name one input (kCheckArg) whose values it refuses (bad(v)):
// integer division by zero, mask bytes other than 0 and 1. The runner stops
// at the first block holding one and raises the flag.
template <class Op>
concept ChecksInput = requires {
  Op::kCheckArg;
};

template <size_t I, class... T>
using nth_t = std::tuple_element_t<I, std::tuple<T...>>;

template <class K, class Op, class... T>
struct PwRow {
  static constexpr size_t N = sizeof...(T);
  Op op;
  ScalarType out_dt;
  std::array<ScalarType, N> in_dt;
  std::atomic<bool>* flag = nullptr;

  void operator()(char* const* p, const int64_t* st, int64_t n) const {
    run(p, st, n, std::index_sequence_for<T...>{});
  }

 private:
  enum Mode : uint8_t { kDirect, kSplat, kConvert };

  template <size_t I>
  void prep(
      const char* src, int64_t st, int64_t n, char* buf, Mode& mode, iter::RowFn& conv) const {
    using U = nth_t<I, T...>;
    constexpr auto usz = static_cast<int64_t>(sizeof(U));
    if (st == 0) {
      mode = kSplat;
      copy_row_kernel(in_dt[I], dtype_of<U>())(buf, src, 1, usz, 0);
      U* b = reinterpret_cast<U*>(buf);
      std::fill_n(b + 1, std::min(n, kPwBlock) - 1, b[0]);
    } else if (in_dt[I] == dtype_of<U>() && st == usz) {
      mode = kDirect;
    } else {
      mode = kConvert;
      conv = copy_row_kernel(in_dt[I], dtype_of<U>());
    }
  }

  template <size_t I>
  const void* load(const char* src,
                   int64_t st,
                   int64_t s,
                   int64_t m,
                   char* buf,
                   Mode mode,
                   iter::RowFn conv) const {
    using U = nth_t<I, T...>;
    if (mode == kDirect) return reinterpret_cast<const U*>(src) + s;
    if (mode == kConvert) conv(buf, src + s * st, m, sizeof(U), st);
    return buf;
  }

  template <size_t... I>
  void run(char* const* p, const int64_t* st, int64_t n, std::index_sequence<I...>) const {
    alignas(64) char bufs[N][kPwBlock * 8];
    alignas(64) storage_t<K> obuf[kPwBlock];
    Mode mode[N];
    iter::RowFn conv[N] = {};
    (prep<I>(p[I + 1], st[I + 1], n, bufs[I], mode[I], conv[I]), ...);
    constexpr auto ksz = static_cast<int64_t>(sizeof(K));
    const bool o_direct = out_dt == dtype_of<K>() && st[0] == ksz;
    const iter::RowFn conv_o = o_direct ? nullptr : copy_row_kernel(dtype_of<K>(), out_dt);
    for (int64_t s = 0; s < n; s += kPwBlock) {
      const int64_t m = std::min(kPwBlock, n - s);
      const void* in[N] = {load<I>(p[I + 1], st[I + 1], s, m, bufs[I], mode[I], conv[I])...};
      if constexpr (ChecksInput<Op>) {
        using C = storage_t<nth_t<Op::kCheckArg, T...>>;
        const C* c = static_cast<const C*>(in[Op::kCheckArg]);
        bool bad = false;
        for (int64_t i = 0; i < m; ++i) bad |= Op::bad(c[i]);
        if (bad) {
          flag->store(true, std::memory_order_relaxed);
          return;
        }
      }
      storage_t<K>* o = o_direct ? reinterpret_cast<storage_t<K>*>(p[0]) + s : obuf;
      apply_row<K, Op, T...>(o, m, op, static_cast<const storage_t<T>*>(in[I])...);
      if (conv_o) conv_o(p[0] + s * st[0], reinterpret_cast<const char*>(obuf), m, st[0], ksz);
    }
  }
};

// Runs op over the plan. dts: operand dtypes, output first.
template <class K, class... T, class Op>
void run_pw(const iter::NaryPlan& plan,
            const ScalarType* dts,
            const Op& op,
            std::atomic<bool>* flag = nullptr) {
  PwRow<K, Op, T...> r{op, dts[0], {}, flag};
  for (size_t i = 0; i < sizeof...(T); ++i) r.in_dt[i] = dts[i + 1];
  iter::for_each_nary_row(plan, r);
}

// The computation type of a dtype: float16 and bfloat16 compute in float.
template <class F>
decltype(auto) dispatch_compute(ScalarType t, F&& f) {
  switch (t) {
    case kBool:
      return f(std::type_identity<bool>{});
    case kByte:
      return f(std::type_identity<uint8_t>{});
    case kChar:
      return f(std::type_identity<int8_t>{});
    case kShort:
      return f(std::type_identity<int16_t>{});
    case kInt:
      return f(std::type_identity<int32_t>{});
    case kLong:
      return f(std::type_identity<int64_t>{});
    case kDouble:
      return f(std::type_identity<double>{});
    default:
      return f(std::type_identity<float>{});
  }
}

}  // namespace parity::fast::cpu
