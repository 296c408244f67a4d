// The adapter for a parity engine. Both engines spell the same API
// (spec/API.md), so one definition serves both, stamped out per namespace.
#pragma once
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engines/interop_members.h"
#include "harness/record.h"
#include "harness/snapshot.h"
#include "parity/io/basic_value.h"
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

// A forwarder fwd_fn(args...) that calls fn(args...) found by ordinary lookup
// in the namespaces its enclosing namespace uses (at the template's
// definition) and by ADL: it compiles before an engine declares fn, and
// only a case that instantiates it needs fn.
#define PARITY_FORWARD(fn)            \
  template <class... A>               \
  decltype(auto) fwd_##fn(A&&... a) { \
    return fn(std::forward<A>(a)...); \
  }

// The issue 4 API of an engine (spec/API.md): free functions of NS, of
// NS::nn::init and of NS::fft (the adapters declare the nested namespaces).
#define PARITY_ENGINE_ISSUE4_FORWARDERS(Struct, NS) \
  namespace Struct##_api {                          \
    using namespace NS;                             \
    PARITY_FORWARD(make_generator)                  \
    PARITY_FORWARD(default_generator)               \
    PARITY_FORWARD(manual_seed)                     \
    PARITY_FORWARD(initial_seed)                    \
    PARITY_FORWARD(seed)                            \
    PARITY_FORWARD(get_rng_state)                   \
    PARITY_FORWARD(set_rng_state)                   \
    PARITY_FORWARD(rand)                            \
    PARITY_FORWARD(randn)                           \
    PARITY_FORWARD(randint)                         \
    PARITY_FORWARD(normal)                          \
    PARITY_FORWARD(randperm)                        \
    PARITY_FORWARD(bernoulli)                       \
    PARITY_FORWARD(rand_like)                       \
    PARITY_FORWARD(randn_like)                      \
    PARITY_FORWARD(randint_like)                    \
    PARITY_FORWARD(hann_window)                     \
    PARITY_FORWARD(hamming_window)                  \
    PARITY_FORWARD(blackman_window)                 \
    PARITY_FORWARD(bartlett_window)                 \
    PARITY_FORWARD(set_num_threads)                 \
    PARITY_FORWARD(get_num_threads)                 \
  }                                                 \
  namespace Struct##_init_api {                     \
    using namespace NS::nn::init;                   \
    PARITY_FORWARD(calculate_gain)                  \
    PARITY_FORWARD(_calculate_fan_in_and_fan_out)   \
    PARITY_FORWARD(constant_)                       \
    PARITY_FORWARD(zeros_)                          \
    PARITY_FORWARD(ones_)                           \
    PARITY_FORWARD(eye_)                            \
    PARITY_FORWARD(uniform_)                        \
    PARITY_FORWARD(normal_)                         \
    PARITY_FORWARD(xavier_uniform_)                 \
    PARITY_FORWARD(xavier_normal_)                  \
    PARITY_FORWARD(kaiming_uniform_)                \
    PARITY_FORWARD(kaiming_normal_)                 \
    PARITY_FORWARD(orthogonal_)                     \
    PARITY_FORWARD(trunc_normal_)                   \
  }                                                 \
  namespace Struct##_fft_api {                      \
    using namespace NS::fft;                        \
    PARITY_FORWARD(fft)                             \
    PARITY_FORWARD(ifft)                            \
    PARITY_FORWARD(rfft)                            \
    PARITY_FORWARD(irfft)                           \
  }

