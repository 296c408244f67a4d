#include "snapshot.h"

#include <cmath>
#include <sstream>

namespace parity::conf {

int64_t TensorSnap::numel() const {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  return n;
}

std::string TensorSnap::describe() const {
  std::ostringstream os;
  auto list = [&](const std::vector<int64_t>& v) {
    os << "[";
    for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
    os << "]";
  };
  os << toString(dtype) << " sizes=";
  list(sizes);
  os << " strides=";
  list(strides);
  os << " offset=" << storage_offset << " values=[";
  const size_t n = reals.size() + ints.size();
  for (size_t i = 0; i < n && i < 12; ++i) {
    os << (i ? ", " : "");
    if (reals.empty())
      os << ints[i];
    else
      os << reals[i];
  }
  if (n > 12) os << ", ...";
  os << "]";
  return os.str();
}

double halfBitsToDouble(uint16_t h) {
  const int sign = h >> 15, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
  double v;
  if (exp == 0)
    v = std::ldexp(man, -24);
  else if (exp == 31)
    v = man ? NAN : INFINITY;
  else
    v = std::ldexp(man + 1024, exp - 25);
  return sign ? -v : v;
}

double bfloat16BitsToDouble(uint16_t b) {
  const uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

template <class T>
static T load(const void* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

double readReal(ScalarType t, const void* p) {
  switch (t) {
    case kHalf:
      return halfBitsToDouble(load<uint16_t>(p));
    case kBFloat16:
      return bfloat16BitsToDouble(load<uint16_t>(p));
    case kFloat:
      return load<float>(p);
    case kDouble:
      return load<double>(p);
    default:
      return static_cast<double>(readInt(t, p));
  }
}

int64_t readInt(ScalarType t, const void* p) {
  switch (t) {
    case kBool:
      return load<uint8_t>(p) != 0;
    case kByte:
      return load<uint8_t>(p);
    case kChar:
      return load<int8_t>(p);
    case kShort:
      return load<int16_t>(p);
    case kInt:
      return load<int32_t>(p);
    case kLong:
      return load<int64_t>(p);
    default:
      return static_cast<int64_t>(readReal(t, p));
  }
}

void readValues(TensorSnap& snap, const void* first) {
  const int64_t n = snap.numel();
  const bool real = isFloatingType(snap.dtype);
  const int64_t item = static_cast<int64_t>(elementSize(snap.dtype));
  std::vector<int64_t> idx(snap.sizes.size(), 0);
  for (int64_t k = 0; k < n; ++k) {
    int64_t off = 0;
    for (size_t d = 0; d < idx.size(); ++d) off += idx[d] * snap.strides[d];
    const char* p = static_cast<const char*>(first) + off * item;
    if (real)
      snap.reals.push_back(readReal(snap.dtype, p));
    else
      snap.ints.push_back(readInt(snap.dtype, p));
    for (size_t d = idx.size(); d-- > 0;) {  // odometer increment, last dim fastest
      if (++idx[d] < snap.sizes[d]) break;
      idx[d] = 0;
    }
  }
}

}  // namespace parity::conf
