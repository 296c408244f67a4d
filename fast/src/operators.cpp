// The elementwise operators: add sub mul div, the comparisons and neg, their
// in-place forms, result_type and broadcast_tensors. Each op runs the steps
// of TensorIterator::build in its order (overlap, shape, dtypes), then its
// own argument checks, then one plan and one kernel run.
#include "parity/fast/operators.h"

#include <cstring>
#include <string>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/binary_kernels.h"
#include "iter/binary_iter.h"
#include "meta/iter_layout.h"
#include "meta/promotion.h"
#include "meta/view_meta.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

using cpu::BinaryOp;

// The second input: a tensor, or a Scalar as torch wraps it (a 0-d
// "wrapped number" of dtype Bool, Long or Double, which only takes part in
// promotion as the lowest-priority participant).
struct Operand {
  const TensorImpl* t = nullptr;
  Scalar s;
  explicit Operand(const Tensor& x) : t(x.unsafeGetTensorImpl()) {}
  explicit Operand(const Scalar& x) : s(x) {}
  ScalarType dtype() const {
    if (t) return t->dtype();
    return s.isFloatingPoint() ? kDouble : s.isBoolean() ? kBool : kLong;
  }
};

void add_to_state(meta::ResultTypeState& st, const TensorImpl& t) {
  st.add_tensor(t.dtype(), t.dim() == 0);
}
void add_to_state(meta::ResultTypeState& st, const Operand& o) {
  if (o.t)
    add_to_state(st, *o.t);
  else
    st.add_scalar(o.s);
}

const char* const kPartialOverlap =
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to "
    "a single memory location. Please clone() the tensor before performing the operation.";

// add's alpha_check, on the op's result dtype.
void alpha_check(ScalarType dtype, const Scalar& alpha) {
  if (alpha.isBoolean() && dtype != kBool)
    throw Error("Boolean alpha only supported for Boolean results.");
  if (!isFloatingType(dtype) && !alpha.isIntegral(true))
    throw Error("For integral input tensors, argument alpha must not be a floating point number.");
}

void sub_check(ScalarType a, ScalarType b) {
  if (a == kBool && b == kBool)
    throw Error(
        "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
        "`logical_xor()` operator instead.");
  if (a == kBool || b == kBool)
    throw Error(
        "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.");
}

// Scalar::to<T>() of the promoted dtype (checked, as c10 checks alpha), as
// a Scalar again: float16/bfloat16 alphas are rounded to that dtype.
Scalar round_alpha(ScalarType dtype, const Scalar& alpha) {
  return core::dispatch_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return core::element_to_scalar(core::checked_scalar_to<T>(alpha));
  });
}

struct OpRequest {
  BinaryOp op;
  Scalar alpha = 1;            // AddAlpha only
  bool layout_from_a = false;  // a unary op: only `a` shapes the output
};

