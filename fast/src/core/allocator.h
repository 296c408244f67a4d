// The host allocator behind every StorageImpl.
#pragma once
#include <cstddef>

namespace parity::fast::core {

struct Block {
  void* ptr = nullptr;
  size_t capacity = 0;  // bytes actually reserved (>= requested)
  bool zeroed = false;  // fresh pages from the kernel: already all zero
};

// Buffers at or above this size come from the large-block path (mmap, huge
// pages, reuse); smaller ones from malloc, whose thread caches are fast.
inline constexpr size_t kLargeBlockBytes = size_t{1} << 20;

Block allocate(size_t nbytes);
void deallocate(void* ptr, size_t capacity);
// Gives cached large blocks back to the kernel (tests, memory pressure).
void release_cached_blocks();

}  // namespace parity::fast::core
