// The reduction loops, compiled once per ISA: cpu/reduce_kernels.cpp
// includes this file three times, each under its own `#pragma GCC target`,
// with PARITY_REDUCE_ISA naming the namespace. No include guard on purpose.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <type_traits>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "core/threads.h"
#include "cpu/reduce_kernels.h"

namespace parity::fast::cpu::PARITY_REDUCE_ISA {

// The per-element policy of one (op, input type): accumulator type A,
// result type O, identity, map of one input element, combine.
template <ReduceOp OP, class T>
struct Policy {
  static constexpr bool kNorm = OP >= ReduceOp::NormSq && OP <= ReduceOp::NormNonzero;
  static constexpr bool kWide = OP == ReduceOp::SumDouble || OP == ReduceOp::SumSqDev;
  static constexpr ReduceOp kOp = OP;
  static constexpr bool kSumLike = OP == ReduceOp::Sum || OP == ReduceOp::Prod;
  static constexpr bool kIntegral = !core::is_float_v<T>;
  // torch accumulates float16/bfloat16 norms in the dtype itself, one
  // element after another, rounding every step: so do we (no lanes, no
  // chunks), for the same bits.
  static constexpr bool kSequential =
      kNorm && core::is_reduced_float_v<T> && OP != ReduceOp::NormSqWide;
  using Float = std::conditional_t<std::is_same_v<T, double>, double, float>;
  using A = std::conditional_t<
      kWide,
      double,
      std::conditional_t<
          OP == ReduceOp::All || OP == ReduceOp::Any,
          bool,
          std::conditional_t<
              kNorm,
              Float,
              std::conditional_t<kSumLike && kIntegral,
                                 int64_t,
                                 std::conditional_t<core::is_float_v<T>, Float, T>>>>>;
  using O =
      std::conditional_t<kWide, double, std::conditional_t<kSumLike && kIntegral, int64_t, T>>;
  // Lanes of the contiguous loop: about two AVX-512 registers.
  static constexpr int W = std::min<int>(64, std::max<int>(8, 128 / static_cast<int>(sizeof(A))));

  static A init() {
    if constexpr (OP == ReduceOp::Sum || kNorm || kWide) {
      if constexpr (OP == ReduceOp::NormMinAbs) return std::numeric_limits<A>::infinity();
      return A(0);
    } else if constexpr (OP == ReduceOp::Prod) {
      return A(1);
    } else if constexpr (OP == ReduceOp::Max) {
      if constexpr (std::is_floating_point_v<A>) return -std::numeric_limits<A>::infinity();
      return std::numeric_limits<A>::lowest();
    } else if constexpr (OP == ReduceOp::Min) {
      if constexpr (std::is_floating_point_v<A>) return std::numeric_limits<A>::infinity();
      return std::numeric_limits<A>::max();
    } else {
      return OP == ReduceOp::All;
    }
  }

  // x rounded to T, where T's own arithmetic is being emulated.
  static A r(A x) {
    if constexpr (kSequential) {
      return core::reduced_to_float(core::float_to_reduced<T>(x));
    } else {
      return x;
    }
  }

  static A map(T v) {
    if constexpr (kWide) {
      return core::convert<double>(v);
    } else if constexpr (OP == ReduceOp::All || OP == ReduceOp::Any) {
      return v != T(0);
    } else if constexpr (kNorm) {
      const A x = core::convert<A>(v);
      if constexpr (OP == ReduceOp::NormSq || OP == ReduceOp::NormSqWide) return r(x * x);
      if constexpr (OP == ReduceOp::NormNonzero) return x != A(0) ? A(1) : A(0);
      return std::fabs(x);  // NormPow raises it in map_pow
    } else if constexpr (kSumLike && kIntegral) {
      if constexpr (std::is_same_v<T, bool>) return v ? 1 : 0;
      return static_cast<int64_t>(v);
    } else if constexpr (core::is_reduced_float_v<T>) {
      return core::reduced_to_float(v);
    } else {
      return v;
    }
  }

  // map, with SumSqDev's centre (the result's mean) subtracted first.
  static A mapc(T v, A c) {
    if constexpr (OP == ReduceOp::SumSqDev) {
      const A d = map(v) - c;
      return d * d;
    } else {
      (void)c;
      return map(v);
    }
  }

