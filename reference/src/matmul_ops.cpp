// dot, mv, mm, bmm and matmul (ATen/native/LinearAlgebra.cpp, Blas.cpp,
// torch 1.13). Every product is the plain triple loop of
// matrix_product below; the rest is torch's argument checks, in torch's
// order, so that a bad call fails with torch's message. Floats accumulate
// in double and round once, except where torch's bfloat16 kernels round
// every step (bfloat16_stepwise: results differ beyond bfloat16's tolerance
// when terms cancel); integers wrap in their own width (added in 64 bits,
// wrapped when stored), so they are exact in their dtype.
#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>

#include "broadcast.h"
#include "element.h"
#include "parity/ref/linalg.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// c[b, i, j] = sum_k a[b, i, k] * m[b, k, j] for 3-d a [B, n, k] and m
// [B, k, p] of one dtype; the result is a fresh contiguous [B, n, p].
// `stepwise` rounds every product and partial sum to the dtype, in k
// order: torch's small bfloat16 kernels do (see bfloat16_stepwise).
Tensor matrix_product(const Tensor& a, const Tensor& m, bool stepwise = false) {
  const int64_t batches = a.size(0), n = a.size(1), k = a.size(2), p = m.size(2);
  const std::vector<Scalar> x = read_all(a), y = read_all(m);
  const bool floating = isFloatingType(a.scalar_type());
  Tensor out = empty_contiguous({batches, n, p}, a.scalar_type());
  int64_t index = 0;
  for (int64_t b = 0; b < batches; ++b)
    for (int64_t i = 0; i < n; ++i)
      for (int64_t j = 0; j < p; ++j) {
        double real = 0;
        uint64_t integer = 0;  // unsigned: overflow wraps, defined
        for (int64_t l = 0; l < k; ++l) {
          const Scalar& u = x[(b * n + i) * k + l];
          const Scalar& v = y[(b * k + l) * p + j];
          if (stepwise)
            real = stored_value(a.scalar_type(),
                                real + stored_value(a.scalar_type(), u.toDouble() * v.toDouble()));
          else if (floating)
            real += u.toDouble() * v.toDouble();
          else
            integer += static_cast<uint64_t>(u.toLong()) * static_cast<uint64_t>(v.toLong());
        }
        write_at(*out.impl(), index++,
                 floating ? Scalar(real) : Scalar(static_cast<int64_t>(integer)));
      }
  return out;
}

// Whether torch's CPU kernel for a bfloat16 [n, k] x [k, p] product rounds
// every step (it does unless oneDNN takes products above 16^3 multiply-adds,
// or the BLAS-style gemm computes each output as one float dot product,
// which it does when a is row-major and b column-major). `a` and `b` are
// the 2-d operands (one batch); p = 1 is a matrix-vector product.
bool bfloat16_stepwise(const Tensor& a, const Tensor& b) {
  const int64_t n = a.size(0), k = a.size(1), p = b.size(1);
  if (a.scalar_type() != kBFloat16 || n * k * p > 4096) return false;
  if (p == 1) return true;  // addmv
  auto column_major = [](const Tensor& t) {
    const bool row = t.stride(1) == 1 && t.stride(0) >= std::max<int64_t>(1, t.size(1));
    return !row && t.stride(0) == 1 && t.stride(1) >= std::max<int64_t>(1, t.size(0));
  };
  return !(column_major(b) && !column_major(a));
}

// Bool and float16 have no CPU kernel for these products.
void check_kernel(const char* kernel, ScalarType dtype) {
  if (dtype == kBool || dtype == kHalf)
    throw Error(std::string("\"") + kernel + "\" not implemented for '" + toString(dtype) + "'");
}

void check_same_dtype(const Tensor& a, const Tensor& b) {
  if (a.scalar_type() != b.scalar_type())
    throw Error(std::string("expected scalar type ") + toString(a.scalar_type()) + " but found " +
                toString(b.scalar_type()));
}

// The transposed last two dims (Tensor.mT).
Tensor mT(const Tensor& t) { return t.transpose(-2, -1); }

// at::native::should_fold (1.13): multiply a >= 3-d tensor by a vector or
// matrix as one folded mm/mv, except a 3-d tensor whose last two dims are
// transposed in memory (that goes to bmm).
bool should_fold(const Tensor& t, int64_t other_dim) {
  if (t.dim() < 3 || (other_dim != 1 && other_dim != 2)) return false;
  return !(t.dim() == 3 && other_dim == 2 && t.stride(2) != 1 &&
           t.stride(0) == t.size(1) * t.size(2));
}

