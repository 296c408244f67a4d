// parity_report: the conformance matrix (clause × engine) from the results
// the conformance binaries wrote, printed and written as Markdown and JUnit
// XML; and, with --check-coverage, the check that every clause has a case.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clause_index.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace parity::report;

namespace {

struct Options {
  std::string clauses, examples, results, markdown, junit;
  bool check_coverage = false;
  std::vector<std::string> binaries;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--clauses")
      o.clauses = next();
    else if (a == "--examples")
      o.examples = next();
    else if (a == "--results")
      o.results = next();
    else if (a == "--markdown")
      o.markdown = next();
    else if (a == "--junit")
      o.junit = next();
    else if (a == "--check-coverage")
      o.check_coverage = true;
    else
      o.binaries.push_back(a);
  }
  if (o.clauses.empty()) throw std::runtime_error("--clauses is required");
  return o;
}

json listCases(const std::string& binary) {
  FILE* p = popen(("'" + binary + "' --parity_list_cases").c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + binary);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  if (pclose(p) != 0) throw std::runtime_error(binary + " --parity_list_cases failed");
  return json::parse(out);
}

int checkCoverage(const Options& o, const ClauseIndex& index) {
  std::vector<std::string> problems = checkIndexAgainstDocuments(index);
  std::set<std::string> examples;
  if (!o.examples.empty() && fs::exists(o.examples))
    examples = loadExampleIds(o.examples);
  else
    std::cout << "seed inventory not found (" << o.examples << "): seed IDs not checked\n";
  std::map<std::string, int> cases_per_clause;
  std::set<std::string> seeds_covered;
  size_t n_cases = 0;
  for (const std::string& b : o.binaries) {
    for (const json& c : listCases(b)) {
      ++n_cases;
      const std::string id = c["case"];
      if (c["clauses"].empty()) problems.push_back("case " + id + " names no clause");
      for (const std::string cl : c["clauses"]) {
        if (!index.find(cl)) problems.push_back("case " + id + " names unknown clause " + cl);
        ++cases_per_clause[cl];
      }
      for (const std::string s : c["seeds"]) {
        if (!examples.empty() && !examples.count(s))
          problems.push_back("case " + id + " names " + s + ", which EXAMPLES.md does not define");
        seeds_covered.insert(s);
      }
    }
  }
  for (const Clause* c : index.all()) {
    if (!cases_per_clause.count(c->id)) problems.push_back(c->id + " has no conformance case");
    for (const std::string& s : c->seeds)
      if (!seeds_covered.count(s))
        problems.push_back(c->id + " cites " + s + " but no case is tagged with it");
  }
  std::cout << index.all().size() << " clauses, " << n_cases << " cases, " << seeds_covered.size()
            << " seed examples covered";
  if (!examples.empty()) std::cout << " of " << examples.size();
  std::cout << "\n";
  for (const std::string& p : problems) std::cout << "problem: " << p << "\n";
  return problems.empty() ? 0 : 1;
}

struct Row {
  std::string binary, case_id, engine, status, detail;
  std::vector<std::string> clauses;
};

std::string xmlEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// A clause's result on one engine: fail beats not implemented beats pass.
std::string clauseStatus(const std::vector<const Row*>& rows) {
  if (rows.empty()) return "no case";
  bool ni = false;
  for (const Row* r : rows) {
    if (r->status == "fail") return "FAIL";
    ni = ni || r->status == "not implemented";
  }
  return ni ? "not implemented" : "pass";
}

