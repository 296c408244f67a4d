// gather, scatter (tensor and scalar sources), scatter_add, in place too.
// One walk over the index's positions serves them all: threads split the
// positions so that every element written along `dim` belongs to one unit,
// which is walked in increasing index order, as torch's serial loop does.
#include <atomic>

#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "iter/outer_loop.h"
#include "mem_overlap.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

// A tensor's sizes and strides as the kernels see them: a 0-d tensor is
// one element of a 1-d one.
DimVector nonempty_sizes(const Tensor& t) {
  return t.dim() == 0 ? DimVector{1} : DimVector(t.sizes());
}
DimVector nonempty_strides(const Tensor& t) {
  return t.dim() == 0 ? DimVector{1} : DimVector(t.strides());
}
int64_t nonempty_size(const Tensor& t, int64_t d) { return t.dim() == 0 ? 1 : t.size(d); }

struct Walk {
  DimVector sizes;         // the index's (nonempty) sizes
  int64_t dim = 0;         // wrapped
  DimVector strides[3];    // bytes over sizes: target, index, source
  int64_t dim_stride = 0;  // bytes, of the tensor that `dim` indexes into
  int64_t bound = 0;       // that tensor's size along dim
};

// Calls f(off[3], mid_n, mid_st[3], inner_n, inner_st[3]) on blocks of
// positions: mid walks `dim` (or nothing when dim is the last dim), inner a
// piece of the last dim. split_dim: positions along dim may go to different
// units (gather), else each unit owns whole lines along dim (scatter).
template <class F>
void for_blocks(const Walk& w, bool split_dim, F&& f) {
  const size_t nd = w.sizes.size();
  const size_t last = nd - 1;
  const bool dim_last = static_cast<size_t>(w.dim) == last;
  DimVector osizes;
  DimVector ost[3];
  for (size_t d = 0; d < last; ++d) {
    if (!dim_last && static_cast<int64_t>(d) == w.dim) continue;
    osizes.push_back(w.sizes[d]);
    for (int k = 0; k < 3; ++k) ost[k].push_back(w.strides[k][d]);
  }
  int64_t mid_n = 1, mid_st[3] = {0, 0, 0}, inner_st[3];
  if (!dim_last) {
    mid_n = w.sizes[w.dim];
    for (int k = 0; k < 3; ++k) mid_st[k] = w.strides[k][w.dim];
  }
  for (int k = 0; k < 3; ++k) inner_st[k] = w.strides[k][last];
  const int64_t inner = w.sizes[last];
  iter::OuterCursor proto(osizes, 3, ost);
  const int64_t outer = proto.count();
  const int64_t work = outer * mid_n * inner;
  if (work == 0) return;
  // Pieces of the last dim, when there are few outer positions to share.
  int64_t cpr = 1;
  if ((split_dim || !dim_last) && outer < 4 * core::max_threads() && work >= iter::kGrainSize) {
    cpr = std::min<int64_t>((4 * core::max_threads() + outer - 1) / outer,
                            std::max<int64_t>(1, inner / 256));
  }
  const int64_t chunk = (inner + cpr - 1) / cpr;
  cpr = (inner + chunk - 1) / chunk;
  iter::parallel_units(outer * cpr, work, [&](int64_t b, int64_t e) {
    iter::OuterCursor cur = proto;
    cur.seek(b / cpr);
    int64_t c = b % cpr;
    for (int64_t u = b; u < e; ++u) {
      const int64_t kb = c * chunk, ke = std::min(inner, kb + chunk);
      int64_t off[3];
      for (int k = 0; k < 3; ++k) off[k] = cur.offset(k) + kb * inner_st[k];
      f(off, mid_n, mid_st, ke - kb, inner_st);
      if (++c == cpr) {
        c = 0;
        cur.next();
      }
    }
  });
}

// The first bad index in row-major order, for torch's message.
[[noreturn]] void report_bad_index(const Walk& w, const char* index_base) {
  iter::OuterCursor cur(w.sizes, 1, &w.strides[1]);
  for (int64_t i = 0, n = cur.count(); i < n; ++i, cur.next()) {
    const int64_t v = *reinterpret_cast<const int64_t*>(index_base + cur.offset(0));
    if (v < 0 || v >= w.bound) {
      throw Error("index " + std::to_string(v) + " is out of bounds for dimension " +
                  std::to_string(w.dim) + " with size " + std::to_string(w.bound));
    }
  }
  throw Error("index out of bounds");  // not reached: a bad index was seen
}

