// TensorImpl: one strided view of a Storage. Sizes and strides sit inline
// (DimVector), so a view of an ordinary tensor is a single allocation.
#pragma once
#include <cstdint>

#include "parity/fast/intrusive_ptr.h"
#include "parity/fast/small_vector.h"
#include "parity/fast/storage.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast {

class TensorImpl : public RefCounted {
 public:
  TensorImpl(
      Storage storage, ScalarType dtype, DimVector sizes, DimVector strides, int64_t storage_offset)
      : storage_(std::move(storage)),
        sizes_(std::move(sizes)),
        strides_(std::move(strides)),
        storage_offset_(storage_offset),
        dtype_(dtype) {
    refresh();
  }
  static void destroy(TensorImpl* t) { delete t; }

  const Storage& storage() const { return storage_; }
  StorageImpl* storage_impl() const { return storage_.unsafeGetStorageImpl(); }
  const DimVector& sizes() const { return sizes_; }
  const DimVector& strides() const { return strides_; }
  int64_t storage_offset() const { return storage_offset_; }
  int64_t dim() const { return static_cast<int64_t>(sizes_.size()); }
  int64_t numel() const { return numel_; }
  ScalarType dtype() const { return dtype_; }
  size_t itemsize() const { return elementSize(dtype_); }
  bool is_contiguous() const { return is_contiguous_; }
  bool requires_grad() const { return requires_grad_; }
  void set_requires_grad(bool r) { requires_grad_ = r; }
  // Address of element [0, ..., 0]; the buffer never moves, so it is cached.
  char* data() const { return data_; }

 private:
  void refresh();

  Storage storage_;
  DimVector sizes_;
  DimVector strides_;
  int64_t storage_offset_ = 0;
  int64_t numel_ = 1;
  char* data_ = nullptr;
  ScalarType dtype_;
  bool is_contiguous_ = true;
  bool requires_grad_ = false;
};

}  // namespace parity::fast
