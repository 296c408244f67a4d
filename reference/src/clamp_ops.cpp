// clamp, clamp_min, clamp_max and relu (ATen/native/TensorCompare.cpp,
// cpu/TensorCompareKernel.cpp, torch 1.13).
// Scalar bounds: a floating self keeps its dtype; otherwise self and the
// bounds promote (torch.result_type) and the in-place forms require that
// dtype to be self's (the message names the C++ type, "long int"). Each
// bound is converted to the dtype with c10's range check. A NaN bound of
// clamp(min, max), clamp_min or clamp_max fills the result with NaN; no
// kernel for bool or float16. The value is min(max(x, lo), hi) with
// std::min/std::max, so a NaN x stays NaN and -0.0 stays -0.0.
// Tensor bounds: ordinary promotion and in-place checks; with both bounds
// a NaN bound gives NaN ("clamp_cpu": no bool, float16); one bound is
// maximum / minimum (every dtype).
// relu(x) is clamp_min(x, 0), refusing bool first.
#include <cmath>
#include <limits>

#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

constexpr const char* kNoBounds = "torch.clamp: At least one of 'min' or 'max' must not be None";

template <class C>
bool is_nan(C x) {
  if constexpr (std::is_floating_point_v<C>)
    return std::isnan(x);
  else
    return false;
}

template <class C>
C max_value(C a, C lo) {  // std::max(a, lo)
  return a < lo ? lo : a;
}
template <class C>
C min_value(C a, C hi) {  // std::min(a, hi)
  return hi < a ? hi : a;
}

// maximum / minimum: NaN from either side wins.
template <class C>
C maximum_value(C a, C b) {
  if (is_nan(a) || is_nan(b)) return is_nan(a) ? a : b;
  return max_value(a, b);
}
template <class C>
C minimum_value(C a, C b) {
  if (is_nan(a) || is_nan(b)) return is_nan(a) ? a : b;
  return min_value(a, b);
}

enum class Which { Both, Min, Max };

Tensor clamp_scalar_op(const Tensor& self,
                       const std::optional<Scalar>& min,
                       const std::optional<Scalar>& max,
                       bool nan_fills,
                       bool in_place) {
  if (!min && !max) throw Error(kNoBounds);
  const ScalarType dtype = self.scalar_type();
  ScalarType common = dtype;
  if (!isFloatingType(dtype)) {
    std::vector<Operand> operands = {{self}};
    if (min) operands.push_back(wrap_scalar(*min));
    if (max) operands.push_back(wrap_scalar(*max));
    common = result_type_of(operands);
    if (in_place && common != dtype)
      throw Error(std::string("result type ") + toString(common) +
                  " can't be cast to the desired output type " + cppTypeName(dtype));
  }
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, common) : plan_out_of_place({{self}}, common, common);
  const Which which = min && max ? Which::Both : min ? Which::Min : Which::Max;
  if (nan_fills) {
    for (const std::optional<Scalar>& bound : {min, max}) {
      if (bound && std::isnan(bound->toDouble())) {
        fill_results(loop, Scalar(std::numeric_limits<double>::quiet_NaN()));
        return loop.out;
      }
    }
  }
  if (common == kBool || common == kHalf)
    throw_not_implemented(which == Which::Both  ? "clamp_scalar_cpu"
                          : which == Which::Min ? "clamp_min_cpu"
                                                : "clamp_max_scalar_cpu",
                          common);
  const Scalar lo = min ? checked_value(*min, common) : Scalar();
  const Scalar hi = max ? checked_value(*max, common) : Scalar();
  run_elementwise(loop, [&](auto x) {
    using C = decltype(x);
    if (which == Which::Min) return max_value(x, load<C>(lo));
    if (which == Which::Max) return min_value(x, load<C>(hi));
    return min_value(max_value(x, load<C>(lo)), load<C>(hi));
  });
  return loop.out;
}

