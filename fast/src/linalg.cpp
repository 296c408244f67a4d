// dot mv mm bmm matmul: torch's checks in its order, then cpu::gemm. matmul
// lowers to the others exactly as torch 1.13 does (so its errors are theirs).
#include "parity/fast/linalg.h"

#include <string>

#include "cpu/gemm.h"
#include "meta/view_meta.h"
#include "parity/fast/functions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

std::string not_implemented(const char* name, ScalarType t) {
  return std::string("\"") + name + "\" not implemented for '" + toString(t) + "'";
}

// The dispatch of addmm/addmv/bmm: the first operand's dtype picks the
// kernel, which then finds the second's dtype wrong.
void check_gemm_dtypes(const char* name, const Tensor& a, const Tensor& b) {
  // Nothing to multiply: torch fills the result without dispatching.
  if (a.numel() == 0 || b.numel() == 0) return;
  if (a.dtype() == kBool || a.dtype() == kHalf) throw Error(not_implemented(name, a.dtype()));
  if (a.dtype() != b.dtype())
    throw Error(std::string("expected scalar type ") + toString(a.dtype()) + " but found " +
                toString(b.dtype()));
}

cpu::MatRef mat(const Tensor& t, int64_t offset_elems, int64_t rs, int64_t cs) {
  return {static_cast<const char*>(t.data_ptr()) + offset_elems * t.element_size(), rs, cs};
}

std::string dims_str(const Tensor& t) {
  return std::to_string(t.size(0)) + "x" + std::to_string(t.size(1));
}

}  // namespace

Tensor Tensor::dot(const Tensor& other) const {
  if (dim() != 1 || other.dim() != 1)
    throw Error("1D tensors expected, but got " + std::to_string(dim()) + "D and " +
                std::to_string(other.dim()) + "D tensors");
  if (dtype() != other.dtype())
    throw Error(std::string("dot : expected both vectors to have same dtype, but found ") +
                toString(dtype()) + " and " + toString(other.dtype()));
  if (numel() != other.numel())
    throw Error("inconsistent tensor size, expected tensor [" + std::to_string(numel()) +
                "] and src [" + std::to_string(other.numel()) +
                "] to have the same number of elements, but got " + std::to_string(numel()) +
                " and " + std::to_string(other.numel()) + " elements respectively");
  if (dtype() == kBool || dtype() == kHalf) throw Error(not_implemented("dot", dtype()));
  Tensor out = detail::make_contiguous({}, dtype());
  cpu::gemm(dtype(), 1, 1, numel(), mat(*this, 0, numel(), stride(0)),
            mat(other, 0, 1, other.stride(0)), static_cast<char*>(out.data_ptr()));
  return out;
}

Tensor Tensor::mv(const Tensor& vec) const {
  if (dim() != 2 || vec.dim() != 1)
    throw Error("vector + matrix @ vector expected, got 1, " + std::to_string(dim()) + ", " +
                std::to_string(vec.dim()));
  if (size(1) != vec.size(0))
    throw Error("size mismatch, got " + std::to_string(size(0)) + ", " + dims_str(*this) + "," +
                std::to_string(vec.size(0)));
  check_gemm_dtypes("addmv_impl_cpu", *this, vec);
  Tensor out = detail::make_contiguous({size(0)}, dtype());
  cpu::gemm(dtype(), size(0), 1, size(1), mat(*this, 0, stride(0), stride(1)),
            mat(vec, 0, vec.stride(0), 1), static_cast<char*>(out.data_ptr()));
  return out;
}

Tensor Tensor::mm(const Tensor& mat2) const {
  if (dim() != 2) throw Error("self must be a matrix");
  if (mat2.dim() != 2) throw Error("mat2 must be a matrix");
  if (size(1) != mat2.size(0))
    throw Error("mat1 and mat2 shapes cannot be multiplied (" + dims_str(*this) + " and " +
                dims_str(mat2) + ")");
  check_gemm_dtypes("addmm_impl_cpu_", *this, mat2);
  Tensor out = detail::make_contiguous({size(0), mat2.size(1)}, dtype());
  cpu::gemm(dtype(), size(0), mat2.size(1), size(1), mat(*this, 0, stride(0), stride(1)),
            mat(mat2, 0, mat2.stride(0), mat2.stride(1)), static_cast<char*>(out.data_ptr()));
  return out;
}

