// nn::init::orthogonal_: LibTorch draws a float32 randn({rows, cols})
// matrix, takes the reduced QR of it (of its transpose when rows < cols),
// and multiplies Q's columns by the signs of R's diagonal, which makes the
// factorization unique (R with a positive diagonal). Any QR method gives
// that same Q up to rounding; this one is modified Gram-Schmidt in double.
// Clause: INIT-5.
#include <cmath>
#include <vector>

#include "parity/ref/factories.h"
#include "parity/ref/init.h"
#include "parity/ref/random.h"

namespace parity::ref::nn::init {

namespace {

// A dense row-major matrix of doubles.
struct Matrix {
  int64_t rows = 0, cols = 0;
  std::vector<double> v;
  double& at(int64_t i, int64_t j) { return v[i * cols + j]; }
};

// Reduced QR of a (m x n, m >= n): q is m x n with orthonormal columns, r is
// n x n upper triangular. Each column is orthogonalized against the ones
// before it as they are finished (modified Gram-Schmidt).
void reduced_qr(Matrix a, Matrix& q, Matrix& r) {
  const int64_t m = a.rows, n = a.cols;
  r = Matrix{n, n, std::vector<double>(n * n, 0.0)};
  for (int64_t j = 0; j < n; ++j) {
    double norm = 0;
    for (int64_t i = 0; i < m; ++i) norm += a.at(i, j) * a.at(i, j);
    norm = std::sqrt(norm);
    r.at(j, j) = norm;
    for (int64_t i = 0; i < m; ++i) a.at(i, j) /= norm;
    for (int64_t k = j + 1; k < n; ++k) {
      double dot = 0;
      for (int64_t i = 0; i < m; ++i) dot += a.at(i, j) * a.at(i, k);
      r.at(j, k) = dot;
      for (int64_t i = 0; i < m; ++i) a.at(i, k) -= dot * a.at(i, j);
    }
  }
  q = std::move(a);
}

}  // namespace

Tensor orthogonal_(Tensor tensor, double gain) {
  if (tensor.dim() < 2) throw Error("Only tensors with 2 or more dimensions are supported");
  // LibTorch divides by rows unguarded; Python returns an empty tensor as is.
  if (tensor.numel() == 0) return tensor;
  const int64_t rows = tensor.size(0);
  const int64_t cols = tensor.numel() / rows;
  const Tensor flattened = randn({rows, cols});
  const float* drawn = flattened.data_ptr<float>();

  // The matrix to factor: the draws, transposed when wide.
  const bool wide = rows < cols;
  Matrix a{wide ? cols : rows, wide ? rows : cols, {}};
  a.v.resize(rows * cols);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) (wide ? a.at(j, i) : a.at(i, j)) = drawn[i * cols + j];

  Matrix q, r;
  reduced_qr(a, q, r);
  // q *= sign(diag(r)) (a no-op for Gram-Schmidt, whose diagonal is a norm)
  for (int64_t j = 0; j < q.cols; ++j) {
    const double d = r.at(j, j);
    const double sign = d > 0 ? 1.0 : d < 0 ? -1.0 : 0.0;
    for (int64_t i = 0; i < q.rows; ++i) q.at(i, j) *= sign;
  }

  // Q (transposed back when wide) as float32, copied into the tensor's shape.
  Tensor q_out = empty({rows, cols}, kFloat);
  float* out = q_out.data_ptr<float>();
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      out[i * cols + j] = static_cast<float>(wide ? q.at(j, i) : q.at(i, j));
  tensor.view(q_out.sizes()).copy_(q_out);
  tensor.mul_(gain);
  return tensor;
}

}  // namespace parity::ref::nn::init
