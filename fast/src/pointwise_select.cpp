// clamp, clamp_min, clamp_max, lerp, where and masked_fill, as torch 1.13
// builds them: clamp with Scalar bounds promotes with the bounds by hand and
// casts self first; clamp with tensor bounds is a TensorIterator op over up
// to three inputs (one bound alone is maximum/minimum); where casts its
// values to their result type; masked_fill out of place is a contiguous
// clone of self broadcast with the mask, then the in-place fill.
#include <cmath>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/arith_kernels.h"
#include "cpu/fill_kernels.h"
#include "cpu/math_kernels.h"
#include "cpu/select_kernels.h"
#include "meta/promotion.h"
#include "meta/view_meta.h"
#include "parity/fast/functions.h"
#include "parity/fast/pointwise.h"
#include "pointwise_common.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

[[noreturn]] void no_bounds() {
  throw Error("torch.clamp: At least one of 'min' or 'max' must not be None");
}

bool is_nan(const Scalar& s) { return s.isFloatingPoint() && std::isnan(s.toDouble()); }

// A Scalar converted to dtype with c10's overflow check, as a Scalar again.
Scalar checked_as(ScalarType dtype, const Scalar& s) {
  return core::dispatch_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return core::element_to_scalar(core::checked_scalar_to<T>(s));
  });
}

// clamp / clamp_min / clamp_max with Scalar bounds.
Tensor clamp_scalar(const Tensor& self,
                    const std::optional<Scalar>& lo,
                    const std::optional<Scalar>& hi,
                    bool inplace,
                    bool one_bound_fn = false) {
  if (!lo && !hi) no_bounds();
  ScalarType rt = self.dtype();
  if (!isFloatingType(rt)) {
    meta::ResultTypeState st;
    st.add_tensor(rt, self.dim() == 0);
    if (lo) st.add_scalar(*lo);
    if (hi) st.add_scalar(*hi);
    rt = st.result();
    if (inplace && rt != self.dtype())
      throw Error(std::string("result type ") + toString(rt) +
                  " can't be cast to the desired output type " + cppTypeName(self.dtype()));
  }
  Tensor base = rt == self.dtype() ? self : self.to(rt);
  pw::Input ins[1] = {base};
  Tensor out;
  if (inplace) {
    pw::check_inplace_out(self, ins);
    out = self;
  } else {
    out = pw::fresh_output(ins, rt);
  }
  // clamp with both bounds, and clamp_min / clamp_max, fill a NaN bound
  // everywhere; clamp with one bound lets the comparison pass x through.
  const bool nan_fill =
      (lo && hi) ? (is_nan(*lo) || is_nan(*hi)) : one_bound_fn && is_nan(lo ? *lo : *hi);
  if (nan_fill) {
    if (out.numel() != 0) cpu::fill(*out.unsafeGetTensorImpl(), Scalar(std::nan("")));
  } else {
    const char* kernel = (lo && hi) ? "clamp_scalar_cpu"
                         : lo       ? "clamp_min_cpu"
                                    : "clamp_max_scalar_cpu";
    if (rt == kHalf || rt == kBool) pw::not_implemented(kernel, rt);
    std::optional<Scalar> l, h;
    if (lo) l = checked_as(rt, *lo);
    if (hi) h = checked_as(rt, *hi);
    pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
      cpu::run_clamp_scalar(rt, l, h, plan, dts);
    });
  }
  if (inplace) detail::bump_version(self);
  return out;
}

// clamp with tensor bounds; one bound alone is maximum / minimum.
Tensor clamp_tensor(const Tensor& self,
                    const std::optional<Tensor>& lo,
                    const std::optional<Tensor>& hi,
                    bool inplace) {
  const bool has_lo = lo && lo->defined(), has_hi = hi && hi->defined();
  if (!has_lo && !has_hi) no_bounds();
  std::vector<pw::Input> ins{self};
  if (has_lo) ins.emplace_back(*lo);
  if (has_hi) ins.emplace_back(*hi);
  const ScalarType common = pw::common_dtype(ins);
  pw::round_to_reduced(ins, common);
  Tensor out;
  if (inplace) {
    pw::check_inplace_out(self, ins);
    pw::check_can_cast(common, self.dtype());
    out = self;
  } else {
    out = pw::fresh_output(ins, common, common);
  }
  if (has_lo && has_hi && (common == kBool || common == kHalf))
    pw::not_implemented("clamp_cpu", common);
  pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    if (has_lo && has_hi) return cpu::run_clamp_tensor(common, plan, dts);
    cpu::ArithArgs a;
    a.op = has_lo ? cpu::ArithOp::Maximum : cpu::ArithOp::Minimum;
    a.dtype = common;
    cpu::run_arith(a, plan, dts);
  });
  if (inplace) detail::bump_version(self);
  return out;
}

