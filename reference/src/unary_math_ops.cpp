// The floating unary functions exp ... sigmoid, reciprocal and rsqrt
// (ATen/native/UnaryOps.cpp, torch 1.13): integer and bool inputs compute
// in the default float dtype (kFloat), so their in-place forms refuse
// ("result type Float can't be cast ..."). float32 computes in float,
// float64 in double, float16/bfloat16 in float rounded once. Most have no
// float16 kernel on the CPU in 1.13; LibTorch's error names the kernel.
#include <cmath>

#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

// One function: its CPU kernel's name, whether it has a float16 kernel,
// and the value.
struct Exp {
  static constexpr const char* kernel = "exp_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::exp(x); }
};
struct Exp2 {
  static constexpr const char* kernel = "exp2_cpu";
  static constexpr bool has_half = true;
  auto operator()(auto x) const { return std::exp2(x); }
};
struct Expm1 {
  static constexpr const char* kernel = "expm1_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::expm1(x); }
};
struct Log {
  static constexpr const char* kernel = "log_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::log(x); }
};
struct Log2 {
  static constexpr const char* kernel = "log2_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::log2(x); }
};
struct Log10 {
  static constexpr const char* kernel = "log10_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::log10(x); }
};
struct Log1p {
  static constexpr const char* kernel = "log1p_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::log1p(x); }
};
struct Sqrt {
  static constexpr const char* kernel = "sqrt_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::sqrt(x); }
};
struct Rsqrt {
  static constexpr const char* kernel = "rsqrt_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return decltype(x)(1) / std::sqrt(x); }
};
struct Sin {
  static constexpr const char* kernel = "sin_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::sin(x); }
};
struct Cos {
  static constexpr const char* kernel = "cos_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::cos(x); }
};
struct Tan {
  static constexpr const char* kernel = "tan_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::tan(x); }
};
struct Asin {
  static constexpr const char* kernel = "asin_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::asin(x); }
};
struct Acos {
  static constexpr const char* kernel = "acos_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::acos(x); }
};
struct Atan {
  static constexpr const char* kernel = "atan_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::atan(x); }
};
struct Sinh {
  static constexpr const char* kernel = "sinh_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::sinh(x); }
};
struct Cosh {
  static constexpr const char* kernel = "cosh_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::cosh(x); }
};
struct Tanh {
  static constexpr const char* kernel = "tanh_vml_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const { return std::tanh(x); }
};
struct Sigmoid {
  static constexpr const char* kernel = "sigmoid_cpu";
  static constexpr bool has_half = false;
  auto operator()(auto x) const {
    using C = decltype(x);
    return C(1) / (C(1) + std::exp(-x));
  }
};
struct Reciprocal {
  static constexpr const char* kernel = "reciprocal_cpu";
  static constexpr bool has_half = true;
  auto operator()(auto x) const { return decltype(x)(1) / x; }
};

// The value types the loop may hand over: integer and bool inputs are
// converted to kFloat first, so only float and double reach the function.
template <class Fn>
auto floating_only(Fn fn) {
  return [fn](auto x) {
    if constexpr (std::is_floating_point_v<decltype(x)>)
      return fn(x);
    else
      return x;  // never runs: the common dtype is floating
  };
}

template <class Fn>
Tensor unary_float(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ScalarType common = isFloatingType(dtype) ? dtype : kFloat;
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, common) : plan_out_of_place({{self}}, common, common);
  if (common == kHalf && !Fn::has_half) throw_not_implemented(Fn::kernel, kHalf);
  run_elementwise(loop, floating_only(Fn{}));
  return loop.out;
}

template <class Fn>
Tensor& unary_float_(const Tensor& self) {
  unary_float<Fn>(self, true);
  return const_cast<Tensor&>(self);
}

}  // namespace

