// Vocabulary: an IntArrayRef that may be absent, like at::OptionalIntArrayRef
// (the `dim` of sum, mean, std and var: absent means every dim).
#pragma once
#include <initializer_list>
#include <optional>
#include <vector>

#include "parity/spec/int_array_ref.h"

namespace parity {

class OptionalIntArrayRef {
 public:
  constexpr OptionalIntArrayRef() = default;
  constexpr OptionalIntArrayRef(std::nullopt_t) {}   // NOLINT: implicit as in c10
  OptionalIntArrayRef(IntArrayRef r) : value_(r) {}  // NOLINT
  OptionalIntArrayRef(const std::vector<int64_t>& v) : value_(IntArrayRef(v)) {}  // NOLINT
  OptionalIntArrayRef(const int64_t& one) : value_(IntArrayRef(one)) {}           // NOLINT
  // A braced list lives as long as the full expression, as with IntArrayRef.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
  OptionalIntArrayRef(std::initializer_list<int64_t> l)  // NOLINT
      : value_(IntArrayRef(l)) {}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

  bool has_value() const { return value_.has_value(); }
  explicit operator bool() const { return has_value(); }
  IntArrayRef value() const { return *value_; }
  IntArrayRef operator*() const { return *value_; }
  const IntArrayRef* operator->() const { return &*value_; }

 private:
  std::optional<IntArrayRef> value_;
};

}  // namespace parity