// The whole op. self: the in-place destination (also the first input), or
// null for a fresh output.
Tensor run(const OpRequest& req, const Tensor& a_in, const Operand& b_in, Tensor* self) {
  BinaryOp op = req.op;

  // --- dtypes ---------------------------------------------------------------
  meta::ResultTypeState st;
  add_to_state(st, *a_in.unsafeGetTensorImpl());
  add_to_state(st, b_in);
  ScalarType common = st.result();
  // torch casts CPU inputs to the common dtype before the kernel runs; the
  // kernels here convert straight to the computation dtype instead, which is
  // the same except when that skips a rounding: a float16/bfloat16 op must
  // see its other inputs rounded to float16/bfloat16 first (1e10 -> inf).
  Tensor a_t = a_in;
  Tensor b_conv;
  Operand b = b_in;
  if (common == kHalf || common == kBFloat16) {
    if (a_t.dtype() != common) a_t = a_t.to(common);
    if (b.t && b.t->dtype() != common) {
      b_conv = Tensor(IntrusivePtr<TensorImpl>(const_cast<TensorImpl*>(b.t))).to(common);
      b.t = b_conv.unsafeGetTensorImpl();
    } else if (!b.t && !b.s.isBoolean()) {
      b.s = core::dispatch_dtype(common, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T v = b.s.isFloatingPoint() ? core::convert<T>(b.s.toDouble())
                                    : core::convert<T>(b.s.toLong());
        return core::element_to_scalar(v);
      });
    }
  }
  const TensorImpl& a = *a_t.unsafeGetTensorImpl();
  // True division promotes integers and bool to the default float dtype.
  if (op == BinaryOp::Div && !isFloatingType(common)) common = kFloat;
  const bool comparison = cpu::is_comparison(op);

  // --- shape (and, in place, overlap) -------------------------------------
  const IntArrayRef b_sizes = b.t ? b.t->sizes().ref() : IntArrayRef{};
  const IntArrayRef b_strides = b.t ? b.t->strides().ref() : IntArrayRef{};
  meta::IterOperand ops[2] = {{a.sizes().ref(), a.strides().ref()}, {b_sizes, b_strides}};
  // torch casts a CPU input of another dtype with .to(common) before laying
  // out the output, so for the layout such an input counts with that copy's
  // strides (the kernels still read the original).
  meta::IterOperand layout_ops[2] = {ops[0], ops[1]};
  DimVector a_cast, b_cast;
  if (a.dtype() != common) {
    a_cast = meta::preserve_strides(a.sizes().ref(), a.strides().ref());
    layout_ops[0].strides = a_cast.ref();
  }
  if (b.t && b.t->dtype() != common) {
    b_cast = meta::preserve_strides(b_sizes, b_strides);
    layout_ops[1].strides = b_cast.ref();
  }
  Tensor out;
  DimVector shape;
  ScalarType out_dtype;
  if (self) {
    const TensorImpl& s = *self->unsafeGetTensorImpl();
    detail::check_inplace(*self);
    if (meta::has_internal_overlap(s.sizes(), s.strides())) throw Error(detail::kInternalOverlap);
    if (detail::partial_overlap(s, a) || (b.t && detail::partial_overlap(s, *b.t)))
      throw Error(kPartialOverlap);
    shape = meta::broadcast_shapes(a.sizes(), b_sizes);
    if (shape.ref() != s.sizes().ref())
      throw Error("output with shape " + meta::sizes_str(s.sizes()) +
                  " doesn't match the broadcast shape " + meta::sizes_str(shape));
    out_dtype = s.dtype();
    if (!meta::can_cast(common, out_dtype))
      throw Error(std::string("result type ") + toString(common) +
                  " can't be cast to the desired output type " + toString(out_dtype));
    out = *self;
  } else {
    meta::IterLayout layout = meta::iter_layout(std::span(layout_ops, req.layout_from_a ? 1 : 2));
    shape = std::move(layout.shape);
    out_dtype = comparison ? kBool : common;
    out = detail::make_strided(shape, layout.output_strides, out_dtype);
  }

  // --- the op's own checks, after TensorIterator's ------------------------
  Scalar alpha = req.alpha;
  if (op == BinaryOp::AddAlpha) {
    alpha_check(out_dtype, alpha);
    alpha = round_alpha(common, alpha);
    // alpha 1 and -1 are the plain add and subtract, exactly.
    bool one = alpha.isBoolean() ? alpha.toBool() : alpha.toDouble() == 1.0;
    if (one)
      op = BinaryOp::Add;
    else if (!alpha.isBoolean() && alpha.toDouble() == -1.0)
      op = BinaryOp::Sub;
  }
  if (common == kBool && (op == BinaryOp::DivTrunc || op == BinaryOp::DivFloor))
    throw Error(std::string("\"") + (op == BinaryOp::DivTrunc ? "div_trunc_cpu" : "div_floor_cpu") +
                "\" not implemented for 'Bool'");

  // --- the run ----------------------------------------------------------------
  const TensorImpl& o = *out.unsafeGetTensorImpl();
  if (o.numel() != 0) {
    // A wrapped Scalar lives here for the run, in its own dtype; the kernel
    // converts it to the computation dtype (no range check, as torch).
    alignas(8) char scalar_buf[8];
    const char* b_ptr;
    if (b.t) {
      b_ptr = b.t->data();
    } else if (b.s.isFloatingPoint()) {
      double v = b.s.toDouble();
      std::memcpy(scalar_buf, &v, sizeof v);
      b_ptr = scalar_buf;
    } else if (b.s.isBoolean()) {
      scalar_buf[0] = b.s.toBool() ? 1 : 0;
      b_ptr = scalar_buf;
    } else {
      int64_t v = b.s.toLong();
      std::memcpy(scalar_buf, &v, sizeof v);
      b_ptr = scalar_buf;
    }
    DimVector a_st = meta::broadcast_strides(ops[0], shape);
    DimVector b_st = meta::broadcast_strides(ops[1], shape);
    char* ptrs[3] = {o.data(), a.data(), const_cast<char*>(b_ptr)};
    IntArrayRef strides[3] = {o.strides().ref(), a_st.ref(), b_st.ref()};
    const int64_t items[3] = {static_cast<int64_t>(o.itemsize()),
                              static_cast<int64_t>(a.itemsize()),
                              static_cast<int64_t>(elementSize(b.dtype()))};
    iter::ElementwisePlan plan = iter::make_elementwise_plan(shape, 3, ptrs, strides, items);
    cpu::BinaryArgs args;
    args.op = op;
    args.compute = common == kHalf || common == kBFloat16 ? kFloat : common;
    args.out = out_dtype;
    args.a = a.dtype();
    args.b = b.dtype();
    args.alpha = alpha;
    cpu::run_binary(plan, args);
  }
  if (self) detail::bump_version(*self);
  return out;
}

