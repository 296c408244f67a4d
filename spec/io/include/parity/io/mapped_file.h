// A file mapped read-only into memory: the zip reader's image when loading
// from a path, so that storage records are read in place, never copied.
#pragma once
#include <cstddef>
#include <span>
#include <string>

namespace parity::io {

class MappedFile {
 public:
  // Throws SerializationError(Io) naming `path` and errno's text.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const std::byte> bytes() const { return {data_, size_}; }

 private:
  const std::byte* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace parity::io