  static A combine(A a, A b) {
    if constexpr (OP == ReduceOp::Sum || OP == ReduceOp::NormSq || OP == ReduceOp::NormSqWide ||
                  OP == ReduceOp::NormAbs || kWide || OP == ReduceOp::NormPow ||
                  OP == ReduceOp::NormNonzero) {
      if constexpr (std::is_integral_v<A>)
        return static_cast<A>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
      return r(a + b);
    } else if constexpr (OP == ReduceOp::Prod) {
      if constexpr (std::is_integral_v<A>)
        return static_cast<A>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
      return a * b;
    } else if constexpr (OP == ReduceOp::Max || OP == ReduceOp::NormMaxAbs) {
      // The first NaN wins; otherwise the larger (the earlier on ties).
      // Bitwise ops, not short-circuits: the loops stay branch-free SIMD.
      return ((b > a) | (b != b)) & (a == a) ? b : a;
    } else if constexpr (OP == ReduceOp::Min || OP == ReduceOp::NormMinAbs) {
      return ((b < a) | (b != b)) & (a == a) ? b : a;
    } else if constexpr (OP == ReduceOp::All) {
      return a && b;
    } else {
      return a || b;
    }
  }

  static O finish(A a, const ReduceArgs& args) {
    if constexpr (kNorm) {
      if (args.post == ReducePost::Sqrt) a = std::sqrt(a);
      if (args.post == ReducePost::Root)
        a = static_cast<A>(std::pow(a, r(static_cast<A>(1.0 / args.p))));
      return core::convert<O>(a);
    } else if constexpr (OP == ReduceOp::All || OP == ReduceOp::Any) {
      return static_cast<O>(a);
    } else {
      O o = core::convert<O>(a);
      if constexpr (core::is_float_v<O>) {
        if (args.post == ReducePost::Div) {
          // The divisor is a Scalar of the result's dtype (70001 is inf
          // in float16), as torch's div_ makes it.
          using M = std::conditional_t<std::is_same_v<O, double>, double, float>;
          const M d = core::convert<M>(core::convert<O>(args.divisor));
          o = core::convert<O>(core::convert<M>(o) / d);
        }
      }
      return o;
    }
  }
};

template <class P, class T>
inline typename P::A load_map(const char* p, const ReduceArgs& args, typename P::A c) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  typename P::A x = P::mapc(v, c);
  if constexpr (P::kNorm) {
    if (args.op == ReduceOp::NormPow) x = static_cast<typename P::A>(std::pow(x, args.p));
  }
  return x;
}

// acc = combine(acc, map(p[0..n))) in a fixed order: W interleaved lanes,
// folded pairwise, then the tail.
template <class P, class T>
void reduce_row(typename P::A& acc,
                const char* p,
                int64_t n,
                int64_t stride,
                const ReduceArgs& args,
                typename P::A c) {
  using A = typename P::A;
  constexpr int W = P::W;
  int64_t i = 0;
  if (!P::kSequential && stride == static_cast<int64_t>(sizeof(T)) && n >= W) {
    const T* tp = reinterpret_cast<const T*>(p);
    A lanes[W];
    for (int k = 0; k < W; ++k) lanes[k] = P::init();
    if constexpr (P::kNorm) {
      if (args.op == ReduceOp::NormPow) {
        for (; i + W <= n; i += W)
          for (int k = 0; k < W; ++k)
            lanes[k] = P::combine(lanes[k], load_map<P, T>(p + (i + k) * stride, args, c));
      }
    }
    for (; i + W <= n; i += W)
      for (int k = 0; k < W; ++k) lanes[k] = P::combine(lanes[k], P::mapc(tp[i + k], c));
    for (int w = W / 2; w > 0; w /= 2)
      for (int k = 0; k < w; ++k) lanes[k] = P::combine(lanes[k], lanes[k + w]);
    acc = P::combine(acc, lanes[0]);
  }
  for (; i < n; ++i) acc = P::combine(acc, load_map<P, T>(p + i * stride, args, c));
}

