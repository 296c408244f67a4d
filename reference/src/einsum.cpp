// einsum (ATen/native/Linear.cpp, torch 1.13, no contraction path given).
//
// Mathematically out[o] = sum over the other labels of prod_k operand_k[...]:
// a loop over every label value. The engine computes exactly that, but in
// LibTorch's steps, because the result's dtype, layout and errors come from
// them: a single operand with nothing to sum is returned as a view
// (permuted, diagonal), a summed one goes through sum() (int64 for
// integers), and operands are contracted left to right, each pair by mul()
// when no label is summed, else by bmm() (whose dtype rules and errors
// apply).
//
// The steps: parse labels (a-z, A-Z, "..." for broadcast dims); lay every
// operand out on the same dims, output dims first (explicit "->" order, or
// "..." then the labels that appear once, A-Z before a-z), then the summed
// dims; take diagonals for labels repeated in one operand; give missing
// dims size 1. Then contract pairs, summing a dim as soon as no later
// operand has it.
#include <cctype>
#include <deque>
#include <string>

#include "parity/ref/linalg.h"
#include "parity/ref/ops.h"
#include "parity/ref/reductions.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

constexpr int kLetters = 26;
constexpr int kLabels = 2 * kLetters;
constexpr int kEllipsis = kLabels;  // marks "..." in an operand's labels

int label_index(unsigned char c) { return std::isupper(c) ? c - 'A' : c - 'a' + kLetters; }
char label_char(int s) { return static_cast<char>(s < kLetters ? 'A' + s : 'a' + s - kLetters); }

// The labels of each operand, "..." as kEllipsis.
std::vector<std::vector<int>> parse_inputs(std::string_view lhs, size_t num_ops) {
  std::vector<std::vector<int>> labels(num_ops);
  bool ellipsis_seen = false;
  size_t op = 0;
  for (size_t i = 0; i < lhs.size(); ++i) {
    const unsigned char c = lhs[i];
    if (c == ' ') continue;
    if (c == '.') {
      if (ellipsis_seen)
        throw Error("einsum(): found '.' for operand " + std::to_string(op) +
                    " for which an ellipsis was already found");
      if (!(i + 2 < lhs.size() && lhs[++i] == '.' && lhs[++i] == '.'))
        throw Error("einsum(): found '.' for operand " + std::to_string(op) +
                    " that is not part of any ellipsis");
      labels[op].push_back(kEllipsis);
      ellipsis_seen = true;
    } else if (c == ',') {
      if (++op >= num_ops)
        throw Error("einsum(): fewer operands were provided than specified in the equation");
      ellipsis_seen = false;
    } else {
      if (!std::isalpha(c))
        throw Error("einsum(): invalid subscript given at index " + std::to_string(i) +
                    " in the equation string, subscripts must be in [a-zA-Z]");
      labels[op].push_back(label_index(c));
    }
  }
  if (op != num_ops - 1)
    throw Error("einsum(): more operands were provided than specified in the equation");
  return labels;
}

// A view of t without dim `dim`, whose elements t[..., i (at prev), ..., i
// (at dim), ...] now sit at prev (diagonal(0, prev, dim).movedim(-1, prev)).
Tensor diagonal_at(const Tensor& t, int64_t prev, int64_t dim) {
  std::vector<int64_t> sizes = t.sizes().vec(), strides = t.strides().vec();
  strides[prev] += strides[dim];
  sizes.erase(sizes.begin() + dim);
  strides.erase(strides.begin() + dim);
  return make_view(t, sizes, strides, t.storage_offset());
}

