// Budget and seed of a fuzz run: PARITY_FUZZ_CASES (default 300) and
// PARITY_FUZZ_SEED (default: RapidCheck draws one and prints it), unless
// RapidCheck's own RC_PARAMS is set. Call before the first rc::check.
#pragma once
#include <cstdlib>
#include <string>

namespace parity::fuzz {

inline void configureRapidCheck() {
  if (std::getenv("RC_PARAMS")) return;
  const char* n = std::getenv("PARITY_FUZZ_CASES");
  const char* seed = std::getenv("PARITY_FUZZ_SEED");
  std::string params = "max_success=" + std::string(n ? n : "300") + " max_size=100";
  if (seed) params += " seed=" + std::string(seed);
  setenv("RC_PARAMS", params.c_str(), 1);
}

}  // namespace parity::fuzz
