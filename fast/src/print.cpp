// repr(Tensor): what Python's print(t) shows in torch 1.13
// (torch/_tensor_str.py with the default print options).
#include <cmath>
#include <cstdio>
#include <ostream>
#include <vector>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "parity/fast/functions.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

constexpr int kPrecision = 4;
constexpr int64_t kThreshold = 1000;
constexpr int64_t kEdgeItems = 3;
constexpr int64_t kLineWidth = 80;

enum class Kind { Floating, Integer, Boolean };

struct Value {
  double d = 0;
  int64_t i = 0;
  bool b = false;
};

Kind kind_of(ScalarType t) {
  if (isFloatingType(t)) return Kind::Floating;
  if (t == kBool) return Kind::Boolean;
  return Kind::Integer;
}

Value read(const Tensor& t0) {
  Value v;
  core::dispatch_dtype(t0.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    T x = *static_cast<const T*>(t0.data_ptr());
    if constexpr (std::is_same_v<T, bool>) {
      v.b = x;
    } else if constexpr (core::is_float_v<T>) {
      v.d = core::to_double(x);
    } else {
      v.i = static_cast<int64_t>(x);
    }
  });
  return v;
}

// Python's '{:.Nf}' / '{:.Ne}': C's except for the spelling of non-finites.
std::string py_format(double v, char conv, int prec) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[512];
  char fmt[8] = {'%', '.', '*', conv, 0};
  std::snprintf(buf, sizeof buf, fmt, prec, v);
  return buf;
}

std::string pad_left(std::string s, size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

// _tensor_str._Formatter.
class Formatter {
 public:
  Formatter(Kind kind, const std::vector<Value>& values) : kind_(kind) {
    if (kind_ == Kind::Integer) {
      for (const Value& v : values) width_ = std::max(width_, std::to_string(v.i).size());
      return;
    }
    if (kind_ == Kind::Boolean) {
      for (const Value& v : values) width_ = std::max<size_t>(width_, v.b ? 4 : 5);
      return;
    }
    std::vector<double> finite;
    for (const Value& v : values)
      if (std::isfinite(v.d) && v.d != 0) finite.push_back(v.d);
    if (finite.empty()) return;
    double amin = std::fabs(finite[0]), amax = amin;
    for (double x : finite) {
      amin = std::min(amin, std::fabs(x));
      amax = std::max(amax, std::fabs(x));
      if (x != std::ceil(x)) int_mode_ = false;
    }
    if (int_mode_) {
      if (amax / amin > 1000.0 || amax > 1.0e8) {
        sci_mode_ = true;
        for (double x : finite) width_ = std::max(width_, py_format(x, 'e', kPrecision).size());
      } else {
        for (double x : finite) width_ = std::max(width_, py_format(x, 'f', 0).size() + 1);
      }
    } else {
      if (amax / amin > 1000.0 || amax > 1.0e8 || amin < 1.0e-4) {
        sci_mode_ = true;
        for (double x : finite) width_ = std::max(width_, py_format(x, 'e', kPrecision).size());
      } else {
        for (double x : finite) width_ = std::max(width_, py_format(x, 'f', kPrecision).size());
      }
    }
  }

  size_t width() const { return width_; }

  std::string format(const Value& v) const {
    std::string s;
    switch (kind_) {
      case Kind::Integer:
        s = std::to_string(v.i);
        break;
      case Kind::Boolean:
        s = v.b ? "True" : "False";
        break;
      case Kind::Floating:
        if (sci_mode_) {
          s = py_format(v.d, 'e', kPrecision);
        } else if (int_mode_) {
          s = py_format(v.d, 'f', 0);
          if (std::isfinite(v.d)) s += ".";
        } else {
          s = py_format(v.d, 'f', kPrecision);
        }
        break;
    }
    return pad_left(std::move(s), width_);
  }

 private:
  Kind kind_;
  bool int_mode_ = true;
  bool sci_mode_ = false;
  size_t width_ = 1;
};

// get_summarized_data, flattened: the elements the formatter sees.
void collect(const Tensor& t, bool summarize, std::vector<Value>& out) {
  if (t.dim() == 0) {
    out.push_back(read(t));
    return;
  }
  int64_t n = t.size(0);
  auto visit = [&](int64_t i) {
    if (t.dim() == 1) {
      out.push_back(read(t.select(0, i)));
    } else {
      collect(t.select(0, i), summarize, out);
    }
  };
  if (summarize && n > 2 * kEdgeItems) {
    for (int64_t i = 0; i < kEdgeItems; ++i) visit(i);
    for (int64_t i = n - kEdgeItems; i < n; ++i) visit(i);
  } else {
    for (int64_t i = 0; i < n; ++i) visit(i);
  }
}

std::string vector_str(const Tensor& t, int64_t indent, bool summarize, const Formatter& f) {
  const int64_t element_length = static_cast<int64_t>(f.width()) + 2;
  const int64_t per_line = std::max<int64_t>(1, (kLineWidth - indent) / element_length);
  std::vector<std::string> data;
  int64_t n = t.size(0);
  if (summarize && n > 2 * kEdgeItems) {
    for (int64_t i = 0; i < kEdgeItems; ++i) data.push_back(f.format(read(t.select(0, i))));
    data.push_back(" ...");
    for (int64_t i = n - kEdgeItems; i < n; ++i) data.push_back(f.format(read(t.select(0, i))));
  } else {
    for (int64_t i = 0; i < n; ++i) data.push_back(f.format(read(t.select(0, i))));
  }
  std::string s = "[";
  for (size_t i = 0; i < data.size(); ++i) {
    if (i > 0) {
      if (static_cast<int64_t>(i) % per_line == 0) {
        s += ",\n";
        s.append(static_cast<size_t>(indent + 1), ' ');
      } else {
        s += ", ";
      }
    }
    s += data[i];
  }
  return s + "]";
}

std::string tensor_str_with(const Tensor& t, int64_t indent, bool summarize, const Formatter& f) {
  if (t.dim() == 0) return f.format(read(t));
  if (t.dim() == 1) return vector_str(t, indent, summarize, f);
  std::vector<std::string> slices;
  int64_t n = t.size(0);
  if (summarize && n > 2 * kEdgeItems) {
    for (int64_t i = 0; i < kEdgeItems; ++i)
      slices.push_back(tensor_str_with(t.select(0, i), indent + 1, summarize, f));
    slices.push_back("...");
    for (int64_t i = n - kEdgeItems; i < n; ++i)
      slices.push_back(tensor_str_with(t.select(0, i), indent + 1, summarize, f));
  } else {
    for (int64_t i = 0; i < n; ++i)
      slices.push_back(tensor_str_with(t.select(0, i), indent + 1, summarize, f));
  }
  // Built by appends: GCC 12 at -O3 misreports "lit" + std::string (PR105329).
  std::string sep(1, ',');
  sep.append(static_cast<size_t>(t.dim() - 1), '\n');
  sep.append(static_cast<size_t>(indent + 1), ' ');
  std::string s = "[";
  for (size_t i = 0; i < slices.size(); ++i) {
    if (i) s += sep;
    s += slices[i];
  }
  return s + "]";
}

std::string tensor_str(const Tensor& t, int64_t indent) {
  const bool summarize = t.numel() > kThreshold;
  std::vector<Value> values;
  collect(t, summarize, values);
  Formatter f(kind_of(t.dtype()), values);
  return tensor_str_with(t, indent, summarize, f);
}

// Python's str(tuple(shape)).
std::string tuple_str(IntArrayRef s) {
  std::string r = "(";
  for (size_t i = 0; i < s.size(); ++i) {
    if (i) r += ", ";
    r += std::to_string(s[i]);
  }
  return r + (s.size() == 1 ? ",)" : ")");
}

}  // namespace

