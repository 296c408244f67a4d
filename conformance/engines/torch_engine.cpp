// The one translation unit that compiles LibTorch's adapter bodies; the
// case files only see the declarations above and LibTorch's inline API.
#include "engines/torch_engine.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <mutex>
#include <stdexcept>

namespace parity::conf {

static ScalarType toSpec(at::ScalarType t) {
  switch (t) {
    case at::kBool:
      return kBool;
    case at::kByte:
      return kByte;
    case at::kChar:
      return kChar;
    case at::kShort:
      return kShort;
    case at::kInt:
      return kInt;
    case at::kLong:
      return kLong;
    case at::kHalf:
      return kHalf;
    case at::kBFloat16:
      return kBFloat16;
    case at::kFloat:
      return kFloat;
    case at::kDouble:
      return kDouble;
    default:
      throw std::runtime_error("LibTorch dtype outside parity's ten");
  }
}

std::string TorchEngine::dtype_str(at::ScalarType t) { return pythonName(toSpec(t)); }

std::string TorchEngine::dtype_name(const Tensor& t) { return pythonName(toSpec(t.scalar_type())); }

int64_t TorchEngine::storage_size(const Tensor& t) {
  return static_cast<int64_t>(t.storage().nbytes() / t.element_size());
}

std::string TorchEngine::repr(const Tensor& t) {
  const at::Tensor c = t.detach().contiguous();
  return pythonRepr(toSpec(t.scalar_type()), c.sizes().vec(), c.data_ptr(),
                    static_cast<size_t>(c.nbytes()), t.requires_grad(), PrintWhat::Tensor);
}

std::string TorchEngine::storage_repr(const Tensor& t) {
  const int64_t n = storage_size(t);
  return pythonRepr(toSpec(t.scalar_type()), {n}, t.storage().data(), t.storage().nbytes(), false,
                    PrintWhat::Storage);
}

// Python's TypedStorage indexing, which LibTorch's untyped c10::Storage lacks.
static void checkStorageIndex(const at::Tensor& t, int64_t i) {
  const int64_t n = TorchEngine::storage_size(t);
  if (i < -n || i >= n)
    throw c10::IndexError(
        {__func__, __FILE__, __LINE__},
        "index " + std::to_string(i) + " out of range for storage of size " + std::to_string(n));
}

double TorchEngine::storage_get(const Tensor& t, int64_t i) {
  checkStorageIndex(t, i);
  const int64_t n = storage_size(t);
  const char* base = static_cast<const char*>(t.storage().data());
  return readReal(toSpec(t.scalar_type()), base + ((i + n) % n) * t.element_size());
}

void TorchEngine::storage_set(const Tensor& t, int64_t i, double v) {
  checkStorageIndex(t, i);
  const int64_t n = storage_size(t);
  at::Tensor whole = at::from_blob(t.storage().data(), {n}, t.options().requires_grad(false));
  // Like Python's TypedStorage.__setitem__, this does not bump the tensor's version.
  whole.select(0, (i + n) % n).fill_(v);
}

// --- Issue 4. The default generator is shared: lock it as Python's torch does.
TorchEngine::Generator TorchEngine::make_generator(uint64_t seed) {
  return at::detail::createCPUGenerator(seed);
}

TorchEngine::Generator TorchEngine::default_generator() {
  return at::detail::getDefaultCPUGenerator();
}

void TorchEngine::manual_seed(uint64_t seed) {
  auto gen = default_generator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.set_current_seed(seed);
}

uint64_t TorchEngine::initial_seed() { return default_generator().current_seed(); }

uint64_t TorchEngine::seed() {
  auto gen = default_generator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.seed();
}

at::Tensor TorchEngine::get_rng_state() {
  auto gen = default_generator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.get_state();
}

void TorchEngine::set_rng_state(const at::Tensor& state) {
  auto gen = default_generator();
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.set_state(state);
}

void TorchEngine::set_num_threads(int n) { at::set_num_threads(n); }

int TorchEngine::get_num_threads() { return at::get_num_threads(); }

static c10::optional<int64_t> toC10(std::optional<int64_t> v) {
  return v ? c10::optional<int64_t>(*v) : c10::nullopt;
}

static c10::optional<c10::string_view> toC10(std::optional<std::string_view> v) {
  return v ? c10::optional<c10::string_view>(c10::string_view(v->data(), v->size())) : c10::nullopt;
}

// The complex tensor a trailing dim of 2 stands for: a view when
// view_as_complex can make one (what a parity engine reads in place), else
// a view of a contiguous copy.
static at::Tensor asComplex(const at::Tensor& x) {
  bool viewable = x.dim() >= 1 && x.stride(-1) == 1 && x.storage_offset() % 2 == 0;
  for (int64_t d = 0; viewable && d + 1 < x.dim(); ++d) viewable = x.stride(d) % 2 == 0;
  return torch::view_as_complex(viewable ? x : x.contiguous());
}

at::Tensor TorchEngine::fft(const at::Tensor& self,
                            std::optional<int64_t> n,
                            int64_t dim,
                            std::optional<std::string_view> norm) {
  return torch::view_as_real(at::fft_fft(self, toC10(n), dim, toC10(norm)));
}

at::Tensor TorchEngine::ifft(const at::Tensor& self,
                             std::optional<int64_t> n,
                             int64_t dim,
                             std::optional<std::string_view> norm) {
  return torch::view_as_real(at::fft_ifft(asComplex(self), toC10(n), dim, toC10(norm)));
}

at::Tensor TorchEngine::rfft(const at::Tensor& self,
                             std::optional<int64_t> n,
                             int64_t dim,
                             std::optional<std::string_view> norm) {
  return torch::view_as_real(at::fft_rfft(self, toC10(n), dim, toC10(norm)));
}

at::Tensor TorchEngine::irfft(const at::Tensor& self,
                              std::optional<int64_t> n,
                              int64_t dim,
                              std::optional<std::string_view> norm) {
  return at::fft_irfft(asComplex(self), toC10(n), dim, toC10(norm));
}

at::Tensor TorchEngine::init::trunc_normal_(
    at::Tensor t, double mean, double std, double a, double b) {
  // Python 1.13's _no_grad_trunc_normal_: the CDF bounds in double.
  auto cdf = [](double x) { return (1. + std::erf(x / std::sqrt(2.))) / 2.; };
  const double l = cdf((a - mean) / std), u = cdf((b - mean) / std);
  at::NoGradGuard no_grad;
  t.uniform_(2 * l - 1, 2 * u - 1);
  t.erfinv_();
  t.mul_(std * std::sqrt(2.));
  t.add_(mean);
  t.clamp_(a, b);
  return t;
}

TensorSnap TorchEngine::snapshot(const Tensor& t) {
  TensorSnap s;
  s.dtype = toSpec(t.scalar_type());
  s.device = t.device().str();
  s.sizes = t.sizes().vec();
  s.strides = t.strides().vec();
  s.storage_offset = t.storage_offset();
  s.requires_grad = t.requires_grad();
  if (t.numel() > 0) readValues(s, t.data_ptr());
  return s;
}

ErrorInfo TorchEngine::describe_error(std::exception_ptr p) {
  // The mapping Python's torch applies to C++ exceptions (torch/csrc/Exceptions.h).
  try {
    std::rethrow_exception(p);
  } catch (const c10::IndexError& e) {
    return {"IndexError", e.what_without_backtrace()};
  } catch (const c10::ValueError& e) {
    return {"ValueError", e.what_without_backtrace()};
  } catch (const c10::TypeError& e) {
    return {"TypeError", e.what_without_backtrace()};
  } catch (const c10::NotImplementedError& e) {
    return {"NotImplementedError", e.what_without_backtrace()};
  } catch (const c10::Error& e) {
    return {"RuntimeError", e.what_without_backtrace()};
  } catch (const std::exception& e) {
    return {"RuntimeError", e.what()};
  }
}

bool TorchEngine::is_not_implemented(std::exception_ptr p) {
  try {
    std::rethrow_exception(p);
  } catch (const c10::NotImplementedError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace parity::conf
