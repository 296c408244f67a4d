// Cases for spec/clauses/printing.md (PRINT-*). Every text is compared with
// what Python's torch 1.13 prints for the same values (the printing oracle).
#include <cmath>

#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(print_nesting, "PRINT-1", "") {
  printed(r, "3-d int", counting<E>({2, 3, 4}, E::kInt64));
  printed(r, "4-d float", counting<E>({2, 2, 2, 2}, E::kFloat32));
  printed(r, "5-d", counting<E>({1, 2, 1, 2, 1}, E::kFloat64));
  printed(r, "transposed", counting<E>({3, 4}, E::kFloat32).t());
  printed(r, "expanded", E::tensor({1.5, -2.0}).expand({3, 2}));
  printed(r, "row vector", E::ones({1, 5}));
  printed(r, "column vector", E::ones({4, 1}));
  printed(r, "sliced", counting<E>({4, 6}, E::kInt32).slice(1, 1, 6, 2));
}

PARITY_CASE(print_float_modes, "PRINT-2", "") {
  const std::vector<std::vector<double>> rows = {{1.0, 2.0, 3.0},
                                                 {0.5, 1.25, -3.0},
                                                 {1e-5, 1.0},
                                                 {123456789.0, 1.0},
                                                 {1.0, 1001.0},
                                                 {0.1, 1000.5},
                                                 {-0.0, 0.0},
                                                 {0.0, 0.0},
                                                 {1e-4, 0.5},
                                                 {99999999.0, 1.0},
                                                 {100000000.0, 2.0},
                                                 {1e10, 1e-10},
                                                 {3.14159265, -2.71828},
                                                 {0.0001234, 0.0005},
                                                 {12345.678, 0.001},
                                                 {-1e-8, 5.0},
                                                 {1e30, -1e-30},
                                                 {999.9999, 1.0},
                                                 {0.99995, 0.5},
                                                 {1e15, 1.0},
                                                 {-5.0, 5.0, 1000.0},
                                                 {0.2126, 0.7152, 0.0722}};
  for (const auto& row : rows) {
    auto t = E::tensor({0.0}).expand({int64_t(row.size())}).clone();
    for (size_t i = 0; i < row.size(); ++i) t.index_put_({int64_t(i)}, row[i]);
    printed(r, "float32", t);
    printed(r, "float64", t.to(E::kFloat64));
  }
  printed(r, "float64 precise", E::tensor({1.0 / 3.0, 2.0 / 3.0}, E::dtype(E::kFloat64)));
}

PARITY_CASE(print_ints_and_bools, "PRINT-3", "") {
  printed(r, "negative widths", E::tensor({{-1, 10}, {100, -1000}}));
  printed(r, "int64 extremes", E::tensor({INT64_MIN, int64_t{0}, INT64_MAX}));
  printed(r, "bools", E::tensor({{true, false}, {false, true}}));
  printed(r, "single bool", E::tensor({false}));
  for (auto dt : {E::kUInt8, E::kInt8, E::kInt16, E::kInt32})
    printed(r, "small ints", E::tensor({{0, 5, 127}, {1, 22, 3}}, E::dtype(dt)));
  printed(r, "uint8 wrap source", E::tensor({255, 0, 7}, E::dtype(E::kUInt8)));
  printed(r, "int8 negatives", E::tensor({-128, 0, 127}, E::dtype(E::kInt8)));
}

PARITY_CASE(print_dtype_suffix, "PRINT-4", "") {
  for (auto dt : allDtypes<E>()) {
    printed(r, "counting", counting<E>({2, 3}, dt));
    printed(r, "0-d", E::ones({}, E::dtype(dt)));
  }
}

PARITY_CASE(print_empty_and_scalar, "PRINT-5", "") {
  for (auto dt : allDtypes<E>()) {
    printed(r, "empty 1-d", E::zeros({0}, E::dtype(dt)));
    printed(r, "empty 2-d", E::zeros({2, 0}, E::dtype(dt)));
    printed(r, "empty 3-d", E::zeros({0, 3, 1}, E::dtype(dt)));
  }
  printed(r, "0-d float", E::tensor(3.5));
  printed(r, "0-d int", E::tensor(-2));
  printed(r, "0-d bool", E::tensor(true));
  printed(r, "0-d tiny", E::tensor(1e-5));
  printed(r, "0-d huge", E::tensor(1e20));
  printed(r, "0-d -0.", E::tensor(-0.0));
  printed(r, "0-d nan", E::tensor(std::nan("")));
  printed(r, "0-d float16", E::full({}, 0.1, E::dtype(E::kFloat16)));
}

