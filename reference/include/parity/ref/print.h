// Printing: exactly what Python's print() shows in torch 1.13 with the
// default print options (precision 4, linewidth 80, threshold 1000,
// edgeitems 3), for tensors and for t.storage().
#pragma once
#include <ostream>
#include <string>

#include "parity/ref/storage.h"
#include "parity/ref/tensor.h"

namespace parity::ref {

std::string repr(const Tensor& t);
std::string repr(const Storage& s);
std::ostream& operator<<(std::ostream& os, const Tensor& t);
std::ostream& operator<<(std::ostream& os, const Storage& s);

}  // namespace parity::ref
