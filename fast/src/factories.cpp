// Creation functions: tensor(), zeros/ones/full/empty, arange, linspace, eye
// and the *_like family.
#include <cmath>
#include <sstream>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/fill_kernels.h"
#include "parity/fast/functions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

using core::convert;

Tensor finish(Tensor t, const TensorOptions& o) {
  if (o.requires_grad()) {
    if (!isFloatingType(t.dtype()))
      throw Error("Only Tensors of floating point and complex dtype can require gradients");
    t.unsafeGetTensorImpl()->set_requires_grad(true);
  }
  return t;
}

Tensor new_tensor(IntArrayRef sizes, const TensorOptions& o, ScalarType dt, bool zero = false) {
  detail::check_device(o.device());
  return detail::make_contiguous(sizes, dt, zero);
}

[[noreturn]] void not_implemented_for(const char* op, ScalarType t) {
  throw Error(std::string("\"") + op + "\" not implemented for '" + toString(t) + "'");
}

// --- tensor() ----------------------------------------------------------------

// bool < int < float over every leaf, as torch.tensor infers.
void infer_kind(const NestedList& n, int* rank) {
  if (n.is_list()) {
    for (const auto& c : n.items()) infer_kind(c, rank);
    return;
  }
  int r = n.leaf().isFloatingPoint() ? 3 : n.leaf().isIntegral(false) ? 2 : 1;
  *rank = std::max(*rank, r);
}

// The shape a nested list would have, following first elements.
std::vector<int64_t> list_shape(const NestedList& n) {
  std::vector<int64_t> shape;
  for (const NestedList* p = &n; p->is_list(); p = &p->items()[0]) {
    shape.push_back(static_cast<int64_t>(p->items().size()));
    if (p->items().empty()) break;
  }
  return shape;
}

// Leaves as LibTorch's TensorDataContainer prints them: ostream's defaults.
void print_nested(std::ostream& os, const NestedList& n) {
  if (!n.is_list()) {
    if (n.leaf().isFloatingPoint())
      os << n.leaf().toDouble();
    else
      os << n.leaf().toLong();
    return;
  }
  os << "{";
  for (size_t i = 0; i < n.items().size(); ++i) {
    if (i) os << ", ";
    print_nested(os, n.items()[i]);
  }
  os << "}";
}

std::string sizes_text(const std::vector<int64_t>& sizes) {
  std::string s;
  for (size_t i = 0; i < sizes.size(); ++i) s += (i ? " " : "") + std::to_string(sizes[i]);
  return s;
}

// LibTorch checks each braced list as it is built, innermost first: every
// sub-list must have the first one's shape. A post-order walk meets the
// same first offender.
void check_rectangular(const NestedList& n) {
  if (!n.is_list() || n.items().empty()) return;
  for (const NestedList& c : n.items()) check_rectangular(c);
  const NestedList& first = n.items()[0];
  const std::vector<int64_t> want = list_shape(first);
  for (const NestedList& c : n.items()) {
    const std::vector<int64_t> got = list_shape(c);
    if (got == want) continue;
    std::ostringstream msg;
    msg << "Expected all sub-lists to have sizes: " << sizes_text(want) << " (e.g. ";
    print_nested(msg, first);
    msg << "), but got sub-list ";
    print_nested(msg, c);
    msg << " with sizes: " << sizes_text(got);
    throw Error(msg.str());
  }
}

template <class T>
void fill_nested(const NestedList& n, T*& out) {
  if (!n.is_list()) {
    *out++ = core::checked_scalar_to<T>(n.leaf());
    return;
  }
  for (const auto& c : n.items()) fill_nested<T>(c, out);
}

// --- ranges ------------------------------------------------------------------
// torch 1.13's CPU range kernels run through cpu_serial_kernel_vec with AVX2
// vectors: the output is written in pairs of L-lane vectors, each vector
// being base + k*step from a base computed like a scalar element, and a
// scalar tail. The compiler fused the scalar formulas into FMAs. To be equal
// bit for bit we reproduce that order of rounding (checked against torch).

template <class T>
constexpr int64_t avx2_lanes() {
  return 32 / static_cast<int64_t>(sizeof(T));
}

template <class T, class Scalar_fn, class Lane_fn>
void vectorised_fill(T* out, int64_t n, Scalar_fn scalar_at, Lane_fn lane) {
  constexpr int64_t L = avx2_lanes<T>();
  int64_t i = 0;
  for (; i <= n - 2 * L; i += 2 * L) {
    for (int64_t c : {i, i + L}) {
      T base = scalar_at(c);
      for (int64_t k = 0; k < L; ++k) out[c + k] = lane(base, k);
    }
  }
  for (; i < n; ++i) out[i] = scalar_at(i);
}

// c10::Half / BFloat16 arithmetic: every operation rounds back to 16 bits.
template <class H>
H r16(float f) {
  return core::float_to_reduced<H>(f);
}
template <class H>
float f32(H h) {
  return core::reduced_to_float(h);
}

