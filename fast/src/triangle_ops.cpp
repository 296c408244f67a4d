// tril and triu, out of place (one pass: each row copies its kept part and
// zeroes the rest) and in place (zeroes only).
#include <cstring>

#include "iter/outer_loop.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

// torch reads size(-2) only when there is data, so an empty 1-d tensor
// passes and a 0-d one fails with the dim-wrap message.
void check_matrix(const Tensor& t) {
  if (t.numel() == 0) return;
  if (t.dim() == 0) throw IndexError("Dimension specified as -2 but tensor has no dimensions");
  if (t.dim() < 2) meta::wrap_dim(-2, t.dim());
}

// For row i the kept columns are [0, i + k + 1) (lower) or [i + k, C)
// (upper); the rest is zeroed. src == nullptr: in place, zeroes only.
void triangle(const Tensor& dst, const Tensor* src, int64_t k, bool lower) {
  const int64_t nd = dst.dim();
  const int64_t rows_dim = nd - 2;
  const int64_t cols = dst.sizes()[nd - 1];
  const int64_t is = dst.element_size();
  DimVector osz(IntArrayRef(dst.sizes().data(), nd - 1));
  DimVector st[2];
  for (int64_t i = 0; i < nd - 1; ++i) {
    st[0].push_back(dst.strides()[i] * is);
    st[1].push_back(src ? src->strides()[i] * is : 0);
  }
  const int64_t dcs = dst.strides()[nd - 1] * is;
  const int64_t scs = src ? src->strides()[nd - 1] * is : 0;
  iter::OuterCursor proto(osz, 2, st);
  char* d = static_cast<char*>(dst.data_ptr());
  const char* s = src ? static_cast<const char*>(src->data_ptr()) : nullptr;
  iter::dispatch_bytes(static_cast<size_t>(is), [&](auto u) {
    using U = decltype(u);
    auto move = [&](char* dp, const char* sp, int64_t n) {
      if (dcs == is && scs == is) {
        std::memcpy(dp, sp, static_cast<size_t>(n * is));
      } else {
        for (int64_t j = 0; j < n; ++j)
          *reinterpret_cast<U*>(dp + j * dcs) = *reinterpret_cast<const U*>(sp + j * scs);
      }
    };
    auto zero = [&](char* dp, int64_t n) {
      if (dcs == is) {
        std::memset(dp, 0, static_cast<size_t>(n * is));
      } else {
        for (int64_t j = 0; j < n; ++j) *reinterpret_cast<U*>(dp + j * dcs) = U(0);
      }
    };
    iter::parallel_units(proto.count(), dst.numel(), [&](int64_t b, int64_t e) {
      iter::OuterCursor cur = proto;
      cur.seek(b);
      for (int64_t r = b; r < e; ++r, cur.next()) {
        const int64_t i = cur.index(static_cast<size_t>(rows_dim));
        char* dp = d + cur.offset(0);
        const char* sp = s ? s + cur.offset(1) : nullptr;
        // Split point: lower keeps [0, split), upper keeps [split, cols).
        const int64_t split = std::clamp<int64_t>(lower ? i + k + 1 : i + k, 0, cols);
        const int64_t keep_b = lower ? 0 : split, keep_e = lower ? split : cols;
        const int64_t zero_b = lower ? split : 0, zero_e = lower ? cols : split;
        if (sp && keep_e > keep_b) move(dp + keep_b * dcs, sp + keep_b * scs, keep_e - keep_b);
        if (zero_e > zero_b) zero(dp + zero_b * dcs, zero_e - zero_b);
      }
    });
  });
}

Tensor triangle_out(const Tensor& self, int64_t k, bool lower) {
  Tensor out = detail::make_contiguous(self.sizes(), self.dtype());
  check_matrix(self);
  if (out.numel() != 0) triangle(out, &self, k, lower);
  return out;
}

Tensor& triangle_inplace(Tensor& self, int64_t k, bool lower) {
  detail::check_inplace(self);
  check_matrix(self);
  if (self.numel() != 0) triangle(self, nullptr, k, lower);
  detail::bump_version(self);
  return self;
}

}  // namespace

Tensor Tensor::tril(int64_t k) const { return triangle_out(*this, k, true); }
Tensor Tensor::triu(int64_t k) const { return triangle_out(*this, k, false); }
Tensor& Tensor::tril_(int64_t k) { return triangle_inplace(*this, k, true); }
Tensor& Tensor::triu_(int64_t k) { return triangle_inplace(*this, k, false); }

}  // namespace parity::fast
