// The op tables of the pointwise cases (OpInfo style): each entry names an
// op, calls it on the engine adapter E, and calls its in-place form where
// spec/API.md has one. The cases drive these tables over pointwise_samples.h.
#pragma once
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "pointwise_samples.h"

namespace parity::conf {

template <class E>
struct UnaryOp {
  std::string name;
  std::function<typename E::Tensor(const typename E::Tensor&)> op;
  std::function<void(typename E::Tensor&)> in_place;  // empty: no in-place form
};

template <class E>
struct BinaryOp {
  std::string name;
  std::function<typename E::Tensor(const typename E::Tensor&, const typename E::Tensor&)> op;
  std::function<void(typename E::Tensor&, const typename E::Tensor&)> in_place;
};

#define PARITY_UNARY(NAME)                                                 \
  {                                                                        \
#NAME, [](const T& t) { return t.NAME(); }, [](T & t) { t.NAME##_(); } \
  }
#define PARITY_BINARY(NAME)                                                                       \
  {                                                                                               \
#NAME, [](const T& a, const T& b) { return a.NAME(b); },                                      \
                                                          [](T & a, const T& b) { a.NAME##_(b); } \
  }

// POINT-1: the floating functions (integral and bool inputs give float32).
template <class E>
std::vector<UnaryOp<E>> floatingUnaryOps() {
  using T = typename E::Tensor;
  return {
      PARITY_UNARY(exp),   PARITY_UNARY(exp2),  PARITY_UNARY(expm1),   PARITY_UNARY(log),
      PARITY_UNARY(log2),  PARITY_UNARY(log10), PARITY_UNARY(log1p),   PARITY_UNARY(sqrt),
      PARITY_UNARY(rsqrt), PARITY_UNARY(sin),   PARITY_UNARY(cos),     PARITY_UNARY(tan),
      PARITY_UNARY(asin),  PARITY_UNARY(acos),  PARITY_UNARY(atan),    PARITY_UNARY(sinh),
      PARITY_UNARY(cosh),  PARITY_UNARY(tanh),  PARITY_UNARY(sigmoid), PARITY_UNARY(reciprocal),
  };
}

// POINT-2: ops that keep the dtype (frac and round(decimals): floating only).
template <class E>
std::vector<UnaryOp<E>> dtypeKeepingUnaryOps() {
  using T = typename E::Tensor;
  return {
      PARITY_UNARY(abs),
      PARITY_UNARY(neg),
      PARITY_UNARY(sign),
      PARITY_UNARY(relu),
      PARITY_UNARY(floor),
      PARITY_UNARY(ceil),
      PARITY_UNARY(round),
      PARITY_UNARY(trunc),
      PARITY_UNARY(frac),
      PARITY_UNARY(square),
      {"round(decimals=1)", [](const T& t) { return t.round(1); }, [](T& t) { t.round_(1); }},
      {"round(decimals=2)", [](const T& t) { return t.round(2); }, [](T& t) { t.round_(2); }},
      {"round(decimals=-1)", [](const T& t) { return t.round(-1); }, [](T& t) { t.round_(-1); }},
      {"round(decimals=0)", [](const T& t) { return t.round(0); }, [](T& t) { t.round_(0); }},
  };
}

// POINT-4 (unary half): bitwise_not and logical_not.
template <class E>
std::vector<UnaryOp<E>> logicalUnaryOps() {
  using T = typename E::Tensor;
  return {PARITY_UNARY(bitwise_not), PARITY_UNARY(logical_not)};
}

// POINT-7: classification (no in-place form) and nan_to_num.
template <class E>
std::vector<UnaryOp<E>> classifyingUnaryOps() {
  using T = typename E::Tensor;
  return {
      {"isnan", [](const T& t) { return t.isnan(); }, nullptr},
      {"isinf", [](const T& t) { return t.isinf(); }, nullptr},
      {"isfinite", [](const T& t) { return t.isfinite(); }, nullptr},
      PARITY_UNARY(nan_to_num),
      {"nan_to_num(1.5)", [](const T& t) { return t.nan_to_num(1.5); },
       [](T& t) { t.nan_to_num_(1.5); }},
      {"nan_to_num(0, 100, -100)", [](const T& t) { return t.nan_to_num(0.0, 100.0, -100.0); },
       [](T& t) { t.nan_to_num_(0.0, 100.0, -100.0); }},
      {"nan_to_num(-1, 1e6, -1e6)", [](const T& t) { return t.nan_to_num(-1.0, 1e6, -1e6); },
       [](T& t) { t.nan_to_num_(-1.0, 1e6, -1e6); }},
  };
}

// POINT-3: binary math over two tensors (maximum/minimum/max/min have no
// in-place form in LibTorch 1.13).
template <class E>
std::vector<BinaryOp<E>> mathBinaryOps() {
  using T = typename E::Tensor;
  return {
      PARITY_BINARY(pow),
      PARITY_BINARY(remainder),
      PARITY_BINARY(fmod),
      PARITY_BINARY(floor_divide),
      PARITY_BINARY(atan2),
      {"maximum", [](const T& a, const T& b) { return a.maximum(b); }, nullptr},
      {"minimum", [](const T& a, const T& b) { return a.minimum(b); }, nullptr},
      {"max(Tensor)", [](const T& a, const T& b) { return a.max(b); }, nullptr},
      {"min(Tensor)", [](const T& a, const T& b) { return a.min(b); }, nullptr},
  };
}

// POINT-4: bitwise and logical ops over two tensors.
template <class E>
std::vector<BinaryOp<E>> logicalBinaryOps() {
  using T = typename E::Tensor;
  return {
      PARITY_BINARY(bitwise_and), PARITY_BINARY(bitwise_or), PARITY_BINARY(bitwise_xor),
      PARITY_BINARY(logical_and), PARITY_BINARY(logical_or), PARITY_BINARY(logical_xor),
  };
}

#undef PARITY_UNARY
#undef PARITY_BINARY

// LibTorch's errors are slow (each captures a backtrace), and an op that
// raised on the first, non-empty layout raises for its dtypes alone: after
// that, only the empty layout is still recorded.
inline bool keptAfterError(const std::string& layout) { return layout == "empty"; }

// Records f() under `name` and says whether it raised.
template <class E, class F>
bool recordResult(Rec<E>& r, const std::string& name, F&& f) {
  bool raised = false;
  r.result(name, [&] {
    try {
      return f();
    } catch (...) {
      raised = true;
      throw;
    }
  });
  return raised;
}

// Records op(sample) for every dtype and layout of unarySamples.
template <class E>
void unarySweep(Rec<E>& r, const std::vector<UnaryOp<E>>& ops) {
  for (const auto& op : ops)
    for (auto dt : allDtypes<E>()) {
      bool raised = false;
      for (const auto& s : unarySamples<E>(dt)) {
        if (raised && !keptAfterError(s.layout)) continue;
        const std::string name = op.name + " " + E::dtype_str(dt) + " " + s.layout;
        const bool r_ = recordResult(r, name, [&] { return op.op(s.t); });
        if (s.layout == "1-d") raised = r_;
      }
    }
}

// Runs every in-place form on writable layouts of every dtype: records the
// error (or none), self afterwards and how much its version grew. A form
// that raised on the contiguous sample is not tried on views.
template <class E>
void unaryInPlaceSweep(Rec<E>& r, const std::vector<UnaryOp<E>>& ops) {
  for (const auto& op : ops) {
    if (!op.in_place) continue;
    for (auto dt : allDtypes<E>()) {
      bool raised = false;
      for (auto& s : writableSamples<E>(dt)) {
        if (raised) break;
        const std::string name = op.name + "_ " + E::dtype_str(dt) + " " + s.layout;
        const int64_t v0 = s.t._version();
        r.error(name, [&] {
          try {
            op.in_place(s.t);
          } catch (...) {
            raised = true;
            throw;
          }
        });
        r.tensor(name + " self", s.t);
        r.value(name + " writes", s.t._version() - v0);
      }
    }
  }
}

// The dtypes of `other` for in-place binary forms on self of dtype `da`:
// its own, and one of each category (the cast rule depends on no more).
template <class E, class D>
std::vector<D> otherDtypes(D da) {
  return {da, E::kBool, E::kInt64, E::kFloat32};
}

// Records op(a, b) for every dtype pair and every layout of operandPairs
// (after an error, the empty layout only for equal dtypes). same_dtype_only
// (ops such as lerp, for which two dtypes are an error): mixed pairs get the
// first layout and otherDtypes only.
template <class E>
void binarySweep(Rec<E>& r, const std::vector<BinaryOp<E>>& ops, bool same_dtype_only = false) {
  for (const auto& op : ops)
    for (auto da : allDtypes<E>())
      for (auto db : allDtypes<E>()) {
        if (same_dtype_only && da != db) {
          const auto others = otherDtypes<E>(da);
          if (std::find(others.begin(), others.end(), db) == others.end()) continue;
        }
        bool raised = false;
        for (auto& p : operandPairs<E>(da, db)) {
          if (raised && !(keptAfterError(p.layout) && da == db)) continue;
          if (same_dtype_only && da != db && p.layout != "same shape") continue;
          const std::string name =
              op.name + " " + E::dtype_str(da) + " " + E::dtype_str(db) + " " + p.layout;
          const bool r_ = recordResult(r, name, [&] { return op.op(p.a, p.b); });
          if (p.layout == "same shape") raised = r_;
        }
      }
}

// In-place binary forms, other broadcast to self.
template <class E>
void binaryInPlaceSweep(Rec<E>& r, const std::vector<BinaryOp<E>>& ops) {
  for (const auto& op : ops) {
    if (!op.in_place) continue;
    for (auto da : allDtypes<E>())
      for (auto db : otherDtypes<E>(da)) {
        const std::string name = op.name + "_ " + E::dtype_str(da) + " " + E::dtype_str(db);
        auto self = dividends<E>({2, 3}).to(da).clone();
        auto other = divisors<E>({3}).to(db);
        const int64_t v0 = self._version();
        r.error(name, [&] { op.in_place(self, other); });
        r.tensor(name + " self", self);
        r.value(name + " writes", self._version() - v0);
      }
  }
}

}  // namespace parity::conf
