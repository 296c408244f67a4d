// TensorIndex: one element of a Python subscript, as torch::indexing's
// TensorIndex: an integer, None, Ellipsis, a Slice or a bool.
#pragma once
#include <cstdint>
#include <optional>
#include <type_traits>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

class TensorIndex {
 public:
  enum class Kind { None, Ellipsis, Integer, Boolean, Slice };

  TensorIndex(std::nullopt_t) : kind_(Kind::None) {}                   // NOLINT
  TensorIndex(indexing::EllipsisIndexType) : kind_(Kind::Ellipsis) {}  // NOLINT
  TensorIndex(indexing::Slice s) : kind_(Kind::Slice), slice_(s) {}    // NOLINT
  TensorIndex(bool b) : kind_(Kind::Boolean), boolean_(b) {}           // NOLINT
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  TensorIndex(T i) : kind_(Kind::Integer), integer_(static_cast<int64_t>(i)) {}  // NOLINT

  Kind kind() const { return kind_; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_ellipsis() const { return kind_ == Kind::Ellipsis; }
  bool is_integer() const { return kind_ == Kind::Integer; }
  bool is_boolean() const { return kind_ == Kind::Boolean; }
  bool is_slice() const { return kind_ == Kind::Slice; }
  int64_t integer() const { return integer_; }
  bool boolean() const { return boolean_; }
  const indexing::Slice& slice() const { return slice_; }

 private:
  Kind kind_;
  int64_t integer_ = 0;
  bool boolean_ = false;
  indexing::Slice slice_;
};

}  // namespace parity::ref
