#include "python_oracle.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "record.h"

extern char** environ;

namespace parity::conf {
namespace {

class PythonProcess {
 public:
  PythonProcess() { start(); }
  ~PythonProcess() {
    if (in_) std::fclose(in_);
    if (out_) std::fclose(out_);
    if (pid_ > 0) waitpid(pid_, nullptr, 0);
  }
  const std::string& problem() const { return problem_; }

  std::string ask(const nlohmann::json& request) {
    if (!problem_.empty()) throw Unavailable(problem_);
    const std::string line = request.dump() + "\n";
    if (std::fputs(line.c_str(), in_) < 0 || std::fflush(in_) != 0) fail("write failed");
    const nlohmann::json reply = nlohmann::json::parse(readLine());
    if (reply.contains("error"))
      throw std::runtime_error("printing oracle: " + reply["error"].get<std::string>());
    return reply["text"].get<std::string>();
  }

 private:
  void start() {
    const char* python = std::getenv("PARITY_PYTHON");
    if (!python) python = PARITY_DEFAULT_PYTHON;
    if (access(python, X_OK) != 0) {
      problem_ = std::string("no ") + python + " (python3-torch is the printing oracle)";
      return;
    }
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) {
      problem_ = "pipe() failed";
      return;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, to_child[0], 0);
    posix_spawn_file_actions_adddup2(&fa, from_child[1], 1);
    posix_spawn_file_actions_addclose(&fa, to_child[1]);
    posix_spawn_file_actions_addclose(&fa, from_child[0]);
    std::string script = PARITY_PRINT_ORACLE_PY;
    char* argv[] = {const_cast<char*>(python), const_cast<char*>("-u"), script.data(), nullptr};
    const int rc = posix_spawn(&pid_, python, &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(to_child[0]);
    close(from_child[1]);
    in_ = fdopen(to_child[1], "w");
    out_ = fdopen(from_child[0], "r");
    if (rc != 0) {
      problem_ = "could not start " + std::string(python);
      return;
    }
    try {
      const auto hello = nlohmann::json::parse(readLine());
      if (!hello.contains("ready")) problem_ = "printing oracle did not start";
    } catch (const std::exception& e) {
      problem_ =
          std::string("printing oracle unavailable (is python3-torch installed?): ") + e.what();
    }
  }

  std::string readLine() {
    std::string line;
    for (int c; (c = std::fgetc(out_)) != EOF && c != '\n';) line.push_back(static_cast<char>(c));
    if (line.empty()) fail("no answer");
    return line;
  }

  [[noreturn]] void fail(const std::string& why) {
    problem_ = "printing oracle: " + why;
    throw Unavailable(problem_);
  }

  pid_t pid_ = -1;
  std::FILE* in_ = nullptr;
  std::FILE* out_ = nullptr;
  std::string problem_;
};

PythonProcess& process() {
  static PythonProcess p;
  return p;
}

std::string hex(const void* data, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  s.reserve(2 * n);
  const auto* b = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < n; ++i) {
    s.push_back(digits[b[i] >> 4]);
    s.push_back(digits[b[i] & 15]);
  }
  return s;
}

}  // namespace

std::string pythonOracleProblem() { return process().problem(); }

std::string pythonRepr(ScalarType dtype,
                       const std::vector<int64_t>& shape,
                       const void* data,
                       size_t nbytes,
                       bool requires_grad,
                       PrintWhat what) {
  nlohmann::json req;
  req["dtype"] = std::string(pythonName(dtype)).substr(6);  // drop "torch."
  req["shape"] = shape;
  req["hex"] = hex(data, nbytes);
  req["requires_grad"] = requires_grad;
  req["what"] = what == PrintWhat::Storage ? "storage" : "tensor";
  return process().ask(req);
}

}  // namespace parity::conf
