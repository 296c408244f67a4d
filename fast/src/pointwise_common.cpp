#include "pointwise_common.h"

#include <cstring>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/scalar_convert.h"
#include "meta/iter_layout.h"
#include "meta/promotion.h"
#include "meta/view_meta.h"
#include "tensor_internal.h"

namespace parity::fast::pw {

ScalarType common_dtype(std::span<const Input> ins) {
  meta::ResultTypeState st;
  for (const Input& in : ins) {
    if (in.is_tensor())
      st.add_tensor(in.t.dtype(), in.t.dim() == 0);
    else
      st.add_scalar(in.s);
  }
  return st.result();
}

void round_to_reduced(std::span<Input> ins, ScalarType dtype) {
  if (dtype != kHalf && dtype != kBFloat16) return;
  for (Input& in : ins) {
    if (in.is_tensor()) {
      if (in.t.dtype() != dtype) in.t = in.t.to(dtype);
    } else if (!in.s.isBoolean()) {
      in.s = core::dispatch_dtype(dtype, [&](auto tag) {
        using T = typename decltype(tag)::type;
        T v = in.s.isFloatingPoint() ? core::convert<T>(in.s.toDouble())
                                     : core::convert<T>(in.s.toLong());
        return core::element_to_scalar(v);
      });
    }
  }
}

Tensor fresh_output(std::span<const Input> ins,
                    ScalarType dtype,
                    std::optional<ScalarType> cast_to) {
  meta::IterOperand ops[3];
  DimVector cast_strides[3];
  size_t n = 0;
  for (const Input& in : ins) {
    if (!in.is_tensor()) {
      ops[n++] = {IntArrayRef{}, IntArrayRef{}};
    } else if (cast_to && in.t.dtype() != *cast_to) {
      cast_strides[n] = meta::preserve_strides(in.t.sizes(), in.t.strides());
      ops[n] = {in.t.sizes(), cast_strides[n].ref()};
      ++n;
    } else {
      ops[n++] = {in.t.sizes(), in.t.strides()};
    }
  }
  meta::IterLayout layout = meta::iter_layout(std::span<const meta::IterOperand>(ops, n));
  return detail::make_strided(layout.shape, layout.output_strides, dtype);
}

void check_inplace_out(const Tensor& self, std::span<const Input> ins) {
  const TensorImpl& s = *self.unsafeGetTensorImpl();
  detail::check_inplace(self);
  if (meta::has_internal_overlap(s.sizes(), s.strides())) throw Error(detail::kInternalOverlap);
  DimVector shape;
  for (const Input& in : ins) {
    if (!in.is_tensor()) continue;
    if (detail::partial_overlap(s, *in.t.unsafeGetTensorImpl()))
      throw Error(
          "unsupported operation: some elements of the input tensor and the written-to tensor "
          "refer to a single memory location. Please clone() the tensor before performing the "
          "operation.");
    shape = meta::broadcast_shapes(shape, in.t.sizes());
  }
  if (shape.ref() != s.sizes().ref())
    throw Error("output with shape " + meta::sizes_str(s.sizes()) +
                " doesn't match the broadcast shape " + meta::sizes_str(shape));
}

void check_can_cast(ScalarType from, ScalarType to) {
  if (!meta::can_cast(from, to))
    throw Error(std::string("result type ") + toString(from) +
                " can't be cast to the desired output type " + toString(to));
}

void not_implemented(const char* kernel, ScalarType t) {
  throw Error(std::string("\"") + kernel + "\" not implemented for '" + toString(t) + "'");
}

void run(const Tensor& out, std::span<const Input> ins, const Kernel& kernel) {
  const TensorImpl& o = *out.unsafeGetTensorImpl();
  if (o.numel() == 0) return;
  const IntArrayRef shape = o.sizes().ref();
  constexpr int kMax = iter::kMaxNaryOperands;
  // Wrapped Scalars live here for the run, in their own dtype.
  alignas(8) char scalar_buf[kMax][8];
  DimVector st[kMax];
  char* ptrs[kMax];
  IntArrayRef strides[kMax];
  int64_t items[kMax];
  ScalarType dts[kMax];
  ptrs[0] = o.data();
  strides[0] = o.strides().ref();
  items[0] = static_cast<int64_t>(o.itemsize());
  dts[0] = o.dtype();
  const int n = static_cast<int>(ins.size());
  for (int i = 0; i < n; ++i) {
    const Input& in = ins[i];
    const int k = i + 1;
    dts[k] = in.read_as.value_or(in.dtype());
    items[k] = static_cast<int64_t>(elementSize(in.dtype()));
    if (in.is_tensor()) {
      const TensorImpl& t = *in.t.unsafeGetTensorImpl();
      st[k] = meta::broadcast_strides({t.sizes().ref(), t.strides().ref()}, shape);
      ptrs[k] = t.data();
    } else {
      st[k] = DimVector(shape.size(), 0);
      if (in.s.isFloatingPoint()) {
        double v = in.s.toDouble();
        std::memcpy(scalar_buf[k], &v, sizeof v);
      } else if (in.s.isBoolean()) {
        scalar_buf[k][0] = in.s.toBool() ? 1 : 0;
      } else {
        int64_t v = in.s.toLong();
        std::memcpy(scalar_buf[k], &v, sizeof v);
      }
      ptrs[k] = scalar_buf[k];
    }
    strides[k] = st[k].ref();
  }
  iter::NaryPlan plan = iter::make_nary_plan(shape, n + 1, ptrs, strides, items);
  kernel(plan, dts);
}

}  // namespace parity::fast::pw
