// Both ways with python3-torch (SAVE-11, SAVE-12): every file that
// make_torch_files.py wrote with torch.save is loaded in both engines and
// described exactly as torch_describe.py describes what torch.load gave;
// each engine then saves what it loaded (path form) for
// check_torch_files.py to load in python3-torch. LibTorch's
// torch::pickle_load is a third reader, where it accepts the file.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engines/fast_engine.h"
#include "engines/ref_engine.h"
#include "parity/io/atomic_file.h"
#include "parity/io/errors.h"
#include "parity/io/torch_file.h"
#if PARITY_HAVE_TORCH
#include "engines/torch_engine.h"
#endif

namespace parity::conf {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

const fs::path kDir = PARITY_INTEROP_DIR;

json manifest() {
  std::ifstream f(kDir / "manifest.json");
  if (!f) throw std::runtime_error("no manifest at " + (kDir / "manifest.json").string());
  return json::parse(f);
}

// The raw bits of every element in logical order, read through data_ptr and
// the strides by the test itself.
template <class E>
json elementBits(const typename E::Tensor& t, const TensorSnap& s) {
  json bits = json::array();
  const int64_t n = s.numel();
  if (n == 0) return bits;
  const size_t size = elementSize(s.dtype);
  const auto* base = static_cast<const unsigned char*>(t.data_ptr());
  std::vector<int64_t> index(s.sizes.size(), 0);
  for (int64_t k = 0; k < n; ++k) {
    int64_t at = 0;
    for (size_t d = 0; d < index.size(); ++d) at += index[d] * s.strides[d];
    uint64_t x = 0;
    std::memcpy(&x, base + at * static_cast<int64_t>(size), size);  // little-endian host
    bits.push_back(x);
    for (size_t d = index.size(); d-- > 0;) {
      if (++index[d] < s.sizes[d]) break;
      index[d] = 0;
    }
  }
  return bits;
}

// torch_describe.py's describe(), over an engine's Value.
template <class E>
class Describer {
 public:
  json operator()(const typename E::Value& v) {
    if (v.isNone()) return {{"kind", "none"}};
    if (v.isBool()) return {{"kind", "bool"}, {"value", v.toBool()}};
    if (v.isInt()) return {{"kind", "int"}, {"value", v.toInt()}};
    if (v.isDouble()) return {{"kind", "float"}, {"value", v.toDouble()}};
    if (v.isString()) return {{"kind", "str"}, {"value", v.toStringRef()}};
    if (v.isTensor()) return tensor(v.toTensor());
    if (v.isList() || v.isTuple()) {
      json items = json::array();
      for (const auto& x : v.isList() ? v.toList() : v.toTuple().items) items.push_back((*this)(x));
      return {{"kind", v.isList() ? "list" : "tuple"}, {"items", items}};
    }
    json entries = json::array();
    for (const auto& [key, value] : v.toGenericDict().entries)
      entries.push_back(json::array({(*this)(key), (*this)(value)}));
    return {{"kind", "dict"}, {"ordered", v.toGenericDict().ordered}, {"entries", entries}};
  }

