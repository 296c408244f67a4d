// PickleBuilder: hand-made pickles, opcode by opcode, for the io tests and
// the FILE conformance cases (malformed and boundary files).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parity::io::test {

struct PickleBuilder {
  std::string s = "\x80\x02";
  PickleBuilder& op(char c) {
    s.push_back(c);
    return *this;
  }
  PickleBuilder& raw(const std::string& r) {
    s += r;
    return *this;
  }
  PickleBuilder& global(const std::string& m, const std::string& n) {
    s += "c" + m + "\n" + n + "\n";
    return *this;
  }
  PickleBuilder& str(const std::string& v) {
    s.push_back('X');
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v.size() >> (8 * i)) & 0xff));
    s += v;
    return *this;
  }
  PickleBuilder& i1(int v) {
    s.push_back('K');
    s.push_back(static_cast<char>(v));
    return *this;
  }
  PickleBuilder& i4(int32_t v) {
    s.push_back('J');
    for (int i = 0; i < 4; ++i)
      s.push_back(static_cast<char>((static_cast<uint32_t>(v) >> (8 * i)) & 0xff));
    return *this;
  }
  PickleBuilder& ints(const std::vector<int64_t>& v) {
    op('(');
    for (int64_t x : v) i4(static_cast<int32_t>(x));
    return op('t');
  }
  // ('storage', torch.<type>, key, 'cpu', numel) BINPERSID
  size_t last_pid = 0;  // offset of the last BINPERSID
  PickleBuilder& pid(const std::string& type, const std::string& key, int numel) {
    op('(').str("storage").global("torch", type).str(key).str("cpu").i4(numel).op('t');
    last_pid = s.size();
    return op('Q');
  }
  // _rebuild_tensor_v2(pid, offset, size, stride, False, OrderedDict()) REDUCE
  PickleBuilder& tensor(const std::string& type,
                        const std::string& key,
                        int numel,
                        int offset,
                        const std::vector<int64_t>& size,
                        const std::vector<int64_t>& stride) {
    global("torch._utils", "_rebuild_tensor_v2").op('(').pid(type, key, numel).i4(offset);
    ints(size).ints(stride).op('\x89').global("collections", "OrderedDict").op(')').op('R');
    return op('t').op('R');
  }
  std::string done() { return s + "."; }
};

}  // namespace parity::io::test
