// Free functions: Joining, splitting, gathering, scattering, sorting (spec/API.md).
#pragma once
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "parity/fast/tensor.h"

namespace parity::fast {

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim = 0);

inline std::vector<Tensor> split(const Tensor& self, int64_t split_size, int64_t dim = 0) {
  return self.split(split_size, dim);
}
inline std::vector<Tensor> split(const Tensor& self, IntArrayRef split_sizes, int64_t dim = 0) {
  return self.split(split_sizes, dim);
}
inline std::vector<Tensor> split_with_sizes(const Tensor& self,
                                            IntArrayRef split_sizes,
                                            int64_t dim = 0) {
  return self.split_with_sizes(split_sizes, dim);
}
inline std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim = 0) {
  return self.chunk(chunks, dim);
}
inline Tensor gather(const Tensor& self, int64_t dim, const Tensor& index) {
  return self.gather(dim, index);
}
inline Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return self.scatter(dim, index, src);
}
inline Tensor scatter(const Tensor& self, int64_t dim, const Tensor& index, const Scalar& value) {
  return self.scatter(dim, index, value);
}
inline Tensor scatter_add(const Tensor& self, int64_t dim, const Tensor& index, const Tensor& src) {
  return self.scatter_add(dim, index, src);
}
inline Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index) {
  return self.index_select(dim, index);
}
inline Tensor masked_select(const Tensor& self, const Tensor& mask) {
  return self.masked_select(mask);
}
inline Tensor nonzero(const Tensor& self) { return self.nonzero(); }
inline std::tuple<Tensor, Tensor> sort(const Tensor& self,
                                       int64_t dim = -1,
                                       bool descending = false) {
  return self.sort(dim, descending);
}
inline std::tuple<Tensor, Tensor> sort(const Tensor& self,
                                       std::optional<bool> stable,
                                       int64_t dim = -1,
                                       bool descending = false) {
  return self.sort(stable, dim, descending);
}
inline Tensor argsort(const Tensor& self, int64_t dim = -1, bool descending = false) {
  return self.argsort(dim, descending);
}
inline std::tuple<Tensor, Tensor> topk(
    const Tensor& self, int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true) {
  return self.topk(k, dim, largest, sorted);
}
inline Tensor flip(const Tensor& self, IntArrayRef dims) { return self.flip(dims); }
inline Tensor roll(const Tensor& self, IntArrayRef shifts, IntArrayRef dims = {}) {
  return self.roll(shifts, dims);
}
inline Tensor repeat(const Tensor& self, IntArrayRef repeats) { return self.repeat(repeats); }
inline Tensor tril(const Tensor& self, int64_t diagonal = 0) { return self.tril(diagonal); }
inline Tensor triu(const Tensor& self, int64_t diagonal = 0) { return self.triu(diagonal); }

}  // namespace parity::fast
