// index_select, masked_select and nonzero. The last two run in two passes
// over fixed chunks of rows (count, then write at each chunk's prefix sum),
// so the result is the same whatever the thread count.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <vector>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "iter/outer_loop.h"
#include "meta/iter_layout.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

DimVector bytes(IntArrayRef st, size_t itemsize) {
  DimVector out(st);
  for (auto& s : out) s *= static_cast<int64_t>(itemsize);
  return out;
}

// The index as int64 values (it is a vector, int32 or int64).
std::vector<int64_t> read_index(const Tensor& index) {
  const int64_t n = index.numel();
  std::vector<int64_t> v(static_cast<size_t>(n));
  const int64_t st = index.dim() == 0 ? 0 : index.strides()[0];
  const char* p = static_cast<const char*>(index.data_ptr());
  if (index.dtype() == kLong) {
    for (int64_t i = 0; i < n; ++i) v[i] = reinterpret_cast<const int64_t*>(p)[i * st];
  } else {
    for (int64_t i = 0; i < n; ++i) v[i] = reinterpret_cast<const int32_t*>(p)[i * st];
  }
  return v;
}

// The elements of `shape` (at least 1-d) whose predicate holds, in row-major
// order. The elements are cut into fixed chunks (independent of the thread
// count): pass 1 counts each chunk, pass 2 calls emit(k, cursor, inner index,
// offsets) with k the output position from the chunk's prefix sum.
// on_count(total) runs between the passes. nops operands walk with the
// cursor over the outer dims; the last dim is walked inline.
template <class Pred, class Emit, class OnCount>
void select_two_pass(IntArrayRef shape,
                     int nops,
                     const DimVector* strides,
                     Pred&& pred,
                     Emit&& emit,
                     OnCount&& on_count) {
  const size_t last = shape.size() - 1;
  DimVector osizes(IntArrayRef(shape.data(), last));
  DimVector ost[iter::kMaxCursorOps];
  int64_t inner_st[iter::kMaxCursorOps];
  for (int q = 0; q < nops; ++q) {
    ost[q] = DimVector(IntArrayRef(strides[q].data(), last));
    inner_st[q] = strides[q][last];
  }
  const int64_t inner = shape[last];
  iter::OuterCursor proto(osizes, nops, ost);
  const int64_t numel = proto.count() * inner;
  const int64_t chunks =
      std::clamp<int64_t>(numel / (iter::kGrainSize / 4), 1, 4 * core::max_threads());
  auto chunk_begin = [&](int64_t c) { return numel * c / chunks; };
  // Visits elements [chunk_begin(c), chunk_begin(c + 1)) in order.
  auto walk = [&](int64_t c, auto&& visit) {
    const int64_t eb = chunk_begin(c), ee = chunk_begin(c + 1);
    if (eb >= ee) return;
    iter::OuterCursor cur = proto;
    cur.seek(eb / inner);
    int64_t k = eb % inner;
    for (int64_t e = eb; e < ee; ++e) {
      int64_t off[iter::kMaxCursorOps];
      for (int q = 0; q < nops; ++q) off[q] = cur.offset(q) + k * inner_st[q];
      visit(cur, k, off);
      if (++k == inner) {
        k = 0;
        cur.next();
      }
    }
  };
  std::vector<int64_t> counts(static_cast<size_t>(chunks) + 1, 0);
  if (numel > 0) {
    iter::parallel_units(chunks, numel, [&](int64_t cb, int64_t ce) {
      for (int64_t c = cb; c < ce; ++c) {
        int64_t cnt = 0;
        walk(c, [&](const iter::OuterCursor&, int64_t, const int64_t* off) {
          cnt += pred(off) ? 1 : 0;
        });
        counts[c + 1] = cnt;
      }
    });
  }
  for (int64_t c = 0; c < chunks; ++c) counts[c + 1] += counts[c];
  const int64_t total = counts[chunks];
  on_count(total);
  if (total == 0) return;
  iter::parallel_units(chunks, numel, [&](int64_t cb, int64_t ce) {
    for (int64_t c = cb; c < ce; ++c) {
      int64_t pos = counts[c];
      walk(c, [&](const iter::OuterCursor& cur, int64_t k, const int64_t* off) {
        if (pred(off)) emit(pos++, cur, k, off);
      });
    }
  });
}

