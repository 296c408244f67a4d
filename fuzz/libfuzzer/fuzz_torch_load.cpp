// libFuzzer: the whole load path, zip -> data.pkl -> storage records ->
// tensors, through io::readTorchFile on arbitrary bytes. What the reader
// accepts must satisfy the promises engines rely on (check_file.h). The CRC
// check is off: a mutation inside data.pkl or a storage record would almost
// always fail it, and the layers behind it would never be reached (fuzz_zip
// covers the CRC path).
#include <cstddef>
#include <cstdint>
#include <memory>

#include "check_file.h"
#include "parity/io/errors.h"
#include "parity/io/torch_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parity::io::LoadLimits limits;
  limits.verify_crc = false;
  try {
    parity::fuzz::checkFile(parity::io::readTorchFile(
        nullptr, {reinterpret_cast<const std::byte*>(data), size}, limits, "fuzz"));
  } catch (const parity::io::SerializationError&) {
  }
  return 0;
}
