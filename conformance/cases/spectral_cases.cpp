// Cases for spec/clauses/spectral.md (SPECTRAL-1 … SPECTRAL-4): the four
// windows, periodic and symmetric, over lengths and dtypes; fft, ifft, rfft
// and irfft over n (none, trim, zero-pad), norm, dim, dtypes and layouts,
// complex values as a trailing dim of 2; their errors. Values within the
// dtype's tolerance.
#include <algorithm>
#include <optional>
#include <string_view>

#include "random_util.h"

using namespace parity::conf;

namespace {

using N = std::optional<int64_t>;
using Norm = std::optional<std::string_view>;

// Small irregular values (multiples of 0.5 in [-2.5, 2.5]), exact in every
// dtype, laid out in `sizes`.
template <class E, class D>
typename E::Tensor signal(typename E::Sizes sizes, D dtype) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  auto k = E::arange(n, E::dtype(E::kFloat64)) * 37 + 3;
  return ((k - k.div(11, "floor") * 11 - 5) * 0.5).to(dtype).reshape(sizes);
}

std::string label(N n, Norm norm) {
  return std::string(" n=") + (n ? std::to_string(*n) : "None") +
         " norm=" + (norm ? std::string(*norm) : "None");
}

template <class E, class F>
void windowCase(Rec<E>& r, const std::string& name, F make) {
  for (int64_t L : {0, 1, 2, 3, 5, 8, 17, 64}) {
    const std::string l = name + "(" + std::to_string(L);
    r.result(l + ")", [&] { return make(L, E::dtype(E::kFloat32)); });
    r.result(l + ", periodic=False)", [&] { return make(L, false, E::dtype(E::kFloat32)); });
    r.result(l + ", periodic=True) float64", [&] { return make(L, true, E::dtype(E::kFloat64)); });
    r.result(l + ", periodic=False) float64",
             [&] { return make(L, false, E::dtype(E::kFloat64)); });
  }
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    r.result(name + "(6) " + d, [&] { return make(6, E::dtype(dt)); });
    r.result(name + "(7, periodic=False) " + d, [&] { return make(7, false, E::dtype(dt)); });
    r.result(name + "(1) " + d, [&] { return make(1, E::dtype(dt)); });
    r.result(name + "(0) " + d, [&] { return make(0, E::dtype(dt)); });
  }
  r.result(name + "(5) default dtype", [&] { return make(5, typename E::Options()); });
  r.result(name + "(-1)", [&] { return make(-1, typename E::Options()); });
  r.result(name + "(-1, periodic=False)", [&] { return make(-1, false, typename E::Options()); });
}

// Records a spectrum: its strides, then its values with -0 turned into +0
// (the sign of an exact zero depends on the FFT algorithm, not on the
// contract), or the error.
template <class E, class F>
void spectrum(Rec<E>& r, const std::string& name, F&& f) {
  r.result(name, [&] {
    auto t = f();
    r.list(name + " strides", t.strides());
    return t + 0.0;
  });
}

}  // namespace

PARITY_CASE(windows, "SPECTRAL-1", "") {
  windowCase(r, "hann_window", [](auto... a) { return E::hann_window(a...); });
  windowCase(r, "hamming_window", [](auto... a) { return E::hamming_window(a...); });
  windowCase(r, "blackman_window", [](auto... a) { return E::blackman_window(a...); });
  windowCase(r, "bartlett_window", [](auto... a) { return E::bartlett_window(a...); });
  for (bool periodic : {true, false}) {
    const std::string p = periodic ? "True" : "False";
    for (int64_t L : {1, 4, 9}) {
      const std::string l = "hamming_window(" + std::to_string(L) + ", " + p;
      r.result(l + ", alpha=0.6)", [&] { return E::hamming_window(L, periodic, 0.6); });
      r.result(l + ", alpha=0.6, beta=0.3)",
               [&] { return E::hamming_window(L, periodic, 0.6, 0.3); });
      r.result(l + ", alpha=0.5, beta=0.5) float64",
               [&] { return E::hamming_window(L, periodic, 0.5, 0.5, E::dtype(E::kFloat64)); });
    }
  }
  // hann is hamming with alpha = beta = 0.5.
  r.value("hann_window(10) == hamming_window(10, True, 0.5, 0.5) float64",
          sameValues<E>(E::hann_window(10, E::dtype(E::kFloat64)),
                        E::hamming_window(10, true, 0.5, 0.5, E::dtype(E::kFloat64))));
}

