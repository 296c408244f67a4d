// DLPack export and import (dlpack.h 0.6), with LibTorch 1.13's rules and
// messages (at::toDLPack / at::fromDLPack).
#include <memory>
#include <string>
#include <vector>

#include "parity/ref/interop.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// What an exported DLManagedTensor owns: a reference to the tensor and the
// shape and stride arrays the DLTensor points into.
struct Exported {
  Tensor handle;
  std::vector<int64_t> shape, strides;
  DLManagedTensor managed{};
};

DLDataType dl_dtype(ScalarType t) {
  DLDataType d;
  d.lanes = 1;
  d.bits = static_cast<uint8_t>(elementSize(t) * 8);
  switch (t) {
    case kByte:
      d.code = kDLUInt;
      break;
    case kChar:
    case kShort:
    case kInt:
    case kLong:
      d.code = kDLInt;
      break;
    case kHalf:
    case kFloat:
    case kDouble:
      d.code = kDLFloat;
      break;
    case kBFloat16:
      d.code = kDLBfloat;
      break;
    case kBool:
      throw Error("Bool type is not supported by dlpack");
  }
  return d;
}

ScalarType scalar_type(const DLDataType& d) {
  if (d.lanes != 1) throw Error("ATen does not support lanes != 1");
  const std::string bits = std::to_string(d.bits);
  switch (d.code) {
    case kDLUInt:
      if (d.bits == 8) return kByte;
      throw Error("Unsupported kUInt bits " + bits);
    case kDLInt:
      if (d.bits == 8) return kChar;
      if (d.bits == 16) return kShort;
      if (d.bits == 32) return kInt;
      if (d.bits == 64) return kLong;
      throw Error("Unsupported kInt bits " + bits);
    case kDLFloat:
      if (d.bits == 16) return kHalf;
      if (d.bits == 32) return kFloat;
      if (d.bits == 64) return kDouble;
      throw Error("Unsupported kFloat bits " + bits);
    case kDLBfloat:
      if (d.bits == 16) return kBFloat16;
      throw Error("Unsupported kBfloat bits " + bits);
    default:
      throw Error("Unsupported code " + std::to_string(d.code));
  }
}

}  // namespace

DLManagedTensor* toDLPack(const Tensor& src) {
  const DLDataType dtype = dl_dtype(src.scalar_type());
  auto owner = std::make_unique<Exported>();
  owner->handle = src;
  owner->shape = src.sizes().vec();
  owner->strides = src.strides().vec();
  // LibTorch 1.13 (gh-83069): a dim of size 0 or 1 is given stride 1.
  for (size_t d = 0; d < owner->shape.size(); ++d)
    if (owner->shape[d] < 2) owner->strides[d] = 1;
  DLTensor& t = owner->managed.dl_tensor;
  t.data = src.data_ptr();
  t.device = DLDevice{kDLCPU, 0};
  t.ndim = static_cast<int32_t>(src.dim());
  t.dtype = dtype;
  t.shape = owner->shape.data();
  t.strides = owner->strides.data();
  t.byte_offset = 0;
  owner->managed.manager_ctx = owner.get();
  owner->managed.deleter = [](DLManagedTensor* self) {
    delete static_cast<Exported*>(self->manager_ctx);
  };
  return &owner.release()->managed;
}

Tensor fromDLPack(DLManagedTensor* src) {
  if (src == nullptr) throw Error("fromDLPack: the DLManagedTensor is null");
  const DLTensor& t = src->dl_tensor;
  if (t.device.device_type != kDLCPU)
    throw Error("Unsupported device_type: " + std::to_string(t.device.device_type));
  const ScalarType dtype = scalar_type(t.dtype);
  if (t.ndim < 0 || (t.ndim > 0 && t.shape == nullptr))
    throw Error("fromDLPack: ndim " + std::to_string(t.ndim) +
                " needs a shape array of that length");
  std::vector<int64_t> sizes(t.shape, t.shape + t.ndim);
  std::vector<int64_t> strides =
      t.strides ? std::vector<int64_t>(t.strides, t.strides + t.ndim) : contiguous_strides(sizes);
  auto release = [src](void*) {
    if (src->deleter) src->deleter(src);
  };
  void* data = static_cast<char*>(t.data) + t.byte_offset;
  return from_blob(data, sizes, strides, release, TensorOptions(dtype));
}

}  // namespace parity::ref