std::string range_str(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

template <class T>
void arange_kernel(const Scalar& start,
                   const Scalar& end,
                   const Scalar& step,
                   const TensorOptions& o,
                   ScalarType dt,
                   Tensor* result) {
  using A = std::conditional_t<std::is_integral_v<T>, int64_t,
                               std::conditional_t<core::is_reduced_float_v<T>, float, double>>;
  A xstart = core::checked_scalar_to<A>(start);
  A xend = core::checked_scalar_to<A>(end);
  A xstep = core::checked_scalar_to<A>(step);
  if (!(xstep > 0 || xstep < 0)) throw Error("step must be nonzero");
  if (!std::isfinite(static_cast<double>(xstart)) || !std::isfinite(static_cast<double>(xend)))
    throw Error("unsupported range: " + range_str(static_cast<double>(xstart)) + " -> " +
                range_str(static_cast<double>(xend)));
  if (!((xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart)))
    throw Error("upper bound and larger bound inconsistent with step sign");
  double size_d;
  if constexpr (std::is_same_v<T, int64_t>) {
    size_d = std::ceil(static_cast<double>(static_cast<int64_t>(static_cast<uint64_t>(xend) -
                                                                static_cast<uint64_t>(xstart))) /
                       static_cast<double>(xstep));
  } else {
    size_d = std::ceil((end.toDouble() - start.toDouble()) / step.toDouble());
  }
  if (!(size_d >= 0 && size_d <= 9.2233720368547758e18))
    throw Error("invalid size, possible overflow?");
  const int64_t n = static_cast<int64_t>(size_d);
  *result = new_tensor({n}, o, dt);
  T* out = result->data_ptr<T>();
  if constexpr (std::is_integral_v<T>) {
    // Integer steps are exact; wrap like torch's int64 arithmetic would.
    for (int64_t i = 0; i < n; ++i)
      out[i] = static_cast<T>(static_cast<int64_t>(
          static_cast<uint64_t>(xstart) + static_cast<uint64_t>(xstep) * static_cast<uint64_t>(i)));
  } else if constexpr (core::is_reduced_float_v<T>) {
    auto at = [&](int64_t i) { return r16<T>(std::fma(xstep, static_cast<float>(i), xstart)); };
    auto lane = [&](T base, int64_t k) {
      return r16<T>(f32(base) + static_cast<float>(k) * xstep);
    };
    vectorised_fill(out, n, at, lane);
  } else {
    auto at = [&](int64_t i) {
      return static_cast<T>(std::fma(xstep, static_cast<double>(i), xstart));
    };
    auto lane = [&](T base, int64_t k) {
      return static_cast<T>(std::fma(static_cast<double>(k), xstep, static_cast<double>(base)));
    };
    vectorised_fill(out, n, at, lane);
  }
}

template <class T>
void linspace_kernel(const Scalar& start_s, const Scalar& end_s, int64_t steps, T* out) {
  const T start = core::checked_scalar_to<T>(start_s);
  const T end = core::checked_scalar_to<T>(end_s);
  const int64_t halfway = steps / 2;
  if constexpr (std::is_integral_v<T>) {
    const double step =
        (static_cast<double>(end) - static_cast<double>(start)) / static_cast<double>(steps - 1);
    auto at = [&](int64_t i) {
      double v = i < halfway ? std::fma(step, static_cast<double>(i), static_cast<double>(start))
                             : std::fma(-step, static_cast<double>(steps - i - 1),
                                        static_cast<double>(end));
      return convert<T>(v);
    };
    auto lane = [&](T base, int64_t k) {
      return convert<T>(static_cast<double>(base) + static_cast<double>(k) * step);
    };
    vectorised_fill(out, steps, at, lane);
  } else if constexpr (core::is_reduced_float_v<T>) {
    const T step =
        r16<T>(f32(r16<T>(f32(end) - f32(start))) / f32(r16<T>(static_cast<float>(steps - 1))));
    auto mul = [&](T a, int64_t b) { return r16<T>(f32(a) * f32(r16<T>(static_cast<float>(b)))); };
    auto at = [&](int64_t i) {
      return i < halfway ? r16<T>(f32(start) + f32(mul(step, i)))
                         : r16<T>(f32(end) - f32(mul(step, steps - i - 1)));
    };
    auto lane = [&](T base, int64_t k) { return r16<T>(f32(base) + f32(mul(step, k))); };
    vectorised_fill(out, steps, at, lane);
  } else {
    const T step = (end - start) / static_cast<T>(steps - 1);
    auto at = [&](int64_t i) {
      return i < halfway ? std::fma(step, static_cast<T>(i), start)
                         : std::fma(-step, static_cast<T>(steps - i - 1), end);
    };
    auto lane = [&](T base, int64_t k) {
      // torch rounds the product before the add here (no FMA; the target
      // builds with -ffp-contract=off so the compiler keeps it that way).
      const T prod = static_cast<T>(k) * step;
      return base + prod;
    };
    vectorised_fill(out, steps, at, lane);
  }
}

}  // namespace

