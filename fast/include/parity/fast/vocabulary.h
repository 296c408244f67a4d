// The shared vocabulary (spec/include/parity/spec), re-exported so that user
// code spells everything as parity::fast::X, as it would spell torch::X.
#pragma once
#include "parity/spec.h"

namespace parity::fast {

using parity::BFloat16;
using parity::cppTypeName;
using parity::elementSize;
using parity::Half;
using parity::isFloatingType;
using parity::isIntegralType;
using parity::kBFloat16;
using parity::kBool;
using parity::kByte;
using parity::kChar;
using parity::kDouble;
using parity::kFloat;
using parity::kFloat16;
using parity::kFloat32;
using parity::kFloat64;
using parity::kHalf;
using parity::kInt;
using parity::kInt16;
using parity::kInt32;
using parity::kInt64;
using parity::kInt8;
using parity::kLong;
using parity::kShort;
using parity::kUInt8;
using parity::pythonName;
using parity::ScalarType;
using parity::toString;

using parity::Device;
using parity::DeviceType;
using parity::kCPU;
using parity::kCUDA;
using parity::kMeta;

using parity::Error;
using parity::ErrorKind;
using parity::IndexError;
using parity::NotImplementedError;
using parity::TypeError;
using parity::ValueError;

using parity::device;
using parity::dtype;
using parity::IntArrayRef;
using parity::OptionalIntArrayRef;
using parity::requires_grad;
using parity::Scalar;
using parity::TensorOptions;

using parity::default_rng_seed_val;

// nn::init's tags (torch::kReLU, torch::kFanIn, ...).
namespace enumtype = parity::enumtype;
using parity::kConv1D;
using parity::kConv2D;
using parity::kConv3D;
using parity::kConvTranspose1D;
using parity::kConvTranspose2D;
using parity::kConvTranspose3D;
using parity::kFanIn;
using parity::kFanOut;
using parity::kLeakyReLU;
using parity::kLinear;
using parity::kReLU;
using parity::kSigmoid;
using parity::kTanh;

namespace indexing {
using parity::indexing::Ellipsis;
using parity::indexing::EllipsisIndexType;
using parity::indexing::None;
using parity::indexing::Slice;
}  // namespace indexing

}  // namespace parity::fast
