// sort, argsort and topk: each line along `dim` is handled on its own (and
// lines are split across threads), as (key, index) pairs put in order by
// the same standard algorithms and comparisons as LibTorch's CPU kernels,
// so that even unstable orders and topk's ties come out as torch's do.
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "iter/outer_loop.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

// The type keys are compared in: float16/bfloat16 widen to float.
template <class T>
using Key = std::conditional_t<core::is_reduced_float_v<T>, float, T>;

template <class K>
bool is_nan(K v) {
  if constexpr (std::is_floating_point_v<K>) {
    return std::isnan(v);
  } else {
    return false;
  }
}

// NaN counts as larger than everything.
template <class K>
struct Ascending {
  bool operator()(const std::pair<K, int64_t>& a, const std::pair<K, int64_t>& b) const {
    return (!is_nan(a.first) && is_nan(b.first)) || (a.first < b.first);
  }
};
template <class K>
struct Descending {
  bool operator()(const std::pair<K, int64_t>& a, const std::pair<K, int64_t>& b) const {
    return (is_nan(a.first) && !is_nan(b.first)) || (a.first > b.first);
  }
};

template <class T>
Key<T> key_of(T v) {
  if constexpr (core::is_reduced_float_v<T>) {
    return core::reduced_to_float(v);
  } else {
    return v;
  }
}

// Lines of `self` along dim d: f(buf, self_off, values_off, indices_off) in
// bytes, over all positions of the other dims, split across threads; buf is
// scratch that lives as long as one thread's range of lines.
template <class Buf, class F>
void for_lines(const Tensor& self,
               int64_t d,
               IntArrayRef out_strides,
               int64_t line_len,
               IntArrayRef out_sizes,
               F&& f) {
  const size_t nd = out_sizes.size();
  DimVector osz;
  DimVector st[3];
  const int64_t is = self.element_size();
  for (size_t i = 0; i < nd; ++i) {
    if (static_cast<int64_t>(i) == d) continue;
    osz.push_back(out_sizes[i]);
    st[0].push_back(self.strides()[i] * is);
    st[1].push_back(out_strides[i] * is);
    st[2].push_back(out_strides[i] * 8);
  }
  iter::OuterCursor proto(osz, 3, st);
  const int64_t lines = proto.count();
  iter::parallel_units(lines, lines * std::max<int64_t>(line_len, 1) * 4,
                       [&](int64_t b, int64_t e) {
                         iter::OuterCursor cur = proto;
                         cur.seek(b);
                         Buf buf;
                         for (int64_t l = b; l < e; ++l, cur.next())
                           f(buf, cur.offset(0), cur.offset(1), cur.offset(2));
                       });
}

std::tuple<Tensor, Tensor> sort_impl(const Tensor& self, bool stable, int64_t d, bool descending) {
  d = meta::wrap_dim(d, self.dim());
  // Dense strides like self's (torch: self's own when non-overlapping and
  // dense, else inferred from them).
  DimVector st = meta::preserve_strides(self.sizes(), self.strides());
  Tensor values = detail::make_strided(self.sizes(), st, self.dtype());
  Tensor indices = detail::make_strided(self.sizes(), st, kLong);
  if (self.numel() == 0) return {values, indices};
  if (self.dim() == 0) {
    detail::copy_into(values, self);
    *indices.data_ptr<int64_t>() = 0;
    return {values, indices};
  }
  const int64_t n = self.size(d);
  const int64_t s_st = self.strides()[d] * self.element_size();
  const int64_t v_st = st[d] * self.element_size();
  const int64_t i_st = st[d] * 8;
  const char* s = static_cast<const char*>(self.data_ptr());
  char* v = static_cast<char*>(values.data_ptr());
  char* ix = static_cast<char*>(indices.data_ptr());
  core::dispatch_dtype(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    using K = Key<T>;
    using Buf = std::vector<std::pair<K, int64_t>>;
    for_lines<Buf>(self, d, st, n, self.sizes(), [&](Buf& buf, int64_t so, int64_t vo, int64_t io) {
      buf.resize(static_cast<size_t>(n));
      const char* line = s + so;
      for (int64_t j = 0; j < n; ++j)
        buf[j] = {key_of(*reinterpret_cast<const T*>(line + j * s_st)), j};
      if (descending) {
        if (stable)
          std::stable_sort(buf.begin(), buf.end(), Descending<K>());
        else
          std::sort(buf.begin(), buf.end(), Descending<K>());
      } else {
        if (stable)
          std::stable_sort(buf.begin(), buf.end(), Ascending<K>());
        else
          std::sort(buf.begin(), buf.end(), Ascending<K>());
      }
      // Values are copied from self (not from the keys) to keep their bits.
      for (int64_t j = 0; j < n; ++j) {
        *reinterpret_cast<T*>(v + vo + j * v_st) =
            *reinterpret_cast<const T*>(line + buf[j].second * s_st);
        *reinterpret_cast<int64_t*>(ix + io + j * i_st) = buf[j].second;
      }
    });
  });
  return {values, indices};
}

}  // namespace

