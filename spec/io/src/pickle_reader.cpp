// The pickle machine: a value stack, a MARK stack and a memo, as Python's
// Unpickler has, over tagged objects that can only be data. See
// pickle_reader.h for what it accepts; everything else is a typed error
// naming the opcode's offset in data.pkl.
#include "parity/io/pickle_reader.h"

#include <algorithm>
#include <array>
#include <bit>
#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "checked.h"
#include "le.h"
#include "storage_types.h"

namespace parity::io {
namespace {

using detail::checkedAdd;
using detail::checkedMul;
using detail::fail;
using detail::hex;
using C = SerializationErrorCode;

enum class Tag : uint8_t { OrderedDict, RebuildTensorV2, RebuildParameter, Storage };

struct Obj;
using Ref = Obj*;  // objects live in the machine's arena until it is destroyed

// What only strings and containers need, allocated when first used, so that
// an object is 32 bytes: a pickle of a million empty lists stays small.
struct Payload {
  std::string s;
  std::vector<Ref> items;                    // Tuple, List
  std::vector<std::pair<Ref, Ref>> entries;  // Dict
  Ref state = nullptr;                       // OrderedDict: what BUILD set
};

struct Obj {
  enum class K : uint8_t {
    None,
    Bool,
    Int,
    Float,
    String,
    Tuple,
    List,
    Dict,
    Set,
    Global,
    Storage,
    Tensor
  };
  K k = K::None;
  bool b = false;              // Bool: its value; Dict: an OrderedDict
  Tag tag = Tag::OrderedDict;  // Global
  ScalarType dtype = kFloat;   // Global Storage
  // Nesting below this object, kept up to date as containers are filled, so
  // that a deep chain is refused when it is built (a lower bound where the
  // memo lets a container grow after it was put into another; toNode checks
  // the final tree).
  int32_t depth = 0;
  int64_t i = 0;  // Int; the index of a Storage or Tensor; a Float's bits
  std::unique_ptr<Payload> p;

  Payload& payload() {
    if (!p) p = std::make_unique<Payload>();
    return *p;
  }
  std::string& str() { return payload().s; }
  std::vector<Ref>& items() { return payload().items; }
  std::vector<std::pair<Ref, Ref>>& entries() { return payload().entries; }
  Ref& state() { return payload().state; }
  static const Payload& none() {
    static const Payload empty;
    return empty;
  }
  const std::string& str() const { return p ? p->s : none().s; }
  const std::vector<Ref>& items() const { return p ? p->items : none().items; }
  const std::vector<std::pair<Ref, Ref>>& entries() const {
    return p ? p->entries : none().entries;
  }
  Ref state() const { return p ? p->state : nullptr; }
};

static_assert(sizeof(Obj) == 24,
              "an object is 24 bytes: the bombs of reliability.md G3 stay small");

const char* kindName(const Obj& o) {
  switch (o.k) {
    case Obj::K::None:
      return "None";
    case Obj::K::Bool:
      return "bool";
    case Obj::K::Int:
      return "int";
    case Obj::K::Float:
      return "float";
    case Obj::K::String:
      return "str";
    case Obj::K::Tuple:
      return "tuple";
    case Obj::K::List:
      return "list";
    case Obj::K::Dict:
      return o.b ? "OrderedDict" : "dict";
    case Obj::K::Set:
      return "set";
    case Obj::K::Global:
      return "global";
    case Obj::K::Storage:
      return "storage";
    case Obj::K::Tensor:
      return "tensor";
  }
  return "?";
}

// A file-derived string as a message may quote it: printable ASCII, at most
// 80 characters.
std::string quote(const std::string& s) {
  std::string q;
  for (size_t i = 0; i < s.size() && i < 80; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\')
      q.push_back(static_cast<char>(c));
    else
      q += "\\x" + hex(c, 2).substr(2);
  }
  if (s.size() > 80) q += "...";
  return q;
}

bool validUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + static_cast<size_t>(n) >= s.size()) return false;
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) >> 6) != 2) return false;
    i += static_cast<size_t>(n) + 1;
  }
  return true;
}

