// h5::write / h5::read: libhdf5 through spec/io's wrapper (hdf5_file.h);
// here only the tensor side: C-order bytes out, a fresh tensor in.
#include "parity/io/errors.h"
#include "parity/io/hdf5_file.h"
#include "parity/ref/interop.h"
#include "tensor_impl.h"

namespace parity::ref::h5 {

void write(const std::string& path, const std::string& dataset, const Tensor& t) {
  io::hdf5::checkWritable(t.scalar_type(), path, dataset);  // before the file is touched
  const Tensor c = t.contiguous();
  io::hdf5::File file(path, io::hdf5::File::Mode::Write);
  file.write(dataset, c.scalar_type(), c.sizes(), c.data_ptr());
}

Tensor read(const std::string& path, const std::string& dataset) {
  io::hdf5::File file(path, io::hdf5::File::Mode::Read);
  const io::hdf5::DatasetInfo info = file.info(dataset);
  Tensor t = empty_contiguous(info.shape, info.dtype);
  if (t.numel() > 0)
    file.readRows(dataset, 0, info.shape.empty() ? 1 : info.shape[0], t.data_ptr());
  return t;
}

Tensor read(const std::string& path,
            const std::string& dataset,
            int64_t start,
            std::optional<int64_t> stop) {
  io::hdf5::File file(path, io::hdf5::File::Mode::Read);
  io::hdf5::DatasetInfo info = file.info(dataset);
  if (info.shape.empty())
    throw io::SerializationError(io::SerializationErrorCode::BadView,
                                 path + ": dataset '" + dataset +
                                     "' is 0-d and has no rows to slice (h5py: Illegal slicing "
                                     "argument for scalar dataspace)");
  const io::hdf5::RowRange rows =
      io::hdf5::sliceRows(info.shape[0], start, stop ? &*stop : nullptr);
  info.shape[0] = rows.count;
  Tensor t = empty_contiguous(info.shape, info.dtype);
  if (t.numel() > 0) file.readRows(dataset, rows.start, rows.count, t.data_ptr());
  return t;
}

}  // namespace parity::ref::h5
