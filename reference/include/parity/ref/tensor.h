// Tensor: a handle on (storage, dtype, sizes, strides, storage offset), the
// strided model of at::Tensor. Copying a Tensor aliases it, as in LibTorch.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "parity/ref/generator.h"
#include "parity/ref/storage.h"
#include "parity/ref/tensor_index.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref {

struct TensorImpl;  // the metadata record; defined in src/tensor_impl.h

class Tensor {
 public:
  Tensor() = default;  // undefined, as a default at::Tensor
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // --- metadata (tensor.cpp)
  bool defined() const { return impl_ != nullptr; }
  IntArrayRef sizes() const;
  IntArrayRef strides() const;
  int64_t size(int64_t dim) const;
  int64_t stride(int64_t dim) const;
  int64_t storage_offset() const;
  int64_t dim() const;
  int64_t ndimension() const { return dim(); }
  int64_t numel() const;
  ScalarType scalar_type() const;
  ScalarType dtype() const { return scalar_type(); }
  size_t element_size() const { return elementSize(scalar_type()); }
  Device device() const { return Device(kCPU); }
  TensorOptions options() const;
  bool is_contiguous() const;
  bool is_alias_of(const Tensor& other) const;
  Storage storage() const;
  int64_t _version() const;
  bool requires_grad() const;
  const Tensor& requires_grad_(bool requires_grad = true) const;

  // --- element access (item.cpp)
  void* data_ptr() const;
  template <class T>
  T* data_ptr() const;  // T must be the dtype's C++ type
  Scalar item() const;
  template <class T>
  T item() const;

  // --- views: share storage, never copy (views.cpp)
  Tensor view(IntArrayRef size) const;
  Tensor reshape(IntArrayRef shape) const;
  Tensor transpose(int64_t dim0, int64_t dim1) const;
  Tensor t() const;
  Tensor permute(IntArrayRef dims) const;
  Tensor unsqueeze(int64_t dim) const;
  Tensor squeeze() const;
  Tensor squeeze(int64_t dim) const;
  Tensor expand(IntArrayRef size) const;
  Tensor expand_as(const Tensor& other) const;
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  Tensor select(int64_t dim, int64_t index) const;
  Tensor slice(int64_t dim = 0,
               std::optional<int64_t> start = std::nullopt,
               std::optional<int64_t> end = std::nullopt,
               int64_t step = 1) const;
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  Tensor operator[](int64_t index) const;

