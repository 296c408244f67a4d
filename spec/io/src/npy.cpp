// .npy reading and writing at the byte level (see npy.h). The header parser
// accepts exactly the Python literals numpy writes: a dict of quoted keys,
// with a string, True/False and a tuple of non-negative ints as values.
#include "parity/io/npy.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>

#include "parity/io/atomic_file.h"
#include "parity/io/errors.h"
#include "parity/io/mapped_file.h"

namespace parity::io {
namespace {

using Code = SerializationErrorCode;
constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicLen = 6;
constexpr size_t kAlign = 64;         // numpy's ARRAY_ALIGN
constexpr size_t kGrowthDigits = 21;  // numpy's GROWTH_AXIS_MAX_DIGITS

[[noreturn]] void fail(Code code, const std::string& msg) { throw SerializationError(code, msg); }

std::string shapeText(const std::vector<int64_t>& shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + (shape.size() == 1 ? ",)" : ")");
}

// Shows one header character in a message: printable as is, others as \xNN.
std::string showChar(char c) {
  if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
  return buf;
}

struct DtypeEntry {
  char kind;
  int size;
  ScalarType dtype;
};
// Every dtype numpy shares with torch (torch 1.13 has no uint16/32/64).
constexpr DtypeEntry kDtypes[] = {
    {'f', 2, ScalarType::Half}, {'f', 4, ScalarType::Float}, {'f', 8, ScalarType::Double},
    {'i', 1, ScalarType::Char}, {'i', 2, ScalarType::Short}, {'i', 4, ScalarType::Int},
    {'i', 8, ScalarType::Long}, {'u', 1, ScalarType::Byte},  {'b', 1, ScalarType::Bool},
};

// The header dict: a recursive-descent parser over numpy's literal subset.
class HeaderParser {
 public:
  HeaderParser(std::string_view text, std::string where) : s_(text), where_(std::move(where)) {}

  struct Value {
    enum class Kind { String, Bool, Tuple, Int } kind;
    std::string str;
    bool b = false;
    std::vector<int64_t> ints;
    int64_t i = 0;
  };

  std::vector<std::pair<std::string, Value>> parseDict() {
    std::vector<std::pair<std::string, Value>> out;
    skipSpace();
    expect('{');
    skipSpace();
    while (peek() != '}') {
      std::string key = parseString();
      skipSpace();
      expect(':');
      skipSpace();
      out.emplace_back(std::move(key), parseValue());
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        skipSpace();
      } else if (peek() != '}') {
        unexpected("',' or '}'");
      }
    }
    ++pos_;
    // numpy pads with spaces and ends with '\n'; nothing else may follow.
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n')) ++pos_;
    if (pos_ < s_.size()) unexpected("only spaces and a newline after '}'");
    return out;
  }

 private:
  char peek() const {
    if (pos_ >= s_.size())
      fail(Code::NpyFormat, where_ + ": the dict ends early at offset " + std::to_string(pos_) +
                                ", expected more of it");
    return s_[pos_];
  }
  [[noreturn]] void unexpected(const std::string& wanted) const {
    fail(Code::NpyFormat, where_ + ": at offset " + std::to_string(pos_) + " expected " + wanted +
                              ", got " + showChar(peek()));
  }
  void expect(char c) {
    if (peek() != c) unexpected(showChar(c));
    ++pos_;
  }
  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
  }
  std::string parseString() {
    const char q = peek();
    if (q != '\'' && q != '"') unexpected("a quoted string");
    ++pos_;
    std::string out;
    while (peek() != q) {
      const char c = s_[pos_++];
      // numpy's keys and descrs are plain ASCII; an escape or a control
      // character means the file was not written by numpy.
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20 ||
          static_cast<unsigned char>(c) >= 0x7f)
        fail(Code::NpyFormat, where_ + ": at offset " + std::to_string(pos_ - 1) +
                                  " expected a plain ASCII character in a string, got " +
                                  showChar(c));
      out += c;
    }
    ++pos_;
    return out;
  }
  int64_t parseInt() {
    const size_t start = pos_;
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++pos_;
    }
    if (peek() < '0' || peek() > '9') unexpected("a digit");
    int64_t v = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      const int d = s_[pos_++] - '0';
      if (v > (INT64_MAX - d) / 10)
        fail(Code::Overflow, where_ + ": the integer at offset " + std::to_string(start) +
                                 " does not fit in int64");
      v = v * 10 + d;
    }
    // Python 2's long suffix, which numpy's _filter_header also drops.
    if (pos_ < s_.size() && s_[pos_] == 'L') ++pos_;
    return negative ? -v : v;
  }
  Value parseValue() {
    Value v{};
    const char c = peek();
    if (c == '\'' || c == '"') {
      v.kind = Value::Kind::String;
      v.str = parseString();
    } else if (s_.substr(pos_, 4) == "True" || s_.substr(pos_, 5) == "False") {
      v.kind = Value::Kind::Bool;
      v.b = s_[pos_] == 'T';
      pos_ += v.b ? 4 : 5;
    } else if (c == '(') {
      v.kind = Value::Kind::Tuple;
      ++pos_;
      skipSpace();
      bool comma = false;  // (3) is an int in Python, (3,) a tuple
      while (peek() != ')') {
        v.ints.push_back(parseInt());
        skipSpace();
        if (peek() == ',') {
          ++pos_;
          comma = true;
          skipSpace();
        } else if (peek() != ')') {
          unexpected("',' or ')'");
        } else {
          comma = v.ints.size() > 1;
        }
      }
      ++pos_;
      if (v.ints.size() == 1 && !comma) {
        v.kind = Value::Kind::Int;
        v.i = v.ints[0];
      }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Value::Kind::Int;
      v.i = parseInt();
    } else {
      unexpected("a string, True, False, a tuple or an int");
    }
    return v;
  }

  std::string_view s_;
  std::string where_;
  size_t pos_ = 0;
};

