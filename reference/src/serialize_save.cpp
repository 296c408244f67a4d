// Value -> io::TorchFile. As torch.save: each distinct buffer becomes one
// storage record, whole, keyed in the order tensors first use it; each
// tensor keeps its offset, sizes, strides and requires_grad.
#include <map>

#include "parity/io/errors.h"
#include "serialize_internal.h"
#include "tensor_impl.h"

namespace parity::ref::detail {

namespace {

class Builder {
 public:
  io::TorchFile file;

  io::Node node(const Value& v) {
    io::Node n;
    if (v.isNone()) {
      n.kind = io::Node::Kind::None;
    } else if (v.isBool()) {
      n.kind = io::Node::Kind::Bool;
      n.b = v.toBool();
    } else if (v.isInt()) {
      n.kind = io::Node::Kind::Int;
      n.i = v.toInt();
    } else if (v.isDouble()) {
      n.kind = io::Node::Kind::Float;
      n.f = v.toDouble();
    } else if (v.isString()) {
      n.kind = io::Node::Kind::String;
      n.s = v.toStringRef();
    } else if (v.isTensor()) {
      n.kind = io::Node::Kind::Tensor;
      n.tensor = tensor(v.toTensor());
    } else if (v.isList()) {
      n.kind = io::Node::Kind::List;
      for (const Value& item : v.toList()) n.items.push_back(node(item));
    } else if (v.isTuple()) {
      n.kind = io::Node::Kind::Tuple;
      for (const Value& item : v.toTuple().items) n.items.push_back(node(item));
    } else {
      n.kind = io::Node::Kind::Dict;
      n.ordered = v.toGenericDict().ordered;
      for (const auto& [key, value] : v.toGenericDict().entries)
        n.entries.emplace_back(node(key), node(value));
    }
    return n;
  }

 private:
  size_t tensor(const Tensor& t) {
    if (!t.defined()) throw Error("save: an undefined tensor cannot be saved");
    const TensorImpl& impl = *t.impl();
    io::TensorRecord rec;
    rec.storage = storage(impl);
    rec.storage_offset = impl.offset;
    rec.sizes = impl.sizes;
    rec.strides = impl.strides;
    rec.requires_grad = impl.requires_grad;
    file.tensors.push_back(std::move(rec));
    return file.tensors.size() - 1;
  }

  size_t storage(const TensorImpl& impl) {
    auto found = index_.find(impl.storage.get());
    if (found != index_.end()) {
      // A storage record has one dtype; torch refuses the same, in its words.
      if (file.storages[found->second].dtype != impl.dtype)
        throw io::SerializationError(io::SerializationErrorCode::Unsupported,
                                     "Cannot save multiple tensors or storages that view the same "
                                     "data as different types");
      return found->second;
    }
    const StorageBytes& bytes = impl.storage->bytes;
    io::StorageRecord rec;
    rec.dtype = impl.dtype;
    rec.numel = static_cast<int64_t>(bytes.size() / elementSize(impl.dtype));
    rec.bytes = std::span<const std::byte>(bytes.data(), bytes.size());
    file.storages.push_back(rec);
    index_.emplace(impl.storage.get(), file.storages.size() - 1);
    return file.storages.size() - 1;
  }

  std::map<const StorageImpl*, size_t> index_;
};

}  // namespace

io::TorchFile to_torch_file(const Value& v) {
  Builder b;
  b.file.root = b.node(v);
  return std::move(b.file);
}

}  // namespace parity::ref::detail
