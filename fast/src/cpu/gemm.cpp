#include "cpu/gemm.h"

#include <strings.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <type_traits>
#include <vector>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"

#ifdef PARITY_FAST_HAVE_OPENBLAS
extern "C" {
// cblas.h's declarations of what is used here (enum values as cblas.h).
void cblas_sgemm(int order,
                 int ta,
                 int tb,
                 int m,
                 int n,
                 int k,
                 float alpha,
                 const float* a,
                 int lda,
                 const float* b,
                 int ldb,
                 float beta,
                 float* c,
                 int ldc);
void cblas_dgemm(int order,
                 int ta,
                 int tb,
                 int m,
                 int n,
                 int k,
                 double alpha,
                 const double* a,
                 int lda,
                 const double* b,
                 int ldb,
                 double beta,
                 double* c,
                 int ldc);
void openblas_set_num_threads(int n);
int openblas_get_num_threads(void);
char* openblas_get_corename(void);
// DYNAMIC_ARCH builds only: the kernel table's selection. Weak, so that any
// other OpenBLAS build still links (and keeps its own choice).
void gotoblas_dynamic_init(void) __attribute__((weak));
void gotoblas_dynamic_quit(void) __attribute__((weak));
}
#endif

namespace parity::fast::cpu {
namespace {

#ifdef PARITY_FAST_HAVE_OPENBLAS
constexpr int kRowMajor = 101, kNoTrans = 111, kTrans = 112;

bool name_in(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (strcasecmp(name, n) == 0) return true;
  return false;
}

// Debian's OpenBLAS 0.3.21 (DYNAMIC_ARCH) does not recognise recent CPUs and
// falls back to its SSE3 kernels (about 5x slower). Its table is chosen by
// gotoblas_dynamic_init from OPENBLAS_CORETYPE when the library loads, before
// any constructor of ours could set that variable, so at first use we select
// the table again: the best one this CPU runs, unless the user chose one.
void select_kernels() {
  if (std::getenv("OPENBLAS_CORETYPE") || !gotoblas_dynamic_init || !gotoblas_dynamic_quit) return;
  const char* want = nullptr;
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512cd")) {
    if (!name_in(openblas_get_corename(), {"skylakex", "cooperlake", "sapphirerapids"}))
      want = "SkylakeX";
  } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    if (!name_in(openblas_get_corename(),
                 {"haswell", "zen", "skylakex", "cooperlake", "sapphirerapids"}))
      want = "Haswell";
  }
  if (!want) return;
  setenv("OPENBLAS_CORETYPE", want, 0);
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  unsetenv("OPENBLAS_CORETYPE");
}

// OpenBLAS's own threads split the work by the thread count, and its edge
// kernels then round differently: results would depend on the count. So
// OpenBLAS runs single-threaded for our calls, and we split C into blocks
// whose bounds depend on the shape only, one call per block on our OpenMP
// threads (set_num_threads). The process's own OpenBLAS setting (LibTorch
// shares the library) is restored after each call.
std::once_flag g_blas_once;
void ensure_blas() { std::call_once(g_blas_once, select_kernels); }

class SingleThreadedBlas {
 public:
  SingleThreadedBlas() : prev_(openblas_get_num_threads()) {
    if (prev_ != 1) openblas_set_num_threads(1);
  }
  ~SingleThreadedBlas() {
    if (prev_ != 1) openblas_set_num_threads(prev_);
  }
  SingleThreadedBlas(const SingleThreadedBlas&) = delete;
  SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;

 private:
  int prev_;
};

constexpr int64_t kBlasBlock = 256;                   // rows or columns of C per call
constexpr int64_t kBlasSplitWork = int64_t{1} << 22;  // multiply-adds below which one call runs

template <class T>
void blas_call(int ta,
               int tb,
               int64_t m,
               int64_t n,
               int64_t k,
               const T* a,
               int lda,
               const T* b,
               int ldb,
               T* c,
               int ldc) {
  const int mi = static_cast<int>(m), ni = static_cast<int>(n), ki = static_cast<int>(k);
  if constexpr (std::is_same_v<T, float>)
    cblas_sgemm(kRowMajor, ta, tb, mi, ni, ki, 1.0f, a, lda, b, ldb, 0.0f, c, ldc);
  else
    cblas_dgemm(kRowMajor, ta, tb, mi, ni, ki, 1.0, a, lda, b, ldb, 0.0, c, ldc);
}

template <class T>
void blas_gemm(int64_t M,
               int64_t N,
               int64_t K,
               const MatRef& a,
               int ta,
               int lda,
               const MatRef& b,
               int tb,
               int ldb,
               char* c) {
  const T* ap = reinterpret_cast<const T*>(a.data);
  const T* bp = reinterpret_cast<const T*>(b.data);
  T* cp = reinterpret_cast<T*>(c);
  const SingleThreadedBlas single;
  if (M * N * K < kBlasSplitWork) {
    blas_call<T>(ta, tb, M, N, K, ap, lda, bp, ldb, cp, static_cast<int>(N));
    return;
  }
  // Block the longer side of C; row i of op(A) starts at a.rs * i.
  const bool by_rows = M >= N;
  const int64_t len = by_rows ? M : N;
  const int64_t blocks = (len + kBlasBlock - 1) / kBlasBlock;
  const int threads = static_cast<int>(std::min<int64_t>(core::max_threads(), blocks));
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t blk = 0; blk < blocks; ++blk) {
    const int64_t s = blk * kBlasBlock, n = std::min(kBlasBlock, len - s);
    if (by_rows)
      blas_call<T>(ta, tb, n, N, K, ap + s * a.rs, lda, bp, ldb, cp + s * N, static_cast<int>(N));
    else
      blas_call<T>(ta, tb, M, n, K, ap, lda, bp + s * b.cs, ldb, cp + s, static_cast<int>(N));
  }
}

