#include "clause_index.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace parity::report {

std::vector<const Clause*> ClauseIndex::all() const {
  std::vector<const Clause*> out;
  for (const Area& a : areas)
    for (const Clause& c : a.clauses) out.push_back(&c);
  return out;
}

const Clause* ClauseIndex::find(const std::string& id) const {
  for (const Clause* c : all())
    if (c->id == id) return c;
  return nullptr;
}

ClauseIndex loadClauseIndex(const std::string& path) {
  ClauseIndex index;
  index.path = path;
  const YAML::Node root = YAML::LoadFile(path);
  for (const YAML::Node& a : root["areas"]) {
    Area area{a["area"].as<std::string>(),
              a["document"].as<std::string>(),
              a["title"].as<std::string>(),
              {}};
    for (const YAML::Node& c : a["clauses"]) {
      Clause clause{c["id"].as<std::string>(),
                    c["title"].as<std::string>(),
                    area.area,
                    c["source"].as<std::string>(),
                    {}};
      for (const YAML::Node& s : c["seeds"]) clause.seeds.push_back(s.as<std::string>());
      area.clauses.push_back(clause);
    }
    index.areas.push_back(area);
  }
  return index;
}

std::vector<std::string> checkIndexAgainstDocuments(const ClauseIndex& index) {
  std::vector<std::string> problems;
  std::set<std::string> seen;
  const auto dir = std::filesystem::path(index.path).parent_path();
  const std::regex heading("^## ([A-Z][A-Z0-9]*-[0-9]+) — (.*)$");  // HDF5-1 too
  for (const Area& a : index.areas) {
    std::map<std::string, std::string> documented;
    std::ifstream doc(dir / a.document);
    if (!doc) problems.push_back(a.document + ": missing");
    for (std::string line; std::getline(doc, line);) {
      std::smatch m;
      // A document may hold several areas (interop.md: NUMPY, DLPACK, HDF5);
      // each area answers for the headings of its own prefix.
      if (std::regex_match(line, m, heading) && m[1].str().rfind(a.area + "-", 0) == 0)
        documented[m[1]] = m[2];
    }
    for (const Clause& c : a.clauses) {
      if (!seen.insert(c.id).second) problems.push_back(c.id + ": listed twice in the index");
      if (c.id.rfind(a.area + "-", 0) != 0)
        problems.push_back(c.id + ": not numbered in its area " + a.area);
      auto it = documented.find(c.id);
      if (it == documented.end())
        problems.push_back(c.id + ": no '## " + c.id + " — ...' heading in " + a.document);
      else if (it->second != c.title)
        problems.push_back(c.id + ": title in " + a.document + " differs from the index");
      if (it != documented.end()) documented.erase(it);
    }
    for (const auto& [id, title] : documented)
      problems.push_back(id + ": in " + a.document + " but not in the index");
  }
  return problems;
}

std::set<std::string> loadExampleIds(const std::string& examples_md) {
  std::set<std::string> ids;
  std::ifstream in(examples_md);
  if (!in) throw std::runtime_error("cannot read " + examples_md);
  const std::regex entry("^\\*\\*(S[0-9]{3}-[0-9]{2})\\*\\*");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, entry)) ids.insert(m[1]);
  }
  return ids;
}

}  // namespace parity::report
