// main() of every conformance binary: each registered case becomes one
// GoogleTest test per engine (Case.reference, Case.fast, Case.libtorch).
// An engine's record is compared with the oracle's (LibTorch; the
// reference engine when LibTorch is absent) and with the documented
// literals. Results go to $PARITY_RESULTS_DIR/<binary>.json for the report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compare.h"
#include "python_oracle.h"
#include "registry.h"

namespace parity::conf {

std::vector<CaseEntry>& registry() {
  static std::vector<CaseEntry> cases;
  return cases;
}

static std::vector<std::string> words(const char* s) {
  std::vector<std::string> out;
  std::istringstream is(s);
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

bool registerCase(const char* id,
                  const char* clauses,
                  const char* seeds,
                  const char* file,
                  int line,
                  CaseFn reference,
                  CaseFn fast,
                  CaseFn libtorch) {
  CaseInfo info{id, words(clauses), words(seeds), std::filesystem::path(file).filename(), line};
  registry().push_back({info, reference, fast, libtorch});
  return true;
}

namespace {

enum class Status { Pass, Fail, NotImplemented };
const char* statusName(Status s) {
  return s == Status::Pass ? "pass" : s == Status::Fail ? "fail" : "not implemented";
}

struct Outcome {
  Record record;
  bool not_implemented = false;
};

template <class E>
Outcome runOn(CaseFn fn) {
  Outcome o;
  try {
    fn(o.record);
  } catch (...) {
    o.not_implemented = E::is_not_implemented(std::current_exception());
    o.record.uncaught = E::describe_error(std::current_exception());
  }
  for (const Entry& e : o.record.entries)
    if (e.kind == Entry::Kind::Error && e.error.kind == "NotImplementedError")
      o.not_implemented = true;
  return o;
}

struct Result {
  const CaseEntry* c;
  std::string engine;
  Status status;
  std::string detail;
};
std::vector<Result>& results() {
  static std::vector<Result> r;
  return r;
}

const Outcome& outcome(const CaseEntry& c, const std::string& engine) {
  static std::map<std::pair<std::string, std::string>, Outcome> cache;
  auto key = std::make_pair(c.info.id, engine);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  Outcome o = engine == "reference" ? runOn<RefEngine>(c.reference)
              : engine == "fast"    ? runOn<FastEngine>(c.fast)
#if PARITY_HAVE_TORCH
                                 : runOn<TorchEngine>(c.libtorch);
#else
                                 : Outcome{};
#endif
  return cache.emplace(key, std::move(o)).first->second;
}

std::string baselineEngine(const CaseEntry& c) { return c.libtorch ? "libtorch" : "reference"; }

std::string joinLines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& l : v) s += l + "\n";
  return s;
}

std::string where(const CaseEntry& c) {
  return c.info.file + ":" + std::to_string(c.info.line) + " (case " + c.info.id + ")";
}

// Judges one engine on one case and reports it to GoogleTest.
void judge(const CaseEntry& c, const std::string& engine) {
  const Outcome& got = outcome(c, engine);
  const std::string base = baselineEngine(c);
  const Outcome& want = outcome(c, base);
  std::vector<std::string> diffs;
  Status status = Status::Pass;
  if (want.record.uncaught && base != engine) {
    diffs.push_back("the case raised on the oracle (" + base + "), so it cannot judge: " +
                    want.record.uncaught->kind + ": " + want.record.uncaught->message);
  }
  if (got.not_implemented && !want.not_implemented) {
    status = Status::NotImplemented;
  } else {
    if (got.record.uncaught)
      diffs.push_back("raised " + got.record.uncaught->kind + ": " + got.record.uncaught->message);
    if (engine != base)
      for (auto& d : compareRecords(want.record, got.record)) diffs.push_back(d);
    for (auto& d : checkExpectations(got.record)) diffs.push_back(d);
  }
  if (status != Status::NotImplemented && !diffs.empty()) status = Status::Fail;
  const std::string detail = joinLines(diffs);
  results().push_back({&c, engine, status, detail});
  if (status == Status::NotImplemented) {
    const std::string why = got.record.uncaught ? got.record.uncaught->message : "an entry";
    GTEST_SKIP() << "not implemented on " << engine << ": " << why;
  }
  if (status == Status::Fail)
    ADD_FAILURE_AT(c.info.file.c_str(), c.info.line)
        << engine << " disagrees with " << (engine == base ? "the documents" : base) << " in "
        << where(c) << ":\n"
        << detail;
}

class CaseTest : public testing::Test {
 public:
  CaseTest(const CaseEntry* c, std::string engine) : c_(c), engine_(std::move(engine)) {}
  void TestBody() override { judge(*c_, engine_); }

 private:
  const CaseEntry* c_;
  std::string engine_;
};

std::string binaryName(const char* argv0) { return std::filesystem::path(argv0).filename(); }

void writeResults(const std::string& binary) {
  const char* dir = std::getenv("PARITY_RESULTS_DIR");
  if (!dir) return;
  nlohmann::json j;
  j["binary"] = binary;
  j["oracle"] = PARITY_HAVE_TORCH ? "libtorch" : "";
  j["printing_oracle_problem"] = pythonOracleProblem();
  j["results"] = nlohmann::json::array();
  for (const Result& r : results())
    j["results"].push_back({{"case", r.c->info.id},
                            {"clauses", r.c->info.clauses},
                            {"seeds", r.c->info.seeds},
                            {"engine", r.engine},
                            {"status", statusName(r.status)},
                            {"detail", r.detail}});
  std::filesystem::create_directories(dir);
  std::ofstream(std::filesystem::path(dir) / (binary + ".json")) << j.dump(1) << "\n";
}

// For the clause-coverage check: which cases this binary holds.
void listCases() {
  nlohmann::json j = nlohmann::json::array();
  for (const CaseEntry& c : registry())
    j.push_back({{"case", c.info.id}, {"clauses", c.info.clauses}, {"seeds", c.info.seeds}});
  std::cout << j.dump() << "\n";
}

}  // namespace
}  // namespace parity::conf

int main(int argc, char** argv) {
  using namespace parity::conf;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--parity_list_cases") {
      listCases();
      return 0;
    }
  testing::InitGoogleTest(&argc, argv);
  std::vector<std::string> engines = {"reference", "fast"};
  if (PARITY_ORACLE_ONLY) engines.clear();
  if (PARITY_HAVE_TORCH)
    engines.push_back("libtorch");
  else
    std::cout << "[parity] LibTorch absent: fast is compared with reference only\n";
  for (const CaseEntry& c : registry())
    for (const std::string& e : engines)
      testing::RegisterTest(c.info.id.c_str(), e.c_str(), nullptr, nullptr, c.info.file.c_str(),
                            c.info.line,
                            [&c, e]() -> testing::Test* { return new CaseTest(&c, e); });
  const int rc = RUN_ALL_TESTS();
  writeResults(binaryName(argv[0]));
  return rc;
}
