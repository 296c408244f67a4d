// libFuzzer: the zip reader on arbitrary bytes. An accepted archive's records
// are read end to end (ASan checks that every span lies inside the input).
#include <cstddef>
#include <cstdint>

#include "parity/io/errors.h"
#include "parity/io/zip_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const parity::io::ZipArchive zip({reinterpret_cast<const std::byte*>(data), size}, {}, "fuzz");
    unsigned sum = 0;
    for (const parity::io::ZipEntry& e : zip.entries())
      for (std::byte b : zip.data(e)) sum += static_cast<unsigned>(b);
    (void)zip.find("data.pkl");
    volatile unsigned sink = sum;
    (void)sink;
  } catch (const parity::io::SerializationError&) {
  }
  return 0;
}
