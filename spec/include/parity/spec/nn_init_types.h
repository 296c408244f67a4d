// Vocabulary: the tag types nn::init takes, spelled as LibTorch's
// torch/enum.h and torch/nn/init.h (torch::kReLU, torch::kFanIn, ...).
#pragma once
#include <variant>

namespace parity {

namespace enumtype {
struct kLinear {};
struct kConv1D {};
struct kConv2D {};
struct kConv3D {};
struct kConvTranspose1D {};
struct kConvTranspose2D {};
struct kConvTranspose3D {};
struct kSigmoid {};
struct kTanh {};
struct kReLU {};
struct kLeakyReLU {};
struct kFanIn {};
struct kFanOut {};
}  // namespace enumtype

inline constexpr enumtype::kLinear kLinear{};
inline constexpr enumtype::kConv1D kConv1D{};
inline constexpr enumtype::kConv2D kConv2D{};
inline constexpr enumtype::kConv3D kConv3D{};
inline constexpr enumtype::kConvTranspose1D kConvTranspose1D{};
inline constexpr enumtype::kConvTranspose2D kConvTranspose2D{};
inline constexpr enumtype::kConvTranspose3D kConvTranspose3D{};
inline constexpr enumtype::kSigmoid kSigmoid{};
inline constexpr enumtype::kTanh kTanh{};
inline constexpr enumtype::kReLU kReLU{};
inline constexpr enumtype::kLeakyReLU kLeakyReLU{};
inline constexpr enumtype::kFanIn kFanIn{};
inline constexpr enumtype::kFanOut kFanOut{};

namespace nn::init {
using NonlinearityType = std::variant<enumtype::kLinear,
                                      enumtype::kConv1D,
                                      enumtype::kConv2D,
                                      enumtype::kConv3D,
                                      enumtype::kConvTranspose1D,
                                      enumtype::kConvTranspose2D,
                                      enumtype::kConvTranspose3D,
                                      enumtype::kSigmoid,
                                      enumtype::kTanh,
                                      enumtype::kReLU,
                                      enumtype::kLeakyReLU>;
using FanModeType = std::variant<enumtype::kFanIn, enumtype::kFanOut>;
}  // namespace nn::init

}  // namespace parity
