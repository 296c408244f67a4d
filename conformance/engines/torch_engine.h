// Adapter: LibTorch, the oracle. Printing comes from Python's torch 1.13
// (python_oracle.h), because LibTorch's C++ printer is not what print(t)
// shows and DESIGN.md says Python's form is the contract.
#pragma once
#include <ATen/CPUGeneratorImpl.h>
#include <dlpack/dlpack.h>
#include <torch/nn/init.h>
#include <torch/types.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "harness/python_oracle.h"
#include "harness/record.h"
#include "harness/snapshot.h"
#include "parity/io/basic_value.h"
#include "parity/io/limits.h"

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

  // --- Random numbers, nn::init and spectral ops (issue 4), under the
  // parity engines' names (spec/API.md).
  using Generator = at::Generator;
  static Generator make_generator(uint64_t seed = c10::default_rng_seed_val);
  static Generator default_generator();
  static void manual_seed(uint64_t seed);  // Python's torch.manual_seed, CPU part
  static uint64_t initial_seed();
  static uint64_t seed();
  static Tensor get_rng_state();
  static void set_rng_state(const Tensor& state);
  template <class... A>
  static Tensor rand(Sizes s, const A&... a) {
    return torch::rand(s, a...);
  }
  template <class... A>
  static Tensor randn(Sizes s, const A&... a) {
    return torch::randn(s, a...);
  }
  template <class... A>
  static Tensor randint(int64_t high, Sizes s, const A&... a) {
    return torch::randint(high, s, a...);
  }
  template <class... A>
  static Tensor randint(int64_t low, int64_t high, Sizes s, const A&... a) {
    return torch::randint(low, high, s, a...);
  }
  template <class... A>
  static Tensor normal(double mean, double std, Sizes s, const A&... a) {
    return torch::normal(mean, std, s, a...);
  }
  template <class M, class... A>
  static Tensor normal(const M& mean, const A&... a) {
    return at::normal(mean, a...);  // torch::normal holds the factory only
  }
  template <class... A>
  static Tensor randperm(int64_t n, const A&... a) {
    return torch::randperm(n, a...);
  }
  template <class... A>
  static Tensor bernoulli(const Tensor& t, const A&... a) {
    return torch::bernoulli(t, a...);
  }
  template <class... A>
  static Tensor rand_like(const Tensor& t, const A&... a) {
    return torch::rand_like(t, a...);
  }
  template <class... A>
  static Tensor randn_like(const Tensor& t, const A&... a) {
    return torch::randn_like(t, a...);
  }
  template <class... A>
  static Tensor randint_like(const Tensor& t, const A&... a) {
    return torch::randint_like(t, a...);
  }
  template <class... A>
  static Tensor hann_window(const A&... a) {
    return torch::hann_window(a...);
  }
  template <class... A>
  static Tensor hamming_window(const A&... a) {
    return torch::hamming_window(a...);
  }
  template <class... A>
  static Tensor blackman_window(const A&... a) {
    return torch::blackman_window(a...);
  }
  template <class... A>
  static Tensor bartlett_window(const A&... a) {
    return torch::bartlett_window(a...);
  }
  static void set_num_threads(int n);
  static int get_num_threads();
  // The parity engines have no complex dtype: complex values are a trailing
  // dim of 2, as torch.view_as_real shows them.
  static Tensor fft(const Tensor& self,
                    std::optional<int64_t> n = std::nullopt,
                    int64_t dim = -1,
                    std::optional<std::string_view> norm = std::nullopt);
  static Tensor ifft(const Tensor& self,
                     std::optional<int64_t> n = std::nullopt,
                     int64_t dim = -1,
                     std::optional<std::string_view> norm = std::nullopt);
  static Tensor rfft(const Tensor& self,
                     std::optional<int64_t> n = std::nullopt,
                     int64_t dim = -1,
                     std::optional<std::string_view> norm = std::nullopt);
  static Tensor irfft(const Tensor& self,
                      std::optional<int64_t> n = std::nullopt,
                      int64_t dim = -1,
                      std::optional<std::string_view> norm = std::nullopt);
  static inline const auto& kLinear = torch::kLinear;
  static inline const auto& kConv1D = torch::kConv1D;
  static inline const auto& kConv2D = torch::kConv2D;
  static inline const auto& kConv3D = torch::kConv3D;
  static inline const auto& kConvTranspose1D = torch::kConvTranspose1D;
  static inline const auto& kConvTranspose2D = torch::kConvTranspose2D;
  static inline const auto& kConvTranspose3D = torch::kConvTranspose3D;
  static inline const auto& kSigmoid = torch::kSigmoid;
  static inline const auto& kTanh = torch::kTanh;
  static inline const auto& kReLU = torch::kReLU;
  static inline const auto& kLeakyReLU = torch::kLeakyReLU;
  static inline const auto& kFanIn = torch::kFanIn;
  static inline const auto& kFanOut = torch::kFanOut;
  struct init {
    template <class... A>
    static double calculate_gain(const A&... a) {
      return torch::nn::init::calculate_gain(a...);
    }
    static std::tuple<int64_t, int64_t> _calculate_fan_in_and_fan_out(const Tensor& t) {
      return torch::nn::init::_calculate_fan_in_and_fan_out(t);
    }
#define PARITY_TORCH_INIT_FILL(fn)                   \
  template <class... A>                              \
  static Tensor fn(const Tensor& t, const A&... a) { \
    return torch::nn::init::fn(t, a...);             \
  }
    PARITY_TORCH_INIT_FILL(constant_)
    PARITY_TORCH_INIT_FILL(zeros_)
    PARITY_TORCH_INIT_FILL(ones_)
    PARITY_TORCH_INIT_FILL(eye_)
    PARITY_TORCH_INIT_FILL(uniform_)
    PARITY_TORCH_INIT_FILL(normal_)
    PARITY_TORCH_INIT_FILL(xavier_uniform_)
    PARITY_TORCH_INIT_FILL(xavier_normal_)
    PARITY_TORCH_INIT_FILL(kaiming_uniform_)
    PARITY_TORCH_INIT_FILL(kaiming_normal_)
    PARITY_TORCH_INIT_FILL(orthogonal_)
#undef PARITY_TORCH_INIT_FILL
    // Python's torch.nn.init.trunc_normal_ (1.13); LibTorch's C++ API lacks it.
    static Tensor trunc_normal_(
        Tensor t, double mean = 0, double std = 1, double a = -2, double b = 2);
  };

  // --- save/load (issue 5, spec/clauses/serialization.md) through
  // LibTorch's torch::pickle_save / torch::pickle_load, the Python-format
  // pair. Where they cannot express something (an OrderedDict, a file
  // pickle_load refuses although torch.load reads it) they throw Unavailable.
  using Value = ::parity::io::BasicValue<at::Tensor>;
  using StateDict = std::vector<std::pair<std::string, Tensor>>;
  static void save(const Value& v, const std::string& path);
  static void save(const Value& v, std::ostream& out);
  static void save(const Tensor& t, const std::string& path) { save(Value(t), path); }
  static void save(const Tensor& t, std::ostream& out) { save(Value(t), out); }
  static void save_state_dict(const StateDict& sd, const std::string& path);
  static void save_state_dict(const StateDict& sd, std::ostream& out);
  static Value load(const std::string& path);
  static Value load(std::istream& in);
  static Tensor load_tensor(const std::string& path) { return load(path).toTensor(); }
  static Tensor load_tensor(std::istream& in) { return load(in).toTensor(); }
  static StateDict load_state_dict(const std::string& path);
  static StateDict load_state_dict(std::istream& in);

  // --- interop (spec/clauses/interop.md): LibTorch's torch::from_blob and
  // at::toDLPack / at::fromDLPack. LibTorch has no .npy or HDF5 API: those
  // go through spec/io's byte layers (npy.h, hdf5_file.h) with the tensor
  // side done by LibTorch (a Fortran-order array as np.load builds it: the
  // reversed shape, transposed), so the engines' tensor side is still judged.
  using Deleter = std::function<void(void*)>;
  static Tensor from_blob(void* d, Sizes s, const Deleter& del, Options o = {}) {
    return torch::from_blob(d, s, del, o);
  }
  static Tensor from_blob(void* d, Sizes s, Sizes st, const Deleter& del, Options o = {}) {
    return torch::from_blob(d, s, st, del, o);
  }
  static Tensor from_blob(void* d, Sizes s, Options o = {}) { return torch::from_blob(d, s, o); }
  static Tensor from_blob(void* d, Sizes s, Sizes st, Options o) {
    return torch::from_blob(d, s, st, o);
  }
  static DLManagedTensor* toDLPack(const Tensor& t);
  static Tensor fromDLPack(DLManagedTensor* m);
  static void save_npy(const Tensor& t, const std::string& path);
  static Tensor load_npy(const std::string& path, const ::parity::io::LoadLimits& limits = {});
  static void h5_write(const std::string& path, const std::string& dataset, const Tensor& t);
  static Tensor h5_read(const std::string& path, const std::string& dataset);
  static Tensor h5_read(const std::string& path,
                        const std::string& dataset,
                        int64_t start,
                        std::optional<int64_t> stop);

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