std::string dims(const std::vector<int64_t>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

class Machine {
 public:
  Machine(const PickleInput& in, const LoadLimits& limits) : in_(in), limits_(limits) {
    true_->b = true;
  }
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  TorchFile run() {
    if (static_cast<uint64_t>(in_.bytes.size()) >
        static_cast<uint64_t>(std::max<int64_t>(limits_.max_pickle_bytes, 0)))
      fail(C::LimitExceeded,
           in_.name + ": " + std::to_string(in_.bytes.size()) + " bytes, the limit is " +
               std::to_string(limits_.max_pickle_bytes) + " (LoadLimits::max_pickle_bytes)");
    while (true) {
      if (pos_ >= in_.bytes.size())
        fail(C::Truncated,
             in_.name + ": ends at offset " + std::to_string(pos_) + " without a STOP opcode");
      op_at_ = pos_;
      const uint8_t op = u8();
      if (step(op)) break;
    }
    if (pos_ != in_.bytes.size())
      fail(C::PickleStructure, in_.name + ": " + std::to_string(in_.bytes.size() - pos_) +
                                   " bytes follow STOP at offset " + std::to_string(op_at_));
    if (!marks_.empty())
      fail(C::PickleStructure,
           at() + "STOP with " + std::to_string(marks_.size()) + " MARK(s) still open");
    if (stack_.size() != 1)
      fail(C::PickleStructure, at() + "STOP with " + std::to_string(stack_.size()) +
                                   " values on the stack, expected 1");
    std::unordered_set<const Obj*> path;
    size_t budget = 16 * in_.bytes.size() + 1024;
    out_.root = toNode(*stack_.back(), 0, path, budget);
    return std::move(out_);
  }

 private:
  Ref make(Obj::K k) {
    Obj& o = arena_.emplace_back();
    o.k = k;
    return &o;
  }
  std::string at() const { return in_.name + ": offset " + std::to_string(op_at_) + ": "; }

  // Bytes of the current opcode's argument, checked against the end.
  const std::byte* take(size_t n) {
    if (in_.bytes.size() - pos_ < n)
      fail(C::Truncated, at() + "opcode " + hex(static_cast<uint8_t>(in_.bytes[op_at_]), 2) +
                             " needs " + std::to_string(n) + " more bytes, " +
                             std::to_string(in_.bytes.size() - pos_) + " remain");
    const std::byte* p = in_.bytes.data() + pos_;
    pos_ += n;
    return p;
  }
  uint8_t u8() { return static_cast<uint8_t>(*take(1)); }
  uint64_t le(int n) { return detail::readLE(take(static_cast<size_t>(n)), n); }
  std::string line(const char* what) {
    const size_t start = pos_;
    while (pos_ < in_.bytes.size() && in_.bytes[pos_] != std::byte{'\n'}) ++pos_;
    if (pos_ == in_.bytes.size())
      fail(C::Truncated, at() + "GLOBAL's " + what + " has no terminating newline");
    std::string s(reinterpret_cast<const char*>(in_.bytes.data() + start), pos_ - start);
    ++pos_;
    return s;
  }

  size_t available() const { return stack_.size() - (marks_.empty() ? 0 : marks_.back()); }
  void need(size_t n, const char* op) {
    if (available() < n)
      fail(C::PickleStructure, at() + op + " needs " + std::to_string(n) +
                                   " values on the stack, " + std::to_string(available()) +
                                   " are there (above the last MARK)");
  }
  Ref pop(const char* op) {
    need(1, op);
    Ref r = std::move(stack_.back());
    stack_.pop_back();
    return r;
  }
  std::vector<Ref> popMark(const char* op) {
    if (marks_.empty()) fail(C::PickleStructure, at() + op + " without a MARK");
    const size_t m = marks_.back();
    marks_.pop_back();
    std::vector<Ref> items(std::make_move_iterator(stack_.begin() + static_cast<ptrdiff_t>(m)),
                           std::make_move_iterator(stack_.end()));
    stack_.resize(m);
    return items;
  }
  void push(Ref r) {
    if (stack_.size() >= static_cast<uint64_t>(std::max<int64_t>(limits_.max_stack, 0)))
      fail(C::LimitExceeded, at() + "more than " + std::to_string(limits_.max_stack) +
                                 " values on the pickle stack (LoadLimits::max_stack)");
    stack_.push_back(std::move(r));
  }
  void pushContainer(Obj::K k, bool ordered = false) {
    Ref c = make(k);
    c->b = ordered;
    push(std::move(c));
  }
  Ref& top(const char* op) {
    need(1, op);
    return stack_.back();
  }
  void pushInt(int64_t v) {
    Ref r = make(Obj::K::Int);
    r->i = v;
    push(std::move(r));
  }
  void pushString(std::string s) {
    if (!validUtf8(s)) fail(C::PickleStructure, at() + "string is not valid UTF-8");
    Ref r = make(Obj::K::String);
    r->str() = std::move(s);
    push(std::move(r));
  }
  // The memo: a vector while the indices are dense (as every pickler
  // writes them), a map for the rest, so that one LONG_BINPUT of 2^32 - 1
  // cannot allocate 32 GiB.
  Ref* memoFind(uint64_t idx) {
    if (idx < memo_dense_.size() && memo_dense_[idx]) return &memo_dense_[idx];
    const auto it = memo_sparse_.find(idx);
    return it == memo_sparse_.end() ? nullptr : &it->second;
  }
  Ref* memoCreate(uint64_t idx) {
    if (idx >= memo_dense_.size() && idx < 2 * memo_count_ + 1024) memo_dense_.resize(idx + 1);
    return idx < memo_dense_.size() ? &memo_dense_[idx] : &memo_sparse_[idx];
  }
  void put(uint64_t idx) {
    need(1, "BINPUT");
    Ref* slot = memoFind(idx);
    if (!slot) {
      if (memo_count_ >= static_cast<uint64_t>(std::max<int64_t>(limits_.max_memo, 0)))
        fail(C::LimitExceeded, at() + "the memo would hold more than " +
                                   std::to_string(limits_.max_memo) +
                                   " entries (LoadLimits::max_memo)");
      slot = memoCreate(idx);
      ++memo_count_;
    }
    *slot = stack_.back();
  }
  void get(uint64_t idx) {
    Ref* slot = memoFind(idx);
    if (!slot)
      fail(C::PickleStructure,
           at() + "memo entry " + std::to_string(idx) + " is read but was never stored");
    push(*slot);
  }
  void tuple(std::vector<Ref> items) {
    Ref t = make(Obj::K::Tuple);
    for (const Ref& i : items) deepen(*t, *i);
    t->items() = std::move(items);
    push(std::move(t));
  }
  void deepen(Obj& parent, const Obj& child) {
    parent.depth = std::max(parent.depth, child.depth + 1);
    if (parent.depth > limits_.max_depth)
      fail(C::LimitExceeded, at() + "values nested more than " + std::to_string(limits_.max_depth) +
                                 " deep (LoadLimits::max_depth)");
  }
  std::vector<Ref> popN(size_t n, const char* op) {
    need(n, op);
    std::vector<Ref> items(std::make_move_iterator(stack_.end() - static_cast<ptrdiff_t>(n)),
                           std::make_move_iterator(stack_.end()));
    stack_.resize(stack_.size() - n);
    return items;
  }
  Ref& target(const char* op, Obj::K want) {
    Ref& t = top(op);
    if (t->k != want)
      fail(C::PickleStructure, at() + op + " onto a " + kindName(*t) + "; it needs a " +
                                   (want == Obj::K::List ? "list" : "dict"));
    return t;
  }

  bool step(uint8_t op);
  void global();
  void reduce();
  void newobj();
  void build();
  void persid();
  Ref rebuildTensor(const std::vector<Ref>& a);
  Ref rebuildParameter(const std::vector<Ref>& a);
  Node toNode(const Obj& o, int64_t depth, std::unordered_set<const Obj*>& path, size_t& budget);

  const PickleInput& in_;
  const LoadLimits& limits_;
  size_t pos_ = 0, op_at_ = 0;
  std::vector<Ref> stack_;
  std::vector<size_t> marks_;
  // Every object, freed together with the machine: cycles made through the
  // memo cannot leak, and a chain of a million containers is not destroyed
  // recursively. A deque keeps addresses stable as it grows.
  std::deque<Obj> arena_;
  std::array<Ref, 256> small_ints_{};
  // Leaves no opcode can change, shared (a pickle of a million NONEs holds one).
  const Ref none_ = make(Obj::K::None), true_ = make(Obj::K::Bool), false_ = make(Obj::K::Bool);
  std::vector<Ref> memo_dense_;
  std::unordered_map<uint64_t, Ref> memo_sparse_;
  uint64_t memo_count_ = 0;
  std::map<std::string, size_t> storage_by_key_;
  TorchFile out_;
};

bool Machine::step(uint8_t op) {
  switch (op) {
    case 0x80: {  // PROTO
      const uint8_t v = u8();
      if (v > 5) fail(C::PickleStructure, at() + "pickle protocol " + std::to_string(v));
      return false;
    }
    case '.':  // STOP
      return true;
    case 'c':
      global();
      return false;
    case 'q':
      put(u8());
      return false;
    case 'r':
      put(le(4));
      return false;
    case 'h':
      get(u8());
      return false;
    case 'j':
      get(le(4));
      return false;
    case '(':
      if (static_cast<int64_t>(marks_.size()) >= limits_.max_depth)
        fail(C::LimitExceeded, at() + "more than " + std::to_string(limits_.max_depth) +
                                   " nested MARKs (LoadLimits::max_depth)");
      marks_.push_back(stack_.size());
      return false;
    case 't':
      tuple(popMark("TUPLE"));
      return false;
    case 0x85:
    case 0x86:
    case 0x87:
      tuple(popN(op - 0x84u, "TUPLE1/2/3"));
      return false;
    case ')':
      tuple({});
      return false;
    case ']':
      pushContainer(Obj::K::List);
      return false;
    case '}':
      pushContainer(Obj::K::Dict);
      return false;
    case 0x8f:  // EMPTY_SET: accepted as torch's loader does; refused as a value later
      push(make(Obj::K::Set));
      return false;
    case 'a': {
      Ref v = pop("APPEND");
      Ref& t = target("APPEND", Obj::K::List);
      deepen(*t, *v);
      t->items().push_back(std::move(v));
      return false;
    }
    case 'e': {
      std::vector<Ref> v = popMark("APPENDS");
      Ref& t = target("APPENDS", Obj::K::List);
      for (const Ref& i : v) deepen(*t, *i);
      t->items().insert(t->items().end(), v.begin(), v.end());
      return false;
    }
    case 's': {
      Ref v = pop("SETITEM"), k = pop("SETITEM");
      Ref& t = target("SETITEM", Obj::K::Dict);
      deepen(*t, *k);
      deepen(*t, *v);
      t->entries().emplace_back(std::move(k), std::move(v));
      return false;
    }
    case 'u': {
      std::vector<Ref> v = popMark("SETITEMS");
      if (v.size() % 2)
        fail(C::PickleStructure,
             at() + "SETITEMS with an odd number (" + std::to_string(v.size()) + ") of values");
      Ref& t = target("SETITEMS", Obj::K::Dict);
      for (const Ref& i : v) deepen(*t, *i);
      for (size_t i = 0; i < v.size(); i += 2) t->entries().emplace_back(v[i], v[i + 1]);
      return false;
    }
    case 'K': {  // small ints are shared: they cannot change
      const uint8_t v = u8();
      if (!small_ints_[v]) {
        small_ints_[v] = make(Obj::K::Int);
        small_ints_[v]->i = v;
      }
      push(small_ints_[v]);
      return false;
    }
    case 'M':
      pushInt(static_cast<int64_t>(le(2)));
      return false;
    case 'J':
      pushInt(static_cast<int32_t>(static_cast<uint32_t>(le(4))));
      return false;
    case 0x8a: {  // LONG1: little-endian two's complement
      const uint8_t n = u8();
      if (n > 8)
        fail(C::Unsupported, at() + "integer of " + std::to_string(n) +
                                 " bytes; parity reads integers of up to 8 bytes (int64)");
      uint64_t v = n ? le(n) : 0;
      if (n && n < 8 && (v >> (8 * n - 1)) & 1) v |= ~uint64_t{0} << (8 * n);
      pushInt(static_cast<int64_t>(v));
      return false;
    }
    case 'G': {  // BINFLOAT: big-endian IEEE double
      uint64_t bits = 0;
      const std::byte* p = take(8);
      for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<uint8_t>(p[i]);
      Ref r = make(Obj::K::Float);
      r->i = static_cast<int64_t>(bits);
      push(std::move(r));
      return false;
    }
    case 0x88:
    case 0x89:
      push(op == 0x88 ? true_ : false_);
      return false;
    case 'N':
      push(none_);
      return false;
    case 'X':
    case 'U': {  // BINUNICODE, SHORT_BINSTRING (decoded as UTF-8, as torch.load does)
      const size_t n = op == 'X' ? le(4) : u8();
      const std::byte* p = take(n);
      pushString(std::string(reinterpret_cast<const char*>(p), n));
      return false;
    }
    case 'R':
      reduce();
      return false;
    case 0x81:
      newobj();
      return false;
    case 'b':
      build();
      return false;
    case 'Q':
      persid();
      return false;
    default:
      fail(C::UnsupportedOpcode, in_.name + ": unsupported pickle opcode " + hex(op, 2) +
                                     " at offset " + std::to_string(op_at_));
  }
}

void Machine::global() {
  const std::string module = line("module"), name = line("name");
  Ref g = make(Obj::K::Global);
  if (module == "collections" && name == "OrderedDict") {
    g->tag = Tag::OrderedDict;
  } else if (module == "torch._utils" && name == "_rebuild_tensor_v2") {
    g->tag = Tag::RebuildTensorV2;
  } else if (module == "torch._utils" && name == "_rebuild_parameter") {
    g->tag = Tag::RebuildParameter;
  } else if (auto dtype = module == "torch" ? detail::storageTypeDtype(name) : std::nullopt) {
    g->tag = Tag::Storage;
    g->dtype = *dtype;
  } else if (module == "torch" && name.size() > 7 && name.ends_with("Storage")) {
    fail(C::BadStorage,
         at() + "storage type torch." + quote(name) + " is not one of parity's ten dtypes");
  } else {
    fail(C::DisallowedGlobal,
         at() + "GLOBAL '" + quote(module) + " " + quote(name) +
             "' is not allowed; a weights file uses only collections.OrderedDict, "
             "torch._utils._rebuild_tensor_v2, torch._utils._rebuild_parameter and "
             "torch.<dtype>Storage");
  }
  push(std::move(g));
}

void Machine::reduce() {
  need(2, "REDUCE");
  Ref args = pop("REDUCE"), fn = pop("REDUCE");
  if (fn->k != Obj::K::Global)
    fail(C::PickleStructure,
         at() + "REDUCE calls a " + std::string(kindName(*fn)) + "; only a GLOBAL can be called");
  if (args->k != Obj::K::Tuple)
    fail(C::PickleStructure,
         at() + "REDUCE's arguments are a " + std::string(kindName(*args)) + ", not a tuple");
  const std::vector<Ref>& a = args->items();
  switch (fn->tag) {
    case Tag::OrderedDict:
      if (!a.empty())
        fail(C::UnsupportedObject, at() + "collections.OrderedDict called with " +
                                       std::to_string(a.size()) + " arguments; torch passes ()");
      pushContainer(Obj::K::Dict, true);
      return;
    case Tag::RebuildTensorV2:
      push(rebuildTensor(a));
      return;
    case Tag::RebuildParameter:
      push(rebuildParameter(a));
      return;
    case Tag::Storage:
      fail(C::UnsupportedObject, at() + "REDUCE calls torch." + detail::storageTypeName(fn->dtype) +
                                     "; storages come only through BINPERSID");
  }
}

void Machine::newobj() {
  need(2, "NEWOBJ");
  Ref args = pop("NEWOBJ"), cls = pop("NEWOBJ");
  if (cls->k == Obj::K::Global && cls->tag == Tag::OrderedDict && args->k == Obj::K::Tuple &&
      args->items().empty()) {
    pushContainer(Obj::K::Dict, true);
    return;
  }
  fail(C::UnsupportedObject, at() + "NEWOBJ of a " + std::string(kindName(*cls)) + " with a " +
                                 kindName(*args) +
                                 "; only collections.OrderedDict() is built this way");
}

void Machine::build() {
  need(2, "BUILD");
  Ref state = pop("BUILD");
  Ref& t = top("BUILD");
  if (t->k != Obj::K::Dict || !t->b)
    fail(C::UnsupportedObject, at() + "BUILD on a " + std::string(kindName(*t)) +
                                   "; only an OrderedDict's attributes (a state dict's "
                                   "_metadata) are set by BUILD");
  if (state->k != Obj::K::Dict || state->b)
    fail(C::UnsupportedObject, at() + "BUILD with a " + std::string(kindName(*state)) +
                                   " state; an OrderedDict's state is a dict");
  deepen(*t, *state);
  t->state() = std::move(state);
}

void Machine::persid() {
  Ref pid = pop("BINPERSID");
  const auto bad = [&](const std::string& why) {
    fail(C::PickleStructure, at() + "persistent id " + why +
                                 "; torch's is ('storage', torch.<T>Storage, key, location, "
                                 "numel)");
  };
  if (pid->k != Obj::K::Tuple) bad(std::string("is a ") + kindName(*pid));
  const std::vector<Ref>& a = pid->items();
  if (a.size() != 5) bad("has " + std::to_string(a.size()) + " items");
  if (a[0]->k != Obj::K::String || a[0]->str() != "storage") bad("does not start with 'storage'");
  if (a[1]->k != Obj::K::Global || a[1]->tag != Tag::Storage)
    bad(std::string("names a ") + kindName(*a[1]) + " as its storage type");
  if (a[2]->k != Obj::K::String) bad(std::string("has a ") + kindName(*a[2]) + " key");
  if (a[3]->k != Obj::K::String) bad(std::string("has a ") + kindName(*a[3]) + " location");
  if (a[4]->k != Obj::K::Int) bad(std::string("has a ") + kindName(*a[4]) + " numel");
  const ScalarType dtype = a[1]->dtype;
  const std::string& key = a[2]->str();
  const int64_t numel = a[4]->i;
  const std::string record = in_.record_prefix + quote(key);
  if (numel < 0)
    fail(C::BadStorage,
         at() + "storage '" + quote(key) + "' declares " + std::to_string(numel) + " elements");

  Ref s = make(Obj::K::Storage);
  if (const auto it = storage_by_key_.find(key); it != storage_by_key_.end()) {
    const StorageRecord& prev = out_.storages[it->second];
    if (prev.dtype != dtype || prev.numel != numel)
      fail(C::BadStorage, at() + "storage '" + quote(key) + "' is declared as " +
                              std::to_string(numel) + " × " + detail::dtypeName(dtype) +
                              ", earlier as " + std::to_string(prev.numel) + " × " +
                              detail::dtypeName(prev.dtype));
    s->i = it->second;
    push(std::move(s));
    return;
  }
  const int64_t esize = static_cast<int64_t>(elementSize(dtype));
  const int64_t nbytes = checkedMul(numel, esize, record + ": storage bytes");
  std::optional<std::span<const std::byte>> bytes;
  if (in_.storage) bytes = in_.storage(key);
  if (!bytes)
    fail(C::MissingRecord, record + ": no such record (storage '" + quote(key) +
                               "' named at offset " + std::to_string(op_at_) + " of " + in_.name +
                               ")");
  if (static_cast<uint64_t>(bytes->size()) != static_cast<uint64_t>(nbytes))
    fail(C::BadStorage, record + ": storage record has " + std::to_string(bytes->size()) +
                            " bytes, header declares " + std::to_string(nbytes) + " (" +
                            std::to_string(numel) + " × " + detail::dtypeName(dtype) + ")");
  s->i = out_.storages.size();
  storage_by_key_.emplace(key, s->i);
  out_.storages.push_back({dtype, numel, *bytes});
  push(std::move(s));
}

Ref Machine::rebuildTensor(const std::vector<Ref>& a) {
  const std::string what = at() + "_rebuild_tensor_v2";
  if (a.size() != 6 && a.size() != 7)
    fail(C::UnsupportedObject, what + " with " + std::to_string(a.size()) +
                                   " arguments; torch passes (storage, offset, size, stride, "
                                   "requires_grad, backward_hooks)");
  const auto want = [&](size_t i, Obj::K k, const char* name) {
    if (a[i]->k != k)
      fail(C::UnsupportedObject, what + ": argument " + std::to_string(i) + " is a " +
                                     kindName(*a[i]) + ", expected " + name);
  };
  want(0, Obj::K::Storage, "a storage (BINPERSID)");
  want(1, Obj::K::Int, "an int offset");
  want(2, Obj::K::Tuple, "a size tuple");
  want(3, Obj::K::Tuple, "a stride tuple");
  want(4, Obj::K::Bool, "a bool requires_grad");
  want(5, Obj::K::Dict, "an OrderedDict of backward hooks");
  if (!a[5]->b || !a[5]->entries().empty())
    fail(C::UnsupportedObject, what + ": backward hooks must be an empty OrderedDict");
  if (a.size() == 7 &&
      !(a[6]->k == Obj::K::None || (a[6]->k == Obj::K::Dict && a[6]->entries().empty())))
    fail(C::UnsupportedObject,
         what + ": tensor metadata (a " + std::string(kindName(*a[6])) + ") is not supported");
  const auto& size = a[2]->items();
  const auto& stride = a[3]->items();
  if (size.size() != stride.size())
    fail(C::BadView, what + ": size has " + std::to_string(size.size()) + " dims, stride has " +
                         std::to_string(stride.size()));
  if (static_cast<int64_t>(size.size()) > limits_.max_rank)
    fail(C::LimitExceeded, what + ": tensor of rank " + std::to_string(size.size()) +
                               ", the limit is " + std::to_string(limits_.max_rank) +
                               " (LoadLimits::max_rank)");
  TensorRecord t;
  t.storage = a[0]->i;
  t.storage_offset = a[1]->i;
  t.requires_grad = a[4]->b;
  for (size_t d = 0; d < size.size(); ++d) {
    if (size[d]->k != Obj::K::Int || stride[d]->k != Obj::K::Int)
      fail(C::UnsupportedObject,
           what + ": size and stride entries must be ints (dim " + std::to_string(d) + ")");
    t.sizes.push_back(size[d]->i);
    t.strides.push_back(stride[d]->i);
  }
  const StorageRecord& st = out_.storages[t.storage];
  const std::string view = " (offset " + std::to_string(t.storage_offset) + ", size " +
                           dims(t.sizes) + ", stride " + dims(t.strides) + ")";
  if (t.storage_offset < 0) fail(C::BadView, what + ": negative storage offset" + view);
  int64_t numel = 1, last = t.storage_offset;
  for (size_t d = 0; d < t.sizes.size(); ++d) {
    if (t.sizes[d] < 0 || t.strides[d] < 0)
      fail(C::BadView, what + ": negative size or stride in dim " + std::to_string(d) + view);
    numel = checkedMul(numel, t.sizes[d], what + ": number of elements");
  }
  if (numel == 0) {
    if (t.storage_offset > st.numel)
      fail(C::BadView, what + ": empty tensor's offset lies past its storage of " +
                           std::to_string(st.numel) + " elements" + view);
  } else {
    for (size_t d = 0; d < t.sizes.size(); ++d)
      last = checkedAdd(last, checkedMul(t.sizes[d] - 1, t.strides[d], what + ": extent"),
                        what + ": extent");
    if (last >= st.numel)
      fail(C::BadView, what + ": view reaches element " + std::to_string(last) +
                           " of a storage of " + std::to_string(st.numel) + " elements" + view);
  }
  Ref r = make(Obj::K::Tensor);
  r->i = out_.tensors.size();
  out_.tensors.push_back(std::move(t));
  return r;
}

Ref Machine::rebuildParameter(const std::vector<Ref>& a) {
  const std::string what = at() + "_rebuild_parameter";
  if (a.size() != 3 || a[0]->k != Obj::K::Tensor || a[1]->k != Obj::K::Bool ||
      a[2]->k != Obj::K::Dict || !a[2]->b || !a[2]->entries().empty())
    fail(C::UnsupportedObject,
         what + ": expected (tensor, requires_grad, OrderedDict()) as torch writes it");
  TensorRecord t = out_.tensors[a[0]->i];
  t.requires_grad = a[1]->b;
  t.parameter = true;
  Ref r = make(Obj::K::Tensor);
  r->i = out_.tensors.size();
  out_.tensors.push_back(std::move(t));
  return r;
}

// The object graph as a tree. Shared containers are copied; a container
// that contains itself, nesting beyond max_depth, or a graph that would
// expand to far more nodes than the pickle has bytes are refused.
Node Machine::toNode(const Obj& o,
                     int64_t depth,
                     std::unordered_set<const Obj*>& path,
                     size_t& budget) {
  if (depth > limits_.max_depth)
    fail(C::LimitExceeded, in_.name + ": values nested more than " +
                               std::to_string(limits_.max_depth) + " deep (LoadLimits::max_depth)");
  if (budget-- == 0)
    fail(C::LimitExceeded, in_.name + ": shared containers expand to more than " +
                               std::to_string(16 * in_.bytes.size() + 1024) + " values");
  Node n;
  switch (o.k) {
    case Obj::K::None:
      return n;
    case Obj::K::Bool:
      n.kind = Node::Kind::Bool;
      n.b = o.b;
      return n;
    case Obj::K::Int:
      n.kind = Node::Kind::Int;
      n.i = o.i;
      return n;
    case Obj::K::Float:
      n.kind = Node::Kind::Float;
      n.f = std::bit_cast<double>(o.i);
      return n;
    case Obj::K::String:
      n.kind = Node::Kind::String;
      n.s = o.str();
      return n;
    case Obj::K::Tensor:
      n.kind = Node::Kind::Tensor;
      n.tensor = static_cast<size_t>(o.i);
      return n;
    case Obj::K::Set:
    case Obj::K::Global:
    case Obj::K::Storage:
      fail(C::UnsupportedObject,
           in_.name + ": a " + std::string(kindName(o)) + " is not a value a tensor file holds");
    case Obj::K::Tuple:
    case Obj::K::List:
    case Obj::K::Dict:
      break;
  }
  if (!path.insert(&o).second)
    fail(C::PickleStructure, in_.name + ": a " + std::string(kindName(o)) + " contains itself");
  if (o.k == Obj::K::Dict) {
    n.kind = Node::Kind::Dict;
    n.ordered = o.b;
    for (const auto& [k, v] : o.entries())
      n.entries.emplace_back(toNode(*k, depth + 1, path, budget),
                             toNode(*v, depth + 1, path, budget));
    if (o.state()) n.state = std::make_shared<Node>(toNode(*o.state(), depth + 1, path, budget));
  } else {
    n.kind = o.k == Obj::K::List ? Node::Kind::List : Node::Kind::Tuple;
    for (const Ref& item : o.items()) n.items.push_back(toNode(*item, depth + 1, path, budget));
  }
  path.erase(&o);
  return n;
}

}  // namespace

TorchFile readPickle(const PickleInput& in, const LoadLimits& limits) {
  return Machine(in, limits).run();
}

}  // namespace parity::io
