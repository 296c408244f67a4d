#include "meta/view_meta.h"

#include <algorithm>
#include <sstream>

#include "meta/iter_layout.h"

namespace parity::fast::meta {

std::string sizes_str(IntArrayRef s) {
  std::ostringstream os;
  os << s;
  return os.str();
}

int64_t wrap_dim(int64_t dim, int64_t ndim) {
  if (ndim <= 0) ndim = 1;
  int64_t lo = -ndim, hi = ndim - 1;
  if (dim < lo || dim > hi) {
    throw IndexError("Dimension out of range (expected to be in range of [" + std::to_string(lo) +
                     ", " + std::to_string(hi) + "], but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + ndim : dim;
}

int64_t numel_of(IntArrayRef sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  return n;
}

DimVector contiguous_strides(IntArrayRef sizes) {
  DimVector st(sizes.size());
  int64_t acc = 1;
  for (size_t i = sizes.size(); i-- > 0;) {
    st[i] = acc;
    acc *= std::max<int64_t>(sizes[i], 1);  // size-0 dims keep later strides, as torch
  }
  return st;
}

bool compute_contiguous(IntArrayRef sizes, IntArrayRef strides) {
  int64_t expected = 1;
  for (size_t i = sizes.size(); i-- > 0;) {
    if (sizes[i] == 0) return true;
  }
  for (size_t i = sizes.size(); i-- > 0;) {
    if (sizes[i] == 1) continue;  // a size-1 dim's stride is never observed
    if (strides[i] != expected) return false;
    expected *= sizes[i];
  }
  return true;
}

bool is_non_overlapping_and_dense(IntArrayRef sizes, IntArrayRef strides) {
  // c10's flag is is_contiguous || <dense in some order>; the first part
  // alone is true for every tensor without elements, whatever its strides.
  if (compute_contiguous(sizes, strides)) return true;
  size_t n = sizes.size();
  if (n == 1) return sizes[0] < 2 || strides[0] == 1;
  DimVector perm(n);
  for (size_t i = 0; i < n; ++i) perm[i] = static_cast<int64_t>(i);
  // Innermost first; size-1 dims sort last since they never matter.
  std::stable_sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
    if (sizes[a] < 2) return false;
    if (sizes[b] < 2) return true;
    return strides[a] < strides[b];
  });
  int64_t expected = 1;
  for (size_t i = 0; i < n; ++i) {
    int64_t s = sizes[perm[i]];
    if (s < 2) return true;
    if (strides[perm[i]] != expected) return false;
    expected *= s;
  }
  return true;
}

bool has_internal_overlap(IntArrayRef sizes, IntArrayRef strides) {
  // torch asks is_non_overlapping_and_dense first, which an empty tensor is.
  for (int64_t s : sizes)
    if (s == 0) return false;
  for (size_t i = 0; i < sizes.size(); ++i)
    if (strides[i] == 0 && sizes[i] > 1) return true;
  return false;
}

void check_nonnegative_sizes(IntArrayRef sizes) {
  for (int64_t s : sizes) {
    if (s < 0)
      throw Error("Trying to create tensor with negative dimension " + std::to_string(s) + ": " +
                  sizes_str(sizes));
  }
}

DimVector infer_size(IntArrayRef shape, int64_t numel) {
  int64_t newsize = 1;
  std::optional<size_t> infer;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (infer) throw Error("only one dimension can be inferred");
      infer = i;
    } else if (shape[i] >= 0) {
      newsize *= shape[i];
    } else {
      throw Error("invalid shape dimension " + std::to_string(shape[i]));
    }
  }
  DimVector out(shape);
  if (numel == newsize || (infer && newsize > 0 && numel % newsize == 0)) {
    if (infer) {
      if (newsize == 0) {
        throw Error("cannot reshape tensor of 0 elements into shape " + sizes_str(shape) +
                    " because the unspecified dimension size -1 can be any value and is ambiguous");
      }
      out[*infer] = numel / newsize;
    }
    return out;
  }
  throw Error("shape '" + sizes_str(shape) + "' is invalid for input of size " +
              std::to_string(numel));
}

