// libhdf5 behind owned handles (see hdf5_file.h). Every call that can fail
// goes through check(), which turns libhdf5's error stack into a message.
#include "parity/io/hdf5_file.h"

#include <hdf5.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <utility>

#include "parity/io/errors.h"

namespace parity::io::hdf5 {
namespace {

static_assert(sizeof(hid_t) == sizeof(int64_t), "hid_t is carried as int64_t");

// libhdf5 prints its error stack to stderr by default; parity reports it in
// the exception instead. Done once, before the first call.
void quietErrors() {
  static std::once_flag once;
  std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

// The innermost error on libhdf5's stack: the most specific description
// ("unable to open file: name = 'x.h5', errno = 2, ...").
std::string errorStackText() {
  std::string inner, outer;
  auto walk = [](unsigned n, const H5E_error2_t* e, void* data) -> herr_t {
    auto* texts = static_cast<std::pair<std::string, std::string>*>(data);
    const std::string desc = e->desc ? e->desc : "";
    if (n == 0) texts->first = desc;  // outermost
    texts->second = desc;             // innermost so far
    return 0;
  };
  std::pair<std::string, std::string> texts;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, walk, &texts);
  H5Eclear2(H5E_DEFAULT);
  if (texts.second.empty()) return "libhdf5 reported no detail";
  if (texts.first == texts.second || texts.first.empty()) return texts.second;
  return texts.first + " (" + texts.second + ")";
}

[[noreturn]] void fail(SerializationErrorCode code, const std::string& msg) {
  throw SerializationError(code, msg);
}

// A failed libhdf5 call: negative hid_t or herr_t.
template <class T>
T check(T result, const std::string& what) {
  if (result < 0) fail(SerializationErrorCode::Hdf5, what + ": " + errorStackText());
  return result;
}

// An owned hid_t with the close function of its kind.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, -1)), close_(o.close_) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle& operator=(Handle&&) = delete;
  hid_t get() const { return id_; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

std::string unwritable(ScalarType dtype, const std::string& what) {
  return what + ": " + pythonName(dtype) + " has no HDF5 type h5py reads; convert it first";
}

std::string datasetWhat(const std::string& path, const std::string& dataset) {
  return path + ": dataset '" + dataset + "'";
}

// The memory type of a dtype: native integers and floats; float16 built
// as h5py builds it (IEEE half: sign 15, exponent 10..14, mantissa 0..9,
// bias 15); bool as h5py's enum of int8 {FALSE: 0, TRUE: 1}.
Handle memoryType(ScalarType dtype, const std::string& what) {
  auto copy = [&](hid_t base) {
    return Handle(check(H5Tcopy(base), what + ": H5Tcopy"), H5Tclose);
  };
  switch (dtype) {
    case ScalarType::Byte:
      return copy(H5T_NATIVE_UINT8);
    case ScalarType::Char:
      return copy(H5T_NATIVE_INT8);
    case ScalarType::Short:
      return copy(H5T_NATIVE_INT16);
    case ScalarType::Int:
      return copy(H5T_NATIVE_INT32);
    case ScalarType::Long:
      return copy(H5T_NATIVE_INT64);
    case ScalarType::Float:
      return copy(H5T_NATIVE_FLOAT);
    case ScalarType::Double:
      return copy(H5T_NATIVE_DOUBLE);
    case ScalarType::Half: {
      Handle t = copy(H5T_NATIVE_FLOAT);
      check(H5Tset_fields(t.get(), 15, 10, 5, 0, 10), what + ": H5Tset_fields");
      check(H5Tset_size(t.get(), 2), what + ": H5Tset_size");
      check(H5Tset_ebias(t.get(), 15), what + ": H5Tset_ebias");
      return t;
    }
    case ScalarType::Bool: {
      Handle t(check(H5Tenum_create(H5T_NATIVE_INT8), what + ": H5Tenum_create"), H5Tclose);
      const int8_t no = 0, yes = 1;
      check(H5Tenum_insert(t.get(), "FALSE", &no), what + ": H5Tenum_insert");
      check(H5Tenum_insert(t.get(), "TRUE", &yes), what + ": H5Tenum_insert");
      return t;
    }
    case ScalarType::BFloat16:
      break;
  }
  fail(SerializationErrorCode::Unsupported, unwritable(dtype, what));
}

// The parity dtype of a dataset's file type.
ScalarType dtypeOf(hid_t type, const std::string& what) {
  const H5T_class_t cls = check(H5Tget_class(type), what + ": H5Tget_class");
  const size_t size = H5Tget_size(type);
  if (size == 0) fail(SerializationErrorCode::Hdf5, what + ": H5Tget_size: " + errorStackText());
  if (cls == H5T_INTEGER) {
    const H5T_sign_t sign = check(H5Tget_sign(type), what + ": H5Tget_sign");
    if (sign == H5T_SGN_NONE && size == 1) return ScalarType::Byte;
    if (sign == H5T_SGN_2 && size == 1) return ScalarType::Char;
    if (sign == H5T_SGN_2 && size == 2) return ScalarType::Short;
    if (sign == H5T_SGN_2 && size == 4) return ScalarType::Int;
    if (sign == H5T_SGN_2 && size == 8) return ScalarType::Long;
    fail(SerializationErrorCode::Unsupported,
         what + ": " + std::string(sign == H5T_SGN_NONE ? "unsigned" : "signed") + " " +
             std::to_string(8 * size) + "-bit integers have no parity dtype");
  }
  if (cls == H5T_FLOAT) {
    if (size == 2) return ScalarType::Half;
    if (size == 4) return ScalarType::Float;
    if (size == 8) return ScalarType::Double;
    fail(SerializationErrorCode::Unsupported,
         what + ": " + std::to_string(8 * size) + "-bit floats have no parity dtype");
  }
  if (cls == H5T_ENUM && size == 1 && H5Tget_nmembers(type) == 2) {
    // h5py's bool: FALSE = 0, TRUE = 1 (HDF5 converts enums by name).
    char* a = H5Tget_member_name(type, 0);
    char* b = H5Tget_member_name(type, 1);
    const bool isBool = a && b && std::string(a) == "FALSE" && std::string(b) == "TRUE";
    H5free_memory(a);
    H5free_memory(b);
    if (isBool) return ScalarType::Bool;
  }
  fail(SerializationErrorCode::Unsupported,
       what + ": HDF5 type class " + std::to_string(static_cast<int>(cls)) + " of " +
           std::to_string(size) +
           " bytes has no parity dtype (integers, floats and h5py's bool enum only)");
}

// Whether `name` (slash-separated) is a link in the file, walked one
// component at a time because H5Lexists fails when a parent is missing.
bool linkExists(hid_t file, const std::string& name, const std::string& what) {
  size_t pos = 0;
  while (true) {
    pos = name.find('/', pos + 1);
    const std::string prefix = name.substr(0, pos);
    if (!prefix.empty() && prefix != "/" &&
        check(H5Lexists(file, prefix.c_str(), H5P_DEFAULT), what + ": H5Lexists") <= 0)
      return false;
    if (pos == std::string::npos) return true;
  }
}

}  // namespace

File::File(const std::string& path, Mode mode) : path_(path) {
  quietErrors();
  if (mode == Mode::Read) {
    id_ = check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), path + ": cannot open");
    return;
  }
  // Exists and is some file: open it (libhdf5 says why if it is not HDF5).
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
    id_ = check(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), path + ": cannot open");
  } else {
    id_ = check(H5Fcreate(path.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, H5P_DEFAULT),
                path + ": cannot create");
  }
}

