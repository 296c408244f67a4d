// Tensor: a handle on a TensorImpl with LibTorch's at::Tensor surface
// (spec/API.md). Copying a Tensor aliases it.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "parity/fast/intrusive_ptr.h"
#include "parity/fast/storage.h"
#include "parity/fast/tensor_impl.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast {

// One element of a subscript, as torch::indexing::TensorIndex.
class TensorIndex {
 public:
  enum class Kind { Integer, None, Ellipsis, Slice, Boolean };

  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  TensorIndex(T i) : kind_(Kind::Integer), integer_(static_cast<int64_t>(i)) {}  // NOLINT
  TensorIndex(std::nullopt_t) : kind_(Kind::None) {}                             // NOLINT
  TensorIndex(indexing::EllipsisIndexType) : kind_(Kind::Ellipsis) {}            // NOLINT
  TensorIndex(indexing::Slice s) : kind_(Kind::Slice), slice_(s) {}              // NOLINT
  TensorIndex(bool b) : kind_(Kind::Boolean), boolean_(b) {}                     // NOLINT

  Kind kind() const { return kind_; }
  bool is_integer() const { return kind_ == Kind::Integer; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_ellipsis() const { return kind_ == Kind::Ellipsis; }
  bool is_slice() const { return kind_ == Kind::Slice; }
  bool is_boolean() const { return kind_ == Kind::Boolean; }
  int64_t integer() const { return integer_; }
  const indexing::Slice& slice() const { return slice_; }
  bool boolean() const { return boolean_; }

 private:
  Kind kind_;
  int64_t integer_ = 0;
  indexing::Slice slice_;
  bool boolean_ = false;
};

// The argument of tensor(): a scalar leaf or a braced list of NestedLists.
class NestedList {
 public:
  NestedList() : is_list_(true) {}  // `{}`: an empty list
  NestedList(bool b) : leaf_(b) {}  // NOLINT
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  NestedList(T v) : leaf_(static_cast<int64_t>(v)) {}                             // NOLINT
  NestedList(float v) : leaf_(static_cast<double>(v)) {}                          // NOLINT
  NestedList(double v) : leaf_(v) {}                                              // NOLINT
  NestedList(std::initializer_list<NestedList> l) : is_list_(true), items_(l) {}  // NOLINT

  bool is_list() const { return is_list_; }
  const Scalar& leaf() const { return leaf_; }
  const std::vector<NestedList>& items() const { return items_; }

 private:
  bool is_list_ = false;
  Scalar leaf_;
  std::vector<NestedList> items_;
};

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(IntrusivePtr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // --- metadata -----------------------------------------------------------
  bool defined() const { return static_cast<bool>(impl_); }
  IntArrayRef sizes() const { return impl_->sizes().ref(); }
  IntArrayRef strides() const { return impl_->strides().ref(); }
  int64_t size(int64_t d) const;
  int64_t stride(int64_t d) const;
  int64_t storage_offset() const { return impl_->storage_offset(); }
  int64_t dim() const { return impl_->dim(); }
  int64_t ndimension() const { return impl_->dim(); }
  int64_t numel() const { return impl_->numel(); }
  ScalarType scalar_type() const { return impl_->dtype(); }
  ScalarType dtype() const { return impl_->dtype(); }
  int64_t element_size() const { return static_cast<int64_t>(impl_->itemsize()); }
  Device device() const { return Device(kCPU); }
  TensorOptions options() const { return TensorOptions(dtype()).device(device()); }
  bool is_contiguous() const { return impl_->is_contiguous(); }
  bool is_alias_of(const Tensor& other) const {
    return impl_->storage_impl() == other.impl_->storage_impl();
  }
  const Storage& storage() const { return impl_->storage(); }
  int64_t _version() const { return impl_->storage_impl()->version(); }
  bool requires_grad() const { return impl_->requires_grad(); }
  Tensor& requires_grad_(bool r = true);

  template <class T>
  T* data_ptr() const;
  void* data_ptr() const { return impl_->data(); }
  template <class T>
  T item() const;
  Scalar item() const;

  // --- views (share storage) ---------------------------------------------
  Tensor view(IntArrayRef shape) const;
  Tensor reshape(IntArrayRef shape) const;
  Tensor transpose(int64_t d0, int64_t d1) const;
  Tensor t() const;
  Tensor permute(IntArrayRef dims) const;
  Tensor unsqueeze(int64_t d) const;
  Tensor squeeze() const;
  Tensor squeeze(int64_t d) const;
  Tensor expand(IntArrayRef sizes) const;
  Tensor expand_as(const Tensor& other) const { return expand(other.sizes()); }
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  Tensor select(int64_t dim, int64_t index) const;
  Tensor slice(int64_t dim = 0,
               std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt,
               int64_t step = 1) const;
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  Tensor operator[](int64_t index) const { return select(0, index); }
  Tensor index(std::initializer_list<TensorIndex> indices) const;
  Tensor index(const std::vector<TensorIndex>& indices) const;

  // --- copies and writes --------------------------------------------------
  Tensor contiguous() const;
  Tensor clone() const;
  Tensor to(ScalarType dtype) const;
  Tensor to(Device device) const;
  Tensor to(DeviceType type) const { return to(Device(type)); }
  Tensor to(Device device, ScalarType dtype) const;
  Tensor to(TensorOptions options) const;
  Tensor& copy_(const Tensor& src);
  Tensor& fill_(Scalar value);
  Tensor& zero_();
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, Scalar value);
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Tensor& value);
  Tensor& index_put_(const std::vector<TensorIndex>& indices, Scalar value);
  Tensor& index_put_(const std::vector<TensorIndex>& indices, const Tensor& value);

  // --- operators (spec/API.md, "Operators, first slice") -----------------
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
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1);
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1);
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1);
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1);
  Tensor& mul_(const Tensor& other);
  Tensor& mul_(const Scalar& other);
  Tensor& div_(const Tensor& other);
  Tensor& div_(const Scalar& other);
  Tensor& div_(const Tensor& other, std::optional<std::string_view> rounding_mode);
  Tensor& div_(const Scalar& other, std::optional<std::string_view> rounding_mode);
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
  Tensor neg() const;
  Tensor operator-() const { return neg(); }
  Tensor& operator+=(const Tensor& other) { return add_(other); }
  Tensor& operator+=(const Scalar& other) { return add_(other); }
  Tensor& operator-=(const Tensor& other) { return sub_(other); }
  Tensor& operator-=(const Scalar& other) { return sub_(other); }
  Tensor& operator*=(const Tensor& other) { return mul_(other); }
  Tensor& operator*=(const Scalar& other) { return mul_(other); }
  Tensor& operator/=(const Tensor& other) { return div_(other); }
  Tensor& operator/=(const Scalar& other) { return div_(other); }

  TensorImpl* unsafeGetTensorImpl() const { return impl_.get(); }
  // Same TensorImpl (not merely the same storage).
  bool is_same(const Tensor& o) const { return impl_ == o.impl_; }

 private:
  IntrusivePtr<TensorImpl> impl_;
};

}  // namespace parity::fast
