// torch.tensor(data): shape from the nesting, dtype inferred over all
// leaves as torch 1.13 does (all bool -> kBool, any float -> kFloat
// (the default dtype), else kLong), values stored with range checks.
#include <sstream>

#include "element.h"
#include "parity/ref/factories.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

std::vector<int64_t> list_sizes(const NestedList& list) {
  if (list.is_scalar()) return {};
  std::vector<int64_t> sizes{static_cast<int64_t>(list.items().size())};
  if (!list.items().empty()) {
    std::vector<int64_t> inner = list_sizes(list.items().front());
    sizes.insert(sizes.end(), inner.begin(), inner.end());
  }
  return sizes;
}

// LibTorch's TensorDataContainer printing: "{1, 2}", sizes as "2 2".
void print_list(std::ostream& os, const NestedList& list) {
  if (list.is_scalar()) {
    const Scalar& v = list.scalar();
    if (v.isFloatingPoint())
      os << v.toDouble();
    else
      os << v.toLong();
    return;
  }
  os << "{";
  for (size_t i = 0; i < list.items().size(); ++i) {
    if (i) os << ", ";
    print_list(os, list.items()[i]);
  }
  os << "}";
}

std::string sizes_text(const std::vector<int64_t>& sizes) {
  std::ostringstream os;
  for (size_t i = 0; i < sizes.size(); ++i) os << (i ? " " : "") << sizes[i];
  return os.str();
}

// Checks, innermost lists first (the order LibTorch builds them in), that
// every sub-list has the shape of the first one.
void check_rectangular(const NestedList& list) {
  if (list.is_scalar() || list.items().empty()) return;
  for (const NestedList& item : list.items()) check_rectangular(item);
  const NestedList& first = list.items().front();
  for (const NestedList& item : list.items()) {
    if (list_sizes(item) == list_sizes(first)) continue;
    std::ostringstream msg;
    msg << "Expected all sub-lists to have sizes: " << sizes_text(list_sizes(first)) << " (e.g. ";
    print_list(msg, first);
    msg << "), but got sub-list ";
    print_list(msg, item);
    msg << " with sizes: " << sizes_text(list_sizes(item));
    throw Error(msg.str());
  }
}

void collect_leaves(const NestedList& list, std::vector<Scalar>& leaves) {
  if (list.is_scalar()) leaves.push_back(list.scalar());
  for (const NestedList& item : list.items()) collect_leaves(item, leaves);
}

ScalarType infer_dtype(const std::vector<Scalar>& leaves) {
  if (leaves.empty()) return kFloat;
  bool any_float = false, all_bool = true;
  for (const Scalar& v : leaves) {
    any_float = any_float || v.isFloatingPoint();
    all_bool = all_bool && v.isBoolean();
  }
  return any_float ? kFloat : all_bool ? kBool : kLong;
}

}  // namespace

Tensor tensor(const NestedList& data, TensorOptions options) {
  check_cpu(options.device());
  check_rectangular(data);
  std::vector<Scalar> leaves;
  collect_leaves(data, leaves);
  const ScalarType dtype = options.has_dtype() ? options.dtype() : infer_dtype(leaves);
  check_requires_grad_dtype(options.requires_grad(), dtype);
  Tensor t = empty_contiguous(list_sizes(data), dtype);
  for (size_t i = 0; i < leaves.size(); ++i) {
    check_convertible(leaves[i], dtype);
    write_at(*t.impl(), static_cast<int64_t>(i), leaves[i]);
  }
  return finish_factory(t, options);
}

}  // namespace parity::ref
