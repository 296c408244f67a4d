// The save/load part of LibTorch's adapter: torch::pickle_save and
// torch::pickle_load, with Value <-> IValue conversions. Facts checked on
// LibTorch 1.13 (spec/clauses/serialization.md, SAVE-9): pickle_load reads
// torch.save's tensors, lists, tuples and dicts of two or more entries; it
// refuses SETITEM (a one-entry dict), collections.OrderedDict (state dicts)
// and LONG1 shorter than 8 bytes; it makes one storage per persistent id, so
// views that share in a torch.save file do not share after it.
// pickle_save always names the folder "archive" and has no OrderedDict.
#include <caffe2/serialize/file_adapter.h>
#include <torch/serialize.h>

#include <fstream>
#include <iterator>

#include "engines/torch_engine.h"

namespace parity::conf {

namespace {

using Value = TorchEngine::Value;

c10::IValue toIValue(const Value& v) {
  if (v.isNone()) return c10::IValue();
  if (v.isBool()) return c10::IValue(v.toBool());
  if (v.isInt()) return c10::IValue(v.toInt());
  if (v.isDouble()) return c10::IValue(v.toDouble());
  if (v.isString()) return c10::IValue(v.toStringRef());
  if (v.isTensor()) return c10::IValue(v.toTensor());
  if (v.isList()) {
    c10::impl::GenericList list(c10::AnyType::get());
    for (const Value& item : v.toList()) list.push_back(toIValue(item));
    return c10::IValue(list);
  }
  if (v.isTuple()) {
    std::vector<c10::IValue> items;
    for (const Value& item : v.toTuple().items) items.push_back(toIValue(item));
    return c10::IValue(c10::ivalue::Tuple::create(std::move(items)));
  }
  const Value::Dict& d = v.toGenericDict();
  if (d.ordered) throw Unavailable("LibTorch's pickle_save has no OrderedDict (IValue has none)");
  bool strings = true, ints = true;
  for (const auto& e : d.entries) {
    strings = strings && e.first.isString();
    ints = ints && e.first.isInt();
  }
  c10::TypePtr key = strings ? c10::TypePtr(c10::StringType::get())
                     : ints  ? c10::TypePtr(c10::IntType::get())
                             : c10::TypePtr(c10::AnyType::get());
  c10::impl::GenericDict dict(key, c10::AnyType::get());
  for (const auto& e : d.entries) dict.insert(toIValue(e.first), toIValue(e.second));
  return c10::IValue(dict);
}

Value fromIValue(const c10::IValue& v) {
  if (v.isNone()) return Value();
  if (v.isBool()) return Value(v.toBool());
  if (v.isInt()) return Value(v.toInt());
  if (v.isDouble()) return Value(v.toDouble());
  if (v.isString()) return Value(v.toStringRef());
  if (v.isTensor()) return Value(v.toTensor());
  if (v.isList()) {
    Value::List items;
    for (const c10::IValue& item : v.toListRef()) items.push_back(fromIValue(item));
    return Value(std::move(items));
  }
  if (v.isTuple()) {
    Value::Tuple t;
    for (const c10::IValue& item : v.toTupleRef().elements()) t.items.push_back(fromIValue(item));
    return Value(std::move(t));
  }
  if (v.isGenericDict()) {
    Value::Dict d;
    for (const auto& e : v.toGenericDict())
      d.entries.emplace_back(fromIValue(e.key()), fromIValue(e.value()));
    return Value(std::move(d));
  }
  throw Unavailable("pickle_load gave an IValue of kind " + v.tagKind() +
                    ", which a parity Value does not hold");
}

std::vector<char> pickled(const Value& v) { return torch::pickle_save(toIValue(v)); }

// Known refusals of pickle_load on files torch.load reads: Unavailable, so
// that the case records them instead of comparing an error.
Value unpickled(const std::vector<char>& bytes) {
  try {
    return fromIValue(torch::pickle_load(bytes));
  } catch (const c10::Error& e) {
    const std::string what = e.what_without_backtrace();
    if (what.find("Unknown opcode for unpickling at 0x73") != std::string::npos)
      throw Unavailable("pickle_load has no SETITEM (a one-entry dict): " + what);
    if (what.find("Expected GenericDict but got None") != std::string::npos)
      throw Unavailable("pickle_load cannot read a collections.OrderedDict: " + what);
    if (what.find("Expected length to be 8") != std::string::npos)
      throw Unavailable("pickle_load reads LONG1 of 8 bytes only (ints of 2^31 and more): " + what);
    throw;
  }
}

TorchEngine::StateDict stateDict(const Value& v) {
  TorchEngine::StateDict out;
  for (const auto& [key, value] : v.toGenericDict().entries)
    out.emplace_back(key.toStringRef(), value.toTensor());
  return out;
}

Value stateDictValue(const TorchEngine::StateDict& sd) {
  Value::Dict d;  // a plain dict: IValue has no OrderedDict
  for (const auto& [key, t] : sd) d.entries.emplace_back(Value(key), Value(t));
  return Value(std::move(d));
}

}  // namespace

void TorchEngine::save(const Value& v, std::ostream& out) {
  const std::vector<char> bytes = pickled(v);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  TORCH_CHECK(out.good(), "writing ", bytes.size(), " bytes to the stream failed");
}

void TorchEngine::save(const Value& v, const std::string& path) {
  const std::vector<char> bytes = pickled(v);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  TORCH_CHECK(out.is_open(), "cannot open ", path, " for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  TORCH_CHECK(out.good(), "writing ", path, " failed");
}

void TorchEngine::save_state_dict(const StateDict& sd, const std::string& path) {
  save(stateDictValue(sd), path);
}
void TorchEngine::save_state_dict(const StateDict& sd, std::ostream& out) {
  save(stateDictValue(sd), out);
}

TorchEngine::Value TorchEngine::load(const std::string& path) {
  // LibTorch's own file reader, for its message on a missing file.
  caffe2::serialize::FileAdapter file(path);
  std::vector<char> bytes(file.size());
  file.read(0, bytes.data(), bytes.size(), "the whole file");
  return unpickled(bytes);
}

TorchEngine::Value TorchEngine::load(std::istream& in) {
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return unpickled(bytes);
}

TorchEngine::StateDict TorchEngine::load_state_dict(const std::string& path) {
  return stateDict(load(path));
}
TorchEngine::StateDict TorchEngine::load_state_dict(std::istream& in) {
  return stateDict(load(in));
}

}  // namespace parity::conf
