// CRC-32 as zip and zlib define it (reflected polynomial 0xEDB88320).
#pragma once
#include <cstddef>
#include <cstdint>

namespace parity::io {

// Continues a CRC: crc32(b, crc32(a)) == crc32(a followed by b); start with 0.
uint32_t crc32(const void* data, size_t n, uint32_t crc = 0);

}  // namespace parity::io