File::~File() {
  if (id_ >= 0) H5Fclose(id_);
}

DatasetInfo File::info(const std::string& dataset, const LoadLimits& limits) const {
  const std::string what = datasetWhat(path_, dataset);
  Handle d(check(H5Dopen2(id_, dataset.c_str(), H5P_DEFAULT), what + ": cannot open"), H5Dclose);
  Handle type(check(H5Dget_type(d.get()), what + ": H5Dget_type"), H5Tclose);
  Handle space(check(H5Dget_space(d.get()), what + ": H5Dget_space"), H5Sclose);
  DatasetInfo info;
  info.dtype = dtypeOf(type.get(), what);
  const H5S_class_t cls = check(H5Sget_simple_extent_type(space.get()), what + ": dataspace");
  if (cls == H5S_NULL)
    fail(SerializationErrorCode::Unsupported, what + ": has a null dataspace (no data)");
  const int rank = check(H5Sget_simple_extent_ndims(space.get()), what + ": dataspace rank");
  if (rank > limits.max_rank)
    fail(SerializationErrorCode::LimitExceeded, what + ": has " + std::to_string(rank) +
                                                    " dims, the limit (max_rank) is " +
                                                    std::to_string(limits.max_rank));
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), what + ": dataspace dims");
  int64_t bytes = static_cast<int64_t>(elementSize(info.dtype));
  for (hsize_t n : dims) {
    if (n > static_cast<hsize_t>(INT64_MAX) ||
        __builtin_mul_overflow(info.numel, static_cast<int64_t>(n), &info.numel) ||
        __builtin_mul_overflow(bytes, static_cast<int64_t>(n), &bytes))
      fail(SerializationErrorCode::Overflow, what + ": its dims hold more bytes than int64 counts");
    info.shape.push_back(static_cast<int64_t>(n));
  }
  return info;
}

