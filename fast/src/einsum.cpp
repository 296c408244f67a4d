// einsum, lowered as torch 1.13 lowers it (so results share its layouts and
// its errors): every operand is brought to the shape [output dims...,
// contracted dims...] by diagonal views (repeated labels), unsqueezes and one
// permute; then operands are contracted left to right, each pair by
// sumproduct_pair (permute + reshape + bmm, or mul when nothing is summed),
// summing first any dim that only one side still has.
#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "meta/view_meta.h"
#include "parity/fast/linalg.h"
#include "parity/fast/operators.h"
#include "parity/fast/reductions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

constexpr int kEllipsis = 52;
constexpr int kLabels = 52;

bool is_label(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int label_index(unsigned char c) { return c >= 'a' ? c - 'a' + 26 : c - 'A'; }
char index_label(int i) { return static_cast<char>(i < 26 ? 'A' + i : 'a' + i - 26); }

// The diagonal of dims `prev` and `dim` (equal sizes), kept at `prev`:
// torch's op.diagonal(0, prev, dim).movedim(-1, prev).
Tensor diagonal_at(const Tensor& t, int64_t prev, int64_t dim) {
  meta::Geometry g;
  for (int64_t d = 0; d < t.dim(); ++d) {
    if (d == dim) continue;
    g.sizes.push_back(t.size(d));
    g.strides.push_back(d == prev ? t.stride(prev) + t.stride(dim) : t.stride(d));
  }
  g.offset = t.storage_offset();
  return detail::make_view(t, std::move(g));
}

Tensor sum_keep(const Tensor& t, const std::vector<int64_t>& dims) {
  return t.sum(IntArrayRef(dims.data(), dims.size()), true);
}

Tensor sumproduct_pair(const Tensor& left_in,
                       const Tensor& right_in,
                       const std::vector<int64_t>& sum_dims,
                       bool keepdim) {
  if (sum_dims.empty()) return left_in.mul(right_in);
  Tensor left = left_in, right = right_in;
  const int64_t dim = left.dim();
  std::vector<bool> summed(static_cast<size_t>(dim), false);
  for (int64_t d : sum_dims) summed[static_cast<size_t>(d)] = true;
  std::vector<int64_t> lro, lo, ro;
  int64_t lro_size = 1, lo_size = 1, ro_size = 1, sum_size = 1;
  for (int64_t i = 0; i < dim; ++i) {
    const bool sl = left.size(i) > 1, sr = right.size(i) > 1;
    if (summed[static_cast<size_t>(i)]) {
      if (sl && sr) {
        if (left.size(i) != right.size(i)) throw Error("non-broadcast dimensions must match");
        sum_size *= left.size(i);
      } else if (sl) {
        left = left.sum(IntArrayRef(i), true);
      } else if (sr) {
        right = right.sum(IntArrayRef(i), true);
      }
    } else if (sl && sr) {
      if (left.size(i) != right.size(i)) throw Error("non-broadcast dimensions must match");
      lro.push_back(i);
      lro_size *= left.size(i);
    } else if (sl) {
      lo.push_back(i);
      lo_size *= left.size(i);
    } else {
      ro.push_back(i);
      ro_size *= right.size(i);
    }
  }
  DimVector out_size;
  for (int64_t d : lro) out_size.push_back(left.size(d));
  for (int64_t d : lo) out_size.push_back(left.size(d));
  for (size_t k = 0; k < sum_dims.size(); ++k) out_size.push_back(1);
  for (int64_t d : ro) out_size.push_back(right.size(d));

  DimVector lperm, rperm;
  for (int64_t d : lro) lperm.push_back(d);
  for (int64_t d : lo) lperm.push_back(d);
  for (int64_t d : sum_dims) lperm.push_back(d);
  for (int64_t d : ro) lperm.push_back(d);
  for (int64_t d : lro) rperm.push_back(d);
  for (int64_t d : sum_dims) rperm.push_back(d);
  for (int64_t d : ro) rperm.push_back(d);
  for (int64_t d : lo) rperm.push_back(d);
  DimVector operm(static_cast<size_t>(dim), -1);
  int64_t k = 0;
  for (int64_t d : lro) operm[static_cast<size_t>(d)] = k++;
  for (int64_t d : lo) operm[static_cast<size_t>(d)] = k++;
  for (int64_t d : sum_dims) operm[static_cast<size_t>(d)] = k++;
  for (int64_t d : ro) operm[static_cast<size_t>(d)] = k++;

  left = left.permute(lperm).reshape({lro_size, lo_size, sum_size});
  right = right.permute(rperm).reshape({lro_size, sum_size, ro_size});
  Tensor result = left.bmm(right).view(out_size).permute(operm);
  if (!keepdim) {
    DimVector sizes;
    for (int64_t i = 0; i < dim; ++i)
      if (!summed[static_cast<size_t>(i)]) sizes.push_back(result.size(i));
    result = result.view(sizes);
  }
  return result;
}

}  // namespace

