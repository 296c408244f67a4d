// random_ (three forms), randint, randint_like: a 32- or 64-bit draw reduced
// modulo the range, in TensorIterator order.
// Clauses: RAND-5, RAND-9, RAND-11.
#include <cstdlib>
#include <limits>
#include <sstream>

#include "dispatch.h"
#include "overlap.h"
#include "parity/ref/factories.h"
#include "parity/ref/random.h"
#include "pointwise_support.h"
#include "random_support.h"

namespace parity::ref {

namespace {

template <class T>
constexpr bool kIsFloat = std::is_same_v<T, double> || std::is_same_v<T, float> ||
                          std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;

// static_cast<T>(int64_t): float16/bfloat16 go through float; integers wrap.
template <class T>
T from_int64(int64_t v) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>)
    return from_float<T>(static_cast<float>(v));
  else if constexpr (std::is_same_v<T, bool>)
    return v != 0;
  else
    return static_cast<T>(v);
}

// static_cast<int64_t>(T) on x86-64: out of range and NaN give INT64_MIN
// (cvttsd2si), which LibTorch's bound arithmetic runs into for huge bounds.
int64_t truncate_to_int64(double v) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
    return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v);
}

// The value an integer takes once stored in floating T and read back.
template <class T>
int64_t round_trip(int64_t v) {
  if constexpr (std::is_same_v<T, double>)
    return truncate_to_int64(static_cast<double>(v));
  else
    return truncate_to_int64(to_float(from_int64<T>(v)));
}

// floor(log2(|v|)) by shifting, as update_from/update_to count it.
int highest_bit(int64_t v) {
  int n = 0;
  while (v >>= 1) ++n;
  return n;
}

// update_from/update_to: moves a bound that T rounds across it to the next
// value T holds, so every stored result stays within [from, to).
template <class T>
int64_t update_from(int64_t from) {
  const int64_t from_plus_1 = round_trip<T>(from + 1);
  if (from_plus_1 < from)
    from = from_plus_1 + (int64_t{1} << (highest_bit(std::abs(from + 1)) - kMantissaDigits<T> + 1));
  return from;
}
template <class T>
int64_t update_to(int64_t to) {
  const int64_t to_minus_1 = round_trip<T>(to - 1);
  if (to_minus_1 >= to)
    to = to_minus_1 - (int64_t{1} << (highest_bit(std::abs(to - 1)) - kMantissaDigits<T> + 1));
  return to;
}

// check_from_to_in_range: both ends must fit the dtype. (LibTorch also
// warns when a float bound passes 2^digits; parity has no warnings.)
void check_from_to_in_range(int64_t from, int64_t to_inc, ScalarType dtype) {
  const char* name = cppTypeName(dtype);
  bool from_ok = true, to_ok = true;
  if (isFloatingType(dtype)) {
    const double max = dtype == kHalf       ? 65504.0
                       : dtype == kBFloat16 ? 3.3895313892515355e38
                       : dtype == kFloat    ? std::numeric_limits<float>::max()
                                            : std::numeric_limits<double>::max();
    from_ok = static_cast<double>(from) >= -max && static_cast<double>(from) <= max;
    to_ok = static_cast<double>(to_inc) >= -max && static_cast<double>(to_inc) <= max;
  } else {
    dispatch_dtype(dtype, [&]<class T>() {
      if constexpr (!kIsFloat<T>) {
        const auto min = static_cast<int64_t>(std::numeric_limits<T>::lowest());
        const auto max = static_cast<int64_t>(std::numeric_limits<T>::max());
        from_ok = from >= min && from <= max;
        to_ok = to_inc >= min && to_inc <= max;
      }
    });
  }
  if (!from_ok) throw Error(std::string("from is out of bounds for ") + name);
  if (!to_ok) throw Error(std::string("to - 1 is out of bounds for ") + name);
}

// uniform_int_from_to_distribution: [base, base + range). A 64-bit draw
// only for dtypes that can hold such values and ranges of 2^32 or more.
void fill_from_to(const TensorImpl& self, uint64_t range, int64_t base, GeneratorImpl& gen) {
  const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
  dispatch_dtype(self.dtype, [&]<class T>() {
    constexpr bool kWide = std::is_same_v<T, int64_t> || std::is_same_v<T, double> ||
                           std::is_same_v<T, float> || std::is_same_v<T, BFloat16>;
    for (int64_t i : order) {
      const uint64_t v = (kWide && range >= (uint64_t{1} << 32)) ? gen.random64() : gen.random();
      const auto value = static_cast<int64_t>(v % range + static_cast<uint64_t>(base));
      *element_at<T>(self, i) = from_int64<T>(value);
    }
  });
}

Tensor fresh(Tensor t) {
  t.impl()->storage->version = 0;
  return t;
}

}  // namespace