// acc[j] = combine(acc[j], map(p[j])) for j < n: one input row into a
// block of results.
template <class P, class T>
void reduce_vertical(typename P::A* __restrict acc,
                     const char* p,
                     int64_t n,
                     int64_t stride,
                     const ReduceArgs& args,
                     const typename P::A* cen) {
  using A = typename P::A;
  if (stride == static_cast<int64_t>(sizeof(T)) && !(P::kNorm && args.op == ReduceOp::NormPow)) {
    const T* __restrict tp = reinterpret_cast<const T*>(p);
    if constexpr (P::kOp == ReduceOp::SumSqDev) {
      for (int64_t j = 0; j < n; ++j) acc[j] = P::combine(acc[j], P::mapc(tp[j], cen[j]));
    } else {
      for (int64_t j = 0; j < n; ++j) acc[j] = P::combine(acc[j], P::map(tp[j]));
    }
    return;
  }
  for (int64_t j = 0; j < n; ++j)
    acc[j] = P::combine(acc[j], load_map<P, T>(p + j * stride, args, cen ? cen[j] : A{}));
}

// Walks the index space of `sizes` (innermost first) from a linear
// position, keeping the byte offset along `strides`.
struct Odometer {
  const int64_t* sizes;
  const int64_t* strides;
  size_t nd;
  int64_t idx[meta::kMaxReduceDims] = {};
  int64_t offset = 0;
  Odometer(const int64_t* sz, const int64_t* st, size_t n, int64_t pos)
      : sizes(sz), strides(st), nd(n) {
    for (size_t d = 0; d < nd; ++d) {
      idx[d] = pos % sizes[d];
      pos /= sizes[d];
      offset += idx[d] * strides[d];
    }
  }
  void next() {
    for (size_t d = 0; d < nd; ++d) {
      offset += strides[d];
      if (++idx[d] < sizes[d]) return;
      offset -= idx[d] * strides[d];
      idx[d] = 0;
    }
  }
};

// Input and output byte offsets of result element o.
inline void out_offsets(const iter::ReducePlan& p, int64_t o, int64_t& in_off, int64_t& out_off) {
  in_off = 0;
  out_off = 0;
  for (size_t d = 0; d < p.osz.size(); ++d) {
    const int64_t i = o % p.osz[d];
    o /= p.osz[d];
    in_off += i * p.oin[d];
    out_off += i * p.oout[d];
  }
}

// Output byte offset of index `rest` over the kept dims past the first.
inline int64_t outer_out_offset(const iter::ReducePlan& p, int64_t rest) {
  int64_t off = 0;
  for (size_t d = 1; d < p.osz.size(); ++d) {
    off += rest % p.osz[d] * p.oout[d];
    rest /= p.osz[d];
  }
  return off;
}

inline int threads_for(int64_t work) {
  return work >= iter::kReduceGrain ? core::max_threads() : 1;
}

template <ReduceOp OP, class T>
void run_inner(const iter::ReducePlan& p, const char* in, char* out, const ReduceArgs& args) {
  using P = Policy<OP, T>;
  using A = typename P::A;
  using O = typename P::O;
  const int64_t row = p.rsz[0], rstride = p.rin[0];
  const int64_t pieces = p.n_red / std::max<int64_t>(row, 1) * p.pieces_per_row;
  const int64_t nchunks = P::kSequential ? 1 : p.chunks;
  const int64_t per_chunk = P::kSequential ? pieces : p.pieces_per_chunk;
  const int64_t units = p.n_out * nchunks;
  // Chunk partials of every result, combined below in chunk order.
  std::unique_ptr<A[]> partial(nchunks > 1 ? new A[static_cast<size_t>(units)] : nullptr);
  const int threads = threads_for(p.n_out * p.n_red);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t u = 0; u < units; ++u) {
    const int64_t o = u / nchunks, c = u % nchunks;
    int64_t in_off, out_off;
    out_offsets(p, o, in_off, out_off);
    A acc = P::init();
    A centre{};
    if constexpr (OP == ReduceOp::SumSqDev) centre = args.center[out_off / int64_t{sizeof(O)}];
    const int64_t qb = c * per_chunk, qe = std::min(pieces, qb + per_chunk);
    if (qb < qe) {
      int64_t r = qb / p.pieces_per_row, part = qb % p.pieces_per_row;
      Odometer odo(p.rsz.data() + 1, p.rin.data() + 1, p.rsz.size() - 1, r);
      for (int64_t q = qb; q < qe; ++q) {
        const int64_t start = part * p.piece_len;
        const int64_t len = std::min(p.piece_len, row - start);
        reduce_row<P, T>(acc, in + in_off + odo.offset + start * rstride, len, rstride, args,
                         centre);
        if (++part == p.pieces_per_row) {
          part = 0;
          odo.next();
        }
      }
    }
    if (nchunks > 1) {
      partial[u] = acc;
    } else {
      O v = P::finish(acc, args);
      std::memcpy(out + out_off, &v, sizeof(O));
    }
  }
  if (nchunks > 1) {
    for (int64_t o = 0; o < p.n_out; ++o) {
      A acc = partial[o * nchunks];
      for (int64_t c = 1; c < nchunks; ++c) acc = P::combine(acc, partial[o * nchunks + c]);
      int64_t in_off, out_off;
      out_offsets(p, o, in_off, out_off);
      O v = P::finish(acc, args);
      std::memcpy(out + out_off, &v, sizeof(O));
    }
  }
}

