// Adapter: the reference engine.
#pragma once
#include <parity/ref.h>

#include "engines/parity_engine.h"

namespace parity::conf {
PARITY_DEFINE_ENGINE(RefEngine, ::parity::ref, "reference");
}