Tensor einsum(std::string_view equation, const std::vector<Tensor>& operands) {
  if (operands.empty()) throw Error("einsum(): must provide at least one operand");
  const size_t arrow = equation.find("->");
  const std::string_view lhs = equation.substr(0, arrow);
  const size_t num_ops = operands.size();

  // --- parse the operands' labels ------------------------------------------
  std::vector<std::vector<int>> op_labels(num_ops);
  bool found_ell = false;
  size_t cur = 0;
  for (size_t i = 0; i < lhs.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(lhs[i]);
    if (c == ' ') continue;
    if (c == '.') {
      if (found_ell)
        throw Error("einsum(): found '.' for operand " + std::to_string(cur) +
                    " for which an ellipsis was already found");
      if (!(i + 2 < lhs.size() && lhs[++i] == '.' && lhs[++i] == '.'))
        throw Error("einsum(): found '.' for operand " + std::to_string(cur) +
                    " that is not part of any ellipsis");
      op_labels[cur].push_back(kEllipsis);
      found_ell = true;
    } else if (c == ',') {
      ++cur;
      if (cur >= num_ops)
        throw Error("einsum(): fewer operands were provided than specified in the equation");
      found_ell = false;
    } else {
      if (!is_label(c))
        throw Error("einsum(): invalid subscript given at index " + std::to_string(i) +
                    " in the equation string, subscripts must be in [a-zA-Z]");
      op_labels[cur].push_back(label_index(c));
    }
  }
  if (cur != num_ops - 1)
    throw Error("einsum(): more operands were provided than specified in the equation");

  std::vector<int64_t> label_count(kLabels, 0);
  int64_t ell_num_dim = 0;
  for (size_t i = 0; i < num_ops; ++i) {
    const int64_t ndims = operands[i].dim();
    int64_t nlabels = static_cast<int64_t>(op_labels[i].size());
    bool has_ell = false;
    for (int l : op_labels[i]) {
      if (l == kEllipsis) {
        --nlabels;
        has_ell = true;
        ell_num_dim = std::max(ell_num_dim, ndims - nlabels);
      } else {
        ++label_count[static_cast<size_t>(l)];
      }
    }
    if (has_ell ? nlabels > ndims : nlabels != ndims)
      throw Error("einsum(): the number of subscripts in the equation (" + std::to_string(nlabels) +
                  ") does not match the number of dimensions (" + std::to_string(ndims) +
                  ") for operand " + std::to_string(i) +
                  (has_ell ? "" : " and no ellipsis was given"));
  }

  // --- the output: explicit, or `...` then the labels seen once -------------
  std::vector<int64_t> perm_of(kLabels, -1);
  int64_t perm_index = 0, ell_index = 0;
  found_ell = false;
  if (arrow == std::string_view::npos) {
    perm_index = ell_num_dim;
    found_ell = true;
    for (int l = 0; l < kLabels; ++l)
      if (label_count[static_cast<size_t>(l)] == 1) perm_of[static_cast<size_t>(l)] = perm_index++;
  } else {
    const std::string_view rhs = equation.substr(arrow + 2);
    for (size_t i = 0; i < rhs.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(rhs[i]);
      if (c == ' ') continue;
      if (c == '.') {
        if (found_ell)
          throw Error("einsum(): found '.' for output but an ellipsis (...) was already found");
        if (!(i + 2 < rhs.size() && rhs[++i] == '.' && rhs[++i] == '.'))
          throw Error("einsum(): found '.' for output that is not part of any ellipsis (...)");
        ell_index = perm_index;
        perm_index += ell_num_dim;
        found_ell = true;
        continue;
      }
      if (!is_label(c))
        throw Error("einsum(): invalid subscript given at index " +
                    std::to_string(lhs.size() + 2 + i) +
                    " in the equation string, subscripts must be in [a-zA-Z]");
      const size_t l = static_cast<size_t>(label_index(c));
      if (!(label_count[l] > 0 && perm_of[l] == -1))
        throw Error(std::string("einsum(): output subscript ") + static_cast<char>(c) +
                    (perm_of[l] > -1 ? " appears more than once in the output"
                                     : " does not appear in the equation for any input operand"));
      perm_of[l] = perm_index++;
    }
  }
  const int64_t out_size = perm_index;
  if (!found_ell) {
    ell_index = perm_index;
    perm_index += ell_num_dim;
  }
  for (size_t l = 0; l < kLabels; ++l)
    if (label_count[l] > 0 && perm_of[l] == -1) perm_of[l] = perm_index++;

  // --- align every operand to [output dims..., contracted dims...] ----------
  std::vector<int64_t> label_size(kLabels, 1), ell_sizes(static_cast<size_t>(ell_num_dim), 1);
  std::vector<int64_t> dim_counts(static_cast<size_t>(perm_index), 0);
  std::deque<Tensor> ops;
  for (size_t i = 0; i < num_ops; ++i) {
    Tensor op = operands[i];
    DimVector perm(static_cast<size_t>(perm_index), -1);
    int64_t dim = 0;
    for (int s : op_labels[i]) {
      if (s == kEllipsis) {
        const int64_t ndim = operands[i].dim() - (static_cast<int64_t>(op_labels[i].size()) - 1);
        for (int64_t j = ell_num_dim - ndim; j < ell_num_dim; ++j) {
          const size_t ju = static_cast<size_t>(j);
          if (op.size(dim) != 1) {
            if (!(ell_sizes[ju] == 1 || ell_sizes[ju] == op.size(dim)))
              throw Error("einsum(): dimension " + std::to_string(dim) +
                          " covered by ellipsis in operand " + std::to_string(i) + "has size " +
                          std::to_string(op.size(dim)) +
                          " which does not broadcast with previously seen ellipsis with size " +
                          std::to_string(ell_sizes[ju]) + " for the respective dimension");
            ell_sizes[ju] = op.size(dim);
            ++dim_counts[static_cast<size_t>(ell_index + j)];
          }
          perm[static_cast<size_t>(ell_index + j)] = dim++;
        }
        continue;
      }
      const size_t su = static_cast<size_t>(s);
      const size_t p = static_cast<size_t>(perm_of[su]);
      if (perm[p] == -1) {
        if (op.size(dim) != 1) {
          if (!(label_size[su] == 1 || label_size[su] == op.size(dim)))
            throw Error(std::string("einsum(): subscript ") + index_label(s) + " has size " +
                        std::to_string(op.size(dim)) + " for operand " + std::to_string(i) +
                        " which does not broadcast with previously seen size " +
                        std::to_string(label_size[su]));
          label_size[su] = op.size(dim);
          ++dim_counts[p];
        }
        perm[p] = dim++;
      } else {
        const int64_t prev = perm[p];
        if (op.size(dim) != op.size(prev))
          throw Error(std::string("einsum(): subscript ") + index_label(s) +
                      " is repeated for operand " + std::to_string(i) +
                      " but the sizes don't match, " + std::to_string(op.size(dim)) +
                      " != " + std::to_string(op.size(prev)));
        op = diagonal_at(op, prev, dim);
      }
    }
    for (size_t k = 0; k < perm.size(); ++k) {
      if (perm[k] == -1) {
        op = op.unsqueeze(dim);
        perm[k] = dim++;
      }
    }
    ops.push_back(op.permute(perm));
  }

  // An empty operand among several: zeros of the output's shape (torch's
  // fast path; no kernel runs, so no dtype is refused).
  if (num_ops > 1) {
    bool empty = false;
    for (const Tensor& t : ops) empty = empty || t.numel() == 0;
    if (empty) {
      DimVector shape(static_cast<size_t>(out_size), 1);
      for (const Tensor& t : ops)
        for (int64_t d = 0; d < out_size; ++d)
          if (t.size(d) != 1) shape[static_cast<size_t>(d)] = t.size(d);
      return detail::make_contiguous(shape, operands[0].dtype(), true);
    }
  }

  // --- contract left to right -----------------------------------------------
  while (ops.size() > 1) {
    Tensor a = ops[0], b = ops[1];
    ops.pop_front();
    ops.pop_front();
    std::vector<int64_t> sum_dims, a_sum, b_sum;
    for (int64_t d = out_size; d < perm_index; ++d) {
      const size_t du = static_cast<size_t>(d);
      if (a.size(d) != 1 && b.size(d) != 1) {
        if (--dim_counts[du] == 1) {
          sum_dims.push_back(d);
          dim_counts[du] = 0;
        }
      } else if (dim_counts[du] == 1) {
        if (a.size(d) != 1) {
          a_sum.push_back(d);
          dim_counts[du] = 0;
        } else if (b.size(d) != 1) {
          b_sum.push_back(d);
          dim_counts[du] = 0;
        }
      }
    }
    if (!a_sum.empty()) a = sum_keep(a, a_sum);
    if (!b_sum.empty()) b = sum_keep(b, b_sum);
    ops.push_front(sumproduct_pair(a, b, sum_dims, true));
  }

  if (perm_index - out_size > 0) {
    if (num_ops > 1) {
      DimVector sizes(IntArrayRef(ops[0].sizes().data(), static_cast<size_t>(out_size)));
      return ops[0].view(sizes);
    }
    std::vector<int64_t> dims;
    for (int64_t d = out_size; d < perm_index; ++d) dims.push_back(d);
    return ops[0].sum(IntArrayRef(dims.data(), dims.size()));
  }
  return ops[0];
}

}  // namespace parity::fast
