// What one run of a case observed on one engine: an ordered list of named
// entries (tensors, numbers, texts, errors). Cases fill a Record through
// Rec<E>; the runner compares each engine's Record with the oracle's.
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "snapshot.h"

namespace parity::conf {

struct ErrorInfo {
  std::string kind;     // Python's name: "RuntimeError", "IndexError", ...
  std::string message;  // without LibTorch's backtrace
};

// Thrown by an adapter for an observation the oracle cannot make here
// (e.g. Python printing without python3-torch). Recorded, never compared.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Entry {
  enum class Kind { Tensor, Int, Bool, Real, Text, IntList, Error, NoError, Unavailable };
  std::string name;
  Kind kind = Kind::Int;
  TensorSnap tensor;
  int64_t i = 0;
  double d = 0;
  std::string s;  // Text, and the reason for Unavailable
  std::vector<int64_t> list;
  ErrorInfo error;
  // Tensor entries: -1 compares within the dtype's tolerance; 0 bit for bit
  // (random streams); n within n units in the last place of the dtype
  // (streams that pass through torch's vectorized transcendentals).
  int ulps = -1;
  // A literal from the seed documents or LibTorch that every engine,
  // the oracle included, must reproduce.
  std::optional<std::string> expected_text;
  std::optional<int64_t> expected_int;
  std::optional<std::vector<int64_t>> expected_list;
  std::optional<ErrorInfo> expected_error;
  std::string describe() const;
};

struct Record {
  std::vector<Entry> entries;
  // An exception that escaped the case body (not inside Rec::error).
  std::optional<ErrorInfo> uncaught;
};

}  // namespace parity::conf