// at::native::sumproduct_pair with keepdim: sum over `sum_dims` of
// left * right (same rank, broadcastable), as one bmm over the dims both
// have (lro), left only (lo), summed, and right only (ro).
Tensor sumproduct_pair(Tensor left, Tensor right, const std::vector<int64_t>& sum_dims) {
  if (sum_dims.empty()) return mul(left, right);
  const int64_t ndim = left.dim();
  std::vector<bool> summed(ndim, false);
  for (int64_t d : sum_dims) summed[d] = true;
  std::vector<int64_t> lro, lo, ro;
  int64_t lro_size = 1, lo_size = 1, ro_size = 1, sum_size = 1;
  for (int64_t d = 0; d < ndim; ++d) {
    const bool in_left = left.size(d) != 1, in_right = right.size(d) != 1;
    if (summed[d]) {
      if (in_left && in_right)
        sum_size *= left.size(d);
      else if (in_left)
        left = left.sum(IntArrayRef(d), true);
      else if (in_right)
        right = right.sum(IntArrayRef(d), true);
    } else if (in_left && in_right) {
      lro.push_back(d);
      lro_size *= left.size(d);
    } else if (in_left) {
      lo.push_back(d);
      lo_size *= left.size(d);
    } else {
      ro.push_back(d);
      ro_size *= right.size(d);
    }
  }
  // left as [lro, lo, summed], right as [lro, summed, ro]; the bmm result
  // [lro, lo, ro] is viewed with size-1 summed dims and permuted back.
  std::vector<int64_t> out_size, lperm = lro, rperm = lro;
  for (int64_t d : lro) out_size.push_back(left.size(d));
  for (int64_t d : lo) out_size.push_back(left.size(d));
  for (size_t i = 0; i < sum_dims.size(); ++i) out_size.push_back(1);
  for (int64_t d : ro) out_size.push_back(right.size(d));
  lperm.insert(lperm.end(), lo.begin(), lo.end());
  lperm.insert(lperm.end(), sum_dims.begin(), sum_dims.end());
  lperm.insert(lperm.end(), ro.begin(), ro.end());
  rperm.insert(rperm.end(), sum_dims.begin(), sum_dims.end());
  rperm.insert(rperm.end(), ro.begin(), ro.end());
  rperm.insert(rperm.end(), lo.begin(), lo.end());
  std::vector<int64_t> operm(ndim);
  for (size_t i = 0; i < lperm.size(); ++i) operm[lperm[i]] = static_cast<int64_t>(i);
  const Tensor product = left.permute(lperm)
                             .reshape({lro_size, lo_size, sum_size})
                             .bmm(right.permute(rperm).reshape({lro_size, sum_size, ro_size}));
  return product.view(out_size).permute(operm);
}

}  // namespace

