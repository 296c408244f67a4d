// Vocabulary: the error kinds a user of PyTorch sees. Error itself is
// RuntimeError; the subclasses map to Python's IndexError, TypeError,
// ValueError and NotImplementedError, as c10's do.
#pragma once
#include <stdexcept>
#include <string>

namespace parity {

enum class ErrorKind { Runtime, Index, Type, Value, NotImplemented };

constexpr const char* pythonName(ErrorKind k) {
  switch (k) {
    case ErrorKind::Runtime:
      return "RuntimeError";
    case ErrorKind::Index:
      return "IndexError";
    case ErrorKind::Type:
      return "TypeError";
    case ErrorKind::Value:
      return "ValueError";
    case ErrorKind::NotImplemented:
      return "NotImplementedError";
  }
  return "RuntimeError";
}

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
  virtual ErrorKind kind() const { return ErrorKind::Runtime; }
};

class IndexError : public Error {
 public:
  using Error::Error;
  ErrorKind kind() const override { return ErrorKind::Index; }
};

class TypeError : public Error {
 public:
  using Error::Error;
  ErrorKind kind() const override { return ErrorKind::Type; }
};

class ValueError : public Error {
 public:
  using Error::Error;
  ErrorKind kind() const override { return ErrorKind::Value; }
};

// Thrown by an engine for an API it declares but does not implement yet;
// the conformance report shows such cases as "not implemented".
class NotImplementedError : public Error {
 public:
  using Error::Error;
  ErrorKind kind() const override { return ErrorKind::NotImplemented; }
};

}  // namespace parity
