// The data.pkl writer: pickle protocol 2 as CPython's Pickler writes
// torch.save's objects, memo numbering included, so that simple files are
// byte-identical to python3-torch 1.13's.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "parity/io/torch_file.h"

namespace parity::io {

struct PickleOutput {
  std::string bytes;
  // storage_for_key[k]: the TorchFile::storages index saved as record
  // data/<k>; keys count up in the order the pickle first names a storage.
  std::vector<size_t> storage_for_key;
};

// Checks every tensor against its storage first (a writer never produces a
// file the reader refuses); throws SerializationError.
PickleOutput writePickle(const TorchFile& file);

}  // namespace parity::io
