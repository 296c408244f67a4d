// arange and linspace, value for value as torch 1.13's CPU kernels.
//
// Note [vectorized ranges]: ATen fills these with cpu_serial_kernel_vec,
// which writes blocks of 2*V elements with a vector lambda (a base value,
// then base + k*step per lane) and the tail with a scalar lambda
// (start + i*step). The two round differently, so we reproduce the block
// structure. V = 32 bytes / element size: the AVX2 build torch uses on
// x86-64 (an AVX512 or non-x86 build would differ in the last ulp).
// Ranges longer than ATen's grain size (32768) are split over threads in
// torch; we assume a single chunk.
#include <cmath>
#include <functional>
#include <sstream>

#include "element.h"
#include "parity/ref/factories.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// Rounds an exactly computed value to what one arithmetic op in `dtype`
// gives (float ops for kFloat, float-then-round for Half/BFloat16).
double round_to(ScalarType dtype, double x) {
  if (dtype == kDouble || isIntegralType(dtype, true)) return x;
  return stored_value(dtype, x);
}

// cpu_serial_kernel_vec's loop over n outputs (see the Note above).
std::vector<Scalar> serial_kernel_vec(int64_t n,
                                      int64_t vec,
                                      const std::function<Scalar(int64_t)>& scalar_op,
                                      const std::function<Scalar(int64_t, int64_t)>& lane_op) {
  std::vector<Scalar> out;
  int64_t i = 0;
  for (; i + 2 * vec <= n; i += 2 * vec)
    for (int64_t block = i; block < i + 2 * vec; block += vec)
      for (int64_t k = 0; k < vec; ++k) out.push_back(lane_op(block, k));
  for (; i < n; ++i) out.push_back(scalar_op(i));
  return out;
}

Tensor from_values(const std::vector<Scalar>& values,
                   ScalarType dtype,
                   const TensorOptions& options) {
  Tensor t = empty_contiguous({static_cast<int64_t>(values.size())}, dtype);
  for (size_t i = 0; i < values.size(); ++i)
    write_at(*t.impl(), static_cast<int64_t>(i), values[i]);
  return finish_factory(t, options);
}

// Scalar::to<acc_type>() for arange's accumulate type.
Scalar to_acc(const Scalar& v, ScalarType acc) {
  check_convertible(v, acc);
  return isIntegralType(acc, true) ? Scalar(convert_scalar<int64_t>(v))
                                   : Scalar(round_to(acc, v.toDouble()));
}

}  // namespace

Tensor arange(const Scalar& end, TensorOptions options) { return arange(0, end, 1, options); }
Tensor arange(const Scalar& start, const Scalar& end, TensorOptions options) {
  return arange(start, end, 1, options);
}

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, TensorOptions options) {
  check_cpu(options.device());
  const bool all_int =
      !start.isFloatingPoint() && !end.isFloatingPoint() && !step.isFloatingPoint();
  const ScalarType dtype = options.has_dtype() ? options.dtype() : (all_int ? kLong : kFloat);
  if (dtype == kBool) throw Error("\"arange_cpu\" not implemented for 'Bool'");
  // at::acc_type on CPU: int64 for integers, double for float/double, float for half types.
  const ScalarType acc = isIntegralType(dtype, true)              ? kLong
                         : (dtype == kHalf || dtype == kBFloat16) ? kFloat
                                                                  : kDouble;
  const Scalar xstart = to_acc(start, acc), xend = to_acc(end, acc), xstep = to_acc(step, acc);
  const double s = xstart.toDouble(), e = xend.toDouble(), st = xstep.toDouble();
  if (st == 0) throw Error("step must be nonzero");
  if (!std::isfinite(s) || !std::isfinite(e)) {
    std::ostringstream msg;
    msg << "unsupported range: " << s << " -> " << e;
    throw Error(msg.str());
  }
  if (!((st > 0 && e >= s) || (st < 0 && e <= s)))
    throw Error("upper bound and larger bound inconsistent with step sign");
  const double size_d = dtype == kLong
                            ? std::ceil(static_cast<double>(xend.toLong() - xstart.toLong()) / st)
                            : std::ceil((end.toDouble() - start.toDouble()) / step.toDouble());
  if (!(size_d >= 0 && size_d <= 9.2233720368547758e18))
    throw Error("invalid size, possible overflow?");
  const int64_t n = static_cast<int64_t>(size_d);
  const int64_t vec = 32 / static_cast<int64_t>(elementSize(dtype));
  auto value_at = [&](int64_t i) -> Scalar {  // start + step * i in acc
    if (acc == kLong) return Scalar(xstart.toLong() + xstep.toLong() * i);
    const double fi = round_to(acc, static_cast<double>(i));
    return Scalar(round_to(acc, s + round_to(acc, st * fi)));
  };
  auto lane = [&](int64_t block, int64_t k) -> Scalar {  // Vectorized::arange(base, step)
    if (acc == kLong) return value_at(block + k);
    const double base = round_to(dtype, value_at(block).toDouble());
    return Scalar(round_to(acc, base + static_cast<double>(k) * st));
  };
  return from_values(serial_kernel_vec(n, vec, value_at, lane), dtype, options);
}

// 1.13's linspace kernel: step = (end - start) / (steps - 1) in the dtype
// (double for integer dtypes); the first half counts up from start, the
// second half down from end, so both endpoints are exact.
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, TensorOptions options) {
  check_cpu(options.device());
  if (steps < 0) throw Error("number of steps must be non-negative");
  const ScalarType dtype = options.dtype();
  if (steps == 0) return from_values({}, dtype, options);
  check_convertible(start, dtype);
  check_convertible(end, dtype);
  // Values of type scalar_t, then arithmetic in step_t (R rounds one op).
  const double a = stored_value(dtype, start.toDouble());
  const double b = stored_value(dtype, end.toDouble());
  if (steps == 1) return from_values({start}, dtype, options);
  const bool integral = isIntegralType(dtype, true);
  auto R = [&](double x) { return integral ? x : round_to(dtype, x); };
  // c10::Half * int64 first turns the integer into a Half.
  auto I = [&](int64_t i) { return R(static_cast<double>(i)); };
  const double step = R(R(b - a) / I(steps - 1));
  const int64_t halfway = steps / 2;
  auto value_at = [&](int64_t i) -> Scalar {
    return Scalar(i < halfway ? R(a + R(step * I(i))) : R(b - R(step * I(steps - i - 1))));
  };
  auto lane = [&](int64_t block, int64_t k) -> Scalar {
    const double base = stored_value(dtype, value_at(block).toDouble());
    return Scalar(R(base + R(I(k) * step)));
  };
  const int64_t vec = 32 / static_cast<int64_t>(elementSize(dtype));
  return from_values(serial_kernel_vec(steps, vec, value_at, lane), dtype, options);
}

}  // namespace parity::ref
