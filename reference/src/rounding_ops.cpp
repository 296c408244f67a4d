// floor ceil round trunc frac and round(decimals) (ATen/native/UnaryOps.cpp
// and cpu/UnaryOpsKernel.cpp, torch 1.13). floor/ceil/round/trunc return
// integer inputs unchanged (a copy), refuse bool and float16; round is
// half-to-even (nearbyint). frac is floating only. round(decimals) has no
// integer shortcut: decimals == 0 is plain round's kernel, anything else
// a floating-only kernel computing nearbyint(x * 10^d) / 10^d (for d < 0:
// nearbyint(x / 10^-d) * 10^-d) in the dtype's own arithmetic, so
// bfloat16 rounds after every step.
#include <cmath>
#include <cstdint>

#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

enum class Rounding { Floor, Ceil, Round, Trunc };

const char* kernel_name(Rounding r) {
  switch (r) {
    case Rounding::Floor:
      return "floor_vml_cpu";
    case Rounding::Ceil:
      return "ceil_vml_cpu";
    case Rounding::Round:
      return "round_vml_cpu";
    case Rounding::Trunc:
      return "trunc_vml_cpu";
  }
  return "?";
}

template <class C>
C rounded(Rounding r, C x) {
  if constexpr (!std::is_floating_point_v<C>) {
    return x;  // integers are already whole
  } else {
    switch (r) {
      case Rounding::Floor:
        return std::floor(x);
      case Rounding::Ceil:
        return std::ceil(x);
      case Rounding::Round:
        return std::nearbyint(x);  // the default rounding mode: ties to even
      case Rounding::Trunc:
        return std::trunc(x);
    }
    return x;
  }
}

// `integers_pass`: plain floor/ceil/round/trunc copy integer inputs;
// round(decimals=0) dispatches them to the floating kernel, which refuses.
Tensor round_op(const Tensor& self, Rounding r, bool integers_pass, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  if (dtype == kBool || dtype == kHalf || (!integers_pass && !isFloatingType(dtype)))
    throw_not_implemented(kernel_name(r), dtype);
  run_elementwise(loop, [r](auto x) { return rounded(r, x); });
  return loop.out;
}

Tensor frac_op(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  if (!isFloatingType(dtype)) throw_not_implemented("frac_cpu", dtype);
  run_elementwise(loop, [](auto x) {
    if constexpr (std::is_floating_point_v<decltype(x)>)
      return x - std::trunc(x);
    else
      return x;
  });
  return loop.out;
}

Tensor round_decimals_op(const Tensor& self, int64_t decimals, bool in_place) {
  if (decimals == 0) return round_op(self, Rounding::Round, false, in_place);
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  if (!isFloatingType(dtype) || dtype == kHalf) throw_not_implemented("round_cpu", dtype);
  const bool negative = decimals < 0;
  const double ten_pow = std::pow(10.0, static_cast<double>(negative ? -decimals : decimals));
  run_elementwise(loop, [&](auto x) {
    using C = decltype(x);
    if constexpr (!std::is_floating_point_v<C>) {
      return x;
    } else {
      // Every intermediate is a value of the dtype: bfloat16 rounds each step.
      auto in_dtype = [&](C v) -> C {
        if constexpr (std::is_same_v<C, float>)
          return dtype == kBFloat16 ? round_to<BFloat16>(v) : v;
        else
          return v;
      };
      const C ten = in_dtype(static_cast<C>(ten_pow));
      return negative ? in_dtype(std::nearbyint(in_dtype(x / ten)) * ten)
                      : in_dtype(std::nearbyint(in_dtype(x * ten)) / ten);
    }
  });
  return loop.out;
}

}  // namespace

Tensor Tensor::floor() const { return round_op(*this, Rounding::Floor, true, false); }
Tensor Tensor::ceil() const { return round_op(*this, Rounding::Ceil, true, false); }
Tensor Tensor::round() const { return round_op(*this, Rounding::Round, true, false); }
Tensor Tensor::trunc() const { return round_op(*this, Rounding::Trunc, true, false); }
Tensor Tensor::frac() const { return frac_op(*this, false); }
Tensor Tensor::round(int64_t decimals) const { return round_decimals_op(*this, decimals, false); }

Tensor& Tensor::floor_() const {
  round_op(*this, Rounding::Floor, true, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::ceil_() const {
  round_op(*this, Rounding::Ceil, true, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::round_() const {
  round_op(*this, Rounding::Round, true, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::trunc_() const {
  round_op(*this, Rounding::Trunc, true, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::frac_() const {
  frac_op(*this, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::round_(int64_t decimals) const {
  round_decimals_op(*this, decimals, true);
  return const_cast<Tensor&>(*this);
}

Tensor floor(const Tensor& self) { return self.floor(); }
Tensor ceil(const Tensor& self) { return self.ceil(); }
Tensor round(const Tensor& self) { return self.round(); }
Tensor trunc(const Tensor& self) { return self.trunc(); }
Tensor frac(const Tensor& self) { return self.frac(); }
Tensor round(const Tensor& self, int64_t decimals) { return self.round(decimals); }

}  // namespace parity::ref