template <ReduceOp OP, class T>
void run_vertical(const iter::ReducePlan& p, const char* in, char* out, const ReduceArgs& args) {
  using P = Policy<OP, T>;
  using A = typename P::A;
  using O = typename P::O;
  // A unit is (outer index, block of up to kCols results, chunk of input
  // rows): it adds its rows into an L1-resident accumulator row, so a
  // contiguous input is read straight through. Chunks of rows depend on the
  // shape only; their partials are combined in chunk order.
  constexpr int64_t kCols = 16384 / sizeof(A);
  constexpr int64_t kRowChunk = 128;
  const int64_t ncol = p.osz[0], cstride = p.oin[0], ostride = p.oout[0];
  const int64_t blocks = (ncol + kCols - 1) / kCols;
  const int64_t outer = p.n_out / ncol;
  int64_t chunks = 1;
  if (!P::kSequential && p.n_red > kRowChunk)
    chunks = std::min((p.n_red + kRowChunk - 1) / kRowChunk,
                      std::max<int64_t>(1, (int64_t{1} << 21) / p.n_out));
  const int64_t rows_per_chunk = (p.n_red + chunks - 1) / chunks;
  // partial[chunk * n_out + result], results in (outer, column) order.
  std::unique_ptr<A[]> partial(chunks > 1 ? new A[static_cast<size_t>(p.n_out * chunks)] : nullptr);
  const int64_t units = outer * blocks * chunks;
  const int threads = threads_for(p.n_out * p.n_red);
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t u = 0; u < units; ++u) {
    const int64_t c = u % chunks, ob = u / chunks;
    int64_t rest = ob / blocks;
    const int64_t j0 = (ob % blocks) * kCols, nj = std::min(kCols, ncol - j0);
    int64_t in_off = j0 * cstride;
    for (size_t d = 1; d < p.osz.size(); ++d) {
      in_off += rest % p.osz[d] * p.oin[d];
      rest /= p.osz[d];
    }
    A acc[kCols];
    for (int64_t j = 0; j < nj; ++j) acc[j] = P::init();
    const A* cen = nullptr;
    A cen_buf[OP == ReduceOp::SumSqDev ? kCols : 1];
    if constexpr (OP == ReduceOp::SumSqDev) {
      const int64_t o0 = outer_out_offset(p, ob / blocks) + j0 * ostride;
      for (int64_t j = 0; j < nj; ++j)
        cen_buf[j] = args.center[(o0 + j * ostride) / int64_t{sizeof(O)}];
      cen = cen_buf;
    }
    const int64_t r0 = c * rows_per_chunk, r1 = std::min(p.n_red, r0 + rows_per_chunk);
    Odometer odo(p.rsz.data(), p.rin.data(), p.rsz.size(), r0);
    for (int64_t r = r0; r < r1; ++r) {
      reduce_vertical<P, T>(acc, in + in_off + odo.offset, nj, cstride, args, cen);
      odo.next();
    }
    const int64_t base = (ob / blocks) * ncol + j0;  // linear index of result j0
    if (chunks > 1) {
      A* dst = partial.get() + c * p.n_out + base;
      for (int64_t j = 0; j < nj; ++j) dst[j] = acc[j];
    } else {
      const int64_t out_off = outer_out_offset(p, ob / blocks) + j0 * ostride;
      for (int64_t j = 0; j < nj; ++j) {
        O v = P::finish(acc[j], args);
        std::memcpy(out + out_off + j * ostride, &v, sizeof(O));
      }
    }
  }
  if (chunks > 1) {
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
    for (int64_t o = 0; o < p.n_out; ++o) {
      A acc = partial[o];
      for (int64_t c = 1; c < chunks; ++c) acc = P::combine(acc, partial[c * p.n_out + o]);
      O v = P::finish(acc, args);
      std::memcpy(out + outer_out_offset(p, o / ncol) + (o % ncol) * ostride, &v, sizeof(O));
    }
  }
}

