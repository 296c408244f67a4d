// RAND-5, RAND-9, RAND-11: random_ (full width, [0, to), [from, to),
// [from, max]), randint and randint_like: one 32- or 64-bit draw per
// element reduced modulo the range, with torch's bound checks.
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "parity/fast/functions.h"
#include "parity/fast/random.h"
#include "random/sample_common.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

template <class T>
constexpr int digits_of() {
  if constexpr (std::is_same_v<T, Half>) {
    return 11;
  } else if constexpr (std::is_same_v<T, BFloat16>) {
    return 8;
  } else {
    return std::numeric_limits<T>::digits;
  }
}

template <class T>
double max_of() {
  if constexpr (std::is_same_v<T, Half>) {
    return 65504.0;
  } else if constexpr (std::is_same_v<T, BFloat16>) {
    return 3.38953138925153547590470800371487866880e+38;
  } else {
    return static_cast<double>(std::numeric_limits<T>::max());
  }
}

// static_cast<T>(int64) as c10 does it (16-bit floats through float).
template <class T>
T from_int64(int64_t v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v != 0;
  } else {
    return core::convert<T>(v);
  }
}

// update_from / update_to: move a bound that the dtype cannot hold exactly
// inwards to a value it can.
template <class T>
int64_t update_from(int64_t from) {
  const auto from_plus_1 = core::convert<int64_t>(core::convert<T>(from + 1));
  if (from_plus_1 < from) {
    int64_t f = std::abs(from + 1);
    int n = 0;
    while (f >>= 1) ++n;
    from = from_plus_1 + (int64_t{1} << (n - digits_of<T>() + 1));
  }
  return from;
}
template <class T>
int64_t update_to(int64_t to) {
  const auto to_minus_1 = core::convert<int64_t>(core::convert<T>(to - 1));
  if (to_minus_1 >= to) {
    int64_t t = std::abs(to - 1);
    int n = 0;
    while (t >>= 1) ++n;
    to = to_minus_1 - (int64_t{1} << (n - digits_of<T>() + 1));
  }
  return to;
}

// check_from_to_in_range (torch also warns, without failing, when a float
// bound is beyond 2^digits; that warning is not reproduced).
template <class T>
void check_in_range(int64_t from, int64_t to_inc, ScalarType dt) {
  const std::string name = cppTypeName(dt);
  if constexpr (core::is_float_v<T>) {
    const double max = max_of<T>(), min = -max;
    if (!(static_cast<double>(from) >= min && static_cast<double>(from) <= max))
      throw Error("from is out of bounds for " + name);
    if (!(static_cast<double>(to_inc) >= min && static_cast<double>(to_inc) <= max))
      throw Error("to - 1 is out of bounds for " + name);
  } else {
    const int64_t min =
        std::is_same_v<T, bool> ? 0 : static_cast<int64_t>(std::numeric_limits<T>::lowest());
    const int64_t max =
        std::is_same_v<T, bool> ? 1 : static_cast<int64_t>(std::numeric_limits<T>::max());
    if (!(from >= min && from <= max)) throw Error("from is out of bounds for " + name);
    if (!(to_inc >= min && to_inc <= max)) throw Error("to - 1 is out of bounds for " + name);
  }
}

std::string s(int64_t v) { return std::to_string(v); }

template <class T>
void draw_from_to(const Tensor& self, random::GeneratorImpl& g, uint64_t range, int64_t base) {
  constexpr bool wide_ok = std::is_same_v<T, int64_t> || std::is_same_v<T, double> ||
                           std::is_same_v<T, float> || std::is_same_v<T, BFloat16>;
  std::lock_guard<std::mutex> lock(g.mutex);
  random::fill_ordered<T>(self, [&](T* out, int64_t n) {
    if (wide_ok && range >= (uint64_t{1} << 32)) {
      random::generate<uint64_t>(g, out, n, [&](uint64_t w) {
        return from_int64<T>(static_cast<int64_t>(w % range + static_cast<uint64_t>(base)));
      });
    } else {
      if (range < (uint64_t{1} << 32)) {
        // Lemire's fastmod: exact for a 32-bit dividend and divisor.
        const uint64_t d = range;
        const uint64_t magic = ~uint64_t{0} / d + 1;
        random::generate<uint32_t>(g, out, n, [=](uint32_t w) {
          const uint64_t low = magic * w;
          const auto rem = static_cast<uint64_t>((static_cast<unsigned __int128>(low) * d) >> 64);
          return from_int64<T>(static_cast<int64_t>(rem + static_cast<uint64_t>(base)));
        });
      } else {
        random::generate<uint32_t>(g, out, n, [&](uint32_t w) {
          return from_int64<T>(static_cast<int64_t>(w % range + static_cast<uint64_t>(base)));
        });
      }
    }
  });
}

}  // namespace

