// torch's legacy storage classes for parity's ten dtypes
// (torch/storage.py's _dtype_to_storage_type_map): int8 is Char, uint8 Byte.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "parity/spec/scalar_type.h"

namespace parity::io::detail {

// "FloatStorage" for float32.
const char* storageTypeName(ScalarType t);
// The dtype of "FloatStorage"; nullopt for names outside the table.
std::optional<ScalarType> storageTypeDtype(std::string_view name);
// "float32", as the messages print dtypes.
const char* dtypeName(ScalarType t);

}  // namespace parity::io::detail
