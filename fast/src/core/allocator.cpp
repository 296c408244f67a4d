#include "core/allocator.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#include <new>

namespace parity::fast::core {
namespace {

constexpr size_t kAlignment = 64;  // a cache line, and what AVX-512 loads like
constexpr size_t kHugePage = size_t{2} << 20;
// Freed large blocks kept for reuse, at most this many bytes in all: enough
// for a few 64 MiB temporaries of a benchmark loop, small next to RAM.
constexpr size_t kMaxCachedBytes = size_t{1} << 30;

size_t round_up(size_t n, size_t m) { return (n + m - 1) / m * m; }

// Why a cache at all: a fresh 64 MiB output costs ~16k page faults on first
// touch; a reused block costs none (see shared/notes/performance-baseline.md).
class LargeBlockCache {
 public:
  Block take(size_t nbytes) {
    size_t want = round_up(nbytes, kHugePage);
    {
      std::lock_guard<std::mutex> lock(mu_);
      // Best fit, but never waste more than a quarter of a reused block.
      auto it = free_.lower_bound(want);
      if (it != free_.end() && it->first - want <= it->first / 4) {
        Block b{it->second, it->first, false};
        cached_bytes_ -= it->first;
        free_.erase(it);
        return b;
      }
    }
    return map_fresh(want);
  }

  void give(void* p, size_t capacity) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (cached_bytes_ + capacity <= kMaxCachedBytes) {
        free_.emplace(capacity, p);
        cached_bytes_ += capacity;
        return;
      }
    }
    munmap(p, capacity);
  }

  void release() {
    std::multimap<size_t, void*> drop;
    {
      std::lock_guard<std::mutex> lock(mu_);
      drop.swap(free_);
      cached_bytes_ = 0;
    }
    for (auto& [cap, p] : drop) munmap(p, cap);
  }

  ~LargeBlockCache() { release(); }

 private:
  static Block map_fresh(size_t want) {
    // Over-map by one huge page so the block can start on a 2 MiB boundary,
    // which transparent huge pages need; trim the slack on both sides.
    size_t span = want + kHugePage;
    void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto addr = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = round_up(addr, kHugePage);
    if (aligned > addr) munmap(raw, aligned - addr);
    size_t tail = (addr + span) - (aligned + want);
    if (tail) munmap(reinterpret_cast<void*>(aligned + want), tail);
    void* p = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
    madvise(p, want, MADV_HUGEPAGE);  // advisory: failure only costs speed
#endif
    return Block{p, want, true};
  }

  std::mutex mu_;
  std::multimap<size_t, void*> free_;
  size_t cached_bytes_ = 0;
};

LargeBlockCache& cache() {
  // Leaked on purpose: storages may die during static destruction.
  static auto* c = new LargeBlockCache();
  return *c;
}

}  // namespace

Block allocate(size_t nbytes) {
  if (nbytes >= kLargeBlockBytes) return cache().take(nbytes);
  size_t cap = round_up(nbytes == 0 ? 1 : nbytes, kAlignment);
  void* p = std::aligned_alloc(kAlignment, cap);
  if (!p) throw std::bad_alloc();
  return Block{p, cap, false};
}

void deallocate(void* ptr, size_t capacity) {
  if (!ptr) return;
  if (capacity >= kLargeBlockBytes) {
    cache().give(ptr, capacity);
  } else {
    std::free(ptr);
  }
}

void release_cached_blocks() { cache().release(); }

}  // namespace parity::fast::core
