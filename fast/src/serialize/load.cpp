// io::TorchFile -> Value: each storage record copied once into a fresh
// buffer, each tensor a TensorImpl over it with the file's geometry.
#include <cstring>
#include <vector>

#include "core/threads.h"
#include "parity/io/errors.h"
#include "serialize/convert.h"

namespace parity::fast::serialize {

void copy_bytes(void* dst, const void* src, size_t n) {
  // Below this, one memcpy beats waking threads.
  constexpr size_t kParallelBytes = size_t{4} << 20;
  constexpr size_t kChunk = size_t{1} << 20;
  const int threads = n >= kParallelBytes ? core::max_threads() : 1;
  if (threads <= 1) {
    if (n) std::memcpy(dst, src, n);
    return;
  }
  const auto chunks = static_cast<int64_t>((n + kChunk - 1) / kChunk);
#pragma omp parallel for num_threads(threads) schedule(static)
  for (int64_t c = 0; c < chunks; ++c) {
    const size_t begin = static_cast<size_t>(c) * kChunk;
    const size_t len = std::min(kChunk, n - begin);
    std::memcpy(static_cast<char*>(dst) + begin, static_cast<const char*>(src) + begin, len);
  }
}

namespace {

using Kind = io::Node::Kind;

struct Reader {
  const io::TorchFile& in;
  std::vector<Storage> storages;
  std::vector<Tensor> tensors;  // built on first use; a record met twice is one tensor

  explicit Reader(const io::TorchFile& f) : in(f), tensors(f.tensors.size()) {
    storages.reserve(f.storages.size());
    for (const io::StorageRecord& rec : f.storages) {
      IntrusivePtr<StorageImpl> impl = StorageImpl::create(rec.bytes.size());
      copy_bytes(impl->data(), rec.bytes.data(), rec.bytes.size());
      storages.emplace_back(std::move(impl), rec.dtype);
    }
  }

  const Tensor& tensor(size_t k) {
    Tensor& t = tensors.at(k);
    if (t.defined()) return t;
    const io::TensorRecord& rec = in.tensors[k];
    const Storage& s = storages.at(rec.storage);
    auto* impl = new TensorImpl(s, s.dtype(), DimVector(IntArrayRef(rec.sizes)),
                                DimVector(IntArrayRef(rec.strides)), rec.storage_offset);
    t = Tensor(IntrusivePtr<TensorImpl>(impl));
    if (rec.requires_grad) {
      // torch's _rebuild_tensor_v2 refuses it on integer and bool dtypes.
      if (!isFloatingType(s.dtype()))
        throw io::SerializationError(io::SerializationErrorCode::Unsupported,
                                     "tensor " + std::to_string(k) + " (" + pythonName(s.dtype()) +
                                         "): Only Tensors of floating point and complex dtype "
                                         "can require gradients");
      t.requires_grad_(true);
    }
    return t;
  }

  std::vector<Value> items(const std::vector<io::Node>& nodes) {
    std::vector<Value> out;
    out.reserve(nodes.size());
    for (const io::Node& n : nodes) out.push_back(value(n));
    return out;
  }

  Value value(const io::Node& n) {
    switch (n.kind) {
      case Kind::Tensor:
        return tensor(n.tensor);
      case Kind::Dict: {
        Value::Dict d;
        d.ordered = n.ordered;
        d.entries.reserve(n.entries.size());
        for (const auto& e : n.entries) d.entries.emplace_back(value(e.first), value(e.second));
        return d;
      }
      case Kind::List:
        return Value::List(items(n.items));
      case Kind::Tuple:
        return Value::Tuple{items(n.items)};
      case Kind::String:
        return n.s;
      case Kind::Float:
        return n.f;
      case Kind::Int:
        return n.i;
      case Kind::Bool:
        return n.b;
      case Kind::None:
        break;
    }
    return Value();
  }
};

}  // namespace

Value from_file(const io::TorchFile& file) { return Reader(file).value(file.root); }

}  // namespace parity::fast::serialize
