// Internal: what every sampling kernel shares: the order TensorIterator
// visits an output in, typed element access, float16/bfloat16 rounding as
// c10::Half/BFloat16 do it, and the uniform draws of
// at::uniform_real_distribution (ATen/core/TransformationHelper.h).
// Clauses: RAND-3, RAND-11.
#pragma once
#include <cstdint>
#include <type_traits>
#include <vector>

#include "generator_impl.h"
#include "half.h"
#include "tensor_impl.h"

namespace parity::ref {

// TensorIterator's visit order for an output it writes (cpu_serial_kernel
// of a nullary op, or with inputs that follow the output): dims sorted by
// stride as reorder_dimensions sorts them, larger stride outside, innermost
// fastest. For a dense tensor this is memory order: a transposed view is
// filled along its storage, not row-major. iteration_dims gives the dims
// outermost first; storage_indices_in_order walks a tensor of the same
// shape (the output, or an expanded input) in that dim order.
std::vector<int64_t> iteration_dims(const TensorImpl& out);
std::vector<int64_t> storage_indices_in_order(const TensorImpl& t,
                                              const std::vector<int64_t>& dims_outer_first);

// Pointer to the element at storage index i, as the dtype's C++ type.
template <class T>
T* element_at(const TensorImpl& t, int64_t storage_index) {
  return reinterpret_cast<T*>(t.storage->bytes.data()) + storage_index;
}

// float16/bfloat16 <-> float, exactly as c10::Half/BFloat16 convert.
template <class T>
float to_float(T v) {
  if constexpr (std::is_same_v<T, Half>)
    return half_bits_to_float(v.x);
  else if constexpr (std::is_same_v<T, BFloat16>)
    return bfloat16_bits_to_float(v.x);
  else
    return static_cast<float>(v);
}
template <class T>
T from_float(float f) {
  if constexpr (std::is_same_v<T, Half>)
    return Half{float_to_half_bits(f)};
  else if constexpr (std::is_same_v<T, BFloat16>)
    return BFloat16{float_to_bfloat16_bits(f)};
  else
    return static_cast<T>(f);
}

// static_cast<T>(double): c10::Half and BFloat16 only construct from float,
// so a double is rounded to float first (two roundings).
template <class T>
T from_double(double d) {
  if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>)
    return from_float<T>(static_cast<float>(d));
  else
    return static_cast<T>(d);
}

// std::numeric_limits<T>::digits: the bits of one uniform draw.
template <class T>
constexpr int kMantissaDigits = std::is_same_v<T, double>  ? 53
                                : std::is_same_v<T, float> ? 24
                                : std::is_same_v<T, Half>  ? 11
                                                           : 8;  // BFloat16

// uniform_real_distribution<T>(from, to) for T of float kind: the low
// `digits` bits of one 32-bit draw scaled to [0, 1), then x * range + from
// in float. `range` is (to - from) already rounded to T by the caller.
// LibTorch's kernels are compiled with FMA contraction (AVX2 build), so the
// multiply-add rounds once.
float uniform_real_float(GeneratorImpl& gen, int digits, float from, float range);
// The same for double: 53 bits of one 64-bit draw.
double uniform_real_double(GeneratorImpl& gen, double from, double to);
// uniform_real_distribution<T>(0, 1) rounded to T: the draws of the fill paths.
template <class T>
T uniform_unit(GeneratorImpl& gen) {
  if constexpr (std::is_same_v<T, double>)
    return uniform_real_double(gen, 0.0, 1.0);
  else
    return from_float<T>(uniform_real_float(gen, kMantissaDigits<T>, 0.0f, 1.0f));
}

// at::normal_distribution<double>(mean, std): Box-Muller on two 53-bit
// uniforms; returns the cosine half and caches the sine half in the
// generator, or consumes a cached sample.
double normal_double(GeneratorImpl& gen, double mean, double std);

// Every in-place sampler counts as one write (version counter).
void bump_version(const Tensor& t);

}  // namespace parity::ref
