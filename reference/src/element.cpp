// Reading and writing one element, with torch's conversion rules:
// - to bool: any nonzero (and NaN) is true; from bool: 1 or 0.
// - float -> integer truncates toward zero; see float_to_integer below for
//   out-of-range values. Integer -> narrower integer wraps (two's complement).
// - integer -> float rounds once, directly from int64.
// - anything -> float16/bfloat16 goes through float32, as c10::Half(float).
#include "element.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>

#include "dispatch.h"
#include "half.h"

namespace parity::ref {

namespace {

// C++ leaves out-of-range float -> int casts undefined; torch on x86-64
// gets whatever cvttsd2si gives: the "integer indefinite" value INT_MIN of
// the 32- or 64-bit register. We reproduce that, defined: int64 and uint8
// (c10 casts uint8 through int64) use the 64-bit rule, the other integer
// types the 32-bit rule, then wrap to their width.
int64_t float_to_int64(double d) {
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return static_cast<int64_t>(d);
  return std::numeric_limits<int64_t>::min();  // also NaN and +-inf
}

int32_t float_to_int32(double d) {
  if (d > -2147483649.0 && d < 2147483648.0) return static_cast<int32_t>(d);
  return std::numeric_limits<int32_t>::min();
}

template <class T>
T float_to_integer(double d) {
  if constexpr (std::is_same_v<T, int64_t> || std::is_same_v<T, uint8_t>)
    return static_cast<T>(float_to_int64(d));
  else
    return static_cast<T>(float_to_int32(d));
}

template <class T>
Scalar to_scalar(T v) {
  if constexpr (std::is_same_v<T, Half>)
    return Scalar(static_cast<double>(half_bits_to_float(v.x)));
  else if constexpr (std::is_same_v<T, BFloat16>)
    return Scalar(static_cast<double>(bfloat16_bits_to_float(v.x)));
  else
    return Scalar(v);  // bool -> Bool, integers -> Int, floats -> Double
}

}  // namespace

template <class T>
T convert_scalar(const Scalar& v) {
  if constexpr (std::is_same_v<T, bool>) {
    return v.toBool();
  } else if constexpr (std::is_same_v<T, Half>) {
    return Half{float_to_half_bits(convert_scalar<float>(v))};
  } else if constexpr (std::is_same_v<T, BFloat16>) {
    return BFloat16{float_to_bfloat16_bits(convert_scalar<float>(v))};
  } else if constexpr (std::is_integral_v<T>) {
    return v.isFloatingPoint() ? float_to_integer<T>(v.toDouble()) : static_cast<T>(v.toLong());
  } else {
    // double -> float relies on IEEE 754 (GCC/Clang define it: round to
    // nearest, overflow to inf), as torch does.
    return v.isFloatingPoint() ? static_cast<T>(v.toDouble()) : static_cast<T>(v.toLong());
  }
}

template bool convert_scalar<bool>(const Scalar&);
template uint8_t convert_scalar<uint8_t>(const Scalar&);
template int8_t convert_scalar<int8_t>(const Scalar&);
template int16_t convert_scalar<int16_t>(const Scalar&);
template int32_t convert_scalar<int32_t>(const Scalar&);
template int64_t convert_scalar<int64_t>(const Scalar&);
template Half convert_scalar<Half>(const Scalar&);
template BFloat16 convert_scalar<BFloat16>(const Scalar&);
template float convert_scalar<float>(const Scalar&);
template double convert_scalar<double>(const Scalar&);

Scalar read_element(ScalarType dtype, const std::byte* p) {
  return dispatch_dtype(dtype, [&]<class T>() {
    T v;
    std::memcpy(&v, p, sizeof(T));
    return to_scalar(v);
  });
}

void write_element(ScalarType dtype, std::byte* p, const Scalar& v) {
  dispatch_dtype(dtype, [&]<class T>() {
    const T x = convert_scalar<T>(v);
    std::memcpy(p, &x, sizeof(T));
  });
}

double stored_value(ScalarType dtype, double x) {
  std::byte buffer[sizeof(double)];
  write_element(dtype, buffer, Scalar(x));
  return read_element(dtype, buffer).toDouble();
}

namespace {

// The type names c10::Scalar's accessors put in their overflow message.
const char* accessor_name(ScalarType dtype) {
  switch (dtype) {
    case kByte:
      return "uint8_t";
    case kChar:
      return "int8_t";
    case kShort:
      return "int16_t";
    case kInt:
      return "int";
    case kLong:
      return "int64_t";
    case kHalf:
      return "at::Half";
    case kBFloat16:
      return "at::BFloat16";
    case kFloat:
      return "float";
    case kDouble:
      return "double";
    case kBool:
      return "bool";
  }
  return "?";
}

// c10::overflows<To, From>: whether v lies outside the target's range.
template <class T>
bool overflows(const Scalar& v, double lowest, double max) {
  if (v.isBoolean()) return false;
  if (v.isIntegral(false)) {
    const int64_t i = v.toLong();
    // c10 lets negative ints wrap into unsigned types (-1 -> 255).
    if (std::is_unsigned_v<T> && i < 0) return static_cast<double>(-static_cast<uint64_t>(i)) > max;
    return static_cast<double>(i) < lowest || static_cast<double>(i) > max;
  }
  const double d = v.toDouble();
  const bool is_float = !std::is_integral_v<T>;
  if (is_float && std::isinf(d)) return false;
  if (!is_float && std::isnan(d)) return true;
  return d < lowest || d > max;
}

}  // namespace

void check_convertible(const Scalar& v, ScalarType dtype) {
  const bool bad = dispatch_dtype(dtype, [&]<class T>() {
    if constexpr (std::is_same_v<T, bool>)
      return false;  // to<bool>() is unchecked
    else if constexpr (std::is_same_v<T, Half>)
      return overflows<Half>(v, -65504.0, 65504.0);
    else if constexpr (std::is_same_v<T, BFloat16>)
      return overflows<BFloat16>(v, -3.3895313892515355e38, 3.3895313892515355e38);
    else
      return overflows<T>(v, static_cast<double>(std::numeric_limits<T>::lowest()),
                          static_cast<double>(std::numeric_limits<T>::max()));
  });
  if (bad)
    throw Error(std::string("value cannot be converted to type ") + accessor_name(dtype) +
                " without overflow");
}

}  // namespace parity::ref
