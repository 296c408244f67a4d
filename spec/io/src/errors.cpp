#include "parity/io/errors.h"

namespace parity::io {

const char* toString(SerializationErrorCode code) {
  using C = SerializationErrorCode;
  switch (code) {
    case C::Io:
      return "Io";
    case C::Truncated:
      return "Truncated";
    case C::NotATorchFile:
      return "NotATorchFile";
    case C::ZipStructure:
      return "ZipStructure";
    case C::BadCrc:
      return "BadCrc";
    case C::Compressed:
      return "Compressed";
    case C::MissingRecord:
      return "MissingRecord";
    case C::UnsupportedVersion:
      return "UnsupportedVersion";
    case C::TorchScriptArchive:
      return "TorchScriptArchive";
    case C::LegacyFormat:
      return "LegacyFormat";
    case C::UnsupportedOpcode:
      return "UnsupportedOpcode";
    case C::PickleStructure:
      return "PickleStructure";
    case C::DisallowedGlobal:
      return "DisallowedGlobal";
    case C::UnsupportedObject:
      return "UnsupportedObject";
    case C::LimitExceeded:
      return "LimitExceeded";
    case C::BadStorage:
      return "BadStorage";
    case C::BadView:
      return "BadView";
    case C::Overflow:
      return "Overflow";
    case C::NpyFormat:
      return "NpyFormat";
    case C::Hdf5:
      return "Hdf5";
    case C::Unsupported:
      return "Unsupported";
  }
  return "Unknown";
}

}  // namespace parity::io
