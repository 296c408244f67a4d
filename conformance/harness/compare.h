// The comparison rules of ../shared/DESIGN.md, "what agree means": exact
// metadata, integers, texts and error kinds and messages; floats within
// torch.testing.assert_close's per-dtype defaults; NaN, infinities and
// signed zeros matched.
#pragma once
#include <string>
#include <vector>

#include "record.h"

namespace parity::conf {

struct Tolerance {
  double rtol, atol;
};
Tolerance defaultTolerance(ScalarType t);

// Differences of `got` from `want`, one line each; empty when they agree.
// `ulps` = -1: values within defaultTolerance; 0: bit for bit (signed zeros
// and NaN included); n: within n units in the last place of the dtype.
std::vector<std::string> compareTensors(const TensorSnap& want,
                                        const TensorSnap& got,
                                        int ulps = -1);
std::vector<std::string> compareRecords(const Record& want, const Record& got);
// Differences of `got` from the literals its entries carry.
std::vector<std::string> checkExpectations(const Record& got);

}  // namespace parity::conf
