// Cases for spec/clauses/views.md (VIEW-*).
#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(view_shares_storage, "VIEW-1", "S003-05") {
  auto x = counting<E>({2, 3}, E::kFloat32);
  auto v = x.view({3, 2});
  r.tensor("x.view(3, 2)", v);
  r.expect("same data_ptr", v.data_ptr() == x.data_ptr(), 1);
  v.index_put_({0, 0}, 42.0);
  r.tensor("x after writing through the view", x);
}

PARITY_CASE(view_shapes_and_strides, "VIEW-1", "") {
  for (auto dt : allDtypes<E>()) {
    auto x = counting<E>({2, 3, 4}, dt);
    r.tensor("view(6, 4)", x.view({6, 4}));
    r.tensor("view(-1)", x.view({-1}));
    r.tensor("view(4, -1, 2)", x.view({4, -1, 2}));
    r.tensor("view(1, 24, 1)", x.view({1, 24, 1}));
  }
  auto x = counting<E>({4, 6}, E::kInt64);
  r.tensor("slice rows then view", x.slice(0, 1, 3).view({3, 4}));
  r.tensor("column slice split", x.slice(1, 0, 4).view({4, 2, 2}));
  r.tensor("transpose then split a dim", x.t().view({3, 2, 4}));
  r.tensor("transpose then unsqueeze via view", x.t().view({6, 1, 4}));
  r.tensor("expanded view", E::ones({3, 1}).expand({3, 4}).view({3, 2, 2}));
  r.tensor("0-d to 1", E::tensor(3.0).view({1}));
  // view({}) would pick LibTorch's view(ScalarType) overload: spell the empty shape.
  r.tensor("1 to 0-d", E::tensor({3.0}).view(std::vector<int64_t>{}));
  r.tensor("empty view", E::zeros({0, 3}).view({3, 0, 2}));
  r.tensor("empty view -1", E::zeros({0, 3}).view({-1, 3}));
}

PARITY_CASE(view_errors, "VIEW-1 ERR-2", "") {
  auto x = E::ones({4, 6});
  r.error("ones(4,6).t().view(24)", [&] { x.t().view({24}); });
  r.error("view(5, 5) of 24", [&] { x.view({5, 5}); });
  r.error("two -1", [&] { x.view({-1, -1}); });
  r.error("view(3, -1) of 4", [&] { E::ones({2, 2}).view({3, -1}); });
  r.error("-1 with zero elements", [&] { E::zeros({0, 3}).view({0, -1}); });
  r.error("negative size", [&] { x.view({-2, 12}); });
}

PARITY_CASE(reshape_views_when_it_can, "VIEW-2", "") {
  auto x = counting<E>({4, 6}, E::kFloat32);
  auto a = x.reshape({2, 12});
  r.tensor("contiguous reshape", a);
  r.value("contiguous reshape aliases", a.is_alias_of(x));
  auto b = x.t().reshape({24});
  r.tensor("transposed reshape", b);
  r.value("transposed reshape copies", b.is_alias_of(x));
  auto c = x.t().reshape({3, 2, 4});
  r.tensor("transposed split", c);
  r.value("transposed split aliases", c.is_alias_of(x));
  auto d = x.slice(1, 0, 6, 2).reshape({12});
  r.tensor("strided flatten", d);
  r.value("strided flatten copies", d.is_alias_of(x));
  auto e = E::ones({3, 1}).expand({3, 4}).reshape({12});
  r.tensor("expanded reshape", e);
  r.tensor("reshape -1", x.reshape({-1, 4}));
  r.error("reshape numel", [&] { x.reshape({5, 5}); });
}

PARITY_CASE(transpose_function_and_method, "VIEW-3", "S001-30") {
  auto a = E::ones({3, 2});
  r.expect_list("a.shape", a.sizes(), {3, 2});
  r.expect_list("torch.transpose(a, 0, 1).shape", a.transpose(0, 1).sizes(), {2, 3});
  r.expect_list("a.transpose(0, 1).shape", a.transpose(1, 0).sizes(), {2, 3});
  r.tensor("transposed", a.transpose(0, 1));
}

PARITY_CASE(points_t_strides, "VIEW-3", "S001-49") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto points_t = points.t();
  r.expect_list("points_t.stride()", points_t.strides(), {1, 2});
  r.tensor("points_t", points_t);
}

PARITY_CASE(transpose_higher_dims, "VIEW-3", "S001-51") {
  auto some_t = E::ones({3, 4, 5});
  auto transpose_t = some_t.transpose(0, 2);
  r.expect_list("transpose_t.shape", transpose_t.sizes(), {5, 4, 3});
  r.expect_list("transpose_t.stride()", transpose_t.strides(), {1, 5, 20});
  r.tensor("transpose(-1, -3)", counting<E>({2, 3, 4}, E::kInt16).transpose(-1, -3));
  r.tensor("transpose(1, 1)", counting<E>({2, 3}, E::kInt16).transpose(1, 1));
}