// matmul of a >= 3-d `big` by a 1-d or 2-d `small`: the batch dims of
// `big` fold into its rows.
Tensor folded_product(const Tensor& big, const Tensor& small) {
  std::vector<int64_t> shape(big.sizes().begin(), big.sizes().end() - 1);
  const Tensor rows = big.reshape({product(shape), big.size(-1)});  // -1 is ambiguous for 0
  if (small.dim() == 2) shape.push_back(small.size(1));
  return (small.dim() == 2 ? rows.mm(small) : rows.mv(small)).reshape(shape);
}

// matmul with a >= 3-d operand that does not fold: batch dims broadcast,
// then one bmm.
Tensor batched_product(const Tensor& t1, const Tensor& t2) {
  const int64_t n = t1.dim() > 1 ? t1.size(-2) : 1, m1 = t1.size(-1);
  const int64_t m2 = t2.dim() > 1 ? t2.size(-2) : t2.size(0), p = t2.dim() > 1 ? t2.size(-1) : 1;
  const IntArrayRef sizes1 = t1.sizes(), sizes2 = t2.sizes();
  const std::vector<int64_t> batch1(sizes1.begin(), sizes1.end() - std::min<int64_t>(t1.dim(), 2));
  const std::vector<int64_t> batch2(sizes2.begin(), sizes2.end() - std::min<int64_t>(t2.dim(), 2));
  std::vector<int64_t> shape = broadcast_shape(batch1, batch2);
  const int64_t batches = product(shape);
  std::vector<int64_t> size1 = shape, size2 = shape;
  size1.insert(size1.end(), {n, m1});
  size2.insert(size2.end(), {m2, p});
  const Tensor result =
      t1.expand(size1).reshape({batches, n, m1}).bmm(t2.expand(size2).reshape({batches, m2, p}));
  if (t1.dim() > 1) shape.push_back(n);
  if (t2.dim() > 1) shape.push_back(p);
  return result.reshape(shape);
}

}  // namespace

Tensor Tensor::dot(const Tensor& other) const {
  if (dim() != 1 || other.dim() != 1)
    throw Error("1D tensors expected, but got " + std::to_string(dim()) + "D and " +
                std::to_string(other.dim()) + "D tensors");
  if (scalar_type() != other.scalar_type())
    throw Error(std::string("dot : expected both vectors to have same dtype, but found ") +
                toString(scalar_type()) + " and " + toString(other.scalar_type()));
  if (numel() != other.numel()) {
    std::ostringstream msg;
    msg << "inconsistent tensor size, expected tensor [" << numel() << "] and src ["
        << other.numel() << "] to have the same number of elements, but got " << numel() << " and "
        << other.numel() << " elements respectively";
    throw Error(msg.str());
  }
  check_kernel("dot", scalar_type());
  return matrix_product(reshape({1, 1, numel()}), other.reshape({1, numel(), 1}),
                        /*stepwise=*/scalar_type() == kBFloat16)
      .reshape({});
}

Tensor Tensor::mv(const Tensor& vec) const {
  if (dim() != 2 || vec.dim() != 1)
    throw Error("vector + matrix @ vector expected, got 1, " + std::to_string(dim()) + ", " +
                std::to_string(vec.dim()));
  if (size(1) != vec.size(0)) {
    std::ostringstream msg;
    msg << "size mismatch, got " << size(0) << ", " << size(0) << "x" << size(1) << ","
        << vec.size(0);
    throw Error(msg.str());
  }
  // Nothing to multiply: torch returns zeros (in vec's dtype) without
  // running, or checking, a kernel.
  if (size(0) == 0 || size(1) == 0) return empty_contiguous({size(0)}, vec.scalar_type());
  check_kernel("addmv_impl_cpu", scalar_type());
  check_same_dtype(*this, vec);
  const Tensor column = vec.reshape({vec.numel(), 1});
  return matrix_product(unsqueeze(0), column.unsqueeze(0), bfloat16_stepwise(*this, column))
      .reshape({size(0)});
}