Tensor clamp_tensor_op(const Tensor& self,
                       const std::optional<Tensor>& min,
                       const std::optional<Tensor>& max,
                       bool in_place) {
  if (!min && !max) throw Error(kNoBounds);
  std::vector<Operand> operands = {{self}};
  if (min) operands.push_back({*min});
  if (max) operands.push_back({*max});
  const ScalarType common = result_type_of(operands);
  const ElementwiseLoop loop =
      in_place ? plan_in_place(operands, common) : plan_out_of_place(operands, common, common);
  if (min && max) {
    if (common == kBool || common == kHalf) throw_not_implemented("clamp_cpu", common);
    // Three inputs: the elementwise loop takes at most two, so walk here.
    std::vector<std::vector<Scalar>> in;
    for (const Tensor& t : loop.inputs) in.push_back(read_all(t));
    std::vector<Scalar> out(in[0].size());
    dispatch_dtype(common, [&]<class T>() {
      using C = compute_t<T>;
      for (size_t i = 0; i < out.size(); ++i) {
        const C x = load<C>(in[0][i]), lo = load<C>(in[1][i]), hi = load<C>(in[2][i]);
        out[i] = is_nan(lo) || is_nan(hi) ? to_scalar(std::numeric_limits<C>::quiet_NaN())
                                          : to_scalar(min_value(max_value(x, lo), hi));
      }
    });
    write_results(loop, out);
  } else if (min) {
    run_elementwise(loop, [](auto x, auto lo) { return maximum_value(x, lo); });
  } else {
    run_elementwise(loop, [](auto x, auto hi) { return minimum_value(x, hi); });
  }
  return loop.out;
}

void check_relu(const Tensor& self) {
  if (self.scalar_type() == kBool) throw Error("Boolean inputs not supported for relu");
}

Tensor& same(const Tensor& self) { return const_cast<Tensor&>(self); }

}  // namespace

Tensor Tensor::clamp(const std::optional<Scalar>& min, const std::optional<Scalar>& max) const {
  return clamp_scalar_op(*this, min, max, min && max, false);
}
Tensor Tensor::clamp(const std::optional<Tensor>& min, const std::optional<Tensor>& max) const {
  return clamp_tensor_op(*this, min, max, false);
}
Tensor Tensor::clamp_min(const Scalar& min) const {
  return clamp_scalar_op(*this, min, std::nullopt, true, false);
}
Tensor Tensor::clamp_min(const Tensor& min) const {
  return clamp_tensor_op(*this, min, std::nullopt, false);
}
Tensor Tensor::clamp_max(const Scalar& max) const {
  return clamp_scalar_op(*this, std::nullopt, max, true, false);
}
Tensor Tensor::clamp_max(const Tensor& max) const {
  return clamp_tensor_op(*this, std::nullopt, max, false);
}
Tensor Tensor::relu() const {
  check_relu(*this);
  return clamp_min(0);
}

Tensor& Tensor::clamp_(const std::optional<Scalar>& min, const std::optional<Scalar>& max) const {
  clamp_scalar_op(*this, min, max, min && max, true);
  return same(*this);
}
Tensor& Tensor::clamp_(const std::optional<Tensor>& min, const std::optional<Tensor>& max) const {
  clamp_tensor_op(*this, min, max, true);
  return same(*this);
}
Tensor& Tensor::clamp_min_(const Scalar& min) const {
  clamp_scalar_op(*this, min, std::nullopt, true, true);
  return same(*this);
}
Tensor& Tensor::clamp_min_(const Tensor& min) const {
  clamp_tensor_op(*this, min, std::nullopt, true);
  return same(*this);
}
Tensor& Tensor::clamp_max_(const Scalar& max) const {
  clamp_scalar_op(*this, std::nullopt, max, true, true);
  return same(*this);
}
Tensor& Tensor::clamp_max_(const Tensor& max) const {
  clamp_tensor_op(*this, std::nullopt, max, true);
  return same(*this);
}
Tensor& Tensor::relu_() const {
  check_relu(*this);
  return clamp_min_(0);
}

Tensor clamp(const Tensor& self,
             const std::optional<Scalar>& min,
             const std::optional<Scalar>& max) {
  return self.clamp(min, max);
}
Tensor clamp(const Tensor& self,
             const std::optional<Tensor>& min,
             const std::optional<Tensor>& max) {
  return self.clamp(min, max);
}
Tensor clamp_min(const Tensor& self, const Scalar& min) { return self.clamp_min(min); }
Tensor clamp_min(const Tensor& self, const Tensor& min) { return self.clamp_min(min); }
Tensor clamp_max(const Tensor& self, const Scalar& max) { return self.clamp_max(max); }
Tensor clamp_max(const Tensor& self, const Tensor& max) { return self.clamp_max(max); }
Tensor relu(const Tensor& self) { return self.relu(); }

}  // namespace parity::ref
