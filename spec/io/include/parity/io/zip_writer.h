// A streaming zip writer with torch.save's layout: every record stored,
// its data 64-byte aligned through an 'FB' extra field padded with 'Z', a
// data descriptor after it (miniz's streaming mode), and the zip64 end
// records miniz always writes. The CRC is computed while the data is written.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parity/io/torch_file.h"

namespace parity::io {

class ZipWriter {
 public:
  // `zip64_threshold`: sizes and offsets at or above it get zip64 fields
  // (0xffffffff as miniz; tests lower it to exercise the zip64 paths).
  explicit ZipWriter(Sink& sink, uint64_t zip64_threshold = 0xffffffffu);
  // Writes one record; `name` is the full name ("archive/data.pkl").
  void add(const std::string& name, std::span<const std::byte> data);
  // Writes the central directory and the end records. Call once.
  void finish();
  uint64_t bytesWritten() const { return offset_; }

 private:
  struct Written {
    std::string name;
    uint64_t header_offset, size;
    uint32_t crc;
  };
  void put(const void* data, size_t n);
  void put(const std::string& s) { put(s.data(), s.size()); }

  Sink& sink_;
  uint64_t zip64_threshold_;
  uint64_t offset_ = 0;
  std::vector<Written> written_;
};

}  // namespace parity::io
