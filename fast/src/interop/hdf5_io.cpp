// h5::write / h5::read over spec/io's libhdf5 wrapper (hdf5_file.h): the
// engine's part is a C-order buffer out and a fresh contiguous tensor in.
#include "parity/fast/interop.h"
#include "parity/io/errors.h"
#include "parity/io/hdf5_file.h"
#include "tensor_internal.h"

namespace parity::fast::h5 {

namespace {
using io::hdf5::File;

// Reads rows [first, first + count) (all of a 0-d dataset) into a new tensor.
Tensor read_rows(const File& file,
                 const std::string& dataset,
                 io::hdf5::DatasetInfo info,
                 int64_t first,
                 int64_t count) {
  if (!info.shape.empty()) info.shape[0] = count;
  Tensor t = detail::make_contiguous(IntArrayRef(info.shape), info.dtype);
  if (t.numel() != 0) file.readRows(dataset, first, count, t.data_ptr());
  return t;
}
}  // namespace

void write(const std::string& path, const std::string& dataset, const Tensor& t) {
  io::hdf5::checkWritable(t.scalar_type(), path, dataset);  // before the file is touched
  const Tensor c = t.is_contiguous() ? t : t.contiguous();
  File file(path, File::Mode::Write);
  file.write(dataset, c.scalar_type(), c.sizes(), c.data_ptr());
}

Tensor read(const std::string& path, const std::string& dataset) {
  File file(path, File::Mode::Read);
  const auto info = file.info(dataset);
  return read_rows(file, dataset, info, 0, info.shape.empty() ? 1 : info.shape[0]);
}

Tensor read(const std::string& path,
            const std::string& dataset,
            int64_t start,
            std::optional<int64_t> stop) {
  File file(path, File::Mode::Read);
  const auto info = file.info(dataset);
  if (info.shape.empty())
    throw io::SerializationError(io::SerializationErrorCode::BadView,
                                 path + ": dataset '" + dataset +
                                     "' is 0-d and has no rows to slice (h5py: Illegal slicing "
                                     "argument for scalar dataspace)");
  const auto rows = io::hdf5::sliceRows(info.shape[0], start, stop ? &*stop : nullptr);
  return read_rows(file, dataset, info, rows.start, rows.count);
}

}  // namespace parity::fast::h5
