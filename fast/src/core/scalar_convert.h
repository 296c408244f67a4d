// Scalar -> element conversion with c10's overflow check (Scalar::to<T>()),
// used wherever torch converts a user-supplied Scalar: fill_, full, tensor(),
// index_put_ with a Scalar, item<T>(), Storage::set, range endpoints.
#pragma once
#include <cmath>
#include <limits>
#include <string>

#include "core/dtype_convert.h"
#include "parity/spec.h"

namespace parity::fast::core {

// c10 names the C++ type in its message ("int", "at::Half").
template <class T>
constexpr const char* c10_type_name() {
  if constexpr (std::is_same_v<T, bool>)
    return "bool";
  else if constexpr (std::is_same_v<T, uint8_t>)
    return "uint8_t";
  else if constexpr (std::is_same_v<T, int8_t>)
    return "int8_t";
  else if constexpr (std::is_same_v<T, int16_t>)
    return "int16_t";
  else if constexpr (std::is_same_v<T, int32_t>)
    return "int";
  else if constexpr (std::is_same_v<T, int64_t>)
    return "int64_t";
  else if constexpr (std::is_same_v<T, Half>)
    return "at::Half";
  else if constexpr (std::is_same_v<T, BFloat16>)
    return "at::BFloat16";
  else if constexpr (std::is_same_v<T, float>)
    return "float";
  else
    return "double";
}

template <class T>
constexpr double lowest_as_double() {
  if constexpr (std::is_same_v<T, Half>)
    return -65504.0;
  else if constexpr (std::is_same_v<T, BFloat16>)
    return -3.3895313892515355e38;
  else
    return static_cast<double>(std::numeric_limits<T>::lowest());
}
template <class T>
constexpr double max_as_double() {
  if constexpr (std::is_same_v<T, Half>)
    return 65504.0;
  else if constexpr (std::is_same_v<T, BFloat16>)
    return 3.3895313892515355e38;
  else
    return static_cast<double>(std::numeric_limits<T>::max());
}

[[noreturn]] inline void report_overflow(const char* name) {
  throw Error(std::string("value cannot be converted to type ") + name + " without overflow");
}

template <class T>
T checked_scalar_to(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>) {
    return s.toBool();  // c10: converting to bool cannot overflow
  } else {
    if (s.isBoolean()) return convert<T>(s.toBool());
    if (s.isIntegral(false)) {
      int64_t v = s.toLong();
      if constexpr (std::is_integral_v<T>) {
        if constexpr (std::is_unsigned_v<T>) {
          // Negative values may wrap (uint8 -1 -> 255) as long as their
          // magnitude fits, as c10 allows.
          bool over =
              v > static_cast<int64_t>(std::numeric_limits<T>::max()) ||
              (v < 0 && static_cast<uint64_t>(-(v + 1)) + 1 > std::numeric_limits<T>::max());
          if (over) report_overflow(c10_type_name<T>());
        } else {
          if (v < static_cast<int64_t>(std::numeric_limits<T>::lowest()) ||
              v > static_cast<int64_t>(std::numeric_limits<T>::max()))
            report_overflow(c10_type_name<T>());
        }
      } else {
        auto d = static_cast<double>(v);
        if (d < lowest_as_double<T>() || d > max_as_double<T>())
          report_overflow(c10_type_name<T>());
      }
      return convert<T>(v);
    }
    double d = s.toDouble();
    if constexpr (is_float_v<T>) {
      if (!std::isinf(d) && (d < lowest_as_double<T>() || d > max_as_double<T>()))
        report_overflow(c10_type_name<T>());
    } else {
      if (std::isnan(d) || d < lowest_as_double<T>() || d > max_as_double<T>())
        report_overflow(c10_type_name<T>());
    }
    return convert<T>(d);
  }
}

// The Scalar an element reads back as: float dtypes -> Double, integers ->
// Int, bool -> Bool (Tensor::item(), Storage::get).
template <class T>
Scalar element_to_scalar(T v) {
  if constexpr (std::is_same_v<T, bool>) {
    return Scalar(v);
  } else if constexpr (is_float_v<T>) {
    return Scalar(to_double(v));
  } else {
    return Scalar(static_cast<int64_t>(v));
  }
}

}  // namespace parity::fast::core
