// Cases for spec/clauses/einsum.md (EINSUM-*): a table of equations run on
// every dtype, the layouts of the results (some are views), the errors of
// malformed equations, and the seed examples.
#include <algorithm>

#include "case_util.h"

using namespace parity::conf;

namespace {

using Shapes = std::vector<std::vector<int64_t>>;

// Integers in [-3, 3] in a fixed irregular order (exact in every dtype that
// has a kernel for these products).
template <class E>
typename E::Tensor smallInts(typename E::Sizes sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  auto k = E::arange(n, E::dtype(E::kFloat64)) * 5 + 2;
  return (k - k.div(7, "floor") * 7 - 3).reshape(sizes);
}

struct Equation {
  std::string eq;
  Shapes shapes;
  std::string clauses;  // for the reader: which rule the row exercises
};

// One to three operands; implicit and explicit outputs; labels summed away;
// diagonals; ellipses broadcasting in operands and output.
const std::vector<Equation>& equations() {
  static const std::vector<Equation> rows = {
      {"ij,jk->ik", {{2, 3}, {3, 4}}, "EINSUM-1"},
      {"ij,jk", {{2, 3}, {3, 4}}, "EINSUM-1 implicit"},
      {"ij,jk->ki", {{2, 3}, {3, 4}}, "EINSUM-1"},
      {"ij->ji", {{2, 3}}, "EINSUM-1"},
      {"ij", {{2, 3}}, "EINSUM-1 implicit"},
      {"ji", {{2, 3}}, "EINSUM-1 implicit: sorted labels"},
      {"ba", {{2, 3}}, "EINSUM-1 implicit: sorted labels"},
      {"ij->", {{2, 3}}, "EINSUM-1"},
      {"ij->j", {{2, 3}}, "EINSUM-1"},
      {"ij,ij->ij", {{2, 3}, {2, 3}}, "EINSUM-1 sums nothing"},
      {"ij,ij->", {{2, 3}, {2, 3}}, "EINSUM-1"},
      {"ij,ij", {{2, 3}, {2, 3}}, "EINSUM-1 implicit: both repeated"},
      {"i,i", {{3}, {3}}, "EINSUM-1 implicit"},
      {"i,j", {{2}, {3}}, "EINSUM-1 outer"},
      {"i,j->ji", {{2}, {3}}, "EINSUM-1 outer"},
      {"i,j->", {{2}, {3}}, "EINSUM-1"},
      {"i,i,i->", {{3}, {3}, {3}}, "EINSUM-1 three times"},
      {"i,i,i", {{3}, {3}, {3}}, "EINSUM-1"},
      {"ij,jk,kl->il", {{2, 3}, {3, 4}, {4, 2}}, "EINSUM-1 three operands"},
      {"ij,j->i", {{2, 3}, {3}}, "EINSUM-1"},
      {"bij,bjk->bik", {{5, 2, 3}, {5, 3, 4}}, "EINSUM-1 batch"},
      {"ij,ij->ij", {{2, 1}, {2, 3}}, "EINSUM-1 size-1 label broadcasts"},
      {"IJ,JK->IK", {{2, 3}, {3, 4}}, "EINSUM-1 upper case"},
      {"iJ,Jk", {{2, 3}, {3, 4}}, "EINSUM-1 upper before lower"},
      {",->", {{}, {}}, "EINSUM-1 0-d"},
      {"ij,->ij", {{2, 3}, {}}, "EINSUM-1 0-d"},
      {"ij,jk->ik", {{2, 0}, {0, 3}}, "EINSUM-1 empty label"},
      {"ii->i", {{3, 3}}, "EINSUM-3"},
      {"ii->", {{3, 3}}, "EINSUM-3 trace"},
      {"ii", {{3, 3}}, "EINSUM-3 implicit trace"},
      {"iij->j", {{3, 3, 2}}, "EINSUM-3"},
      {"iji->j", {{3, 2, 3}}, "EINSUM-3"},
      {"iji->ij", {{3, 2, 3}}, "EINSUM-3"},
      {"ii,i->i", {{3, 3}, {3}}, "EINSUM-3"},
      {"...ij,...jk->...ik", {{5, 1, 2, 3}, {6, 3, 4}}, "EINSUM-2"},
      {"...ij,...jk", {{5, 1, 2, 3}, {6, 3, 4}}, "EINSUM-2 implicit"},
      {"i...->...", {{2, 3, 4}}, "EINSUM-2"},
      {"...", {{2, 3}}, "EINSUM-2"},
      {"...->", {{2, 3}}, "EINSUM-2"},
      {"ij->...ij", {{2, 3}}, "EINSUM-2 empty ellipsis"},
      {"b...,b...->b", {{2, 3, 4}, {2, 1, 4}}, "EINSUM-2"},
      {"...i,i->...", {{2, 3}, {3}}, "EINSUM-2"},
      {"i...j->ji", {{2, 3, 4}}, "EINSUM-2"},
      {"...ij->j...i", {{5, 2, 3}}, "EINSUM-2"},
      {"...ii->...i", {{2, 3, 3}}, "EINSUM-2 EINSUM-3"},
      {"...chw,c->...hw", {{3, 2, 2}, {3}}, "EINSUM-2"},
      {"...chw,c->...hw", {{2, 3, 2, 2}, {3}}, "EINSUM-2"},
      {"i j , j k -> i k", {{2, 3}, {3, 4}}, "EINSUM-1 spaces"},
  };
  return rows;
}

template <class E, class D>
std::vector<typename E::Tensor> operandsFor(const Shapes& shapes, D dt) {
  std::vector<typename E::Tensor> ops;
  for (const auto& s : shapes) ops.push_back(smallInts<E>(s).to(dt));
  return ops;
}

}  // namespace