template <class T>
bool nonzero_value(T v) {
  if constexpr (core::is_reduced_float_v<T>) {
    return core::reduced_to_float(v) != 0.0f;
  } else {
    return v != T(0);
  }
}

}  // namespace

Tensor Tensor::index_select(int64_t d, const Tensor& index) const {
  d = meta::wrap_dim(d, dim());
  if (index.dim() > 1) throw IndexError("index_select(): Index is supposed to be a vector");
  if (index.dtype() != kLong && index.dtype() != kInt)
    throw Error("index_select(): Expected dtype int32 or int64 for index");
  const int64_t n = index.numel();
  DimVector shape(sizes());
  if (dim() > 0) shape[d] = n;
  Tensor out = detail::make_contiguous(shape, dtype());
  const std::vector<int64_t> idx = read_index(index);
  if (dim() > 1) {
    if (n == 0) return out;
    if (numel() == 0) {
      const int64_t axis = size(d);
      if (axis <= 0) throw Error("index_select(): self indexing axis dim should be positive");
      for (int64_t v : idx) {
        if (v < 0 || v >= axis) {
          throw Error("INDICES element is out of DATA bounds, id=" + std::to_string(v) +
                      " axis_dim=" + std::to_string(axis));
        }
      }
      return out;
    }
  }
  const int64_t bound = dim() == 0 ? 1 : size(d);
  for (int64_t v : idx) {
    if (v >= 0 && v < bound) continue;
    // torch's dim-1 fast path checks the indices with its own message.
    if (dim() > 1 && d == 1) {
      throw Error("INDICES element is out of DATA bounds, id=" + std::to_string(v) +
                  " axis_dim=" + std::to_string(bound));
    }
    throw IndexError("index out of range in self");
  }
  if (out.numel() == 0) return out;
  if (dim() == 0) {
    detail::copy_into(out, *this);
    return out;
  }
  // Rows of out (all dims but the last); self's offset for a row adds the
  // selected index at `d`. Dims after d that are contiguous in self merge
  // into one row, so a selected slab is one memcpy.
  const size_t is = element_size();
  DimVector ssz(sizes()), sst(strides()), osst(out.strides());
  if (d + 2 < dim()) {
    IntArrayRef tail_sz(ssz.data() + d + 1, ssz.size() - d - 1);
    IntArrayRef tail_st(sst.data() + d + 1, sst.size() - d - 1);
    if (meta::compute_contiguous(tail_sz, tail_st)) {
      const int64_t merged = meta::numel_of(tail_sz);
      for (DimVector* v : {&ssz, &sst, &osst, &shape}) v->resize(static_cast<size_t>(d) + 2);
      ssz[d + 1] = shape[d + 1] = merged;
      sst[d + 1] = osst[d + 1] = 1;
    }
  }
  const size_t nd = ssz.size(), last = nd - 1;
  DimVector ost[2] = {bytes(osst, is), bytes(sst, is)};
  const int64_t sdim = ost[1][d];
  ost[1][d] = 0;
  const int64_t inner = shape[last];
  const int64_t s_in = ost[1][last];
  DimVector osz(IntArrayRef(shape.data(), last));
  DimVector cst[2] = {DimVector(IntArrayRef(ost[0].data(), last)),
                      DimVector(IntArrayRef(ost[1].data(), last))};
  iter::OuterCursor proto(osz, 2, cst);
  const int64_t rows = proto.count();
  char* o = static_cast<char*>(out.data_ptr());
  const char* s = static_cast<const char*>(data_ptr());
  const bool dim_last = static_cast<size_t>(d) == last;
  iter::dispatch_bytes(is, [&](auto u) {
    using U = decltype(u);
    iter::parallel_units(rows, out.numel(), [&](int64_t b, int64_t e) {
      iter::OuterCursor cur = proto;
      cur.seek(b);
      // Locals only, so that the element stores do not force reloads.
      const int64_t* const ids = idx.data();
      const int64_t n_in = inner, sd = sdim, si = s_in;
      char* const ob = o;
      const char* const sb = s;
      for (int64_t r = b; r < e; ++r, cur.next()) {
        U* op = reinterpret_cast<U*>(ob + cur.offset(0));
        const char* sp = sb + cur.offset(1);
        if (dim_last) {
          for (int64_t k = 0; k < n_in; ++k) op[k] = *reinterpret_cast<const U*>(sp + ids[k] * sd);
        } else {
          sp += ids[cur.index(d)] * sd;
          if (si == static_cast<int64_t>(sizeof(U))) {
            std::memcpy(op, sp, n_in * sizeof(U));
          } else {
            for (int64_t k = 0; k < n_in; ++k) op[k] = *reinterpret_cast<const U*>(sp + k * si);
          }
        }
      }
    });
  });
  return out;
}