 private:
  json tensor(const typename E::Tensor& t) {
    size_t id = 0;
    while (id < seen_.size() && !seen_[id].is_alias_of(t)) ++id;
    if (id == seen_.size()) seen_.push_back(t);
    const TensorSnap s = E::snapshot(t);
    std::string dtype = pythonName(s.dtype);
    dtype = dtype.substr(dtype.find('.') + 1);
    return {{"kind", "tensor"},
            {"dtype", dtype},
            {"sizes", s.sizes},
            {"strides", s.strides},
            {"offset", s.storage_offset},
            {"storage", id},
            {"storage_numel", E::storage_size(t)},
            {"requires_grad", s.requires_grad},
            {"bits", elementBits<E>(t, s)}};
  }
  std::vector<typename E::Tensor> seen_;
};

template <class E>
json describe(const typename E::Value& v) {
  return Describer<E>()(v);
}

// The first place where two descriptions differ, for the failure message.
std::string firstDifference(const json& want, const json& got) {
  json patch = json::diff(want, got);
  std::string s = patch.dump();
  return s.size() > 600 ? s.substr(0, 600) + "..." : s;
}

struct Tally {
  std::map<std::string, std::pair<int, int>> by_category;  // passed, total
  int passed = 0, total = 0;
  void count(const std::string& category, bool ok) {
    auto& [p, t] = by_category[category];
    p += ok, ++t, passed += ok, ++total;
  }
  std::string str() const {
    std::string s = std::to_string(passed) + "/" + std::to_string(total) + " (";
    for (const auto& [c, pt] : by_category)
      s += c + " " + std::to_string(pt.first) + "/" + std::to_string(pt.second) + ", ";
    return s + ")";
  }
};

// Loads every torch.save file in engine E, compares, and writes it back.
template <class E>
void loadAndWriteBack(const std::string& label) {
  const fs::path out = kDir / label;
  fs::create_directories(out);
  Tally loaded, written;
  for (const json& entry : manifest()) {
    const std::string name = entry["name"];
    const fs::path file = kDir / "torch" / (name + ".pt");
    SCOPED_TRACE(name);
    bool ok = false;
    try {
      const typename E::Value v = E::load(file.string());
      const json got = describe<E>(v);
      ok = got == entry["root"];
      EXPECT_TRUE(ok) << label << " reads " << name
                      << " unlike torch.load: " << firstDifference(entry["root"], got);
      E::save(v, (out / (name + ".pt")).string());
      written.count(entry["category"], true);
    } catch (const std::exception& e) {
      ADD_FAILURE() << label << " on " << name << ": " << e.what();
    }
    loaded.count(entry["category"], ok);
  }
  // torch.save (1.13) names the folder after the stem, dots and non-ASCII
  // kept; check_torch_files.py checks it.
  E::save(E::ones({2}), (out / "dotted.name.\u00fcn\u00ef.pt").string());
  std::cout << label << " loaded as torch.load describes them: " << loaded.str() << "\n"
            << label << " wrote back: " << written.str() << "\n";
  EXPECT_GE(loaded.total, 100);
}

// The engines' own messages (SAVE-8, SAVE-10), where LibTorch's differ.
template <class E>
void engineErrors() {
  using V = typename E::Value;
  auto message = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const io::SerializationError& e) {
      return std::string(io::toString(e.code())) + ": " + e.what();
    }
    return "no error";
  };
  std::stringstream list, mixed, intkey;
  E::save(V(typename V::List{E::ones({1})}), list);
  typename V::Dict m, k;
  m.entries = {{"w", E::ones({1})}, {"n", int64_t{3}}};
  k.entries = {{int64_t{0}, E::ones({1})}};
  E::save(V(m), mixed);
  E::save(V(k), intkey);
  EXPECT_EQ(message([&] { E::load_state_dict(list); }),
            "Unsupported: load_state_dict: the file's root is of kind GenericList, expected an "
            "OrderedDict or a dict of str to Tensor");
  EXPECT_EQ(message([&] { E::load_state_dict(mixed); }),
            "Unsupported: load_state_dict: entry 'n' is of kind Int, expected Tensor");
  EXPECT_EQ(message([&] { E::load_state_dict(intkey); }),
            "Unsupported: load_state_dict: key 0 is of kind Int, expected String");
  list.clear();
  list.seekg(0);
  EXPECT_EQ(message([&] { E::load_tensor(list); }),
            "Unsupported: Expected Tensor but got GenericList");
  // A file asking for requires_grad on an int64 tensor (SAVE-6): torch's refusal.
  io::TorchFile bad;
  const int64_t seven = 7;
  bad.storages.push_back({ScalarType::Long, 1, std::as_bytes(std::span(&seven, 1))});
  bad.tensors.push_back({0, 0, {1}, {1}, true});
  bad.root.kind = io::Node::Kind::Tensor;
  std::stringstream grad;
  io::OStreamSink sink(grad);
  io::writeTorchFile(bad, sink);
  EXPECT_EQ(message([&] { E::load(grad); }),
            "Unsupported: tensor 0 (torch.int64): Only Tensors of floating point and complex "
            "dtype can require gradients");
  const std::string missing = (kDir / "no such file.pt").string();
  EXPECT_TRUE(message([&] { E::load(missing); }).starts_with("Io: "))
      << message([&] { E::load(missing); });
}

TEST(EngineErrors, Reference) { engineErrors<RefEngine>(); }
TEST(EngineErrors, Fast) { engineErrors<FastEngine>(); }

TEST(TorchFiles, ReferenceLoadsAndWrites) { loadAndWriteBack<RefEngine>("reference"); }
TEST(TorchFiles, FastLoadsAndWrites) { loadAndWriteBack<FastEngine>("fast"); }

#if PARITY_HAVE_TORCH
// Drops `key` everywhere in a description.
void drop(json& j, const char* key) {
  if (j.is_object()) {
    j.erase(key);
    for (auto& [k, v] : j.items()) drop(v, key);
  } else if (j.is_array()) {
    for (auto& v : j) drop(v, key);
  }
}

// Which files pickle_load reads (and reads as torch does), from torch.save
// and from each engine. Refusals are facts about LibTorch, not failures; a
// file read with other values or geometry is a failure. LibTorch has no
// OrderedDict, and its unpickler makes a storage per persistent id rather
// than per key (sharing is lost on files torch.save wrote): both are
// counted, not compared.
TEST(TorchFiles, PickleLoadAsThirdReader) {
  json report = json::object();
  for (const std::string writer : {"torch", "reference", "fast"}) {
    Tally accepted, sharing;
    std::map<std::string, int> refusals;
    for (const json& entry : manifest()) {
      const std::string name = entry["name"];
      const fs::path file = kDir / writer / (name + ".pt");
      if (!fs::exists(file)) continue;
      json want = entry["root"];
      drop(want, "ordered");
      bool ok = false;
      try {
        const TorchEngine::Value v = TorchEngine::load(file.string());
        json got = describe<TorchEngine>(v);
        // pickle_save's side, for check_torch_files.py to report.
        if (writer == "torch") {
          fs::create_directories(kDir / "libtorch");
          TorchEngine::save(v, (kDir / "libtorch" / (name + ".pt")).string());
        }
        drop(got, "ordered");
        ok = true;
        sharing.count(entry["category"], got == want);
        drop(got, "storage");
        drop(want, "storage");
        EXPECT_EQ(got, want) << "pickle_load reads " << writer << "/" << name
                             << " unlike torch.load: " << firstDifference(want, got);
      } catch (const std::exception& e) {
        std::string why = e.what();
        why = why.substr(0, why.find('\n')).substr(0, 90);
        ++refusals[why];
        report[writer]["refused"].push_back(name);
      }
      accepted.count(entry["category"], ok);
    }
    std::cout << "pickle_load accepts of " << writer << "'s files: " << accepted.str() << "\n"
              << "  of those, sharing as torch.load: " << sharing.str() << "\n";
    for (const auto& [why, n] : refusals) std::cout << "  refused " << n << ": " << why << "\n";
    report[writer]["accepted"] = accepted.passed;
    report[writer]["sharing_kept"] = sharing.passed;
    report[writer]["total"] = accepted.total;
  }
  std::ofstream(kDir / "pickle_load.json") << report.dump(1);
}
#endif

}  // namespace
}  // namespace parity::conf
