// Cases for spec/clauses/interop.md (NUMPY-*, DLPACK-*, HDF5-*): from_blob
// over caller memory (the seed's numpy() / from_numpy sharing, with a C++
// buffer standing for the numpy array), DLPack both ways with LibTorch,
// .npy and HDF5 files. numpy's and h5py's own files are checked by
// conformance/interop/npy_h5_oracle.py.
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <type_traits>

#include "case_util.h"
#include "parity/io/npy.h"

using namespace parity::conf;

namespace {

// A scratch folder of this process: file names in error messages are then
// the same on every engine.
std::string scratch(const std::string& name) {
  static const std::filesystem::path dir = [] {
    auto d =
        std::filesystem::temp_directory_path() / ("parity_interop_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return (dir / name).string();
}

// Counts deleter calls and remembers the pointer each got.
struct DeleterLog {
  int calls = 0;
  void* last = nullptr;
  auto deleter() {
    return [this](void* p) {
      ++calls;
      last = p;
    };
  }
};

// The original deleter of a DLManagedTensor whose deleter a case wraps,
// and how often the wrapper ran (DLPack deleters are plain C functions).
void (*g_dl_original)(DLManagedTensor*) = nullptr;
int g_dl_calls = 0;
void countingDLDeleter(DLManagedTensor* m) {
  ++g_dl_calls;
  if (g_dl_original) g_dl_original(m);
}

// A DLManagedTensor that owns nothing, for the import's error paths.
DLManagedTensor handMade(void* data, int64_t* shape, int32_t ndim, DLDataType dtype) {
  DLManagedTensor m{};
  m.dl_tensor.data = data;
  m.dl_tensor.device = {kDLCPU, 0};
  m.dl_tensor.ndim = ndim;
  m.dl_tensor.dtype = dtype;
  m.dl_tensor.shape = shape;
  return m;
}

void writeBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size()));
}

}  // namespace

// S001-62/63: points.numpy() is a view of the tensor's memory; here the
// caller's pointer is data_ptr(), and a write through it shows in print.
PARITY_CASE(numpy_view_of_tensor, "NUMPY-1", "S001-62 S001-63") {
  auto points = E::ones({3, 4});
  float* points_np = points.template data_ptr<float>();
  r.value("points_np[0, 0] before", double(points_np[0]));
  points_np[0] = 0;
  r.expect_text(
      "print(points)", [&] { return E::repr(points); },
      "tensor([[0., 1., 1., 1.],\n        [1., 1., 1., 1.],\n        [1., 1., 1., 1.]])");
}

// S001-65/66/67: torch.from_numpy(np_array) is from_blob over the array's
// buffer; the caller's later write shows in the tensor.
PARITY_CASE(from_numpy_shares_buffer, "NUMPY-1 NUMPY-2", "S001-65 S001-66 S001-67") {
  float np_array[4] = {1, 2, 3, 4};
  auto tensor_from_np = E::from_blob(np_array, {2, 2});
  r.expect_text(
      "torch.from_numpy(np_array)", [&] { return E::repr(tensor_from_np); },
      "tensor([[1., 2.],\n        [3., 4.]])");
  np_array[0] = 99;
  r.expect_text(
      "print(tensor_from_np) after np_array[0, 0] = 99", [&] { return E::repr(tensor_from_np); },
      "tensor([[99.,  2.],\n        [ 3.,  4.]])");
  r.value("data_ptr() is the buffer", tensor_from_np.data_ptr() == static_cast<void*>(np_array));
  // And the other way: a write through the tensor lands in the buffer.
  tensor_from_np.select(0, 1).select(0, 0).fill_(-7);
  r.value("np_array[1, 0] after the tensor's write", double(np_array[2]));
  r.value("storage size", E::storage_size(tensor_from_np));
  r.text("print(tensor_from_np.storage())", [&] { return E::storage_repr(tensor_from_np); });
  // S001-67: .to(float32) of a float32 tensor is the tensor itself.
  auto same = tensor_from_np.to(E::kFloat32);
  r.value("to(float32) aliases", same.is_alias_of(tensor_from_np));
  // numpy's default float64 arrives as float64.
  double np_double[1] = {1.0};
  auto d = E::from_blob(np_double, {1}, E::dtype(E::kFloat64));
  r.tensor("from_numpy(np.array([1.0]))", d);
  r.text("its dtype", [&] { return E::dtype_name(d); });
}

