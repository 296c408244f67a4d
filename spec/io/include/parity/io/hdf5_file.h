// A thin C++ layer over libhdf5 (1.10): owned handles, every call checked,
// libhdf5's automatic error printing off and its error stack turned into
// SerializationError(Hdf5, "<what>: <libhdf5's message>"). It moves bytes
// in C order; what a tensor is stays in each engine. libhdf5's headers stay
// out of this one, so a consumer needs only the library.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "parity/io/limits.h"
#include "parity/spec/scalar_type.h"

namespace parity::io::hdf5 {

struct DatasetInfo {
  ScalarType dtype = ScalarType::Float;
  std::vector<int64_t> shape;  // {} for a scalar dataspace
  int64_t numel = 1;
};

class File {
 public:
  // Read: the file must exist. Write: opened read-write, or created when
  // it does not exist (h5py's mode 'a').
  enum class Mode { Read, Write };
  File(const std::string& path, Mode mode);
  ~File();
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  // The dataset's element type (as parity's dtype) and shape, checked:
  // rank against limits.max_rank, the element and byte counts for
  // overflow. Types parity has no dtype for throw Unsupported.
  DatasetInfo info(const std::string& dataset, const LoadLimits& limits = {}) const;
  // Reads rows [start, start + count) along dim 0 (a hyperslab: nothing
  // else is read from disk) into `out`, C order, host byte order; a 0-d
  // dataset is read whole with start 0, count 1.
  void readRows(const std::string& dataset, int64_t start, int64_t count, void* out) const;
  // Creates `dataset` (intermediate groups too), replacing one of that
  // name. bool is written as h5py writes it: an enum of int8 {FALSE, TRUE}.
  void write(const std::string& dataset,
             ScalarType dtype,
             std::span<const int64_t> shape,
             const void* data);

 private:
  std::string path_;
  int64_t id_ = -1;  // hid_t
};

// Throws SerializationError(Unsupported) for a dtype h5py has no type for
// (bfloat16), naming the file and dataset as File::write would; callers
// check first so that a refused write leaves no file behind.
void checkWritable(ScalarType dtype, const std::string& path, const std::string& dataset);

// Python's slice start:stop (step 1) over `rows`: negatives wrap once,
// then both clamp to [0, rows]; an empty range has stop == start.
struct RowRange {
  int64_t start = 0, count = 0;
};
RowRange sliceRows(int64_t rows, int64_t start, const int64_t* stop);

}  // namespace parity::io::hdf5