Tensor Tensor::exp() const { return unary_float<Exp>(*this, false); }
Tensor Tensor::exp2() const { return unary_float<Exp2>(*this, false); }
Tensor Tensor::expm1() const { return unary_float<Expm1>(*this, false); }
Tensor Tensor::log() const { return unary_float<Log>(*this, false); }
Tensor Tensor::log2() const { return unary_float<Log2>(*this, false); }
Tensor Tensor::log10() const { return unary_float<Log10>(*this, false); }
Tensor Tensor::log1p() const { return unary_float<Log1p>(*this, false); }
Tensor Tensor::sqrt() const { return unary_float<Sqrt>(*this, false); }
Tensor Tensor::rsqrt() const { return unary_float<Rsqrt>(*this, false); }
Tensor Tensor::sin() const { return unary_float<Sin>(*this, false); }
Tensor Tensor::cos() const { return unary_float<Cos>(*this, false); }
Tensor Tensor::tan() const { return unary_float<Tan>(*this, false); }
Tensor Tensor::asin() const { return unary_float<Asin>(*this, false); }
Tensor Tensor::acos() const { return unary_float<Acos>(*this, false); }
Tensor Tensor::atan() const { return unary_float<Atan>(*this, false); }
Tensor Tensor::sinh() const { return unary_float<Sinh>(*this, false); }
Tensor Tensor::cosh() const { return unary_float<Cosh>(*this, false); }
Tensor Tensor::tanh() const { return unary_float<Tanh>(*this, false); }
Tensor Tensor::sigmoid() const { return unary_float<Sigmoid>(*this, false); }
Tensor Tensor::reciprocal() const { return unary_float<Reciprocal>(*this, false); }

Tensor& Tensor::exp_() const { return unary_float_<Exp>(*this); }
Tensor& Tensor::exp2_() const { return unary_float_<Exp2>(*this); }
Tensor& Tensor::expm1_() const { return unary_float_<Expm1>(*this); }
Tensor& Tensor::log_() const { return unary_float_<Log>(*this); }
Tensor& Tensor::log2_() const { return unary_float_<Log2>(*this); }
Tensor& Tensor::log10_() const { return unary_float_<Log10>(*this); }
Tensor& Tensor::log1p_() const { return unary_float_<Log1p>(*this); }
Tensor& Tensor::sqrt_() const { return unary_float_<Sqrt>(*this); }
Tensor& Tensor::rsqrt_() const { return unary_float_<Rsqrt>(*this); }
Tensor& Tensor::sin_() const { return unary_float_<Sin>(*this); }
Tensor& Tensor::cos_() const { return unary_float_<Cos>(*this); }
Tensor& Tensor::tan_() const { return unary_float_<Tan>(*this); }
Tensor& Tensor::asin_() const { return unary_float_<Asin>(*this); }
Tensor& Tensor::acos_() const { return unary_float_<Acos>(*this); }
Tensor& Tensor::atan_() const { return unary_float_<Atan>(*this); }
Tensor& Tensor::sinh_() const { return unary_float_<Sinh>(*this); }
Tensor& Tensor::cosh_() const { return unary_float_<Cosh>(*this); }
Tensor& Tensor::tanh_() const { return unary_float_<Tanh>(*this); }
Tensor& Tensor::sigmoid_() const { return unary_float_<Sigmoid>(*this); }
Tensor& Tensor::reciprocal_() const { return unary_float_<Reciprocal>(*this); }

Tensor exp(const Tensor& self) { return self.exp(); }
Tensor exp2(const Tensor& self) { return self.exp2(); }
Tensor expm1(const Tensor& self) { return self.expm1(); }
Tensor log(const Tensor& self) { return self.log(); }
Tensor log2(const Tensor& self) { return self.log2(); }
Tensor log10(const Tensor& self) { return self.log10(); }
Tensor log1p(const Tensor& self) { return self.log1p(); }
Tensor sqrt(const Tensor& self) { return self.sqrt(); }
Tensor rsqrt(const Tensor& self) { return self.rsqrt(); }
Tensor sin(const Tensor& self) { return self.sin(); }
Tensor cos(const Tensor& self) { return self.cos(); }
Tensor tan(const Tensor& self) { return self.tan(); }
Tensor asin(const Tensor& self) { return self.asin(); }
Tensor acos(const Tensor& self) { return self.acos(); }
Tensor atan(const Tensor& self) { return self.atan(); }
Tensor sinh(const Tensor& self) { return self.sinh(); }
Tensor cosh(const Tensor& self) { return self.cosh(); }
Tensor tanh(const Tensor& self) { return self.tanh(); }
Tensor sigmoid(const Tensor& self) { return self.sigmoid(); }
Tensor reciprocal(const Tensor& self) { return self.reciprocal(); }

}  // namespace parity::ref