Tensor Tensor::bmm(const Tensor& mat2) const {
  if (dim() != 3) throw Error("batch1 must be a 3D tensor");
  if (mat2.dim() != 3) throw Error("batch2 must be a 3D tensor");
  if (mat2.size(0) != size(0) || mat2.size(1) != size(2))
    throw Error("Expected size for first two dimensions of batch2 tensor to be: [" +
                std::to_string(size(0)) + ", " + std::to_string(size(2)) + "] but got: [" +
                std::to_string(mat2.size(0)) + ", " + std::to_string(mat2.size(1)) + "].");
  const int64_t B = size(0), M = size(1), K = size(2), N = mat2.size(2);
  // torch 1.13: nothing to multiply gives zeros of mat2's dtype; small products
  // run its own "bmm" kernel (batch1's dtype), larger ones go batch by batch
  // through addmm (mat2's dtype), each with its own error text.
  if (numel() == 0 || mat2.numel() == 0)
    return zeros({B, M, N}, TensorOptions().dtype(mat2.dtype()));
  if (K * M * N < 400)
    check_gemm_dtypes("bmm", *this, mat2);
  else
    check_gemm_dtypes("addmm_impl_cpu_", mat2, *this);
  Tensor out = detail::make_contiguous({B, M, N}, dtype());
  char* o = static_cast<char*>(out.data_ptr());
  for (int64_t b = 0; b < B; ++b)
    cpu::gemm(dtype(), M, N, K, mat(*this, b * stride(0), stride(1), stride(2)),
              mat(mat2, b * mat2.stride(0), mat2.stride(1), mat2.stride(2)),
              o + b * M * N * element_size(), B * M * N * K);
  return out;
}

namespace {

// torch's should_fold: a >=3-d operand times a vector or matrix becomes one
// mm/mv over its folded batch, unless it is a [b, m, k] batch of transposed
// matrices (then bmm avoids the copy).
bool should_fold(const Tensor& t1, int64_t dim2) {
  const int64_t d1 = t1.dim();
  if (d1 >= 3 && (dim2 == 1 || dim2 == 2)) {
    if (d1 == 3 && dim2 == 2 && t1.stride(2) != 1 && t1.stride(0) == t1.size(1) * t1.size(2))
      return false;
    return true;
  }
  return false;
}

Tensor mT(const Tensor& t) { return t.transpose(-2, -1); }

}  // namespace

Tensor Tensor::matmul(const Tensor& other) const {
  const int64_t d1 = dim(), d2 = other.dim();
  if (d1 == 0 || d2 == 0)
    throw Error("both arguments to matmul need to be at least 1D, but they are " +
                std::to_string(d1) + "D and " + std::to_string(d2) + "D");
  if (d1 == 1 && d2 == 1) return dot(other);
  if (d1 == 2 && d2 == 1) return mv(other);
  if (d1 == 1 && d2 == 2) return unsqueeze(0).mm(other).squeeze(0);
  if (d1 == 2 && d2 == 2) return mm(other);
  if (should_fold(*this, d2) || should_fold(other, d1)) {
    const bool transpose = d2 > d1;
    const Tensor t1 = transpose ? mT(other) : *this;
    const Tensor t2 = !transpose ? other : d1 == 2 ? this->t() : *this;
    DimVector out_shape(IntArrayRef(t1.sizes().data(), t1.sizes().size() - 1));
    const int64_t folded = meta::numel_of(out_shape);
    const bool matrix = t2.dim() == 2;
    if (matrix) out_shape.push_back(t2.size(1));
    const Tensor t1f = t1.reshape({folded, t1.size(-1)});
    if (!matrix) return t1f.mv(t2).view(out_shape);
    const Tensor out = t1f.mm(t2).view(out_shape);
    return transpose ? mT(out).contiguous() : out;
  }
  // Batched: broadcast the batch dims, then one bmm.
  const int64_t n = d1 > 1 ? size(-2) : 1;
  const int64_t m1 = size(-1);
  const int64_t m2 = d2 > 1 ? other.size(-2) : other.size(0);
  const int64_t p = d2 > 1 ? other.size(-1) : 1;
  const IntArrayRef batch1(sizes().data(), static_cast<size_t>(std::max<int64_t>(d1 - 2, 0)));
  const IntArrayRef batch2(other.sizes().data(), static_cast<size_t>(std::max<int64_t>(d2 - 2, 0)));
  DimVector out_shape = meta::broadcast_shapes(batch1, batch2);
  const int64_t batch = meta::numel_of(out_shape);
  DimVector e1 = out_shape;
  e1.push_back(n);
  e1.push_back(m1);
  const Tensor t1 = expand(e1).reshape({batch, n, m1});
  DimVector e2 = out_shape;
  e2.push_back(m2);
  if (d2 > 1) e2.push_back(p);
  Tensor t2 = other.expand(e2);
  t2 = d2 == 1 ? t2.reshape({batch, m2}).unsqueeze(2) : t2.reshape({batch, m2, p});
  if (d1 > 1) out_shape.push_back(n);
  if (d2 > 1) out_shape.push_back(p);
  return t1.bmm(t2).view(out_shape);
}

Tensor dot(const Tensor& self, const Tensor& other) { return self.dot(other); }
Tensor mv(const Tensor& self, const Tensor& vec) { return self.mv(vec); }
Tensor mm(const Tensor& self, const Tensor& mat2) { return self.mm(mat2); }
Tensor bmm(const Tensor& self, const Tensor& mat2) { return self.bmm(mat2); }
Tensor matmul(const Tensor& self, const Tensor& other) { return self.matmul(other); }

}  // namespace parity::fast
