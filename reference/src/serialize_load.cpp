// io::TorchFile -> Value. One fresh buffer per storage record (its bytes
// copied out of the file image), and every tensor a strided view on its
// buffer, so views that shared a storage in the file share one here.
#include <cstring>
#include <map>
#include <memory>

#include "parity/io/errors.h"
#include "serialize_internal.h"
#include "tensor_impl.h"

namespace parity::ref::detail {

namespace {

class Loader {
 public:
  explicit Loader(const io::TorchFile& file) : file_(file) {
    for (const io::StorageRecord& rec : file.storages) {
      auto impl = std::make_shared<StorageImpl>();
      impl->bytes.assign(rec.bytes.begin(), rec.bytes.end());
      buffers_.push_back(std::move(impl));
    }
  }

  Value value(const io::Node& n) {
    switch (n.kind) {
      case io::Node::Kind::None:
        return Value();
      case io::Node::Kind::Bool:
        return Value(n.b);
      case io::Node::Kind::Int:
        return Value(n.i);
      case io::Node::Kind::Float:
        return Value(n.f);
      case io::Node::Kind::String:
        return Value(n.s);
      case io::Node::Kind::Tensor:
        return Value(tensor(n.tensor));
      case io::Node::Kind::List: {
        Value::List items;
        for (const io::Node& item : n.items) items.push_back(value(item));
        return Value(std::move(items));
      }
      case io::Node::Kind::Tuple: {
        Value::Tuple tuple;
        for (const io::Node& item : n.items) tuple.items.push_back(value(item));
        return Value(std::move(tuple));
      }
      case io::Node::Kind::Dict: {
        // A state dict's _metadata (n.state) has no place in a Value.
        Value::Dict dict;
        dict.ordered = n.ordered;
        for (const auto& [key, item] : n.entries)
          dict.entries.emplace_back(value(key), value(item));
        return Value(std::move(dict));
      }
    }
    return Value();
  }

 private:
  // The same record met twice (a pickled tensor referenced again) is the
  // same tensor, as in torch.
  Tensor tensor(size_t index) {
    auto found = tensors_.find(index);
    if (found != tensors_.end()) return found->second;
    const io::TensorRecord& rec = file_.tensors.at(index);
    const io::StorageRecord& storage = file_.storages.at(rec.storage);
    // torch's _rebuild_tensor_v2 sets requires_grad, which torch refuses on
    // integer and bool tensors, in these words.
    if (rec.requires_grad && !isFloatingType(storage.dtype))
      throw io::SerializationError(
          io::SerializationErrorCode::Unsupported,
          "tensor " + std::to_string(index) + " (" + pythonName(storage.dtype) +
              "): Only Tensors of floating point and complex dtype can require gradients");
    auto impl = std::make_shared<TensorImpl>();
    impl->storage = buffers_.at(rec.storage);
    impl->dtype = storage.dtype;
    impl->sizes = rec.sizes;
    impl->strides = rec.strides;
    impl->offset = rec.storage_offset;
    impl->requires_grad = rec.requires_grad;
    Tensor t(std::move(impl));
    tensors_.emplace(index, t);
    return t;
  }

  const io::TorchFile& file_;
  std::vector<std::shared_ptr<StorageImpl>> buffers_;
  std::map<size_t, Tensor> tensors_;
};

}  // namespace

Value from_torch_file(const io::TorchFile& file) {
  Loader loader(file);
  return loader.value(file.root);
}

}  // namespace parity::ref::detail
