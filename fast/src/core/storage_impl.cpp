#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "core/allocator.h"
#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "parity/fast/storage.h"

namespace parity::fast {
namespace {
// Buffers up to this size share one allocation with their StorageImpl:
// small tensors then cost two mallocs (impl + storage), not three.
constexpr size_t kCoAllocateBytes = 4096;
constexpr size_t kHeaderBytes = (sizeof(StorageImpl) + 63) / 64 * 64;
// The large-block capacity is needed again to give the block back.
struct LargeHeader {
  size_t capacity;
};
}  // namespace

IntrusivePtr<StorageImpl> StorageImpl::create(size_t nbytes, bool zero) {
  if (nbytes <= kCoAllocateBytes) {
    void* raw = std::aligned_alloc(64, kHeaderBytes + (nbytes + 63) / 64 * 64);
    if (!raw) throw std::bad_alloc();
    auto* s = new (raw) StorageImpl();
    s->data_ = static_cast<char*>(raw) + kHeaderBytes;
    s->nbytes_ = nbytes;
    s->co_allocated_ = true;
    if (zero && nbytes) std::memset(s->data_, 0, nbytes);
    return IntrusivePtr<StorageImpl>(s);
  }
  core::Block b = core::allocate(nbytes + 64);
  auto* s = new StorageImpl();
  // The capacity rides in front of the data only for bookkeeping; data
  // stays 64-byte aligned by starting one cache line in.
  static_assert(sizeof(LargeHeader) <= 64);
  s->data_ = static_cast<char*>(b.ptr) + 64;
  static_cast<LargeHeader*>(b.ptr)->capacity = b.capacity;
  s->nbytes_ = nbytes;
  if (zero && !b.zeroed) std::memset(s->data_, 0, nbytes);
  return IntrusivePtr<StorageImpl>(s);
}

// Caller memory (create_external) costs ordinary buffers one pointer: the
// header of a co-allocated buffer stays one cache line.
static_assert(sizeof(StorageImpl) <= 64, "StorageImpl grew past one cache line");

struct StorageImpl::External {
  std::function<void(void*)> deleter;
};

IntrusivePtr<StorageImpl> StorageImpl::create_external(void* data,
                                                       size_t nbytes,
                                                       std::function<void(void*)> deleter) {
  auto* s = new StorageImpl();
  s->data_ = data;
  s->nbytes_ = nbytes;
  s->external_ = new External{std::move(deleter)};
  return IntrusivePtr<StorageImpl>(s);
}

void StorageImpl::destroy(StorageImpl* s) {
  if (s->external_) {
    // Deleted before the deleter runs, so that a throwing deleter leaks
    // nothing of ours.
    std::unique_ptr<External> ext(s->external_);
    void* data = s->data_;
    delete s;
    if (ext->deleter) ext->deleter(data);
    return;
  }
  if (s->co_allocated_) {
    s->~StorageImpl();
    std::free(s);
    return;
  }
  void* base = static_cast<char*>(s->data_) - 64;
  core::deallocate(base, static_cast<LargeHeader*>(base)->capacity);
  delete s;
}

namespace {
int64_t wrap_storage_index(int64_t i, int64_t size) {
  int64_t j = i < 0 ? i + size : i;
  if (j < 0 || j >= size)
    throw IndexError("index " + std::to_string(i) + " out of range for storage of size " +
                     std::to_string(size));
  return j;
}
}  // namespace

Scalar Storage::get(int64_t i) const {
  int64_t j = wrap_storage_index(i, size());
  return core::dispatch_dtype(dtype_, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return core::element_to_scalar(static_cast<const T*>(impl_->data())[j]);
  });
}

void Storage::set(int64_t i, Scalar v) const {
  int64_t j = wrap_storage_index(i, size());
  core::dispatch_dtype(dtype_, [&](auto tag) {
    using T = typename decltype(tag)::type;
    static_cast<T*>(impl_->data())[j] = core::checked_scalar_to<T>(v);
  });
}

}  // namespace parity::fast