OpRequest add_request(const Scalar& alpha) { return OpRequest{BinaryOp::AddAlpha, alpha}; }

Scalar negated(const Scalar& s) {
  if (s.isFloatingPoint()) return Scalar(-s.toDouble());
  if (s.isBoolean()) return s;  // only reachable past sub_check's refusal
  return Scalar(static_cast<int64_t>(0 - static_cast<uint64_t>(s.toLong())));
}

BinaryOp div_op(std::optional<std::string_view> mode) {
  if (!mode) return BinaryOp::Div;
  if (*mode == "trunc") return BinaryOp::DivTrunc;
  if (*mode == "floor") return BinaryOp::DivFloor;
  throw Error("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '" +
              std::string(*mode) + "'");
}

template <class O>
Tensor sub_impl(const Tensor& a, const O& other, const Scalar& alpha, Tensor* self) {
  Operand b(other);
  sub_check(a.dtype(), b.dtype());
  // torch checks alpha on the unnegated value, then adds -alpha. A bool
  // alpha always fails that check here (sub_check refused bool results), so
  // this run stops at it, after TensorIterator's own checks, writing nothing.
  if (alpha.isBoolean()) (void)run(OpRequest{BinaryOp::AddAlpha, alpha}, a, b, self);
  return run(add_request(negated(alpha)), a, b, self);
}

}  // namespace

// --- out of place ---------------------------------------------------------------

Tensor Tensor::add(const Tensor& o, const Scalar& alpha) const {
  return run(add_request(alpha), *this, Operand(o), nullptr);
}
Tensor Tensor::add(const Scalar& o, const Scalar& alpha) const {
  return run(add_request(alpha), *this, Operand(o), nullptr);
}
Tensor Tensor::sub(const Tensor& o, const Scalar& alpha) const {
  return sub_impl(*this, o, alpha, nullptr);
}
Tensor Tensor::sub(const Scalar& o, const Scalar& alpha) const {
  return sub_impl(*this, o, alpha, nullptr);
}
Tensor Tensor::mul(const Tensor& o) const {
  return run({BinaryOp::Mul}, *this, Operand(o), nullptr);
}
Tensor Tensor::mul(const Scalar& o) const {
  return run({BinaryOp::Mul}, *this, Operand(o), nullptr);
}
Tensor Tensor::div(const Tensor& o) const {
  return run({BinaryOp::Div}, *this, Operand(o), nullptr);
}
Tensor Tensor::div(const Scalar& o) const {
  return run({BinaryOp::Div}, *this, Operand(o), nullptr);
}
Tensor Tensor::div(const Tensor& o, std::optional<std::string_view> mode) const {
  return run({div_op(mode)}, *this, Operand(o), nullptr);
}
Tensor Tensor::div(const Scalar& o, std::optional<std::string_view> mode) const {
  return run({div_op(mode)}, *this, Operand(o), nullptr);
}

