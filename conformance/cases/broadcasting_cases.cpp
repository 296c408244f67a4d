// Cases for spec/clauses/broadcasting.md (BCAST-*).
#include "binary_samples.h"

using namespace parity::conf;

PARITY_CASE(broadcast_shapes, "BCAST-1", "S003-03") {
  const std::vector<std::pair<std::vector<int64_t>, std::vector<int64_t>>> shapes = {
      {{2, 3}, {3}},       {{3, 1}, {1, 4}},       {{}, {2, 3}},     {{5, 1, 4}, {3, 1}},
      {{0, 3}, {3}},       {{0, 3}, {1, 3}},       {{2, 0}, {2, 1}}, {{1}, {0}},
      {{2, 1, 3}, {4, 1}}, {{1, 1, 1}, {2, 3}},    {{4}, {4}},       {{2, 3, 4, 5}, {5}},
      {{3}, {2, 3}},       {{6, 1, 1, 2}, {5, 1}}, {{0}, {}},        {{1, 0}, {3, 1}}};
  for (const auto& [sa, sb] : shapes) {
    auto a = dividends<E>(sa), b = divisors<E>(sb);
    r.result("a + b", [&] { return a + b; });
    r.result("b * a", [&] { return b * a; });
  }
}

PARITY_CASE(incompatible_shapes, "BCAST-2 ERR-2", "S002-15") {
  // The card says different sizes never multiply; broadcastable ones do.
  auto m = E::tensor({{1, 2}, {3, 4}});
  r.tensor("(2, 2) * (2,)", m * E::tensor({10, 100}));
  r.expect_error(
      "(2, 2) * (3,)",
      [&] {
        (void)(m * E::tensor({1, 2, 3}));
      },
      "RuntimeError",
      "The size of tensor a (2) must match the size of tensor b (3) at non-singleton "
      "dimension 1");
  r.error("ones(3, 4) + ones(2, 4)", [&] { (void)(E::ones({3, 4}) + E::ones({2, 4})); });
  r.error("(2, 3) + (2,)", [&] { (void)(E::ones({2, 3}) + E::ones({2})); });
  r.error("(0,) + (2,)", [&] { (void)(E::ones({0}) + E::ones({2})); });
  r.error("(4, 1, 3) + (2, 3, 3)", [&] { (void)(E::ones({4, 1, 3}) + E::ones({2, 3, 3})); });
}

PARITY_CASE(unsqueeze_then_broadcast, "BCAST-3", "S003-02") {
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto img = dividends<E>({3, 2, 4}).to(E::kFloat32);
  r.error("img * weights", [&] { (void)(img * weights); });
  auto w = weights.unsqueeze(-1).unsqueeze(-1);
  r.expect_list("unsqueezed shape", w.sizes(), {3, 1, 1});
  auto weighted = img * w;
  r.expect_list("(img * w).shape", weighted.sizes(), {3, 2, 4});
  r.tensor("img * w", weighted);
}

PARITY_CASE(broadcast_tensors_are_views, "BCAST-4", "S003-09") {
  auto w = E::tensor({1.0, 2.0, 3.0, 4.0});
  auto t = E::zeros({3, 4});
  auto out = E::broadcast_tensors({w, t});
  r.expect("two results", int64_t(out.size()), 2);
  r.expect_list("broadcast w strides", out[0].strides(), {0, 1});
  r.expect("w shares data_ptr", out[0].data_ptr() == w.data_ptr(), 1);
  r.expect("t shares data_ptr", out[1].data_ptr() == t.data_ptr(), 1);
  r.tensor("broadcast w", out[0]);
  auto three = E::broadcast_tensors({E::ones({2, 1}), E::zeros({3}), E::full({}, 7)});
  for (auto& x : three) r.tensor("of three", x);
  r.error("incompatible", [&] { E::broadcast_tensors({E::ones({2}), E::ones({3})}); });
}
