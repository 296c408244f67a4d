// Cases for spec/clauses/promotion.md (PROMO-*).
#include "binary_samples.h"

using namespace parity::conf;

PARITY_CASE(float64_times_short, "PROMO-1", "S001-28") {
  // The document draws rand(5, float64); the values do not matter for the dtype.
  auto tensor_64 = E::tensor({0.25, 0.5, 0.75, 0.125, 0.0625}, E::dtype(E::kFloat64));
  auto tensor_short = tensor_64.to(E::kInt16);
  auto product = tensor_64 * tensor_short;
  r.expect_text(
      "(tensor_64 * tensor_short).dtype", [&] { return E::dtype_name(product); }, "torch.float64");
  r.tensor("product", product);
  // The text's "larger type" rule is too simple: categories come first.
  r.text("int64 * float16", [&] {
    return E::dtype_name(E::ones({2}, E::dtype(E::kInt64)) * E::ones({2}, E::dtype(E::kFloat16)));
  });
}

PARITY_CASE(lattice_of_every_pair, "PROMO-1", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      auto a = E::ones({2}, E::dtype(da)), b = E::ones({2}, E::dtype(db));
      r.text("result_type", [&] { return E::dtype_str(E::result_type(a, b)); });
    }
}

PARITY_CASE(priority_levels, "PROMO-2", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      auto dim = E::ones({2}, E::dtype(da));
      auto zero_d = E::ones({}, E::dtype(db));
      r.text("dimensioned, 0-d", [&] { return E::dtype_str(E::result_type(dim, zero_d)); });
      r.text("0-d, dimensioned", [&] { return E::dtype_str(E::result_type(zero_d, dim)); });
      r.text("0-d, 0-d",
             [&] { return E::dtype_str(E::result_type(E::ones({}, E::dtype(da)), zero_d)); });
    }
  for (auto dt : allDtypes<E>()) {
    auto t = E::ones({2}, E::dtype(dt));
    auto z = E::ones({}, E::dtype(dt));
    r.text("tensor, bool", [&] { return E::dtype_str(E::result_type(t, true)); });
    r.text("tensor, int", [&] { return E::dtype_str(E::result_type(t, 7)); });
    r.text("tensor, float", [&] { return E::dtype_str(E::result_type(t, 2.5)); });
    r.text("0-d, int", [&] { return E::dtype_str(E::result_type(z, 7)); });
    r.text("0-d, float", [&] { return E::dtype_str(E::result_type(z, 2.5)); });
    r.text("int, tensor", [&] { return E::dtype_str(E::result_type(7, t)); });
    r.tensor("tensor + 0-d float64", t + E::ones({}, E::dtype(E::kFloat64)));
    r.tensor("tensor + 0-d int64", t + E::full({}, 3, E::dtype(E::kInt64)));
  }
}

PARITY_CASE(integer_true_division, "PROMO-3", "") {
  for (auto dt : {E::kBool, E::kUInt8, E::kInt8, E::kInt16, E::kInt32, E::kInt64}) {
    auto a = dividends<E>({2, 3}).to(dt), b = divisors<E>({2, 3}).to(dt);
    r.tensor("a / b", a / b);
    r.tensor("a / 2", a / 2);
    // LibTorch 1.13 has no bool kernel for trunc; the error is part of the record.
    r.result("a.div(b, trunc) keeps the dtype", [&] { return a.div(b, "trunc"); });
  }
}

PARITY_CASE(in_place_cast_rules, "PROMO-4", "") {
  for (auto da : allDtypes<E>())
    for (auto db : allDtypes<E>()) {
      auto self = E::ones({3}, E::dtype(da));
      r.error(E::dtype_str(da) + " += " + E::dtype_str(db),
              [&] { self.add_(E::ones({3}, E::dtype(db))); });
    }
  auto longs = E::tensor({1, 2, 3});
  r.error("long += 0.5", [&] { longs.add_(0.5); });
  r.error("long /= 2", [&] { longs.div_(2); });
  r.error("long.div_(2, floor)", [&] { longs.div_(2, "floor"); });
  r.tensor("after", longs);
}

PARITY_CASE(uint8_with_negative_scalars, "PROMO-5", "") {
  auto u = E::tensor({0, 5, 250}, E::dtype(E::kUInt8));
  r.tensor("u + (-3)", u + -3);
  r.tensor("u * -1", u * -1);
  r.tensor("u - 300", u - 300);
  r.text("result_type(u, -3)", [&] { return E::dtype_str(E::result_type(u, -3)); });
  r.tensor("u + int8 tensor", u + E::tensor({-1, -2, -3}, E::dtype(E::kInt8)));
}
