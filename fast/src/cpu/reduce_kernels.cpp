// The reduction kernels for three ISAs, chosen at run time (the library
// itself is built for baseline x86-64).
#include "cpu/reduce_kernels.h"

// Everything the loops use is included first, outside the target regions,
// so that only the loops themselves are compiled for the wider ISAs.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define PARITY_REDUCE_MULTI_ISA 1
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx512dq,avx2,fma,bmi,bmi2,popcnt,f16c")
#define PARITY_REDUCE_ISA avx512
#include "cpu/reduce_body.h"
#undef PARITY_REDUCE_ISA
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2,fma,bmi,bmi2,popcnt,f16c")
#define PARITY_REDUCE_ISA avx2
#include "cpu/reduce_body.h"
#undef PARITY_REDUCE_ISA
#pragma GCC pop_options
#endif

#define PARITY_REDUCE_ISA baseline
#include "cpu/reduce_body.h"
#undef PARITY_REDUCE_ISA

namespace parity::fast::cpu {
namespace {

using RunFn = void (*)(const iter::ReducePlan&, const char*, char*, const ReduceArgs&);

RunFn pick() {
#ifdef PARITY_REDUCE_MULTI_ISA
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
    return &avx512::run_reduce_isa;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
      __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c"))
    return &avx2::run_reduce_isa;
#endif
  return &baseline::run_reduce_isa;
}

}  // namespace

ScalarType reduce_out_dtype(ReduceOp op, ScalarType in) {
  if ((op == ReduceOp::Sum || op == ReduceOp::Prod) && isIntegralType(in, true)) return kLong;
  if (op == ReduceOp::SumDouble || op == ReduceOp::SumSqDev) return kDouble;
  return in;
}

void run_reduce(const iter::ReducePlan& plan, const char* in, char* out, const ReduceArgs& args) {
  static const RunFn fn = pick();
  fn(plan, in, out, args);
}

}  // namespace parity::fast::cpu
