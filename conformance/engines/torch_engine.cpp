// The one translation unit that compiles LibTorch's adapter bodies; the
// case files only see the declarations above and LibTorch's inline API.
#include "engines/torch_engine.h"

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
