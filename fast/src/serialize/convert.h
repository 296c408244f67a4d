// Internal: Value <-> io::TorchFile for the fast engine (save.cpp, load.cpp).
#pragma once
#include "parity/fast/serialize.h"
#include "parity/io/torch_file.h"

namespace parity::fast::serialize {

// Storage records point into the tensors' buffers: `v` must outlive it.
io::TorchFile to_file(const Value& v);
// Fresh buffers, the records' bytes copied in (in parallel when large).
Value from_file(const io::TorchFile& file);
// memcpy split across the engine's threads above a few MiB.
void copy_bytes(void* dst, const void* src, size_t n);

}  // namespace parity::fast::serialize
