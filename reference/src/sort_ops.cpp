// sort, argsort, topk (ATen/native/Sorting.cpp, cpu/SortingKernel.cpp and
// TopKImpl.h, torch 1.13). Each line along dim is handled on its own.
#include <algorithm>
#include <cmath>
#include <utility>

#include "index_walk.h"
#include "layout.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

bool is_nan(const Scalar& v) { return v.isFloatingPoint() && std::isnan(v.toDouble()); }

// a < b for two values of one dtype, NaN above everything (and equal to NaN).
bool less_nan_largest(const Scalar& a, const Scalar& b) {
  if (is_nan(a)) return false;
  if (is_nan(b)) return true;
  if (a.isFloatingPoint()) return a.toDouble() < b.toDouble();
  return a.toLong() < b.toLong();  // bools read as 0 and 1
}

// A 0-d tensor counts as one line of one element.
Tensor as_nonempty(const Tensor& t) {
  if (t.dim() > 0) return t;
  return make_view(t, {1}, {1}, t.storage_offset());
}

// The storage position of the first element of every line along dim, in
// row-major order of the other dims.
std::vector<int64_t> line_starts(const Tensor& t, int64_t dim) {
  const Tensor t1 = as_nonempty(t);
  std::vector<int64_t> sizes = t1.sizes().vec();
  sizes[dim] = 1;
  std::vector<int64_t> starts;
  for_each_index(sizes, t1.strides(), t1.storage_offset(), [&](int64_t i) { starts.push_back(i); });
  return starts;
}

// One line's elements, each with its position along the line.
using Line = std::vector<std::pair<Scalar, int64_t>>;

// Calls order(line) on every line of self along dim and writes the first
// values.size(dim) entries of the reordered line to values and indices.
template <class F>
void for_each_line(
    const Tensor& self, int64_t dim, const Tensor& values, const Tensor& indices, F order) {
  const Tensor in = as_nonempty(self), v = as_nonempty(values), ix = as_nonempty(indices);
  const std::vector<int64_t> in_starts = line_starts(in, dim);
  const std::vector<int64_t> v_starts = line_starts(v, dim);
  const std::vector<int64_t> ix_starts = line_starts(ix, dim);
  const int64_t n = in.size(dim), k = v.size(dim);
  for (size_t l = 0; l < in_starts.size(); ++l) {
    Line line;
    for (int64_t j = 0; j < n; ++j)
      line.emplace_back(read_at(*in.impl(), in_starts[l] + j * in.stride(dim)), j);
    order(line);
    for (int64_t j = 0; j < k; ++j) {
      write_at(*v.impl(), v_starts[l] + j * v.stride(dim), line[j].first);
      write_at(*ix.impl(), ix_starts[l] + j * ix.stride(dim), line[j].second);
    }
  }
}

}  // namespace

std::tuple<Tensor, Tensor> Tensor::sort(int64_t dim, bool descending) const {
  return sort(false, dim, descending);
}

// A stable sort (whatever `stable` says, as 1.13's CPU sort): equal keys
// keep their order, in both directions. The results keep self's layout
// when it is dense (else the dense layout in self's dim order).
std::tuple<Tensor, Tensor> Tensor::sort(std::optional<bool> stable,
                                        int64_t dim,
                                        bool descending) const {
  if (!stable.has_value())  // LibTorch 1.13's own text
    throw Error(
        "stable.has_value() INTERNAL ASSERT FAILED at \"./aten/src/ATen/native/Sorting.cpp\":42, "
        "please report a bug to PyTorch. sort(): c10::optional<bool> for stable has to have "
        "value.");
  dim = wrap_dim(dim, this->dim());
  const Tensor values = empty_preserving(*this, scalar_type());
  const Tensor indices = empty_preserving(*this, kLong);
  for_each_line(*this, dim, values, indices, [&](Line& line) {
    std::stable_sort(line.begin(), line.end(), [&](const auto& a, const auto& b) {
      return descending ? less_nan_largest(b.first, a.first) : less_nan_largest(a.first, b.first);
    });
  });
  return {values, indices};
}

Tensor Tensor::argsort(int64_t dim, bool descending) const {
  return std::get<1>(sort(dim, descending));
}

// topk picks the k largest (or smallest) as LibTorch's topk_impl_loop
// does, with the same standard-library calls: which of several equal
// values win, and their order when sorted=false, is what std::partial_sort
// and std::nth_element leave, not a stable order. NaN counts as largest.
std::tuple<Tensor, Tensor> Tensor::topk(int64_t k, int64_t dim, bool largest, bool sorted) const {
  dim = wrap_dim(dim, this->dim());
  if (k < 0 || k > (this->dim() > 0 ? size(dim) : 1)) throw Error("selected index k out of range");
  std::vector<int64_t> out_sizes = sizes().vec();
  if (this->dim() > 0) out_sizes[dim] = k;
  const Tensor values = empty_contiguous(out_sizes, scalar_type());
  const Tensor indices = empty_contiguous(out_sizes, kLong);
  if (this->dim() == 0) {  // a plain copy: no dtype check
    copy_values(values, *this);
    return {values, indices};
  }
  if (scalar_type() == kBool || scalar_type() == kHalf)
    throw Error(std::string("\"topk_cpu\" not implemented for '") + toString(scalar_type()) + "'");
  if (k == 0) return {values, indices};
  const auto before = [&](const std::pair<Scalar, int64_t>& a,
                          const std::pair<Scalar, int64_t>& b) {
    return largest ? less_nan_largest(b.first, a.first) : less_nan_largest(a.first, b.first);
  };
  for_each_line(*this, dim, values, indices, [&](Line& line) {
    const auto kth = line.begin() + k;
    if (k * 64 <= static_cast<int64_t>(line.size())) {
      std::partial_sort(line.begin(), kth, line.end(), before);
    } else {
      std::nth_element(line.begin(), kth - 1, line.end(), before);
      if (sorted) std::sort(line.begin(), kth - 1, before);
    }
  });
  return {values, indices};
}

}  // namespace parity::ref
