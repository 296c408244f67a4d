// What every TorchFile a reader accepts must satisfy (torch_file.h's
// promises): each tensor's view lies inside its storage, each storage's bytes
// hold numel elements, indices are in range. A violation aborts, so the
// fuzzer reports it as a finding.
#pragma once
#include <cstdio>
#include <cstdlib>

#include "parity/io/torch_file.h"

namespace parity::fuzz {

[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "accepted file breaks a promise: %s\n", what);
  std::abort();
}

inline void checkNode(const io::Node& n, const io::TorchFile& f, int depth) {
  if (depth > 100000) violated("nesting deeper than any limit");
  if (n.kind == io::Node::Kind::Tensor && n.tensor >= f.tensors.size())
    violated("tensor index out of range");
  for (const io::Node& c : n.items) checkNode(c, f, depth + 1);
  for (const auto& [k, v] : n.entries) {
    checkNode(k, f, depth + 1);
    checkNode(v, f, depth + 1);
  }
  if (n.state) checkNode(*n.state, f, depth + 1);
}

inline void checkFile(const io::TorchFile& f) {
  for (const io::StorageRecord& s : f.storages) {
    if (s.numel < 0) violated("negative storage numel");
    unsigned __int128 need = static_cast<unsigned __int128>(s.numel) * elementSize(s.dtype);
    if (need > s.bytes.size()) violated("storage record shorter than numel * itemsize");
    unsigned sum = 0;
    if (!s.bytes.empty()) sum = static_cast<unsigned>(s.bytes.front() ^ s.bytes.back());
    volatile unsigned sink = sum;
    (void)sink;
  }
  for (const io::TensorRecord& t : f.tensors) {
    if (t.storage >= f.storages.size()) violated("storage index out of range");
    if (t.sizes.size() != t.strides.size()) violated("sizes and strides differ in rank");
    if (t.storage_offset < 0) violated("negative storage offset");
    __int128 last = t.storage_offset, numel = 1;
    for (size_t d = 0; d < t.sizes.size(); ++d) {
      if (t.sizes[d] < 0 || t.strides[d] < 0) violated("negative size or stride");
      numel *= t.sizes[d];
      if (numel > (__int128{1} << 64)) numel = __int128{1} << 64;
      last += static_cast<__int128>(t.sizes[d] ? t.sizes[d] - 1 : 0) * t.strides[d];
    }
    if (numel > 0 && last >= f.storages[t.storage].numel) violated("view outside its storage");
  }
  checkNode(f.root, f, 0);
}

}  // namespace parity::fuzz
