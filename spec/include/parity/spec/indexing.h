// Vocabulary: the pieces of a Python subscript, as torch::indexing spells
// them. How they apply to a tensor is each engine's job.
#pragma once
#include <cstdint>
#include <optional>

#include "parity/spec/errors.h"

namespace parity::indexing {

// Python's `None` in a subscript (insert a dim), also "absent" in Slice.
inline constexpr std::nullopt_t None = std::nullopt;

struct EllipsisIndexType {};
inline constexpr EllipsisIndexType Ellipsis{};

// Python's start:stop:step with each part optional. Like at::indexing::Slice
// it refuses a zero step when built, so that error precedes any other of the
// subscript it appears in.
class Slice {
 public:
  Slice(std::optional<int64_t> start = std::nullopt,
        std::optional<int64_t> stop = std::nullopt,
        std::optional<int64_t> step = std::nullopt)
      : start_(start), stop_(stop), step_(step) {
    if (step_ == 0) throw ValueError("slice step cannot be zero");
  }
  std::optional<int64_t> start() const { return start_; }
  std::optional<int64_t> stop() const { return stop_; }
  std::optional<int64_t> step() const { return step_; }

 private:
  std::optional<int64_t> start_, stop_, step_;
};

}  // namespace parity::indexing