// Runs op(target_elem_ptr_offset, index_value, src_offset) over every index
// position; op gets byte offsets. Bad indices are skipped and reported after.
template <class Op>
void run_indexed(const Walk& w, bool split_dim, const char* index_base, Op op) {
  std::atomic<bool> bad{false};
  const int64_t bound = w.bound, dstride = w.dim_stride;
  for_blocks(w, split_dim,
             [&, op](const int64_t* off, int64_t mid_n, const int64_t* mid_st, int64_t n,
                     const int64_t* st) {
               // Locals only: the compiler cannot prove the element stores
               // leave captured state alone, and would reload it per element.
               const Op f = op;
               const int64_t s0 = st[0], s1 = st[1], s2 = st[2];
               const char* const ib = index_base;
               bool local_bad = false;
               for (int64_t i = 0; i < mid_n; ++i) {
                 const int64_t o0 = off[0] + i * mid_st[0];
                 const char* ip = ib + off[1] + i * mid_st[1];
                 const int64_t o2 = off[2] + i * mid_st[2];
                 for (int64_t k = 0; k < n; ++k) {
                   const int64_t v = *reinterpret_cast<const int64_t*>(ip + k * s1);
                   if (v < 0 || v >= bound) {
                     local_bad = true;
                     continue;
                   }
                   f(o0 + k * s0, v * dstride, o2 + k * s2);
                 }
               }
               if (local_bad) bad.store(true, std::memory_order_relaxed);
             });
  if (bad.load()) report_bad_index(w, index_base);
}

DimVector zero_at(DimVector st, int64_t dim) {
  st[dim] = 0;
  return st;
}

DimVector bytes(const DimVector& st, size_t itemsize) {
  DimVector out(st);
  for (auto& s : out) s *= static_cast<int64_t>(itemsize);
  return out;
}

void check_index_dtype(const char* method, const Tensor& index) {
  if (index.numel() != 0 && index.dtype() != kLong)
    throw Error(std::string(method) + "(): Expected dtype int64 for index");
}

// scatter_shape_check.
void scatter_shape_check(const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  if (index.numel() == 0) return;
  const int64_t nd = std::max<int64_t>(self.dim(), 1);
  if (nd != std::max<int64_t>(index.dim(), 1))
    throw Error("Index tensor must have the same number of dimensions as self tensor");
  bool wrong = false;
  for (int64_t d = 0; d < nd && !wrong; ++d)
    if (d != dim && nonempty_size(index, d) > nonempty_size(self, d)) wrong = true;
  if (!wrong && src) {
    for (int64_t d = 0; d < nd && !wrong; ++d)
      if (nonempty_size(index, d) > nonempty_size(*src, d)) wrong = true;
  }
  if (!wrong) return;
  std::string msg = "Expected index " + meta::sizes_str(index.sizes()) +
                    " to be smaller than self " + meta::sizes_str(self.sizes()) +
                    " apart from dimension " + std::to_string(dim);
  if (src) msg += " and to be smaller size than src " + meta::sizes_str(src->sizes());
  throw Error(msg);
}

// The walk of scatter into `self` (already the output) from index/src.
Walk scatter_walk(const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  Walk w;
  w.sizes = nonempty_sizes(index);
  w.dim = dim;
  const size_t is = self.element_size();
  w.strides[0] = bytes(zero_at(nonempty_strides(self), dim), is);
  w.strides[1] = bytes(nonempty_strides(index), sizeof(int64_t));
  w.strides[2] = src ? bytes(nonempty_strides(*src), is) : DimVector(w.sizes.size(), 0);
  w.dim_stride = nonempty_strides(self)[dim] * static_cast<int64_t>(is);
  w.bound = nonempty_size(self, dim);
  return w;
}

enum class Reduce { None, Add };

void scatter_src_kernel(
    const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src, Reduce r) {
  if (index.numel() == 0) return;
  Walk w = scatter_walk(self, dim, index, &src);
  char* out = static_cast<char*>(self.data_ptr());
  const char* in = static_cast<const char*>(src.data_ptr());
  const char* ix = static_cast<const char*>(index.data_ptr());
  if (r == Reduce::None) {
    iter::dispatch_bytes(self.element_size(), [&](auto u) {
      using U = decltype(u);
      run_indexed(w, false, ix, [out, in](int64_t o, int64_t t, int64_t s) {
        *reinterpret_cast<U*>(out + o + t) = *reinterpret_cast<const U*>(in + s);
      });
    });
    return;
  }
  core::dispatch_dtype(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    run_indexed(w, false, ix, [out, in](int64_t o, int64_t t, int64_t s) {
      T& d = *reinterpret_cast<T*>(out + o + t);
      const T v = *reinterpret_cast<const T*>(in + s);
      if constexpr (std::is_same_v<T, bool>) {
        d = d || v;
      } else if constexpr (core::is_reduced_float_v<T>) {
        // Accumulated in the dtype: each add rounds, as torch's kernel.
        d = core::float_to_reduced<T>(core::reduced_to_float(d) + core::reduced_to_float(v));
      } else if constexpr (std::is_integral_v<T>) {
        using UT = std::make_unsigned_t<T>;
        d = static_cast<T>(static_cast<UT>(static_cast<UT>(d) + static_cast<UT>(v)));
      } else {
        d = d + v;
      }
    });
  });
}