Tensor Tensor::masked_select(const Tensor& mask) const {
  if (mask.dtype() != kByte && mask.dtype() != kBool)
    throw Error("masked_select: expected BoolTensor or ByteTensor for mask");
  DimVector shape = meta::broadcast_shapes(mask.sizes(), sizes());
  const size_t is = element_size();
  DimVector st[2] = {bytes(meta::broadcast_strides({sizes(), strides()}, shape), is),
                     bytes(meta::broadcast_strides({mask.sizes(), mask.strides()}, shape), 1)};
  if (shape.empty()) {
    shape = DimVector{1};
    st[0] = DimVector{0};
    st[1] = DimVector{0};
  }
  const char* s = static_cast<const char*>(data_ptr());
  const uint8_t* m = static_cast<const uint8_t*>(mask.data_ptr());
  const bool bytes_mask = mask.dtype() == kByte;
  Tensor out;
  char* o = nullptr;
  iter::dispatch_bytes(is, [&](auto u) {
    using U = decltype(u);
    std::atomic<bool> bad{false};
    select_two_pass(
        shape, 2, st,
        [&](const int64_t* off) {
          const uint8_t v = m[off[1]];
          if (bytes_mask && v > 1) bad.store(true, std::memory_order_relaxed);
          return v != 0;
        },
        [&](int64_t pos, const iter::OuterCursor&, int64_t, const int64_t* off) {
          reinterpret_cast<U*>(o)[pos] = *reinterpret_cast<const U*>(s + off[0]);
        },
        [&](int64_t total) {
          if (bad.load()) throw Error("Mask tensor can take 0 and 1 values only");
          out = detail::make_contiguous({total}, dtype());
          o = static_cast<char*>(out.data_ptr());
        });
  });
  return out;
}

Tensor Tensor::nonzero() const {
  const int64_t nd = dim();
  DimVector shape = nd == 0 ? DimVector{1} : DimVector(sizes());
  DimVector st[1] = {nd == 0 ? DimVector{0} : bytes(strides(), element_size())};
  const char* s = static_cast<const char*>(data_ptr());
  Tensor out;
  int64_t* o = nullptr;
  int64_t total = 0;
  core::dispatch_dtype(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    select_two_pass(
        shape, 1, st,
        [&](const int64_t* off) { return nonzero_value(*reinterpret_cast<const T*>(s + off[0])); },
        [&](int64_t pos, const iter::OuterCursor& cur, int64_t k, const int64_t*) {
          // Column-major [n, ndim]: coordinate d of hit pos sits at pos + d*n.
          for (int64_t q = 0; q + 1 < nd; ++q) o[pos + q * total] = cur.index(q);
          if (nd > 0) o[pos + (nd - 1) * total] = k;
        },
        [&](int64_t n) {
          total = n;
          // torch's default for nonzero: a Fortran-contiguous [n, ndim].
          const int64_t sz[2] = {n, nd}, str[2] = {1, n};
          out = detail::make_strided(IntArrayRef(sz, 2), IntArrayRef(str, 2), kLong);
          o = static_cast<int64_t*>(out.data_ptr());
        });
  });
  return out;
}

}  // namespace parity::fast
