// The vocabulary both engines share: dtypes, devices, errors, scalars,
// options and subscript pieces. Nothing here computes shapes or strides.
#pragma once
#include "parity/spec/device.h"
#include "parity/spec/errors.h"
#include "parity/spec/indexing.h"
#include "parity/spec/int_array_ref.h"
#include "parity/spec/nn_init_types.h"
#include "parity/spec/optional_int_array_ref.h"
#include "parity/spec/rng_seed.h"
#include "parity/spec/scalar.h"
#include "parity/spec/scalar_type.h"
#include "parity/spec/tensor_options.h"