PARITY_CASE(from_blob_deleter_once, "NUMPY-3", "") {
  float buf[6] = {0, 1, 2, 3, 4, 5};
  DeleterLog log;
  {
    auto t = E::from_blob(buf, {2, 3}, log.deleter());
    auto v = t.transpose(0, 1);
    t = typename E::Tensor();
    r.value("deleter calls while a view lives", log.calls);
    r.tensor("the view", v);
    auto w = v.select(0, 2);
    v = typename E::Tensor();
    r.value("deleter calls while a view of the view lives", log.calls);
    r.tensor("the view of the view", w);
  }
  r.value("deleter calls after the last view", log.calls);
  r.value("deleter got the buffer", log.last == static_cast<void*>(buf));
  // A DLPack export holds the storage too.
  DeleterLog log2;
  DLManagedTensor* m = nullptr;
  {
    auto t = E::from_blob(buf, {6}, log2.deleter());
    m = E::toDLPack(t);
  }
  r.value("deleter calls while a DLPack export lives", log2.calls);
  m->deleter(m);
  r.value("deleter calls after the export's deleter", log2.calls);
}

PARITY_CASE(from_blob_strides_options, "NUMPY-2 NUMPY-3", "") {
  double buf[6] = {0, 1, 2, 3, 4, 5};
  // A Fortran-order (column-major) 2x3 view of six doubles.
  auto f = E::from_blob(buf, {2, 3}, {1, 2}, E::dtype(E::kFloat64));
  r.tensor("strides (1, 2)", f);
  r.value("contiguous?", f.is_contiguous());
  r.value("storage size", E::storage_size(f));
  DeleterLog log;
  {
    auto g = E::from_blob(buf + 1, {2, 2}, {3, 1}, log.deleter(), E::dtype(E::kFloat64));
    r.tensor("strides (3, 1) from buf + 1", g);
    r.value("its storage size", E::storage_size(g));
  }
  r.value("strided deleter ran once", log.calls);
  auto rg = E::from_blob(buf, {3}, E::dtype(E::kFloat64).requires_grad(true));
  r.value("requires_grad kept", rg.requires_grad());
  // Every dtype over the same eight bytes (0 and 1 bytes, valid bools).
  alignas(8) unsigned char bytes[8] = {1, 0, 0, 0, 0, 0, 0, 1};
  for (auto dt : allDtypes<E>()) {
    const int64_t n = 8 / int64_t(E::zeros({1}, E::dtype(dt)).element_size());
    r.tensor("from_blob bytes as " + E::dtype_str(dt), E::from_blob(bytes, {n}, E::dtype(dt)));
  }
  auto empty = E::from_blob(buf, {0, 3}, E::dtype(E::kFloat64));
  r.tensor("empty", empty);
  r.value("empty storage size", E::storage_size(empty));
  r.error("negative size", [&] { return E::from_blob(buf, {-1, 2}, E::dtype(E::kFloat64)); });
}

PARITY_CASE(dlpack_export, "DLPACK-1", "") {
  auto base = counting<E>({4, 6}, E::kFloat32);
  auto t = base.slice(1, 1, 6, 2).slice(0, 1);  // offset, non-contiguous
  DLManagedTensor* m = E::toDLPack(t);
  const DLTensor& d = m->dl_tensor;
  r.value("ndim", int64_t(d.ndim));
  r.list("shape", std::vector<int64_t>(d.shape, d.shape + d.ndim));
  r.list("strides", std::vector<int64_t>(d.strides, d.strides + d.ndim));
  r.value("byte_offset", int64_t(d.byte_offset));
  r.value("device_type", int64_t(d.device.device_type));
  r.list("dtype code, bits, lanes",
         std::vector<int64_t>{d.dtype.code, d.dtype.bits, d.dtype.lanes});
  r.value("data is data_ptr()", d.data == t.data_ptr());
  // The export keeps the tensor alive on its own.
  base = typename E::Tensor();
  t = typename E::Tensor();
  r.value("first element after the tensors went", double(static_cast<float*>(d.data)[0]));
  m->deleter(m);
  // Sizes 0 and 1 get stride 1 (LibTorch 1.13, gh-83069).
  for (auto sizes :
       {std::vector<int64_t>{1, 4}, std::vector<int64_t>{3, 1, 2}, std::vector<int64_t>{0, 5}}) {
    auto x = E::zeros(sizes);
    DLManagedTensor* mx = E::toDLPack(x.transpose(0, 1));
    r.list("strides of a transposed zeros",
           std::vector<int64_t>(mx->dl_tensor.strides, mx->dl_tensor.strides + mx->dl_tensor.ndim));
    mx->deleter(mx);
  }
  for (auto dt : allDtypes<E>()) {
    std::vector<int64_t> code;
    r.error("toDLPack " + E::dtype_str(dt), [&] {
      DLManagedTensor* md = E::toDLPack(E::zeros({2}, E::dtype(dt)));
      const DLDataType x = md->dl_tensor.dtype;
      code = {x.code, x.bits, x.lanes};
      md->deleter(md);
    });
    if (!code.empty()) r.list("DLDataType of " + E::dtype_str(dt), code);
  }
  auto s = E::full({}, 2.5);
  DLManagedTensor* ms = E::toDLPack(s);
  r.value("0-d ndim", int64_t(ms->dl_tensor.ndim));
  ms->deleter(ms);
}

