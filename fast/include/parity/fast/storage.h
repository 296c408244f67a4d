// StorageImpl is the refcounted buffer every view of a tensor shares; Storage
// is the handle Tensor::storage() returns (Python's TypedStorage: the
// element type is the dtype of the tensor it came from).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

#include "parity/fast/intrusive_ptr.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast {

class StorageImpl : public RefCounted {
 public:
  // zero: the caller wants the bytes zeroed (fresh pages from the OS
  // already are, so the allocator may skip the memset).
  static IntrusivePtr<StorageImpl> create(size_t nbytes, bool zero = false);
  // Caller-owned memory (from_blob): never freed here; `deleter` (may be
  // empty) runs once when the last reference goes.
  static IntrusivePtr<StorageImpl> create_external(void* data,
                                                   size_t nbytes,
                                                   std::function<void(void*)> deleter);
  static void destroy(StorageImpl* s);
  bool is_external() const { return external_ != nullptr; }

  void* data() const { return data_; }
  size_t nbytes() const { return nbytes_; }
  // Note [version counter]: one counter per buffer, shared by every view,
  // bumped once by each in-place write through a Tensor (not by Storage::set,
  // as in torch, whose TypedStorage writes through a fresh tensor).
  int64_t version() const { return version_; }
  void bump_version() { ++version_; }

 private:
  StorageImpl() = default;
  ~StorageImpl() = default;
  void* data_ = nullptr;
  size_t nbytes_ = 0;
  int64_t version_ = 0;
  // Small buffers live right after this header in one allocation.
  bool co_allocated_ = false;
  // Caller memory and its deleter, out of line so that the header of an
  // ordinary buffer stays one cache line.
  struct External;
  External* external_ = nullptr;
};

class Storage {
 public:
  // What `s[i]` returns: reads as a Scalar, takes `= Scalar`.
  class ElementRef {
   public:
    ElementRef(const Storage& s, int64_t i) : s_(s), i_(i) {}
    operator Scalar() const { return s_.get(i_); }  // NOLINT: reads like Python's s[i]
    ElementRef& operator=(Scalar v) {
      s_.set(i_, v);
      return *this;
    }
    ElementRef& operator=(const ElementRef& o) { return *this = static_cast<Scalar>(o); }

   private:
    const Storage& s_;
    int64_t i_;
  };

  Storage() = default;
  Storage(IntrusivePtr<StorageImpl> impl, ScalarType dtype)
      : impl_(std::move(impl)), dtype_(dtype) {}

  bool defined() const { return static_cast<bool>(impl_); }
  int64_t size() const { return static_cast<int64_t>(impl_->nbytes() / elementSize(dtype_)); }
  int64_t nbytes() const { return static_cast<int64_t>(impl_->nbytes()); }
  ScalarType dtype() const { return dtype_; }
  void* data_ptr() const { return impl_->data(); }
  int64_t use_count() const { return impl_.use_count(); }
  bool is_alias_of(const Storage& o) const { return impl_ == o.impl_; }

  // Python's TypedStorage indexing: negative indices wrap, others throw
  // IndexError "index 10 out of range for storage of size 4".
  Scalar get(int64_t i) const;
  void set(int64_t i, Scalar v) const;
  ElementRef operator[](int64_t i) const { return ElementRef(*this, i); }

  StorageImpl* unsafeGetStorageImpl() const { return impl_.get(); }

 private:
  IntrusivePtr<StorageImpl> impl_;
  ScalarType dtype_ = kFloat;
};

std::string repr(const Storage& s);
std::ostream& operator<<(std::ostream& os, const Storage& s);

}  // namespace parity::fast
