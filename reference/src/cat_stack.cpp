// cat and stack (ATen/native/TensorShape.cpp, torch 1.13): inputs promote
// to one dtype, 1-D empty tensors are skipped (legacy), and the result is
// row-major unless every input is laid out channels-last.
#include <sstream>

#include "promotion.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// Before torch allowed empty tensors of any shape, [0] was the only empty
// one, so cat still ignores such tensors whatever their neighbours' shapes.
bool is_skipped(const Tensor& t) { return t.dim() == 1 && t.size(0) == 0; }

// The order of dims, innermost first, of the channels-last layouts.
using DimOrder = std::vector<size_t>;
const DimOrder kChannelsLast2d{1, 3, 2, 0};
const DimOrder kChannelsLast3d{1, 4, 3, 2, 0};

// c10's is_channels_last_strides_2d_s4 / _3d_s5: whether the strides grow
// along `order`. Ambiguous cases (trivial C, N111) count as row-major.
bool strides_follow(const TensorImpl& t, const DimOrder& order) {
  if (t.strides[1] == 0) return false;
  int64_t min = 0;
  for (size_t d : order) {
    if (t.sizes[d] == 0 || t.strides[d] < min) return false;
    if (d == 0 && min == t.strides[1]) return false;
    min = t.strides[d];
    if (t.sizes[d] > 1) min *= t.sizes[d];
  }
  return true;
}

// Tensor::suggest_memory_format: the layout order of t, or none (row-major).
const DimOrder* suggested_order(const Tensor& t) {
  const TensorImpl& impl = *t.impl();
  if (impl.sizes.size() == 4 && strides_follow(impl, kChannelsLast2d)) return &kChannelsLast2d;
  if (impl.sizes.size() == 5 && strides_follow(impl, kChannelsLast3d)) return &kChannelsLast3d;
  return nullptr;
}

// cat_compute_output_memory_format: a channels-last layout only if every
// input suggests that same layout.
const DimOrder* output_order(const std::vector<Tensor>& tensors) {
  const DimOrder* order = suggested_order(tensors.front());
  for (const Tensor& t : tensors)
    if (suggested_order(t) != order) return nullptr;
  return order;
}

// Dense strides along `order` (c10's get_channels_last_strides_*: sizes
// multiply unclamped; cat never gets here with a size-0 dim).
std::vector<int64_t> strides_in_order(const std::vector<int64_t>& sizes, const DimOrder& order) {
  std::vector<int64_t> strides(sizes.size());
  int64_t stride = 1;
  for (size_t d : order) {
    strides[d] = stride;
    stride *= sizes[d];
  }
  return strides;
}

void check_shape_except_dim(const Tensor& first, const Tensor& t, int64_t dim, size_t index) {
  if (first.dim() != t.dim()) {
    std::ostringstream msg;
    msg << "Tensors must have same number of dimensions: got " << first.dim() << " and " << t.dim();
    throw Error(msg.str());
  }
  for (int64_t d = 0; d < first.dim(); ++d) {
    if (d == dim || first.size(d) == t.size(d)) continue;
    std::ostringstream msg;
    msg << "Sizes of tensors must match except in dimension " << dim << ". Expected size "
        << first.size(d) << " but got size " << t.size(d) << " for tensor number " << index
        << " in the list.";
    throw Error(msg.str());
  }
}

}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  for (size_t i = 0; i < tensors.size(); ++i)
    if (tensors[i].dim() == 0)
      throw Error("zero-dimensional tensor (at position " + std::to_string(i) +
                  ") cannot be concatenated");
  // legacy_cat_wrap_dim: the dim is wrapped against the first kept tensor.
  const Tensor* first = nullptr;
  for (const Tensor& t : tensors)
    if (!is_skipped(t)) {
      first = &t;
      break;
    }
  if (first) dim = wrap_dim(dim, first->dim());
  if (tensors.empty()) throw Error("torch.cat(): expected a non-empty list of Tensors");

  ScalarType dtype = tensors.front().scalar_type();
  for (const Tensor& t : tensors) dtype = promote_types(dtype, t.scalar_type());
  if (!first) return empty_contiguous({0}, dtype);  // nothing but skipped tensors

  std::vector<int64_t> sizes = first->sizes().vec();
  sizes[dim] = 0;
  for (size_t i = 0; i < tensors.size(); ++i) {
    if (is_skipped(tensors[i])) continue;
    check_shape_except_dim(*first, tensors[i], dim, i);
    sizes[dim] += tensors[i].size(dim);
  }
  const DimOrder* order = output_order(tensors);
  Tensor out = order ? empty_strided(sizes, strides_in_order(sizes, *order), dtype)
                     : empty_contiguous(sizes, dtype);
  // Each input fills its own slab of the output, converted to its dtype.
  int64_t start = 0;
  for (const Tensor& t : tensors) {
    if (is_skipped(t)) continue;
    copy_values(out.narrow(dim, start, t.size(dim)), t);
    start += t.size(dim);
  }
  return out;
}

// at::stack: cat along dim, then a view that splits dim into
// (number of tensors, size); at the end, cat of unsqueezed inputs.
Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) throw Error("stack expects a non-empty TensorList");
  const Tensor& first = tensors.front();
  dim = wrap_dim(dim, first.dim() + 1);
  for (size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].sizes() == first.sizes()) continue;
    std::ostringstream msg;
    msg << "stack expects each tensor to be equal size, but got " << first.sizes()
        << " at entry 0 and " << tensors[i].sizes() << " at entry " << i;
    throw Error(msg.str());
  }
  if (dim < first.dim()) {
    std::vector<int64_t> sizes = first.sizes().vec();
    sizes.insert(sizes.begin() + dim, static_cast<int64_t>(tensors.size()));
    return cat(tensors, dim).view(sizes);
  }
  std::vector<Tensor> inputs;
  for (const Tensor& t : tensors) inputs.push_back(t.unsqueeze(dim));
  return cat(inputs, dim);
}

}  // namespace parity::ref