void lerp_dtype_check(const Tensor& self, const Tensor& other, const char* what) {
  if (self.dtype() != other.dtype())
    throw Error(std::string("expected dtype ") + cppTypeName(self.dtype()) + " for `" + what +
                "` but got dtype " + cppTypeName(other.dtype()));
}

Tensor lerp_impl(const Tensor& self,
                 const Tensor& end,
                 const std::optional<Scalar>& w_s,
                 const Tensor* w_t,
                 bool inplace) {
  lerp_dtype_check(self, end, "end");
  if (w_t) lerp_dtype_check(self, *w_t, "weight");
  std::vector<pw::Input> ins{self, end};
  if (w_t) ins.emplace_back(*w_t);
  const ScalarType dt = self.dtype();
  Tensor out;
  if (inplace) {
    pw::check_inplace_out(self, ins);
    out = self;
  } else {
    out = pw::fresh_output(ins, dt);
  }
  if (!isFloatingType(dt) || dt == kHalf)
    pw::not_implemented(w_t ? "lerp_kernel_tensor" : "lerp_kernel_scalar", dt);
  double w = 0;
  // The weight converts to the op math type (float for bfloat16), unrounded.
  if (!w_t) w = checked_as(dt == kBFloat16 ? kFloat : dt, *w_s).toDouble();
  pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    cpu::run_math({w_t ? cpu::MathOp::LerpTensor : cpu::MathOp::Lerp, dt, w}, plan, dts);
  });
  if (inplace) detail::bump_version(self);
  return out;
}

Tensor where_impl(const Tensor& cond, const Tensor& a, const Tensor& b) {
  pw::Input ab[2] = {a, b};
  const ScalarType rt = pw::common_dtype(ab);
  Tensor a_c = a.dtype() == rt ? a : a.to(rt);
  Tensor b_c = b.dtype() == rt ? b : b.to(rt);
  if (cond.dtype() != kByte && cond.dtype() != kBool)
    throw Error(std::string("where expected condition to be a boolean tensor, but got a tensor "
                            "with dtype ") +
                toString(cond.dtype()));
  pw::Input ins[3] = {cond, a_c, b_c};
  Tensor out = pw::fresh_output(ins, rt);
  pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    cpu::run_where(rt, plan, dts);
  });
  return out;
}

// A 0-d tensor of dtype holding s (torch's scalar_tensor: a checked fill).
Tensor scalar_tensor(const Scalar& s, ScalarType dtype) {
  return full(IntArrayRef{}, s, TensorOptions(dtype));
}

void masked_fill_inplace(Tensor& self, const Tensor& mask, const Scalar& value, bool checks) {
  pw::Input ins[2] = {self, mask};
  if (checks) {
    detail::check_inplace(self);
    if (detail::partial_overlap(*self.unsafeGetTensorImpl(), *mask.unsafeGetTensorImpl()))
      throw Error(
          "unsupported operation: some elements of the input tensor and the written-to tensor "
          "refer to a single memory location. Please clone() the tensor before performing the "
          "operation.");
    DimVector shape = meta::broadcast_shapes(self.sizes(), mask.sizes());
    if (shape.ref() != self.sizes())
      throw Error("output with shape " + meta::sizes_str(self.sizes()) +
                  " doesn't match the broadcast shape " + meta::sizes_str(shape));
  }
  const Scalar v = checked_as(self.dtype(), value);
  // A non-bool mask is read byte by byte, as torch reads it as uint8.
  if (mask.dtype() != kBool) ins[1].read_as = kByte;
  pw::run(self, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    cpu::run_masked_fill(self.dtype(), v, plan, dts);
  });
  if (checks) detail::bump_version(self);
}

Scalar value_of(const Tensor& value) {
  if (value.dim() != 0)
    throw Error("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                std::to_string(value.dim()) + " dimension(s).");
  return value.item();
}

Tensor masked_fill_copy(const Tensor& self, const Tensor& mask, const Scalar& value) {
  DimVector shape = meta::broadcast_shapes(mask.sizes(), self.sizes());
  Tensor out = detail::make_contiguous(shape, self.dtype());
  detail::copy_into(out, self);
  masked_fill_inplace(out, mask, value, false);
  return out;
}

}  // namespace

// --- clamp ------------------------------------------------------------------------