PARITY_CASE(t_of_low_ranks, "VIEW-3 ERR-2", "") {
  r.tensor("t of 0-d", E::tensor(2).t());
  r.tensor("t of 1-d", E::tensor({1, 2}).t());
  r.error("t of 3-d", [&] { E::ones({2, 3, 4}).t(); });
}

PARITY_CASE(permute_dims, "VIEW-4", "") {
  auto x = counting<E>({2, 3, 4}, E::kFloat64);
  r.tensor("permute(2, 0, 1)", x.permute({2, 0, 1}));
  r.tensor("permute(-1, 1, 0)", x.permute({-1, 1, 0}));
  r.tensor("permute of 0-d", E::tensor(1.0).permute({}));
  r.error("permute wrong length", [&] { x.permute({0, 1}); });
  r.error("permute repeated", [&] { x.permute({0, 0, 1}); });
  r.error("permute out of range", [&] { x.permute({0, 1, 3}); });
}

PARITY_CASE(unsqueeze_table, "VIEW-5", "S001-14") {
  r.expect_list("(3,).unsqueeze(0)", E::ones({3}).unsqueeze(0).sizes(), {1, 3});
  r.expect_list("(3,).unsqueeze(-1)", E::ones({3}).unsqueeze(-1).sizes(), {3, 1});
  r.expect_list("(3, 4).unsqueeze(0)", E::ones({3, 4}).unsqueeze(0).sizes(), {1, 3, 4});
  r.expect_list("(3, 4).unsqueeze(-1)", E::ones({3, 4}).unsqueeze(-1).sizes(), {3, 4, 1});
  r.expect_list("(3, 4, 5).unsqueeze(0)", E::ones({3, 4, 5}).unsqueeze(0).sizes(), {1, 3, 4, 5});
  r.expect_list("(3, 4, 5).unsqueeze(-1)", E::ones({3, 4, 5}).unsqueeze(-1).sizes(), {3, 4, 5, 1});
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  r.tensor("weights.unsqueeze(-1).unsqueeze(-1)", weights.unsqueeze(-1).unsqueeze(-1));
}

PARITY_CASE(unsqueeze_shares_and_squeeze_inverts, "VIEW-5", "S003-01") {
  auto x = counting<E>({2, 3}, E::kFloat32);
  for (int64_t d = -3; d <= 2; ++d) {
    auto u = x.unsqueeze(d);
    r.tensor("unsqueeze(d)", u);
    r.value("same data_ptr", u.data_ptr() == x.data_ptr());
    r.tensor("squeeze(unsqueeze(d), d)", u.squeeze(d));
  }
  auto u = x.unsqueeze(1);
  u.index_put_({1, 0, 2}, -1.0);
  r.tensor("write through unsqueezed", x);
}

PARITY_CASE(squeeze_variants, "VIEW-5 VIEW-9", "") {
  auto x = counting<E>({1, 2, 1, 3, 1}, E::kInt32);
  r.tensor("squeeze()", x.squeeze());
  r.tensor("squeeze(0)", x.squeeze(0));
  r.tensor("squeeze(1) is a no-op", x.squeeze(1));
  r.tensor("squeeze(-1)", x.squeeze(-1));
  r.tensor("squeeze of 0-d", E::tensor(4).squeeze());
  r.tensor("squeeze(0) of 0-d", E::tensor(4).squeeze(0));
  r.tensor("squeeze of all ones", E::ones({1, 1}).squeeze());
  r.tensor("squeeze of empty", E::zeros({1, 0, 1}).squeeze());
  r.tensor("unsqueeze of 0-d", E::tensor(4).unsqueeze(0));
  r.tensor("unsqueeze(-1) of 0-d", E::tensor(4).unsqueeze(-1));
  r.error("squeeze(5)", [&] { x.squeeze(5); });
  r.error("unsqueeze(6)", [&] { x.unsqueeze(7); });
}

PARITY_CASE(expand_as_costs_no_memory, "VIEW-6", "S003-08") {
  auto w = E::tensor({1.0, 2.0, 3.0, 4.0});
  auto t = E::zeros({3, 4});
  auto e = w.expand_as(t);
  r.expect_list("w.expand_as(t).stride()", e.strides(), {0, 1});
  r.expect("same data_ptr", e.data_ptr() == w.data_ptr(), 1);
  r.tensor("expanded", e);
}