Tensor tensor(const NestedList& data, TensorOptions options) {
  check_rectangular(data);
  const std::vector<int64_t> shape = list_shape(data);
  ScalarType dt = kFloat;
  if (options.has_dtype()) {
    dt = options.dtype();
  } else {
    int rank = 0;
    infer_kind(data, &rank);
    dt = rank == 1 ? kBool : rank == 2 ? kLong : kFloat;
  }
  Tensor out = new_tensor(shape, options, dt);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data_ptr<T>();
    fill_nested<T>(data, p);
  });
  return finish(out, options);
}

Tensor empty(IntArrayRef sizes, TensorOptions options) {
  return finish(new_tensor(sizes, options, options.dtype()), options);
}

Tensor zeros(IntArrayRef sizes, TensorOptions options) {
  return finish(new_tensor(sizes, options, options.dtype(), /*zero=*/true), options);
}

// full() would infer kLong from the 1; ones() defaults to float.
Tensor ones(IntArrayRef sizes, TensorOptions options) {
  return full(sizes, 1, options.dtype(options.dtype()));
}

Tensor full(IntArrayRef sizes, Scalar value, TensorOptions options) {
  ScalarType dt = options.has_dtype()       ? options.dtype()
                  : value.isBoolean()       ? kBool
                  : value.isIntegral(false) ? kLong
                                            : kFloat;
  Tensor out = new_tensor(sizes, options, dt);
  cpu::fill(*out.unsafeGetTensorImpl(), value);
  return finish(out, options);
}

Tensor arange(Scalar end, TensorOptions options) { return arange(0, end, 1, options); }
Tensor arange(Scalar start, Scalar end, TensorOptions options) {
  return arange(start, end, 1, options);
}

Tensor arange(Scalar start, Scalar end, Scalar step, TensorOptions options) {
  detail::check_device(options.device());
  ScalarType dt = options.has_dtype() ? options.dtype()
                  : (start.isIntegral(true) && end.isIntegral(true) && step.isIntegral(true))
                      ? kLong
                      : kFloat;
  if (dt == kBool) not_implemented_for("arange_cpu", dt);
  Tensor out;
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, bool>) arange_kernel<T>(start, end, step, options, dt, &out);
  });
  return finish(out, options);
}

Tensor linspace(Scalar start, Scalar end, int64_t steps, TensorOptions options) {
  if (steps < 0) throw Error("number of steps must be non-negative");
  ScalarType dt = options.dtype();
  Tensor out = new_tensor({steps}, options, dt);
  if (steps == 1) {
    cpu::fill(*out.unsafeGetTensorImpl(), start);
  } else if (steps > 1) {
    if (dt == kBool) not_implemented_for("linspace_cpu", dt);
    core::dispatch_dtype(dt, [&](auto tag) {
      using T = typename decltype(tag)::type;
      if constexpr (!std::is_same_v<T, bool>)
        linspace_kernel<T>(start, end, steps, out.data_ptr<T>());
    });
  }
  return finish(out, options);
}

Tensor eye(int64_t n, TensorOptions options) { return eye(n, n, options); }

Tensor eye(int64_t n, int64_t m, TensorOptions options) {
  if (n < 0) throw Error("n must be greater or equal to 0, got " + std::to_string(n));
  if (m < 0) throw Error("m must be greater or equal to 0, got " + std::to_string(m));
  ScalarType dt = options.dtype();
  Tensor out = new_tensor({n, m}, options, dt, /*zero=*/true);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data_ptr<T>();
    const T one = convert<T>(true);
    for (int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = one;
  });
  return finish(out, options);
}

namespace {
Tensor like(const Tensor& t, const TensorOptions& o) {
  detail::check_device(o.device());
  ScalarType dt = o.has_dtype() ? o.dtype() : t.dtype();
  return detail::make_strided(t.sizes(), meta::preserve_strides(t.sizes(), t.strides()), dt);
}
}  // namespace

Tensor empty_like(const Tensor& t, TensorOptions options) {
  return finish(like(t, options), options);
}

Tensor zeros_like(const Tensor& t, TensorOptions options) {
  Tensor out = like(t, options);
  cpu::fill_zero(*out.unsafeGetTensorImpl());
  return finish(out, options);
}

Tensor ones_like(const Tensor& t, TensorOptions options) { return full_like(t, 1, options); }

Tensor full_like(const Tensor& t, Scalar value, TensorOptions options) {
  Tensor out = like(t, options);
  cpu::fill(*out.unsafeGetTensorImpl(), value);
  return finish(out, options);
}

}  // namespace parity::fast