Tensor Tensor::clamp(const std::optional<Scalar>& min, const std::optional<Scalar>& max) const {
  return clamp_scalar(*this, min, max, false);
}
Tensor Tensor::clamp(const std::optional<Tensor>& min, const std::optional<Tensor>& max) const {
  return clamp_tensor(*this, min, max, false);
}
Tensor& Tensor::clamp_(const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  clamp_scalar(*this, min, max, true);
  return *this;
}
Tensor& Tensor::clamp_(const std::optional<Tensor>& min, const std::optional<Tensor>& max) {
  clamp_tensor(*this, min, max, true);
  return *this;
}
Tensor Tensor::clamp_min(const Scalar& min) const {
  return clamp_scalar(*this, min, std::nullopt, false, true);
}
Tensor Tensor::clamp_min(const Tensor& min) const {
  return clamp_tensor(*this, min, std::nullopt, false);
}
Tensor& Tensor::clamp_min_(const Scalar& min) {
  clamp_scalar(*this, min, std::nullopt, true, true);
  return *this;
}
Tensor& Tensor::clamp_min_(const Tensor& min) {
  clamp_tensor(*this, min, std::nullopt, true);
  return *this;
}
Tensor Tensor::clamp_max(const Scalar& max) const {
  return clamp_scalar(*this, std::nullopt, max, false, true);
}
Tensor Tensor::clamp_max(const Tensor& max) const {
  return clamp_tensor(*this, std::nullopt, max, false);
}
Tensor& Tensor::clamp_max_(const Scalar& max) {
  clamp_scalar(*this, std::nullopt, max, true, true);
  return *this;
}
Tensor& Tensor::clamp_max_(const Tensor& max) {
  clamp_tensor(*this, std::nullopt, max, true);
  return *this;
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

// --- lerp -------------------------------------------------------------------------

Tensor Tensor::lerp(const Tensor& end, const Scalar& weight) const {
  return lerp_impl(*this, end, weight, nullptr, false);
}
Tensor Tensor::lerp(const Tensor& end, const Tensor& weight) const {
  return lerp_impl(*this, end, std::nullopt, &weight, false);
}
Tensor& Tensor::lerp_(const Tensor& end, const Scalar& weight) {
  lerp_impl(*this, end, weight, nullptr, true);
  return *this;
}
Tensor& Tensor::lerp_(const Tensor& end, const Tensor& weight) {
  lerp_impl(*this, end, std::nullopt, &weight, true);
  return *this;
}
Tensor lerp(const Tensor& self, const Tensor& end, const Scalar& weight) {
  return self.lerp(end, weight);
}
Tensor lerp(const Tensor& self, const Tensor& end, const Tensor& weight) {
  return self.lerp(end, weight);
}

// --- where ------------------------------------------------------------------------

Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other) {
  return where_impl(condition, self, other);
}
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other) {
  pw::Input ins[2] = {other, self};
  const ScalarType rt = pw::common_dtype(ins);
  Tensor other_c = other.dtype() == rt ? other : other.to(rt);
  return where_impl(condition, scalar_tensor(self, rt), other_c);
}
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other) {
  pw::Input ins[2] = {self, other};
  const ScalarType rt = pw::common_dtype(ins);
  Tensor self_c = self.dtype() == rt ? self : self.to(rt);
  return where_impl(condition, self_c, scalar_tensor(other, rt));
}
Tensor where(const Tensor& condition, const Scalar& self, const Scalar& other) {
  pw::Input ins[2] = {self, other};
  const ScalarType rt = pw::common_dtype(ins);
  Tensor other_t = scalar_tensor(other, rt);
  return where_impl(condition, scalar_tensor(self, rt), other_t);
}
Tensor Tensor::where(const Tensor& condition, const Tensor& other) const {
  return parity::fast::where(condition, *this, other);
}
Tensor Tensor::where(const Tensor& condition, const Scalar& other) const {
  return parity::fast::where(condition, *this, other);
}

// --- masked_fill ------------------------------------------------------------------

Tensor Tensor::masked_fill(const Tensor& mask, const Scalar& value) const {
  return masked_fill_copy(*this, mask, value);
}
Tensor Tensor::masked_fill(const Tensor& mask, const Tensor& value) const {
  DimVector shape = meta::broadcast_shapes(mask.sizes(), sizes());
  Tensor out = detail::make_contiguous(shape, dtype());
  detail::copy_into(out, *this);
  masked_fill_inplace(out, mask, value_of(value), false);
  return out;
}
Tensor& Tensor::masked_fill_(const Tensor& mask, const Scalar& value) {
  masked_fill_inplace(*this, mask, value, true);
  return *this;
}
Tensor& Tensor::masked_fill_(const Tensor& mask, const Tensor& value) {
  masked_fill_inplace(*this, mask, value_of(value), true);
  return *this;
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  return self.masked_fill(mask, value);
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  return self.masked_fill(mask, value);
}

}  // namespace parity::fast
