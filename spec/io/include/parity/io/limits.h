// Caps a reader enforces before it allocates (../shared/notes/reliability.md
// §7 G3). Every field can be changed by the caller; the defaults are those
// of the systems users already trust (numpy, PyTorch's own loaders).
#pragma once
#include <cstdint>

namespace parity::io {

struct LoadLimits {
  int64_t max_pickle_bytes = int64_t{64} << 20;  // data.pkl
  int64_t max_depth = 1000;                      // nested containers / MARKs
  int64_t max_memo = 1'000'000;                  // memo entries
  // Values on the pickle stack at once: torch's pickles batch APPENDS and
  // SETITEMS by 1000, so a long flat stack is only ever a memory bomb.
  int64_t max_stack = 100'000;
  int64_t max_zip_entries = 100'000;
  int64_t max_rank = 64;            // dims of one tensor
  int64_t max_npy_header = 10'000;  // numpy's _MAX_HEADER_SIZE
  bool verify_crc = true;           // zip CRC-32 of every record
};

}  // namespace parity::io
