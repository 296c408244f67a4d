// Python's number formatting: '{:.4f}', '{:.4e}' and float repr.
#include "print_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace parity::ref {

std::string py_format(double x, char conv, int precision) {
  if (std::isnan(x)) return "nan";  // never C's "-nan"
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  const char format[] = {'%', '.', '*', conv, '\0'};
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, format, precision, x);
  return buffer;
}

// Python's float_repr_style 'short': the shortest digits that round-trip,
// fixed notation when 1e-4 <= |x| < 1e16 (with ".0" if integral), else
// d.ddde+XX with at least two exponent digits.
std::string py_float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buffer[64];
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, std::abs(x), std::chars_format::scientific).ptr;
  const std::string sci(buffer, end);  // "d.ddde+XX", shortest round-trip digits
  const size_t e_pos = sci.find('e');
  std::string digits = sci.substr(0, e_pos);
  if (digits.size() > 1) digits.erase(1, 1);  // drop the '.'
  const int exponent = std::stoi(sci.substr(e_pos + 1));
  const int decpt = exponent + 1;  // digits are 0.ddd * 10^decpt
  const int ndigits = static_cast<int>(digits.size());
  std::string out = std::signbit(x) ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return out + "0." + std::string(-decpt, '0') + digits;
    if (decpt >= ndigits) return out + digits + std::string(decpt - ndigits, '0') + ".0";
    return out + digits.substr(0, decpt) + "." + digits.substr(decpt);
  }
  out += digits.substr(0, 1);
  if (ndigits > 1) out += "." + digits.substr(1);
  const int e = decpt - 1;
  char exp_text[16];
  std::snprintf(exp_text, sizeof exp_text, "e%c%02d", e < 0 ? '-' : '+', std::abs(e));
  return out + exp_text;
}

std::string py_str(const Scalar& v) {
  if (v.isBoolean()) return v.toBool() ? "True" : "False";
  if (v.isIntegral(false)) return std::to_string(v.toLong());
  return py_float_repr(v.toDouble());
}

}  // namespace parity::ref