const char* kindName(HeaderParser::Value::Kind k) {
  switch (k) {
    case HeaderParser::Value::Kind::String:
      return "a string";
    case HeaderParser::Value::Kind::Bool:
      return "a bool";
    case HeaderParser::Value::Kind::Tuple:
      return "a tuple";
    case HeaderParser::Value::Kind::Int:
      return "an int";
  }
  return "?";
}

// descr: an optional byte order, a kind letter and the item size.
void parseDescr(const std::string& descr, NpyHeader& h, const std::string& where) {
  size_t k = 0;
  char order = '=';
  if (!descr.empty() && std::strchr("<>|=", descr[0])) order = descr[k++];
  const bool sizeOk = descr.size() > k + 1 && descr.size() <= k + 3 &&
                      std::all_of(descr.begin() + static_cast<long>(k) + 1, descr.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!sizeOk)
    fail(Code::Unsupported, where + ": descr '" + descr +
                                "' is not a simple dtype; expected one of <f2 <f4 <f8 |i1 <i2 <i4 "
                                "<i8 |u1 |b1");
  const char kind = descr[k];
  const int size = std::stoi(descr.substr(k + 1));
  for (const DtypeEntry& e : kDtypes) {
    if (e.kind != kind || e.size != size) continue;
    h.dtype = e.dtype;
    const bool bigEndianFile =
        order == '>' || (order == '=' && std::endian::native == std::endian::big);
    h.swap_bytes = size > 1 && (bigEndianFile != (std::endian::native == std::endian::big));
    if (order == '|' && size > 1)
      fail(Code::NpyFormat, where + ": descr '" + descr + "' has byte order '|' with " +
                                std::to_string(size) + "-byte items, expected '<', '>' or '='");
    return;
  }
  fail(Code::Unsupported, where + ": descr '" + descr +
                              "' has no parity dtype; expected one of <f2 <f4 <f8 |i1 <i2 <i4 "
                              "<i8 |u1 |b1");
}

uint32_t readLE(const std::byte* p, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint32_t>(p[i]) << (8 * i);
  return v;
}

}  // namespace

