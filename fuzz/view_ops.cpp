#include "view_ops.h"

#include <algorithm>
#include <numeric>

namespace parity::fuzz {
namespace {

int64_t numelOf(const std::vector<int64_t>& s) {
  return std::accumulate(s.begin(), s.end(), int64_t{1}, std::multiplies<>());
}

// A dim index drawn mostly in range, sometimes one past either end.
int64_t drawDim(int64_t rank) {
  const int64_t r = std::max<int64_t>(rank, 1);
  return *rc::gen::inRange<int64_t>(-r - 1, r + 1);
}

// Sizes for view/reshape: usually a valid factorization of numel with an
// optional -1, sometimes arbitrary.
std::vector<int64_t> drawShape(const std::vector<int64_t>& sizes) {
  std::vector<int64_t> out;
  if (*rc::gen::inRange(0, 5) == 0) {
    const int n = *rc::gen::inRange(0, 4);
    for (int i = 0; i < n; ++i) out.push_back(*rc::gen::inRange<int64_t>(-1, 7));
    return out;
  }
  // Regroup the sizes: merge neighbours at random, split none.
  for (int64_t s : sizes) {
    if (!out.empty() && *rc::gen::inRange(0, 2) == 0)
      out.back() *= s;
    else
      out.push_back(s);
  }
  if (*rc::gen::inRange(0, 3) == 0)
    out.insert(out.begin() + *rc::gen::inRange<size_t>(0, out.size() + 1), 1);
  if (!out.empty() && *rc::gen::inRange(0, 3) == 0 && numelOf(sizes) > 0)
    out[*rc::gen::inRange<size_t>(0, out.size())] = -1;
  return out;
}

std::vector<int64_t> drawExpand(const std::vector<int64_t>& sizes) {
  std::vector<int64_t> out;
  const int lead = *rc::gen::inRange(0, 3);
  for (int i = 0; i < lead; ++i) out.push_back(*rc::gen::inRange<int64_t>(0, 4));
  for (int64_t s : sizes) {
    const int pick = *rc::gen::inRange(0, 6);
    out.push_back(pick == 0   ? -1
                  : pick == 1 ? *rc::gen::inRange<int64_t>(0, 5)
                  : s == 1    ? *rc::gen::inRange<int64_t>(1, 4)
                              : s);
  }
  if (!out.empty() && *rc::gen::inRange(0, 8) == 0) out.pop_back();  // too few sizes
  return out;
}

std::vector<int64_t> drawPermutation(int64_t rank) {
  std::vector<int64_t> p(rank);
  std::iota(p.begin(), p.end(), 0);
  for (int64_t i = rank - 1; i > 0; --i) std::swap(p[i], p[*rc::gen::inRange<int64_t>(0, i + 1)]);
  const int flaw = *rc::gen::inRange(0, 8);
  if (flaw == 0 && rank > 1) p[0] = p[1];   // repeated dim
  if (flaw == 1) p.push_back(rank);         // too many
  if (flaw == 2 && rank > 0) p[0] -= rank;  // negative, still valid
  return p;
}

Sub drawSub(int64_t size) {
  Sub s;
  s.kind = *rc::gen::weightedElement<int>({{4, 0}, {4, 1}, {2, 2}, {1, 3}, {1, 4}});
  s.a = *rc::gen::inRange<int64_t>(-size - 2, size + 2);
  s.b = *rc::gen::inRange<int64_t>(-size - 2, size + 2);
  s.has_a = *rc::gen::arbitrary<bool>();
  s.has_b = *rc::gen::arbitrary<bool>();
  s.step = *rc::gen::weightedElement<int64_t>({{6, 1}, {3, 2}, {2, 3}, {1, 0}});
  if (s.kind == 4) s.a = *rc::gen::inRange(0, 2);
  return s;
}

}  // namespace

Op drawOp(const std::vector<int64_t>& sizes) {
  Op op;
  const int64_t rank = static_cast<int64_t>(sizes.size());
  op.kind = static_cast<OpKind>(*rc::gen::inRange(0, static_cast<int>(OpKind::Count)));
  const int64_t dim = drawDim(rank);
  const int64_t extent = (rank > 0 && dim >= -rank && dim < rank) ? sizes[(dim + rank) % rank] : 2;
  op.a = dim;
  switch (op.kind) {
    case OpKind::View:
    case OpKind::Reshape:
      op.list = drawShape(sizes);
      break;
    case OpKind::Transpose:
      op.b = drawDim(rank);
      break;
    case OpKind::Permute:
      op.list = drawPermutation(rank);
      break;
    case OpKind::Unsqueeze:
      op.a = *rc::gen::inRange<int64_t>(-rank - 2, rank + 2);
      break;
    case OpKind::Expand:
      op.list = drawExpand(sizes);
      break;
    case OpKind::Narrow:
      op.b = *rc::gen::inRange<int64_t>(-extent - 1, extent + 2);
      op.c = *rc::gen::inRange<int64_t>(-1, extent + 2);
      break;
    case OpKind::Select:
      op.b = *rc::gen::inRange<int64_t>(-extent - 1, extent + 1);
      break;
    case OpKind::Slice:
      op.b = *rc::gen::inRange<int64_t>(-extent - 2, extent + 2);
      op.c = *rc::gen::inRange<int64_t>(-extent - 2, extent + 3);
      op.d = *rc::gen::weightedElement<int64_t>({{6, 1}, {3, 2}, {2, 3}, {1, 0}, {1, -1}});
      break;
    case OpKind::Flatten:
      op.b = drawDim(rank);
      break;
    case OpKind::Index: {
      const int n = *rc::gen::inRange(0, static_cast<int>(std::min<int64_t>(rank, 4)) + 2);
      for (int i = 0; i < n; ++i) op.subs.push_back(drawSub(i < rank ? sizes[i] : 1));
      break;
    }
    default:
      break;
  }
  return op;
}

std::string Op::describe() const {
  std::ostringstream os;
  auto listText = [&](const std::vector<int64_t>& v) {
    os << "{";
    for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
    os << "}";
  };
  switch (kind) {
    case OpKind::View:
      os << ".view(";
      listText(list);
      os << ")";
      break;
    case OpKind::Reshape:
      os << ".reshape(";
      listText(list);
      os << ")";
      break;
    case OpKind::Transpose:
      os << ".transpose(" << a << ", " << b << ")";
      break;
    case OpKind::T:
      os << ".t()";
      break;
    case OpKind::Permute:
      os << ".permute(";
      listText(list);
      os << ")";
      break;
    case OpKind::Unsqueeze:
      os << ".unsqueeze(" << a << ")";
      break;
    case OpKind::Squeeze:
      os << ".squeeze()";
      break;
    case OpKind::SqueezeDim:
      os << ".squeeze(" << a << ")";
      break;
    case OpKind::Expand:
      os << ".expand(";
      listText(list);
      os << ")";
      break;
    case OpKind::Narrow:
      os << ".narrow(" << a << ", " << b << ", " << c << ")";
      break;
    case OpKind::Select:
      os << ".select(" << a << ", " << b << ")";
      break;
    case OpKind::Slice:
      os << ".slice(" << a << ", " << b << ", " << c << ", " << d << ")";
      break;
    case OpKind::Flatten:
      os << ".flatten(" << a << ", " << b << ")";
      break;
    case OpKind::Contiguous:
      os << ".contiguous()";
      break;
    case OpKind::Index: {
      os << ".index({";
      for (size_t i = 0; i < subs.size(); ++i) {
        const Sub& s = subs[i];
        os << (i ? ", " : "");
        if (s.kind == 0)
          os << s.a;
        else if (s.kind == 1)
          os << "Slice(" << (s.has_a ? std::to_string(s.a) : "None") << ", "
             << (s.has_b ? std::to_string(s.b) : "None") << ", " << s.step << ")";
        else if (s.kind == 2)
          os << "None";
        else if (s.kind == 3)
          os << "Ellipsis";
        else
          os << (s.a ? "true" : "false");
      }
      os << "})";
      break;
    }
    case OpKind::Count:
      break;
  }
  return os.str();
}

}  // namespace parity::fuzz