template <ReduceOp OP, class T>
void run_op(const iter::ReducePlan& p, const char* in, char* out, const ReduceArgs& args) {
  if (p.vertical)
    run_vertical<OP, T>(p, in, out, args);
  else
    run_inner<OP, T>(p, in, out, args);
}

template <ReduceOp OP>
void run_dtype(const iter::ReducePlan& p, const char* in, char* out, const ReduceArgs& args) {
  core::dispatch_dtype(args.in, [&](auto tag) {
    using T = typename decltype(tag)::type;
    constexpr bool norm = OP >= ReduceOp::NormSq;  // the norms, SumDouble, SumSqDev
    if constexpr (norm && !core::is_float_v<T>) {
      throw Error("parity::fast: norm kernel of an integral dtype");
    } else if constexpr ((OP == ReduceOp::All || OP == ReduceOp::Any) && !std::is_same_v<T, bool> &&
                         !std::is_same_v<T, uint8_t>) {
      throw Error("parity::fast: all/any kernel of a non-bool dtype");
    } else {
      run_op<OP, T>(p, in, out, args);
    }
  });
}

inline void run_reduce_isa(const iter::ReducePlan& p,
                           const char* in,
                           char* out,
                           const ReduceArgs& args) {
  switch (args.op) {
    case ReduceOp::Sum:
      return run_dtype<ReduceOp::Sum>(p, in, out, args);
    case ReduceOp::Prod:
      return run_dtype<ReduceOp::Prod>(p, in, out, args);
    case ReduceOp::Max:
      return run_dtype<ReduceOp::Max>(p, in, out, args);
    case ReduceOp::Min:
      return run_dtype<ReduceOp::Min>(p, in, out, args);
    case ReduceOp::All:
      return run_dtype<ReduceOp::All>(p, in, out, args);
    case ReduceOp::Any:
      return run_dtype<ReduceOp::Any>(p, in, out, args);
    case ReduceOp::NormSq:
      return run_dtype<ReduceOp::NormSq>(p, in, out, args);
    case ReduceOp::NormSqWide:
      return run_dtype<ReduceOp::NormSqWide>(p, in, out, args);
    case ReduceOp::NormAbs:
      return run_dtype<ReduceOp::NormAbs>(p, in, out, args);
    case ReduceOp::NormMaxAbs:
      return run_dtype<ReduceOp::NormMaxAbs>(p, in, out, args);
    case ReduceOp::NormMinAbs:
      return run_dtype<ReduceOp::NormMinAbs>(p, in, out, args);
    case ReduceOp::NormPow:
      return run_dtype<ReduceOp::NormPow>(p, in, out, args);
    case ReduceOp::NormNonzero:
      return run_dtype<ReduceOp::NormNonzero>(p, in, out, args);
    case ReduceOp::SumDouble:
      return run_dtype<ReduceOp::SumDouble>(p, in, out, args);
    case ReduceOp::SumSqDev:
      return run_dtype<ReduceOp::SumSqDev>(p, in, out, args);
  }
}

}  // namespace parity::fast::cpu::PARITY_REDUCE_ISA
