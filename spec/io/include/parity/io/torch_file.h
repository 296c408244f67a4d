// What a torch.save file holds, independent of any engine: a tree of
// values whose tensors point into a table of storages. The zip and pickle
// layers read and write exactly this; each engine turns it into its own
// tensors (sharing a storage where the file shares one) and back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "parity/io/limits.h"
#include "parity/spec/scalar_type.h"

namespace parity::io {

// One storage: `numel` elements of `dtype`, the whole buffer as torch saves it.
struct StorageRecord {
  ScalarType dtype = ScalarType::Float;
  int64_t numel = 0;
  // Reading: the record's bytes inside the file image (valid while the
  // TorchFile's `image` lives). Writing: the bytes to store.
  std::span<const std::byte> bytes;
};

// _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks):
// offsets and strides in elements. A reader has checked that the view lies
// inside its storage.
struct TensorRecord {
  size_t storage = 0;  // index into TorchFile::storages
  int64_t storage_offset = 0;
  std::vector<int64_t> sizes, strides;
  bool requires_grad = false;
  // A torch.nn.Parameter (_rebuild_parameter around the tensor), as saving a
  // module's parameters directly writes it; a state_dict holds plain tensors.
  bool parameter = false;
};

struct Node {
  enum class Kind { None, Bool, Int, Float, String, Tensor, List, Tuple, Dict };
  // Declared here, defaulted below the class: clang with libstdc++ refuses
  // vector<pair<Node, Node>> in implicit members while Node is incomplete.
  Node();
  ~Node();
  Node(const Node&);
  Node(Node&&) noexcept;
  Node& operator=(const Node&);
  Node& operator=(Node&&) noexcept;

  Kind kind = Kind::None;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  size_t tensor = 0;                           // Tensor: index into TorchFile::tensors
  std::vector<Node> items;                     // List, Tuple
  std::vector<std::pair<Node, Node>> entries;  // Dict, in file order
  bool ordered = false;                        // Dict: a collections.OrderedDict
  // OrderedDict: the state BUILD applied (a state dict's _metadata), kept so
  // that it round-trips; null when there was none.
  std::shared_ptr<Node> state;
};

inline Node::Node() = default;
inline Node::~Node() = default;
inline Node::Node(const Node&) = default;
inline Node::Node(Node&&) noexcept = default;
inline Node& Node::operator=(const Node&) = default;
inline Node& Node::operator=(Node&&) noexcept = default;

struct TorchFile {
  Node root;
  std::vector<TensorRecord> tensors;
  std::vector<StorageRecord> storages;
  // Reading: keeps the bytes the storage spans point into alive.
  std::shared_ptr<const void> image;
};

// Reads a torch.save zip archive (never executes anything; see
// pickle_reader.h). Throws SerializationError. `name` prefixes messages.
TorchFile readTorchFile(std::shared_ptr<const void> image,
                        std::span<const std::byte> bytes,
                        const LoadLimits& limits = {},
                        const std::string& name = "archive");
TorchFile readTorchFile(const std::string& path, const LoadLimits& limits = {});  // maps the file

// Where a writer's bytes go: a stream, or an atomic file (atomic_file.h).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const void* data, size_t n) = 0;
};

// Writes `file` as torch.save does (zip64 as miniz, records 64-byte aligned,
// pickle protocol 2, storages keyed "0", "1", ... in first-use order); the
// archive's folder is `folder` ("archive" for streams, the file's stem for a
// path, as torch does).
void writeTorchFile(const TorchFile& file, Sink& sink, const std::string& folder = "archive");

// The folder torch.save names for a path: the file name without directory and
// extension ("/x/model.pt" gives "model"); "archive" when that is empty.
std::string archiveFolderFor(const std::string& path);

}  // namespace parity::io
