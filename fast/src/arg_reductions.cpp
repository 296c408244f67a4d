// max(dim) and min(dim) (values and int64 indices), argmax and argmin: one
// reduced dim, the first index on ties, the first NaN winning.
#include <cstring>
#include <string>
#include <tuple>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"
#include "iter/reduce_iter.h"
#include "meta/reduce_meta.h"
#include "parity/fast/reductions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

template <class T>
auto value_of(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  if constexpr (core::is_reduced_float_v<T>) {
    return core::reduced_to_float(v);
  } else {
    return v;
  }
}

// Writes the winner's index (and, with vals, its value) of every result.
template <class T, bool kMax>
void arg_kernel(const iter::ReducePlan& p, const char* in, char* vals, int64_t* idx) {
  const int64_t n = p.n_red, st = p.rin[0];
  const int threads = p.n_out * n >= iter::kReduceGrain ? core::max_threads() : 1;
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t o = 0; o < p.n_out; ++o) {
    int64_t rest = o, in_off = 0, out_off = 0;
    for (size_t d = 0; d < p.osz.size(); ++d) {
      in_off += rest % p.osz[d] * p.oin[d];
      out_off += rest % p.osz[d] * p.oout[d];
      rest /= p.osz[d];
    }
    const char* row = in + in_off;
    auto best = value_of<T>(row);
    int64_t bi = 0;
    for (int64_t i = 1; i < n && best == best; ++i) {
      const auto v = value_of<T>(row + i * st);
      if (v != v || (kMax ? v > best : v < best)) {
        best = v;
        bi = i;
      }
    }
    // The plan's output strides are those of the int64 indices.
    const int64_t k = out_off / 8;
    idx[k] = bi;
    if (vals) std::memcpy(vals + k * int64_t{sizeof(T)}, row + bi * st, sizeof(T));
  }
}

void check_nonempty_dim(const char* name, const Tensor& self, int64_t d) {
  if (self.numel() == 0 && self.dim() > 0 && self.size(d) == 0)
    throw IndexError(std::string(name) + "(): Expected reduction dim " + std::to_string(d) +
                     " to have non-zero size.");
}

// self reduced along dim (already wrapped); returns indices, and values when
// wanted.
std::tuple<Tensor, Tensor> arg_reduce(
    const Tensor& self, int64_t dim, bool keepdim, bool is_max, bool want_values) {
  const meta::DimMask mask = meta::reduce_mask_one(dim, self.dim());
  const DimVector shape = meta::reduced_sizes(self.sizes(), mask, keepdim);
  Tensor idx = detail::make_contiguous(shape, kLong);
  Tensor vals = want_values ? detail::make_contiguous(shape, self.dtype()) : Tensor();
  if (idx.numel() == 0) return {vals, idx};
  const iter::ReducePlan plan =
      iter::make_reduce_plan(self.sizes(), self.strides(), mask, self.element_size(), 8);
  const char* in = static_cast<const char*>(self.data_ptr());
  char* vp = want_values ? static_cast<char*>(vals.data_ptr()) : nullptr;
  core::dispatch_dtype(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (is_max)
      arg_kernel<T, true>(plan, in, vp, idx.data_ptr<int64_t>());
    else
      arg_kernel<T, false>(plan, in, vp, idx.data_ptr<int64_t>());
  });
  return {vals, idx};
}

std::tuple<Tensor, Tensor> minmax_dim(
    const char* name, const Tensor& self, int64_t dim, bool keepdim, bool is_max) {
  const int64_t d = meta::wrap_dim(dim, self.dim());
  check_nonempty_dim(name, self, d);
  return arg_reduce(self, d, keepdim, is_max, true);
}

Tensor argminmax(
    const char* name, const Tensor& self, std::optional<int64_t> dim, bool keepdim, bool is_max) {
  const std::string bool_error = std::string("\"") + name + "_cpu\" not implemented for 'Bool'";
  if (dim) {
    const int64_t d = meta::wrap_dim(*dim, self.dim());
    check_nonempty_dim(name, self, d);
    // torch's kernel (and its dtype check) only runs on a non-empty input,
    // and not for a dim of size 1 (it fills zeros directly).
    const bool trivial = self.numel() == 0 || (self.dim() > 0 && self.size(d) == 1);
    if (self.dtype() == kBool && !trivial) throw Error(bool_error);
    return std::get<1>(arg_reduce(self, d, keepdim, is_max, false));
  }
  if (self.numel() == 0)
    throw IndexError(std::string(name) +
                     "(): Expected reduction dim to be specified for input.numel() == 0.");
  if (self.dtype() == kBool) throw Error(bool_error);
  Tensor flat = std::get<1>(arg_reduce(self.reshape({-1}), 0, false, is_max, false));
  if (keepdim) return flat.reshape(DimVector(static_cast<size_t>(self.dim()), 1));
  return flat;
}

}  // namespace

std::tuple<Tensor, Tensor> Tensor::max(int64_t dim, bool keepdim) const {
  return minmax_dim("max", *this, dim, keepdim, true);
}
std::tuple<Tensor, Tensor> Tensor::min(int64_t dim, bool keepdim) const {
  return minmax_dim("min", *this, dim, keepdim, false);
}
Tensor Tensor::argmax(std::optional<int64_t> dim, bool keepdim) const {
  return argminmax("argmax", *this, dim, keepdim, true);
}
Tensor Tensor::argmin(std::optional<int64_t> dim, bool keepdim) const {
  return argminmax("argmin", *this, dim, keepdim, false);
}

std::tuple<Tensor, Tensor> max(const Tensor& t, int64_t dim, bool keepdim) {
  return t.max(dim, keepdim);
}
std::tuple<Tensor, Tensor> min(const Tensor& t, int64_t dim, bool keepdim) {
  return t.min(dim, keepdim);
}
Tensor argmax(const Tensor& t, std::optional<int64_t> dim, bool keepdim) {
  return t.argmax(dim, keepdim);
}
Tensor argmin(const Tensor& t, std::optional<int64_t> dim, bool keepdim) {
  return t.argmin(dim, keepdim);
}

}  // namespace parity::fast
