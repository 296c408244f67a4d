// Cases for spec/clauses/dtypes.md (DTYPE-*).
#include <cmath>

#include "case_util.h"

using namespace parity::conf;

PARITY_CASE(dtype_table_and_default, "DTYPE-1", "S001-24 S002-09") {
  // Each alias names the same dtype: a tensor made with it has that dtype.
  const std::vector<std::pair<const char*, std::remove_const_t<decltype(E::kFloat32)>>> table = {
      {"torch.float32", E::kFloat32}, {"torch.float64", E::kFloat64},
      {"torch.float16", E::kFloat16}, {"torch.int8", E::kInt8},
      {"torch.uint8", E::kUInt8},     {"torch.int16", E::kInt16},
      {"torch.int32", E::kInt32},     {"torch.int64", E::kInt64},
      {"torch.bool", E::kBool},       {"torch.bfloat16", E::kBFloat16}};
  for (const auto& [documented, dt] : table) {
    auto t = E::ones({2}, E::dtype(dt));
    r.expect_text(
        "dtype name", [&] { return E::dtype_name(t); }, documented);
    r.value("element_size", int64_t(t.element_size()));
  }
  // "Default: torch.float32": every float factory without dtype= gives float32.
  for (auto t : {E::ones({2}), E::zeros({2}), E::empty({2}), E::full({2}, 1.5), E::arange(0.5, 3.0),
                 E::linspace(0, 1, 3), E::eye(2), E::tensor({1.5})})
    r.expect_text(
        "default float dtype", [&] { return E::dtype_name(t); }, "torch.float32");
}

PARITY_CASE(dtype_in_constructors, "DTYPE-2", "S001-25") {
  auto double_points = E::ones({3, 3}, E::dtype(E::kFloat64));
  auto short_points = E::tensor({{1, 2}, {3, 4}}, E::dtype(E::kInt16));
  r.tensor("double_points", double_points);
  r.tensor("short_points", short_points);
  r.expect_text(
      "short_points.dtype", [&] { return E::dtype_name(short_points); }, "torch.int16");
}

PARITY_CASE(three_attributes, "DTYPE-2", "S002-08") {
  // The card draws randn(2, 3); the attributes do not depend on the values.
  auto t = E::zeros({2, 3});
  r.expect_list("shape", t.sizes(), {2, 3});
  r.expect_text(
      "Datatype", [&] { return E::dtype_name(t); }, "torch.float32");
  r.expect_text(
      "Device", [&] { return std::string(t.device().str()); }, "cpu");
}

PARITY_CASE(int_to_float_and_double, "DTYPE-3", "S000-01 S000-02") {
  auto int_tensor = E::tensor({1, 2, 3}, E::dtype(E::kInt32));
  r.tensor("int_tensor", int_tensor);
  r.tensor("int_tensor.float()", int_tensor.to(E::kFloat32));
  r.tensor("int_tensor.double()", int_tensor.to(E::kFloat64));
  printed(r, "print(float)", int_tensor.to(E::kFloat32));
  printed(r, "print(double)", int_tensor.to(E::kFloat64));
}

PARITY_CASE(casting_existing_tensor, "DTYPE-3", "S001-26 S001-27 S001-29") {
  auto tensor_float = E::tensor({{1.5, -2.25}, {3.0, 100.75}});
  auto tensor_double = tensor_float.to(E::kFloat64);
  auto tensor_short = tensor_float.to(E::kInt16);
  r.tensor("double()", tensor_double);
  r.tensor("short()", tensor_short);
  r.expect_text(
      "tensor_double.dtype", [&] { return E::dtype_name(tensor_double); }, "torch.float64");
  r.expect_text(
      "tensor_short.dtype", [&] { return E::dtype_name(tensor_short); }, "torch.int16");
  // S001-29: a float64 tensor brought to float32 (the document draws rand; any values do).
  auto tensor_64 = E::tensor({0.1, 0.25, 1.0 / 3.0}, E::dtype(E::kFloat64));
  auto tensor_32 = tensor_64.to(E::kFloat32);
  r.tensor("tensor_64.to(float32)", tensor_32);
  r.expect_text(
      "float32", [&] { return E::dtype_name(tensor_32); }, "torch.float32");
}

