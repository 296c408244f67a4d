// A reader for the zip archives torch.save writes: stored records only,
// every structure checked against the file's bounds, records returned as
// spans into the caller's image (nothing is copied).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "parity/io/limits.h"

namespace parity::io {

struct ZipEntry {
  std::string name;            // full name, folder included ("archive/data/0")
  uint64_t header_offset = 0;  // of the local header
  uint64_t data_offset = 0;    // of the record's first byte
  uint64_t size = 0;
  uint32_t crc = 0;     // as the central directory states it
  uint16_t method = 0;  // compression method (only 0, stored, passes)
  uint64_t compressed_size = 0;
};

class ZipArchive {
 public:
  // Parses and checks `image` (see zip_reader.cpp for the checks); `name`
  // prefixes messages about the file as a whole. `inspect` sees the archive
  // once its names are known, before records are checked (how torch_file
  // recognises a TorchScript archive, whose records are compressed).
  // Throws SerializationError.
  ZipArchive(std::span<const std::byte> image,
             const LoadLimits& limits,
             std::string name,
             const std::function<void(const ZipArchive&)>& inspect = nullptr);

  // The single top-level folder, taken from the first entry ("archive").
  const std::string& folder() const { return folder_; }
  const std::vector<ZipEntry>& entries() const { return entries_; }
  // `relative` is a name inside the folder ("data.pkl"); null when absent.
  const ZipEntry* find(const std::string& relative) const;
  std::span<const std::byte> data(const ZipEntry& e) const {
    return image_.subspan(e.data_offset, e.size);
  }

 private:
  std::span<const std::byte> image_;
  std::string name_, folder_;
  std::vector<ZipEntry> entries_;
  std::map<std::string, size_t> by_name_;
};

}  // namespace parity::io
