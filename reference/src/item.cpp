// Element access: item(), item<T>(), data_ptr(), data_ptr<T>().
#include <sstream>

#include "element.h"
#include "tensor_impl.h"

namespace parity::ref {

Scalar Tensor::item() const {
  const TensorImpl& t = checked_impl();
  if (numel() != 1) {
    std::ostringstream msg;
    msg << "a Tensor with " << numel() << " elements cannot be converted to Scalar";
    throw Error(msg.str());
  }
  return read_at(t, t.offset);
}

// LibTorch's item<T>() is item().to<T>(): range-checked, then converted.
template <class T>
T Tensor::item() const {
  const Scalar value = item();
  check_convertible(value, scalarTypeOf<T>());
  return convert_scalar<T>(value);
}

void* Tensor::data_ptr() const {
  const TensorImpl& t = checked_impl();
  if (t.storage->bytes.empty()) return nullptr;
  return t.storage->bytes.data() + t.offset * static_cast<int64_t>(elementSize(t.dtype));
}

template <class T>
T* Tensor::data_ptr() const {
  if (scalarTypeOf<T>() != scalar_type())
    throw Error(std::string("expected scalar type ") + toString(scalarTypeOf<T>()) + " but found " +
                toString(scalar_type()));
  return static_cast<T*>(data_ptr());
}

template bool Tensor::item<bool>() const;
template uint8_t Tensor::item<uint8_t>() const;
template int8_t Tensor::item<int8_t>() const;
template int16_t Tensor::item<int16_t>() const;
template int32_t Tensor::item<int32_t>() const;
template int64_t Tensor::item<int64_t>() const;
template Half Tensor::item<Half>() const;
template BFloat16 Tensor::item<BFloat16>() const;
template float Tensor::item<float>() const;
template double Tensor::item<double>() const;

template bool* Tensor::data_ptr<bool>() const;
template uint8_t* Tensor::data_ptr<uint8_t>() const;
template int8_t* Tensor::data_ptr<int8_t>() const;
template int16_t* Tensor::data_ptr<int16_t>() const;
template int32_t* Tensor::data_ptr<int32_t>() const;
template int64_t* Tensor::data_ptr<int64_t>() const;
template Half* Tensor::data_ptr<Half>() const;
template BFloat16* Tensor::data_ptr<BFloat16>() const;
template float* Tensor::data_ptr<float>() const;
template double* Tensor::data_ptr<double>() const;

}  // namespace parity::ref