PARITY_CASE(dlpack_import, "DLPACK-2", "") {
  auto src = counting<E>({3, 4}, E::kInt32).transpose(0, 1);
  DLManagedTensor* m = E::toDLPack(src);
  g_dl_original = m->deleter;
  g_dl_calls = 0;
  m->deleter = &countingDLDeleter;
  {
    auto back = E::fromDLPack(m);
    r.tensor("fromDLPack(toDLPack(x.t()))", back);
    r.value("shares memory", back.data_ptr() == src.data_ptr());
    back.select(0, 0).fill_(-1);
    r.tensor("the source after a write through the import", src);
    auto view = back.select(1, 2);
    back = typename E::Tensor();
    r.value("manager deleter calls while a view lives", g_dl_calls);
    r.tensor("that view", view);
  }
  r.value("manager deleter calls after the last view", g_dl_calls);
  g_dl_original = nullptr;
  // A view with an offset arrives with its own data pointer, offset 0.
  auto base = counting<E>({10}, E::kFloat64);
  DLManagedTensor* mo = E::toDLPack(base.slice(0, 3, 9, 2));
  auto o = E::fromDLPack(mo);
  r.tensor("import of a strided view with offset", o);
  r.value("its storage size", E::storage_size(o));
  // byte_offset and absent strides (compact row-major).
  float buf[6] = {0, 1, 2, 3, 4, 5};
  int64_t shape[2] = {2, 2};
  DLManagedTensor hm = handMade(buf, shape, 2, {kDLFloat, 32, 1});
  hm.dl_tensor.byte_offset = 8;
  r.tensor("no strides, byte_offset 8", E::fromDLPack(&hm));
  // The import's errors, with LibTorch's messages.
  auto bad = [&](const std::string& name, DLDataType dt, DLDeviceType dev = kDLCPU) {
    DLManagedTensor x = handMade(buf, shape, 2, dt);
    x.dl_tensor.device.device_type = dev;
    r.error(name, [&] { return E::fromDLPack(&x); });
  };
  bad("lanes 2", {kDLFloat, 32, 2});
  bad("kDLUInt 16 bits", {kDLUInt, 16, 1});
  bad("kDLInt 12 bits", {kDLInt, 12, 1});
  bad("kDLFloat 8 bits", {kDLFloat, 8, 1});
  bad("kDLCUDAHost device", {kDLFloat, 32, 1}, kDLCUDAHost);
  // Each dtype parity has arrives as itself.
  alignas(8) unsigned char bytes[8] = {0, 1, 0, 1, 0, 1, 0, 1};
  for (auto [code, bits] : std::vector<std::pair<int, int>>{{kDLUInt, 8},
                                                            {kDLInt, 8},
                                                            {kDLInt, 16},
                                                            {kDLInt, 32},
                                                            {kDLInt, 64},
                                                            {kDLFloat, 16},
                                                            {kDLFloat, 32},
                                                            {kDLFloat, 64},
                                                            {kDLBfloat, 16}}) {
    int64_t n[1] = {64 / bits};
    DLManagedTensor x =
        handMade(bytes, n, 1, {static_cast<uint8_t>(code), static_cast<uint8_t>(bits), 1});
    r.tensor("import code " + std::to_string(code) + " bits " + std::to_string(bits),
             E::fromDLPack(&x));
  }
}