std::tuple<Tensor, Tensor> Tensor::sort(int64_t d, bool descending) const {
  return sort_impl(*this, false, d, descending);
}

std::tuple<Tensor, Tensor> Tensor::sort(std::optional<bool> stable,
                                        int64_t d,
                                        bool descending) const {
  // LibTorch 1.13 asserts here rather than picking a default.
  if (!stable) {
    throw Error(
        "stable.has_value() INTERNAL ASSERT FAILED at \"./aten/src/ATen/native/Sorting.cpp\":42, "
        "please report a bug to PyTorch. sort(): c10::optional<bool> for stable has to have "
        "value.");
  }
  return sort_impl(*this, *stable, d, descending);
}

Tensor Tensor::argsort(int64_t d, bool descending) const {
  return std::get<1>(sort_impl(*this, false, d, descending));
}

std::tuple<Tensor, Tensor> Tensor::topk(int64_t k, int64_t d, bool largest, bool sorted) const {
  d = meta::wrap_dim(d, dim());
  const int64_t slice = dim() > 0 ? size(d) : 1;
  if (k < 0 || k > slice) throw Error("selected index k out of range");
  DimVector shape(sizes());
  if (dim() > 0) shape[d] = k;
  Tensor values = detail::make_contiguous(shape, dtype());
  Tensor indices = detail::make_contiguous(shape, kLong);
  if (dim() == 0 && numel() == 1) {
    detail::copy_into(values, *this);
    *indices.data_ptr<int64_t>() = 0;
    return {values, indices};
  }
  if (dtype() == kBool || dtype() == kHalf) {
    throw Error(std::string("\"topk_cpu\" not implemented for '") + toString(dtype()) + "'");
  }
  if (k == 0 || values.numel() == 0) return {values, indices};
  const int64_t n = slice;
  const int64_t s_st = strides()[d] * element_size();
  const DimVector ost = values.strides();
  const int64_t v_st = ost[d] * element_size();
  const int64_t i_st = ost[d] * 8;
  const char* s = static_cast<const char*>(data_ptr());
  char* v = static_cast<char*>(values.data_ptr());
  char* ix = static_cast<char*>(indices.data_ptr());
  core::dispatch_dtype(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, bool> && !std::is_same_v<T, Half>) {
      using K = Key<T>;
      using Buf = std::vector<std::pair<K, int64_t>>;
      for_lines<Buf>(*this, d, ost, n, shape, [&](Buf& q, int64_t so, int64_t vo, int64_t io) {
        q.resize(static_cast<size_t>(n));
        const char* line = s + so;
        for (int64_t j = 0; j < n; ++j)
          q[j] = {key_of(*reinterpret_cast<const T*>(line + j * s_st)), j};
        // torch's choice: a partial sort when k is small against the line,
        // else nth_element and (if asked) a sort of the first k - 1.
        auto run = [&](auto cmp) {
          if (k * 64 <= n) {
            std::partial_sort(q.begin(), q.begin() + k, q.end(), cmp);
          } else {
            std::nth_element(q.begin(), q.begin() + k - 1, q.end(), cmp);
            if (sorted) std::sort(q.begin(), q.begin() + k - 1, cmp);
          }
        };
        if (largest)
          run(Descending<K>());
        else
          run(Ascending<K>());
        for (int64_t j = 0; j < k; ++j) {
          *reinterpret_cast<T*>(v + vo + j * v_st) =
              *reinterpret_cast<const T*>(line + q[j].second * s_st);
          *reinterpret_cast<int64_t*>(ix + io + j * i_st) = q[j].second;
        }
      });
    }
  });
  return {values, indices};
}

}  // namespace parity::fast
