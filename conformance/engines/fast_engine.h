// Adapter: the fast engine (CPU).
#pragma once
#include <parity/fast.h>

#include "engines/parity_engine.h"

namespace parity::conf {
PARITY_DEFINE_ENGINE(FastEngine, ::parity::fast, "fast");
}
