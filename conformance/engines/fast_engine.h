// Adapter: the fast engine (CPU).
#pragma once
#include <parity/fast.h>

#include "engines/parity_engine.h"

// The nested namespaces of the issue 4 API, opened here (empty) so that the
// adapter compiles before the engine declares their functions.
namespace parity::fast::nn::init {}
namespace parity::fast::fft {}

namespace parity::conf {
PARITY_DEFINE_ENGINE(FastEngine, ::parity::fast, "fast");
}
