#include "cpu/fill_kernels.h"

#include <cstring>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/copy_kernels.h"
#include "iter/copy_iter.h"

namespace parity::fast::cpu {
namespace {

// Runs the row kernel T->T with a zero source stride: the broadcast source
// path of copy is exactly a fill.
void fill_with(const TensorImpl& t, const void* value) {
  if (t.numel() == 0) return;
  DimVector zero_strides(t.sizes().size(), 0);
  auto plan = iter::make_plan(t.sizes(), t.data(), t.strides(), t.itemsize(),
                              static_cast<const char*>(value), zero_strides, t.itemsize());
  iter::run(plan, copy_row_kernel(t.dtype(), t.dtype()));
}

}  // namespace

void fill(const TensorImpl& t, const Scalar& v) {
  core::dispatch_dtype(t.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T value = core::checked_scalar_to<T>(v);
    fill_with(t, &value);
  });
}

void fill_zero(const TensorImpl& t) {
  if (t.numel() == 0) return;
  if (t.is_contiguous() && t.numel() < iter::kGrainSize) {
    std::memset(t.data(), 0, static_cast<size_t>(t.numel()) * t.itemsize());
    return;
  }
  const int64_t zero[1] = {0};  // 8 zero bytes: enough for any dtype
  fill_with(t, zero);
}

}  // namespace parity::fast::cpu
