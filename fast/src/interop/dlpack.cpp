// DLPack 0.6 export and import with LibTorch 1.13's rules and messages.
// The export is one allocation: the DLManagedTensor, a reference to the
// tensor, and the shape and strides side by side in one array.
#include <memory>
#include <string>

#include "parity/fast/interop.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

struct DLExport {
  DLManagedTensor managed;
  Tensor keep;
  std::unique_ptr<int64_t[]> dims;  // shape[ndim], then strides[ndim]
};

void release_export(DLManagedTensor* self) { delete static_cast<DLExport*>(self->manager_ctx); }

uint8_t dl_code(ScalarType t) {
  switch (t) {
    case kBool:
      throw Error("Bool type is not supported by dlpack");
    case kByte:
      return kDLUInt;
    case kHalf:
    case kFloat:
    case kDouble:
      return kDLFloat;
    case kBFloat16:
      return kDLBfloat;
    default:
      return kDLInt;
  }
}

// LibTorch's toScalarType(DLDataType), its messages included.
ScalarType from_dl(DLDataType d) {
  if (d.lanes != 1) throw Error("ATen does not support lanes != 1");
  const int b = d.bits;
  if (d.code == kDLUInt) {
    if (b == 8) return kByte;
    throw Error("Unsupported kUInt bits " + std::to_string(b));
  }
  if (d.code == kDLInt) {
    switch (b) {
      case 8:
        return kChar;
      case 16:
        return kShort;
      case 32:
        return kInt;
      case 64:
        return kLong;
    }
    throw Error("Unsupported kInt bits " + std::to_string(b));
  }
  if (d.code == kDLFloat) {
    switch (b) {
      case 16:
        return kHalf;
      case 32:
        return kFloat;
      case 64:
        return kDouble;
    }
    throw Error("Unsupported kFloat bits " + std::to_string(b));
  }
  if (d.code == kDLBfloat) {
    if (b == 16) return kBFloat16;
    throw Error("Unsupported kBfloat bits " + std::to_string(b));
  }
  throw Error("Unsupported code " + std::to_string(d.code));
}

}  // namespace

DLManagedTensor* toDLPack(const Tensor& src) {
  const uint8_t code = dl_code(src.scalar_type());
  const int64_t nd = src.dim();
  auto* e = new DLExport{{}, src, std::make_unique<int64_t[]>(static_cast<size_t>(2 * nd))};
  int64_t* shape = e->dims.get();
  int64_t* strides = shape + nd;
  for (int64_t d = 0; d < nd; ++d) {
    shape[d] = src.sizes()[d];
    // gh-83069 (in LibTorch 1.13): size 0 or 1 dims get stride 1.
    strides[d] = shape[d] < 2 ? 1 : src.strides()[d];
  }
  DLTensor& t = e->managed.dl_tensor;
  t.data = src.data_ptr();
  t.device = {kDLCPU, 0};
  t.ndim = static_cast<int32_t>(nd);
  t.dtype = {code, static_cast<uint8_t>(8 * src.element_size()), 1};
  t.shape = shape;
  t.strides = strides;
  t.byte_offset = 0;
  e->managed.manager_ctx = e;
  e->managed.deleter = &release_export;
  return &e->managed;
}

Tensor fromDLPack(DLManagedTensor* src) {
  if (!src) throw Error("fromDLPack: the DLManagedTensor is null");
  const DLTensor& t = src->dl_tensor;
  if (t.device.device_type != kDLCPU)
    throw Error("Unsupported device_type: " + std::to_string(t.device.device_type));
  const ScalarType dtype = from_dl(t.dtype);
  if (t.ndim < 0 || (t.ndim > 0 && !t.shape))
    throw Error("fromDLPack: ndim " + std::to_string(t.ndim) +
                " needs a shape array of that length");
  const IntArrayRef sizes(t.shape, static_cast<size_t>(t.ndim));
  const DimVector strides = t.strides
                                ? DimVector(IntArrayRef(t.strides, static_cast<size_t>(t.ndim)))
                                : meta::contiguous_strides(sizes);
  return from_blob(
      static_cast<char*>(t.data) + t.byte_offset, sizes, strides.ref(),
      [src](void*) {
        if (src->deleter) src->deleter(src);
      },
      TensorOptions(dtype));
}

}  // namespace parity::fast
