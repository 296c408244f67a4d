// print(t) as torch 1.13's torch/_tensor_str.py with default options:
// one _Formatter decides the width and style (integer-valued floats "4.",
// fixed "%.4f" or scientific "%.4e") from all (summarized) values, then
// the elements are laid out recursively with line wrapping at 80 columns.
#include "parity/ref/print.h"

#include <cmath>
#include <sstream>

#include "print_format.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

constexpr int kPrecision = 4;
constexpr int kLinewidth = 80;
constexpr int64_t kThreshold = 1000;
constexpr int64_t kEdgeItems = 3;

// torch._tensor_str._Formatter.
struct Formatter {
  bool floating = false;
  bool int_mode = true;
  bool sci_mode = false;
  size_t max_width = 1;

  std::string format(const Scalar& v) const {
    std::string s;
    if (!floating) {
      s = py_str(v);
    } else if (sci_mode) {
      s = py_format(v.toDouble(), 'e', kPrecision);
    } else if (int_mode) {
      s = py_format(v.toDouble(), 'f', 0);
      if (std::isfinite(v.toDouble())) s += ".";
    } else {
      s = py_format(v.toDouble(), 'f', kPrecision);
    }
    return std::string(max_width > s.size() ? max_width - s.size() : 0, ' ') + s;
  }
};

Formatter make_formatter(const std::vector<Scalar>& values, bool floating) {
  Formatter f;
  f.floating = floating;
  if (!floating) {
    for (const Scalar& v : values) f.max_width = std::max(f.max_width, py_str(v).size());
    return f;
  }
  std::vector<double> finite;  // the nonzero finite values decide the style
  for (const Scalar& v : values)
    if (std::isfinite(v.toDouble()) && v.toDouble() != 0) finite.push_back(v.toDouble());
  if (finite.empty()) return f;
  double min_abs = std::abs(finite[0]), max_abs = min_abs;
  for (double x : finite) {
    min_abs = std::min(min_abs, std::abs(x));
    max_abs = std::max(max_abs, std::abs(x));
    if (x != std::ceil(x)) f.int_mode = false;
  }
  const bool wide_range = max_abs / min_abs > 1000.0 || max_abs > 1.0e8;
  f.sci_mode = f.int_mode ? wide_range : (wide_range || min_abs < 1.0e-4);
  for (double x : finite) {
    const std::string s = f.sci_mode   ? py_format(x, 'e', kPrecision)
                          : f.int_mode ? py_format(x, 'f', 0) + "."
                                       : py_format(x, 'f', kPrecision);
    f.max_width = std::max(f.max_width, s.size());
  }
  return f;
}

// The indices along dim 0 that printing shows: all, or 3 + 3 when summarizing.
std::vector<int64_t> shown_rows(int64_t size, bool summarize) {
  std::vector<int64_t> rows;
  const bool cut = summarize && size > 2 * kEdgeItems;
  for (int64_t i = 0; i < size; ++i)
    if (!cut || i < kEdgeItems || i >= size - kEdgeItems) rows.push_back(i);
  return rows;
}

// get_summarized_data, flattened: the values the formatter sees.
void summarized_values(const Tensor& t, bool summarize, std::vector<Scalar>& out) {
  if (t.dim() == 0) {
    out.push_back(t.item());
    return;
  }
  for (int64_t i : shown_rows(t.size(0), summarize)) summarized_values(t[i], summarize, out);
}

// _vector_str: elements joined by ", ", wrapped to fit the line width.
std::string vector_str(const Tensor& t, int indent, bool summarize, const Formatter& f) {
  const int element_length = static_cast<int>(f.max_width) + 2;
  const int per_line = std::max(
      1, static_cast<int>(std::floor(static_cast<double>(kLinewidth - indent) / element_length)));
  std::vector<std::string> data;
  const std::vector<int64_t> rows = shown_rows(t.size(0), summarize);
  for (size_t k = 0; k < rows.size(); ++k) {
    if (k > 0 && rows[k] != rows[k - 1] + 1) data.push_back(" ...");
    data.push_back(f.format(t[rows[k]].item()));
  }
  std::string out = "[";
  for (size_t i = 0; i < data.size(); ++i) {
    if (i > 0) out += i % per_line == 0 ? ",\n" + std::string(indent + 1, ' ') : ", ";
    out += data[i];
  }
  return out + "]";
}

// _tensor_str_with_formatter: sub-tensors separated by dim-1 newlines.
std::string tensor_str(const Tensor& t, int indent, bool summarize, const Formatter& f) {
  if (t.dim() == 0) return f.format(t.item());
  if (t.dim() == 1) return vector_str(t, indent, summarize, f);
  const std::string separator = "," + std::string(t.dim() - 1, '\n') + std::string(indent + 1, ' ');
  std::string out = "[";
  const std::vector<int64_t> rows = shown_rows(t.size(0), summarize);
  for (size_t k = 0; k < rows.size(); ++k) {
    if (k > 0) out += separator;
    if (k > 0 && rows[k] != rows[k - 1] + 1) out += "..." + separator;
    out += tensor_str(t[rows[k]], indent + 1, summarize, f);
  }
  return out + "]";
}

std::string shape_tuple(IntArrayRef sizes) {  // Python's str(tuple(shape))
  std::ostringstream os;
  os << "(";
  for (size_t i = 0; i < sizes.size(); ++i) os << (i ? ", " : "") << sizes[i];
  return os.str() + (sizes.size() == 1 ? ",)" : ")");
}

// _add_suffixes: ", suffix" or, past the line width, ",\n" + indent + suffix.
std::string add_suffixes(std::string text, const std::vector<std::string>& suffixes, int indent) {
  const size_t newline = text.rfind('\n');
  size_t last_line_len = text.size() - (newline == std::string::npos ? -1 : newline) + 1;
  for (const std::string& suffix : suffixes) {
    if (last_line_len + suffix.size() + 2 > static_cast<size_t>(kLinewidth)) {
      text += ",\n" + std::string(indent, ' ') + suffix;
      last_line_len = indent + suffix.size();
    } else {
      text += ", " + suffix;
      last_line_len += suffix.size() + 2;
    }
  }
  return text + ")";
}

}  // namespace

std::string repr(const Tensor& t) {
  if (!t.defined()) return "[ Tensor (undefined) ]";  // LibTorch's text
  const std::string prefix = "tensor(";
  const int indent = static_cast<int>(prefix.size());
  const ScalarType dtype = t.scalar_type();
  std::vector<std::string> suffixes;
  std::string body;
  if (t.numel() == 0) {
    // An empty tensor shows its shape unless 1-d, and any non-float32 dtype.
    if (t.dim() != 1) suffixes.push_back("size=" + shape_tuple(t.sizes()));
    if (dtype != kFloat) suffixes.push_back(std::string("dtype=") + pythonName(dtype));
    body = "[]";
  } else {
    if (dtype != kFloat && dtype != kLong && dtype != kBool)
      suffixes.push_back(std::string("dtype=") + pythonName(dtype));
    const bool summarize = t.numel() > kThreshold;
    std::vector<Scalar> values;
    summarized_values(t, summarize, values);
    body = tensor_str(t, indent, summarize, make_formatter(values, isFloatingType(dtype)));
  }
  if (t.requires_grad()) suffixes.push_back("requires_grad=True");
  return add_suffixes(prefix + body, suffixes, indent);
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) { return os << repr(t); }

}  // namespace parity::ref