// One unit stride and a leading dimension BLAS accepts; size-1 dims may
// have any stride, so they are given the one BLAS wants.
bool blas_layout(int64_t rows, int64_t cols, MatRef& m, int& trans, int& ld) {
  int64_t rs = rows == 1 ? std::max<int64_t>(cols, 1) : m.rs;
  int64_t cs = cols == 1 ? 1 : m.cs;
  if (cs == 1 && rs >= std::max<int64_t>(cols, 1)) {
    trans = kNoTrans;
    ld = static_cast<int>(rs);
    return true;
  }
  rs = rows == 1 ? 1 : m.rs;
  cs = cols == 1 ? std::max<int64_t>(rows, 1) : m.cs;
  if (rs == 1 && cs >= std::max<int64_t>(rows, 1)) {
    trans = kTrans;
    ld = static_cast<int>(cs);
    return true;
  }
  return false;
}
#endif

// Accumulator of the own kernels: wrapping unsigned arithmetic gives the
// dtype's own wrapped result once truncated; bfloat16/float16 use float.
template <class T>
using Acc =
    std::conditional_t<core::is_reduced_float_v<T>,
                       float,
                       std::conditional_t<std::is_floating_point_v<T>,
                                          T,
                                          std::conditional_t<sizeof(T) == 8, uint64_t, uint32_t>>>;

template <class T>
Acc<T> load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  if constexpr (core::is_reduced_float_v<T>) {
    return core::reduced_to_float(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return v;
  } else if constexpr (sizeof(T) == 8) {
    return static_cast<uint64_t>(v);
  } else {
    return static_cast<uint32_t>(static_cast<int32_t>(v));
  }
}

template <class T>
T store(Acc<T> a) {
  if constexpr (core::is_reduced_float_v<T>) {
    return core::float_to_reduced<T>(a);
  } else {
    return static_cast<T>(a);
  }
}

// Row i of C is acc[j] += A[i,k] * Bp[k,j] over k, with B packed once in
// the accumulator type; each row belongs to one thread.
// bfloat16 with a row-major B: torch's kernel (cpublas gemm_notrans_ and
// the small-bmm loop) adds each product into the bfloat16 result, rounding
// every step; with a transposed B it rounds a float dot product once.
template <class T>
void own_gemm(int64_t M, int64_t N, int64_t K, MatRef a, MatRef b, char* c, int64_t op_size) {
  const bool step_round =
      core::is_reduced_float_v<T> && (b.cs == 1 || N == 1) && op_size <= 16 * 16 * 16;
  using A = Acc<T>;
  constexpr int64_t kCols = 512;  // an L1-resident accumulator row
  std::vector<A> bp(static_cast<size_t>(K * N));
  for (int64_t k = 0; k < K; ++k)
    for (int64_t j = 0; j < N; ++j)
      bp[k * N + j] = load<T>(b.data + (k * b.rs + j * b.cs) * int64_t{sizeof(T)});
  T* out = reinterpret_cast<T*>(c);
  const int64_t work = M * N * std::max<int64_t>(K, 1);
  const int threads = work < 32768 ? 1 : core::max_threads();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t i = 0; i < M; ++i) {
    A acc[kCols];
    for (int64_t j0 = 0; j0 < N; j0 += kCols) {
      const int64_t nj = std::min(kCols, N - j0);
      for (int64_t j = 0; j < nj; ++j) acc[j] = A(0);
      for (int64_t k = 0; k < K; ++k) {
        const A x = load<T>(a.data + (i * a.rs + k * a.cs) * int64_t{sizeof(T)});
        const A* brow = bp.data() + k * N + j0;
        if constexpr (core::is_reduced_float_v<T>) {
          if (step_round) {
            for (int64_t j = 0; j < nj; ++j)
              acc[j] = core::reduced_to_float(core::float_to_reduced<T>(acc[j] + x * brow[j]));
            continue;
          }
        }
        for (int64_t j = 0; j < nj; ++j) acc[j] += x * brow[j];
      }
      for (int64_t j = 0; j < nj; ++j) out[i * N + j0 + j] = store<T>(acc[j]);
    }
  }
}

}  // namespace

bool gemm_uses_blas(ScalarType dt) {
#ifdef PARITY_FAST_HAVE_OPENBLAS
  return dt == kFloat || dt == kDouble;
#else
  (void)dt;
  return false;
#endif
}

void gemm(
    ScalarType dt, int64_t M, int64_t N, int64_t K, MatRef a, MatRef b, char* c, int64_t op_size) {
  if (op_size == 0) op_size = M * N * K;
  if (M == 0 || N == 0) return;
  if (K == 0) {
    std::memset(c, 0, static_cast<size_t>(M * N) * elementSize(dt));
    return;
  }
#ifdef PARITY_FAST_HAVE_OPENBLAS
  int ta, tb, lda, ldb;
  if (gemm_uses_blas(dt) && blas_layout(M, K, a, ta, lda) && blas_layout(K, N, b, tb, ldb)) {
    ensure_blas();
    if (dt == kFloat)
      blas_gemm<float>(M, N, K, a, ta, lda, b, tb, ldb, c);
    else
      blas_gemm<double>(M, N, K, a, ta, lda, b, tb, ldb, c);
    return;
  }
#endif
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>) {
      throw Error("parity::fast: gemm of bool");
    } else {
      own_gemm<T>(M, N, K, a, b, c, op_size);
    }
  });
}

}  // namespace parity::fast::cpu
