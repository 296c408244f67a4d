// Internal: the inverse error function as ATen's calc_erfinv computes it.
// Clause: INIT-5.
#pragma once

namespace parity::ref {

float erfinv(float y);
double erfinv(double y);

}  // namespace parity::ref
