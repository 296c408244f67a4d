// Tensor members that are not views: metadata, element access, copies,
// conversions and in-place writes.
#include <cstring>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/copy_kernels.h"
#include "cpu/fill_kernels.h"
#include "iter/copy_iter.h"
#include "tensor_internal.h"

namespace parity::fast {

namespace detail {

Tensor make_strided(IntArrayRef sizes, IntArrayRef strides, ScalarType dtype, bool zero) {
  meta::check_nonnegative_sizes(sizes);
  // Extent of the buffer: one past the farthest element.
  int64_t extent = 1;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] == 0) {
      extent = 0;
      break;
    }
    extent += (sizes[i] - 1) * strides[i];
  }
  Storage storage(StorageImpl::create(static_cast<size_t>(extent) * elementSize(dtype), zero),
                  dtype);
  return Tensor(IntrusivePtr<TensorImpl>(
      new TensorImpl(std::move(storage), dtype, DimVector(sizes), DimVector(strides), 0)));
}

Tensor make_view(const Tensor& t, meta::Geometry&& g) {
  const TensorImpl* src = t.unsafeGetTensorImpl();
  auto* impl = new TensorImpl(src->storage(), src->dtype(), std::move(g.sizes),
                              std::move(g.strides), g.offset);
  return Tensor(IntrusivePtr<TensorImpl>(impl));
}

void copy_into(const Tensor& dst, const Tensor& src) {
  const TensorImpl& d = *dst.unsafeGetTensorImpl();
  const TensorImpl& s = *src.unsafeGetTensorImpl();
  if (d.numel() == 0) return;
  // The common case (contiguous to contiguous, same shape) skips planning.
  if (d.is_contiguous() && s.is_contiguous() && d.numel() == s.numel() &&
      d.sizes().ref() == s.sizes().ref()) {
    if (d.dtype() == s.dtype() && d.numel() < iter::kGrainSize) {
      std::memcpy(d.data(), s.data(), static_cast<size_t>(d.numel()) * d.itemsize());
      return;
    }
    DimVector one{d.numel()};
    DimVector unit{1};
    auto plan = iter::make_plan(one, d.data(), unit, d.itemsize(), s.data(), unit, s.itemsize());
    iter::run(plan, cpu::copy_row_kernel(s.dtype(), d.dtype()));
    return;
  }
  // Broadcast src's strides onto dst's shape (aligned at the right).
  const size_t nd = d.sizes().size(), ns = s.sizes().size();
  DimVector sst(nd, 0);
  for (size_t k = 0; k < ns && k < nd; ++k) {
    size_t di = nd - 1 - k, si = ns - 1 - k;
    sst[di] = s.sizes()[si] == 1 ? 0 : s.strides()[si];
  }
  auto plan =
      iter::make_plan(d.sizes(), d.data(), d.strides(), d.itemsize(), s.data(), sst, s.itemsize());
  iter::run(plan, cpu::copy_row_kernel(s.dtype(), d.dtype()));
}

void check_inplace(const Tensor& t) {
  if (t.requires_grad())
    throw Error("a leaf Variable that requires grad is being used in an in-place operation.");
}

void check_device(Device d) {
  if (!d.is_cpu()) {
    throw NotImplementedError("parity::fast: device '" + d.str() +
                              "' is not implemented in this build (only 'cpu' is)");
  }
}

void bump_version(const Tensor& t) { t.unsafeGetTensorImpl()->storage_impl()->bump_version(); }

// torch's get_overlap_status == PARTIAL between the written tensor and an
// input (only decidable when both are dense).
bool partial_overlap(const TensorImpl& a, const TensorImpl& b) {
  if (&a == &b || a.numel() == 0 || b.numel() == 0) return false;
  if (!meta::is_non_overlapping_and_dense(a.sizes(), a.strides()) ||
      !meta::is_non_overlapping_and_dense(b.sizes(), b.strides()))
    return false;
  if (a.storage_impl() != b.storage_impl()) return false;
  const char* ab = a.data();
  const char* ae = ab + a.numel() * static_cast<int64_t>(a.itemsize());
  const char* bb = b.data();
  const char* be = bb + b.numel() * static_cast<int64_t>(b.itemsize());
  if (ab == bb && ae == be) return a.strides().ref() != b.strides().ref();
  return ab < be && bb < ae;
}

const char* const kInternalOverlap =
    "unsupported operation: more than one element of the written-to tensor refers to a single "
    "memory location. "
    "Please clone() the tensor before performing the operation.";

}  // namespace detail

// --- metadata ---------------------------------------------------------------

int64_t Tensor::size(int64_t d) const { return impl_->sizes()[meta::wrap_dim(d, dim())]; }
int64_t Tensor::stride(int64_t d) const { return impl_->strides()[meta::wrap_dim(d, dim())]; }

