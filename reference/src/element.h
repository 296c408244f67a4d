// Internal: reading and writing one element with torch's conversion rules.
#pragma once
#include <cstddef>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

// Reads the element at p: bool -> Bool, integers -> Int, floats -> Double.
Scalar read_element(ScalarType dtype, const std::byte* p);
// Writes v converted as torch's static_cast does (copy_, to()): no checks.
void write_element(ScalarType dtype, std::byte* p, const Scalar& v);
// The value x takes when stored in dtype (write_element), as a double.
double stored_value(ScalarType dtype, double x);

// The range check c10::Scalar::to<T>() makes (fill_, full, item<T>()):
// throws "value cannot be converted to type <name> without overflow".
void check_convertible(const Scalar& v, ScalarType dtype);

// The unchecked value conversion write_element uses, for one C++ type.
template <class T>
T convert_scalar(const Scalar& v);

}  // namespace parity::ref