// The library on the other side of DLPACK-3's exchange: LibTorch when it is
// the oracle, else the other parity engine, so the case runs in every build.
#if PARITY_HAVE_TORCH
template <class E>
using DLPeer = TorchEngine;
#else
template <class E>
using DLPeer = std::conditional_t<std::is_same_v<E, RefEngine>, FastEngine, RefEngine>;
#endif

// Across libraries: the peer's export into the engine, the engine's export
// into the peer, both zero copy.
PARITY_CASE(dlpack_across_libraries, "DLPACK-3", "") {
  using P = DLPeer<E>;
  auto theirs = P::arange(12, P::dtype(P::kFloat64)).reshape({3, 4}).t();
  auto mine = E::fromDLPack(P::toDLPack(theirs));
  r.tensor("the peer's x.t() imported", mine);
  r.value("shares the peer's memory", mine.data_ptr() == theirs.data_ptr());
  auto t = counting<E>({2, 5}, E::kInt64).slice(1, 0, 5, 2);
  auto back = P::fromDLPack(E::toDLPack(t));
  r.list("the peer's import: sizes",
         std::vector<int64_t>(back.sizes().begin(), back.sizes().end()));
  r.list("the peer's import: strides",
         std::vector<int64_t>(back.strides().begin(), back.strides().end()));
  const TensorSnap v = P::snapshot(back);
  r.list("the peer's import: values", v.ints);
  r.value("the peer's import shares memory", back.data_ptr() == t.data_ptr());
}

PARITY_CASE(npy_round_trip, "NUMPY-4 NUMPY-5", "") {
  for (auto dt : allDtypes<E>()) {
    const std::string path = scratch(std::string(E::name) + "_rt.npy");
    auto t = counting<E>({2, 3}, dt);
    r.error("save_npy " + E::dtype_str(dt), [&] { E::save_npy(t, path); });
    if (dt != E::kBFloat16) r.tensor("load_npy " + E::dtype_str(dt), E::load_npy(path));
  }
  const std::string path = scratch(std::string(E::name) + "_views.npy");
  auto base = counting<E>({3, 4}, E::kFloat32);
  E::save_npy(base.t(), path);
  r.tensor("transposed, saved in C order", E::load_npy(path));
  E::save_npy(base.slice(1, 1, 4, 2).slice(0, 1), path);
  r.tensor("strided view with offset", E::load_npy(path));
  E::save_npy(E::full({}, 7, E::dtype(E::kInt64)), path);
  r.tensor("0-d", E::load_npy(path));
  E::save_npy(E::zeros({0, 3}), path);
  r.tensor("empty (0, 3)", E::load_npy(path));
  E::save_npy(E::zeros({2, 0, 3}, E::dtype(E::kInt16)), path);
  r.tensor("empty (2, 0, 3)", E::load_npy(path));
}

PARITY_CASE(npy_fortran_order, "NUMPY-5", "") {
  // A Fortran-order file of shape `shape`: header plus the bytes of the
  // column-major layout (the transposed array, in C order).
  const std::string path = scratch(std::string(E::name) + "_f.npy");
  for (auto shape : {std::vector<int64_t>{2, 3}, std::vector<int64_t>{2, 3, 4},
                     std::vector<int64_t>{4, 1}, std::vector<int64_t>{3, 0}}) {
    auto c = counting<E>(shape, E::kInt32);
    std::vector<int64_t> rev(shape.rbegin(), shape.rend());
    std::vector<int64_t> perm(shape.size());
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = int64_t(perm.size() - 1 - i);
    auto colMajor = c.permute(perm).contiguous();
    std::string bytes = parity::io::npyHeaderBytes(parity::kInt, shape, true);
    bytes.append(static_cast<const char*>(colMajor.data_ptr()), size_t(c.numel()) * 4);
    writeBytes(path, bytes);
    auto t = E::load_npy(path);
    r.tensor("Fortran-order load, shape " + std::to_string(shape.size()) + "-d", t);
    r.value("equals the C-order array", bool(t.eq(c).all().template item<bool>()));
  }
}

