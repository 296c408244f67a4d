// libFuzzer: the data-only pickle machine on arbitrary data.pkl bytes. Every
// storage key resolves to one 4 KiB record, so that tensor pickles get as far
// as the view checks. A bad pickle must end in SerializationError; anything
// else escaping (another exception, a crash, a sanitizer report) is a finding.
#include <array>
#include <cstddef>
#include <cstdint>

#include "check_file.h"
#include "parity/io/errors.h"
#include "parity/io/pickle_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::array<std::byte, 4096> record{};
  parity::io::PickleInput in;
  in.bytes = {reinterpret_cast<const std::byte*>(data), size};
  in.storage = [](const std::string& key) -> std::optional<std::span<const std::byte>> {
    if (key.empty() || key.size() > 2) return std::nullopt;
    return std::span<const std::byte>(record);
  };
  try {
    parity::fuzz::checkFile(parity::io::readPickle(in));
  } catch (const parity::io::SerializationError&) {
  }
  return 0;
}
