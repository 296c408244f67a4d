// Paths and streams around serialize/save.cpp and serialize/load.cpp.
#include <istream>
#include <iterator>
#include <memory>
#include <ostream>
#include <span>
#include <vector>

#include "parity/io/atomic_file.h"
#include "parity/io/errors.h"
#include "serialize/convert.h"

namespace parity::fast {

namespace {

using io::SerializationError;
using Code = io::SerializationErrorCode;

// torch.save's (1.13) folder for a path: the base name up to its last '.',
// non-ASCII included; "archive" when that leaves nothing.
std::string archive_folder(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  base = base.substr(0, base.rfind('.'));
  return base.empty() ? "archive" : base;
}

// The whole stream in one buffer: sized up front where the stream can seek.
std::shared_ptr<std::vector<char>> slurp(std::istream& in) {
  auto buf = std::make_shared<std::vector<char>>();
  const std::istream::pos_type start = in.tellg();
  if (start != std::istream::pos_type(-1) && in.seekg(0, std::ios::end)) {
    const std::streamoff n = in.tellg() - start;
    in.seekg(start);
    buf->resize(static_cast<size_t>(n));
    in.read(buf->data(), n);
    buf->resize(static_cast<size_t>(in.gcount()));  // a file that shrank meanwhile
  } else {
    in.clear();
    buf->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) throw SerializationError(Code::Io, "load: reading the stream failed");
  return buf;
}

Value state_dict_value(const StateDict& sd) {
  Value::Dict d;
  d.ordered = true;
  d.entries.reserve(sd.size());
  for (const auto& [k, t] : sd) d.entries.emplace_back(k, t);
  return d;
}

Tensor root_tensor(const Value& v) {
  if (v.isTensor()) return v.toTensor();
  // The words of LibTorch's IValue::toTensor, as pickle_load users see them.
  throw SerializationError(Code::Unsupported, "Expected Tensor but got " + v.tagKind());
}

StateDict root_state_dict(const Value& v) {
  if (!v.isGenericDict())
    throw SerializationError(Code::Unsupported, "load_state_dict: the file's root is of kind " +
                                                    v.tagKind() +
                                                    ", expected an OrderedDict or a dict of str "
                                                    "to Tensor");
  const auto& entries = v.toGenericDict().entries;
  StateDict sd;
  sd.reserve(entries.size());
  for (size_t k = 0; k < entries.size(); ++k) {
    const auto& [key, t] = entries[k];
    if (!key.isString())
      throw SerializationError(Code::Unsupported, "load_state_dict: key " + std::to_string(k) +
                                                      " is of kind " + key.tagKind() +
                                                      ", expected String");
    if (!t.isTensor())
      throw SerializationError(Code::Unsupported, "load_state_dict: entry '" + key.toStringRef() +
                                                      "' is of kind " + t.tagKind() +
                                                      ", expected Tensor");
    sd.emplace_back(key.toStringRef(), t.toTensor());
  }
  return sd;
}

}  // namespace

void save(const Value& v, std::ostream& out) {
  const io::TorchFile file = serialize::to_file(v);
  io::OStreamSink sink(out);
  io::writeTorchFile(file, sink, "archive");
  if (!out.flush()) throw SerializationError(Code::Io, "save: flushing the stream failed");
}

void save(const Value& v, const std::string& path) {
  const io::TorchFile file = serialize::to_file(v);
  io::AtomicFile out(path);
  io::writeTorchFile(file, out, archive_folder(path));
  out.commit();
}

void save(const Tensor& t, const std::string& path) { save(Value(t), path); }
void save(const Tensor& t, std::ostream& out) { save(Value(t), out); }
void save_state_dict(const StateDict& sd, const std::string& path) {
  save(state_dict_value(sd), path);
}
void save_state_dict(const StateDict& sd, std::ostream& out) { save(state_dict_value(sd), out); }

Value load(const std::string& path, const io::LoadLimits& limits) {
  return serialize::from_file(io::readTorchFile(path, limits));
}
Value load(std::istream& in, const io::LoadLimits& limits) {
  std::shared_ptr<std::vector<char>> buf = slurp(in);
  const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(buf->data()),
                                         buf->size());
  return serialize::from_file(io::readTorchFile(buf, bytes, limits, "archive"));
}
Tensor load_tensor(const std::string& path, const io::LoadLimits& limits) {
  return root_tensor(load(path, limits));
}
Tensor load_tensor(std::istream& in, const io::LoadLimits& limits) {
  return root_tensor(load(in, limits));
}
StateDict load_state_dict(const std::string& path, const io::LoadLimits& limits) {
  return root_state_dict(load(path, limits));
}
StateDict load_state_dict(std::istream& in, const io::LoadLimits& limits) {
  return root_state_dict(load(in, limits));
}

}  // namespace parity::fast
