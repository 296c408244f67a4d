// INIT-5: orthogonal_ as LibTorch 1.13: a float32 randn(rows, cols) (its
// transpose when wide), reduced QR by LAPACK's geqrf + orgqr (OpenBLAS's, as
// LibTorch's build uses; an unblocked Householder QR without it), Q's
// columns signed by diag(R), copied into the tensor and scaled by gain.
#include <cmath>
#include <vector>

#include "parity/fast/functions.h"
#include "parity/fast/init.h"
#include "parity/fast/random.h"

#ifdef PARITY_FAST_HAVE_OPENBLAS
extern "C" {
void sgeqrf_(const int* m,
             const int* n,
             float* a,
             const int* lda,
             float* tau,
             float* work,
             const int* lwork,
             int* info);
void sorgqr_(const int* m,
             const int* n,
             const int* k,
             float* a,
             const int* lda,
             const float* tau,
             float* work,
             const int* lwork,
             int* info);
}
#endif

namespace parity::fast::nn::init {
namespace {

// a: m x n column-major (m >= n), overwritten by the Householder vectors
// below the diagonal and R on and above it, as geqrf leaves it; then q
// (m x n, column-major) receives the reduced Q.
void householder_qr(int m, int n, std::vector<float>& a, std::vector<float>& q) {
#ifdef PARITY_FAST_HAVE_OPENBLAS
  std::vector<float> tau(static_cast<size_t>(n));
  int info = 0, lwork = -1;
  float query = 0;
  sgeqrf_(&m, &n, a.data(), &m, tau.data(), &query, &lwork, &info);
  lwork = std::max(1, static_cast<int>(query));
  std::vector<float> work(static_cast<size_t>(lwork));
  sgeqrf_(&m, &n, a.data(), &m, tau.data(), work.data(), &lwork, &info);
  q = a;
  lwork = -1;
  sorgqr_(&m, &n, &n, q.data(), &m, tau.data(), &query, &lwork, &info);
  lwork = std::max(1, static_cast<int>(query));
  work.assign(static_cast<size_t>(lwork), 0.0f);
  sorgqr_(&m, &n, &n, q.data(), &m, tau.data(), work.data(), &lwork, &info);
  if (info != 0) throw Error("orthogonal_: LAPACK orgqr failed");
#else
  // Unblocked Householder in double; Q accumulated from the reflectors.
  std::vector<double> A(a.begin(), a.end()), v(static_cast<size_t>(m)),
      Q(static_cast<size_t>(m) * n, 0.0);
  std::vector<std::vector<double> > vs;
  auto at = [&](int i, int j) -> double& { return A[static_cast<size_t>(j) * m + i]; };
  for (int k = 0; k < n; ++k) {
    double norm = 0;
    for (int i = k; i < m; ++i) norm += at(i, k) * at(i, k);
    norm = std::sqrt(norm);
    const double alpha = at(k, k) > 0 ? -norm : norm;
    std::vector<double> h(static_cast<size_t>(m), 0.0);
    for (int i = k; i < m; ++i) h[i] = at(i, k);
    h[k] -= alpha;
    double hn = 0;
    for (int i = k; i < m; ++i) hn += h[i] * h[i];
    if (hn > 0) {
      for (int j = k; j < n; ++j) {
        double s = 0;
        for (int i = k; i < m; ++i) s += h[i] * at(i, j);
        s = 2 * s / hn;
        for (int i = k; i < m; ++i) at(i, j) -= s * h[i];
      }
    }
    vs.push_back(std::move(h));
  }
  for (int j = 0; j < n; ++j) Q[static_cast<size_t>(j) * m + j] = 1.0;
  for (int k = n - 1; k >= 0; --k) {
    const auto& h = vs[k];
    double hn = 0;
    for (int i = k; i < m; ++i) hn += h[i] * h[i];
    if (hn == 0) continue;
    for (int j = 0; j < n; ++j) {
      double s = 0;
      for (int i = k; i < m; ++i) s += h[i] * Q[static_cast<size_t>(j) * m + i];
      s = 2 * s / hn;
      for (int i = k; i < m; ++i) Q[static_cast<size_t>(j) * m + i] -= s * h[i];
    }
  }
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<float>(A[i]);
  q.assign(Q.begin(), Q.end());
#endif
}

float sign_of(float x) { return static_cast<float>((0.0f < x) - (x < 0.0f)); }

}  // namespace

Tensor orthogonal_(Tensor tensor, double gain) {
  if (tensor.dim() < 2) throw Error("Only tensors with 2 or more dimensions are supported");
  const int64_t rows = tensor.size(0);
  if (rows == 0) return tensor;  // LibTorch divides by zero here
  const int64_t cols = tensor.numel() / rows;
  Tensor flat = randn({rows, cols});
  // QR of A = flat (rows >= cols) or flat^T; m >= n.
  const bool wide = rows < cols;
  const int m = static_cast<int>(wide ? cols : rows), n = static_cast<int>(wide ? rows : cols);
  const float* f = flat.data_ptr<float>();
  std::vector<float> a(static_cast<size_t>(m) * n), q;
  // Column-major A: A(i, j) = flat(i, j), or flat(j, i) when wide.
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i)
      a[static_cast<size_t>(j) * m + i] =
          wide ? f[static_cast<size_t>(j) * cols + i] : f[static_cast<size_t>(i) * cols + j];
  if (m > 0 && n > 0) householder_qr(m, n, a, q);
  // Q (m x n) with column j times sign(R(j, j)); the result is Q, or Q^T
  // when wide, laid out as rows x cols.
  Tensor out = empty({rows, cols});
  float* o = out.data_ptr<float>();
  for (int j = 0; j < n; ++j) {
    const float s = sign_of(a[static_cast<size_t>(j) * m + j]);
    for (int i = 0; i < m; ++i) {
      const float v = q[static_cast<size_t>(j) * m + i] * s;
      if (wide) {
        o[static_cast<size_t>(j) * cols + i] = v;
      } else {
        o[static_cast<size_t>(i) * cols + j] = v;
      }
    }
  }
  tensor.view(out.sizes()).copy_(out);
  tensor.mul_(gain);
  return tensor;
}

}  // namespace parity::fast::nn::init
