// Internal: the one dtype dispatch. Calls f.template operator()<T>() with
// T the C++ type stored for `dtype`, like AT_DISPATCH_ALL_TYPES_AND3.
#pragma once
#include "parity/ref/vocabulary.h"

namespace parity::ref {

template <class F>
decltype(auto) dispatch_dtype(ScalarType dtype, F&& f) {
  switch (dtype) {
    case kBool:
      return f.template operator()<bool>();
    case kByte:
      return f.template operator()<uint8_t>();
    case kChar:
      return f.template operator()<int8_t>();
    case kShort:
      return f.template operator()<int16_t>();
    case kInt:
      return f.template operator()<int32_t>();
    case kLong:
      return f.template operator()<int64_t>();
    case kHalf:
      return f.template operator()<Half>();
    case kBFloat16:
      return f.template operator()<BFloat16>();
    case kFloat:
      return f.template operator()<float>();
    case kDouble:
      return f.template operator()<double>();
  }
  throw Error("unknown ScalarType");
}

}  // namespace parity::ref