PARITY_CASE(expand_variants, "VIEW-6", "") {
  auto col = counting<E>({3, 1}, E::kFloat32);
  r.tensor("expand(3, 4)", col.expand({3, 4}));
  r.tensor("expand(-1, 4)", col.expand({-1, 4}));
  r.tensor("expand(2, 3, 4)", col.expand({2, 3, 4}));
  r.tensor("expand(2, -1, -1)", col.expand({2, -1, -1}));
  r.tensor("expand same", col.expand({3, 1}));
  r.tensor("expand to zero", col.expand({3, 0}));
  r.tensor("expand 0-d", E::tensor(7).expand({2, 2}));
  r.tensor("expand a transposed", counting<E>({1, 3}, E::kInt8).t().expand({3, 5}));
  r.tensor("expand then slice", col.expand({3, 4}).slice(1, 1, 3));
  r.error("expand incompatible", [&] { E::ones({2, 2}).expand({3, 3}); });
  r.error("expand too few sizes", [&] { E::ones({2, 2}).expand({2}); });
  r.error("expand -1 in a new dim", [&] { E::ones({2}).expand({-1, 2}); });
  r.error("expand -1 incompatible", [&] { E::ones({2, 2}).expand({-1, 3}); });
}

PARITY_CASE(narrow_select_slice, "VIEW-7", "") {
  auto x = counting<E>({4, 5}, E::kFloat64);
  r.tensor("narrow(0, 1, 2)", x.narrow(0, 1, 2));
  r.tensor("narrow(1, -3, 2)", x.narrow(1, -3, 2));
  r.tensor("narrow(1, 5, 0)", x.narrow(1, 5, 0));
  r.tensor("select(1, 2)", x.select(1, 2));
  r.tensor("select(0, -1)", x.select(0, -1));
  r.tensor("slice(1, 1, 4, 2)", x.slice(1, 1, 4, 2));
  r.tensor("slice(0, -3)", x.slice(0, -3));
  r.tensor("slice(0, 2, 100)", x.slice(0, 2, 100));
  r.tensor("slice(0, 3, 1) empty", x.slice(0, 3, 1));
  r.tensor("slice(1, -100, -2)", x.slice(1, -100, -2));
  r.tensor("slice default", x.slice());
  r.tensor("slice of slice", x.slice(1, 1, 5, 2).slice(1, 1));
  r.tensor("select of transpose", x.t().select(0, 3));
}

PARITY_CASE(narrow_select_slice_errors, "VIEW-7 ERR-2", "") {
  auto x = E::ones({2, 2});
  r.error("narrow past the end", [&] { x.narrow(0, 1, 5); });
  r.error("narrow negative length", [&] { x.narrow(0, 0, -1); });
  r.error("narrow start out of range", [&] { x.narrow(0, 3, 0); });
  r.error("select out of range", [&] { x.select(0, 5); });
  r.error("select negative out of range", [&] { x.select(1, -3); });
  r.error("select on 0-d", [&] { E::tensor(1.0).select(0, 0); });
  r.error("slice step 0", [&] { x.slice(0, 0, 2, 0); });
  r.error("slice negative step", [&] { x.slice(0, 0, 2, -1); });
}

PARITY_CASE(flatten_ranges, "VIEW-8", "") {
  auto x = counting<E>({2, 3, 4, 5}, E::kInt64);
  r.tensor("flatten()", x.flatten());
  r.tensor("flatten(1)", x.flatten(1));
  r.tensor("flatten(1, 2)", x.flatten(1, 2));
  r.tensor("flatten(-2, -1)", x.flatten(-2, -1));
  r.tensor("flatten(2, 2)", x.flatten(2, 2));
  r.tensor("flatten of 0-d", E::tensor(5).flatten());
  auto t = x.transpose(1, 2).flatten(1, 2);
  r.tensor("flatten of transposed", t);
  r.value("flatten of transposed copies", t.is_alias_of(x));
  r.error("flatten(2, 1)", [&] { x.flatten(2, 1); });
}

PARITY_CASE(dims_wrap_and_refuse, "VIEW-9 ERR-1 ERR-2", "") {
  auto x = E::ones({2, 3});
  r.tensor("transpose(-1, -2)", x.transpose(-1, -2));
  r.value("size(-1)", x.size(-1));
  r.value("stride(-2)", x.stride(-2));
  r.error("transpose(0, 2)", [&] { x.transpose(0, 2); });
  r.error("transpose(-3, 0)", [&] { x.transpose(-3, 0); });
  r.error("size(2)", [&] { x.size(2); });
  r.error("unsqueeze(-4)", [&] { x.unsqueeze(-4); });
  r.error("squeeze(-3)", [&] { x.squeeze(-3); });
  r.error("0-d transpose(0, 1)", [&] { E::tensor(1).transpose(0, 1); });
  r.tensor("0-d transpose(0, -1)", E::tensor(1).transpose(0, -1));
}
