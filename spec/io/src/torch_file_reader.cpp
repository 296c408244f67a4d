// readTorchFile: recognise the format, open the zip, refuse TorchScript and
// legacy files, check version and byteorder, run the pickle machine over
// data.pkl with the storage records as spans into the image.
#include <cstring>

#include "le.h"
#include "parity/io/mapped_file.h"
#include "parity/io/pickle_reader.h"
#include "parity/io/torch_file.h"
#include "parity/io/zip_reader.h"

namespace parity::io {
namespace {

using detail::fail;
using C = SerializationErrorCode;

constexpr uint64_t kMaxVersion = 10;  // caffe2/serialize/versions.h of torch 1.13

bool startsWith(std::span<const std::byte> b, const void* magic, size_t n, size_t at = 0) {
  return b.size() >= at + n && std::memcmp(b.data() + at, magic, n) == 0;
}

// Refuses what is not a zip with a message saying what it is.
void sniff(std::span<const std::byte> b, const std::string& name) {
  if (startsWith(b, "PK\x03\x04", 4)) return;
  // The legacy pickle stream opens with PROTO 2 and LONG1 of the magic number
  // 0x1950a86a20f9469cfc6c.
  static const unsigned char legacy[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c,
                                         0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};
  if (startsWith(b, legacy, sizeof legacy) || startsWith(b, legacy + 2, sizeof legacy - 2))
    fail(C::LegacyFormat, name +
                              ": legacy torch.save pickle stream (torch < 1.6 or "
                              "_use_new_zipfile_serialization=False); re-save it with a "
                              "current torch.save");
  if (startsWith(b, "ustar", 5, 257))
    fail(C::LegacyFormat, name +
                              ": legacy torch.save tar archive; re-save it with a current "
                              "torch.save");
  if (startsWith(b, "PYTORCH1", 8))
    fail(C::LegacyFormat, name +
                              ": pre-release PYTORCH1 archive; re-save it with a current "
                              "torch.save");
  if (b.empty()) fail(C::Truncated, name + ": the file is empty (0 bytes)");
  std::string first;
  for (size_t i = 0; i < 4 && i < b.size(); ++i)
    first += detail::hex(static_cast<uint8_t>(b[i]), 2).substr(2);
  fail(C::NotATorchFile, name + ": not a torch.save file: starts with 0x" + first +
                             ", expected a zip archive (0x504b0304)");
}

bool isTorchScript(const std::string& rel) {
  return rel.starts_with("code/") || rel == "constants.pkl" || rel == "bytecode.pkl" ||
         rel.ends_with(".debug_pkl") || rel == "constants/";
}

std::string text(std::span<const std::byte> b) {
  return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}

void checkVersion(const ZipArchive& zip) {
  const ZipEntry* v = zip.find(".data/version");
  if (!v) v = zip.find("version");
  if (!v)
    fail(C::MissingRecord, zip.folder() + "/version: no such record (torch.save always writes it)");
  std::string s = text(zip.data(*v));
  if (s.ends_with("\n")) s.pop_back();
  uint64_t n = 0;
  bool ok = !s.empty() && s.size() <= 19;
  for (char c : s) ok = ok && c >= '0' && c <= '9';
  if (ok) n = std::stoull(s);
  std::string shown;
  for (size_t i = 0; i < s.size() && i < 20; ++i)
    shown += (s[i] >= 0x20 && s[i] < 0x7f) ? std::string(1, s[i]) : "?";
  if (!ok || n < 1 || n > kMaxVersion)
    fail(C::UnsupportedVersion, v->name + ": file format version '" + shown +
                                    "'; this reader supports 1 to " + std::to_string(kMaxVersion));
}

void checkByteorder(const ZipArchive& zip) {
  const ZipEntry* e = zip.find("byteorder");
  if (!e) return;  // torch 1.13 does not write it; little-endian is meant
  const std::string s = text(zip.data(*e));
  if (s == "little") return;
  if (s == "big")
    fail(C::Unsupported, e->name +
                             ": the storages are big-endian; parity reads little-endian "
                             "files only (re-save on a little-endian machine)");
  fail(C::Unsupported, e->name + ": byteorder record holds " + std::to_string(s.size()) +
                           " bytes that are neither 'little' nor 'big'");
}

}  // namespace

TorchFile readTorchFile(std::shared_ptr<const void> image,
                        std::span<const std::byte> bytes,
                        const LoadLimits& limits,
                        const std::string& name) {
  sniff(bytes, name);
  const ZipArchive zip(bytes, limits, name, [&](const ZipArchive& z) {
    const size_t skip = z.folder().size() + 1;
    for (const ZipEntry& e : z.entries())
      if (isTorchScript(e.name.substr(skip)))
        fail(C::TorchScriptArchive, name + ": TorchScript archive (it has " + e.name +
                                        "); not a weights file. Load it with torch.jit.load");
  });
  checkVersion(zip);
  checkByteorder(zip);
  const ZipEntry* pkl = zip.find("data.pkl");
  if (!pkl) fail(C::MissingRecord, zip.folder() + "/data.pkl: no such record");
  PickleInput in;
  in.bytes = zip.data(*pkl);
  in.name = pkl->name;
  in.record_prefix = zip.folder() + "/data/";
  in.storage = [&zip](const std::string& key) -> std::optional<std::span<const std::byte>> {
    const ZipEntry* e = zip.find("data/" + key);
    if (!e) return std::nullopt;
    return zip.data(*e);
  };
  TorchFile f = readPickle(in, limits);
  f.image = std::move(image);
  return f;
}

TorchFile readTorchFile(const std::string& path, const LoadLimits& limits) {
  auto mapped = std::make_shared<MappedFile>(path);
  const auto bytes = mapped->bytes();
  return readTorchFile(std::move(mapped), bytes, limits, path);
}

}  // namespace parity::io
