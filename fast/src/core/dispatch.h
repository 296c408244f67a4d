// dtype -> C++ type dispatch, done once per operation (never per element).
#pragma once
#include <utility>

#include "parity/spec.h"

namespace parity::fast::core {

template <class T>
struct TypeTag {
  using type = T;
};

template <class F>
decltype(auto) dispatch_dtype(ScalarType t, F&& f) {
  switch (t) {
    case kBool:
      return f(TypeTag<bool>{});
    case kByte:
      return f(TypeTag<uint8_t>{});
    case kChar:
      return f(TypeTag<int8_t>{});
    case kShort:
      return f(TypeTag<int16_t>{});
    case kInt:
      return f(TypeTag<int32_t>{});
    case kLong:
      return f(TypeTag<int64_t>{});
    case kHalf:
      return f(TypeTag<Half>{});
    case kBFloat16:
      return f(TypeTag<BFloat16>{});
    case kFloat:
      return f(TypeTag<float>{});
    case kDouble:
      return f(TypeTag<double>{});
  }
  throw Error("parity::fast: unknown dtype");
}

inline int dtype_index(ScalarType t) { return static_cast<int>(t); }
inline constexpr int kNumDtypes = 10;

}  // namespace parity::fast::core