Tensor Tensor::mm(const Tensor& mat2) const {
  if (dim() != 2) throw Error("self must be a matrix");
  if (mat2.dim() != 2) throw Error("mat2 must be a matrix");
  if (size(1) != mat2.size(0)) {
    std::ostringstream msg;
    msg << "mat1 and mat2 shapes cannot be multiplied (" << size(0) << "x" << size(1) << " and "
        << mat2.size(0) << "x" << mat2.size(1) << ")";
    throw Error(msg.str());
  }
  // Nothing to multiply: zeros, no kernel run, no kernel checks.
  if (size(0) == 0 || size(1) == 0 || mat2.size(1) == 0)
    return empty_contiguous({size(0), mat2.size(1)}, scalar_type());
  check_kernel("addmm_impl_cpu_", scalar_type());
  check_same_dtype(*this, mat2);
  return matrix_product(unsqueeze(0), mat2.unsqueeze(0), bfloat16_stepwise(*this, mat2)).squeeze(0);
}

Tensor Tensor::bmm(const Tensor& mat2) const {
  if (dim() != 3) throw Error("batch1 must be a 3D tensor");
  if (mat2.dim() != 3) throw Error("batch2 must be a 3D tensor");
  if (mat2.size(0) != size(0) || mat2.size(1) != size(2)) {
    std::ostringstream msg;
    msg << "Expected size for first two dimensions of batch2 tensor to be: [" << size(0) << ", "
        << size(2) << "] but got: [" << mat2.size(0) << ", " << mat2.size(1) << "].";
    throw Error(msg.str());
  }
  // Nothing to multiply: zeros (in mat2's dtype, as 1.13), no kernel checks.
  if (numel() == 0 || mat2.numel() == 0)
    return empty_contiguous({size(0), size(1), mat2.size(2)}, mat2.scalar_type());
  const bool small = size(2) * size(1) * mat2.size(2) < 400;
  if (small) {
    // torch's small-product kernel, dispatched on batch1's dtype.
    check_kernel("bmm", scalar_type());
    check_same_dtype(*this, mat2);
  } else {
    // Larger ones go batch by batch through addmm into a result of mat2's dtype.
    check_kernel("addmm_impl_cpu_", mat2.scalar_type());
    check_same_dtype(mat2, *this);
  }
  // bfloat16: the small kernel accumulates in bfloat16; large products go
  // through oneDNN, or batch by batch through mm's kernel.
  if (scalar_type() != kBFloat16 || small || size(0) * size(1) * size(2) * mat2.size(2) > 4096)
    return matrix_product(*this, mat2, scalar_type() == kBFloat16 && small);
  Tensor out = empty_contiguous({size(0), size(1), mat2.size(2)}, scalar_type());
  for (int64_t b = 0; b < size(0); ++b) out.select(0, b).copy_(select(0, b).mm(mat2.select(0, b)));
  return out;
}

// torch.matmul: the case analysis of at::native::matmul (1.13), each case
// handed to the product torch uses for it (so errors read as torch's).
// Every result is contiguous.
Tensor Tensor::matmul(const Tensor& other) const {
  const int64_t d1 = dim(), d2 = other.dim();
  if (d1 == 0 || d2 == 0)
    throw Error("both arguments to matmul need to be at least 1D, but they are " +
                std::to_string(d1) + "D and " + std::to_string(d2) + "D");
  if (d1 == 1 && d2 == 1) return dot(other);
  if (d1 == 2 && d2 == 1) return mv(other);
  if (d1 == 1 && d2 == 2) return unsqueeze(0).mm(other).squeeze(0);
  if (d1 == 2 && d2 == 2) return mm(other);
  if (should_fold(*this, d2)) return folded_product(*this, other);
  if (should_fold(other, d1)) {
    // (t1 @ t2) = (t2^T @ t1^T)^T, with t2^T folded.
    const Tensor result = folded_product(mT(other), d1 == 2 ? t() : *this);
    return d1 == 2 ? mT(result).contiguous() : result;
  }
  return batched_product(*this, other);
}

Tensor dot(const Tensor& self, const Tensor& tensor) { return self.dot(tensor); }
Tensor mv(const Tensor& self, const Tensor& vec) { return self.mv(vec); }
Tensor mm(const Tensor& self, const Tensor& mat2) { return self.mm(mat2); }
Tensor bmm(const Tensor& self, const Tensor& mat2) { return self.bmm(mat2); }
Tensor matmul(const Tensor& self, const Tensor& other) { return self.matmul(other); }

}  // namespace parity::ref