Tensor einsum(std::string_view equation, const std::vector<Tensor>& operands) {
  if (operands.empty()) throw Error("einsum(): must provide at least one operand");
  const size_t num_ops = operands.size();
  const size_t arrow = equation.find("->");
  const std::string_view lhs = equation.substr(0, arrow);
  const std::vector<std::vector<int>> op_labels = parse_inputs(lhs, num_ops);

  // How often each label appears; how many dims "..." covers at most.
  std::vector<int64_t> label_count(kLabels, 0);
  int64_t ell_num_dim = 0;
  for (size_t i = 0; i < num_ops; ++i) {
    const int64_t ndims = operands[i].dim();
    int64_t nlabels = static_cast<int64_t>(op_labels[i].size());
    bool has_ellipsis = false;
    for (int s : op_labels[i]) {
      if (s == kEllipsis) {
        --nlabels;
        has_ellipsis = true;
        ell_num_dim = std::max(ell_num_dim, ndims - nlabels);
      } else {
        ++label_count[s];
      }
    }
    if (has_ellipsis ? nlabels > ndims : nlabels != ndims)
      throw Error("einsum(): the number of subscripts in the equation (" + std::to_string(nlabels) +
                  (has_ellipsis ? ") is more than the number of dimensions ("
                                : ") does not match the number of dimensions (") +
                  std::to_string(ndims) + ") for operand " + std::to_string(i) +
                  (has_ellipsis ? "" : " and no ellipsis was given"));
  }

  // Where each label (and the "..." dims, from ell_index) goes in the common
  // layout: output dims [0, out_num_dim), then the dims to sum.
  std::vector<int64_t> label_dim(kLabels, -1);
  int64_t next_dim = 0, ell_index = 0;
  bool ell_in_output = false;
  if (arrow == std::string_view::npos) {
    next_dim = ell_num_dim;
    ell_in_output = true;
    for (int s = 0; s < kLabels; ++s)
      if (label_count[s] == 1) label_dim[s] = next_dim++;
  } else {
    const std::string_view rhs = equation.substr(arrow + 2);
    for (size_t i = 0; i < rhs.size(); ++i) {
      const unsigned char c = rhs[i];
      if (c == ' ') continue;
      if (c == '.') {
        if (ell_in_output)
          throw Error("einsum(): found '.' for output but an ellipsis (...) was already found");
        if (!(i + 2 < rhs.size() && rhs[++i] == '.' && rhs[++i] == '.'))
          throw Error("einsum(): found '.' for output that is not part of any ellipsis (...)");
        ell_index = next_dim;
        next_dim += ell_num_dim;
        ell_in_output = true;
        continue;
      }
      if (!std::isalpha(c))
        throw Error("einsum(): invalid subscript given at index " +
                    std::to_string(lhs.size() + 2 + i) +
                    " in the equation string, subscripts must be in [a-zA-Z]");
      const int s = label_index(c);
      if (label_count[s] == 0 || label_dim[s] != -1)
        throw Error(std::string("einsum(): output subscript ") + static_cast<char>(c) +
                    (label_dim[s] > -1 ? " appears more than once in the output"
                                       : " does not appear in the equation for any input operand"));
      label_dim[s] = next_dim++;
    }
  }
  const int64_t out_num_dim = next_dim;
  if (!ell_in_output) {
    ell_index = next_dim;
    next_dim += ell_num_dim;
  }
  for (int s = 0; s < kLabels; ++s)
    if (label_count[s] > 0 && label_dim[s] == -1) label_dim[s] = next_dim++;
  const int64_t total_dims = next_dim;

  // Lay each operand out on the common dims, checking sizes; dim_counts
  // counts the operands in which each dim has a size other than 1.
  std::vector<int64_t> label_size(kLabels, 1), ell_sizes(ell_num_dim, 1);
  std::vector<int64_t> dim_counts(total_dims, 0);
  std::deque<Tensor> ops;
  for (size_t i = 0; i < num_ops; ++i) {
    Tensor op = operands[i];
    std::vector<int64_t> permutation(total_dims, -1);
    int64_t dim = 0;
    for (int s : op_labels[i]) {
      if (s == kEllipsis) {
        const int64_t covered = operands[i].dim() - (static_cast<int64_t>(op_labels[i].size()) - 1);
        for (int64_t j = ell_num_dim - covered; j < ell_num_dim; ++j) {
          if (op.size(dim) != 1) {
            if (ell_sizes[j] != 1 && ell_sizes[j] != op.size(dim))
              throw Error("einsum(): dimension " + std::to_string(dim) +
                          " covered by ellipsis in operand " + std::to_string(i) + "has size " +
                          std::to_string(op.size(dim)) +
                          " which does not broadcast with previously seen ellipsis with size " +
                          std::to_string(ell_sizes[j]) + " for the respective dimension");
            ell_sizes[j] = op.size(dim);
            ++dim_counts[ell_index + j];
          }
          permutation[ell_index + j] = dim++;
        }
      } else if (permutation[label_dim[s]] == -1) {
        if (op.size(dim) != 1) {
          if (label_size[s] != 1 && label_size[s] != op.size(dim))
            throw Error(std::string("einsum(): subscript ") + label_char(s) + " has size " +
                        std::to_string(op.size(dim)) + " for operand " + std::to_string(i) +
                        " which does not broadcast with previously seen size " +
                        std::to_string(label_size[s]));
          label_size[s] = op.size(dim);
          ++dim_counts[label_dim[s]];
        }
        permutation[label_dim[s]] = dim++;
      } else {
        const int64_t prev = permutation[label_dim[s]];
        if (op.size(dim) != op.size(prev))
          throw Error(std::string("einsum(): subscript ") + label_char(s) +
                      " is repeated for operand " + std::to_string(i) +
                      " but the sizes don't match, " + std::to_string(op.size(dim)) +
                      " != " + std::to_string(op.size(prev)));
        op = diagonal_at(op, prev, dim);
      }
    }
    for (int64_t& where : permutation)
      if (where == -1) {
        op = op.unsqueeze(dim);
        where = dim++;
      }
    ops.push_back(op.permute(permutation));
  }

  // Contract left to right; a dim is summed once no later operand has it.
  while (ops.size() > 1) {
    Tensor a = ops[0], b = ops[1];
    ops.pop_front();
    ops.pop_front();
    std::vector<int64_t> sum_dims, a_dims_to_sum, b_dims_to_sum;
    for (int64_t d = out_num_dim; d < total_dims; ++d) {
      if (a.size(d) != 1 && b.size(d) != 1) {
        if (--dim_counts[d] == 1) {
          sum_dims.push_back(d);
          dim_counts[d] = 0;
        }
      } else if (dim_counts[d] == 1) {
        if (a.size(d) != 1) {
          a_dims_to_sum.push_back(d);
          dim_counts[d] = 0;
        } else if (b.size(d) != 1) {
          b_dims_to_sum.push_back(d);
          dim_counts[d] = 0;
        }
      }
    }
    if (!a_dims_to_sum.empty()) a = a.sum(a_dims_to_sum, true);
    if (!b_dims_to_sum.empty()) b = b.sum(b_dims_to_sum, true);
    ops.push_front(sumproduct_pair(a, b, sum_dims));
  }

  // Drop the summed dims: size 1 by now, or summed here for one operand.
  if (total_dims > out_num_dim) {
    if (num_ops > 1) {
      std::vector<int64_t> sizes = ops[0].sizes().vec();
      sizes.resize(out_num_dim);
      return ops[0].view(sizes);
    }
    std::vector<int64_t> sum_dims;
    for (int64_t d = out_num_dim; d < total_dims; ++d) sum_dims.push_back(d);
    return ops[0].sum(sum_dims);
  }
  return ops[0];
}

}  // namespace parity::ref
