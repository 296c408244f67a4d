// The public save/load entry points: paths and streams around the two
// halves in serialize_save.cpp and serialize_load.cpp.
#include <filesystem>
#include <istream>
#include <iterator>
#include <memory>
#include <ostream>

#include "parity/io/atomic_file.h"
#include "parity/io/errors.h"
#include "serialize_internal.h"

namespace parity::ref {

namespace {

using io::SerializationError;
using io::SerializationErrorCode;

// torch.save (1.13) names the archive's folder after the file's name
// without its extension, non-ASCII names included; where that leaves
// nothing (".pt", which torch refuses) the folder is "archive".
std::string folder_for(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos) name.resize(dot);
  return name.empty() ? "archive" : name;
}

Value read_stream(std::istream& in, const io::LoadLimits& limits) {
  auto image = std::make_shared<std::vector<char>>(std::istreambuf_iterator<char>(in),
                                                   std::istreambuf_iterator<char>());
  if (in.bad())
    throw SerializationError(SerializationErrorCode::Io, "load: reading the stream failed");
  std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(image->data()),
                                   image->size());
  io::TorchFile file = io::readTorchFile(image, bytes, limits, "archive");
  return detail::from_torch_file(file);
}

Tensor only_tensor(const Value& v) {
  // LibTorch's IValue::toTensor message, which pickle_load users see.
  if (!v.isTensor())
    throw SerializationError(SerializationErrorCode::Unsupported,
                             "Expected Tensor but got " + v.tagKind());
  return v.toTensor();
}

StateDict only_state_dict(const Value& v) {
  if (!v.isGenericDict())
    throw SerializationError(SerializationErrorCode::Unsupported,
                             "load_state_dict: the file's root is of kind " + v.tagKind() +
                                 ", expected an OrderedDict or a dict of str to Tensor");
  StateDict out;
  size_t k = 0;
  for (const auto& [key, value] : v.toGenericDict().entries) {
    if (!key.isString())
      throw SerializationError(SerializationErrorCode::Unsupported,
                               "load_state_dict: key " + std::to_string(k) + " is of kind " +
                                   key.tagKind() + ", expected String");
    if (!value.isTensor())
      throw SerializationError(SerializationErrorCode::Unsupported,
                               "load_state_dict: entry '" + key.toStringRef() + "' is of kind " +
                                   value.tagKind() + ", expected Tensor");
    out.emplace_back(key.toStringRef(), value.toTensor());
    ++k;
  }
  return out;
}

Value state_dict_value(const StateDict& entries) {
  Value::Dict dict;
  dict.ordered = true;
  for (const auto& [key, t] : entries) dict.entries.emplace_back(Value(key), Value(t));
  return Value(std::move(dict));
}

}  // namespace

void save(const Value& v, std::ostream& out) {
  io::TorchFile file = detail::to_torch_file(v);
  io::OStreamSink sink(out);
  io::writeTorchFile(file, sink, "archive");
  out.flush();
  if (!out)
    throw SerializationError(SerializationErrorCode::Io, "save: flushing the stream failed");
}

void save(const Value& v, const std::string& path) {
  io::TorchFile file = detail::to_torch_file(v);
  io::AtomicFile out(path);
  io::writeTorchFile(file, out, folder_for(path));
  out.commit();
}

void save(const Tensor& t, const std::string& path) { save(Value(t), path); }
void save(const Tensor& t, std::ostream& out) { save(Value(t), out); }
void save_state_dict(const StateDict& entries, const std::string& path) {
  save(state_dict_value(entries), path);
}
void save_state_dict(const StateDict& entries, std::ostream& out) {
  save(state_dict_value(entries), out);
}

Value load(const std::string& path, const io::LoadLimits& limits) {
  io::TorchFile file = io::readTorchFile(path, limits);
  return detail::from_torch_file(file);
}
Value load(std::istream& in, const io::LoadLimits& limits) { return read_stream(in, limits); }
Tensor load_tensor(const std::string& path, const io::LoadLimits& limits) {
  return only_tensor(load(path, limits));
}
Tensor load_tensor(std::istream& in, const io::LoadLimits& limits) {
  return only_tensor(load(in, limits));
}
StateDict load_state_dict(const std::string& path, const io::LoadLimits& limits) {
  return only_state_dict(load(path, limits));
}
StateDict load_state_dict(std::istream& in, const io::LoadLimits& limits) {
  return only_state_dict(load(in, limits));
}

}  // namespace parity::ref
