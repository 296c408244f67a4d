// Vocabulary: the ten dtypes, their sizes and names. No conversion or
// promotion logic lives here; each engine writes its own.
#pragma once
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace parity {

// Enumerator names and order follow c10::ScalarType so that a reader of
// LibTorch finds the same spelling.
enum class ScalarType : int8_t {
  Byte,    // uint8
  Char,    // int8
  Short,   // int16
  Int,     // int32
  Long,    // int64
  Half,    // float16
  Float,   // float32
  Double,  // float64
  Bool,
  BFloat16,
};

inline constexpr ScalarType kByte = ScalarType::Byte;
inline constexpr ScalarType kChar = ScalarType::Char;
inline constexpr ScalarType kShort = ScalarType::Short;
inline constexpr ScalarType kInt = ScalarType::Int;
inline constexpr ScalarType kLong = ScalarType::Long;
inline constexpr ScalarType kHalf = ScalarType::Half;
inline constexpr ScalarType kFloat = ScalarType::Float;
inline constexpr ScalarType kDouble = ScalarType::Double;
inline constexpr ScalarType kBool = ScalarType::Bool;
inline constexpr ScalarType kBFloat16 = ScalarType::BFloat16;
inline constexpr ScalarType kUInt8 = kByte;
inline constexpr ScalarType kInt8 = kChar;
inline constexpr ScalarType kInt16 = kShort;
inline constexpr ScalarType kInt32 = kInt;
inline constexpr ScalarType kInt64 = kLong;
inline constexpr ScalarType kFloat16 = kHalf;
inline constexpr ScalarType kFloat32 = kFloat;
inline constexpr ScalarType kFloat64 = kDouble;

inline constexpr ScalarType kAllScalarTypes[] = {kBool, kByte, kChar,     kShort, kInt,
                                                 kLong, kHalf, kBFloat16, kFloat, kDouble};

// Raw 16-bit storage types. Arithmetic and conversion are each engine's job.
struct Half {
  uint16_t x = 0;
};
struct BFloat16 {
  uint16_t x = 0;
};

constexpr size_t elementSize(ScalarType t) {
  switch (t) {
    case kBool:
    case kByte:
    case kChar:
      return 1;
    case kShort:
    case kHalf:
    case kBFloat16:
      return 2;
    case kInt:
    case kFloat:
      return 4;
    case kLong:
    case kDouble:
      return 8;
  }
  return 0;
}

constexpr bool isFloatingType(ScalarType t) {
  return t == kHalf || t == kBFloat16 || t == kFloat || t == kDouble;
}

constexpr bool isIntegralType(ScalarType t, bool includeBool) {
  return (includeBool && t == kBool) || t == kByte || t == kChar || t == kShort || t == kInt ||
         t == kLong;
}

// c10's toString spelling ("Float"), used in LibTorch's messages.
constexpr const char* toString(ScalarType t) {
  switch (t) {
    case kByte:
      return "Byte";
    case kChar:
      return "Char";
    case kShort:
      return "Short";
    case kInt:
      return "Int";
    case kLong:
      return "Long";
    case kHalf:
      return "Half";
    case kFloat:
      return "Float";
    case kDouble:
      return "Double";
    case kBool:
      return "Bool";
    case kBFloat16:
      return "BFloat16";
  }
  return "Undefined";
}

// The C++ type name c10::TypeMeta prints ("long int"), which a few LibTorch
// messages use (clamp_'s and lerp's dtype checks).
constexpr const char* cppTypeName(ScalarType t) {
  switch (t) {
    case kBool:
      return "bool";
    case kByte:
      return "unsigned char";
    case kChar:
      return "signed char";
    case kShort:
      return "short int";
    case kInt:
      return "int";
    case kLong:
      return "long int";
    case kHalf:
      return "c10::Half";
    case kBFloat16:
      return "c10::BFloat16";
    case kFloat:
      return "float";
    case kDouble:
      return "double";
  }
  return "?";
}

// Python's spelling ("torch.float32"), used in printing.
constexpr const char* pythonName(ScalarType t) {
  switch (t) {
    case kByte:
      return "torch.uint8";
    case kChar:
      return "torch.int8";
    case kShort:
      return "torch.int16";
    case kInt:
      return "torch.int32";
    case kLong:
      return "torch.int64";
    case kHalf:
      return "torch.float16";
    case kFloat:
      return "torch.float32";
    case kDouble:
      return "torch.float64";
    case kBool:
      return "torch.bool";
    case kBFloat16:
      return "torch.bfloat16";
  }
  return "torch.undefined";
}

inline std::ostream& operator<<(std::ostream& os, ScalarType t) { return os << toString(t); }

// The C++ type stored for each dtype.
template <ScalarType T>
struct CppTypeOf;
template <>
struct CppTypeOf<kBool> {
  using type = bool;
};
template <>
struct CppTypeOf<kByte> {
  using type = uint8_t;
};
template <>
struct CppTypeOf<kChar> {
  using type = int8_t;
};
template <>
struct CppTypeOf<kShort> {
  using type = int16_t;
};
template <>
struct CppTypeOf<kInt> {
  using type = int32_t;
};
template <>
struct CppTypeOf<kLong> {
  using type = int64_t;
};
template <>
struct CppTypeOf<kHalf> {
  using type = Half;
};
template <>
struct CppTypeOf<kBFloat16> {
  using type = BFloat16;
};
template <>
struct CppTypeOf<kFloat> {
  using type = float;
};
template <>
struct CppTypeOf<kDouble> {
  using type = double;
};

template <class T>
constexpr ScalarType scalarTypeOf();
template <>
constexpr ScalarType scalarTypeOf<bool>() {
  return kBool;
}
template <>
constexpr ScalarType scalarTypeOf<uint8_t>() {
  return kByte;
}
template <>
constexpr ScalarType scalarTypeOf<int8_t>() {
  return kChar;
}
template <>
constexpr ScalarType scalarTypeOf<int16_t>() {
  return kShort;
}
template <>
constexpr ScalarType scalarTypeOf<int32_t>() {
  return kInt;
}
template <>
constexpr ScalarType scalarTypeOf<int64_t>() {
  return kLong;
}
template <>
constexpr ScalarType scalarTypeOf<Half>() {
  return kHalf;
}
template <>
constexpr ScalarType scalarTypeOf<BFloat16>() {
  return kBFloat16;
}
template <>
constexpr ScalarType scalarTypeOf<float>() {
  return kFloat;
}
template <>
constexpr ScalarType scalarTypeOf<double>() {
  return kDouble;
}

}  // namespace parity
