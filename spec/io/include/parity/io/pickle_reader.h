// The data-only pickle machine for data.pkl. It implements exactly the
// opcodes torch.save's protocol-2 pickles use; GLOBAL resolves against a
// compiled-in table (collections.OrderedDict, torch._utils._rebuild_tensor_v2,
// torch._utils._rebuild_parameter, torch.<T>Storage for parity's ten dtypes)
// to tags, and REDUCE / NEWOBJ / BUILD / BINPERSID build only the
// (tag, argument shape) pairs below. Nothing is imported, called or
// executed; every size is checked before it is used.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "parity/io/limits.h"
#include "parity/io/torch_file.h"

namespace parity::io {

// The bytes of storage record `key` ("0"), or nullopt when there is none.
using StorageLookup =
    std::function<std::optional<std::span<const std::byte>>(const std::string& key)>;

struct PickleInput {
  std::span<const std::byte> bytes;
  std::string name = "archive/data.pkl";        // prefixes messages
  std::string record_prefix = "archive/data/";  // names storage records in messages
  StorageLookup storage;                        // null: every storage is missing
};

// Returns the value tree with its tensors and storages (storages in the
// order the pickle first names them). `image` is left empty. Throws
// SerializationError.
TorchFile readPickle(const PickleInput& in, const LoadLimits& limits = {});

}  // namespace parity::io
