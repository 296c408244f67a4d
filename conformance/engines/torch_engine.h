// Adapter: LibTorch, the oracle. Printing comes from Python's torch 1.13
// (python_oracle.h), because LibTorch's C++ printer is not what print(t)
// shows and DESIGN.md says Python's form is the contract.
#pragma once
#include <torch/types.h>

#include <exception>
#include <string>
#include <string_view>

#include "harness/python_oracle.h"
#include "harness/record.h"
#include "harness/snapshot.h"

namespace parity::conf {

struct TorchEngine {
  static constexpr const char* name = "libtorch";
  using Tensor = at::Tensor;
  using Options = c10::TensorOptions;
  using Sizes = at::IntArrayRef;
  // A slice bound that takes what cases and fuzzers pass: an integer,
  // LibTorch's None (c10::nullopt) or a std::optional.
  struct Bound {
    c10::optional<int64_t> v;
    Bound(int64_t x) : v(x) {}         // NOLINT: implicit on purpose
    Bound(int x) : v(x) {}             // NOLINT
    Bound(c10::nullopt_t) {}           // NOLINT
    Bound(std::nullopt_t) {}           // NOLINT
    Bound(std::optional<int64_t> x) {  // NOLINT
      if (x) v = *x;
    }
  };
  // A function rather than the type, so that cases can write E::Slice(1, 3).
  static at::indexing::Slice Slice(Bound start = c10::nullopt,
                                   Bound stop = c10::nullopt,
                                   Bound step = c10::nullopt) {
    return at::indexing::Slice(start.v, stop.v, step.v);
  }
  using TensorIndex = at::indexing::TensorIndex;
  template <class T>
  using Opt = c10::optional<T>;  // std::optional on the parity engines
  static constexpr auto None = at::indexing::None;
  static inline const auto& Ellipsis = at::indexing::Ellipsis;
  static constexpr auto kBool = at::kBool, kUInt8 = at::kByte, kInt8 = at::kChar,
                        kInt16 = at::kShort, kInt32 = at::kInt, kInt64 = at::kLong,
                        kFloat16 = at::kHalf, kBFloat16 = at::kBFloat16, kFloat32 = at::kFloat,
                        kFloat64 = at::kDouble;
  static Options dtype(at::ScalarType t) { return torch::dtype(t); }

  static Tensor tensor(torch::detail::TensorDataContainer d, Options o = {}) {
    return torch::tensor(d, o);
  }
  static Tensor zeros(Sizes s, Options o = {}) { return torch::zeros(s, o); }
  static Tensor ones(Sizes s, Options o = {}) { return torch::ones(s, o); }
  static Tensor empty(Sizes s, Options o = {}) { return torch::empty(s, o); }
  static Tensor full(Sizes s, const at::Scalar& v, Options o = {}) { return torch::full(s, v, o); }
  static Tensor arange(const at::Scalar& e, Options o = {}) { return torch::arange(e, o); }
  static Tensor arange(const at::Scalar& b, const at::Scalar& e, Options o = {}) {
    return torch::arange(b, e, o);
  }
  static Tensor arange(const at::Scalar& b,
                       const at::Scalar& e,
                       const at::Scalar& s,
                       Options o = {}) {
    return torch::arange(b, e, s, o);
  }
  static Tensor linspace(const at::Scalar& b, const at::Scalar& e, int64_t n, Options o = {}) {
    return torch::linspace(b, e, n, o);
  }
  static Tensor eye(int64_t n, Options o = {}) { return torch::eye(n, o); }
  static Tensor eye(int64_t n, int64_t m, Options o = {}) { return torch::eye(n, m, o); }
  static Tensor zeros_like(const Tensor& t, Options o = {}) { return torch::zeros_like(t, o); }
  static Tensor ones_like(const Tensor& t, Options o = {}) { return torch::ones_like(t, o); }
  static Tensor empty_like(const Tensor& t, Options o = {}) { return torch::empty_like(t, o); }
  static Tensor full_like(const Tensor& t, const at::Scalar& v, Options o = {}) {
    return torch::full_like(t, v, o);
  }

  static std::string dtype_name(const Tensor& t);  // Python's spelling, "torch.float32"
  static std::string dtype_str(at::ScalarType t);
  template <class A, class B>
  static at::ScalarType result_type(const A& a, const B& b) {
    return at::result_type(a, b);
  }
  static std::vector<Tensor> broadcast_tensors(const std::vector<Tensor>& v) {
    return at::broadcast_tensors(v);
  }
  // Free functions of issue 3 (members are called directly). Templates, as in
  // parity_engine.h, so each is compiled only where a case uses it.
  template <class... A>
  static Tensor where(const Tensor& cond, const A&... a) {
    return torch::where(cond, a...);
  }
  template <class S>
  static Tensor pow(const S& self, const Tensor& exponent) {
    return torch::pow(self, exponent);
  }
  template <class V = std::vector<Tensor>>
  static Tensor cat(const V& v, int64_t dim = 0) {
    return torch::cat(v, dim);
  }
  template <class V = std::vector<Tensor>>
  static Tensor stack(const V& v, int64_t dim = 0) {
    return torch::stack(v, dim);
  }
  template <class V = std::vector<Tensor>>
  static Tensor einsum(std::string_view equation, const V& v) {
    return torch::einsum(c10::string_view(equation.data(), equation.size()), v);
  }
  template <class... A>
  static Tensor matmul(const Tensor& a, const A&... b) {
    return torch::matmul(a, b...);
  }
  static std::string repr(const Tensor& t);
  static std::string storage_repr(const Tensor& t);
  static int64_t storage_size(const Tensor& t);
  static double storage_get(const Tensor& t, int64_t i);
  static void storage_set(const Tensor& t, int64_t i, double v);
  static TensorSnap snapshot(const Tensor& t);
  static ErrorInfo describe_error(std::exception_ptr p);
  static bool is_not_implemented(std::exception_ptr p);
};

}  // namespace parity::conf
