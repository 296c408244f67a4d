// lerp and lerp_ (ATen/native/Lerp.cpp, cpu/LerpKernel.cpp, torch 1.13).
// end (and a Tensor weight) must have self's dtype exactly (the message
// names C++ types: "float", "double"); no type promotion. Floating dtypes
// but float16 only. The value is
//   weight < 0.5 ? self + weight * (end - self) : end - (end - self) * (1 - weight)
// with each product-and-sum fused into one rounding (the compiled kernel
// contracts them to FMA instructions); bfloat16 computes in float, and a
// Scalar weight is converted to the compute type with c10's range check.
#include <cmath>

#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

template <class C>
C lerp_value(C self, C end, C weight) {
  if constexpr (!std::is_floating_point_v<C>) {
    return self;  // refused before the loop runs
  } else {
    const C diff = end - self;
    return weight < C(0.5) ? std::fma(weight, diff, self) : std::fma(-diff, C(1) - weight, end);
  }
}

void check_same_dtype(const Tensor& self, const Tensor& other, const char* what) {
  if (other.scalar_type() != self.scalar_type())
    throw Error(std::string("expected dtype ") + cppTypeName(self.scalar_type()) + " for `" + what +
                "` but got dtype " + cppTypeName(other.scalar_type()));
}

ElementwiseLoop plan(const std::vector<Operand>& inputs, bool in_place) {
  const ScalarType dtype = inputs.front().tensor.scalar_type();
  return in_place ? plan_in_place(inputs, dtype) : plan_out_of_place(inputs, dtype, dtype);
}

void check_kernel(ScalarType dtype, const char* kernel) {
  if (!isFloatingType(dtype) || dtype == kHalf) throw_not_implemented(kernel, dtype);
}

Tensor lerp_scalar_op(const Tensor& self, const Tensor& end, const Scalar& weight, bool in_place) {
  check_same_dtype(self, end, "end");
  const ElementwiseLoop loop = plan({{self}, {end}}, in_place);
  check_kernel(loop.common, "lerp_kernel_scalar");
  // The weight in the compute type: float for float32 and bfloat16.
  const Scalar w = checked_value(weight, loop.common == kDouble ? kDouble : kFloat);
  run_elementwise(loop, [&](auto s, auto e) {
    using C = decltype(s);
    return lerp_value(s, e, load<C>(w));
  });
  return loop.out;
}

Tensor lerp_tensor_op(const Tensor& self, const Tensor& end, const Tensor& weight, bool in_place) {
  check_same_dtype(self, end, "end");
  check_same_dtype(self, weight, "weight");
  const ElementwiseLoop loop = plan({{self}, {end}, {weight}}, in_place);
  check_kernel(loop.common, "lerp_kernel_tensor");
  // Three inputs: the elementwise loop takes at most two, so walk here.
  std::vector<std::vector<Scalar>> in;
  for (const Tensor& t : loop.inputs) in.push_back(read_all(t));
  std::vector<Scalar> out(in[0].size());
  dispatch_dtype(loop.common, [&]<class T>() {
    using C = compute_t<T>;
    for (size_t i = 0; i < out.size(); ++i)
      out[i] = to_scalar(lerp_value(load<C>(in[0][i]), load<C>(in[1][i]), load<C>(in[2][i])));
  });
  write_results(loop, out);
  return loop.out;
}

Tensor& same(const Tensor& self) { return const_cast<Tensor&>(self); }

}  // namespace

Tensor Tensor::lerp(const Tensor& end, const Scalar& weight) const {
  return lerp_scalar_op(*this, end, weight, false);
}
Tensor Tensor::lerp(const Tensor& end, const Tensor& weight) const {
  return lerp_tensor_op(*this, end, weight, false);
}
Tensor& Tensor::lerp_(const Tensor& end, const Scalar& weight) const {
  lerp_scalar_op(*this, end, weight, true);
  return same(*this);
}
Tensor& Tensor::lerp_(const Tensor& end, const Tensor& weight) const {
  lerp_tensor_op(*this, end, weight, true);
  return same(*this);
}

Tensor lerp(const Tensor& self, const Tensor& end, const Scalar& weight) {
  return self.lerp(end, weight);
}
Tensor lerp(const Tensor& self, const Tensor& end, const Tensor& weight) {
  return self.lerp(end, weight);
}

}  // namespace parity::ref
