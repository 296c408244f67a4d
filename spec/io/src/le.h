// Little-endian field access for the zip and pickle layers (the formats are
// little-endian whatever the host is), plus the error helper they share.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "parity/io/errors.h"

namespace parity::io::detail {

inline uint64_t readLE(const std::byte* p, int n) {
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}
inline uint16_t le16(const std::byte* p) { return static_cast<uint16_t>(readLE(p, 2)); }
inline uint32_t le32(const std::byte* p) { return static_cast<uint32_t>(readLE(p, 4)); }
inline uint64_t le64(const std::byte* p) { return readLE(p, 8); }

inline void putLE(std::string& out, uint64_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

[[noreturn]] inline void fail(SerializationErrorCode code, const std::string& msg) {
  throw SerializationError(code, msg);
}

inline std::string hex(uint64_t v, int digits) {
  static const char d[] = "0123456789abcdef";
  std::string s(static_cast<size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) s[static_cast<size_t>(i)] = d[v & 15];
  return "0x" + s;
}

}  // namespace parity::io::detail