PARITY_CASE(equation_samples, "EINSUM-1 EINSUM-2 EINSUM-3", "") {
  for (auto dt : allDtypes<E>())
    for (const auto& row : equations()) {
      auto ops = operandsFor<E>(row.shapes, dt);
      r.result(E::dtype_str(dt) + " '" + row.eq + "'", [&] { return E::einsum(row.eq, ops); });
    }
}

PARITY_CASE(operand_layouts, "EINSUM-1 EINSUM-2 EINSUM-3", "") {
  auto v = [](typename E::Sizes s) { return smallInts<E>(s).to(E::kFloat32); };
  using V = std::vector<typename E::Tensor>;
  r.result("transposed ij,jk->ik", [&] {
    return E::einsum("ij,jk->ik", V{v({3, 2}).t(), v({4, 3}).t()});
  });
  r.result("expanded ij,jk->ik", [&] {
    return E::einsum("ij,jk->ik", V{v({3}).expand({2, 3}), v({3, 4})});
  });
  r.result("strided ij,j->i", [&] {
    return E::einsum("ij,j->i", V{v({2, 6}).slice(1, 0, 6, 2), v({3})});
  });
  r.result("offset ii->i", [&] { return E::einsum("ii->i", V{v({4, 3}).slice(0, 1, 4)}); });
  r.result("permuted ...ij,...jk->...ik", [&] {
    return E::einsum("...ij,...jk->...ik", V{v({2, 3, 5}).permute({2, 0, 1}), v({3, 4})});
  });
  r.result("expanded ...ii->...i", [&] {
    return E::einsum("...ii->...i", V{v({3, 3}).expand({2, 3, 3})});
  });
  // A single operand permuted or diagonalized comes back as a view of it.
  auto a = v({2, 3}), s = v({3, 3});
  for (const std::string eq : {"ij->ji", "ij", "ji", "...->...", "ij->ij", "ij->j", "i...->..."}) {
    auto out = E::einsum(eq, V{a});
    r.tensor("'" + eq + "'", out);
    r.value("'" + eq + "' is a view", out.is_alias_of(a));
  }
  for (const std::string eq : {"ii->i", "ii->", "ii"}) {
    auto out = E::einsum(eq, V{s});
    r.tensor("'" + eq + "'", out);
    r.value("'" + eq + "' is a view", out.is_alias_of(s));
  }
}

