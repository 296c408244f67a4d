// Tensor: a handle on (storage, dtype, sizes, strides, storage offset), the
// strided model of at::Tensor. Copying a Tensor aliases it, as in LibTorch.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "parity/ref/storage.h"
#include "parity/ref/tensor_index.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref {

struct TensorImpl;  // the metadata record; defined in src/tensor_impl.h

class Tensor {
 public:
  Tensor() = default;  // undefined, as a default at::Tensor
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // --- metadata (tensor.cpp)
  bool defined() const { return impl_ != nullptr; }
  IntArrayRef sizes() const;
  IntArrayRef strides() const;
  int64_t size(int64_t dim) const;
  int64_t stride(int64_t dim) const;
  int64_t storage_offset() const;
  int64_t dim() const;
  int64_t ndimension() const { return dim(); }
  int64_t numel() const;
  ScalarType scalar_type() const;
  ScalarType dtype() const { return scalar_type(); }
  size_t element_size() const { return elementSize(scalar_type()); }
  Device device() const { return Device(kCPU); }
  TensorOptions options() const;
  bool is_contiguous() const;
  bool is_alias_of(const Tensor& other) const;
  Storage storage() const;
  int64_t _version() const;
  bool requires_grad() const;
  const Tensor& requires_grad_(bool requires_grad = true) const;

  // --- element access (item.cpp)
  void* data_ptr() const;
  template <class T>
  T* data_ptr() const;  // T must be the dtype's C++ type
  Scalar item() const;
  template <class T>
  T item() const;

  // --- views: share storage, never copy (views.cpp)
  Tensor view(IntArrayRef size) const;
  Tensor reshape(IntArrayRef shape) const;
  Tensor transpose(int64_t dim0, int64_t dim1) const;
  Tensor t() const;
  Tensor permute(IntArrayRef dims) const;
  Tensor unsqueeze(int64_t dim) const;
  Tensor squeeze() const;
  Tensor squeeze(int64_t dim) const;
  Tensor expand(IntArrayRef size) const;
  Tensor expand_as(const Tensor& other) const;
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  Tensor select(int64_t dim, int64_t index) const;
  Tensor slice(int64_t dim = 0,
               std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt,
               int64_t step = 1) const;
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  Tensor operator[](int64_t index) const;

  // --- Python subscripts (indexing.cpp)
  Tensor index(std::initializer_list<TensorIndex> indices) const;
  Tensor index(const std::vector<TensorIndex>& indices) const;
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Scalar& v) const;
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Tensor& v) const;
  Tensor& index_put_(const std::vector<TensorIndex>& indices, const Scalar& v) const;
  Tensor& index_put_(const std::vector<TensorIndex>& indices, const Tensor& v) const;

  // --- copies and writes (copy.cpp)
  Tensor contiguous() const;
  Tensor clone() const;
  Tensor to(ScalarType dtype) const;
  Tensor to(Device device) const;
  Tensor to(DeviceType type) const { return to(Device(type)); }  // to(kCPU): not ambiguous
  Tensor to(Device device, ScalarType dtype) const;
  Tensor to(TensorOptions options) const;
  Tensor& copy_(const Tensor& src) const;
  Tensor& fill_(const Scalar& value) const;
  Tensor& zero_() const;

  // --- arithmetic (binary_ops.cpp, unary_ops.cpp); Scalar `other` is a
  // wrapped number, lowest in type promotion
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor mul(const Tensor& other) const;
  Tensor mul(const Scalar& other) const;
  Tensor div(const Tensor& other) const;
  Tensor div(const Scalar& other) const;
  Tensor div(const Tensor& other, std::optional<std::string_view> rounding_mode) const;
  Tensor div(const Scalar& other, std::optional<std::string_view> rounding_mode) const;
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& mul_(const Tensor& other) const;
  Tensor& mul_(const Scalar& other) const;
  Tensor& div_(const Tensor& other) const;
  Tensor& div_(const Scalar& other) const;
  Tensor& div_(const Tensor& other, std::optional<std::string_view> rounding_mode) const;
  Tensor& div_(const Scalar& other, std::optional<std::string_view> rounding_mode) const;
  Tensor neg() const;

  // --- comparisons, result kBool (compare_ops.cpp)
  Tensor eq(const Tensor& other) const;
  Tensor eq(const Scalar& other) const;
  Tensor ne(const Tensor& other) const;
  Tensor ne(const Scalar& other) const;
  Tensor lt(const Tensor& other) const;
  Tensor lt(const Scalar& other) const;
  Tensor le(const Tensor& other) const;
  Tensor le(const Scalar& other) const;
  Tensor gt(const Tensor& other) const;
  Tensor gt(const Scalar& other) const;
  Tensor ge(const Tensor& other) const;
  Tensor ge(const Scalar& other) const;

  // --- C++ operators that are members in LibTorch (operators.cpp)
  Tensor operator-() const { return neg(); }
  Tensor& operator+=(const Tensor& other) const { return add_(other); }
  Tensor& operator+=(const Scalar& other) const { return add_(other); }
  Tensor& operator-=(const Tensor& other) const { return sub_(other); }
  Tensor& operator-=(const Scalar& other) const { return sub_(other); }
  Tensor& operator*=(const Tensor& other) const { return mul_(other); }
  Tensor& operator*=(const Scalar& other) const { return mul_(other); }
  Tensor& operator/=(const Tensor& other) const { return div_(other); }
  Tensor& operator/=(const Scalar& other) const { return div_(other); }

  const std::shared_ptr<TensorImpl>& impl() const { return impl_; }

 private:
  const TensorImpl& checked_impl() const;

  std::shared_ptr<TensorImpl> impl_;
};

}  // namespace parity::ref