void File::readRows(const std::string& dataset, int64_t start, int64_t count, void* out) const {
  const std::string what = datasetWhat(path_, dataset);
  Handle d(check(H5Dopen2(id_, dataset.c_str(), H5P_DEFAULT), what + ": cannot open"), H5Dclose);
  Handle ftype(check(H5Dget_type(d.get()), what + ": H5Dget_type"), H5Tclose);
  Handle mtype = memoryType(dtypeOf(ftype.get(), what), what);
  Handle space(check(H5Dget_space(d.get()), what + ": H5Dget_space"), H5Sclose);
  const int rank = check(H5Sget_simple_extent_ndims(space.get()), what + ": dataspace rank");
  if (rank == 0) {
    check(H5Dread(d.get(), mtype.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out), what + ": H5Dread");
    return;
  }
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), what + ": dataspace dims");
  if (start < 0 || count < 0 || static_cast<hsize_t>(start + count) > dims[0])
    fail(SerializationErrorCode::BadView, what + ": rows [" + std::to_string(start) + ", " +
                                              std::to_string(start + count) + ") outside its " +
                                              std::to_string(dims[0]) + " rows");
  // Nothing to read (libhdf5 refuses an empty hyperslab).
  if (count == 0 || std::find(dims.begin(), dims.end(), hsize_t{0}) != dims.end()) return;
  // The hyperslab: rows [start, start+count) of dim 0, all of the others.
  std::vector<hsize_t> offset(dims.size(), 0), extent = dims;
  offset[0] = static_cast<hsize_t>(start);
  extent[0] = static_cast<hsize_t>(count);
  check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, offset.data(), nullptr, extent.data(),
                            nullptr),
        what + ": H5Sselect_hyperslab");
  Handle mem(check(H5Screate_simple(rank, extent.data(), nullptr), what + ": H5Screate_simple"),
             H5Sclose);
  check(H5Dread(d.get(), mtype.get(), mem.get(), space.get(), H5P_DEFAULT, out),
        what + ": H5Dread");
}

void File::write(const std::string& dataset,
                 ScalarType dtype,
                 std::span<const int64_t> shape,
                 const void* data) {
  const std::string what = datasetWhat(path_, dataset);
  Handle mtype = memoryType(dtype, what);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  Handle space(shape.empty()
                   ? check(H5Screate(H5S_SCALAR), what + ": H5Screate")
                   : check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                           what + ": H5Screate_simple"),
               H5Sclose);
  if (linkExists(id_, dataset, what))
    check(H5Ldelete(id_, dataset.c_str(), H5P_DEFAULT), what + ": cannot replace");
  Handle lcpl(check(H5Pcreate(H5P_LINK_CREATE), what + ": H5Pcreate"), H5Pclose);
  check(H5Pset_create_intermediate_group(lcpl.get(), 1), what + ": intermediate groups");
  // The file type is the memory type: little-endian native types, as h5py
  // writes numpy's.
  Handle d(check(H5Dcreate2(id_, dataset.c_str(), mtype.get(), space.get(), lcpl.get(), H5P_DEFAULT,
                            H5P_DEFAULT),
                 what + ": cannot create"),
           H5Dclose);
  int64_t numel = 1;
  for (int64_t n : shape) numel *= n;
  if (numel > 0)
    check(H5Dwrite(d.get(), mtype.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data), what + ": H5Dwrite");
  check(H5Fflush(id_, H5F_SCOPE_LOCAL), path_ + ": H5Fflush");
}

void checkWritable(ScalarType dtype, const std::string& path, const std::string& dataset) {
  if (dtype == ScalarType::BFloat16)
    fail(SerializationErrorCode::Unsupported, unwritable(dtype, datasetWhat(path, dataset)));
}

RowRange sliceRows(int64_t rows, int64_t start, const int64_t* stop) {
  auto clamp = [rows](int64_t i) {
    if (i < 0) i += rows;
    return i < 0 ? 0 : (i > rows ? rows : i);
  };
  const int64_t a = clamp(start);
  const int64_t b = stop ? clamp(*stop) : rows;
  return {a, b > a ? b - a : 0};
}

}  // namespace parity::io::hdf5
