// libFuzzer: the .npy header parser and data checks (io::decodeNpy) on
// arbitrary bytes. An accepted file's shape must account for its data exactly.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "parity/io/errors.h"
#include "parity/io/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const parity::io::NpyArray a =
        parity::io::decodeNpy({reinterpret_cast<const std::byte*>(data), size});
    int64_t numel = 1;
    for (int64_t d : a.header.shape) {
      if (d < 0 || __builtin_mul_overflow(numel, d, &numel)) {
        std::fprintf(stderr, "accepted a bad shape\n");
        std::abort();
      }
    }
    if (numel != a.header.numel || a.header.data_offset + a.header.data_bytes != size ||
        a.data.size() != a.header.data_bytes) {
      std::fprintf(stderr, "accepted a .npy whose shape does not match its data\n");
      std::abort();
    }
  } catch (const parity::io::SerializationError&) {
  }
  return 0;
}
