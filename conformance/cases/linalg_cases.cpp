// Cases for spec/clauses/linalg.md (LINALG-*): dot, mv, mm, bmm and matmul
// over every dtype and every 1-D/2-D/N-D operand pairing, their errors, and
// the seed examples of card 11 and 12.
#include "case_util.h"

using namespace parity::conf;

namespace {

// Integers in [-3, 3] in a fixed irregular order: every product sum of these
// shapes is exact in every dtype that has a matmul kernel (int8 wraps the
// same way in any order).
template <class E>
typename E::Tensor smallInts(typename E::Sizes sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  auto k = E::arange(n, E::dtype(E::kFloat64)) * 3 + 1;
  return (k - k.div(7, "floor") * 7 - 3).reshape(sizes);
}

template <class E>
struct MatPair {
  std::string layout;
  typename E::Tensor a, b;
};

// Operand pairs for matmul's rules (and the dedicated op that fits).
template <class E, class D>
std::vector<MatPair<E>> matmulPairs(D dt) {
  auto v = [&](typename E::Sizes s) { return smallInts<E>(s).to(dt); };
  return {
      {"1-D . 1-D", v({3}), v({3})},
      {"2-D . 1-D", v({2, 3}), v({3})},
      {"1-D . 2-D", v({3}), v({3, 4})},
      {"2-D . 2-D", v({2, 3}), v({3, 4})},
      {"column . row", v({3, 1}), v({1, 4})},
      {"3-D . 1-D", v({5, 2, 3}), v({3})},
      {"1-D . 3-D", v({3}), v({5, 3, 4})},
      {"3-D . 2-D", v({5, 2, 3}), v({3, 4})},
      {"2-D . 3-D", v({2, 3}), v({5, 3, 4})},
      {"3-D . 3-D", v({5, 2, 3}), v({5, 3, 4})},
      {"4-D . 3-D batch broadcast", v({5, 1, 2, 3}), v({6, 3, 4})},
      {"batch 1 . batch 5", v({1, 2, 3}), v({5, 3, 4})},
      {"4-D . 1-D", v({2, 5, 4, 3}), v({3})},
      {"1-D . 4-D", v({3}), v({2, 5, 3, 4})},
      {"4-D . 4-D", v({2, 1, 2, 3}), v({1, 3, 3, 2})},
      {"transposed 2-D", v({3, 2}).t(), v({4, 3}).t()},
      {"transposed left only", v({3, 2}).t(), v({3, 4})},
      {"transposed 3-D", v({5, 3, 2}).transpose(1, 2), v({5, 4, 3}).transpose(1, 2)},
      {"expanded batch", v({2, 3}).expand({5, 2, 3}), v({5, 3, 4})},
      {"strided", v({2, 6}).slice(1, 0, 6, 2), v({3, 8}).slice(1, 1, 8, 2)},
      {"offset", v({3, 3}).slice(0, 1, 3), v({4, 4}).slice(0, 1, 4)},
      {"empty inner dim", v({2, 0}), v({0, 3})},
      {"empty rows", v({0, 3}), v({3, 4})},
      {"empty batch", v({0, 2, 3}), v({3, 4})},
      {"empty vectors", v({0}), v({0})},
  };
}

// A dtype without a matmul kernel (bool, float16: spec/op_dtypes.md) raises
// on every pair; its error is recorded on the first four pairs only, since
// LibTorch's errors cost milliseconds each.
template <class E, class D>
bool hasKernel(D dt) {
  try {
    (void)smallInts<E>({2, 3}).to(dt).mm(smallInts<E>({3, 2}).to(dt));
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

PARITY_CASE(matmul_samples, "LINALG-2 LINALG-1", "") {
  for (auto dt : allDtypes<E>()) {
    const auto pairs = matmulPairs<E>(dt);
    const size_t n = hasKernel<E>(dt) ? pairs.size() : 4;
    for (size_t k = 0; k < n; ++k) {
      const auto& p = pairs[k];
      const std::string name = E::dtype_str(dt) + " " + p.layout;
      r.result(name + " a.matmul(b)", [&] { return p.a.matmul(p.b); });
      if (dt == E::kInt64 || dt == E::kFloat32)
        r.result(name + " matmul(a, b)", [&] { return E::matmul(p.a, p.b); });
    }
  }
}

PARITY_CASE(dot_mv_mm_bmm_samples, "LINALG-1", "") {
  for (auto dt : allDtypes<E>()) {
    const bool kernel = hasKernel<E>(dt);
    for (auto& p : matmulPairs<E>(dt)) {
      const std::string name = E::dtype_str(dt) + " " + p.layout;
      const int64_t da = p.a.dim(), db = p.b.dim();
      if (!kernel && p.a.numel() == 0) continue;
      if (da == 1 && db == 1) r.result(name + " dot", [&] { return p.a.dot(p.b); });
      if (da == 2 && db == 1) r.result(name + " mv", [&] { return p.a.mv(p.b); });
      if (da == 2 && db == 2) r.result(name + " mm", [&] { return p.a.mm(p.b); });
      if (da == 3 && db == 3 && p.a.size(0) == p.b.size(0))
        r.result(name + " bmm", [&] { return p.a.bmm(p.b); });
    }
  }
  // Integers are exact in their own type: int8 wraps, uint8 wraps modulo 256.
  auto big = E::full({2, 2}, 100);
  for (auto dt : {E::kUInt8, E::kInt8, E::kInt16, E::kInt32, E::kInt64}) {
    const std::string d = E::dtype_str(dt);
    r.tensor(d + " mm wraps", big.to(dt).mm(big.to(dt)));
    r.tensor(d + " dot wraps", big[0].to(dt).dot(big[1].to(dt)));
  }
}

PARITY_CASE(linalg_errors, "LINALG-3 LINALG-1 LINALG-2 ERR-2", "") {
  auto v3 = smallInts<E>({3}).to(E::kFloat32), v4 = smallInts<E>({4}).to(E::kFloat32);
  auto m23 = smallInts<E>({2, 3}).to(E::kFloat32), m34 = smallInts<E>({3, 4}).to(E::kFloat32);
  auto b523 = smallInts<E>({5, 2, 3}).to(E::kFloat32);
  r.result("dot [3] [4]", [&] { return v3.dot(v4); });
  r.result("dot 2-D", [&] { return m23.dot(m23); });
  r.result("dot float double", [&] { return v3.dot(v3.to(E::kFloat64)); });
  r.result("dot int64 float", [&] { return v3.to(E::kInt64).dot(v3); });
  r.result("mv [2, 3] [4]", [&] { return m23.mv(v4); });
  r.result("mv 1-D self", [&] { return v3.mv(v3); });
  r.result("mv 2-D vec", [&] { return m23.mv(m34); });
  r.result("mv float double", [&] { return m23.mv(v3.to(E::kFloat64)); });
  r.result("mm [2, 3] [2, 3]", [&] { return m23.mm(m23); });
  r.result("mm 1-D", [&] { return m23.mm(v3); });
  r.result("mm 3-D", [&] { return b523.mm(m34); });
  r.result("mm float double", [&] { return m23.mm(m34.to(E::kFloat64)); });
  r.result("mm int32 int64", [&] { return m23.to(E::kInt32).mm(m34.to(E::kInt64)); });
  r.result("bmm batch 2 . batch 3", [&] { return E::ones({2, 2, 3}).bmm(E::ones({3, 3, 4})); });
  r.result("bmm inner", [&] { return E::ones({2, 2, 3}).bmm(E::ones({2, 2, 4})); });
  r.result("bmm 2-D", [&] { return m23.bmm(m34); });
  r.result("bmm float double", [&] { return b523.bmm(E::ones({5, 3, 4}, E::dtype(E::kFloat64))); });
  r.result("matmul [3] [4]", [&] { return v3.matmul(v4); });
  r.result("matmul [4] [3, 4]", [&] { return v4.matmul(m34); });
  r.result("matmul [2, 3] [4]", [&] { return m23.matmul(v4); });
  r.result("matmul [2, 3] [2, 3]", [&] { return m23.matmul(m23); });
  r.result("matmul [5, 2, 3] [5, 4, 4]", [&] { return b523.matmul(E::ones({5, 4, 4})); });
  r.result("matmul [5, 2, 3] [4, 4]", [&] { return b523.matmul(E::ones({4, 4})); });
  r.result("matmul [2, 3] [5, 4, 4]", [&] { return m23.matmul(E::ones({5, 4, 4})); });
  r.result("matmul batch 5 . batch 6", [&] { return b523.matmul(E::ones({6, 3, 4})); });
  r.result("matmul 0-d", [&] { return E::full({}, 2.0).matmul(v3); });
  r.result("matmul 1-D . 0-d", [&] { return v3.matmul(E::full({}, 2.0)); });
  r.result("matmul float double", [&] { return m23.matmul(m34.to(E::kFloat64)); });
  r.result("matmul int64 float", [&] { return m23.to(E::kInt64).matmul(m34); });
  r.result("matmul 3-D float double", [&] { return b523.matmul(m34.to(E::kFloat64)); });
  // Both a shape and a dtype problem: which one is reported.
  r.result("mm shape and dtype", [&] { return m23.mm(m23.to(E::kFloat64)); });
  r.result("mv shape and dtype", [&] { return m23.mv(v4.to(E::kFloat64)); });
  r.result("bmm shape and dtype", [&] {
    return E::ones({2, 2, 3}).bmm(E::ones({2, 2, 4}, E::dtype(E::kFloat64)));
  });
  r.result("dot shape and dtype", [&] { return v3.dot(v4.to(E::kFloat64)); });
  r.result("matmul 1-D shape and dtype", [&] { return v3.matmul(v4.to(E::kFloat64)); });
  r.result("matmul batch shape and dtype", [&] {
    return b523.matmul(E::ones({6, 3, 4}, E::dtype(E::kFloat64)));
  });
  r.expect_error(
      "mm text", [&] { (void)m23.mm(m23); }, "RuntimeError",
      "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
  r.expect_error(
      "dot dtype text", [&] { (void)v3.dot(v3.to(E::kFloat64)); }, "RuntimeError",
      "dot : expected both vectors to have same dtype, but found Float and Double");
  r.expect_error(
      "matmul dtype text", [&] { (void)m23.matmul(m34.to(E::kFloat64)); }, "RuntimeError",
      "expected scalar type Float but found Double");
  r.expect_error(
      "bmm text",
      [&] {
        (void)E::ones({2, 2, 3}).bmm(E::ones({2, 2, 4}));
      },
      "RuntimeError",
      "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 2].");
}

PARITY_CASE(matrix_product_card, "LINALG-1 LINALG-2 PRINT-3", "S002-16") {
  auto m1 = E::tensor({{1, 2, 3}, {4, 5, 6}});
  auto m2 = E::tensor({{7, 8}, {9, 10}, {11, 12}});
  auto p = E::matmul(m1, m2);
  r.tensor("m1 @ m2", p);
  r.tensor("m1.matmul(m2)", m1.matmul(m2));
  r.tensor("m1.mm(m2)", m1.mm(m2));
  r.expect_list("shape", p.sizes(), {2, 2});
  r.expect("[0][0]", p[0][0].template item<int64_t>(), 58);
  r.expect("[0][1]", p[0][1].template item<int64_t>(), 64);
  r.expect("[1][0]", p[1][0].template item<int64_t>(), 139);
  r.expect("[1][1]", p[1][1].template item<int64_t>(), 154);
  // The card shows tensor([[58,64],[139,154]]); 1.13 aligns the columns.
  r.expect_text(
      "print(m1 @ m2)", [&] { return E::repr(p); }, "tensor([[ 58,  64],\n        [139, 154]])");
}

PARITY_CASE(inner_dims_must_match, "LINALG-3 ERR-2", "S002-17") {
  // "column of matrix 1 = row of matrix 2": (2x3) @ (3x2) is 2x2, (2x3) @ (2x3) is an error.
  auto m1 = E::tensor({{1, 2, 3}, {4, 5, 6}});
  auto m2 = E::tensor({{7, 8}, {9, 10}, {11, 12}});
  r.expect_list("(m1 @ m2).shape", E::matmul(m1, m2).sizes(), {2, 2});
  r.expect_list("(m2 @ m1).shape", E::matmul(m2, m1).sizes(), {3, 3});
  r.expect_error(
      "m1 @ m1", [&] { (void)E::matmul(m1, m1); }, "RuntimeError",
      "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
  r.expect_error(
      "m1.mm(m1)", [&] { (void)m1.mm(m1); }, "RuntimeError",
      "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
}

PARITY_CASE(symbolic_matrix_product, "LINALG-1", "S002-18") {
  // M1 = [[a, b, c], [d, e, f]], M2 = [[g, h], [i, j], [k, l]]: each entry of
  // M1 @ M2 is the card's formula (with (fl) for its misprinted (cfl)). Once
  // with a..l = 1..12 (card 11's matrices) and once with distinct primes.
  const std::vector<std::vector<int64_t>> sets = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                                                  {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}};
  for (const auto& s : sets) {
    const int64_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5];
    const int64_t g = s[6], h = s[7], i = s[8], j = s[9], k = s[10], l = s[11];
    auto m1 = E::tensor({{a, b, c}, {d, e, f}});
    auto m2 = E::tensor({{g, h}, {i, j}, {k, l}});
    auto p = E::matmul(m1, m2);
    const std::string at = "a=" + std::to_string(a) + " ";
    r.tensor(at + "M1 @ M2", p);
    r.expect(at + "(ag)+(bi)+(ck)", p[0][0].template item<int64_t>(), a * g + b * i + c * k);
    r.expect(at + "(ah)+(bj)+(cl)", p[0][1].template item<int64_t>(), a * h + b * j + c * l);
    r.expect(at + "(dg)+(ei)+(fk)", p[1][0].template item<int64_t>(), d * g + e * i + f * k);
    r.expect(at + "(dh)+(ej)+(fl)", p[1][1].template item<int64_t>(), d * h + e * j + f * l);
  }
}
