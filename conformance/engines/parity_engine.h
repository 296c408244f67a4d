// The adapter for a parity engine. Both engines spell the same API
// (spec/API.md), so one definition serves both, stamped out per namespace.
#pragma once
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "harness/record.h"
#include "harness/snapshot.h"
#include "parity/spec.h"

namespace parity::conf {

inline ErrorInfo describeParityError(std::exception_ptr p) {
  try {
    std::rethrow_exception(p);
  } catch (const parity::Error& e) {
    return {pythonName(e.kind()), e.what()};
  } catch (const std::exception& e) {
    return {"C++ exception outside parity's error kinds", e.what()};
  }
}

// Free functions of the engines reached by argument-dependent lookup when a
// case instantiates them, so that an adapter compiles before its engine
// declares every one (cases can be written, against LibTorch, first).
namespace adl {
template <class... A>
auto where_(const A&... a) {
  return where(a...);
}
template <class... A>
auto pow_(const A&... a) {
  return pow(a...);
}
template <class... A>
auto cat_(const A&... a) {
  return cat(a...);
}
template <class... A>
auto stack_(const A&... a) {
  return stack(a...);
}
template <class... A>
auto einsum_(const A&... a) {
  return einsum(a...);
}
template <class... A>
auto matmul_(const A&... a) {
  return matmul(a...);
}
}  // namespace adl

}  // namespace parity::conf

