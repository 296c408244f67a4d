// fill_ and zero_: one value written over a strided destination.
#pragma once
#include "parity/fast/tensor_impl.h"

namespace parity::fast::cpu {

// Converts v to the tensor's dtype with c10's overflow check (throwing
// before anything is written), then writes it everywhere.
void fill(const TensorImpl& t, const Scalar& v);
// Writes zero bytes everywhere (all-zero bits is 0 / false / +0.0 for
// every dtype).
void fill_zero(const TensorImpl& t);

}  // namespace parity::fast::cpu
