// Internal: the two halves of save/load, between an engine Value and the
// engine-neutral io::TorchFile. Not part of the public API.
#pragma once
#include "parity/io/torch_file.h"
#include "parity/ref/serialize.h"

namespace parity::ref::detail {

// The file's storage records point into the tensors' own buffers: `v` must
// outlive the returned TorchFile.
io::TorchFile to_torch_file(const Value& v);
// Copies every storage record into a fresh buffer of this engine.
Value from_torch_file(const io::TorchFile& file);

}  // namespace parity::ref::detail
