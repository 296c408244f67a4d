// Exchange with other libraries (spec/API.md, "Interop"): tensors over
// caller-owned memory (LibTorch's from_blob), DLPack export and import
// (at::toDLPack / at::fromDLPack), NumPy's .npy files and HDF5 datasets.
#pragma once
#include <dlpack/dlpack.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "parity/io/limits.h"
#include "parity/ref/tensor.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref {

// A tensor over `data` without copying: writes through either side are
// seen by the other. `deleter(data)` runs exactly once, when the last
// tensor or view of the storage goes; without one the caller keeps
// ownership and must keep `data` alive. Contiguous strides unless given.
Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options = {});
Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 IntArrayRef strides,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options = {});
Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options = {});
Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 IntArrayRef strides,
                 const TensorOptions& options = {});

// DLPack (0.6): the export shares the tensor's memory, keeps its strides
// (a dim of size < 2 gets stride 1, as LibTorch 1.13 writes), and owns its
// shape and stride arrays; its deleter releases the tensor. The import
// takes kDLCPU memory of a dtype parity has, without copying, and calls
// the manager's deleter when the last view goes; on error it leaves the
// manager to the caller.
DLManagedTensor* toDLPack(const Tensor& src);
Tensor fromDLPack(DLManagedTensor* src);

// NumPy's .npy: any tensor is written in C order (np.save's bytes);
// load_npy reads every dtype numpy shares with torch, C and Fortran order.
void save_npy(const Tensor& t, const std::string& path);
Tensor load_npy(const std::string& path, const io::LoadLimits& limits = {});

// HDF5 datasets through libhdf5, readable by h5py and reading h5py's.
namespace h5 {
void write(const std::string& path, const std::string& dataset, const Tensor& t);
Tensor read(const std::string& path, const std::string& dataset);
// Rows [start, stop) along dim 0 with Python's slice rules (h5py's
// dset[start:stop]), read from disk without the rest.
Tensor read(const std::string& path,
            const std::string& dataset,
            int64_t start,
            std::optional<int64_t> stop);
}  // namespace h5

}  // namespace parity::ref
