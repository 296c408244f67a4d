// The interop API (interop.h of each engine, spec/API.md "Interop") as
// members of an engine adapter: from_blob, DLPack, .npy and HDF5. The
// parity engines declare all of it, so the members call NS directly.
#pragma once
#include <dlpack/dlpack.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "parity/io/limits.h"

#define PARITY_ENGINE_INTEROP_MEMBERS(NS)                                                          \
  using Deleter = std::function<void(void*)>;                                                      \
  static Tensor from_blob(void* d, Sizes s, const Deleter& del, Options o = {}) {                  \
    return NS::from_blob(d, s, del, o);                                                            \
  }                                                                                                \
  static Tensor from_blob(void* d, Sizes s, Sizes st, const Deleter& del, Options o = {}) {        \
    return NS::from_blob(d, s, st, del, o);                                                        \
  }                                                                                                \
  static Tensor from_blob(void* d, Sizes s, Options o = {}) { return NS::from_blob(d, s, o); }     \
  static Tensor from_blob(void* d, Sizes s, Sizes st, Options o) {                                 \
    return NS::from_blob(d, s, st, o);                                                             \
  }                                                                                                \
  static DLManagedTensor* toDLPack(const Tensor& t) { return NS::toDLPack(t); }                    \
  static Tensor fromDLPack(DLManagedTensor* m) { return NS::fromDLPack(m); }                       \
  static void save_npy(const Tensor& t, const std::string& p) { NS::save_npy(t, p); }              \
  static Tensor load_npy(const std::string& p, const ::parity::io::LoadLimits& l = {}) {           \
    return NS::load_npy(p, l);                                                                     \
  }                                                                                                \
  static void h5_write(const std::string& p, const std::string& d, const Tensor& t) {              \
    NS::h5::write(p, d, t);                                                                        \
  }                                                                                                \
  static Tensor h5_read(const std::string& p, const std::string& d) { return NS::h5::read(p, d); } \
  static Tensor h5_read(const std::string& p, const std::string& d, int64_t start,                 \
                        std::optional<int64_t> stop) {                                             \
    return NS::h5::read(p, d, start, stop);                                                        \
  }
