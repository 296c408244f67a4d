// Adapter: the reference engine.
#pragma once
#include <parity/ref.h>

#include "engines/parity_engine.h"

// The nested namespaces of the issue 4 API, opened here (empty) so that the
// adapter compiles before the engine declares their functions.
namespace parity::ref::nn::init {}
namespace parity::ref::fft {}

namespace parity::conf {
PARITY_DEFINE_ENGINE(RefEngine, ::parity::ref, "reference");
}