std::optional<DimVector> compute_stride(IntArrayRef old_sizes,
                                        IntArrayRef old_strides,
                                        IntArrayRef new_shape) {
  const int64_t nnew = static_cast<int64_t>(new_shape.size());
  if (old_sizes.empty()) return DimVector(new_shape.size(), 1);
  const int64_t numel = numel_of(old_sizes);
  if (numel == 0 && old_sizes == new_shape) return DimVector(old_strides);
  DimVector out(new_shape.size());
  if (numel == 0) {
    // Nothing to address: hand out contiguous strides.
    for (int64_t d = nnew - 1; d >= 0; --d)
      out[d] = d == nnew - 1 ? 1 : std::max<int64_t>(new_shape[d + 1], 1) * out[d + 1];
    return out;
  }
  // Walk old dims from the inside, grouping runs that are contiguous with
  // each other ("chunks"); each group of new dims must tile exactly one chunk.
  int64_t view_d = nnew - 1;
  int64_t chunk_base_stride = old_strides.back();
  int64_t tensor_numel = 1, view_numel = 1;
  for (int64_t td = static_cast<int64_t>(old_sizes.size()) - 1; td >= 0; --td) {
    tensor_numel *= old_sizes[td];
    bool chunk_ends = td == 0 || (old_sizes[td - 1] != 1 &&
                                  old_strides[td - 1] != tensor_numel * chunk_base_stride);
    if (!chunk_ends) continue;
    while (view_d >= 0 && (view_numel < tensor_numel || new_shape[view_d] == 1)) {
      out[view_d] = view_numel * chunk_base_stride;
      view_numel *= new_shape[view_d];
      --view_d;
    }
    if (view_numel != tensor_numel) return std::nullopt;
    if (td > 0) {
      chunk_base_stride = old_strides[td - 1];
      tensor_numel = 1;
      view_numel = 1;
    }
  }
  if (view_d != -1) return std::nullopt;
  return out;
}

DimVector broadcast_shapes(IntArrayRef a, IntArrayRef b) {
  size_t na = a.size(), nb = b.size(), n = std::max(na, nb);
  DimVector out(n);
  for (size_t k = 0; k < n; ++k) {
    size_t i = n - 1 - k;
    int64_t sa = k < na ? a[na - 1 - k] : 1;
    int64_t sb = k < nb ? b[nb - 1 - k] : 1;
    if (sa != sb && sa != 1 && sb != 1) {
      throw Error("The size of tensor a (" + std::to_string(sa) +
                  ") must match the size of tensor b (" + std::to_string(sb) +
                  ") at non-singleton dimension " + std::to_string(i));
    }
    out[i] = sa == 1 ? sb : sa;
  }
  return out;
}

Geometry transpose(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t d0, int64_t d1) {
  int64_t n = static_cast<int64_t>(sizes.size());
  d0 = wrap_dim(d0, n);
  d1 = wrap_dim(d1, n);
  Geometry g{sizes, strides, offset};
  if (n > 0) {
    std::swap(g.sizes[d0], g.sizes[d1]);
    std::swap(g.strides[d0], g.strides[d1]);
  }
  return g;
}

Geometry permute(IntArrayRef sizes, IntArrayRef strides, int64_t offset, IntArrayRef dims) {
  int64_t n = static_cast<int64_t>(sizes.size());
  if (static_cast<int64_t>(dims.size()) != n) {
    // Sic: torch 1.13 names sparse_coo here for every layout.
    throw Error(
        "permute(sparse_coo): number of dimensions in the tensor input does not match the length "
        "of "
        "the desired ordering of dimensions i.e. input.dim() = " +
        std::to_string(n) + " is not equal to len(dims) = " + std::to_string(dims.size()));
  }
  Geometry g{DimVector(n), DimVector(n), offset};
  DimVector seen(n, 0);
  for (int64_t i = 0; i < n; ++i) {
    int64_t d = wrap_dim(dims[i], n);
    if (seen[d]) throw Error("permute(): duplicate dims are not allowed.");
    seen[d] = 1;
    g.sizes[i] = sizes[d];
    g.strides[i] = strides[d];
  }
  return g;
}

Geometry unsqueeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim) {
  int64_t n = static_cast<int64_t>(sizes.size());
  dim = wrap_dim(dim, n + 1);
  Geometry g{sizes, strides, offset};
  int64_t st = dim >= n ? 1 : sizes[dim] * strides[dim];
  g.sizes.insert(dim, 1);
  g.strides.insert(dim, st);
  return g;
}

Geometry squeeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset) {
  Geometry g;
  g.offset = offset;
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] != 1) {
      g.sizes.push_back(sizes[i]);
      g.strides.push_back(strides[i]);
    }
  }
  return g;
}

Geometry squeeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim) {
  int64_t n = static_cast<int64_t>(sizes.size());
  dim = wrap_dim(dim, n);
  Geometry g{sizes, strides, offset};
  if (n > 0 && sizes[dim] == 1) {
    g.sizes.erase(dim);
    g.strides.erase(dim);
  }
  return g;
}

namespace {
// What LibTorch's toString(tensor.options()) gives in expand's message.
std::string legacy_type_name(ScalarType t) { return std::string("CPU") + toString(t) + "Type"; }
}  // namespace