Tensor& Tensor::requires_grad_(bool r) {
  if (r && !isFloatingType(dtype()))
    throw Error("Only Tensors of floating point and complex dtype can require gradients");
  impl_->set_requires_grad(r);
  return *this;
}

template <class T>
T* Tensor::data_ptr() const {
  if (scalarTypeOf<T>() != dtype()) {
    throw Error(std::string("expected scalar type ") + toString(scalarTypeOf<T>()) + " but found " +
                toString(dtype()));
  }
  return reinterpret_cast<T*>(impl_->data());
}

Scalar Tensor::item() const {
  if (numel() != 1)
    throw Error("a Tensor with " + std::to_string(numel()) +
                " elements cannot be converted to Scalar");
  return core::dispatch_dtype(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    return core::element_to_scalar(*reinterpret_cast<const T*>(impl_->data()));
  });
}

template <class T>
T Tensor::item() const {
  return core::checked_scalar_to<T>(item());  // LibTorch: item().to<T>()
}

#define PARITY_FAST_INSTANTIATE(T)         \
  template T* Tensor::data_ptr<T>() const; \
  template T Tensor::item<T>() const;
PARITY_FAST_INSTANTIATE(bool)
PARITY_FAST_INSTANTIATE(uint8_t)
PARITY_FAST_INSTANTIATE(int8_t)
PARITY_FAST_INSTANTIATE(int16_t)
PARITY_FAST_INSTANTIATE(int32_t)
PARITY_FAST_INSTANTIATE(int64_t)
PARITY_FAST_INSTANTIATE(Half)
PARITY_FAST_INSTANTIATE(BFloat16)
PARITY_FAST_INSTANTIATE(float)
PARITY_FAST_INSTANTIATE(double)
#undef PARITY_FAST_INSTANTIATE

// --- copies -----------------------------------------------------------------

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  Tensor out = detail::make_contiguous(sizes(), dtype());
  detail::copy_into(out, *this);
  return out;
}

Tensor Tensor::clone() const {
  // MemoryFormat::Preserve, as torch: a transposed tensor clones transposed.
  Tensor out = detail::make_strided(sizes(), meta::preserve_strides(sizes(), strides()), dtype());
  detail::copy_into(out, *this);
  return out;
}

Tensor Tensor::to(ScalarType t) const {
  if (t == dtype()) return *this;
  Tensor out = detail::make_strided(sizes(), meta::preserve_strides(sizes(), strides()), t);
  detail::copy_into(out, *this);
  return out;
}

Tensor Tensor::to(Device d) const {
  detail::check_device(d);
  return *this;
}

Tensor Tensor::to(Device d, ScalarType t) const {
  detail::check_device(d);
  return to(t);
}

Tensor Tensor::to(TensorOptions o) const {
  detail::check_device(o.device());
  return o.has_dtype() ? to(o.dtype()) : *this;
}

// --- in-place writes --------------------------------------------------------

using detail::kInternalOverlap;
using detail::partial_overlap;

Tensor& Tensor::copy_(const Tensor& src) {
  detail::check_inplace(*this);
  if (is_same(src)) {
    detail::bump_version(*this);
    return *this;
  }
  const TensorImpl& d = *impl_;
  const TensorImpl& s = *src.impl_;
  bool same_data = d.storage_impl() == s.storage_impl() &&
                   d.storage_offset() == s.storage_offset() &&
                   d.strides().ref() == s.strides().ref() && d.sizes().ref() == s.sizes().ref() &&
                   d.dtype() == s.dtype();
  if (!same_data) {
    // TensorIterator's order: overlap checks, then the broadcast shape.
    if (meta::has_internal_overlap(d.sizes(), d.strides())) throw Error(kInternalOverlap);
    if (partial_overlap(d, s)) {
      throw Error(
          "unsupported operation: some elements of the input tensor and the written-to tensor "
          "refer to a single "
          "memory location. Please clone() the tensor before performing the operation.");
    }
    if (d.sizes().ref() != s.sizes().ref()) {
      DimVector shape = meta::broadcast_shapes(d.sizes(), s.sizes());
      if (shape.ref() != d.sizes().ref()) {
        throw Error("output with shape " + meta::sizes_str(d.sizes()) +
                    " doesn't match the broadcast shape " + meta::sizes_str(shape));
      }
    }
    detail::copy_into(*this, src);
  }
  detail::bump_version(*this);
  return *this;
}

Tensor& Tensor::fill_(Scalar value) {
  detail::check_inplace(*this);
  // torch 1.13's fill_ does not check for internal overlap: writing one value
  // through an expanded tensor is well defined.
  cpu::fill(*impl_, value);
  detail::bump_version(*this);
  return *this;
}

Tensor& Tensor::zero_() {
  detail::check_inplace(*this);
  cpu::fill_zero(*impl_);
  detail::bump_version(*this);
  return *this;
}

}  // namespace parity::fast
