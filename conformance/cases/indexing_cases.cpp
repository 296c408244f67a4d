// Cases for spec/clauses/indexing.md (INDEX-*).
#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(integer_index_gives_0d, "INDEX-1 PRINT-5", "S001-03") {
  auto a = E::ones({3});
  auto a1 = a[1];
  r.tensor("a[1]", a1);
  r.expect_text(
      "print(a[1])", [&] { return E::repr(a1); }, "tensor(1.)");
  r.value("float(a[1])", a1.template item<double>());
  r.expect("float(a[1]) == 1.0", a1.template item<double>() == 1.0, 1);
}

PARITY_CASE(element_assignment, "INDEX-6", "S001-04") {
  auto a = E::ones({3});
  a.index_put_({2}, 2.0);
  r.tensor("a", a);
  r.expect_text(
      "print(a)", [&] { return E::repr(a); }, "tensor([1., 1., 2.])");
}

PARITY_CASE(index_read_and_write, "INDEX-1 INDEX-6", "S003-07") {
  auto t = counting<E>({3, 4}, E::kInt64);
  r.tensor("t[1]", t.index({1}));
  r.tensor("t[1, 2]", t.index({1, 2}));
  r.tensor("t[-1, -1]", t.index({-1, -1}));
  r.tensor("t[1:3]", t.index({E::Slice(1, 3)}));
  t.index_put_({0, 0}, 99);
  t.index_put_({E::Slice(), 3}, -1);
  r.tensor("after writes", t);
}

PARITY_CASE(list_slices_on_a_tensor, "INDEX-2", "S001-08") {
  // The document slices list(range(6)); a tensor takes the same ranges.
  auto t = E::arange(6);
  r.expect_list("[:]", t.index({E::Slice()}).sizes(), {6});
  r.tensor("[:]", t.index({E::Slice()}));
  r.tensor("[1:4]", t.index({E::Slice(1, 4)}));
  r.tensor("[1:]", t.index({E::Slice(1, E::None)}));
  r.tensor("[:4]", t.index({E::Slice(E::None, 4)}));
  r.tensor("[:-1]", t.index({E::Slice(E::None, -1)}));
  r.tensor("[1:4:2]", t.index({E::Slice(1, 4, 2)}));
  r.expect("[1:4:2] first", t.index({E::Slice(1, 4, 2)})[0].template item<int64_t>(), 1);
  r.expect("[1:4:2] second", t.index({E::Slice(1, 4, 2)})[1].template item<int64_t>(), 3);
}

PARITY_CASE(indexing_points, "INDEX-2", "S001-09") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  r.tensor("points[1:]", points.index({E::Slice(1, E::None)}));
  r.tensor("points[1:, :]", points.index({E::Slice(1, E::None), E::Slice()}));
  auto col = points.index({E::Slice(1, E::None), 0});
  r.tensor("points[1:, 0]", col);
  r.text("print(points[1:, 0])", [&] { return E::repr(col); });
}

PARITY_CASE(column_of_int_tensor, "INDEX-2 PRINT-3", "S001-32") {
  auto t = E::tensor({{1, 2, 3}, {4, 5, 6}});
  auto c = t.index({E::Slice(), 1});
  r.tensor("t[:, 1]", c);
  r.expect_text(
      "print(t[:, 1])", [&] { return E::repr(c); }, "tensor([2, 5])");
}

PARITY_CASE(slice_clamping, "INDEX-2", "") {
  auto t = counting<E>({5, 4}, E::kFloat32);
  r.tensor("[-100:100]", t.index({E::Slice(-100, 100)}));
  r.tensor("[3:1]", t.index({E::Slice(3, 1)}));
  r.tensor("[::3]", t.index({E::Slice(E::None, E::None, 3)}));
  r.tensor("[-2:]", t.index({E::Slice(-2, E::None)}));
  r.tensor("[:, ::2]", t.index({E::Slice(), E::Slice(E::None, E::None, 2)}));
  r.tensor("[1::2, 1:-1]", t.index({E::Slice(1, E::None, 2), E::Slice(1, -1)}));
  r.tensor("[5:]", t.index({E::Slice(5, E::None)}));
  r.tensor("[10:20]", t.index({E::Slice(10, 20)}));
}

PARITY_CASE(none_adds_a_dim, "INDEX-3", "S001-10") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto p = points.index({E::None});
  r.expect_list("points[None].shape", p.sizes(), {1, 3, 2});
  r.tensor("points[None]", p);
  r.tensor("points.unsqueeze(0)", points.unsqueeze(0));
  r.expect("shares", p.is_alias_of(points), 1);
}

PARITY_CASE(none_is_unsqueeze, "INDEX-3", "S003-04") {
  auto x = counting<E>({2, 3}, E::kFloat32);
  r.tensor("x[None]", x.index({E::None}));
  r.tensor("x.unsqueeze(0)", x.unsqueeze(0));
  r.tensor("x[:, None]", x.index({E::Slice(), E::None}));
  r.tensor("x.unsqueeze(1)", x.unsqueeze(1));
  r.tensor("x[None, :, None, :, None]",
           x.index({E::None, E::Slice(), E::None, E::Slice(), E::None}));
  r.tensor("0-d[None]", E::tensor(3).index({E::None}));
}