NpyHeader parseNpy(std::span<const std::byte> file,
                   const LoadLimits& limits,
                   const std::string& name) {
  NpyHeader h;
  if (file.size() < kMagicLen + 2)
    fail(Code::Truncated, name + ": the file has " + std::to_string(file.size()) +
                              " bytes, a .npy prefix needs at least 10");
  if (std::memcmp(file.data(), kMagic, kMagicLen) != 0) {
    std::string got;
    for (size_t i = 0; i < kMagicLen; ++i) {
      const char c = static_cast<char>(file[i]);
      got += c >= 0x20 && c < 0x7f ? std::string(1, c) : showChar(c);
    }
    fail(Code::NpyFormat, name + ": magic is " + got + ", expected \\x93NUMPY");
  }
  h.major = static_cast<int>(file[6]);
  h.minor = static_cast<int>(file[7]);
  if (h.minor != 0 || h.major < 1 || h.major > 3)
    fail(Code::NpyFormat, name + ": format version " + std::to_string(h.major) + "." +
                              std::to_string(h.minor) + ", expected 1.0, 2.0 or 3.0");
  const size_t lenBytes = h.major == 1 ? 2 : 4;
  const size_t prefix = kMagicLen + 2 + lenBytes;
  if (file.size() < prefix)
    fail(Code::Truncated, name + ": the file has " + std::to_string(file.size()) +
                              " bytes, a version " + std::to_string(h.major) + ".0 prefix needs " +
                              std::to_string(prefix));
  const uint32_t headerLen = readLE(file.data() + kMagicLen + 2, lenBytes);
  if (static_cast<int64_t>(headerLen) > limits.max_npy_header)
    fail(Code::LimitExceeded, name + ": header length is " + std::to_string(headerLen) +
                                  " bytes, the limit (max_npy_header) is " +
                                  std::to_string(limits.max_npy_header));
  if (file.size() - prefix < headerLen)
    fail(Code::Truncated, name + ": header length is " + std::to_string(headerLen) +
                              " bytes, the file has " + std::to_string(file.size() - prefix) +
                              " after the prefix");
  const std::string_view text(reinterpret_cast<const char*>(file.data() + prefix), headerLen);
  const std::string where = name + ": header";
  auto entries = HeaderParser(text, where).parseDict();

  bool seen[3] = {false, false, false};
  static constexpr const char* kKeys[3] = {"descr", "fortran_order", "shape"};
  for (auto& entry : entries) {
    const std::string& key = entry.first;
    const HeaderParser::Value& v = entry.second;
    const auto it =
        std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; });
    if (it == std::end(kKeys))
      fail(Code::NpyFormat,
           where + ": unknown key '" + key + "', expected 'descr', 'fortran_order' and 'shape'");
    const auto idx = static_cast<size_t>(it - std::begin(kKeys));
    if (seen[idx])
      fail(Code::NpyFormat, where + ": key '" + key + "' appears twice, expected once");
    seen[idx] = true;
    if (idx == 0) {
      if (v.kind != HeaderParser::Value::Kind::String)
        fail(Code::NpyFormat, where + ": 'descr' is " + kindName(v.kind) + ", expected a string");
      h.descr = v.str;
      parseDescr(v.str, h, where);
    } else if (idx == 1) {
      if (v.kind != HeaderParser::Value::Kind::Bool)
        fail(Code::NpyFormat,
             where + ": 'fortran_order' is " + kindName(v.kind) + ", expected True or False");
      h.fortran_order = v.b;
    } else {
      if (v.kind != HeaderParser::Value::Kind::Tuple)
        fail(Code::NpyFormat,
             where + ": 'shape' is " + kindName(v.kind) + ", expected a tuple of ints");
      h.shape = v.ints;
    }
  }
  for (size_t i = 0; i < 3; ++i)
    if (!seen[i])
      fail(Code::NpyFormat, where + ": key '" + kKeys[i] +
                                "' is missing, expected 'descr', 'fortran_order' and 'shape'");
  if (static_cast<int64_t>(h.shape.size()) > limits.max_rank)
    fail(Code::LimitExceeded, where + ": shape has " + std::to_string(h.shape.size()) +
                                  " dims, the limit (max_rank) is " +
                                  std::to_string(limits.max_rank));
  h.numel = 1;
  for (size_t d = 0; d < h.shape.size(); ++d) {
    if (h.shape[d] < 0)
      fail(Code::NpyFormat, where + ": shape " + shapeText(h.shape) + " has size " +
                                std::to_string(h.shape[d]) + " at dim " + std::to_string(d) +
                                ", expected >= 0");
    if (__builtin_mul_overflow(h.numel, h.shape[d], &h.numel))
      fail(Code::Overflow,
           where + ": shape " + shapeText(h.shape) + " has more elements than int64 holds");
  }
  const int64_t itemsize = static_cast<int64_t>(elementSize(h.dtype));
  int64_t nbytes = 0;
  if (__builtin_mul_overflow(h.numel, itemsize, &nbytes))
    fail(Code::Overflow, where + ": shape " + shapeText(h.shape) + " of '" + h.descr +
                             "' has more bytes than int64 holds");
  h.data_offset = prefix + headerLen;
  h.data_bytes = static_cast<size_t>(nbytes);
  const size_t have = file.size() - h.data_offset;
  if (have < h.data_bytes)
    fail(Code::Truncated, name + ": data has " + std::to_string(have) + " bytes, shape " +
                              shapeText(h.shape) + " of '" + h.descr + "' needs " +
                              std::to_string(h.data_bytes));
  if (have > h.data_bytes)
    fail(Code::NpyFormat, name + ": data has " + std::to_string(have) + " bytes, shape " +
                              shapeText(h.shape) + " of '" + h.descr + "' needs exactly " +
                              std::to_string(h.data_bytes));
  return h;
}

