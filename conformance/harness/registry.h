// The case registry. A case is written once as a template over the engine
// adapter and instantiated here for reference, fast and (when found)
// LibTorch:
//
//   PARITY_CASE(points_offset, "VIEW-OFFSET", "S001-45") {
//     auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
//     r.expect("offset", points[1].storage_offset(), 2);
//   }
//
// The second argument lists the spec clauses the case checks, the third the
// seed examples (../shared/seeds/EXAMPLES.md) it reproduces; both
// space-separated.
#pragma once
#include <string>
#include <vector>

#include "engines/fast_engine.h"
#include "engines/ref_engine.h"
#include "rec.h"
#if PARITY_HAVE_TORCH
#include "engines/torch_engine.h"
#endif

namespace parity::conf {

using CaseFn = void (*)(Record&);

struct CaseInfo {
  std::string id;
  std::vector<std::string> clauses;
  std::vector<std::string> seeds;
  std::string file;
  int line = 0;
};

struct CaseEntry {
  CaseInfo info;
  CaseFn reference = nullptr, fast = nullptr, libtorch = nullptr;
};

std::vector<CaseEntry>& registry();
bool registerCase(const char* id,
                  const char* clauses,
                  const char* seeds,
                  const char* file,
                  int line,
                  CaseFn reference,
                  CaseFn fast,
                  CaseFn libtorch);

template <class E, void (*Body)(Rec<E>&)>
void runBody(Record& out) {
  Rec<E> r(out);
  Body(r);
}

}  // namespace parity::conf

#if PARITY_HAVE_TORCH
#define PARITY_TORCH_INSTANCE(body) &::parity::conf::runBody<::parity::conf::TorchEngine, body>
#else
#define PARITY_TORCH_INSTANCE(body) nullptr
#endif

// PARITY_ORACLE_ONLY (CMake option of the same name) instantiates cases for
// LibTorch alone: a way to write and check new cases before the engines have
// the API they use. Never on in CI.
#if PARITY_ORACLE_ONLY
#define PARITY_ENGINE_INSTANCE(Engine, body) nullptr
#else
#define PARITY_ENGINE_INSTANCE(Engine, body) &::parity::conf::runBody<Engine, body>
#endif

#define PARITY_CASE(NAME, CLAUSES, SEEDS)                                                          \
  template <class E>                                                                               \
  static void NAME##_case(::parity::conf::Rec<E>& r);                                              \
  [[maybe_unused]] static const bool NAME##_registered = ::parity::conf::registerCase(             \
      #NAME, CLAUSES, SEEDS, __FILE__, __LINE__,                                                   \
      PARITY_ENGINE_INSTANCE(::parity::conf::RefEngine, NAME##_case<::parity::conf::RefEngine>),   \
      PARITY_ENGINE_INSTANCE(::parity::conf::FastEngine, NAME##_case<::parity::conf::FastEngine>), \
      PARITY_TORCH_INSTANCE(NAME##_case<::parity::conf::TorchEngine>));                            \
  template <class E>                                                                               \
  static void NAME##_case([[maybe_unused]] ::parity::conf::Rec<E>& r)
