#include "compare.h"

#include <cmath>
#include <sstream>

namespace parity::conf {

Tolerance defaultTolerance(ScalarType t) {
  switch (t) {
    case kFloat:
      return {1.3e-6, 1e-5};
    case kDouble:
      return {1e-7, 1e-7};
    case kHalf:
      return {1e-3, 1e-5};
    case kBFloat16:
      return {1.6e-2, 1e-5};
    default:
      return {0, 0};
  }
}

static std::string listText(const std::vector<int64_t>& v) {
  std::ostringstream os;
  os << "[";
  for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
  os << "]";
  return os.str();
}

std::string Entry::describe() const {
  switch (kind) {
    case Kind::Tensor:
      return tensor.describe();
    case Kind::Int:
      return std::to_string(i);
    case Kind::Bool:
      return i ? "true" : "false";
    case Kind::Real: {
      std::ostringstream os;
      os.precision(17);
      os << d;
      return os.str();
    }
    case Kind::Text:
      return "\"" + s + "\"";
    case Kind::IntList:
      return listText(list);
    case Kind::Error:
      return error.kind + ": " + error.message;
    case Kind::NoError:
      return "no error";
    case Kind::Unavailable:
      return "unavailable (" + s + ")";
  }
  return "?";
}

static bool realsAgree(double want, double got, Tolerance tol) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  if (std::isinf(want) || std::isinf(got)) return want == got;
  if (want == 0 && got == 0) return std::signbit(want) == std::signbit(got);
  return std::fabs(got - want) <= tol.atol + tol.rtol * std::fabs(want);
}

// The spacing of the dtype's values at `x`: 2^(e - digits), e its binary
// exponent (frexp's, mantissa in [0.5, 1)), subnormals at the least one.
static double ulpAt(ScalarType t, double x) {
  int digits = 53, emin = -1021;
  switch (t) {
    case ScalarType::Float:
      digits = 24, emin = -125;
      break;
    case ScalarType::Half:
      digits = 11, emin = -13;
      break;
    case ScalarType::BFloat16:
      digits = 8, emin = -125;
      break;
    default:
      break;
  }
  int e = 0;
  std::frexp(x, &e);
  return std::ldexp(1.0, std::max(e, emin) - digits);
}

std::vector<std::string> compareTensors(const TensorSnap& want, const TensorSnap& got, int ulps) {
  std::vector<std::string> diffs;
  auto differ = [&](const std::string& what, const std::string& w, const std::string& g) {
    diffs.push_back(what + ": expected " + w + ", got " + g);
  };
  if (want.dtype != got.dtype) differ("dtype", toString(want.dtype), toString(got.dtype));
  if (want.device != got.device) differ("device", want.device, got.device);
  if (want.sizes != got.sizes) differ("sizes", listText(want.sizes), listText(got.sizes));
  if (want.strides != got.strides) differ("strides", listText(want.strides), listText(got.strides));
  if (want.storage_offset != got.storage_offset)
    differ("storage_offset", std::to_string(want.storage_offset),
           std::to_string(got.storage_offset));
  if (want.requires_grad != got.requires_grad)
    differ("requires_grad", std::to_string(want.requires_grad), std::to_string(got.requires_grad));
  if (!diffs.empty()) return diffs;
  if (want.ints != got.ints) differ("values", want.describe(), got.describe());
  for (size_t k = 0; k < want.reals.size() && k < got.reals.size(); ++k) {
    const Tolerance tol = ulps < 0 ? defaultTolerance(want.dtype)
                                   : Tolerance{0, ulps * ulpAt(want.dtype, want.reals[k])};
    if (!realsAgree(want.reals[k], got.reals[k], tol)) {
      std::ostringstream w, g;
      w.precision(17), g.precision(17);
      w << want.reals[k];
      g << got.reals[k];
      differ("value at flat index " + std::to_string(k), w.str(), g.str());
      break;
    }
  }
  if (want.reals.size() != got.reals.size()) differ("values", want.describe(), got.describe());
  return diffs;
}

static std::vector<std::string> compareEntries(const Entry& w, const Entry& g) {
  using K = Entry::Kind;
  if (w.kind == K::Unavailable || g.kind == K::Unavailable) return {};
  const bool sameKind = w.kind == g.kind;
  if (sameKind && w.kind == K::Tensor) {
    auto diffs = compareTensors(w.tensor, g.tensor, w.ulps);
    for (auto& d : diffs) d = w.name + ": " + d;
    return diffs;
  }
  if (sameKind && w.kind == K::Real && realsAgree(w.d, g.d, defaultTolerance(kDouble))) return {};
  if (sameKind && w.describe() == g.describe()) return {};
  return {w.name + ": expected " + w.describe() + ", got " + g.describe()};
}

std::vector<std::string> compareRecords(const Record& want, const Record& got) {
  std::vector<std::string> diffs;
  const size_t n = std::min(want.entries.size(), got.entries.size());
  for (size_t k = 0; k < n; ++k) {
    const Entry& w = want.entries[k];
    const Entry& g = got.entries[k];
    if (w.name != g.name) {
      diffs.push_back("entry " + std::to_string(k) + ": expected '" + w.name + "', got '" + g.name +
                      "' (the case took another path)");
      return diffs;
    }
    for (auto& d : compareEntries(w, g)) diffs.push_back(d);
  }
  if (want.entries.size() != got.entries.size())
    diffs.push_back("recorded " + std::to_string(got.entries.size()) + " entries, expected " +
                    std::to_string(want.entries.size()));
  return diffs;
}

std::vector<std::string> checkExpectations(const Record& got) {
  std::vector<std::string> diffs;
  for (const Entry& e : got.entries) {
    if (e.kind == Entry::Kind::Unavailable) continue;
    if (e.expected_error &&
        (e.kind != Entry::Kind::Error || e.error.kind != e.expected_error->kind ||
         e.error.message != e.expected_error->message))
      diffs.push_back(e.name + ": documented " + e.expected_error->kind + ": " +
                      e.expected_error->message + ", got " + e.describe());
    if (e.expected_text && e.s != *e.expected_text)
      diffs.push_back(e.name + ": the documented text is\n" + *e.expected_text + "\nbut got\n" +
                      e.s);
    if (e.expected_int && e.i != *e.expected_int)
      diffs.push_back(e.name + ": documented " + std::to_string(*e.expected_int) + ", got " +
                      std::to_string(e.i));
    if (e.expected_list && e.list != *e.expected_list)
      diffs.push_back(e.name + ": documented " + listText(*e.expected_list) + ", got " +
                      listText(e.list));
  }
  return diffs;
}

}  // namespace parity::conf
