// Size arithmetic on values read from a file: every product and sum is
// checked, and an overflow is a typed error naming what was being computed.
#pragma once
#include <cstdint>
#include <string>

#include "le.h"

namespace parity::io::detail {

inline int64_t checkedMul(int64_t a, int64_t b, const std::string& what) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    fail(SerializationErrorCode::Overflow,
         what + ": " + std::to_string(a) + " × " + std::to_string(b) + " overflows int64");
  return r;
}

inline int64_t checkedAdd(int64_t a, int64_t b, const std::string& what) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r))
    fail(SerializationErrorCode::Overflow,
         what + ": " + std::to_string(a) + " + " + std::to_string(b) + " overflows int64");
  return r;
}

}  // namespace parity::io::detail
