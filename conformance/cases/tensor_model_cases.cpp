// Cases for spec/clauses/tensor-model.md (MODEL-*).
#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(points_storage_is_one_dimensional, "MODEL-1 MODEL-8", "S001-39 S001-40 S001-44") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  r.expect("storage size", E::storage_size(points), 6);
  r.value("storage[0]", E::storage_get(points, 0));
  r.value("storage[1]", E::storage_get(points, 1));
  r.expect("storage[0] == 4", E::storage_get(points, 0) == 4.0, 1);
  r.expect("storage[1] == 1", E::storage_get(points, 1) == 1.0, 1);
  // The document's last line is the pre-1.13 footer; the six element lines are exact.
  r.expect_text(
      "print(points.storage())", [&] { return E::storage_repr(points); },
      " 4.0\n 1.0\n 5.0\n 3.0\n 2.0\n 1.0\n"
      "[torch.storage.TypedStorage(dtype=torch.float32, device=cpu) of size 6]");
}

PARITY_CASE(storage_write_is_seen_by_tensor, "MODEL-8 MODEL-4", "S001-41") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  // LibTorch's C++ tensor() leaves _version at 6 (Python's at 0): observe the change.
  const int64_t before = points._version();
  E::storage_set(points, 0, 2.0);
  r.tensor("points", points);
  r.expect_text(
      "print(points)", [&] { return E::repr(points); },
      "tensor([[2., 1.],\n        [5., 3.],\n        [2., 1.]])");
  // Like Python's TypedStorage.__setitem__, a storage write leaves _version alone.
  r.value("version change", points._version() - before);
}

PARITY_CASE(storage_of_every_dtype_prints, "MODEL-8", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = counting<E>({2, 3}, dt).t();
    r.text("storage", [&] { return E::storage_repr(t); });
  }
  auto w = E::tensor({0.2126, 0.7152, 0.0722});
  r.text("luminance storage", [&] { return E::storage_repr(w); });
  auto big = E::tensor({1e20, 1.5e-7, -0.0, 123456789.0}, E::dtype(E::kFloat64));
  r.text("float64 storage", [&] { return E::storage_repr(big); });
  r.text("empty storage", [&] { return E::storage_repr(E::zeros({0})); });
}

PARITY_CASE(storage_index_out_of_range, "MODEL-8 ERR-1 ERR-2", "") {
  auto t = E::ones({2, 2});
  r.error("storage[10]", [&] { E::storage_get(t, 10); });
  r.error("storage[-5] = 1", [&] { E::storage_set(t, -5, 1.0); });
  r.value("storage[-1]", E::storage_get(t, -1));
}

PARITY_CASE(row_offset, "MODEL-2", "S001-45") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto second_point = points[1];
  r.tensor("second_point", second_point);
  r.expect("second_point.storage_offset()", second_point.storage_offset(), 2);
  r.expect_list("second_point.sizes()", second_point.sizes(), {2});
}

PARITY_CASE(strides_map_index_to_storage, "MODEL-3", "S001-46") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  r.expect_list("points.stride()", points.strides(), {2, 1});
  // storage_index = offset + i*stride[0] + j*stride[1]; points[1, 1] is at 3.
  const int64_t at = points.storage_offset() + 1 * points.stride(0) + 1 * points.stride(1);
  r.expect("index of points[1, 1]", at, 3);
  r.expect("storage[3] == points[1, 1]",
           E::storage_get(points, at) == points.index({1, 1}).template item<double>(), 1);
}

PARITY_CASE(cube_is_27_values_in_a_row, "MODEL-1 MODEL-3", "S003-06") {
  auto t = counting<E>({3, 3, 3}, E::kFloat32);
  r.expect("storage size", E::storage_size(t), 27);
  r.expect_list("strides", t.strides(), {9, 3, 1});
  for (int64_t i = 0; i < 27; i += 13) r.value("storage[i]", E::storage_get(t, i));
}

PARITY_CASE(fresh_strides_every_rank, "MODEL-3", "") {
  for (auto sizes : std::vector<std::vector<int64_t>>{
           {}, {0}, {1}, {5}, {2, 0}, {0, 3}, {1, 1}, {3, 1, 2}, {2, 3, 4, 5}, {1, 0, 2}}) {
    auto t = E::zeros(sizes);
    r.tensor("zeros", t);
    r.value("contiguous", t.is_contiguous());
  }
}

PARITY_CASE(write_through_view, "MODEL-4", "S001-47") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto second_point = points[1];
  second_point.index_put_({0}, 10.0);
  r.tensor("points", points);
  r.expect_text(
      "print(points)", [&] { return E::repr(points); },
      "tensor([[ 4.,  1.],\n        [10.,  3.],\n        [ 2.,  1.]])");
}

PARITY_CASE(clone_does_not_share, "MODEL-4", "S001-48") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto second_point = points[1].clone();
  second_point.index_put_({0}, 10.0);
  r.tensor("points", points);
  r.tensor("second_point", second_point);
  r.expect("clone is_alias_of points", second_point.is_alias_of(points), 0);
  r.expect("clone storage size", E::storage_size(second_point), 2);
}

PARITY_CASE(transpose_shares_storage, "MODEL-4 VIEW-3", "S001-50") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto points_t = points.t();
  r.expect("points_t.is_alias_of(points)", points_t.is_alias_of(points), 1);
  r.expect("same data_ptr", points_t.data_ptr() == points.data_ptr(), 1);
}

PARITY_CASE(contiguity_of_points, "MODEL-5", "S001-52") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  r.expect("points.is_contiguous()", points.is_contiguous(), 1);
  r.expect("points_t.is_contiguous()", points.t().is_contiguous(), 0);
}