PARITY_CASE(malformed_equations, "EINSUM-4 ERR-1 ERR-2", "") {
  using V = std::vector<typename E::Tensor>;
  auto a = smallInts<E>({2, 3}).to(E::kFloat32), b = smallInts<E>({3, 4}).to(E::kFloat32);
  const std::vector<std::pair<std::string, V>> bad = {
      {"ij,jk->ix", {a, b}},
      {"ij,jk->ii", {a, b}},
      {"i->ii", {a[0]}},
      {"ij,jk->ik", {a}},
      {"ij->ij", {a, b}},
      {"ijk->i", {a}},
      {"i->i", {a}},
      {"", {a}},
      {"ij,jk->ik", {a, a}},
      {"ij,ik->jk", {a, b}},
      {"i1->i", {a}},
      {"ij->i1", {a}},
      {"ij->i->j", {a}},
      {"......->", {a}},
      {"..ij->ij", {a}},
      {"ij->.", {a}},
      {"ii->i", {a}},
      {"...i,...i->...i", {E::ones({2, 3}), E::ones({4, 3})}},
      {"ij,jk->ik", {a, b.to(E::kFloat64)}},
      {"ij,jk->ik", {a.to(E::kInt64), b}},
      {"->", {}},
  };
  for (const auto& [eq, ops] : bad) r.result("'" + eq + "'", [&] { return E::einsum(eq, ops); });
  // Mixed dtypes: a product promotes (mul), a contraction refuses (bmm).
  auto v = smallInts<E>({3}).to(E::kFloat32);
  r.result("'i,i->i' float32 float64", [&] {
    return E::einsum("i,i->i", V{v, v.to(E::kFloat64)});
  });
  r.result("'i,i->' float32 float64", [&] { return E::einsum("i,i->", V{v, v.to(E::kFloat64)}); });
  r.expect_error(
      "output label absent",
      [&] {
        (void)E::einsum("ij,jk->ix", V{a, b});
      },
      "RuntimeError",
      "einsum(): output subscript x does not appear in the equation for any input operand");
  r.expect_error(
      "too few operands", [&] { (void)E::einsum("ij,jk->ik", V{a}); }, "RuntimeError",
      "einsum(): fewer operands were provided than specified in the equation");
  r.expect_error(
      "sizes disagree",
      [&] {
        (void)E::einsum("ij,jk->ik", V{a, a});
      },
      "RuntimeError",
      "einsum(): subscript j has size 2 for operand 1 which does not broadcast with previously "
      "seen size 3");
}

PARITY_CASE(luminance_einsum_shapes, "EINSUM-2", "S001-15") {
  // The document draws randn(3, 5, 5) and randn(2, 3, 5, 5); random numbers
  // are a later issue, and any fixed values show the shapes: linspace here.
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto img_t = E::linspace(-1.0, 1.0, 75).reshape({3, 5, 5});
  auto batch_t = E::linspace(-2.0, 2.0, 150).reshape({2, 3, 5, 5});
  using V = std::vector<typename E::Tensor>;
  auto img_gray = E::einsum("...chw,c->...hw", V{img_t, weights});
  auto batch_gray = E::einsum("...chw,c->...hw", V{batch_t, weights});
  r.expect_list("img_gray_weighted_fancy.shape", img_gray.sizes(), {5, 5});
  r.expect_list("batch_gray_weighted_fancy.shape", batch_gray.sizes(), {2, 5, 5});
  r.tensor("img_gray_weighted_fancy", img_gray);
  r.tensor("batch_gray_weighted_fancy", batch_gray);
}

namespace {

// max |x - y| through the reductions (no pointwise abs needed).
template <class E>
double maxAbsDiff(const typename E::Tensor& x, const typename E::Tensor& y) {
  auto d = x - y;
  return std::max(d.amax().template item<double>(), -d.amin().template item<double>());
}

}  // namespace

PARITY_CASE(einsum_is_the_per_pixel_formula, "EINSUM-2 EINSUM-1", "S001-16") {
  // gray(h, w) = R(h, w)·0.2126 + G(h, w)·0.7152 + B(h, w)·0.0722 (fixed values, see S001-15).
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto img_t = E::linspace(-1.0, 1.0, 75).reshape({3, 5, 5});
  auto gray = E::einsum("...chw,c->...hw", std::vector<typename E::Tensor>{img_t, weights});
  auto formula = img_t[0] * 0.2126 + img_t[1] * 0.7152 + img_t[2] * 0.0722;
  r.tensor("einsum", gray);
  r.tensor("formula", formula);
  r.expect("einsum agrees with the formula to 1e-6", maxAbsDiff<E>(gray, formula) <= 1e-6, 1);
}

PARITY_CASE(einsum_batch_is_per_image, "EINSUM-2", "S001-17") {
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto batch_t = E::linspace(-2.0, 2.0, 150).reshape({2, 3, 5, 5});
  using V = std::vector<typename E::Tensor>;
  auto whole = E::einsum("...chw,c->...hw", V{batch_t, weights});
  for (int64_t b = 0; b < 2; ++b) {
    auto one = E::einsum("...chw,c->...hw", V{batch_t[b], weights});
    const std::string k = "image " + std::to_string(b);
    r.tensor(k, one);
    r.expect_list(k + " shape", one.sizes(), {5, 5});
    r.expect(k + " equals the batch's slice to 1e-6", maxAbsDiff<E>(whole[b], one) <= 1e-6, 1);
  }
}

