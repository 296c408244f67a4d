// Storage: the refcounted flat buffer that every view of a tensor shares.
// Mirrors torch.TypedStorage as Python shows it: typed by the dtype of the
// tensor it came from, indexed by element, printed one element per line.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

// The buffer itself. Untyped bytes, as c10::StorageImpl: the dtype lives on
// each tensor (and on each Storage handle), not here.
// Note [version counter]: torch keeps one version counter per family of
// views; in this API every tensor sharing a buffer is a view of the same
// base, so the counter lives with the buffer. Every in-place tensor write
// bumps it once.
// The bytes a buffer holds: its own (a vector, as every factory makes), or
// caller-owned memory lent by from_blob, whose deleter runs once when the
// buffer goes away. Spelled like the std::vector it replaces, so that code
// reading `bytes` sees one kind of buffer.
class StorageBytes {
 public:
  StorageBytes() = default;
  StorageBytes(std::vector<std::byte> owned) : owned_(std::move(owned)) {}  // NOLINT
  StorageBytes(void* external, size_t nbytes, std::function<void(void*)> deleter)
      : external_(static_cast<std::byte*>(external)),
        external_size_(nbytes),
        deleter_(std::move(deleter)),
        is_external_(true) {}
  // A copy owns its bytes; only the original runs the deleter.
  StorageBytes(const StorageBytes& o) : owned_(o.begin(), o.end()) {}
  StorageBytes& operator=(const StorageBytes& o) {
    if (this != &o) *this = std::vector<std::byte>(o.begin(), o.end());
    return *this;
  }
  // A move hands the caller memory (and its deleter) over.
  StorageBytes(StorageBytes&& o) noexcept { swap(o); }
  StorageBytes& operator=(StorageBytes&& o) noexcept {
    StorageBytes(std::move(o)).swap(*this);
    return *this;
  }
  StorageBytes& operator=(std::vector<std::byte> owned) {
    return *this = StorageBytes(std::move(owned));
  }
  ~StorageBytes();
  void swap(StorageBytes& o) noexcept;

  std::byte* data() { return is_external_ ? external_ : owned_.data(); }
  const std::byte* data() const { return is_external_ ? external_ : owned_.data(); }
  size_t size() const { return is_external_ ? external_size_ : owned_.size(); }
  bool empty() const { return size() == 0; }
  std::byte& operator[](size_t i) { return data()[i]; }
  const std::byte& operator[](size_t i) const { return data()[i]; }
  std::byte* begin() { return data(); }
  std::byte* end() { return data() + size(); }
  const std::byte* begin() const { return data(); }
  const std::byte* end() const { return data() + size(); }
  // Owned bytes only: caller memory cannot grow (throws Error).
  void resize(size_t n);
  template <class It>
  void assign(It first, It last) {
    *this = std::vector<std::byte>(first, last);
  }
  bool is_external() const { return is_external_; }

 private:
  std::vector<std::byte> owned_;
  std::byte* external_ = nullptr;
  size_t external_size_ = 0;
  std::function<void(void*)> deleter_;
  bool is_external_ = false;
};

struct StorageImpl {
  StorageBytes bytes;
  int64_t version = 0;
};

class Storage {
 public:
  Storage(std::shared_ptr<StorageImpl> impl, ScalarType dtype);

  int64_t size() const;  // in elements of dtype()
  size_t nbytes() const;
  ScalarType dtype() const { return dtype_; }
  void* data_ptr() const;
  long use_count() const { return impl_.use_count(); }

  // Python's storage[i] and storage[i] = v: negative i wraps once.
  Scalar get(int64_t i) const;
  void set(int64_t i, Scalar v) const;

  // What operator[] returns: reads as a Scalar, takes `= Scalar`. It holds
  // its own reference to the buffer, so it may outlive the Storage handle.
  class ElementRef {
   public:
    ElementRef(std::shared_ptr<StorageImpl> impl, ScalarType dtype, int64_t i)
        : impl_(std::move(impl)), dtype_(dtype), index_(i) {}
    operator Scalar() const;  // NOLINT: a proxy converts implicitly
    ElementRef& operator=(const Scalar& v);

   private:
    std::shared_ptr<StorageImpl> impl_;
    ScalarType dtype_;
    int64_t index_;
  };
  ElementRef operator[](int64_t i) const { return ElementRef(impl_, dtype_, i); }

  const std::shared_ptr<StorageImpl>& impl() const { return impl_; }

 private:
  std::byte* element_address(int64_t i) const;

  std::shared_ptr<StorageImpl> impl_;
  ScalarType dtype_;
};

}  // namespace parity::ref
