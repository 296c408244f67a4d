// The malformed and malicious file corpus (make_malformed.py, run by ctest
// before this binary): every file is rejected by every loader with the
// SerializationError code its manifest names and a message matching its
// regex, within 100 ms; the bombs stay under 64 MiB; the sentinel file the
// malicious pickles would create never appears; and a single bit flipped
// anywhere in a record's bytes is caught by the CRC check
// (../shared/notes/reliability.md §7 G1, G3, G4, G5).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "parity/io/errors.h"
#include "parity/io/npy.h"
#include "parity/io/torch_file.h"
#if __has_include("parity/ref/serialize.h")
#include "parity/ref/serialize.h"
#define PARITY_HAVE_REF_SERIALIZE 1
#endif
#if __has_include("parity/fast/serialize.h")
#include "parity/fast/serialize.h"
#define PARITY_HAVE_FAST_SERIALIZE 1
#endif
#if __has_include("parity/ref/interop.h")
#include "parity/ref/interop.h"
#define PARITY_HAVE_REF_NPY 1
#endif
#if __has_include("parity/fast/interop.h")
#include "parity/fast/interop.h"
#define PARITY_HAVE_FAST_NPY 1
#endif

#if defined(__SANITIZE_ADDRESS__)
#define PARITY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARITY_ASAN 1
#endif
#endif

namespace fs = std::filesystem;
using parity::io::SerializationError;
using Json = nlohmann::json;

