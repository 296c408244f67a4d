// The typed errors of parity's file readers and writers. Every rejection of
// a file names the part of the file and the expected versus the actual
// value ("archive/data/0: storage record has 8 bytes, the tensor needs 24").
#pragma once
#include <string>

#include "parity/spec/errors.h"

namespace parity::io {

enum class SerializationErrorCode {
  Io,                  // open, read, write, flush, rename failed (errno's text)
  Truncated,           // the file or a record ends early
  NotATorchFile,       // neither zip nor a format we read
  ZipStructure,        // EOCD, central/local header, names, offsets, sizes
  BadCrc,              // a record's CRC-32 differs from the directory's
  Compressed,          // a record that is not STORED
  MissingRecord,       // data.pkl, version, byteorder, data/<key>
  UnsupportedVersion,  // archive version outside 1..kMaxVersion
  TorchScriptArchive,  // code/, constants.pkl: refused, never run
  LegacyFormat,        // pre-1.6 tar or pickle stream: refused
  UnsupportedOpcode,   // any opcode outside torch's set
  PickleStructure,     // stack underflow, unbalanced MARK, bad memo, types
  DisallowedGlobal,    // a GLOBAL outside the compiled-in table
  UnsupportedObject,   // an allowed global used in a form we do not build
  LimitExceeded,       // LoadLimits: depth, memo, entries, header, rank
  BadStorage,          // unknown storage type or dtype, short storage record
  BadView,             // negative size or stride, view outside its storage
  Overflow,            // size arithmetic that overflows int64
  NpyFormat,           // .npy magic, version, header, descr, shape
  Hdf5,                // libhdf5 refused the file or the dataset
  Unsupported,         // a valid file holding something parity cannot represent
};

const char* toString(SerializationErrorCode code);

class SerializationError : public Error {
 public:
  SerializationError(SerializationErrorCode code, const std::string& msg)
      : Error(msg), code_(code) {}
  SerializationErrorCode code() const { return code_; }

 private:
  SerializationErrorCode code_;
};

}  // namespace parity::io
