// Vocabulary: where a tensor lives.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>

namespace parity {

enum class DeviceType : int8_t { CPU, CUDA, Meta };

inline constexpr DeviceType kCPU = DeviceType::CPU;
inline constexpr DeviceType kCUDA = DeviceType::CUDA;
inline constexpr DeviceType kMeta = DeviceType::Meta;

class Device {
 public:
  Device(DeviceType type, int8_t index = -1)
      : type_(type), index_(index) {}  // NOLINT: implicit as in c10
  DeviceType type() const { return type_; }
  int8_t index() const { return index_; }
  bool has_index() const { return index_ >= 0; }
  bool is_cpu() const { return type_ == kCPU; }
  bool is_cuda() const { return type_ == kCUDA; }
  bool is_meta() const { return type_ == kMeta; }
  bool operator==(const Device& o) const { return type_ == o.type_ && index_ == o.index_; }
  bool operator!=(const Device& o) const { return !(*this == o); }
  // Python's str(device): "cpu", "cuda", "cuda:0", "meta".
  std::string str() const {
    std::string s = type_ == kCPU ? "cpu" : type_ == kCUDA ? "cuda" : "meta";
    return has_index() ? s + ":" + std::to_string(index_) : s;
  }

 private:
  DeviceType type_;
  int8_t index_;
};

inline std::ostream& operator<<(std::ostream& os, const Device& d) { return os << d.str(); }

}  // namespace parity
