// NumPy's .npy format (numpy/lib/format.py, versions 1.0, 2.0 and 3.0) at
// the byte level: the header is parsed by a small hand-written parser of
// the dict literal numpy writes, never evaluated. Engines turn the result
// into tensors (the Fortran-order strides are theirs to build).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parity/io/limits.h"
#include "parity/spec/scalar_type.h"

namespace parity::io {

struct NpyHeader {
  int major = 1, minor = 0;
  ScalarType dtype = ScalarType::Float;
  std::string descr;  // as the file spells it, e.g. "<f4"
  bool fortran_order = false;
  std::vector<int64_t> shape;
  bool swap_bytes = false;  // the file's byte order is not the host's ('>')
  int64_t numel = 1;
  size_t data_offset = 0;  // where the array's bytes start
  size_t data_bytes = 0;   // numel * itemsize
};

// Parses and checks a whole .npy image: magic, version, header length
// against limits.max_npy_header, the dict (exactly the keys descr,
// fortran_order, shape), rank against limits.max_rank, the element count
// and byte count overflow-checked, and the data length against the image
// (no byte missing, none left over). Throws SerializationError; `name`
// prefixes every message. This is the libFuzzer entry point.
NpyHeader parseNpy(std::span<const std::byte> file,
                   const LoadLimits& limits = {},
                   const std::string& name = "npy");

// A parsed file with its data in host byte order (swapped if the file was
// big-endian), in the file's element order (C or Fortran). Bool bytes are
// checked to be 0 or 1.
struct NpyArray {
  NpyHeader header;
  std::vector<std::byte> data;
};
NpyArray decodeNpy(std::span<const std::byte> file,
                   const LoadLimits& limits = {},
                   const std::string& name = "npy");
NpyArray readNpy(const std::string& path, const LoadLimits& limits = {});

// The descr numpy gives a dtype ("<f4", "|b1"); bfloat16 has none and throws
// SerializationError(Unsupported).
std::string npyDescr(ScalarType dtype);

// The header bytes np.save (numpy 1.24) writes for a C-order (or, with
// fortran_order, Fortran-order) array: magic, the oldest version that fits,
// the dict with its spare space, padded with spaces and '\n' to 64 bytes.
std::string npyHeaderBytes(ScalarType dtype, std::span<const int64_t> shape, bool fortran_order);

// Writes header and `data` (numel elements of dtype, C order, host byte
// order) to `path`, atomically when the platform allows. Throws
// SerializationError(Io) with errno's text.
void writeNpy(const std::string& path,
              ScalarType dtype,
              std::span<const int64_t> shape,
              std::span<const std::byte> data);

// Reverses the bytes of each `itemsize`-byte element in place.
void swapElementBytes(std::span<std::byte> data, size_t itemsize);

}  // namespace parity::io