// Members of the adapter over those forwarders: templates, instantiated only
// where a case uses them. Sizes come first and untemplated so that braced
// lists ({3, 3}) still work.
#define PARITY_ENGINE_ISSUE4_MEMBERS(Struct)                                 \
  template <class... A>                                                      \
  static auto make_generator(const A&... a) {                                \
    return Struct##_api::fwd_make_generator(a...);                           \
  }                                                                          \
  template <class... A>                                                      \
  static auto default_generator(const A&... a) {                             \
    return Struct##_api::fwd_default_generator(a...);                        \
  }                                                                          \
  template <class... A>                                                      \
  static void manual_seed(const A&... a) {                                   \
    Struct##_api::fwd_manual_seed(a...);                                     \
  }                                                                          \
  template <class... A>                                                      \
  static uint64_t initial_seed(const A&... a) {                              \
    return Struct##_api::fwd_initial_seed(a...);                             \
  }                                                                          \
  template <class... A>                                                      \
  static uint64_t seed(const A&... a) {                                      \
    return Struct##_api::fwd_seed(a...);                                     \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor get_rng_state(const A&... a) {                               \
    return Struct##_api::fwd_get_rng_state(a...);                            \
  }                                                                          \
  template <class... A>                                                      \
  static void set_rng_state(const A&... a) {                                 \
    Struct##_api::fwd_set_rng_state(a...);                                   \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor rand(Sizes s, const A&... a) {                               \
    return Struct##_api::fwd_rand(s, a...);                                  \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randn(Sizes s, const A&... a) {                              \
    return Struct##_api::fwd_randn(s, a...);                                 \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randint(int64_t high, Sizes s, const A&... a) {              \
    return Struct##_api::fwd_randint(high, s, a...);                         \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randint(int64_t low, int64_t high, Sizes s, const A&... a) { \
    return Struct##_api::fwd_randint(low, high, s, a...);                    \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor normal(double mean, double std, Sizes s, const A&... a) {    \
    return Struct##_api::fwd_normal(mean, std, s, a...);                     \
  }                                                                          \
  template <class M, class... A>                                             \
  static Tensor normal(const M& mean, const A&... a) {                       \
    return Struct##_api::fwd_normal(mean, a...);                             \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randperm(int64_t n, const A&... a) {                         \
    return Struct##_api::fwd_randperm(n, a...);                              \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor bernoulli(const Tensor& t, const A&... a) {                  \
    return Struct##_api::fwd_bernoulli(t, a...);                             \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor rand_like(const Tensor& t, const A&... a) {                  \
    return Struct##_api::fwd_rand_like(t, a...);                             \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randn_like(const Tensor& t, const A&... a) {                 \
    return Struct##_api::fwd_randn_like(t, a...);                            \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor randint_like(const Tensor& t, const A&... a) {               \
    return Struct##_api::fwd_randint_like(t, a...);                          \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor hann_window(const A&... a) {                                 \
    return Struct##_api::fwd_hann_window(a...);                              \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor hamming_window(const A&... a) {                              \
    return Struct##_api::fwd_hamming_window(a...);                           \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor blackman_window(const A&... a) {                             \
    return Struct##_api::fwd_blackman_window(a...);                          \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor bartlett_window(const A&... a) {                             \
    return Struct##_api::fwd_bartlett_window(a...);                          \
  }                                                                          \
  template <class... A>                                                      \
  static void set_num_threads(const A&... a) {                               \
    Struct##_api::fwd_set_num_threads(a...);                                 \
  }                                                                          \
  template <class... A>                                                      \
  static int get_num_threads(const A&... a) {                                \
    return Struct##_api::fwd_get_num_threads(a...);                          \
  }                                                                          \
  /* fft(self, n, dim, norm): the complex form is a trailing dim of 2. */    \
  template <class... A>                                                      \
  static Tensor fft(const Tensor& t, const A&... a) {                        \
    return Struct##_fft_api::fwd_fft(t, a...);                               \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor ifft(const Tensor& t, const A&... a) {                       \
    return Struct##_fft_api::fwd_ifft(t, a...);                              \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor rfft(const Tensor& t, const A&... a) {                       \
    return Struct##_fft_api::fwd_rfft(t, a...);                              \
  }                                                                          \
  template <class... A>                                                      \
  static Tensor irfft(const Tensor& t, const A&... a) {                      \
    return Struct##_fft_api::fwd_irfft(t, a...);                             \
  }                                                                          \
  static constexpr auto kLinear = ::parity::kLinear;                         \
  static constexpr auto kConv1D = ::parity::kConv1D;                         \
  static constexpr auto kConv2D = ::parity::kConv2D;                         \
  static constexpr auto kConv3D = ::parity::kConv3D;                         \
  static constexpr auto kConvTranspose1D = ::parity::kConvTranspose1D;       \
  static constexpr auto kConvTranspose2D = ::parity::kConvTranspose2D;       \
  static constexpr auto kConvTranspose3D = ::parity::kConvTranspose3D;       \
  static constexpr auto kSigmoid = ::parity::kSigmoid;                       \
  static constexpr auto kTanh = ::parity::kTanh;                             \
  static constexpr auto kReLU = ::parity::kReLU;                             \
  static constexpr auto kLeakyReLU = ::parity::kLeakyReLU;                   \
  static constexpr auto kFanIn = ::parity::kFanIn;                           \
  static constexpr auto kFanOut = ::parity::kFanOut;                         \
  struct init {                                                              \
    template <class... A>                                                    \
    static double calculate_gain(const A&... a) {                            \
      return Struct##_init_api::fwd_calculate_gain(a...);                    \
    }                                                                        \
    template <class... A>                                                    \
    static auto _calculate_fan_in_and_fan_out(const A&... a) {               \
      return Struct##_init_api::fwd__calculate_fan_in_and_fan_out(a...);     \
    }                                                                        \
    PARITY_ENGINE_INIT_FILL(Struct, constant_)                               \
    PARITY_ENGINE_INIT_FILL(Struct, zeros_)                                  \
    PARITY_ENGINE_INIT_FILL(Struct, ones_)                                   \
    PARITY_ENGINE_INIT_FILL(Struct, eye_)                                    \
    PARITY_ENGINE_INIT_FILL(Struct, uniform_)                                \
    PARITY_ENGINE_INIT_FILL(Struct, normal_)                                 \
    PARITY_ENGINE_INIT_FILL(Struct, xavier_uniform_)                         \
    PARITY_ENGINE_INIT_FILL(Struct, xavier_normal_)                          \
    PARITY_ENGINE_INIT_FILL(Struct, kaiming_uniform_)                        \
    PARITY_ENGINE_INIT_FILL(Struct, kaiming_normal_)                         \
    PARITY_ENGINE_INIT_FILL(Struct, orthogonal_)                             \
    PARITY_ENGINE_INIT_FILL(Struct, trunc_normal_)                           \
  };

