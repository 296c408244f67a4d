// repr(Storage): torch 1.13's print(t.storage()) — one Python str() of each
// element per line, then the TypedStorage footer.
#include <charconv>
#include <cmath>
#include <ostream>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "parity/fast/storage.h"

namespace parity::fast {
namespace {

// Python's repr(float): the shortest digits that round-trip, positional for
// 1e-4 <= |x| < 1e16 (with ".0" when integral), else d.ddde+XX.
std::string python_float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  size_t epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int exp10 = std::stoi(sci.substr(epos + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  const int decpt = exp10 + 1;  // value = 0.DIGITS * 10^decpt
  const int nd = static_cast<int>(digits.size());
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(static_cast<size_t>(-decpt), '0') + digits;
    } else if (decpt >= nd) {
      out = digits + std::string(static_cast<size_t>(decpt - nd), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<size_t>(decpt)) + "." +
            digits.substr(static_cast<size_t>(decpt));
    }
  } else {
    out = digits.substr(0, 1);
    if (nd > 1) out += "." + digits.substr(1);
    int e = decpt - 1;
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += eb;
  }
  return sign + out;
}

}  // namespace

std::string repr(const Storage& s) {
  std::string out = " ";
  const int64_t n = s.size();
  core::dispatch_dtype(s.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = static_cast<const T*>(s.data_ptr());
    for (int64_t i = 0; i < n; ++i) {
      if (i) out += "\n ";
      if constexpr (std::is_same_v<T, bool>) {
        out += p[i] ? "True" : "False";
      } else if constexpr (core::is_float_v<T>) {
        out += python_float_repr(core::to_double(p[i]));
      } else {
        out += std::to_string(static_cast<int64_t>(p[i]));
      }
    }
  });
  out += "\n[torch.storage.TypedStorage(dtype=";
  out += pythonName(s.dtype());
  out += ", device=cpu) of size " + std::to_string(n) + "]";
  return out;
}

std::ostream& operator<<(std::ostream& os, const Storage& s) { return os << repr(s); }

}  // namespace parity::fast
