// One step of a view chain, drawn by RapidCheck and applied the same way on
// every engine. Arguments are drawn around the valid range, so some steps
// are invalid on purpose: then every engine must raise the oracle's error.
#pragma once
#include <rapidcheck.h>

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace parity::fuzz {

enum class OpKind {
  View,
  Reshape,
  Transpose,
  T,
  Permute,
  Unsqueeze,
  Squeeze,
  SqueezeDim,
  Expand,
  Narrow,
  Select,
  Slice,
  Flatten,
  Index,
  Contiguous,
  Count
};

// A subscript element: kind 0 int, 1 slice, 2 None, 3 Ellipsis, 4 bool.
struct Sub {
  int kind = 0;
  int64_t a = 0, b = 0, step = 1;
  bool has_a = false, has_b = false;
};

struct Op {
  OpKind kind = OpKind::T;
  int64_t a = 0, b = 0, c = 0, d = 1;
  std::vector<int64_t> list;
  std::vector<Sub> subs;
  std::string describe() const;
};

// Draws an op for a tensor of these sizes (inside an RC property).
Op drawOp(const std::vector<int64_t>& sizes);

template <class E>
typename E::Tensor applyOp(const typename E::Tensor& t, const Op& op) {
  using K = OpKind;
  switch (op.kind) {
    case K::View:
      return t.view(op.list);
    case K::Reshape:
      return t.reshape(op.list);
    case K::Transpose:
      return t.transpose(op.a, op.b);
    case K::T:
      return t.t();
    case K::Permute:
      return t.permute(op.list);
    case K::Unsqueeze:
      return t.unsqueeze(op.a);
    case K::Squeeze:
      return t.squeeze();
    case K::SqueezeDim:
      return t.squeeze(op.a);
    case K::Expand:
      return t.expand(op.list);
    case K::Narrow:
      return t.narrow(op.a, op.b, op.c);
    case K::Select:
      return t.select(op.a, op.b);
    case K::Slice:
      return t.slice(op.a, op.b, op.c, op.d);
    case K::Flatten:
      return t.flatten(op.a, op.b);
    case K::Contiguous:
      return t.contiguous();
    case K::Index: {
      // No reallocation: copying LibTorch's TensorIndex reads an uninitialized
      // member (UBSan reports it), so the elements are built in place.
      std::vector<typename E::TensorIndex> idx;
      idx.reserve(op.subs.size());
      for (const Sub& s : op.subs) {
        if (s.kind == 0)
          idx.emplace_back(s.a);
        else if (s.kind == 1)
          idx.emplace_back(E::Slice(s.has_a ? std::optional<int64_t>(s.a) : std::nullopt,
                                    s.has_b ? std::optional<int64_t>(s.b) : std::nullopt, s.step));
        else if (s.kind == 2)
          idx.emplace_back(E::None);
        else if (s.kind == 3)
          idx.emplace_back(E::Ellipsis);
        else
          idx.emplace_back(s.a != 0);
      }
      return t.index(idx);
    }
    case K::Count:
      break;
  }
  return t;
}

}  // namespace parity::fuzz