namespace {

std::string gSelf;  // this binary, for the child processes of the memory check

fs::path corpusDir() {
  const char* env = std::getenv("PARITY_IO_CORPUS");
  return env ? fs::path(env) : fs::path(PARITY_IO_CORPUS_DIR);
}

const Json& manifest() {
  static const Json m = [] {
    std::ifstream in(corpusDir() / "manifest.json");
    if (!in) return Json();
    return Json::parse(in);
  }();
  return m;
}

// One way of loading a file; each throws on a bad file.
struct Loader {
  std::string name, format;
  std::function<void(const std::string&)> load;
};

std::vector<Loader> loaders() {
  std::vector<Loader> l;
  l.push_back({"io::readTorchFile", "torch",
               [](const std::string& p) { (void)parity::io::readTorchFile(p); }});
  l.push_back({"io::readNpy", "npy", [](const std::string& p) { (void)parity::io::readNpy(p); }});
#ifdef PARITY_HAVE_REF_SERIALIZE
  l.push_back({"ref::load", "torch", [](const std::string& p) { (void)parity::ref::load(p); }});
#endif
#ifdef PARITY_HAVE_FAST_SERIALIZE
  l.push_back({"fast::load", "torch", [](const std::string& p) { (void)parity::fast::load(p); }});
#endif
#ifdef PARITY_HAVE_REF_NPY
  l.push_back(
      {"ref::load_npy", "npy", [](const std::string& p) { (void)parity::ref::load_npy(p); }});
#endif
#ifdef PARITY_HAVE_FAST_NPY
  l.push_back(
      {"fast::load_npy", "npy", [](const std::string& p) { (void)parity::fast::load_npy(p); }});
#endif
  return l;
}

// What one load did: the code's name ("ok" for a success, "other" for an
// exception that is not a SerializationError), the message and the time. The
// time is the thread's CPU time, so that a busy machine (ctest -j, other
// builds) does not make the 100 ms bound flaky; rejection happens in the io
// layer, on the calling thread.
struct Outcome {
  std::string code, message;
  double ms = 0;
};

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

Outcome run(const Loader& loader, const std::string& path) {
  Outcome o;
  const double t0 = threadCpuMs();
  try {
    loader.load(path);
    o.code = "ok";
  } catch (const SerializationError& e) {
    o.code = parity::io::toString(e.code());
    o.message = e.what();
  } catch (const std::exception& e) {
    o.code = "other";
    o.message = e.what();
  }
  o.ms = threadCpuMs() - t0;
  return o;
}

// The manifest's patterns are Python regexes; "(?i)" in front means ignore case.
bool matches(const std::string& message, const std::string& pattern) {
  const bool icase = pattern.rfind("(?i)", 0) == 0;
  const auto flags = icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript;
  return std::regex_search(message, std::regex(icase ? pattern.substr(4) : pattern, flags));
}

// Sanitizers slow everything down several times; the bound stays, scaled.
#ifdef PARITY_ASAN
constexpr double kMsLimit = 1000;
#else
constexpr double kMsLimit = 100;
#endif
constexpr long kRssLimitKiB = 64 * 1024;

bool sentinelExists() { return fs::exists(manifest().value("sentinel", std::string("/"))); }

TEST(MalformedCorpus, ManifestIsComplete) {
  ASSERT_FALSE(manifest().is_null())
      << "no manifest in " << corpusDir() << "; run make_malformed.py (the io_corpus fixture)";
  std::map<std::string, int> perCategory;
  for (const Json& e : manifest()["malformed"]) ++perCategory[e["category"].get<std::string>()];
  EXPECT_GE(manifest()["malformed"].size(), 100u);
  EXPECT_GE(perCategory.size(), 30u);
  for (const char* need :
       {"zip/truncated", "zip/bad_crc", "pickle/unknown_opcode", "pickle/disallowed_global",
        "zip/storage_record", "tensor/out_of_bounds", "tensor/shape_overflow", "bomb/huge_sizes",
        "bomb/nesting", "format/torchscript", "pickle/sentinel"})
    EXPECT_GE(perCategory[need], 1) << need;
  EXPECT_FALSE(sentinelExists()) << "the sentinel exists before any load";
}

// The positive control: a loader that rejects everything would pass the rest.
TEST(MalformedCorpus, ValidFilesLoad) {
  ASSERT_FALSE(manifest().is_null());
  int loaded = 0;
  for (const Loader& l : loaders())
    for (const Json& v : manifest()["valid"]) {
      if (v["format"] != l.format) continue;
      const Outcome o = run(l, (corpusDir() / v["file"].get<std::string>()).string());
      EXPECT_EQ(o.code, "ok") << l.name << " " << v["file"] << ": " << o.message;
      loaded += o.code == "ok";
    }
  std::cout << "[ valid    ] " << loaded << " loads of real torch.save / np.save files\n";
}

// Why an outcome is not the expected one ("" when it is).
std::string verdict(const Outcome& o, const Json& e) {
  const std::string code = e["code"], pattern = e["message"];
  std::string why;
  if (o.code != code)
    why = "got " + o.code + ", expected " + code;
  else if (!matches(o.message, pattern))
    why = "message does not match /" + pattern + "/";
  if (o.ms > kMsLimit) why += (why.empty() ? "" : "; ") + std::to_string(o.ms) + " ms";
  return why;
}

// Every loader, every file but the bombs (they run in child processes below,
// so that one crash does not hide the rest): the expected code and message,
// in time, no crash.
TEST(MalformedCorpus, EveryFileIsRejectedWithItsCodeAndMessage) {
  ASSERT_FALSE(manifest().is_null());
  for (const Loader& l : loaders()) {
    int files = 0, right = 0;
    double slowest = 0;
    std::string slowestFile;
    std::map<std::string, std::pair<int, int>> perCategory;  // right, all
    for (const Json& e : manifest()["malformed"]) {
      if (e["format"] != l.format || e["bomb"].get<bool>()) continue;
      const std::string file = e["file"];
      const Outcome o = run(l, (corpusDir() / file).string());
      ++files;
      auto& [ok, all] = perCategory[e["category"].get<std::string>()];
      ++all;
      const std::string why = verdict(o, e);
      if (o.ms > slowest) slowest = o.ms, slowestFile = file;
      if (why.empty()) {
        ++ok, ++right;
      } else {
        ADD_FAILURE() << l.name << " " << file << ": " << why << "\n  message: " << o.message;
      }
      ASSERT_FALSE(sentinelExists()) << l.name << " " << file << " created the sentinel";
    }
    std::cout << "[ " << l.name << " ] " << right << " of " << files
              << " files rejected with the expected code and message; slowest " << slowest
              << " ms (" << slowestFile << ")\n";
    for (const auto& [cat, counts] : perCategory)
      if (counts.first != counts.second)
        std::cout << "    " << cat << ": " << counts.first << " of " << counts.second << "\n";
  }
  EXPECT_FALSE(sentinelExists());
}

// G5: one bit flipped at 1000 random offsets inside the records' bytes of a
// real torch.save file is always caught, as BadCrc, before anything else.
TEST(MalformedCorpus, SingleBitFlipsInRecordsAreCaught) {
  ASSERT_FALSE(manifest().is_null());
  std::mt19937_64 rng(20261207);
  int flips = 0, caught = 0;
  for (const auto& [file, ranges] : manifest()["payloads"].items()) {
    std::ifstream in(corpusDir() / file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    ASSERT_FALSE(bytes.empty()) << file;
    std::vector<size_t> payload;  // every byte offset inside some record
    for (const Json& r : ranges)
      for (size_t k = 0; k < r[2].get<size_t>(); ++k) payload.push_back(r[1].get<size_t>() + k);
    for (int trial = 0; trial < 500; ++trial) {
      const size_t at = payload[rng() % payload.size()];
      const int bit = static_cast<int>(rng() % 8);
      auto image = std::make_shared<std::vector<char>>(bytes);
      (*image)[at] = static_cast<char>((*image)[at] ^ (1 << bit));
      const std::span<const std::byte> span(reinterpret_cast<const std::byte*>(image->data()),
                                            image->size());
      ++flips;
      try {
        (void)parity::io::readTorchFile(image, span);
        ADD_FAILURE() << file << ": bit " << bit << " of byte " << at << " flipped, loaded";
      } catch (const SerializationError& e) {
        if (e.code() == parity::io::SerializationErrorCode::BadCrc)
          ++caught;
        else
          ADD_FAILURE() << file << ": flip at " << at << " gave " << toString(e.code()) << ": "
                        << e.what();
      }
    }
  }
  std::cout << "[ crc      ] " << caught << " of " << flips << " single-bit flips caught\n";
  EXPECT_EQ(caught, flips);
  EXPECT_GE(flips, 1000);
}

// VmHWM of this process: the peak resident set since exec, which a child
// started fresh reports for itself alone.
long peakRssKiB() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

// G3: each bomb loads in a child process of its own (exec'd fresh, so that its
// peak resident set is the load's and not this test's), which reports its
// outcome and VmHWM: the expected code and message, in time, under 64 MiB.
TEST(MalformedCorpus, BombsAreRejectedInTimeAndUnder64MiB) {
  ASSERT_FALSE(manifest().is_null());
#ifdef PARITY_ASAN
  const bool checkRss = false;
  std::cout << "[ bombs    ] ASan's shadow memory and quarantine dominate the resident set; the "
               "64 MiB bound is checked in the uninstrumented build only\n";
#else
  const bool checkRss = true;
#endif
  int bombs = 0, right = 0;
  long worst = 0;
  for (const Loader& l : loaders())
    for (const Json& e : manifest()["malformed"]) {
      if (!e["bomb"].get<bool>() || e["format"] != l.format) continue;
      const std::string path = (corpusDir() / e["file"].get<std::string>()).string();
      const std::string cmd =
          "'" + gSelf + "' --parity-load-one '" + l.name + "' '" + path + "' 2>&1";
      FILE* pipe = popen(cmd.c_str(), "r");
      ASSERT_NE(pipe, nullptr);
      char buf[4096] = {};
      std::string out;
      while (std::fgets(buf, sizeof buf, pipe)) out += buf;
      const int status = pclose(pipe);
      ++bombs;
      char code[64] = {};
      long kib = -1;
      Outcome o;
      if (status != 0 ||
          std::sscanf(out.c_str(), "code=%63s rss_kib=%ld ms=%lf", code, &kib, &o.ms) != 3) {
        ADD_FAILURE() << l.name << " " << path << ": the child crashed or failed (status " << status
                      << "):\n"
                      << out.substr(0, 2000);
        continue;
      }
      o.code = code;
      o.message = out.substr(out.find('\n') + 1);
      if (!o.message.empty() && o.message.back() == '\n') o.message.pop_back();
      std::string why = verdict(o, e);
      if (checkRss && kib > kRssLimitKiB)
        why += (why.empty() ? "" : "; ") + std::string("peak resident set ") + std::to_string(kib) +
               " KiB";
      if (why.empty())
        ++right;
      else
        ADD_FAILURE() << l.name << " " << path << ": " << why << "\n  message: " << o.message;
      worst = std::max(worst, kib);
    }
  std::cout << "[ bombs    ] " << right << " of " << bombs
            << " bomb loads in child processes rejected as expected; peak resident set "
            << worst / 1024.0 << " MiB at most (the whole process, binary included)\n";
  EXPECT_GE(bombs, 10);
}

TEST(MalformedCorpus, SentinelNeverAppears) {
  ASSERT_FALSE(manifest().is_null());
  EXPECT_FALSE(sentinelExists());
}

// The child of BombsStayUnder64MiB: load one file, print code and VmHWM.
int loadOne(const std::string& loaderName, const std::string& path) {
  for (const Loader& l : loaders())
    if (l.name == loaderName) {
      const Outcome o = run(l, path);
      std::printf("code=%s rss_kib=%ld ms=%.1f\n%s\n", o.code.c_str(), peakRssKiB(), o.ms,
                  o.message.c_str());
      return 0;
    }
  std::printf("no loader %s\n", loaderName.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  gSelf = fs::canonical("/proc/self/exe").string();
  if (argc == 4 && std::string(argv[1]) == "--parity-load-one") return loadOne(argv[2], argv[3]);
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
