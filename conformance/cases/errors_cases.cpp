// Cases for spec/clauses/errors.md (ERR-*): the error kinds and the texts of
// ../shared/notes/reliability.md §6 (seen from torch 1.13.1) in this scope.
// Other case files check the errors of their own clauses against LibTorch.
#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(documented_error_texts, "ERR-1 ERR-2", "") {
  auto x = E::ones({4, 6});
  r.expect_error(
      "view on incompatible layout", [&] { x.t().view({24}); }, "RuntimeError",
      "view size is not compatible with input tensor's size and stride (at least one "
      "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
  r.expect_error(
      "view with the wrong numel",
      [&] {
        x.view({5, 5});
      },
      "RuntimeError", "shape '[5, 5]' is invalid for input of size 24");
  r.expect_error(
      "basic index out of range", [&] { E::ones({3}).index({5}); }, "IndexError",
      "index 5 is out of bounds for dimension 0 with size 3");
  r.expect_error(
      "dim out of range",
      [&] {
        E::ones({2, 3}).transpose(0, 2);
      },
      "IndexError", "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
}

PARITY_CASE(error_kinds_per_misuse, "ERR-1", "") {
  auto x = E::ones({2, 2});
  r.error("expand to an incompatible size", [&] { x.expand({3, 3}); });
  r.error("slice step not positive", [&] { x.index({E::Slice(E::None, E::None, 0)}); });
  r.error("item of more than one element", [&] { x.template item<float>(); });
  r.error("write into an expanded tensor", [&] { E::ones({2}).expand({2, 2}).copy_(x); });
  r.error("select out of range", [&] { x.select(0, 2); });
  r.error("too many indices", [&] { x.index({0, 0, 0}); });
}