void swapElementBytes(std::span<std::byte> data, size_t itemsize) {
  if (itemsize < 2) return;
  for (size_t i = 0; i + itemsize <= data.size(); i += itemsize)
    std::reverse(data.begin() + static_cast<long>(i),
                 data.begin() + static_cast<long>(i + itemsize));
}

NpyArray decodeNpy(std::span<const std::byte> file,
                   const LoadLimits& limits,
                   const std::string& name) {
  NpyArray a;
  a.header = parseNpy(file, limits, name);
  const auto* begin = file.data() + a.header.data_offset;
  a.data.assign(begin, begin + a.header.data_bytes);
  if (a.header.swap_bytes) swapElementBytes(a.data, elementSize(a.header.dtype));
  if (a.header.dtype == ScalarType::Bool) {
    for (size_t i = 0; i < a.data.size(); ++i)
      if (static_cast<unsigned char>(a.data[i]) > 1)
        fail(Code::NpyFormat, name + ": data: bool element " + std::to_string(i) + " is " +
                                  std::to_string(static_cast<int>(a.data[i])) +
                                  ", expected 0 or 1");
  }
  return a;
}

NpyArray readNpy(const std::string& path, const LoadLimits& limits) {
  // Mapped, so that the only copy is decodeNpy's into the array's buffer.
  const MappedFile file(path);
  return decodeNpy(file.bytes(), limits, path);
}

std::string npyDescr(ScalarType dtype) {
  for (const DtypeEntry& e : kDtypes) {
    if (e.dtype != dtype) continue;
    const char order = e.size == 1 ? '|' : (std::endian::native == std::endian::little ? '<' : '>');
    return std::string(1, order) + e.kind + std::to_string(e.size);
  }
  fail(Code::Unsupported, std::string("save_npy: ") + pythonName(dtype) +
                              " has no numpy dtype (numpy has no bfloat16); convert it with "
                              ".to(kFloat) first");
}

std::string npyHeaderBytes(ScalarType dtype, std::span<const int64_t> shape, bool fortran_order) {
  const std::vector<int64_t> dims(shape.begin(), shape.end());
  std::string dict = "{'descr': '" + npyDescr(dtype) +
                     "', 'fortran_order': " + (fortran_order ? "True" : "False") +
                     ", 'shape': " + shapeText(dims) + ", }";
  // numpy 1.24 leaves room for the growth axis to reach 21 digits.
  if (!dims.empty()) {
    const std::string growth = std::to_string(fortran_order ? dims.back() : dims.front());
    if (growth.size() < kGrowthDigits) dict.append(kGrowthDigits - growth.size(), ' ');
  }
  // The oldest version whose length field holds the padded header.
  const size_t hlen = dict.size() + 1;  // + '\n'
  size_t lenBytes = 2;
  size_t pad = kAlign - (kMagicLen + 2 + lenBytes + hlen) % kAlign;
  if (hlen + pad > 65535) {
    lenBytes = 4;
    pad = kAlign - (kMagicLen + 2 + lenBytes + hlen) % kAlign;
  }
  const size_t total = hlen + pad;
  std::string out(kMagic, kMagicLen);
  out += static_cast<char>(lenBytes == 2 ? 1 : 2);
  out += '\0';
  for (size_t i = 0; i < lenBytes; ++i) out += static_cast<char>((total >> (8 * i)) & 0xff);
  out += dict;
  out.append(pad, ' ');
  out += '\n';
  return out;
}

void writeNpy(const std::string& path,
              ScalarType dtype,
              std::span<const int64_t> shape,
              std::span<const std::byte> data) {
  const std::string header = npyHeaderBytes(dtype, shape, false);
  // A temporary file in the same folder, renamed over the target on
  // commit: a failed write leaves the old file as it was (atomic_file.h).
  AtomicFile out(path);
  out.write(header.data(), header.size());
  if (!data.empty()) out.write(data.data(), data.size());
  out.commit();
}

}  // namespace parity::io