PARITY_CASE(to_same_dtype_is_self, "DTYPE-3", "") {
  for (auto dt : allDtypes<E>()) {
    auto t = counting<E>({2, 2}, dt);
    r.value("to(same) aliases", t.to(dt).is_alias_of(t));
  }
}

PARITY_CASE(every_dtype_pair_converts, "DTYPE-3 DTYPE-6", "") {
  // Values every dtype holds exactly, so that every pair is defined in C++.
  for (auto from : allDtypes<E>()) {
    auto src = E::tensor({{0.0, 1.0, 5.0}, {7.0, 0.0, 100.0}}).to(from).t();
    for (auto to : allDtypes<E>()) r.tensor("converted", src.to(to));
  }
}

PARITY_CASE(float_to_int_truncates, "DTYPE-4", "S000-03") {
  auto float_tensor = E::tensor({1.1, 2.2, 3.3}, E::dtype(E::kFloat32));
  auto int_tensor = float_tensor.to(E::kInt32);
  r.tensor("float_tensor.int()", int_tensor);
  printed(r, "print(int)", int_tensor);
  auto mixed = E::tensor({-2.9, -1.5, -0.5, -0.0, 0.5, 1.5, 2.9, 126.9, -127.9});
  for (auto dt : {E::kInt8, E::kInt16, E::kInt32, E::kInt64})
    for (auto src : {E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64})
      r.tensor("truncated", mixed.to(src).to(dt));
  // float -> uint8 goes through int64, so in-range negative values wrap.
  auto to_u8 = E::tensor({0.5, 1.9, 254.9, -1.5, -3.0, -200.0});
  r.tensor("uint8", to_u8.to(E::kUInt8));
  r.tensor("uint8 from float64", to_u8.to(E::kFloat64).to(E::kUInt8));
}

PARITY_CASE(half_and_bfloat16_round_to_nearest_even, "DTYPE-5", "") {
  const double ulp_h = std::ldexp(1.0, -10), ulp_b = std::ldexp(1.0, -7);
  auto src = E::tensor({1.0 + ulp_h / 2,
                        1.0 + 3 * ulp_h / 2,
                        1.0 + ulp_h / 2 + 1e-9,
                        65504.0,
                        65519.0,
                        65520.0,
                        1e6,
                        -1e6,
                        6e-8,
                        2.9e-8,
                        1e-10,
                        -0.0,
                        1.0 + ulp_b / 2,
                        1.0 + 3 * ulp_b / 2,
                        3.0e38,
                        3.4e38,
                        1e-40,
                        0.1,
                        0.2126,
                        1.0 / 3.0},
                       E::dtype(E::kFloat64));
  for (auto from : {E::kFloat64, E::kFloat32}) {
    r.tensor("to float16", src.to(from).to(E::kFloat16));
    r.tensor("to bfloat16", src.to(from).to(E::kBFloat16));
  }
  auto special = E::tensor({std::nan(""), HUGE_VAL, -HUGE_VAL});
  r.tensor("special to float16", special.to(E::kFloat16));
  r.tensor("special to bfloat16", special.to(E::kBFloat16));
  r.tensor("half to bfloat16", src.to(E::kFloat16).to(E::kBFloat16));
  r.tensor("bfloat16 to half", src.to(E::kBFloat16).to(E::kFloat16));
  r.tensor("int64 to float16", E::tensor({2049, 2051, 65505, 70000, -70000}).to(E::kFloat16));
  r.tensor("int64 to bfloat16", E::tensor({257, 259, 16777217}).to(E::kBFloat16));
}

PARITY_CASE(bool_conversions, "DTYPE-6", "") {
  auto src =
      E::tensor({0.0, -0.0, 0.5, -3.0, 1e-30, std::nan(""), HUGE_VAL}, E::dtype(E::kFloat64));
  for (auto dt : {E::kFloat64, E::kFloat32, E::kFloat16, E::kBFloat16})
    r.tensor("to bool", src.to(dt).to(E::kBool));
  for (auto dt : {E::kUInt8, E::kInt8, E::kInt16, E::kInt32, E::kInt64})
    r.tensor("int to bool", E::tensor({0, 1, 2, 100}).to(dt).to(E::kBool));
  auto flags = E::tensor({true, false, true});
  for (auto dt : allDtypes<E>()) r.tensor("from bool", flags.to(dt));
}