PARITY_CASE(fft_ifft, "SPECTRAL-2 SPECTRAL-4", "") {
  const Norm norms[] = {std::nullopt, "backward", "forward", "ortho"};
  for (auto dt : {E::kFloat32, E::kFloat64, E::kInt64}) {
    for (int64_t len : {1, 2, 3, 4, 5, 8, 16, 17}) {
      auto x = signal<E>({len}, dt);
      for (N n : {N(), N(std::max<int64_t>(1, len - 2)), N(len + 3)}) {
        for (Norm norm : norms) {
          if (dt != E::kFloat64 && norm && *norm == "backward") continue;
          const std::string l = E::dtype_str(dt) + " len " + std::to_string(len) + label(n, norm);
          spectrum(r, "fft " + l, [&] { return E::fft(x, n, -1, norm); });
          if (dt == E::kInt64) continue;
          auto c = E::fft(x);
          spectrum(r, "ifft(fft(x)) " + l, [&] { return E::ifft(c, n, -1, norm); });
        }
      }
    }
  }
  // Over each dim of a 3-D signal, and of non-contiguous layouts.
  auto x3 = signal<E>({2, 3, 5}, E::kFloat64);
  for (int64_t dim : {0, 1, 2, -1, -2, -3}) {
    const std::string d = " dim " + std::to_string(dim);
    spectrum(r, "fft 2x3x5" + d, [&] { return E::fft(x3, N(), dim); });
    spectrum(r, "fft 2x3x5 n=4" + d, [&] { return E::fft(x3, N(4), dim, "ortho"); });
    auto c = E::fft(x3, N(), dim);
    spectrum(r, "ifft(fft) 2x3x5" + d, [&] { return E::ifft(c, N(), dim); });
  }
  auto xt = signal<E>({6, 4}, E::kFloat32).t();
  spectrum(r, "fft transposed dim -1", [&] { return E::fft(xt); });
  spectrum(r, "fft transposed dim 0", [&] { return E::fft(xt, N(), 0); });
  auto xs = signal<E>({3, 12}, E::kFloat32).slice(1, 1, 12, 3);
  spectrum(r, "fft step-3 slice", [&] { return E::fft(xs); });
  spectrum(r, "fft expanded", [&] { return E::fft(signal<E>({5}, E::kFloat32).expand({3, 5})); });
  spectrum(r, "fft of (0, 4)", [&] { return E::fft(signal<E>({0, 4}, E::kFloat32)); });
  // ifft of complex forms in other layouts.
  auto c = E::fft(signal<E>({3, 8}, E::kFloat64));
  spectrum(r, "ifft permuted complex (8, 3, 2) dim 0", [&] {
    return E::ifft(c.permute({1, 0, 2}), N(), 0);
  });
  spectrum(r, "ifft step-2 rows", [&] { return E::ifft(c.slice(0, 0, 3, 2)); });
  auto pairs = signal<E>({2, 6}, E::kFloat64).t();  // (6, 2), last-dim stride 6
  spectrum(r, "ifft of a (6, 2) form with last stride 6", [&] { return E::ifft(pairs, N(), 0); });
  spectrum(r, "ifft of signal (5, 2) float32", [&] {
    return E::ifft(signal<E>({5, 2}, E::kFloat32), N(), 0);
  });
}

