// BasicValue<Tensor>: the counterpart of LibTorch's IValue for what tensor
// files hold. Each engine names its own: `using Value = io::BasicValue<Tensor>`.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "parity/spec/errors.h"

namespace parity::io {

template <class Tensor>
class BasicValue {
 public:
  using List = std::vector<BasicValue>;
  struct Tuple {
    std::vector<BasicValue> items;
  };
  // Keys in insertion order; `ordered` marks collections.OrderedDict.
  struct Dict {
    std::vector<std::pair<BasicValue, BasicValue>> entries;
    bool ordered = false;
  };

  BasicValue() = default;                                             // None
  BasicValue(bool v) : v_(v) {}                                       // NOLINT: as IValue
  BasicValue(int64_t v) : v_(v) {}                                    // NOLINT
  BasicValue(int v) : v_(int64_t{v}) {}                               // NOLINT
  BasicValue(double v) : v_(v) {}                                     // NOLINT
  BasicValue(std::string v) : v_(std::move(v)) {}                     // NOLINT
  BasicValue(const char* v) : v_(std::string(v)) {}                   // NOLINT
  BasicValue(Tensor v) : v_(std::move(v)) {}                          // NOLINT
  BasicValue(List v) : v_(std::make_shared<List>(std::move(v))) {}    // NOLINT
  BasicValue(Tuple v) : v_(std::make_shared<Tuple>(std::move(v))) {}  // NOLINT
  BasicValue(Dict v) : v_(std::make_shared<Dict>(std::move(v))) {}    // NOLINT

  bool isNone() const { return v_.index() == 0; }
  bool isBool() const { return is<bool>(); }
  bool isInt() const { return is<int64_t>(); }
  bool isDouble() const { return is<double>(); }
  bool isString() const { return is<std::string>(); }
  bool isTensor() const { return is<Tensor>(); }
  bool isList() const { return is<std::shared_ptr<List>>(); }
  bool isTuple() const { return is<std::shared_ptr<Tuple>>(); }
  bool isGenericDict() const { return is<std::shared_ptr<Dict>>(); }

  bool toBool() const { return get<bool>("Bool"); }
  int64_t toInt() const { return get<int64_t>("Int"); }
  double toDouble() const { return get<double>("Double"); }
  const std::string& toStringRef() const { return get<std::string>("String"); }
  const Tensor& toTensor() const { return get<Tensor>("Tensor"); }
  const List& toList() const { return *get<std::shared_ptr<List>>("GenericList"); }
  const Tuple& toTuple() const { return *get<std::shared_ptr<Tuple>>("Tuple"); }
  const Dict& toGenericDict() const { return *get<std::shared_ptr<Dict>>("GenericDict"); }

  // IValue's tagKind() names.
  std::string tagKind() const {
    static const char* names[] = {"None",   "Bool",        "Int",   "Double",     "String",
                                  "Tensor", "GenericList", "Tuple", "GenericDict"};
    return names[v_.index()];
  }

 private:
  template <class T>
  bool is() const {
    return std::holds_alternative<T>(v_);
  }
  template <class T>
  const T& get(const char* want) const {
    if (!is<T>()) throw Error(std::string("Expected ") + want + " but got " + tagKind());
    return std::get<T>(v_);
  }

  std::variant<std::monostate,
               bool,
               int64_t,
               double,
               std::string,
               Tensor,
               std::shared_ptr<List>,
               std::shared_ptr<Tuple>,
               std::shared_ptr<Dict>>
      v_;
};

}  // namespace parity::io