// Struct: the adapter's name; NS: the engine namespace; LABEL: report name.
#define PARITY_DEFINE_ENGINE(Struct, NS, LABEL)                                                   \
  struct Struct {                                                                                 \
    static constexpr const char* name = LABEL;                                                    \
    using Tensor = NS::Tensor;                                                                    \
    using Options = ::parity::TensorOptions;                                                      \
    using Sizes = ::parity::IntArrayRef;                                                          \
    static ::parity::indexing::Slice Slice(std::optional<int64_t> start = std::nullopt,           \
                                           std::optional<int64_t> stop = std::nullopt,            \
                                           std::optional<int64_t> step = std::nullopt) {          \
      return ::parity::indexing::Slice(start, stop, step);                                        \
    }                                                                                             \
    using TensorIndex = NS::TensorIndex;                                                          \
    template <class T>                                                                            \
    using Opt = std::optional<T>; /* c10::optional on LibTorch */                                 \
    static constexpr auto None = ::parity::indexing::None;                                        \
    static constexpr auto Ellipsis = ::parity::indexing::Ellipsis;                                \
    static constexpr auto kBool = ::parity::kBool, kUInt8 = ::parity::kByte,                      \
                          kInt8 = ::parity::kChar, kInt16 = ::parity::kShort,                     \
                          kInt32 = ::parity::kInt, kInt64 = ::parity::kLong,                      \
                          kFloat16 = ::parity::kHalf, kBFloat16 = ::parity::kBFloat16,            \
                          kFloat32 = ::parity::kFloat, kFloat64 = ::parity::kDouble;              \
    static std::string dtype_name(const Tensor& t) {                                              \
      return ::parity::pythonName(t.scalar_type());                                               \
    }                                                                                             \
    static std::string dtype_str(::parity::ScalarType t) { return ::parity::pythonName(t); }      \
    /* Templates, so that they are instantiated only where a case uses them. */                   \
    template <class A, class B>                                                                   \
    static ::parity::ScalarType result_type(const A& a, const B& b) {                             \
      return NS::result_type(a, b);                                                               \
    }                                                                                             \
    template <class V = std::vector<Tensor>>                                                      \
    static std::vector<Tensor> broadcast_tensors(const V& v) {                                    \
      return NS::broadcast_tensors(v);                                                            \
    }                                                                                             \
    template <class... A>                                                                         \
    static Tensor where(const Tensor& cond, const A&... a) {                                      \
      return ::parity::conf::adl::where_(cond, a...);                                             \
    }                                                                                             \
    template <class S>                                                                            \
    static Tensor pow(const S& self, const Tensor& exponent) {                                    \
      return ::parity::conf::adl::pow_(self, exponent);                                           \
    }                                                                                             \
    template <class V = std::vector<Tensor>>                                                      \
    static Tensor cat(const V& v, int64_t dim = 0) {                                              \
      return ::parity::conf::adl::cat_(v, dim);                                                   \
    }                                                                                             \
    template <class V = std::vector<Tensor>>                                                      \
    static Tensor stack(const V& v, int64_t dim = 0) {                                            \
      return ::parity::conf::adl::stack_(v, dim);                                                 \
    }                                                                                             \
    template <class V = std::vector<Tensor>>                                                      \
    static Tensor einsum(std::string_view equation, const V& v) {                                 \
      return ::parity::conf::adl::einsum_(equation, v);                                           \
    }                                                                                             \
    template <class... A>                                                                         \
    static Tensor matmul(const Tensor& a, const A&... b) {                                        \
      return ::parity::conf::adl::matmul_(a, b...);                                               \
    }                                                                                             \
    static Options dtype(::parity::ScalarType t) { return ::parity::dtype(t); }                   \
    static Tensor tensor(NS::NestedList d, Options o = {}) { return NS::tensor(d, o); }           \
    static Tensor zeros(Sizes s, Options o = {}) { return NS::zeros(s, o); }                      \
    static Tensor ones(Sizes s, Options o = {}) { return NS::ones(s, o); }                        \
    static Tensor empty(Sizes s, Options o = {}) { return NS::empty(s, o); }                      \
    static Tensor full(Sizes s, ::parity::Scalar v, Options o = {}) { return NS::full(s, v, o); } \
    static Tensor arange(::parity::Scalar e, Options o = {}) { return NS::arange(e, o); }         \
    static Tensor arange(::parity::Scalar b, ::parity::Scalar e, Options o = {}) {                \
      return NS::arange(b, e, o);                                                                 \
    }                                                                                             \
    static Tensor arange(::parity::Scalar b,                                                      \
                         ::parity::Scalar e,                                                      \
                         ::parity::Scalar s,                                                      \
                         Options o = {}) {                                                        \
      return NS::arange(b, e, s, o);                                                              \
    }                                                                                             \
    static Tensor linspace(::parity::Scalar b, ::parity::Scalar e, int64_t n, Options o = {}) {   \
      return NS::linspace(b, e, n, o);                                                            \
    }                                                                                             \
    static Tensor eye(int64_t n, Options o = {}) { return NS::eye(n, o); }                        \
    static Tensor eye(int64_t n, int64_t m, Options o = {}) { return NS::eye(n, m, o); }          \
    static Tensor zeros_like(const Tensor& t, Options o = {}) { return NS::zeros_like(t, o); }    \
    static Tensor ones_like(const Tensor& t, Options o = {}) { return NS::ones_like(t, o); }      \
    static Tensor empty_like(const Tensor& t, Options o = {}) { return NS::empty_like(t, o); }    \
    static Tensor full_like(const Tensor& t, ::parity::Scalar v, Options o = {}) {                \
      return NS::full_like(t, v, o);                                                              \
    }                                                                                             \
    static std::string repr(const Tensor& t) { return NS::repr(t); }                              \
    static std::string storage_repr(const Tensor& t) { return NS::repr(t.storage()); }            \
    static int64_t storage_size(const Tensor& t) { return t.storage().size(); }                   \
    static double storage_get(const Tensor& t, int64_t i) {                                       \
      return t.storage().get(i).toDouble();                                                       \
    }                                                                                             \
    static void storage_set(const Tensor& t, int64_t i, double v) { t.storage().set(i, v); }      \
    static ::parity::conf::TensorSnap snapshot(const Tensor& t) {                                 \
      ::parity::conf::TensorSnap s;                                                               \
      s.dtype = t.scalar_type();                                                                  \
      s.device = t.device().str();                                                                \
      s.sizes = t.sizes().vec();                                                                  \
      s.strides = t.strides().vec();                                                              \
      s.storage_offset = t.storage_offset();                                                      \
      s.requires_grad = t.requires_grad();                                                        \
      if (t.numel() > 0) ::parity::conf::readValues(s, t.data_ptr());                             \
      return s;                                                                                   \
    }                                                                                             \
    static ::parity::conf::ErrorInfo describe_error(std::exception_ptr p) {                       \
      return ::parity::conf::describeParityError(p);                                              \
    }                                                                                             \
    static bool is_not_implemented(std::exception_ptr p) {                                        \
      try {                                                                                       \
        std::rethrow_exception(p);                                                                \
      } catch (const ::parity::NotImplementedError&) {                                            \
        return true;                                                                              \
      } catch (...) {                                                                             \
        return false;                                                                             \
      }                                                                                           \
    }                                                                                             \
  }