int report(const Options& o, const ClauseIndex& index) {
  std::vector<Row> rows;
  std::string oracle = "libtorch", printing_problem;
  if (!fs::exists(o.results)) throw std::runtime_error("no results in " + o.results);
  for (const auto& f : fs::directory_iterator(o.results)) {
    if (f.path().extension() != ".json") continue;
    const json j = json::parse(std::ifstream(f.path()));
    if (j["oracle"].get<std::string>().empty()) oracle = "";
    if (!j["printing_oracle_problem"].get<std::string>().empty())
      printing_problem = j["printing_oracle_problem"];
    for (const json& r : j["results"])
      rows.push_back({j["binary"], r["case"], r["engine"], r["status"], r["detail"],
                      r["clauses"].get<std::vector<std::string>>()});
  }
  std::vector<std::string> engines = {"reference", "fast"};
  if (!oracle.empty()) engines.push_back("libtorch");

  std::map<std::string, size_t> totals;
  for (const Row& r : rows) ++totals[r.status];
  std::ostringstream md;
  md << "# parity conformance report\n\n";
  md << "Oracle: "
     << (oracle.empty() ? "**absent** (LibTorch not found; fast is compared with reference)"
                        : "LibTorch 1.13 (Debian libtorch-dev)");
  md << "; printing oracle: "
     << (printing_problem.empty() ? "Python torch 1.13 (python3-torch)" : printing_problem)
     << ".\n\n";
  md << rows.size() << " case runs: " << totals["pass"] << " pass, " << totals["fail"] << " fail, "
     << totals["not implemented"] << " not implemented.\n\n";
  md << "| clause | title |";
  for (const auto& e : engines) md << " " << e << " |";
  md << "\n|---|---|";
  for (size_t i = 0; i < engines.size(); ++i) md << "---|";
  md << "\n";
  bool failed = false;
  for (const Clause* c : index.all()) {
    md << "| " << c->id << " | " << c->title << " |";
    for (const auto& e : engines) {
      std::vector<const Row*> mine;
      for (const Row& r : rows)
        if (r.engine == e && std::count(r.clauses.begin(), r.clauses.end(), c->id))
          mine.push_back(&r);
      const std::string s = clauseStatus(mine);
      failed = failed || s == "FAIL" || s == "no case";
      md << " " << s << " (" << mine.size() << ") |";
    }
    md << "\n";
  }
  std::ostringstream fails;
  for (const Row& r : rows)
    if (r.status == "fail")
      fails << "- `" << r.case_id << "` on " << r.engine << ": " << r.detail << "\n";
  if (!fails.str().empty()) md << "\n## Failures\n\n" << fails.str();
  std::cout << md.str();
  if (!o.markdown.empty()) std::ofstream(o.markdown) << md.str();

  if (!o.junit.empty()) {
    std::ofstream x(o.junit);
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"parity conformance\">\n";
    for (const auto& e : engines) {
      std::vector<const Row*> mine;
      size_t nf = 0, ns = 0;
      for (const Row& r : rows)
        if (r.engine == e) {
          mine.push_back(&r);
          nf += r.status == "fail";
          ns += r.status == "not implemented";
        }
      x << " <testsuite name=\"" << e << "\" tests=\"" << mine.size() << "\" failures=\"" << nf
        << "\" skipped=\"" << ns << "\">\n";
      for (const Row* r : mine) {
        std::string clauses;
        for (const auto& c : r->clauses) clauses += (clauses.empty() ? "" : " ") + c;
        x << "  <testcase classname=\"" << r->binary << "\" name=\"" << xmlEscape(r->case_id)
          << " [" << clauses << "]\">";
        if (r->status == "fail")
          x << "<failure message=\"disagrees\">" << xmlEscape(r->detail) << "</failure>";
        if (r->status == "not implemented") x << "<skipped message=\"not implemented\"/>";
        x << "</testcase>\n";
      }
      x << " </testsuite>\n";
    }
    x << "</testsuites>\n";
  }
  if (!o.markdown.empty()) std::cout << "\nwritten: " << o.markdown << "\n";
  if (!o.junit.empty()) std::cout << "written: " << o.junit << "\n";
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    const ClauseIndex index = loadClauseIndex(o.clauses);
    return o.check_coverage ? checkCoverage(o, index) : report(o, index);
  } catch (const std::exception& e) {
    std::cerr << "parity_report: " << e.what() << "\n";
    return 2;
  }
}