std::string repr(const Tensor& t) {
  if (!t.defined()) return "[ Tensor (undefined) ]";  // LibTorch's spelling
  const std::string prefix = "tensor(";
  const int64_t indent = static_cast<int64_t>(prefix.size());
  std::vector<std::string> suffixes;
  std::string body;
  const ScalarType dt = t.dtype();
  if (t.numel() == 0) {
    if (t.dim() != 1) suffixes.push_back("size=" + tuple_str(t.sizes()));
    if (dt != kFloat) suffixes.push_back(std::string("dtype=") + pythonName(dt));
    body = "[]";
  } else {
    if (dt != kFloat && dt != kLong && dt != kBool)
      suffixes.push_back(std::string("dtype=") + pythonName(dt));
    body = tensor_str(t, indent);
  }
  if (t.requires_grad()) suffixes.push_back("requires_grad=True");

  // _add_suffixes
  std::string s = prefix + body;
  size_t nl = s.rfind('\n');
  int64_t last_line_len = static_cast<int64_t>(s.size()) -
                          (nl == std::string::npos ? -1 : static_cast<int64_t>(nl)) + 1;
  for (const std::string& suf : suffixes) {
    int64_t len = static_cast<int64_t>(suf.size());
    if (last_line_len + len + 2 > kLineWidth) {
      s += ",\n";
      s.append(static_cast<size_t>(indent), ' ');
      s += suf;
      last_line_len = indent + len;
    } else {
      s += ", ";
      s += suf;
      last_line_len += len + 2;
    }
  }
  return s + ")";
}

std::ostream& operator<<(std::ostream& os, const Tensor& t) { return os << repr(t); }

}  // namespace parity::fast
