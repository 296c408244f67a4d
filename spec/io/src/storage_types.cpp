#include "storage_types.h"

namespace parity::io::detail {
namespace {

struct Entry {
  ScalarType dtype;
  const char* storage;
  const char* name;
};
constexpr Entry kTable[] = {
    {kDouble, "DoubleStorage", "float64"}, {kFloat, "FloatStorage", "float32"},
    {kHalf, "HalfStorage", "float16"},     {kBFloat16, "BFloat16Storage", "bfloat16"},
    {kLong, "LongStorage", "int64"},       {kInt, "IntStorage", "int32"},
    {kShort, "ShortStorage", "int16"},     {kChar, "CharStorage", "int8"},
    {kByte, "ByteStorage", "uint8"},       {kBool, "BoolStorage", "bool"},
};

const Entry& entry(ScalarType t) {
  for (const Entry& e : kTable)
    if (e.dtype == t) return e;
  return kTable[1];  // unreachable: the table has every ScalarType
}

}  // namespace

const char* storageTypeName(ScalarType t) { return entry(t).storage; }
const char* dtypeName(ScalarType t) { return entry(t).name; }

std::optional<ScalarType> storageTypeDtype(std::string_view name) {
  for (const Entry& e : kTable)
    if (name == e.storage) return e.dtype;
  return std::nullopt;
}

}  // namespace parity::io::detail
