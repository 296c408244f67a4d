// Memo use follows CPython: every str, non-empty tuple, list, dict, global
// and REDUCE result is put (BINPUT) when first written; a global, the
// strings 'storage' and 'cpu', a storage's key and a tensor written twice are
// read back (BINGET), as in torch.save's output, where those are one Python
// object each time.
#include "parity/io/pickle_writer.h"

#include <bit>
#include <map>

#include "le.h"
#include "storage_types.h"

namespace parity::io {
namespace {

using detail::fail;
using detail::putLE;
using C = SerializationErrorCode;

class Pickler {
 public:
  explicit Pickler(const TorchFile& f) : f_(f), tensor_memo_(f.tensors.size(), -1) {}

  PickleOutput run() {
    op(0x80);
    out_.bytes.push_back(2);
    save(f_.root);
    op('.');
    return std::move(out_);
  }

 private:
  void op(int c) { out_.bytes.push_back(static_cast<char>(c)); }
  int64_t memoize() {
    const int64_t idx = next_memo_++;
    if (idx < 256) {
      op('q');
      putLE(out_.bytes, static_cast<uint64_t>(idx), 1);
    } else {
      op('r');
      putLE(out_.bytes, static_cast<uint64_t>(idx), 4);
    }
    return idx;
  }
  void get(int64_t idx) {
    if (idx < 256) {
      op('h');
      putLE(out_.bytes, static_cast<uint64_t>(idx), 1);
    } else {
      op('j');
      putLE(out_.bytes, static_cast<uint64_t>(idx), 4);
    }
  }
  // A value written once and read back from the memo afterwards.
  template <class Write>
  void once(const std::string& key, Write&& write) {
    if (const auto it = shared_.find(key); it != shared_.end()) return get(it->second);
    write();
    shared_[key] = memoize();
  }
  void global(const std::string& module, const std::string& name) {
    once("global:" + module + "." + name, [&] {
      op('c');
      out_.bytes += module + "\n" + name + "\n";
    });
  }
  void str(const std::string& s) {
    op('X');
    putLE(out_.bytes, s.size(), 4);
    out_.bytes += s;
  }
  void string(const std::string& s) {
    str(s);
    memoize();
  }
  void integer(int64_t v) {
    if (v >= 0 && v <= 0xff) {
      op('K');
      putLE(out_.bytes, static_cast<uint64_t>(v), 1);
    } else if (v >= 0 && v <= 0xffff) {
      op('M');
      putLE(out_.bytes, static_cast<uint64_t>(v), 2);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
      op('J');
      putLE(out_.bytes, static_cast<uint64_t>(v), 4);
    } else {
      // CPython's encode_long: the shortest little-endian two's complement.
      int n = 8;
      while (n > 1) {
        const int64_t top = v >> (8 * (n - 1) - 1);  // the bits the dropped byte would hold
        if (top != 0 && top != -1) break;
        --n;
      }
      op(0x8a);
      out_.bytes.push_back(static_cast<char>(n));
      putLE(out_.bytes, static_cast<uint64_t>(v), n);
    }
  }
  void intTuple(const std::vector<int64_t>& v) {
    if (v.empty()) return op(')');
    if (v.size() > 3) op('(');
    for (int64_t x : v) integer(x);
    op(v.size() > 3 ? 't' : 0x84 + static_cast<int>(v.size()));
    memoize();
  }
  void emptyOrderedDict() {
    global("collections", "OrderedDict");
    op(')');
    op('R');
    memoize();
  }

  template <class Items, class SaveItem>
  void batches(const Items& items, SaveItem&& save_item, int one, int many) {
    for (size_t i = 0; i < items.size(); i += 1000) {
      const size_t n = std::min<size_t>(1000, items.size() - i);
      if (n > 1) op('(');
      for (size_t k = i; k < i + n; ++k) save_item(items[k]);
      op(n > 1 ? many : one);
    }
  }

