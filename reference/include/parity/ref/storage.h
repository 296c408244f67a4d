// Storage: the refcounted flat buffer that every view of a tensor shares.
// Mirrors torch.TypedStorage as Python shows it: typed by the dtype of the
// tensor it came from, indexed by element, printed one element per line.
#pragma once
#include <cstddef>
#include <cstdint>
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
struct StorageImpl {
  std::vector<std::byte> bytes;
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
