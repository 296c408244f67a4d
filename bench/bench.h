// Shared by the benchmark files: the engine adapters and the registration
// hooks that bench_main.cpp calls.
#pragma once
#include <benchmark/benchmark.h>

#include "engines/fast_engine.h"
#include "engines/ref_engine.h"
#include "engines/torch_engine.h"

namespace parity::bench {

using conf::FastEngine;
using conf::RefEngine;
using conf::TorchEngine;

constexpr int64_t kBig = 4096;  // 4096 x 4096 float32 = 64 MiB

void registerTensorModel();   // bm_tensor_model.cpp
void registerBinary();        // bm_binary.cpp
void registerReduceLinalg();  // bm_reduce_linalg.cpp
void registerRandom();        // bm_random.cpp
void registerSerialize();     // bm_serialize.cpp

}  // namespace parity::bench