#define PARITY_FAST_COMPARISON(name, OP)                              \
  Tensor Tensor::name(const Tensor& o) const {                        \
    return run({BinaryOp::OP}, *this, Operand(o), nullptr);           \
  }                                                                   \
  Tensor Tensor::name(const Scalar& o) const {                        \
    return run({BinaryOp::OP}, *this, Operand(o), nullptr);           \
  }                                                                   \
  Tensor name(const Tensor& a, const Tensor& b) { return a.name(b); } \
  Tensor name(const Tensor& a, const Scalar& b) { return a.name(b); }
PARITY_FAST_COMPARISON(eq, Eq)
PARITY_FAST_COMPARISON(ne, Ne)
PARITY_FAST_COMPARISON(lt, Lt)
PARITY_FAST_COMPARISON(le, Le)
PARITY_FAST_COMPARISON(gt, Gt)
PARITY_FAST_COMPARISON(ge, Ge)
#undef PARITY_FAST_COMPARISON

Tensor Tensor::neg() const {
  if (dtype() == kBool)
    throw Error(
        "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.");
  // x * -1 is exactly -x in every dtype (signed zeros and integer wrap
  // included); the layout is the unary op's, from x alone.
  OpRequest r{BinaryOp::Mul};
  r.layout_from_a = true;
  return run(r, *this, Operand(Scalar(int64_t{-1})), nullptr);
}

// --- in place -------------------------------------------------------------------

Tensor& Tensor::add_(const Tensor& o, const Scalar& alpha) {
  run(add_request(alpha), *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::add_(const Scalar& o, const Scalar& alpha) {
  run(add_request(alpha), *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::sub_(const Tensor& o, const Scalar& alpha) {
  sub_impl(*this, o, alpha, this);
  return *this;
}
Tensor& Tensor::sub_(const Scalar& o, const Scalar& alpha) {
  sub_impl(*this, o, alpha, this);
  return *this;
}
Tensor& Tensor::mul_(const Tensor& o) {
  run({BinaryOp::Mul}, *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::mul_(const Scalar& o) {
  run({BinaryOp::Mul}, *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::div_(const Tensor& o) {
  run({BinaryOp::Div}, *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::div_(const Scalar& o) {
  run({BinaryOp::Div}, *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::div_(const Tensor& o, std::optional<std::string_view> mode) {
  run({div_op(mode)}, *this, Operand(o), this);
  return *this;
}
Tensor& Tensor::div_(const Scalar& o, std::optional<std::string_view> mode) {
  run({div_op(mode)}, *this, Operand(o), this);
  return *this;
}

// --- free functions -------------------------------------------------------------

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) { return a.add(b, alpha); }
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha) { return a.add(b, alpha); }
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) { return a.sub(b, alpha); }
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha) { return a.sub(b, alpha); }
Tensor mul(const Tensor& a, const Tensor& b) { return a.mul(b); }
Tensor mul(const Tensor& a, const Scalar& b) { return a.mul(b); }
Tensor div(const Tensor& a, const Tensor& b) { return a.div(b); }
Tensor div(const Tensor& a, const Scalar& b) { return a.div(b); }
Tensor div(const Tensor& a, const Tensor& b, std::optional<std::string_view> mode) {
  return a.div(b, mode);
}
Tensor div(const Tensor& a, const Scalar& b, std::optional<std::string_view> mode) {
  return a.div(b, mode);
}

ScalarType result_type(const Tensor& a, const Tensor& b) {
  meta::ResultTypeState st;
  add_to_state(st, *a.unsafeGetTensorImpl());
  add_to_state(st, *b.unsafeGetTensorImpl());
  return st.result();
}
ScalarType result_type(const Tensor& a, const Scalar& b) {
  meta::ResultTypeState st;
  add_to_state(st, *a.unsafeGetTensorImpl());
  st.add_scalar(b);
  return st.result();
}
ScalarType result_type(const Scalar& a, const Tensor& b) { return result_type(b, a); }

std::vector<Tensor> broadcast_tensors(const std::vector<Tensor>& tensors) {
  DimVector shape;
  for (const Tensor& t : tensors) shape = meta::broadcast_shapes(shape, t.sizes());
  std::vector<Tensor> out;
  out.reserve(tensors.size());
  for (const Tensor& t : tensors) out.push_back(t.expand(shape));
  return out;
}

}  // namespace parity::fast
