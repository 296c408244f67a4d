// Helpers for the cases of issue 4 (random.md, init.md, spectral.md,
// threads.md), written over the engine adapter E like the cases.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "case_util.h"

namespace parity::conf {

// The sizes every sampling function is drawn at: empty, under one block of
// 16 (torch's normal fill switches at 16), around it, odd tails, and long.
inline const std::vector<int64_t>& drawSizes() {
  static const std::vector<int64_t> sizes = {0, 1, 2, 15, 16, 17, 33, 1000, 5000};
  return sizes;
}

template <class E>
auto floatDtypes() {
  return std::vector{E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64};
}

// float32 normal_ on 16 or more contiguous elements: LibTorch's AVX2 fill
// (polynomial log, sin and cos) — compared within 1 ULP (clauses/random.md,
// RAND-4). Every other stream is compared bit for bit.
template <class E>
bool normalFillPath(const typename E::Tensor& t) {
  return t.scalar_type() == E::kFloat32 && t.numel() >= 16 && t.is_contiguous();
}

// The values of `t` in logical order, read by the harness.
template <class E>
std::vector<double> values(const typename E::Tensor& t) {
  TensorSnap s = E::snapshot(t);
  if (!s.ints.empty()) return std::vector<double>(s.ints.begin(), s.ints.end());
  return s.reals;
}

// Same dtype, sizes and values bit for bit (NaN never occurs here).
template <class E>
bool sameValues(const typename E::Tensor& a, const typename E::Tensor& b) {
  const TensorSnap x = E::snapshot(a), y = E::snapshot(b);
  return x.dtype == y.dtype && x.sizes == y.sizes && x.reals == y.reals && x.ints == y.ints;
}

struct Stats {
  double min = 0, max = 0, mean = 0, std = 0;  // std: population
};

template <class E>
Stats stats(const typename E::Tensor& t) {
  const std::vector<double> v = values<E>(t);
  Stats s;
  if (v.empty()) return s;
  s.min = s.max = v[0];
  double sum = 0;
  for (double x : v) {
    s.min = std::min(s.min, x);
    s.max = std::max(s.max, x);
    sum += x;
  }
  s.mean = sum / double(v.size());
  double sq = 0;
  for (double x : v) sq += (x - s.mean) * (x - s.mean);
  s.std = std::sqrt(sq / double(v.size()));
  return s;
}

// A kUInt8 tensor holding `bytes` (a generator state).
template <class E>
typename E::Tensor byteTensor(const std::vector<uint8_t>& bytes) {
  auto t = E::empty({int64_t(bytes.size())}, E::dtype(E::kUInt8));
  if (!bytes.empty()) std::memcpy(t.data_ptr(), bytes.data(), bytes.size());
  return t;
}

template <class E>
std::vector<uint8_t> tensorBytes(const typename E::Tensor& t) {
  const auto c = t.contiguous();
  std::vector<uint8_t> out(size_t(c.numel()));
  if (!out.empty()) std::memcpy(out.data(), c.data_ptr(), out.size());
  return out;
}

// A kFloat64 tensor holding `v`.
template <class E>
typename E::Tensor doubleTensor(const std::vector<double>& v) {
  auto t = E::empty({int64_t(v.size())}, E::dtype(E::kFloat64));
  if (!v.empty()) std::memcpy(t.data_ptr(), v.data(), v.size() * sizeof(double));
  return t;
}

}  // namespace parity::conf