void scatter_value_kernel(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& v) {
  if (index.numel() == 0) return;
  Walk w = scatter_walk(self, dim, index, nullptr);
  char* out = static_cast<char*>(self.data_ptr());
  const char* ix = static_cast<const char*>(index.data_ptr());
  core::dispatch_dtype(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T value = core::checked_scalar_to<T>(v);
    run_indexed(w, false, ix, [out, value](int64_t o, int64_t t, int64_t) {
      *reinterpret_cast<T*>(out + o + t) = value;
    });
  });
}

// scatter's meta checks (dim wrapped by the caller).
void scatter_checks(
    const char* method, const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  check_index_dtype(method, index);
  if (src && self.dtype() != src->dtype())
    throw Error(std::string(method) + "(): Expected self.dtype to be equal to src.dtype");
  scatter_shape_check(self, dim, index, src);
}

void inplace_checks(const Tensor& self, const Tensor& index, const Tensor* src) {
  detail::assert_no_internal_overlap(self);
  detail::assert_no_overlap(self, index);
  if (src) detail::assert_no_overlap(self, *src);
}

Tensor fresh_copy(const Tensor& self) {
  Tensor out = detail::make_contiguous(self.sizes(), self.dtype());
  detail::copy_into(out, self);
  return out;
}

}  // namespace

Tensor Tensor::gather(int64_t d, const Tensor& index) const {
  d = meta::wrap_dim(d, dim());
  Tensor out = detail::make_contiguous(index.sizes(), dtype());
  if (index.numel() == 0) return out;
  check_index_dtype("gather", index);
  const int64_t nd = std::max<int64_t>(dim(), 1);
  if (nd != std::max<int64_t>(index.dim(), 1))
    throw Error("Index tensor must have the same number of dimensions as input tensor");
  for (int64_t i = 0; i < nd; ++i) {
    if (i != d && nonempty_size(index, i) > nonempty_size(*this, i)) {
      throw Error("Size does not match at dimension " + std::to_string(i) + " expected index " +
                  meta::sizes_str(index.sizes()) + " to be smaller than self " +
                  meta::sizes_str(sizes()) + " apart from dimension " + std::to_string(d));
    }
  }
  Walk w;
  w.sizes = nonempty_sizes(index);
  w.dim = d;
  const size_t is = element_size();
  w.strides[0] = bytes(nonempty_strides(out), is);
  w.strides[1] = bytes(nonempty_strides(index), sizeof(int64_t));
  w.strides[2] = bytes(zero_at(nonempty_strides(*this), d), is);
  w.dim_stride = nonempty_strides(*this)[d] * static_cast<int64_t>(is);
  w.bound = nonempty_size(*this, d);
  char* o = static_cast<char*>(out.data_ptr());
  const char* s = static_cast<const char*>(data_ptr());
  const char* ix = static_cast<const char*>(index.data_ptr());
  iter::dispatch_bytes(is, [&](auto u) {
    using U = decltype(u);
    run_indexed(w, true, ix, [o, s](int64_t oo, int64_t t, int64_t so) {
      *reinterpret_cast<U*>(o + oo) = *reinterpret_cast<const U*>(s + so + t);
    });
  });
  return out;
}

Tensor Tensor::scatter(int64_t d, const Tensor& index, const Tensor& src) const {
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, &src);
  Tensor out = fresh_copy(*this);
  scatter_src_kernel(out, d, index, src, Reduce::None);
  return out;
}

Tensor Tensor::scatter(int64_t d, const Tensor& index, const Scalar& value) const {
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, nullptr);
  Tensor out = fresh_copy(*this);
  scatter_value_kernel(out, d, index, value);
  return out;
}

Tensor Tensor::scatter_add(int64_t d, const Tensor& index, const Tensor& src) const {
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, &src);
  Tensor out = fresh_copy(*this);
  scatter_src_kernel(out, d, index, src, Reduce::Add);
  return out;
}

Tensor& Tensor::scatter_(int64_t d, const Tensor& index, const Tensor& src) {
  detail::check_inplace(*this);
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, &src);
  inplace_checks(*this, index, &src);
  scatter_src_kernel(*this, d, index, src, Reduce::None);
  detail::bump_version(*this);
  return *this;
}

Tensor& Tensor::scatter_(int64_t d, const Tensor& index, const Scalar& value) {
  detail::check_inplace(*this);
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, nullptr);
  inplace_checks(*this, index, nullptr);
  scatter_value_kernel(*this, d, index, value);
  detail::bump_version(*this);
  return *this;
}

Tensor& Tensor::scatter_add_(int64_t d, const Tensor& index, const Tensor& src) {
  detail::check_inplace(*this);
  d = meta::wrap_dim(d, dim());
  scatter_checks("scatter", *this, d, index, &src);
  inplace_checks(*this, index, &src);
  scatter_src_kernel(*this, d, index, src, Reduce::Add);
  detail::bump_version(*this);
  return *this;
}

}  // namespace parity::fast