PARITY_CASE(print_wraps_at_80_columns, "PRINT-6", "") {
  printed(r, "arange(30) float", E::arange(30, E::dtype(E::kFloat32)));
  printed(r, "arange(40) int", E::arange(40));
  printed(r, "wide decimals", E::linspace(0, 1, 25));
  printed(r, "wide 2-d", E::linspace(-1, 1, 60).view({3, 20}));
  printed(r, "wide 3-d", E::arange(2 * 2 * 30, E::dtype(E::kFloat64)).view({2, 2, 30}));
  printed(r, "wide sci", E::linspace(1e-6, 1, 30));
  printed(r, "wide bool", E::ones({40}, E::dtype(E::kBool)));
  printed(r, "wide int64 values", E::arange(0, 30).to(E::kFloat64).view({2, 15}).to(E::kInt64));
}

PARITY_CASE(print_summarizes_above_1000, "PRINT-7", "") {
  printed(r, "1000 elements", E::arange(1000));
  printed(r, "1001 elements", E::arange(1001));
  printed(r, "2-d 40x50", E::arange(2000, E::dtype(E::kFloat32)).view({40, 50}));
  printed(r, "2-d 3x400", counting<E>({3, 400}, E::kFloat32));
  printed(r, "3-d 11x11x11", counting<E>({11, 11, 11}, E::kInt32));
  printed(r, "decimals", E::linspace(0, 1, 2001));
  printed(r, "summarized data picks the mode", E::linspace(0, 3000, 1500));
  printed(r, "bool", E::ones({1500}, E::dtype(E::kBool)));
  printed(r, "4-d", counting<E>({7, 7, 7, 7}, E::kFloat64));
  printed(r, "wide rows", counting<E>({2, 1000}, E::kInt64));
}

PARITY_CASE(print_nonfinite, "PRINT-8", "") {
  const double nan = std::nan(""), inf = HUGE_VAL;
  printed(r, "nan with ints", E::tensor({nan, 1.0, 2.0}));
  printed(r, "inf with decimals", E::tensor({inf, -inf, 0.5}));
  printed(r, "only nonfinite", E::tensor({nan, inf, -inf}));
  printed(r, "nan with sci", E::tensor({nan, 1e-7, 3.0}));
  printed(r, "negative nan", E::tensor({-nan, 2.0}));
  printed(r, "float16 overflow", E::tensor({1e5, -1e5, 1.0}).to(E::kFloat16));
  printed(r, "float64", E::tensor({nan, -inf, 1e300}, E::dtype(E::kFloat64)));
}

PARITY_CASE(print_half_precision, "PRINT-9", "") {
  auto src = E::tensor({0.1, 0.2126, 1.0 / 3.0, 1000.5, -7.0});
  printed(r, "float16", src.to(E::kFloat16));
  printed(r, "bfloat16", src.to(E::kBFloat16));
  printed(r, "float16 ints", E::tensor({1.0, 2.0, 2048.0}).to(E::kFloat16));
  printed(r, "bfloat16 sci", E::tensor({1e-5, 3.0, 300.0}).to(E::kBFloat16));
  printed(r, "float16 subnormal", E::tensor({6e-8, 1.0}).to(E::kFloat16));
}

PARITY_CASE(print_requires_grad, "PRINT-10", "") {
  auto w = E::ones({2}, E::dtype(E::kFloat32).requires_grad(true));
  printed(r, "requires_grad", w);
  printed(r, "float64 requires_grad", E::zeros({2, 2}, E::dtype(E::kFloat64).requires_grad(true)));
  printed(r, "suffix wraps", E::linspace(0, 1, 8, E::dtype(E::kFloat64).requires_grad(true)));
  printed(r, "0-d requires_grad", E::full({}, 2.5, E::dtype(E::kFloat32).requires_grad(true)));
}