Tensor& Tensor::random_(int64_t from,
                        std::optional<int64_t> to,
                        std::optional<Generator> generator) {
  const ScalarType dt = dtype();
  random::check_output(*this);  // torch builds the iterator before any check
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    uint64_t range = 0;
    if (to.has_value()) {
      int64_t t = *to;
      if (!(from < t))
        throw Error("random_ expects 'from' to be less than 'to', but got from=" + s(from) +
                    " >= to=" + s(t));
      if constexpr (core::is_float_v<T>) {
        from = update_from<T>(from);
        t = update_to<T>(t);
        if (!(from < t))
          throw Error(
              "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but "
              "got from=" +
              s(from) + " >= to=" + s(t));
      }
      check_in_range<T>(from, t - 1, dt);
      range = static_cast<uint64_t>(t) - static_cast<uint64_t>(from);
    } else if (from != std::numeric_limits<int64_t>::lowest()) {
      int64_t to_inc = 0;
      if constexpr (core::is_float_v<T>) {
        constexpr int d = digits_of<T>();
        to_inc = d >= 63 ? std::numeric_limits<int64_t>::max() : int64_t{1} << d;
        from = update_from<T>(from);
        if (!(from < to_inc))
          throw Error(
              "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' "
              "casted to dtype, but got from=" +
              s(from) + " > to_inc=" + s(to_inc));
      } else if constexpr (std::is_same_v<T, bool>) {
        to_inc = 1;
      } else {
        to_inc = static_cast<int64_t>(std::numeric_limits<T>::max());
      }
      check_in_range<T>(from, to_inc, dt);
      range = static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1;
    } else {
      // The full 64-bit range.
      constexpr bool ok = std::is_same_v<T, int64_t> || std::is_same_v<T, double> ||
                          std::is_same_v<T, float> || std::is_same_v<T, BFloat16>;
      if constexpr (!ok) {
        if constexpr (std::is_same_v<T, bool> || core::is_float_v<T>) {
          random::not_implemented("random_full_64_bits_range_kernel_cpu", dt);
        } else {
          throw Error(
              "random_full_64_bits_range_kernel_cpu handles only int64, double, float and "
              "bfloat16");
        }
      } else {
        detail::bump_version(*this);
        if (numel() == 0) return;
        auto& g = random::resolve(generator);
        std::lock_guard<std::mutex> lock(g.mutex);
        random::fill_ordered<T>(*this, [&](T* out, int64_t n) {
          random::generate<uint64_t>(
              g, out, n, [](uint64_t w) { return from_int64<T>(static_cast<int64_t>(w)); });
        });
        return;
      }
    }
    detail::bump_version(*this);
    if (numel() == 0) return;
    draw_from_to<T>(*this, random::resolve(generator), range, from);
  });
  return *this;
}

Tensor& Tensor::random_(int64_t to, std::optional<Generator> generator) {
  return random_(0, to, std::move(generator));
}

Tensor& Tensor::random_(std::optional<Generator> generator) {
  const ScalarType dt = dtype();
  random::check_output(*this);
  detail::bump_version(*this);
  auto& g = random::resolve(generator);
  std::lock_guard<std::mutex> lock(g.mutex);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    random::fill_ordered<T>(*this, [&](T* out, int64_t n) {
      if constexpr (std::is_same_v<T, int64_t> || std::is_same_v<T, double>) {
        constexpr uint64_t m =
            std::is_same_v<T, double> ? (uint64_t{1} << 53) + 1 : uint64_t{1} << 63;
        random::generate<uint64_t>(
            g, out, n, [m](uint64_t w) { return from_int64<T>(static_cast<int64_t>(w % m)); });
      } else if constexpr (std::is_same_v<T, bool>) {
        random::generate<uint32_t>(g, out, n, [](uint32_t w) { return (w & 1u) != 0; });
      } else {
        uint64_t m = 0;
        if constexpr (core::is_float_v<T>) {
          m = (uint64_t{1} << digits_of<T>()) + 1;
        } else {
          m = static_cast<uint64_t>(std::numeric_limits<T>::max()) + 1;
        }
        random::generate<uint32_t>(
            g, out, n, [m](uint32_t w) { return from_int64<T>(static_cast<int64_t>(w % m)); });
      }
    });
  });
  return *this;
}

Tensor randint(int64_t high, IntArrayRef size, TensorOptions options) {
  return randint(0, high, size, std::nullopt, options);
}
Tensor randint(int64_t low, int64_t high, IntArrayRef size, TensorOptions options) {
  return randint(low, high, size, std::nullopt, options);
}
Tensor randint(int64_t high,
               IntArrayRef size,
               std::optional<Generator> generator,
               TensorOptions options) {
  return randint(0, high, size, std::move(generator), options);
}
Tensor randint(int64_t low,
               int64_t high,
               IntArrayRef size,
               std::optional<Generator> generator,
               TensorOptions options) {
  Tensor t = empty(size, options.dtype(options.dtype_opt().value_or(kLong)).requires_grad(false));
  t.random_(low, high, std::move(generator));
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

Tensor randint_like(const Tensor& self, int64_t high, TensorOptions options) {
  return randint_like(self, 0, high, options);
}
Tensor randint_like(const Tensor& self, int64_t low, int64_t high, TensorOptions options) {
  Tensor t = empty_like(self, options.requires_grad(false));
  t.random_(low, high);
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

}  // namespace parity::fast