PARITY_CASE(ellipsis_fills_dims, "INDEX-4", "") {
  auto x = counting<E>({2, 3, 4}, E::kInt16);
  r.tensor("x[..., 1]", x.index({E::Ellipsis, 1}));
  r.tensor("x[1, ...]", x.index({1, E::Ellipsis}));
  r.tensor("x[..., None]", x.index({E::Ellipsis, E::None}));
  r.tensor("x[0, ..., 1:3]", x.index({0, E::Ellipsis, E::Slice(1, 3)}));
  r.tensor("x[...]", x.index({E::Ellipsis}));
  r.tensor("x[None, ..., None]", x.index({E::None, E::Ellipsis, E::None}));
  r.tensor("0-d[...]", E::tensor(3).index({E::Ellipsis}));
  r.tensor("x[1, 2, 3, ...]", x.index({1, 2, 3, E::Ellipsis}));
}

PARITY_CASE(bool_subscripts, "INDEX-3", "") {
  auto x = counting<E>({2, 3}, E::kInt32);
  r.tensor("x[True]", x.index({true}));
  r.tensor("x[False]", x.index({false}));
  r.tensor("x[:, True]", x.index({E::Slice(), true}));
  r.tensor("0-d[True]", E::tensor(3).index({true}));
}

// A bool subscript is advanced indexing: its result is a new tensor whose
// strides come from TensorIterator's output allocation, which for an empty
// result (False) multiplies strides by the zero size.
PARITY_CASE(bool_subscript_layouts, "INDEX-3", "") {
  auto x = counting<E>({3, 5, 5}, E::kFloat32);
  for (bool b : {false, true}) {
    r.tensor("unsqueeze(0)[b]", x.unsqueeze(0).index({b}));
    r.tensor("unsqueeze(1)[b]", x.unsqueeze(1).index({b}));
    r.tensor("unsqueeze(-1)[b]", x.unsqueeze(-1).index({b}));
    r.tensor("[..., b]", x.index({E::Ellipsis, b}));
    r.tensor("[:, b]", x.index({E::Slice(), b}));
    r.tensor("transposed[b]", x.transpose(0, 2).index({b}));
    r.tensor("permuted[1, b]", x.permute({2, 0, 1}).index({1, b}));
    r.tensor("expanded[b]", E::ones({3}).expand({2, 3}).index({b}));
    r.tensor("sliced[b, ::2]", x.index({b, E::Slice(E::None, E::None, 2)}));
    r.tensor("[b, None, 0]", x.index({b, E::None, 0}));
    r.tensor("(2,1,3).t-like[b]", E::zeros({2, 1, 3}).transpose(0, 2).index({b}));
    r.tensor("empty[b]", E::zeros({0, 2}).index({b}));
  }
}

PARITY_CASE(bad_subscripts, "INDEX-5 ERR-1 ERR-2", "") {
  auto x = E::ones({3, 2});
  r.error("x[5]", [&] { x.index({5}); });
  r.error("x[-4]", [&] { x.index({-4}); });
  r.error("x[0, 2]", [&] { x.index({0, 2}); });
  r.error("x[0, 0, 0]", [&] { x.index({0, 0, 0}); });
  r.error("x[::0]", [&] { x.index({E::Slice(E::None, E::None, 0)}); });
  r.error("x[::-1]", [&] { x.index({E::Slice(E::None, E::None, -1)}); });
  r.error("0-d[0]", [&] { E::tensor(1).index({0}); });
  r.error("x[3] via operator[]", [&] { x[3]; });
}

PARITY_CASE(put_scalars_and_tensors, "INDEX-6", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = E::zeros({3, 4}, E::dtype(dt));
    t.index_put_({1}, 5);
    t.index_put_({E::Slice(), 0}, E::tensor({1.0, 2.0, 3.0}));
    t.index_put_({E::Slice(1, E::None), E::Slice(2, E::None)}, E::tensor({7, 8}));
    t.index_put_({E::Ellipsis, -1}, E::tensor(true));
    r.tensor("after puts", t);
  }
  auto u = E::zeros({2, 3});
  u.index_put_({E::None}, E::tensor({1.0, 2.0, 3.0}));
  r.tensor("put through None broadcasts a row", u);
  u.t().index_put_({0}, 9.5);
  r.tensor("put through a transpose", u);
  r.value("version after three puts", u._version());
}

PARITY_CASE(put_errors, "INDEX-6 INDEX-5 ERR-2", "") {
  auto t = E::ones({2, 2});
  r.error("t[0] = ones(3)", [&] { t.index_put_({0}, E::ones({3})); });
  r.error("t[5] = 1", [&] { t.index_put_({5}, 1); });
  r.error("t[:, :] = ones(2, 3)", [&] { t.index_put_({E::Slice(), E::Slice()}, E::ones({2, 3})); });
  r.error("expanded[0] = 1", [&] { E::ones({2}).expand({3, 2}).index_put_({0}, 5); });
  r.error("expanded[:, 0] = 1", [&] {
    E::ones({2}).expand({3, 2}).index_put_({E::Slice(), 0}, 5);
  });
}