PARITY_CASE(layout_diagram, "MODEL-5 MODEL-1", "S001-53") {
  auto m = E::tensor({1, 2, 3, 4, 5, 6}).view({3, 2});
  auto mt = m.t();
  r.tensor("m.t()", mt);
  r.expect("m.t() contiguous", mt.is_contiguous(), 0);
  for (int64_t i = 0; i < 6; ++i) r.expect("storage[i]", int64_t(E::storage_get(mt, i)), i + 1);
  r.expect_text(
      "print(m.t())", [&] { return E::repr(mt); }, "tensor([[1, 3, 5],\n        [2, 4, 6]])");
}

PARITY_CASE(contiguity_ignores_size_one_dims, "MODEL-5", "") {
  r.value("[4,1].t()", E::ones({4, 1}).t().is_contiguous());
  r.value("[1,4].t()", E::ones({1, 4}).t().is_contiguous());
  r.value("[0] empty", E::ones({0}).is_contiguous());
  r.value("[2,0].t()", E::ones({2, 0}).t().is_contiguous());
  r.value("[3,4] step-2 slice", E::ones({3, 4}).slice(1, 0, 4, 2).is_contiguous());
  r.value("[3,4] row slice", E::ones({3, 4}).slice(0, 1, 3).is_contiguous());
  r.value("expanded", E::ones({1, 3}).expand({2, 3}).is_contiguous());
  r.value("expanded size-1", E::ones({3}).expand({1, 3}).is_contiguous());
  r.value("0-d", E::ones({}).is_contiguous());
  r.value("unsqueezed transpose", E::ones({2, 3}).t().unsqueeze(0).is_contiguous());
}

PARITY_CASE(contiguous_copies_when_needed, "MODEL-6", "S001-54") {
  auto points = E::tensor({{4.0, 1.0}, {5.0, 3.0}, {2.0, 1.0}});
  auto points_t = points.t();
  auto points_t_cont = points_t.contiguous();
  r.expect_list("points_t_cont.stride()", points_t_cont.strides(), {3, 1});
  r.tensor("points_t_cont", points_t_cont);
  r.expect("new data_ptr", points_t_cont.data_ptr() != points_t.data_ptr(), 1);
  r.expect("not an alias", points_t_cont.is_alias_of(points), 0);
  auto same = points.contiguous();
  r.expect("contiguous() of contiguous is self", same.is_alias_of(points), 1);
}

PARITY_CASE(contiguous_of_every_view_kind, "MODEL-6", "") {
  for (auto dt : allDtypes<E>()) {
    auto base = counting<E>({2, 3, 4}, dt);
    r.tensor("permuted", base.permute({2, 0, 1}).contiguous());
    r.tensor("sliced", base.slice(2, 1, 4, 2).contiguous());
    r.tensor("expanded", base.select(1, 1).unsqueeze(1).expand({2, 3, 4}).contiguous());
    r.tensor("clone of transpose", base.transpose(0, 2).clone());
  }
}

PARITY_CASE(version_counter, "MODEL-7", "") {
  auto p = E::ones({3});
  auto v = p.slice(0, 1);
  r.value("fresh", p._version());
  p.index_put_({0}, 3);
  r.value("after p[0] = 3", p._version());
  r.value("view sees it", v._version());
  p.fill_(1);
  p.zero_();
  r.value("after fill_ and zero_", p._version());
  v.copy_(E::ones({2}));
  r.value("after view copy_", p._version());
  auto c = p.clone();
  r.value("clone starts at", c._version());
  auto d = p.to(E::kFloat64);
  r.value("converted copy starts at", d._version());
}

PARITY_CASE(in_place_writes, "MODEL-9", "S001-42") {
  auto a = E::ones({3, 2});
  a.zero_();
  r.tensor("a", a);
  r.expect_text(
      "print(a)", [&] { return E::repr(a); },
      "tensor([[0., 0.],\n        [0., 0.],\n        [0., 0.]])");
  for (auto dt : allDtypes<E>()) {
    auto t = E::zeros({2, 3}, E::dtype(dt));
    t.t().fill_(7);
    r.tensor("fill_ through transpose", t);
    auto u = E::zeros({3, 2}, E::dtype(dt));
    u.copy_(counting<E>({2}, E::kFloat64));
    r.tensor("copy_ broadcast and converted", u);
    auto w = E::zeros({4}, E::dtype(dt));
    w.slice(0, 0, 4, 2).copy_(E::tensor({1.5, -2.5}));
    r.tensor("copy_ into a strided view", w);
  }
}

PARITY_CASE(in_place_on_overlapping_destination, "MODEL-9 ERR-2", "") {
  auto e = E::ones({3}).expand({2, 3});
  r.error("expanded.copy_", [&] { e.copy_(E::ones({2, 3})); });
  r.error("expanded.fill_", [&] { e.fill_(2); });
  r.error("expanded.zero_", [&] { e.zero_(); });
  r.error("copy_ wrong shape", [&] { E::ones({3}).copy_(E::ones({2})); });
  r.error("copy_ cannot broadcast self", [&] { E::ones({3}).copy_(E::ones({2, 3})); });
}

PARITY_CASE(item_of_one_element, "MODEL-10", "S001-03") {
  auto a = E::ones({3});
  r.value("float(a[1])", a[1].template item<double>());
  r.value("int item", E::tensor({{7}}).template item<int64_t>());
  r.value("bool item", E::tensor({true}).template item<bool>());
  r.value("float16 item", E::full({1, 1, 1}, 0.1, E::dtype(E::kFloat16)).template item<double>());
  r.error("item of 4 elements", [&] { E::ones({2, 2}).template item<double>(); });
  r.error("item of empty", [&] { E::ones({0}).template item<double>(); });
}