  void save(const Node& n) {
    switch (n.kind) {
      case Node::Kind::None:
        return op('N');
      case Node::Kind::Bool:
        return op(n.b ? 0x88 : 0x89);
      case Node::Kind::Int:
        return integer(n.i);
      case Node::Kind::Float: {
        op('G');
        const uint64_t bits = std::bit_cast<uint64_t>(n.f);
        for (int i = 7; i >= 0; --i) out_.bytes.push_back(static_cast<char>(bits >> (8 * i)));
        return;
      }
      case Node::Kind::String:
        return string(n.s);
      case Node::Kind::Tensor:
        return tensor(n.tensor);
      case Node::Kind::Tuple:
        if (n.items.empty()) return op(')');
        if (n.items.size() > 3) op('(');
        for (const Node& item : n.items) save(item);
        op(n.items.size() > 3 ? 't' : 0x84 + static_cast<int>(n.items.size()));
        memoize();
        return;
      case Node::Kind::List:
        op(']');
        memoize();
        batches(
            n.items, [&](const Node& item) { save(item); }, 'a', 'e');
        return;
      case Node::Kind::Dict:
        if (n.ordered) {
          emptyOrderedDict();
        } else {
          op('}');
          memoize();
        }
        batches(
            n.entries,
            [&](const std::pair<Node, Node>& e) {
              save(e.first);
              save(e.second);
            },
            's', 'u');
        if (n.ordered && n.state) {
          save(*n.state);
          op('b');
        }
        return;
    }
  }

  void tensor(size_t index) {
    if (index >= f_.tensors.size())
      fail(C::BadView, "writeTorchFile: tensor " + std::to_string(index) + " of " +
                           std::to_string(f_.tensors.size()) + " does not exist");
    if (tensor_memo_[index] >= 0) return get(tensor_memo_[index]);
    const TensorRecord& t = f_.tensors[index];
    check(t, index);
    if (t.parameter) global("torch._utils", "_rebuild_parameter");
    global("torch._utils", "_rebuild_tensor_v2");
    op('(');
    persistentId(t.storage);
    integer(t.storage_offset);
    intTuple(t.sizes);
    intTuple(t.strides);
    op(t.parameter || !t.requires_grad ? 0x89 : 0x88);
    emptyOrderedDict();
    op('t');
    memoize();
    op('R');
    memoize();
    if (t.parameter) {
      op(t.requires_grad ? 0x88 : 0x89);
      emptyOrderedDict();
      op(0x87);
      memoize();
      op('R');
      memoize();
    }
    tensor_memo_[index] = next_memo_ - 1;
  }

  void persistentId(size_t storage) {
    const StorageRecord& s = f_.storages[storage];
    const auto inserted = key_of_.emplace(storage, out_.storage_for_key.size());
    if (inserted.second) out_.storage_for_key.push_back(storage);
    const size_t key = inserted.first->second;
    op('(');
    once("str:storage", [&] { str("storage"); });
    global("torch", detail::storageTypeName(s.dtype));
    once("key:" + std::to_string(storage), [&] { str(std::to_string(key)); });
    once("str:cpu", [&] { str("cpu"); });
    integer(s.numel);
    op('t');
    memoize();
    op('Q');
  }

  // The reader's checks, so that what is written can be read.
  void check(const TensorRecord& t, size_t index) const {
    const std::string what = "writeTorchFile: tensor " + std::to_string(index);
    if (t.storage >= f_.storages.size())
      fail(C::BadStorage, what + " names storage " + std::to_string(t.storage) + " of " +
                              std::to_string(f_.storages.size()));
    const StorageRecord& s = f_.storages[t.storage];
    if (s.numel < 0 || static_cast<uint64_t>(s.bytes.size()) !=
                           static_cast<uint64_t>(s.numel) * elementSize(s.dtype))
      fail(C::BadStorage, what + ": storage " + std::to_string(t.storage) + " has " +
                              std::to_string(s.bytes.size()) + " bytes for " +
                              std::to_string(s.numel) + " × " + detail::dtypeName(s.dtype));
    if (t.sizes.size() != t.strides.size() || t.storage_offset < 0)
      fail(C::BadView, what + ": sizes and strides differ in rank or the offset is negative");
    bool empty = false;
    __int128 last = t.storage_offset;
    for (size_t d = 0; d < t.sizes.size(); ++d) {
      if (t.sizes[d] < 0 || t.strides[d] < 0)
        fail(C::BadView, what + ": negative size or stride in dim " + std::to_string(d));
      empty = empty || t.sizes[d] == 0;
      if (t.sizes[d] > 0) last += static_cast<__int128>(t.sizes[d] - 1) * t.strides[d];
    }
    if (empty ? t.storage_offset > s.numel : last >= s.numel)
      fail(C::BadView,
           what + ": view lies outside its storage of " + std::to_string(s.numel) + " elements");
  }

  const TorchFile& f_;
  PickleOutput out_;
  int64_t next_memo_ = 0;
  std::map<std::string, int64_t> shared_;
  std::map<size_t, size_t> key_of_;
  std::vector<int64_t> tensor_memo_;
};

}  // namespace

PickleOutput writePickle(const TorchFile& file) { return Pickler(file).run(); }

}  // namespace parity::io
