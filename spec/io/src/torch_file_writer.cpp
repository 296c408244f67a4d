// writeTorchFile: data.pkl, then data/<key> in string order of the keys (as
// torch.save sorts them: "10" before "2"), then version "3\n" — the records
// and order python3-torch 1.13 writes (it writes no byteorder record).
#include <algorithm>

#include "le.h"
#include "parity/io/pickle_writer.h"
#include "parity/io/torch_file.h"
#include "parity/io/zip_writer.h"

namespace parity::io {
namespace {

std::span<const std::byte> bytesOf(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

}  // namespace

void writeTorchFile(const TorchFile& file, Sink& sink, const std::string& folder) {
  if (folder.empty() || folder.find('/') != std::string::npos || folder == "." || folder == "..")
    detail::fail(SerializationErrorCode::ZipStructure,
                 "writeTorchFile: archive folder '" + folder + "' is not a plain name");
  const PickleOutput p = writePickle(file);
  std::vector<std::string> keys;
  for (size_t k = 0; k < p.storage_for_key.size(); ++k) keys.push_back(std::to_string(k));
  std::sort(keys.begin(), keys.end());
  ZipWriter zip(sink);
  zip.add(folder + "/data.pkl", bytesOf(p.bytes));
  for (const std::string& k : keys)
    zip.add(folder + "/data/" + k, file.storages[p.storage_for_key[std::stoul(k)]].bytes);
  zip.add(folder + "/version", bytesOf("3\n"));
  zip.finish();
}

std::string archiveFolderFor(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos) base.resize(dot);
  return base.empty() || base == "." || base == ".." ? "archive" : base;
}

}  // namespace parity::io