PARITY_CASE(npy_errors, "NUMPY-6", "") {
  const std::string path = scratch("bad.npy");
  const std::string good =
      parity::io::npyHeaderBytes(parity::kFloat, std::vector<int64_t>{3}, false);
  writeBytes(path, good + std::string(8, '\0'));
  r.error("data 4 bytes short", [&] { return E::load_npy(path); });
  writeBytes(path, "\x93NUMPX" + good.substr(6));
  r.error("bad magic", [&] { return E::load_npy(path); });
  r.error("missing file", [&] { return E::load_npy(scratch("no_such.npy")); });
  // LoadLimits: the header's length and the rank, checked before anything is read.
  E::save_npy(E::zeros({1, 1, 1, 1}), path);
  parity::io::LoadLimits small;
  small.max_npy_header = 64;
  r.error("header over max_npy_header", [&] { return E::load_npy(path, small); });
  small = {};
  small.max_rank = 3;
  r.error("rank over max_rank", [&] { return E::load_npy(path, small); });
  r.error("bfloat16", [&] { E::save_npy(E::zeros({2}, E::dtype(E::kBFloat16)), path); });
}

// S001-74/75/76: points written as dataset 'coords', dset[-2:] read from
// disk, then as a tensor.
PARITY_CASE(h5_points, "HDF5-1 HDF5-2 HDF5-3", "S001-74 S001-75 S001-76") {
  const std::string path = scratch("ourpoints.hdf5");
  std::filesystem::remove(path);
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  E::h5_write(path, "coords", points);
  auto last_points = E::h5_read(path, "coords", -2, std::nullopt);
  r.tensor("dset[-2:]", last_points);
  r.expect_text(
      "torch.from_numpy(last_points_np)", [&] { return E::repr(last_points); },
      "tensor([[5., 3.],\n        [2., 1.]])");
  r.tensor("dset[:]", E::h5_read(path, "coords"));
  for (auto [a, b] : std::vector<std::pair<int64_t, std::optional<int64_t>>>{
           {0, 2}, {-100, std::nullopt}, {1, -1}, {5, std::nullopt}, {2, 1}, {-1, 100}}) {
    r.tensor("dset[" + std::to_string(a) + ":" + (b ? std::to_string(*b) : "") + "]",
             E::h5_read(path, "coords", a, b));
  }
}

PARITY_CASE(h5_datasets, "HDF5-1 HDF5-2 HDF5-4", "") {
  const std::string path = scratch("datasets.h5");
  std::filesystem::remove(path);
  for (auto dt : allDtypes<E>()) {
    const std::string name = "t_" + E::dtype_str(dt).substr(6);  // "torch.float32" -> float32
    r.error("write " + name, [&] { E::h5_write(path, name, counting<E>({3, 2}, dt)); });
    if (dt != E::kBFloat16) r.tensor("read " + name, E::h5_read(path, name));
  }
  auto base = counting<E>({4, 5}, E::kFloat64);
  E::h5_write(path, "group/sub/view", base.t().slice(0, 1, 5, 2));
  r.tensor("nested group, non-contiguous source", E::h5_read(path, "group/sub/view"));
  E::h5_write(path, "group/sub/view", E::ones({2}));
  r.tensor("replaced with another shape and dtype", E::h5_read(path, "group/sub/view"));
  E::h5_write(path, "scalar", E::full({}, 3.5));
  r.tensor("0-d", E::h5_read(path, "scalar"));
  r.error("0-d sliced", [&] { return E::h5_read(path, "scalar", 0, std::nullopt); });
  E::h5_write(path, "empty", E::zeros({0, 4}, E::dtype(E::kInt16)));
  r.tensor("empty", E::h5_read(path, "empty"));
  r.tensor("empty sliced", E::h5_read(path, "empty", -2, std::nullopt));
  r.error("missing dataset", [&] { return E::h5_read(path, "nope"); });
  const std::string bf16 = scratch("bfloat16_only.h5");
  std::filesystem::remove(bf16);
  r.error("bfloat16 into a new file",
          [&] { E::h5_write(bf16, "x", E::zeros({2}, E::dtype(E::kBFloat16))); });
  const std::string notH5 = scratch("not_hdf5.h5");
  writeBytes(notH5, "this is not an HDF5 file");
  r.error("not an HDF5 file", [&] { return E::h5_read(notH5, "coords"); });
  r.error("missing file", [&] { return E::h5_read(scratch("missing.h5"), "coords"); });
}
