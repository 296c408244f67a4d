// NestedList: the argument of tensor(), standing in for a Python nested
// list of numbers, so tensor({{1, 2}, {3, 4}}) compiles.
#pragma once
#include <initializer_list>
#include <type_traits>
#include <vector>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

class NestedList {
 public:
  NestedList(bool b) : is_scalar_(true), value_(b) {}  // NOLINT: implicit by design
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  NestedList(T v) : is_scalar_(true), value_(v) {}                        // NOLINT
  NestedList(float v) : is_scalar_(true), value_(v) {}                    // NOLINT
  NestedList(double v) : is_scalar_(true), value_(v) {}                   // NOLINT
  NestedList(std::initializer_list<NestedList> items) : items_(items) {}  // NOLINT

  bool is_scalar() const { return is_scalar_; }
  const Scalar& scalar() const { return value_; }
  const std::vector<NestedList>& items() const { return items_; }

 private:
  bool is_scalar_ = false;
  Scalar value_;
  std::vector<NestedList> items_;
};

}  // namespace parity::ref
