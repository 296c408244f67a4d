// Python's torch 1.13 as the printing oracle: a python3 process started
// once per test binary, fed raw tensor bytes, answering with repr(t) or
// str(t.storage()). Where python3-torch is missing, every call throws
// Unavailable and the report says so.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parity/spec/scalar_type.h"

namespace parity::conf {

enum class PrintWhat { Tensor, Storage };

std::string pythonRepr(ScalarType dtype,
                       const std::vector<int64_t>& shape,
                       const void* data,
                       size_t nbytes,
                       bool requires_grad,
                       PrintWhat what);

// Why the oracle is unavailable, or empty when it works (starts it if needed).
std::string pythonOracleProblem();

}  // namespace parity::conf
