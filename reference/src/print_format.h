// Internal: Python's number formatting, shared by tensor and storage printing.
#pragma once
#include <string>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

// Python's '{:.<precision><conv>}'.format(x) for conv 'f' or 'e': C's
// printf, except that NaN and infinities read 'nan', 'inf', '-inf'.
std::string py_format(double x, char conv, int precision);
// Python's str(x) of a float: the shortest repr ("0.1", "1e-05", "2.0").
std::string py_float_repr(double x);
// Python's str() of a storage or tensor element: True/False, 7, or a float repr.
std::string py_str(const Scalar& v);

}  // namespace parity::ref