#define PARITY_ENGINE_INIT_FILL(Struct, fn)          \
  template <class... A>                              \
  static Tensor fn(const Tensor& t, const A&... a) { \
    return Struct##_init_api::fwd_##fn(t, a...);     \
  }

// The issue 5 save/load API (serialize.h, spec/API.md): free functions of
// NS, forwarded as above, with the engine's Value (io::BasicValue<Tensor>).
#define PARITY_ENGINE_SAVELOAD_FORWARDERS(Struct, NS) \
  namespace Struct##_io_api {                         \
    using namespace NS;                               \
    PARITY_FORWARD(save)                              \
    PARITY_FORWARD(save_state_dict)                   \
    PARITY_FORWARD(load)                              \
    PARITY_FORWARD(load_tensor)                       \
    PARITY_FORWARD(load_state_dict)                   \
  }

#define PARITY_ENGINE_SAVELOAD_MEMBERS(Struct, NS)                      \
  using Value = ::parity::io::BasicValue<NS::Tensor>;                   \
  using StateDict = std::vector<std::pair<std::string, Tensor>>;        \
  template <class... A>                                                 \
  static void save(A&&... a) {                                          \
    Struct##_io_api::fwd_save(std::forward<A>(a)...);                   \
  }                                                                     \
  template <class... A>                                                 \
  static void save_state_dict(const StateDict& sd, A&&... a) {          \
    Struct##_io_api::fwd_save_state_dict(sd, std::forward<A>(a)...);    \
  }                                                                     \
  template <class P>                                                    \
  static Value load(P&& from) {                                         \
    return Struct##_io_api::fwd_load(std::forward<P>(from));            \
  }                                                                     \
  template <class P>                                                    \
  static Tensor load_tensor(P&& from) {                                 \
    return Struct##_io_api::fwd_load_tensor(std::forward<P>(from));     \
  }                                                                     \
  template <class P>                                                    \
  static StateDict load_state_dict(P&& from) {                          \
    return Struct##_io_api::fwd_load_state_dict(std::forward<P>(from)); \
  }

// Struct: the adapter's name; NS: the engine namespace; LABEL: report name.
#define PARITY_DEFINE_ENGINE(Struct, NS, LABEL)                                                   \
  PARITY_ENGINE_ISSUE4_FORWARDERS(Struct, NS)                                                     \
  PARITY_ENGINE_SAVELOAD_FORWARDERS(Struct, NS)                                                   \
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
    PARITY_ENGINE_ISSUE4_MEMBERS(Struct)                                                          \
    PARITY_ENGINE_INTEROP_MEMBERS(NS)                                                             \
    PARITY_ENGINE_SAVELOAD_MEMBERS(Struct, NS)                                                    \
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
