// FFTW plans for the spectral ops: FFTW_ESTIMATE (no measuring, arrays left
// untouched while planning), many-transform plans over slices of the batch
// that OpenMP threads execute on their parts of the arrays (fftw_execute_*
// is thread-safe; the planner is not, hence one mutex around plan creation
// and destruction).
#include "spectral/fftw_plan.h"

#include <fftw3.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <string>

#include "core/threads.h"
#include "parity/spec.h"

namespace parity::fast::spectral {

namespace {

std::mutex& planner_mutex() {
  static std::mutex m;
  return m;
}

// One precision of FFTW's API.
template <class T>
struct Fftw;

template <>
struct Fftw<double> {
  using Plan = fftw_plan;
  using Cplx = fftw_complex;
  static Plan dft(int n,
                  int howmany,
                  double* in,
                  int is,
                  int id,
                  double* out,
                  int os,
                  int od,
                  int sign,
                  unsigned flags) {
    return fftw_plan_many_dft(1, &n, howmany, reinterpret_cast<Cplx*>(in), nullptr, is, id,
                              reinterpret_cast<Cplx*>(out), nullptr, os, od, sign, flags);
  }
  static Plan r2c(
      int n, int howmany, double* in, int is, int id, double* out, int os, int od, unsigned flags) {
    return fftw_plan_many_dft_r2c(1, &n, howmany, in, nullptr, is, id, reinterpret_cast<Cplx*>(out),
                                  nullptr, os, od, flags);
  }
  static Plan c2r(
      int n, int howmany, double* in, int is, int id, double* out, int os, int od, unsigned flags) {
    return fftw_plan_many_dft_c2r(1, &n, howmany, reinterpret_cast<Cplx*>(in), nullptr, is, id, out,
                                  nullptr, os, od, flags);
  }
  static void execute(FftKind kind, Plan p, double* in, double* out) {
    switch (kind) {
      case FftKind::R2C:
        fftw_execute_dft_r2c(p, in, reinterpret_cast<Cplx*>(out));
        break;
      case FftKind::C2R:
        fftw_execute_dft_c2r(p, reinterpret_cast<Cplx*>(in), out);
        break;
      default:
        fftw_execute_dft(p, reinterpret_cast<Cplx*>(in), reinterpret_cast<Cplx*>(out));
    }
  }
  static int alignment(double* p) { return fftw_alignment_of(p); }
  static void destroy(Plan p) { fftw_destroy_plan(p); }
};

template <>
struct Fftw<float> {
  using Plan = fftwf_plan;
  using Cplx = fftwf_complex;
  static Plan dft(int n,
                  int howmany,
                  float* in,
                  int is,
                  int id,
                  float* out,
                  int os,
                  int od,
                  int sign,
                  unsigned flags) {
    return fftwf_plan_many_dft(1, &n, howmany, reinterpret_cast<Cplx*>(in), nullptr, is, id,
                               reinterpret_cast<Cplx*>(out), nullptr, os, od, sign, flags);
  }
  static Plan r2c(
      int n, int howmany, float* in, int is, int id, float* out, int os, int od, unsigned flags) {
    return fftwf_plan_many_dft_r2c(1, &n, howmany, in, nullptr, is, id,
                                   reinterpret_cast<Cplx*>(out), nullptr, os, od, flags);
  }
  static Plan c2r(
      int n, int howmany, float* in, int is, int id, float* out, int os, int od, unsigned flags) {
    return fftwf_plan_many_dft_c2r(1, &n, howmany, reinterpret_cast<Cplx*>(in), nullptr, is, id,
                                   out, nullptr, os, od, flags);
  }
  static void execute(FftKind kind, Plan p, float* in, float* out) {
    switch (kind) {
      case FftKind::R2C:
        fftwf_execute_dft_r2c(p, in, reinterpret_cast<Cplx*>(out));
        break;
      case FftKind::C2R:
        fftwf_execute_dft_c2r(p, reinterpret_cast<Cplx*>(in), out);
        break;
      default:
        fftwf_execute_dft(p, reinterpret_cast<Cplx*>(in), reinterpret_cast<Cplx*>(out));
    }
  }
  static int alignment(float* p) { return fftwf_alignment_of(p); }
  static void destroy(Plan p) { fftwf_destroy_plan(p); }
};

int checked_int(int64_t v) {
  if (v > INT_MAX) throw Error("fft: size " + std::to_string(v) + " exceeds FFTW's int range");
  return static_cast<int>(v);
}

// A plan for `howmany` lines of the layout; FFTW counts strides in complex
// elements for complex arrays.
template <class T>
typename Fftw<T>::Plan make_plan(
    FftKind kind, const FftLayout& l, int64_t howmany, T* in, T* out, unsigned flags) {
  using F = Fftw<T>;
  const int len = checked_int(l.n), many = checked_int(howmany);
  const int64_t in_unit = kind == FftKind::R2C ? 1 : 2, out_unit = kind == FftKind::C2R ? 1 : 2;
  const int is = checked_int(l.in_stride / in_unit), id = checked_int(l.in_dist / in_unit);
  const int os = checked_int(l.out_stride / out_unit), od = checked_int(l.out_dist / out_unit);
  std::lock_guard<std::mutex> lock(planner_mutex());
  typename F::Plan plan = nullptr;
  switch (kind) {
    case FftKind::Forward:
      plan = F::dft(len, many, in, is, id, out, os, od, FFTW_FORWARD, flags);
      break;
    case FftKind::Backward:
      plan = F::dft(len, many, in, is, id, out, os, od, FFTW_BACKWARD, flags);
      break;
    case FftKind::R2C:
      plan = F::r2c(len, many, in, is, id, out, os, od, flags);
      break;
    case FftKind::C2R:
      plan = F::c2r(len, many, in, is, id, out, os, od, flags);
      break;
  }
  if (plan == nullptr) throw Error("fft: FFTW could not create a plan");
  return plan;
}

template <class T>
void destroy_plan(typename Fftw<T>::Plan plan) {
  std::lock_guard<std::mutex> lock(planner_mutex());
  Fftw<T>::destroy(plan);
}

}  // namespace

template <class T>
void run_fftw(FftKind kind, const FftLayout& l, T* in, T* out) {
  using F = Fftw<T>;
  if (l.blocks == 0 || l.lines == 0) return;
  // Slices of about 64k values, fixed by the shape alone, so that every line
  // is computed by the same plan whatever the thread count (THREAD-1).
  const int64_t chunk = std::max<int64_t>(1, std::min<int64_t>(l.lines, (int64_t{1} << 16) / l.n));
  const int64_t per_block = (l.lines + chunk - 1) / chunk;
  const int64_t slices = l.blocks * per_block;
  const auto in_at = [&](int64_t s) {
    return in + (s / per_block) * l.in_block + (s % per_block) * chunk * l.in_dist;
  };
  const auto out_at = [&](int64_t s) {
    return out + (s / per_block) * l.out_block + (s % per_block) * chunk * l.out_dist;
  };
  // A slice that starts at another alignment than the planned arrays needs
  // a plan made for unaligned arrays.
  unsigned flags = FFTW_ESTIMATE;
  for (int64_t s = 1; s < slices && !(flags & FFTW_UNALIGNED); ++s)
    if (F::alignment(in_at(s)) != F::alignment(in) || F::alignment(out_at(s)) != F::alignment(out))
      flags |= FFTW_UNALIGNED;
  const int64_t tail = l.lines - (per_block - 1) * chunk;
  const auto plan = make_plan(kind, l, chunk, in, out, flags);
  const auto tail_plan = tail == chunk ? plan : make_plan(kind, l, tail, in, out, flags);
  const int threads = static_cast<int>(std::min<int64_t>(core::max_threads(), slices));
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t s = 0; s < slices; ++s)
    F::execute(kind, s % per_block == per_block - 1 ? tail_plan : plan, in_at(s), out_at(s));
  if (tail_plan != plan) destroy_plan<T>(tail_plan);
  destroy_plan<T>(plan);
}

template void run_fftw<float>(FftKind, const FftLayout&, float*, float*);
template void run_fftw<double>(FftKind, const FftLayout&, double*, double*);

}  // namespace parity::fast::spectral
