// amax, amin, max, min and argmax, argmin (ATen/native/ReduceOps.cpp,
// TensorCompare.cpp, torch 1.13). Each run's winner is its first NaN if it
// has one, else its first largest (smallest) element: ties give the first
// index. An empty run has no winner, so torch refuses it.
#include <cmath>

#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

// Whether a beats b for the lead (strictly: a tie keeps the earlier one).
bool beats(const Scalar& a, const Scalar& b, bool floating, bool largest) {
  if (floating) {
    const double x = a.toDouble(), y = b.toDouble();
    if (std::isnan(y)) return false;
    if (std::isnan(x)) return true;
    return largest ? x > y : x < y;
  }
  const int64_t x = a.toLong(), y = b.toLong();
  return largest ? x > y : x < y;
}

size_t winner(const std::vector<Scalar>& run, bool floating, bool largest) {
  size_t best = 0;
  for (size_t i = 1; i < run.size(); ++i)
    if (beats(run[i], run[best], floating, largest)) best = i;
  return best;
}

struct Extremes {
  Tensor values, indices;
};

// The winners of a reduction whose empty runs were already refused.
Extremes extremes(const Tensor& self, const std::vector<bool>& mask, bool keepdim, bool largest) {
  const bool floating = isFloatingType(self.scalar_type());
  std::vector<Scalar> values, indices;
  for (const auto& run : reduction_groups(self, mask)) {
    const size_t i = winner(run, floating, largest);
    values.push_back(run[i]);
    indices.push_back(Scalar(static_cast<int64_t>(i)));
  }
  const std::vector<int64_t> sizes = reduced_sizes(self.sizes(), mask, keepdim);
  return {tensor_of(sizes, self.scalar_type(), values), tensor_of(sizes, kLong, indices)};
}

Tensor amax_op(const char* name, const Tensor& self, IntArrayRef dim, bool keepdim, bool largest) {
  // On an empty input torch checks each listed dim in turn, naming it as spelled.
  if (self.numel() == 0)
    for (int64_t d : dim)
      if (self.size(wrap_dim(d, self.dim())) == 0)
        throw IndexError(std::string(name) + "(): Expected reduction dim " + std::to_string(d) +
                         " to have non-zero size.");
  const std::vector<bool> mask = reduced_dims(dim, self.dim());
  check_nonempty_reduction(name, self, mask, dim.empty());
  return extremes(self, mask, keepdim, largest).values;
}

Tensor all_max_op(const char* name, const Tensor& self, bool largest) {
  const std::vector<bool> mask = reduced_dims(std::nullopt, self.dim());
  check_nonempty_reduction(name, self, mask, true);
  return extremes(self, mask, false, largest).values;
}

std::tuple<Tensor, Tensor> max_dim_op(
    const char* name, const Tensor& self, int64_t dim, bool keepdim, bool largest) {
  const std::vector<bool> mask = reduced_dim(dim, self.dim());
  check_nonempty_reduction(name, self, mask, false);
  Extremes e = extremes(self, mask, keepdim, largest);
  return {e.values, e.indices};
}

// Without a dim, argmax indexes the flattened tensor.
Tensor argmax_op(
    const char* name, const Tensor& self, std::optional<int64_t> dim, bool keepdim, bool largest) {
  const Tensor input = dim ? self : self.reshape({-1});
  const std::vector<bool> mask = reduced_dim(dim.value_or(0), input.dim());
  check_nonempty_reduction(name, input, mask, !dim);
  // No kernel (and so no dtype check) runs on no elements, nor on a dim of
  // size 1, whose indices torch fills with zeros directly.
  const bool trivial = self.numel() == 0 || (dim && self.dim() > 0 && self.size(*dim) == 1);
  if (self.scalar_type() == kBool && !trivial)
    throw Error(std::string("\"") + name + "_cpu\" not implemented for 'Bool'");
  Tensor indices = extremes(input, mask, keepdim, largest).indices;
  if (!dim && keepdim) indices = indices.reshape(std::vector<int64_t>(self.dim(), 1));
  return indices;
}

}  // namespace

Tensor Tensor::amax(IntArrayRef d, bool keepdim) const {
  return amax_op("amax", *this, d, keepdim, true);
}
Tensor Tensor::amin(IntArrayRef d, bool keepdim) const {
  return amax_op("amin", *this, d, keepdim, false);
}
Tensor Tensor::max() const { return all_max_op("max", *this, true); }
Tensor Tensor::min() const { return all_max_op("min", *this, false); }
std::tuple<Tensor, Tensor> Tensor::max(int64_t d, bool keepdim) const {
  return max_dim_op("max", *this, d, keepdim, true);
}
std::tuple<Tensor, Tensor> Tensor::min(int64_t d, bool keepdim) const {
  return max_dim_op("min", *this, d, keepdim, false);
}
Tensor Tensor::argmax(std::optional<int64_t> d, bool keepdim) const {
  return argmax_op("argmax", *this, d, keepdim, true);
}
Tensor Tensor::argmin(std::optional<int64_t> d, bool keepdim) const {
  return argmax_op("argmin", *this, d, keepdim, false);
}

Tensor amax(const Tensor& self, IntArrayRef dim, bool keepdim) { return self.amax(dim, keepdim); }
Tensor amin(const Tensor& self, IntArrayRef dim, bool keepdim) { return self.amin(dim, keepdim); }
Tensor max(const Tensor& self) { return self.max(); }
Tensor min(const Tensor& self) { return self.min(); }
std::tuple<Tensor, Tensor> max(const Tensor& self, int64_t dim, bool keepdim) {
  return self.max(dim, keepdim);
}
std::tuple<Tensor, Tensor> min(const Tensor& self, int64_t dim, bool keepdim) {
  return self.min(dim, keepdim);
}
Tensor argmax(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  return self.argmax(dim, keepdim);
}
Tensor argmin(const Tensor& self, std::optional<int64_t> dim, bool keepdim) {
  return self.argmin(dim, keepdim);
}

}  // namespace parity::ref
