// Vocabulary: a number of one of Python's three kinds (bool, int, float),
// like c10::Scalar. Which dtype it becomes is each engine's decision.
#pragma once
#include <cstdint>
#include <type_traits>

namespace parity {

class Scalar {
 public:
  enum class Kind { Bool, Int, Double };

  Scalar() : Scalar(int64_t{0}) {}
  Scalar(bool b) : kind_(Kind::Bool), i_(b) {}  // NOLINT: implicit as in c10
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  Scalar(T v) : kind_(Kind::Int), i_(static_cast<int64_t>(v)) {}  // NOLINT
  template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  Scalar(T v) : kind_(Kind::Double), d_(static_cast<double>(v)) {}  // NOLINT

  Kind kind() const { return kind_; }
  bool isBoolean() const { return kind_ == Kind::Bool; }
  bool isIntegral(bool includeBool) const {
    return kind_ == Kind::Int || (includeBool && kind_ == Kind::Bool);
  }
  bool isFloatingPoint() const { return kind_ == Kind::Double; }

  double toDouble() const { return kind_ == Kind::Double ? d_ : static_cast<double>(i_); }
  int64_t toLong() const { return kind_ == Kind::Double ? static_cast<int64_t>(d_) : i_; }
  bool toBool() const { return kind_ == Kind::Double ? d_ != 0.0 : i_ != 0; }

 private:
  Kind kind_;
  int64_t i_ = 0;
  double d_ = 0.0;
};

}  // namespace parity