Geometry expand(
    IntArrayRef sizes, IntArrayRef strides, int64_t offset, IntArrayRef target, ScalarType dtype) {
  int64_t ndim = static_cast<int64_t>(target.size());
  int64_t tdim = static_cast<int64_t>(sizes.size());
  if (ndim < tdim) {
    throw Error("expand(" + legacy_type_name(dtype) + "{" + sizes_str(sizes) + "}, size=" +
                sizes_str(target) + "): the number of sizes provided (" + std::to_string(ndim) +
                ") must be greater or equal to the number of dimensions in the tensor (" +
                std::to_string(tdim) + ")");
  }
  Geometry g{DimVector(ndim), DimVector(ndim), offset};
  for (int64_t i = ndim - 1; i >= 0; --i) {
    int64_t d = tdim - (ndim - i);
    int64_t size = d >= 0 ? sizes[d] : 1;
    // A new leading dim is laid over the next one; past the last dim of a
    // 0-d tensor torch reads 0.
    int64_t stride = d >= 0 ? strides[d] : (i + 1 < ndim ? g.sizes[i + 1] * g.strides[i + 1] : 0);
    int64_t want = target[i];
    if (want == -1) {
      if (d < 0)
        throw Error(
            "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing "
            "dimension " +
            std::to_string(i));
      want = size;
    }
    if (size != want) {
      if (size != 1) {
        throw Error("The expanded size of the tensor (" + std::to_string(want) +
                    ") must match the existing size (" + std::to_string(size) +
                    ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " +
                    sizes_str(target) + ".  Tensor sizes: " + sizes_str(sizes));
      }
      size = want;
      stride = 0;
    }
    g.sizes[i] = size;
    g.strides[i] = stride;
  }
  for (int64_t s : g.sizes)
    if (s < 0)
      throw Error("numel: integer multiplication overflow");  // torch's words for expand(-2)
  return g;
}

Geometry select(
    IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim, int64_t index) {
  int64_t n = static_cast<int64_t>(sizes.size());
  if (n == 0) throw IndexError("select() cannot be applied to a 0-dim tensor.");
  dim = wrap_dim(dim, n);
  int64_t size = sizes[dim];
  if (index < -size || index >= size) {
    throw IndexError("select(): index " + std::to_string(index) +
                     " out of range for tensor of size " + sizes_str(sizes) + " at dimension " +
                     std::to_string(dim));
  }
  if (index < 0) index += size;
  Geometry g{sizes, strides, offset + index * strides[dim]};
  g.sizes.erase(dim);
  g.strides.erase(dim);
  return g;
}

Geometry slice(IntArrayRef sizes,
               IntArrayRef strides,
               int64_t offset,
               int64_t dim,
               std::optional<int64_t> start,
               std::optional<int64_t> end,
               int64_t step) {
  int64_t n = static_cast<int64_t>(sizes.size());
  if (n == 0) throw IndexError("slice() cannot be applied to a 0-dim tensor.");
  dim = wrap_dim(dim, n);
  if (step <= 0) throw Error("slice step must be positive");
  int64_t size = sizes[dim];
  int64_t s = start.value_or(0);
  int64_t e = end.value_or(INT64_MAX);
  // Python's clamping, as at::slice does it.
  if (s < 0) s += size;
  if (e < 0) e += size;
  if (s < 0)
    s = 0;
  else if (s >= size)
    s = size;
  if (e < s)
    e = s;
  else if (e >= size)
    e = size;
  Geometry g{sizes, strides, offset + s * strides[dim]};
  int64_t len = e - s;
  g.sizes[dim] = (len + step - 1) / step;
  g.strides[dim] = strides[dim] * step;
  return g;
}

int64_t narrow_start(IntArrayRef sizes, int64_t dim, int64_t start, int64_t length) {
  if (sizes.empty()) throw Error("narrow() cannot be applied to a 0-dim tensor.");
  int64_t cur = sizes[wrap_dim(dim, static_cast<int64_t>(sizes.size()))];
  // start == size is a valid (empty) start but not a valid "dim", hence the
  // special case torch makes; otherwise start wraps like a dim.
  if (start != cur) start = wrap_dim(start, cur);
  if (length < 0 || start > cur - length) {
    throw Error("start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                ") exceeds dimension size (" + std::to_string(cur) + ").");
  }
  return start;
}

}  // namespace parity::fast::meta

namespace parity::fast::meta {

DimVector infer_dense_strides(IntArrayRef sizes, IntArrayRef strides) {
  const size_t n = sizes.size();
  if (n == 0) return DimVector();
  if (n == 1) return DimVector{1};
  // TensorIterator's dim order for this one tensor, taken unbroadcast: a
  // stride-0 dim is ambiguous and keeps its place.
  const DimVector st(strides);
  const DimVector perm = reorder_dims(sizes, std::span<const DimVector>(&st, 1));
  DimVector out(n);
  int64_t cur = 1;
  for (size_t i = 0; i < n; ++i) {
    int64_t d = perm[i];
    out[d] = cur;
    if (sizes[d] > 1) cur *= sizes[d];
  }
  return out;
}

DimVector preserve_strides(IntArrayRef sizes, IntArrayRef strides) {
  if (is_non_overlapping_and_dense(sizes, strides)) return DimVector(strides);
  return infer_dense_strides(sizes, strides);
}

}  // namespace parity::fast::meta
