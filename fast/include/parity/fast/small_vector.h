// DimVector: sizes and strides with inline room for kInlineDims dims, so that
// making a view of an ordinary tensor never touches the heap.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "parity/spec.h"

namespace parity::fast {

class DimVector {
 public:
  static constexpr uint32_t kInlineDims = 6;

  DimVector() = default;
  explicit DimVector(size_t n, int64_t value = 0) { resize(n, value); }
  DimVector(IntArrayRef a) { assign(a.data(), a.size()); }  // NOLINT: implicit like c10's
  DimVector(std::initializer_list<int64_t> l) { assign(l.begin(), l.size()); }
  DimVector(const DimVector& o) { assign(o.data_, o.size_); }
  DimVector(DimVector&& o) noexcept { steal(o); }
  DimVector& operator=(const DimVector& o) {
    if (this != &o) assign(o.data_, o.size_);
    return *this;
  }
  DimVector& operator=(DimVector&& o) noexcept {
    if (this != &o) {
      release();
      steal(o);
    }
    return *this;
  }
  ~DimVector() { release(); }

  void assign(const int64_t* p, size_t n) {
    reserve(n);
    if (n) std::memmove(data_, p, n * sizeof(int64_t));
    size_ = static_cast<uint32_t>(n);
  }
  void reserve(size_t n) {
    if (n <= cap_) return;
    auto* p = static_cast<int64_t*>(std::malloc(n * sizeof(int64_t)));
    if (!p) throw std::bad_alloc();
    const uint32_t kept = size_;  // release() forgets the size
    if (kept) std::memcpy(p, data_, kept * sizeof(int64_t));
    release();
    data_ = p;
    cap_ = static_cast<uint32_t>(n);
    size_ = kept;
  }
  void resize(size_t n, int64_t value = 0) {
    reserve(n);
    for (size_t i = size_; i < n; ++i) data_[i] = value;
    size_ = static_cast<uint32_t>(n);
  }
  void push_back(int64_t v) {
    if (size_ == cap_) reserve(cap_ * 2);
    data_[size_++] = v;
  }
  void insert(size_t pos, int64_t v) {
    push_back(0);
    std::memmove(data_ + pos + 1, data_ + pos, (size_ - 1 - pos) * sizeof(int64_t));
    data_[pos] = v;
  }
  void erase(size_t pos) {
    std::memmove(data_ + pos, data_ + pos + 1, (size_ - 1 - pos) * sizeof(int64_t));
    --size_;
  }
  void clear() { size_ = 0; }

  int64_t* data() { return data_; }
  const int64_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int64_t& operator[](size_t i) { return data_[i]; }
  const int64_t& operator[](size_t i) const { return data_[i]; }
  int64_t* begin() { return data_; }
  int64_t* end() { return data_ + size_; }
  const int64_t* begin() const { return data_; }
  const int64_t* end() const { return data_ + size_; }
  int64_t& back() { return data_[size_ - 1]; }
  operator IntArrayRef() const { return IntArrayRef(data_, size_); }  // NOLINT
  IntArrayRef ref() const { return IntArrayRef(data_, size_); }

 private:
  bool is_inline() const { return data_ == inline_; }
  void release() {
    if (!is_inline()) std::free(data_);
    data_ = inline_;
    cap_ = kInlineDims;
    size_ = 0;
  }
  void steal(DimVector& o) {
    if (o.is_inline()) {
      data_ = inline_;
      cap_ = kInlineDims;
      std::memcpy(inline_, o.inline_, o.size_ * sizeof(int64_t));
    } else {
      data_ = o.data_;
      cap_ = o.cap_;
      o.data_ = o.inline_;
      o.cap_ = kInlineDims;
    }
    size_ = o.size_;
    o.size_ = 0;
  }

  int64_t* data_ = inline_;
  uint32_t size_ = 0;
  uint32_t cap_ = kInlineDims;
  int64_t inline_[kInlineDims];
};

}  // namespace parity::fast