  // --- Python subscripts (indexing.cpp)
  Tensor index(std::initializer_list<TensorIndex> indices) const;
  Tensor index(const std::vector<TensorIndex>& indices) const;
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Scalar& v) const;
  Tensor& index_put_(std::initializer_list<TensorIndex> indices, const Tensor& v) const;
  Tensor& index_put_(const std::vector<TensorIndex>& indices, const Scalar& v) const;
  Tensor& index_put_(const std::vector<TensorIndex>& indices, const Tensor& v) const;

  // --- copies and writes (copy.cpp)
  Tensor contiguous() const;
  Tensor clone() const;
  Tensor to(ScalarType dtype) const;
  Tensor to(Device device) const;
  Tensor to(DeviceType type) const { return to(Device(type)); }  // to(kCPU): not ambiguous
  Tensor to(Device device, ScalarType dtype) const;
  Tensor to(TensorOptions options) const;
  Tensor& copy_(const Tensor& src) const;
  Tensor& fill_(const Scalar& value) const;
  Tensor& zero_() const;

  // --- arithmetic (binary_ops.cpp, unary_ops.cpp); Scalar `other` is a
  // wrapped number, lowest in type promotion
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor mul(const Tensor& other) const;
  Tensor mul(const Scalar& other) const;
  Tensor div(const Tensor& other) const;
  Tensor div(const Scalar& other) const;
  Tensor div(const Tensor& other, std::optional<std::string_view> rounding_mode) const;
  Tensor div(const Scalar& other, std::optional<std::string_view> rounding_mode) const;
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& mul_(const Tensor& other) const;
  Tensor& mul_(const Scalar& other) const;
  Tensor& div_(const Tensor& other) const;
  Tensor& div_(const Scalar& other) const;
  Tensor& div_(const Tensor& other, std::optional<std::string_view> rounding_mode) const;
  Tensor& div_(const Scalar& other, std::optional<std::string_view> rounding_mode) const;
  Tensor neg() const;

  // --- comparisons, result kBool (compare_ops.cpp)
  Tensor eq(const Tensor& other) const;
  Tensor eq(const Scalar& other) const;
  Tensor ne(const Tensor& other) const;
  Tensor ne(const Scalar& other) const;
  Tensor lt(const Tensor& other) const;
  Tensor lt(const Scalar& other) const;
  Tensor le(const Tensor& other) const;
  Tensor le(const Scalar& other) const;
  Tensor gt(const Tensor& other) const;
  Tensor gt(const Scalar& other) const;
  Tensor ge(const Tensor& other) const;
  Tensor ge(const Scalar& other) const;

  // --- pointwise math: unary, binary, clamp, where, masked_fill (see spec/API.md)
  // unary (unary_math_ops.cpp, rounding_ops.cpp, abs_sign_ops.cpp,
  // bitwise_logical_ops.cpp, special_value_ops.cpp)
  Tensor abs() const;
  Tensor& abs_() const;
  Tensor& neg_() const;
  Tensor sign() const;
  Tensor& sign_() const;
  Tensor exp() const;
  Tensor& exp_() const;
  Tensor exp2() const;
  Tensor& exp2_() const;
  Tensor expm1() const;
  Tensor& expm1_() const;
  Tensor log() const;
  Tensor& log_() const;
  Tensor log2() const;
  Tensor& log2_() const;
  Tensor log10() const;
  Tensor& log10_() const;
  Tensor log1p() const;
  Tensor& log1p_() const;
  Tensor sqrt() const;
  Tensor& sqrt_() const;
  Tensor rsqrt() const;
  Tensor& rsqrt_() const;
  Tensor sin() const;
  Tensor& sin_() const;
  Tensor cos() const;
  Tensor& cos_() const;
  Tensor tan() const;
  Tensor& tan_() const;
  Tensor asin() const;
  Tensor& asin_() const;
  Tensor acos() const;
  Tensor& acos_() const;
  Tensor atan() const;
  Tensor& atan_() const;
  Tensor sinh() const;
  Tensor& sinh_() const;
  Tensor cosh() const;
  Tensor& cosh_() const;
  Tensor tanh() const;
  Tensor& tanh_() const;
  Tensor sigmoid() const;
  Tensor& sigmoid_() const;
  Tensor relu() const;
  Tensor& relu_() const;
  Tensor floor() const;
  Tensor& floor_() const;
  Tensor ceil() const;
  Tensor& ceil_() const;
  Tensor round() const;
  Tensor& round_() const;
  Tensor round(int64_t decimals) const;
  Tensor& round_(int64_t decimals) const;
  Tensor trunc() const;
  Tensor& trunc_() const;
  Tensor frac() const;
  Tensor& frac_() const;
  Tensor reciprocal() const;
  Tensor& reciprocal_() const;
  Tensor square() const;
  Tensor& square_() const;
  Tensor bitwise_not() const;
  Tensor& bitwise_not_() const;
  Tensor logical_not() const;
  Tensor& logical_not_() const;
  Tensor nan_to_num(std::optional<double> nan = std::nullopt,
                    std::optional<double> posinf = std::nullopt,
                    std::optional<double> neginf = std::nullopt) const;
  Tensor& nan_to_num_(std::optional<double> nan = std::nullopt,
                      std::optional<double> posinf = std::nullopt,
                      std::optional<double> neginf = std::nullopt) const;
  Tensor isnan() const;
  Tensor isinf() const;
  Tensor isfinite() const;

  // binary (pow_ops.cpp, binary_math_ops.cpp, bitwise_logical_ops.cpp)
  Tensor pow(const Tensor& exponent) const;
  Tensor pow(const Scalar& exponent) const;
  Tensor& pow_(const Tensor& exponent) const;
  Tensor& pow_(const Scalar& exponent) const;
  Tensor remainder(const Tensor& other) const;
  Tensor remainder(const Scalar& other) const;
  Tensor& remainder_(const Tensor& other) const;
  Tensor& remainder_(const Scalar& other) const;
  Tensor fmod(const Tensor& other) const;
  Tensor fmod(const Scalar& other) const;
  Tensor& fmod_(const Tensor& other) const;
  Tensor& fmod_(const Scalar& other) const;
  Tensor floor_divide(const Tensor& other) const;
  Tensor floor_divide(const Scalar& other) const;
  Tensor& floor_divide_(const Tensor& other) const;
  Tensor& floor_divide_(const Scalar& other) const;
  Tensor bitwise_and(const Tensor& other) const;
  Tensor bitwise_and(const Scalar& other) const;
  Tensor& bitwise_and_(const Tensor& other) const;
  Tensor& bitwise_and_(const Scalar& other) const;
  Tensor bitwise_or(const Tensor& other) const;
  Tensor bitwise_or(const Scalar& other) const;
  Tensor& bitwise_or_(const Tensor& other) const;
  Tensor& bitwise_or_(const Scalar& other) const;
  Tensor bitwise_xor(const Tensor& other) const;
  Tensor bitwise_xor(const Scalar& other) const;
  Tensor& bitwise_xor_(const Tensor& other) const;
  Tensor& bitwise_xor_(const Scalar& other) const;
  Tensor maximum(const Tensor& other) const;
  Tensor minimum(const Tensor& other) const;
  Tensor max(const Tensor& other) const;  // maximum
  Tensor min(const Tensor& other) const;  // minimum
  Tensor atan2(const Tensor& other) const;
  Tensor& atan2_(const Tensor& other) const;
  Tensor logical_and(const Tensor& other) const;
  Tensor& logical_and_(const Tensor& other) const;
  Tensor logical_or(const Tensor& other) const;
  Tensor& logical_or_(const Tensor& other) const;
  Tensor logical_xor(const Tensor& other) const;
  Tensor& logical_xor_(const Tensor& other) const;

  // clamp, lerp (clamp_ops.cpp, lerp_ops.cpp)
  Tensor clamp(const std::optional<Scalar>& min,
               const std::optional<Scalar>& max = std::nullopt) const;
  Tensor clamp(const std::optional<Tensor>& min = {}, const std::optional<Tensor>& max = {}) const;
  Tensor& clamp_(const std::optional<Scalar>& min,
                 const std::optional<Scalar>& max = std::nullopt) const;
  Tensor& clamp_(const std::optional<Tensor>& min = {},
                 const std::optional<Tensor>& max = {}) const;
  Tensor clamp_min(const Scalar& min) const;
  Tensor clamp_min(const Tensor& min) const;
  Tensor& clamp_min_(const Scalar& min) const;
  Tensor& clamp_min_(const Tensor& min) const;
  Tensor clamp_max(const Scalar& max) const;
  Tensor clamp_max(const Tensor& max) const;
  Tensor& clamp_max_(const Scalar& max) const;
  Tensor& clamp_max_(const Tensor& max) const;
  Tensor lerp(const Tensor& end, const Scalar& weight) const;
  Tensor lerp(const Tensor& end, const Tensor& weight) const;
  Tensor& lerp_(const Tensor& end, const Scalar& weight) const;
  Tensor& lerp_(const Tensor& end, const Tensor& weight) const;

  // selection (where_ops.cpp)
  Tensor where(const Tensor& condition, const Tensor& other) const;
  Tensor masked_fill(const Tensor& mask, const Scalar& value) const;
  Tensor masked_fill(const Tensor& mask, const Tensor& value) const;  // value 0-d
  Tensor& masked_fill_(const Tensor& mask, const Scalar& value) const;
  Tensor& masked_fill_(const Tensor& mask, const Tensor& value) const;

  // C++ operators (LibTorch's TensorBody.h: ~ is bitwise_not)
  Tensor operator~() const { return bitwise_not(); }
  Tensor& operator%=(const Tensor& other) const { return remainder_(other); }
  Tensor& operator%=(const Scalar& other) const { return remainder_(other); }
  Tensor& operator&=(const Tensor& other) const { return bitwise_and_(other); }
  Tensor& operator&=(const Scalar& other) const { return bitwise_and_(other); }
  Tensor& operator|=(const Tensor& other) const { return bitwise_or_(other); }
  Tensor& operator|=(const Scalar& other) const { return bitwise_or_(other); }
  Tensor& operator^=(const Tensor& other) const { return bitwise_xor_(other); }
  Tensor& operator^=(const Scalar& other) const { return bitwise_xor_(other); }
  // [pointwise members end]

  // --- reductions (see spec/API.md)
  Tensor sum(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor sum(OptionalIntArrayRef dim,
             bool keepdim = false,
             std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor mean(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor mean(OptionalIntArrayRef dim,
              bool keepdim = false,
              std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor prod(std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor prod(int64_t dim,
              bool keepdim = false,
              std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor amax(IntArrayRef dim = {}, bool keepdim = false) const;
  Tensor amin(IntArrayRef dim = {}, bool keepdim = false) const;
  Tensor max() const;
  Tensor min() const;
  std::tuple<Tensor, Tensor> max(int64_t dim, bool keepdim = false) const;
  std::tuple<Tensor, Tensor> min(int64_t dim, bool keepdim = false) const;
  Tensor argmax(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;
  Tensor argmin(std::optional<int64_t> dim = std::nullopt, bool keepdim = false) const;
  Tensor std(bool unbiased = true) const;
  Tensor std(OptionalIntArrayRef dim, bool unbiased = true, bool keepdim = false) const;
  Tensor std(OptionalIntArrayRef dim,
             std::optional<int64_t> correction,
             bool keepdim = false) const;
  Tensor var(bool unbiased = true) const;
  Tensor var(OptionalIntArrayRef dim, bool unbiased = true, bool keepdim = false) const;
  Tensor var(OptionalIntArrayRef dim,
             std::optional<int64_t> correction,
             bool keepdim = false) const;
  // C++-only, as LibTorch's: std(0) / std({0}) reduce dim 0 (int -> bool would
  // otherwise pick the unbiased overload).
  Tensor std(int dim) const;
  Tensor var(int dim) const;
  Tensor norm(const Scalar& p = 2) const;
  Tensor norm(const std::optional<Scalar>& p, IntArrayRef dim, bool keepdim = false) const;
  Tensor all() const;
  Tensor all(int64_t dim, bool keepdim = false) const;
  Tensor any() const;
  Tensor any(int64_t dim, bool keepdim = false) const;
  Tensor logsumexp(IntArrayRef dim, bool keepdim = false) const;
  Tensor cumsum(int64_t dim, std::optional<ScalarType> dtype = std::nullopt) const;
  Tensor cumprod(int64_t dim, std::optional<ScalarType> dtype = std::nullopt) const;
  // [reduction members end]

  // --- linear algebra (see spec/API.md)
  Tensor dot(const Tensor& tensor) const;
  Tensor mv(const Tensor& vec) const;
  Tensor mm(const Tensor& mat2) const;
  Tensor bmm(const Tensor& mat2) const;
  Tensor matmul(const Tensor& other) const;
  // [linalg members end]

  // --- joining, splitting, gathering, sorting (see spec/API.md)
  std::vector<Tensor> split(int64_t split_size, int64_t dim = 0) const;  // split_ops.cpp
  std::vector<Tensor> split(IntArrayRef split_sizes, int64_t dim = 0) const;
  std::vector<Tensor> split_with_sizes(IntArrayRef split_sizes, int64_t dim = 0) const;
  std::vector<Tensor> chunk(int64_t chunks, int64_t dim = 0) const;
  Tensor gather(int64_t dim, const Tensor& index) const;  // gather_scatter.cpp
  Tensor scatter(int64_t dim, const Tensor& index, const Tensor& src) const;
  Tensor scatter(int64_t dim, const Tensor& index, const Scalar& value) const;
  Tensor scatter_add(int64_t dim, const Tensor& index, const Tensor& src) const;
  Tensor& scatter_(int64_t dim, const Tensor& index, const Tensor& src) const;
  Tensor& scatter_(int64_t dim, const Tensor& index, const Scalar& value) const;
  Tensor& scatter_add_(int64_t dim, const Tensor& index, const Tensor& src) const;
  Tensor index_select(int64_t dim, const Tensor& index) const;  // select_ops.cpp
  Tensor masked_select(const Tensor& mask) const;
  Tensor nonzero() const;
  std::tuple<Tensor, Tensor> sort(int64_t dim = -1, bool descending = false) const;  // sort_ops.cpp
  std::tuple<Tensor, Tensor> sort(std::optional<bool> stable,
                                  int64_t dim = -1,
                                  bool descending = false) const;
  Tensor argsort(int64_t dim = -1, bool descending = false) const;
  std::tuple<Tensor, Tensor> topk(int64_t k,
                                  int64_t dim = -1,
                                  bool largest = true,
                                  bool sorted = true) const;
  Tensor flip(IntArrayRef dims) const;  // rearrange_ops.cpp
  Tensor roll(IntArrayRef shifts, IntArrayRef dims = {}) const;
  Tensor repeat(IntArrayRef repeats) const;
  Tensor tril(int64_t diagonal = 0) const;  // triangle_ops.cpp
  Tensor triu(int64_t diagonal = 0) const;
  Tensor& tril_(int64_t diagonal = 0) const;
  Tensor& triu_(int64_t diagonal = 0) const;
  // [joining members end]

  // --- Random sampling in place (random.h)
  // uniform_sampling.cpp, normal_sampling.cpp, integer_sampling.cpp,
  // bernoulli.cpp, exponential.cpp
  Tensor& uniform_(double from = 0,
                   double to = 1,
                   std::optional<Generator> generator = std::nullopt) const;
  Tensor& normal_(double mean = 0,
                  double std = 1,
                  std::optional<Generator> generator = std::nullopt) const;
  Tensor& random_(std::optional<Generator> generator = std::nullopt) const;
  Tensor& random_(int64_t to, std::optional<Generator> generator = std::nullopt) const;
  Tensor& random_(int64_t from,
                  std::optional<int64_t> to,
                  std::optional<Generator> generator = std::nullopt) const;
  Tensor& bernoulli_(double p = 0.5, std::optional<Generator> generator = std::nullopt) const;
  Tensor& bernoulli_(const Tensor& p, std::optional<Generator> generator = std::nullopt) const;
  Tensor bernoulli(std::optional<Generator> generator = std::nullopt) const;
  Tensor bernoulli(double p, std::optional<Generator> generator = std::nullopt) const;
  Tensor& exponential_(double lambd = 1, std::optional<Generator> generator = std::nullopt) const;
  // [random members end]

  // --- C++ operators that are members in LibTorch (operators.cpp)
  Tensor operator-() const { return neg(); }
  Tensor& operator+=(const Tensor& other) const { return add_(other); }
  Tensor& operator+=(const Scalar& other) const { return add_(other); }
  Tensor& operator-=(const Tensor& other) const { return sub_(other); }
  Tensor& operator-=(const Scalar& other) const { return sub_(other); }
  Tensor& operator*=(const Tensor& other) const { return mul_(other); }
  Tensor& operator*=(const Scalar& other) const { return mul_(other); }
  Tensor& operator/=(const Tensor& other) const { return div_(other); }
  Tensor& operator/=(const Scalar& other) const { return div_(other); }

  const std::shared_ptr<TensorImpl>& impl() const { return impl_; }

 private:
  const TensorImpl& checked_impl() const;

  std::shared_ptr<TensorImpl> impl_;
};

}  // namespace parity::ref