PARITY_CASE(einsum_equals_broadcast_sum, "EINSUM-2 REDUCE-1 BCAST-3", "S001-18") {
  auto weights = E::tensor({0.2126, 0.7152, 0.0722});
  auto img_t = E::linspace(-1.0, 1.0, 75).reshape({3, 5, 5});
  auto batch_t = E::linspace(-2.0, 2.0, 150).reshape({2, 3, 5, 5});
  auto weights_expanded = weights.unsqueeze(-1).unsqueeze(-1);
  using V = std::vector<typename E::Tensor>;
  for (auto& [name, x] : std::vector<std::pair<std::string, typename E::Tensor>>{
           {"img", img_t}, {"batch", batch_t}}) {
    auto broadcast = (x * weights_expanded).sum(-3);
    auto fancy = E::einsum("...chw,c->...hw", V{x, weights});
    r.tensor(name + " (x * w).sum(-3)", broadcast);
    r.tensor(name + " einsum", fancy);
    r.expect(name + " agree to 1e-6", maxAbsDiff<E>(broadcast, fancy) <= 1e-6, 1);
  }
}

PARITY_CASE(einsum_matmul, "EINSUM-1 LINALG-2", "S003-10") {
  // def matmul_einstein(A, B): return einsum('ij,jk->ik', A, B), in torch.
  using V = std::vector<typename E::Tensor>;
  for (auto dt : {E::kInt64, E::kFloat32, E::kFloat64}) {
    auto A = smallInts<E>({3, 4}).to(dt), B = smallInts<E>({4, 2}).to(dt);
    auto ein = E::einsum("ij,jk->ik", V{A, B});
    const std::string d = E::dtype_str(dt) + " ";
    r.tensor(d + "einsum('ij,jk->ik')", ein);
    r.tensor(d + "A @ B", E::matmul(A, B));
    r.expect(d + "equal", ein.eq(E::matmul(A, B)).all().template item<bool>(), 1);
  }
}

PARITY_CASE(repeated_label_sums, "EINSUM-1", "S003-11") {
  // With '->', only labels absent from the output are summed: j in
  // 'ij,jk->ik', nothing in 'ij,ij->ij'.
  using V = std::vector<typename E::Tensor>;
  auto A = smallInts<E>({2, 3}).to(E::kInt64), B = smallInts<E>({3, 4}).to(E::kInt64);
  auto C = E::einsum("ij,jk->ik", V{A, B});
  for (int64_t i = 0; i < 2; ++i)
    for (int64_t k = 0; k < 4; ++k) {
      int64_t sum = 0;
      for (int64_t j = 0; j < 3; ++j)
        sum += A[i][j].template item<int64_t>() * B[j][k].template item<int64_t>();
      r.expect("C[" + std::to_string(i) + "][" + std::to_string(k) + "]",
               C[i][k].template item<int64_t>(), sum);
    }
  auto D = smallInts<E>({2, 3}).add(1);
  auto P = E::einsum("ij,ij->ij", V{A, D});
  r.expect_list("'ij,ij->ij' shape", P.sizes(), {2, 3});
  r.expect("'ij,ij->ij' is A * D", P.eq(A * D).all().template item<bool>(), 1);
  r.tensor("'ij,ij->ij'", P);
}

PARITY_CASE(einstein_rules, "EINSUM-1 EINSUM-4", "S003-12") {
  using V = std::vector<typename E::Tensor>;
  auto a = E::tensor({1, 2, 3});
  auto cube = E::einsum("i,i,i->", V{a, a, a});
  r.tensor("'i,i,i->'", cube);
  r.expect("'i,i,i->' is 1 + 8 + 27", cube.template item<int64_t>(), 36);
  auto A = smallInts<E>({2, 3}), B = smallInts<E>({3, 4});
  r.expect_error(
      "'ij,jk->ix'",
      [&] {
        (void)E::einsum("ij,jk->ix", V{A, B});
      },
      "RuntimeError",
      "einsum(): output subscript x does not appear in the equation for any input operand");
}