PARITY_CASE(rfft_irfft, "SPECTRAL-3 SPECTRAL-4", "") {
  const Norm norms[] = {std::nullopt, "forward", "ortho"};
  for (auto dt : {E::kFloat32, E::kFloat64, E::kInt32, E::kBool}) {
    for (int64_t len : {1, 2, 3, 4, 5, 8, 9, 16, 17}) {
      auto x = signal<E>({len}, dt);
      for (N n : {N(), N(std::max<int64_t>(1, len - 1)), N(len + 2)}) {
        for (Norm norm : norms) {
          if (dt == E::kBool && norm) continue;
          const std::string l = E::dtype_str(dt) + " len " + std::to_string(len) + label(n, norm);
          spectrum(r, "rfft " + l, [&] { return E::rfft(x, n, -1, norm); });
          if (dt != E::kFloat32 && dt != E::kFloat64) continue;
          auto c = E::rfft(x);
          spectrum(r, "irfft(rfft(x)) " + l, [&] { return E::irfft(c, n, -1, norm); });
        }
      }
      if (dt == E::kFloat64)
        spectrum(r, "irfft(rfft(x), n=len) float64 len " + std::to_string(len),
                 [&] { return E::irfft(E::rfft(x), N(len)); });
    }
  }
  auto x3 = signal<E>({4, 3, 6}, E::kFloat32);
  for (int64_t dim : {0, 1, 2, -2}) {
    const std::string d = " dim " + std::to_string(dim);
    spectrum(r, "rfft 4x3x6" + d, [&] { return E::rfft(x3, N(), dim); });
    auto c = E::rfft(x3, N(), dim);
    spectrum(r, "irfft(rfft) 4x3x6" + d, [&] { return E::irfft(c, N(), dim); });
    spectrum(r, "irfft(rfft) n=7" + d, [&] { return E::irfft(c, N(7), dim, "ortho"); });
  }
  auto xt = signal<E>({7, 3}, E::kFloat64).t();
  spectrum(r, "rfft transposed", [&] { return E::rfft(xt); });
  spectrum(r, "rfft transposed dim 0", [&] { return E::rfft(xt, N(), 0); });
  spectrum(r, "irfft of a permuted complex form", [&] {
    return E::irfft(E::rfft(signal<E>({5, 6}, E::kFloat64)).permute({1, 0, 2}), N(), 0);
  });
  spectrum(r, "irfft of signal (4, 2) float64", [&] {
    return E::irfft(signal<E>({4, 2}, E::kFloat64));
  });
  spectrum(r, "irfft of one frequency (default n = 0)", [&] {
    return E::irfft(signal<E>({1, 2}, E::kFloat64));
  });
  spectrum(r, "irfft of one frequency n=1", [&] {
    return E::irfft(signal<E>({1, 2}, E::kFloat64), N(1));
  });
}

PARITY_CASE(spectral_errors, "SPECTRAL-4", "") {
  auto x = signal<E>({2, 4}, E::kFloat32);
  for (auto dt : allDtypes<E>()) {
    const std::string d = E::dtype_str(dt);
    spectrum(r, "fft " + d, [&] { return E::fft(signal<E>({4}, dt)); });
    spectrum(r, "rfft " + d, [&] { return E::rfft(signal<E>({4}, dt)); });
  }
  spectrum(r, "fft n=0", [&] { return E::fft(x, N(0)); });
  spectrum(r, "fft n=-1", [&] { return E::fft(x, N(-1)); });
  spectrum(r, "rfft n=0", [&] { return E::rfft(x, N(0)); });
  spectrum(r, "ifft n=0", [&] { return E::ifft(E::fft(x), N(0)); });
  spectrum(r, "irfft n=0", [&] { return E::irfft(E::rfft(x), N(0)); });
  spectrum(r, "fft norm 'bad'", [&] { return E::fft(x, N(), -1, "bad"); });
  spectrum(r, "ifft norm 'Ortho'", [&] { return E::ifft(E::fft(x), N(), -1, "Ortho"); });
  spectrum(r, "rfft norm ''", [&] { return E::rfft(x, N(), -1, ""); });
  spectrum(r, "irfft norm 'none'", [&] { return E::irfft(E::rfft(x), N(), -1, "none"); });
  spectrum(r, "fft dim 2", [&] { return E::fft(x, N(), 2); });
  spectrum(r, "fft dim -3", [&] { return E::fft(x, N(), -3); });
  spectrum(r, "rfft dim 5", [&] { return E::rfft(x, N(), 5); });
  spectrum(r, "ifft dim 2 of (2, 4, 2)", [&] { return E::ifft(E::fft(x), N(), 2); });
  spectrum(r, "irfft dim -3 of (2, 3, 2)", [&] { return E::irfft(E::rfft(x), N(), -3); });
  spectrum(r, "fft 0-d", [&] { return E::fft(E::tensor(1.5)); });
  spectrum(r, "rfft 0-d", [&] { return E::rfft(E::tensor(1.5)); });
  spectrum(r, "fft of length 0", [&] { return E::fft(E::zeros({0})); });
  spectrum(r, "rfft of length 0", [&] { return E::rfft(E::zeros({3, 0})); });
  // Results are new tensors: the input is untouched.
  auto keep = signal<E>({8}, E::kFloat64);
  (void)E::fft(keep);
  (void)E::rfft(keep);
  r.tensor("input after fft and rfft", keep);
}
