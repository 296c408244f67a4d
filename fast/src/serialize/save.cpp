// Value -> io::TorchFile: one storage record per distinct buffer, whole,
// numbered in first-use order (a hash map on the buffer's address).
#include <unordered_map>

#include "parity/io/errors.h"
#include "serialize/convert.h"

namespace parity::fast::serialize {

namespace {

using Kind = io::Node::Kind;

struct Writer {
  io::TorchFile out;
  std::unordered_map<const StorageImpl*, size_t> keys;

  size_t storage_of(const TensorImpl& t) {
    auto [it, fresh] = keys.try_emplace(t.storage_impl(), out.storages.size());
    if (!fresh) {
      if (out.storages[it->second].dtype != t.dtype())
        throw io::SerializationError(io::SerializationErrorCode::Unsupported,
                                     "Cannot save multiple tensors or storages that view the same "
                                     "data as different types");
      return it->second;
    }
    const StorageImpl& s = *t.storage_impl();
    io::StorageRecord rec;
    rec.dtype = t.dtype();
    rec.numel = static_cast<int64_t>(s.nbytes() / t.itemsize());
    rec.bytes = {static_cast<const std::byte*>(s.data()), s.nbytes()};
    out.storages.push_back(rec);
    return it->second;
  }

  size_t tensor(const Tensor& t) {
    if (!t.defined()) throw Error("save: an undefined tensor cannot be saved");
    const TensorImpl& impl = *t.unsafeGetTensorImpl();
    io::TensorRecord rec;
    rec.storage = storage_of(impl);
    rec.storage_offset = impl.storage_offset();
    rec.sizes.assign(impl.sizes().begin(), impl.sizes().end());
    rec.strides.assign(impl.strides().begin(), impl.strides().end());
    rec.requires_grad = impl.requires_grad();
    out.tensors.push_back(std::move(rec));
    return out.tensors.size() - 1;
  }

  void items(const std::vector<Value>& from, io::Node& n) {
    n.items.reserve(from.size());
    for (const Value& v : from) n.items.push_back(node(v));
  }

  io::Node node(const Value& v) {
    io::Node n;
    if (v.isTensor()) {
      n.kind = Kind::Tensor;
      n.tensor = tensor(v.toTensor());
    } else if (v.isGenericDict()) {
      const Value::Dict& d = v.toGenericDict();
      n.kind = Kind::Dict;
      n.ordered = d.ordered;
      n.entries.reserve(d.entries.size());
      for (const auto& e : d.entries) n.entries.emplace_back(node(e.first), node(e.second));
    } else if (v.isList()) {
      n.kind = Kind::List;
      items(v.toList(), n);
    } else if (v.isTuple()) {
      n.kind = Kind::Tuple;
      items(v.toTuple().items, n);
    } else if (v.isString()) {
      n.kind = Kind::String;
      n.s = v.toStringRef();
    } else if (v.isDouble()) {
      n.kind = Kind::Float;
      n.f = v.toDouble();
    } else if (v.isInt()) {
      n.kind = Kind::Int;
      n.i = v.toInt();
    } else if (v.isBool()) {
      n.kind = Kind::Bool;
      n.b = v.toBool();
    }  // else None: the default Node
    return n;
  }
};

}  // namespace

io::TorchFile to_file(const Value& v) {
  Writer w;
  w.out.root = w.node(v);
  return std::move(w.out);
}

}  // namespace parity::fast::serialize
