// split, split_with_sizes, chunk (ATen/native/TensorShape.cpp): lists of
// narrow() views, so each piece keeps the input's strides and storage.
#include <sstream>

#include "tensor_impl.h"

namespace parity::ref {

namespace {

void check_not_0d(const Tensor& self, const char* op) {
  if (self.dim() == 0) throw Error(std::string(op) + " expects at least a 1-dimensional tensor");
}

}  // namespace

// Pieces of split_size; the last one holds what is left. A split_size
// larger than the dim gives one piece, and 0 is allowed only for a size-0 dim.
std::vector<Tensor> Tensor::split(int64_t split_size, int64_t dim) const {
  check_not_0d(*this, "split");
  if (split_size < 0)
    throw Error("split expects split_size be non-negative, but got split_size=" +
                std::to_string(split_size));
  const int64_t dim_size = size(dim);
  if (split_size == 0 && dim_size != 0)
    throw Error("split_size can only be 0 if dimension size is 0, but got dimension size of " +
                std::to_string(dim_size));
  int64_t pieces = 1;
  if (split_size != 0) pieces = std::max<int64_t>((dim_size + split_size - 1) / split_size, 1);
  const int64_t last_size = dim_size - split_size * (pieces - 1);
  std::vector<Tensor> result;
  for (int64_t i = 0; i < pieces; ++i)
    result.push_back(narrow(dim, i * split_size, i < pieces - 1 ? split_size : last_size));
  return result;
}

std::vector<Tensor> Tensor::split(IntArrayRef split_sizes, int64_t dim) const {
  return split_with_sizes(split_sizes, dim);
}

std::vector<Tensor> Tensor::split_with_sizes(IntArrayRef split_sizes, int64_t dim) const {
  check_not_0d(*this, "split");
  const int64_t dim_size = size(dim);
  int64_t total = 0;
  for (int64_t length : split_sizes) {
    if (length < 0) {
      std::ostringstream msg;
      msg << "split_with_sizes expects split_sizes have only non-negative entries, but got "
             "split_sizes="
          << split_sizes;
      throw Error(msg.str());
    }
    total += length;
  }
  if (total != dim_size) {
    std::ostringstream msg;  // LibTorch reports dim as given, not wrapped
    msg << "split_with_sizes expects split_sizes to sum exactly to " << dim_size
        << " (input tensor's size at dimension " << dim << "), but got split_sizes=" << split_sizes;
    throw Error(msg.str());
  }
  std::vector<Tensor> result;
  int64_t start = 0;
  for (int64_t length : split_sizes) {
    result.push_back(narrow(dim, start, length));
    start += length;
  }
  return result;
}

// chunk: pieces of ceil(size / chunks), so possibly fewer than `chunks`;
// a size-0 dim still gives `chunks` empty pieces.
std::vector<Tensor> Tensor::chunk(int64_t chunks, int64_t dim) const {
  check_not_0d(*this, "chunk");
  if (chunks <= 0)
    throw Error("chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  const int64_t dim_size = size(dim);
  const int64_t split_size = (dim_size + chunks - 1) / chunks;
  if (split_size == 0 && dim_size == 0)
    return split_with_sizes(std::vector<int64_t>(chunks, 0), dim);
  return split(split_size, dim);
}

}  // namespace parity::ref
