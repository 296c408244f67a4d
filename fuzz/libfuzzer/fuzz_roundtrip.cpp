// libFuzzer: the writer against the reader. Whatever io::readTorchFile
// accepts is written back with io::writeTorchFile and read again; the two
// TorchFiles must be the same tree over the same tensors and storage bytes
// (../shared/notes/reliability.md §7 G2, round-trip targets). CRC checking is
// off on the first read so that mutations reach the pickle; the second read
// checks it, as the writer must write correct CRCs.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "check_file.h"
#include "parity/io/errors.h"
#include "parity/io/torch_file.h"

namespace {

using parity::io::Node;
using parity::io::TorchFile;

class StringSink : public parity::io::Sink {
 public:
  std::string bytes;
  void write(const void* data, size_t n) override {
    bytes.append(static_cast<const char*>(data), n);
  }
};

[[noreturn]] void differ(const char* what) {
  std::fprintf(stderr, "round trip changed the file: %s\n", what);
  std::abort();
}

void same(const Node& a, const Node& b) {
  if (a.kind != b.kind) differ("kind");
  if (a.b != b.b || a.i != b.i || std::memcmp(&a.f, &b.f, sizeof a.f) != 0 || a.s != b.s)
    differ("scalar");
  if (a.kind == Node::Kind::Tensor && a.tensor != b.tensor) differ("tensor index");
  if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
    differ("container size");
  for (size_t k = 0; k < a.items.size(); ++k) same(a.items[k], b.items[k]);
  for (size_t k = 0; k < a.entries.size(); ++k) {
    same(a.entries[k].first, b.entries[k].first);
    same(a.entries[k].second, b.entries[k].second);
  }
  if (a.kind == Node::Kind::Dict && a.ordered != b.ordered) differ("ordered");
  if (!a.state != !b.state) differ("state");
  if (a.state) same(*a.state, *b.state);
}

void same(const TorchFile& a, const TorchFile& b) {
  same(a.root, b.root);
  if (a.tensors.size() != b.tensors.size()) differ("tensor count");
  for (size_t k = 0; k < a.tensors.size(); ++k) {
    const auto &x = a.tensors[k], &y = b.tensors[k];
    if (x.storage != y.storage || x.storage_offset != y.storage_offset || x.sizes != y.sizes ||
        x.strides != y.strides || x.requires_grad != y.requires_grad)
      differ("tensor record");
  }
  if (a.storages.size() != b.storages.size()) differ("storage count");
  for (size_t k = 0; k < a.storages.size(); ++k) {
    const auto &x = a.storages[k], &y = b.storages[k];
    if (x.dtype != y.dtype || x.numel != y.numel || x.bytes.size() != y.bytes.size() ||
        (!x.bytes.empty() && std::memcmp(x.bytes.data(), y.bytes.data(), x.bytes.size()) != 0))
      differ("storage");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parity::io::LoadLimits lax;
  lax.verify_crc = false;
  TorchFile first;
  try {
    first = parity::io::readTorchFile(nullptr, {reinterpret_cast<const std::byte*>(data), size},
                                      lax, "fuzz");
  } catch (const parity::io::SerializationError&) {
    return 0;
  }
  parity::fuzz::checkFile(first);
  StringSink sink;
  parity::io::writeTorchFile(first, sink);
  auto image = std::make_shared<std::string>(std::move(sink.bytes));
  TorchFile second;
  try {
    second = parity::io::readTorchFile(
        image, {reinterpret_cast<const std::byte*>(image->data()), image->size()}, {}, "again");
  } catch (const parity::io::SerializationError& e) {
    std::fprintf(stderr, "the writer's file is rejected: %s\n", e.what());
    std::abort();
  }
  same(first, second);
  return 0;
}
