// Rec<E>: the recorder a case body writes to, typed over the engine adapter
// E so that tensors are snapshotted and errors classified the engine's way.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "record.h"

namespace parity::conf {

template <class E>
class Rec {
 public:
  using Tensor = typename E::Tensor;
  explicit Rec(Record& out) : out_(out) {}

  void tensor(std::string name, const Tensor& t) {
    Entry e = make(std::move(name), Entry::Kind::Tensor);
    e.tensor = E::snapshot(t);
    push(std::move(e));
  }
  // A tensor whose values must equal the oracle's bit for bit (NaN payloads
  // aside): random streams after manual_seed.
  void exact(std::string name, const Tensor& t) { withinUlps(std::move(name), t, 0); }
  // A tensor whose values must lie within `ulps` units in the last place of
  // the oracle's.
  void withinUlps(std::string name, const Tensor& t, int ulps) {
    Entry e = make(std::move(name), Entry::Kind::Tensor);
    e.tensor = E::snapshot(t);
    e.ulps = ulps;
    push(std::move(e));
  }
  void value(std::string name, int64_t v) { push(intEntry(std::move(name), v)); }
  void value(std::string name, int v) { value(std::move(name), int64_t{v}); }
  void value(std::string name, bool v) {
    Entry e = make(std::move(name), Entry::Kind::Bool);
    e.i = v;
    push(std::move(e));
  }
  void value(std::string name, double v) {
    Entry e = make(std::move(name), Entry::Kind::Real);
    e.d = v;
    push(std::move(e));
  }
  template <class Ints>
  void list(std::string name, const Ints& v) {
    push(listEntry(std::move(name), v));
  }
  // Text compared exactly with the oracle's; `make_text` may throw
  // Unavailable (the oracle cannot print here), which is recorded.
  template <class F>
  void text(std::string name, F&& make_text) {
    push(textEntry(std::move(name), make_text));
  }

  // The same observations, also checked against a documented literal.
  void expect(std::string name, int64_t got, int64_t documented) {
    Entry e = intEntry(std::move(name), got);
    e.expected_int = documented;
    push(std::move(e));
  }
  template <class Ints>
  void expect_list(std::string name, const Ints& got, std::vector<int64_t> documented) {
    Entry e = listEntry(std::move(name), got);
    e.expected_list = std::move(documented);
    push(std::move(e));
  }
  template <class F>
  void expect_text(std::string name, F&& make_text, std::string documented) {
    Entry e = textEntry(std::move(name), make_text);
    e.expected_text = std::move(documented);
    push(std::move(e));
  }

  // An error with a documented kind and text, checked on every engine.
  template <class F>
  void expect_error(std::string name, F&& f, std::string kind, std::string message) {
    error(std::move(name), std::forward<F>(f));
    out_.entries.back().expected_error = ErrorInfo{std::move(kind), std::move(message)};
  }
  // Runs `f` (which returns a tensor) and records the tensor, or the error it
  // raised, under one name, so that a difference stays local to this entry;
  // `exact_values` compares the tensor as exact() does.
  template <class F>
  void result(std::string name, F&& f, bool exact_values = false) {
    try {
      Tensor t = f();
      if (exact_values)
        exact(std::move(name), t);
      else
        tensor(std::move(name), t);
    } catch (...) {
      Entry e = make(std::move(name), Entry::Kind::Error);
      e.error = E::describe_error(std::current_exception());
      push(std::move(e));
    }
  }

  // Runs `f`; records the error kind and message it throws, or that it
  // threw nothing.
  template <class F>
  void error(std::string name, F&& f) {
    try {
      f();
      push(make(std::move(name), Entry::Kind::NoError));
    } catch (...) {
      Entry e = make(std::move(name), Entry::Kind::Error);
      e.error = E::describe_error(std::current_exception());
      push(std::move(e));
    }
  }

 private:
  static Entry make(std::string name, Entry::Kind k) {
    Entry e;
    e.name = std::move(name);
    e.kind = k;
    return e;
  }
  static Entry intEntry(std::string name, int64_t v) {
    Entry e = make(std::move(name), Entry::Kind::Int);
    e.i = v;
    return e;
  }
  template <class Ints>
  static Entry listEntry(std::string name, const Ints& v) {
    Entry e = make(std::move(name), Entry::Kind::IntList);
    for (auto x : v) e.list.push_back(static_cast<int64_t>(x));
    return e;
  }
  template <class F>
  static Entry textEntry(std::string name, F& make_text) {
    try {
      std::string text = make_text();  // first: `name` is still needed if it throws
      Entry e = make(std::move(name), Entry::Kind::Text);
      e.s = std::move(text);
      return e;
    } catch (const Unavailable& u) {
      Entry e = make(std::move(name), Entry::Kind::Unavailable);
      e.s = u.what();
      return e;
    }
  }
  void push(Entry e) { out_.entries.push_back(std::move(e)); }

  Record& out_;
};

}  // namespace parity::conf
