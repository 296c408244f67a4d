// What one engine made of one fuzz draw (its results, or its error), and the
// check that two engines made the same of it, shared by the operator fuzzers.
#pragma once
#include <rapidcheck.h>

#include <optional>
#include <string>
#include <vector>

#include "harness/compare.h"
#include "harness/record.h"
#include "harness/snapshot.h"

namespace parity::fuzz {

struct Outcome {
  std::vector<conf::TensorSnap> results;
  std::optional<conf::ErrorInfo> error;
};

// Runs f (returning a tensor, or a vector of them) on engine E.
template <class E, class F>
Outcome outcomeOf(F&& f) {
  Outcome o;
  try {
    auto r = f();
    if constexpr (std::is_same_v<decltype(r), typename E::Tensor>) {
      o.results.push_back(E::snapshot(r));
    } else {
      for (const auto& t : r) o.results.push_back(E::snapshot(t));
    }
  } catch (...) {
    o.error = E::describe_error(std::current_exception());
  }
  return o;
}

// Fails the property unless both raised the same error or gave the same results.
inline void requireSame(const std::string& who, const Outcome& want, const Outcome& got) {
  auto text = [](const std::optional<conf::ErrorInfo>& e) {
    return e ? e->kind + ": " + e->message : std::string("no error");
  };
  if (want.error || got.error) {
    if (!(want.error && got.error && want.error->kind == got.error->kind &&
          want.error->message == got.error->message))
      RC_FAIL(who + ": expected " + text(want.error) + ", got " + text(got.error));
    return;
  }
  RC_ASSERT(want.results.size() == got.results.size());
  for (size_t i = 0; i < want.results.size(); ++i) {
    const auto diffs = conf::compareTensors(want.results[i], got.results[i]);
    if (!diffs.empty()) RC_FAIL(who + " (result " + std::to_string(i) + "): " + diffs.front());
  }
}

}  // namespace parity::fuzz
