// spec/clauses.yaml, read with yaml-cpp, and the checks that keep it, the
// clause documents and the conformance cases in step.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace parity::report {

struct Clause {
  std::string id, title, area, source;
  std::vector<std::string> seeds;
};

struct Area {
  std::string area, document, title;
  std::vector<Clause> clauses;
};

struct ClauseIndex {
  std::string path;
  std::vector<Area> areas;
  std::vector<const Clause*> all() const;
  const Clause* find(const std::string& id) const;
};

ClauseIndex loadClauseIndex(const std::string& path);

// Problems found: duplicate IDs, documents whose "## ID — title" headings
// differ from the index. Empty when all is well.
std::vector<std::string> checkIndexAgainstDocuments(const ClauseIndex& index);

// The example IDs (S001-23) that EXAMPLES.md defines.
std::set<std::string> loadExampleIds(const std::string& examples_md);

}  // namespace parity::report