// uniform_int_distribution: [0, max] for integers (bool: the low bit),
// [0, 2^digits] for floating dtypes.
Tensor& Tensor::random_(std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  check_no_internal_overlap(self);
  GeneratorImpl& gen = generator_or_default(generator);
  const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
  dispatch_dtype(self.dtype, [&]<class T>() {
    for (int64_t i : order) {
      T value;
      if constexpr (std::is_same_v<T, bool>) {
        value = (gen.random() & 1u) != 0;
      } else if constexpr (std::is_same_v<T, int64_t>) {
        value = static_cast<int64_t>(gen.random64() % (uint64_t{1} << 63));
      } else if constexpr (std::is_same_v<T, double>) {
        value = static_cast<double>(gen.random64() % ((uint64_t{1} << 53) + 1));
      } else if constexpr (kIsFloat<T>) {
        const uint64_t modulus = (uint64_t{1} << kMantissaDigits<T>)+1;
        value = from_int64<T>(static_cast<int64_t>(gen.random() % modulus));
      } else {
        const uint64_t modulus = static_cast<uint64_t>(std::numeric_limits<T>::max()) + 1;
        value = static_cast<T>(gen.random() % modulus);
      }
      *element_at<T>(self, i) = value;
    }
  });
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

Tensor& Tensor::random_(int64_t to, std::optional<Generator> generator) const {
  return random_(0, to, generator);
}

Tensor& Tensor::random_(int64_t from,
                        std::optional<int64_t> to_opt,
                        std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  check_no_internal_overlap(self);
  GeneratorImpl& gen = generator_or_default(generator);
  const ScalarType dtype = self.dtype;
  std::ostringstream msg;
  if (to_opt) {
    // [from, to)
    int64_t to = *to_opt;
    if (!(from < to)) {
      msg << "random_ expects 'from' to be less than 'to', but got from=" << from
          << " >= to=" << to;
      throw Error(msg.str());
    }
    dispatch_dtype(dtype, [&]<class T>() {
      if constexpr (kIsFloat<T>) {
        from = update_from<T>(from);
        to = update_to<T>(to);
      }
    });
    if (isFloatingType(dtype) && !(from < to)) {
      msg << "random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got "
             "from="
          << from << " >= to=" << to;
      throw Error(msg.str());
    }
    check_from_to_in_range(from, to - 1, dtype);
    fill_from_to(self, static_cast<uint64_t>(to) - static_cast<uint64_t>(from), from, gen);
  } else if (from != std::numeric_limits<int64_t>::lowest()) {
    // [from, largest value of the dtype]; floating dtypes stop at 2^digits
    int64_t to_inc = 0;
    dispatch_dtype(dtype, [&]<class T>() {
      if constexpr (kIsFloat<T>)
        to_inc = int64_t{1} << kMantissaDigits<T>;
      else if constexpr (std::is_same_v<T, bool>)
        to_inc = 1;
      else
        to_inc = static_cast<int64_t>(std::numeric_limits<T>::max());
      if constexpr (kIsFloat<T>) from = update_from<T>(from);
    });
    if (isFloatingType(dtype) && !(from < to_inc)) {
      msg << "random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted "
             "to dtype, but got from="
          << from << " > to_inc=" << to_inc;
      throw Error(msg.str());
    }
    check_from_to_in_range(from, to_inc, dtype);
    fill_from_to(self, static_cast<uint64_t>(to_inc) - static_cast<uint64_t>(from) + 1, from, gen);
  } else {
    // [INT64_MIN, INT64_MAX]: the range 2^64 is one whole 64-bit draw.
    if (dtype == kBool || dtype == kHalf)
      throw_not_implemented("random_full_64_bits_range_kernel_cpu", dtype);
    if (dtype != kLong && dtype != kDouble && dtype != kFloat && dtype != kBFloat16)
      throw Error(
          "random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16");
    const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
    dispatch_dtype(dtype, [&]<class T>() {
      for (int64_t i : order)
        *element_at<T>(self, i) = from_int64<T>(static_cast<int64_t>(gen.random64()));
    });
  }
  bump_version(*this);
  return const_cast<Tensor&>(*this);
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
  return randint(0, high, size, generator, options);
}
Tensor randint(int64_t low,
               int64_t high,
               IntArrayRef size,
               std::optional<Generator> generator,
               TensorOptions options) {
  Tensor t = empty(size, options);
  t.random_(low, high, generator);
  return fresh(t);
}

Tensor randint_like(const Tensor& self, int64_t high, TensorOptions options) {
  return randint_like(self, 0, high, options);
}
Tensor randint_like(const Tensor& self, int64_t low, int64_t high, TensorOptions options) {
  Tensor t = empty_like(self, options);
  t.random_(low, high);
  return fresh(t);
}

}  // namespace parity::ref
