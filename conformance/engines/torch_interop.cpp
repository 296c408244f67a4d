// LibTorch's side of the interop cases (torch_engine.h): DLPack through
// at::toDLPack / at::fromDLPack; .npy and HDF5 bytes through spec/io with
// the tensors built by LibTorch, independently of the engines.
#include <ATen/DLConvertor.h>

#include <cstring>
#include <numeric>
#include <span>

#include "engines/torch_engine.h"
#include "parity/io/errors.h"
#include "parity/io/hdf5_file.h"
#include "parity/io/npy.h"

namespace parity::conf {

namespace {

constexpr std::pair<ScalarType, at::ScalarType> kDtypes[] = {
    {kBool, at::kBool},   {kByte, at::kByte},    {kChar, at::kChar}, {kShort, at::kShort},
    {kInt, at::kInt},     {kLong, at::kLong},    {kHalf, at::kHalf}, {kBFloat16, at::kBFloat16},
    {kFloat, at::kFloat}, {kDouble, at::kDouble}};

at::ScalarType toTorch(ScalarType t) {
  for (auto [p, a] : kDtypes)
    if (p == t) return a;
  throw std::runtime_error("parity dtype without a LibTorch counterpart");
}

ScalarType toParity(at::ScalarType t) {
  for (auto [p, a] : kDtypes)
    if (a == t) return p;
  throw std::runtime_error("LibTorch dtype outside parity's ten");
}

std::span<const int64_t> dims(const at::Tensor& t) { return {t.sizes().data(), t.sizes().size()}; }

}  // namespace

DLManagedTensor* TorchEngine::toDLPack(const Tensor& t) { return at::toDLPack(t); }

// LibTorch 1.13 ignores DLTensor::byte_offset (it reads at `data`); the
// DLPack header defines the first element at data + byte_offset, which the
// engines follow. The adapter folds the offset into the pointer first, so
// that the oracle reads what the producer meant.
TorchEngine::Tensor TorchEngine::fromDLPack(DLManagedTensor* m) {
  if (m && m->dl_tensor.byte_offset != 0) {
    m->dl_tensor.data = static_cast<char*>(m->dl_tensor.data) + m->dl_tensor.byte_offset;
    m->dl_tensor.byte_offset = 0;
  }
  return at::fromDLPack(m);
}

void TorchEngine::save_npy(const Tensor& t, const std::string& path) {
  const ScalarType dtype = toParity(t.scalar_type());
  const at::Tensor c = t.contiguous();
  const auto* data = static_cast<const std::byte*>(c.data_ptr());
  io::writeNpy(path, dtype, dims(c), {data, static_cast<size_t>(c.nbytes())});
}

TorchEngine::Tensor TorchEngine::load_npy(const std::string& path,
                                          const ::parity::io::LoadLimits& limits) {
  io::NpyArray a = io::readNpy(path, limits);
  std::vector<int64_t> shape = a.header.shape;
  // np.load reads a Fortran-order array as the reversed shape, transposed.
  if (a.header.fortran_order) std::reverse(shape.begin(), shape.end());
  at::Tensor t = torch::empty(shape, torch::dtype(toTorch(a.header.dtype)));
  if (!a.data.empty()) std::memcpy(t.data_ptr(), a.data.data(), a.data.size());
  if (a.header.fortran_order) {
    std::vector<int64_t> order(shape.size());
    std::iota(order.rbegin(), order.rend(), 0);
    t = t.permute(order);
  }
  return t;
}

void TorchEngine::h5_write(const std::string& path, const std::string& dataset, const Tensor& t) {
  const ScalarType dtype = toParity(t.scalar_type());
  io::hdf5::checkWritable(dtype, path, dataset);  // before the file is touched
  const at::Tensor c = t.contiguous();
  io::hdf5::File file(path, io::hdf5::File::Mode::Write);
  file.write(dataset, dtype, dims(c), c.data_ptr());
}

TorchEngine::Tensor TorchEngine::h5_read(const std::string& path, const std::string& dataset) {
  io::hdf5::File file(path, io::hdf5::File::Mode::Read);
  const io::hdf5::DatasetInfo info = file.info(dataset);
  at::Tensor t = torch::empty(info.shape, torch::dtype(toTorch(info.dtype)));
  if (t.numel() > 0)
    file.readRows(dataset, 0, info.shape.empty() ? 1 : info.shape[0], t.data_ptr());
  return t;
}

// The slice is LibTorch's own (Python's rules), taken from the whole
// dataset: an oracle need not read partially.
TorchEngine::Tensor TorchEngine::h5_read(const std::string& path,
                                         const std::string& dataset,
                                         int64_t start,
                                         std::optional<int64_t> stop) {
  at::Tensor whole = h5_read(path, dataset);
  if (whole.dim() == 0)
    throw io::SerializationError(io::SerializationErrorCode::BadView,
                                 path + ": dataset '" + dataset +
                                     "' is 0-d and has no rows to slice (h5py: Illegal slicing "
                                     "argument for scalar dataspace)");
  c10::optional<int64_t> end;
  if (stop) end = *stop;
  return whole.slice(0, start, end).clone();
}

}  // namespace parity::conf
