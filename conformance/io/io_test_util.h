// Helpers of the io tests: a canonical JSON form of a TorchFile (the same as
// torch_files.py's describe()), a scratch directory in the build tree, the
// python3-torch runner, and builders for hand-made pickles and archives.
#pragma once
#include <sys/wait.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "parity/io/atomic_file.h"
#include "parity/io/torch_file.h"
#include "parity/io/zip_writer.h"
#include "pickle_builder.h"

namespace parity::io::test {

namespace fs = std::filesystem;
using nlohmann::json;

inline const char* dtypeName(ScalarType t) {
  switch (t) {
    case kDouble:
      return "float64";
    case kFloat:
      return "float32";
    case kHalf:
      return "float16";
    case kBFloat16:
      return "bfloat16";
    case kLong:
      return "int64";
    case kInt:
      return "int32";
    case kShort:
      return "int16";
    case kChar:
      return "int8";
    case kByte:
      return "uint8";
    case kBool:
      return "bool";
  }
  return "?";
}

inline std::string toHex(std::span<const std::byte> b) {
  static const char d[] = "0123456789abcdef";
  std::string s;
  for (std::byte x : b) {
    s.push_back(d[static_cast<uint8_t>(x) >> 4]);
    s.push_back(d[static_cast<uint8_t>(x) & 15]);
  }
  return s;
}

class Describer {
 public:
  explicit Describer(const TorchFile& f) : f_(f) {}
  json operator()(const Node& n) {
    switch (n.kind) {
      case Node::Kind::None:
        return {{"t", "none"}};
      case Node::Kind::Bool:
        return {{"t", "bool"}, {"v", n.b}};
      case Node::Kind::Int:
        return {{"t", "int"}, {"v", n.i}};
      case Node::Kind::Float:
        return {{"t", "float"}, {"v", n.f}};
      case Node::Kind::String:
        return {{"t", "str"}, {"v", n.s}};
      case Node::Kind::Tensor: {
        const TensorRecord& t = f_.tensors.at(n.tensor);
        const StorageRecord& s = f_.storages.at(t.storage);
        const auto [it, fresh] = sids_.emplace(t.storage, sids_.size());
        return {{"t", "tensor"},
                {"dtype", dtypeName(s.dtype)},
                {"size", t.sizes},
                {"stride", t.strides},
                {"offset", t.storage_offset},
                {"requires_grad", t.requires_grad},
                {"parameter", t.parameter},
                {"storage", it->second},
                {"numel", s.numel},
                {"hex", toHex(s.bytes)}};
      }
      case Node::Kind::List:
      case Node::Kind::Tuple: {
        json v = json::array();
        for (const Node& i : n.items) v.push_back((*this)(i));
        return {{"t", n.kind == Node::Kind::List ? "list" : "tuple"}, {"v", v}};
      }
      case Node::Kind::Dict: {
        json v = json::array();
        for (const auto& [k, x] : n.entries) {
          json key = (*this)(k);
          v.push_back(json::array({key, (*this)(x)}));
        }
        json d = {{"t", "dict"}, {"ordered", n.ordered}, {"v", v}};
        if (n.state) d["state"] = (*this)(*n.state);
        return d;
      }
    }
    return {};
  }

 private:
  const TorchFile& f_;
  std::map<size_t, size_t> sids_;
};

inline json describe(const TorchFile& f) { return Describer(f)(f.root); }

// A directory under the build tree, emptied first.
inline fs::path scratch(const std::string& name) {
  const fs::path p = fs::path(PARITY_IO_WORK_DIR) / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

// Runs torch_files.py; returns its exit status (127 when python is missing).
inline int runTorchFiles(const std::string& mode, const fs::path& dir, std::string* output) {
  const fs::path log = dir / (mode + ".log");
  const std::string cmd = std::string(PARITY_IO_PYTHON) + " " + PARITY_IO_TORCH_FILES_PY + " " +
                          mode + " '" + dir.string() + "' > '" + log.string() + "' 2>&1";
  const int rc = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  if (output) *output = ss.str();
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 1;
}

inline bool pythonTorchAvailable() {
  const std::string cmd = std::string(PARITY_IO_PYTHON) + " -c 'import torch' > /dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

inline std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::span<const std::byte> bytesOf(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

// Reads an in-memory file; the image is the caller's string.
inline TorchFile readBytes(const std::string& s, const LoadLimits& limits = {}) {
  return readTorchFile(nullptr, bytesOf(s), limits);
}

inline std::string writeBytes(const TorchFile& f, const std::string& folder = "archive") {
  std::ostringstream os;
  OStreamSink sink(os);
  writeTorchFile(f, sink, folder);
  return os.str();
}

// An archive with the given records (names relative to "archive/"), in order.
inline std::string archive(const std::vector<std::pair<std::string, std::string>>& records) {
  std::ostringstream os;
  OStreamSink sink(os);
  ZipWriter z(sink);
  for (const auto& [name, data] : records) z.add("archive/" + name, bytesOf(data));
  z.finish();
  return os.str();
}

// A minimal valid archive around `pickle` with storage records.
inline std::string torchArchive(const std::string& pickle,
                                const std::vector<std::pair<std::string, std::string>>& data = {}) {
  std::vector<std::pair<std::string, std::string>> r = {{"data.pkl", pickle}};
  for (const auto& [k, v] : data) r.emplace_back("data/" + k, v);
  r.emplace_back("version", "3\n");
  return archive(r);
}

}  // namespace parity::io::test
