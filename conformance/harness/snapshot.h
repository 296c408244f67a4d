// An engine-neutral copy of what a tensor looks like from outside: the
// metadata and the values in logical order, read through data_ptr and the
// strides by the harness itself (not by the engine's own conversions).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "parity/spec/scalar_type.h"

namespace parity::conf {

struct TensorSnap {
  ScalarType dtype = kFloat;
  std::string device = "cpu";
  std::vector<int64_t> sizes, strides;
  int64_t storage_offset = 0;
  bool requires_grad = false;
  // Floating dtypes fill `reals`; integer and bool dtypes fill `ints`.
  std::vector<double> reals;
  std::vector<int64_t> ints;
  int64_t numel() const;
  std::string describe() const;  // one line, for failure messages
};

// Decodes the raw 16-bit formats exactly (test-side, independent of engines).
double halfBitsToDouble(uint16_t bits);
double bfloat16BitsToDouble(uint16_t bits);

// Reads one element of dtype `t` at `p` into a double (floats) or int64.
double readReal(ScalarType t, const void* p);
int64_t readInt(ScalarType t, const void* p);

// Walks sizes/strides from `first` (the address of element 0) and fills the
// values of `snap`, whose metadata must already be set.
void readValues(TensorSnap& snap, const void* first);

}  // namespace parity::conf
