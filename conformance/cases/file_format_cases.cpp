// Cases for spec/clauses/file_format.md (FILE-*): the bytes the engines'
// save writes and what their load makes of bytes made wrong one way at a
// time, each checked against the clause's documented value (the expected
// bytes and record lists are python3-torch 1.13's). LibTorch's
// pickle_save/pickle_load is another reader and writer, not the oracle of
// these clauses (python3-torch is, in conformance/io's io_tests): its
// instance records every entry as unavailable.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "case_util.h"
#include "io/pickle_builder.h"
#include "parity/io/atomic_file.h"
#include "parity/io/errors.h"
#include "parity/io/zip_reader.h"
#include "parity/io/zip_writer.h"

using namespace parity::conf;
namespace io = parity::io;

namespace {

template <class E>
constexpr bool isLibTorch() {
  return std::string_view(E::name) == "libtorch";
}

// An observation of the file layer through engine E, with its documented value.
template <class E, class F>
void documented(Rec<E>& r, std::string name, F&& observe, std::string doc) {
  r.expect_text(
      std::move(name),
      [&]() -> std::string {
        if constexpr (isLibTorch<E>())
          throw Unavailable("FILE clauses are checked against python3-torch (io_tests)");
        else
          return observe();
      },
      std::move(doc));
}

template <class E>
std::string saved(const typename E::Value& v) {
  std::ostringstream out;
  E::save(v, out);
  return out.str();
}

std::span<const std::byte> bytesOf(const std::string& s) {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

std::string record(const std::string& file, const std::string& name) {
  const io::ZipArchive zip(bytesOf(file), {}, "archive");
  const io::ZipEntry* e = zip.find(name);
  if (!e) return "(no " + name + ")";
  const auto d = zip.data(*e);
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

// A zip of `records` (names under archive/), as torch.save lays it out.
std::string archive(const std::vector<std::pair<std::string, std::string>>& records) {
  std::ostringstream os;
  io::OStreamSink sink(os);
  io::ZipWriter z(sink);
  for (const auto& [name, data] : records) z.add("archive/" + name, bytesOf(data));
  z.finish();
  return os.str();
}

// "no error" or "<Code>: <message>" for loading `bytes` through engine E.
template <class E>
std::string loaded(const std::string& bytes) {
  std::istringstream in(bytes);
  try {
    E::load(in);
  } catch (const io::SerializationError& e) {
    return std::string(io::toString(e.code())) + ": " + e.what();
  }
  return "no error";
}

std::string hex(const std::string& s) {
  static const char d[] = "0123456789abcdef";
  std::string h;
  for (unsigned char c : s) h += {d[c >> 4], d[c & 15]};
  return h;
}

// torch.ones(2, 3)'s data.pkl, as python3-torch 1.13 writes it.
const char* kOnes23Pickle =
    "800263746f7263682e5f7574696c730a5f72656275696c645f74656e736f725f76320a710028285807000000"
    "73746f72616765710163746f7263680a466c6f617453746f726167650a71025801000000307103580300000063"
    "707571044b06747105514b004b024b038671064b034b018671078963636f6c6c656374696f6e730a4f72646572"
    "6564446963740a71082952710974710a52710b2e";

}  // namespace

PARITY_CASE(file_container_layout, "FILE-1", "") {
  const std::string f = saved<E>(E::ones({2, 3}));
  documented(
      r, "entries, their data offsets mod 64 and methods",
      [&] {
        const io::ZipArchive zip(bytesOf(f), {}, "archive");
        std::string s;
        for (const io::ZipEntry& e : zip.entries())
          s += e.name + " " + std::to_string(e.data_offset % 64) + " " + std::to_string(e.method) +
               "; ";
        return s;
      },
      "archive/data.pkl 0 0; archive/data/0 0 0; archive/version 0 0; ");
  documented(
      r, "local header offsets",
      [&] {
        const io::ZipArchive zip(bytesOf(f), {}, "archive");
        std::string s;
        for (const io::ZipEntry& e : zip.entries()) s += std::to_string(e.header_offset) + " ";
        return s;
      },
      "0 234 360 ");
  documented(
      r, "zip64 end record and locator present",
      [&] {
        return std::to_string(f.rfind("PK\x06\x06") != std::string::npos &&
                              f.rfind("PK\x06\x07") != std::string::npos);
      },
      "1");
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parity_file_format_" + std::string(E::name) + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "model.v1.pt").string();
  documented(
      r, "folder of a file saved to model.v1.pt",
      [&] {
        E::save(E::ones({1}), path);
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return io::ZipArchive(bytesOf(ss.str()), {}, path).folder();
      },
      "model.v1");
  std::filesystem::remove_all(dir);
}

PARITY_CASE(file_records, "FILE-2", "") {
  typename E::Value::List twelve;
  for (int i = 0; i < 12; ++i) twelve.push_back(E::ones({1}));
  const std::string f = saved<E>(typename E::Value(twelve));
  documented(
      r, "records of a list of 12 tensors",
      [&] {
        std::string s;
        const io::ZipArchive zip(bytesOf(f), {}, "archive");
        for (const io::ZipEntry& e : zip.entries()) s += e.name.substr(8) + " ";
        return s;
      },
      "data.pkl data/0 data/1 data/10 data/11 data/2 data/3 data/4 data/5 data/6 data/7 data/8 "
      "data/9 version ");
  documented(
      r, "version record", [&] { return record(f, "version"); }, "3\n");
  const std::string pkl = record(f, "data.pkl"), data0 = record(f, "data/0");
  documented(
      r, "version 11",
      [&] {
        return loaded<E>(archive({{"data.pkl", pkl}, {"data/0", data0}, {"version", "11\n"}}));
      },
      "UnsupportedVersion: archive/version: file format version '11'; this reader supports 1 to "
      "10");
  documented(
      r, "no version",
      [&] {
        return loaded<E>(archive({{"data.pkl", pkl}, {"data/0", data0}}));
      },
      "MissingRecord: archive/version: no such record (torch.save always writes it)");
  documented(
      r, "big-endian byteorder",
      [&] {
        return loaded<E>(archive(
            {{"data.pkl", pkl}, {"data/0", data0}, {"byteorder", "big"}, {"version", "3\n"}}));
      },
      "Unsupported: archive/byteorder: the storages are big-endian; parity reads little-endian "
      "files only (re-save on a little-endian machine)");
}

PARITY_CASE(file_pickle_subset, "FILE-3", "") {
  const std::string f = saved<E>(E::ones({2, 3}));
  documented(
      r, "data.pkl of ones(2, 3)", [&] { return hex(record(f, "data.pkl")); }, kOnes23Pickle);
  documented(
      r, "an opcode outside torch's set",
      [&] {
        return loaded<E>(archive({{"data.pkl", "\x80\x02\x93."}, {"version", "3\n"}}));
      },
      "UnsupportedOpcode: archive/data.pkl: unsupported pickle opcode 0x93 at offset 2");
  documented(
      r, "a memo entry never stored",
      [&] {
        return loaded<E>(archive({{"data.pkl", "\x80\x02h\x07."}, {"version", "3\n"}}));
      },
      "PickleStructure: archive/data.pkl: offset 2: memo entry 7 is read but was never stored");
}

PARITY_CASE(file_tensor_records, "FILE-4", "") {
  const std::string f = saved<E>(E::ones({2, 3}));
  const std::string pkl = record(f, "data.pkl");
  documented(
      r, "storage record too short",
      [&] {
        return loaded<E>(
            archive({{"data.pkl", pkl}, {"data/0", std::string(8, '\0')}, {"version", "3\n"}}));
      },
      "BadStorage: archive/data/0: storage record has 8 bytes, header declares 24 (6 × float32)");
  documented(
      r, "storage record missing",
      [&] {
        return loaded<E>(archive({{"data.pkl", pkl}, {"version", "3\n"}}));
      },
      "MissingRecord: archive/data/0: no such record (storage '0' named at offset 98 of "
      "archive/data.pkl)");
}

PARITY_CASE(file_no_code_execution, "FILE-5", "") {
  const std::string p = io::test::PickleBuilder()
                            .global("posix", "system")
                            .str("touch /tmp/x")
                            .op('\x85')
                            .op('R')
                            .done();
  documented(
      r, "GLOBAL posix.system",
      [&] {
        return loaded<E>(archive({{"data.pkl", p}, {"version", "3\n"}}));
      },
      "DisallowedGlobal: archive/data.pkl: offset 2: GLOBAL 'posix system' is not allowed; a "
      "weights file uses only collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
      "torch._utils._rebuild_parameter and torch.<dtype>Storage");
  documented(
      r, "BUILD on a list",
      [&] {
        return loaded<E>(archive({{"data.pkl",
                                   "\x80\x02]N\x85"
                                   "b."},
                                  {"version", "3\n"}}));
      },
      "UnsupportedObject: archive/data.pkl: offset 5: BUILD on a list; only an OrderedDict's "
      "attributes (a state dict's _metadata) are set by BUILD");
}

PARITY_CASE(file_refused_formats, "FILE-6", "") {
  const std::string f = saved<E>(E::ones({1}));
  documented(
      r, "an archive with constants.pkl",
      [&] {
        return loaded<E>(archive(
            {{"data.pkl", record(f, "data.pkl")}, {"constants.pkl", "x"}, {"version", "3\n"}}));
      },
      "TorchScriptArchive: archive: TorchScript archive (it has archive/constants.pkl); not a "
      "weights file. Load it with torch.jit.load");
  documented(
      r, "a legacy pickle stream",
      [&] {
        return loaded<E>(
            std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15));
      },
      "LegacyFormat: archive: legacy torch.save pickle stream (torch < 1.6 or "
      "_use_new_zipfile_serialization=False); re-save it with a current torch.save");
  documented(
      r, "an ELF file",
      [&] {
        return loaded<E>(
            "\x7f"
            "ELF\x02\x01\x01");
      },
      "NotATorchFile: archive: not a torch.save file: starts with 0x7f454c46, expected a zip "
      "archive (0x504b0304)");
}

PARITY_CASE(file_bounds_checked, "FILE-7", "") {
  using io::test::PickleBuilder;
  const std::string four_floats(16, '\0');
  const std::string outside =
      PickleBuilder().tensor("FloatStorage", "0", 4, 1, {2, 2}, {2, 1}).done();
  documented(
      r, "a view past its storage",
      [&] {
        return loaded<E>(
            archive({{"data.pkl", outside}, {"data/0", four_floats}, {"version", "3\n"}}));
      },
      "BadView: archive/data.pkl: offset " + std::to_string(outside.size() - 2) +
          ": _rebuild_tensor_v2: view reaches element 4 of a storage of 4 elements (offset 1, size "
          "[2, 2], stride [2, 1])");
  const std::string huge =
      PickleBuilder()
          .tensor("FloatStorage", "0", 4, 0, {65536, 65536, 65536, 65536}, {0, 0, 0, 0})
          .done();
  documented(
      r, "sizes whose product overflows",
      [&] {
        return loaded<E>(
            archive({{"data.pkl", huge}, {"data/0", four_floats}, {"version", "3\n"}}));
      },
      "Overflow: archive/data.pkl: offset " + std::to_string(huge.size() - 2) +
          ": _rebuild_tensor_v2: number of elements: 281474976710656 × 65536 overflows int64");
  const std::string f = saved<E>(E::ones({2, 3}));
  documented(
      r, "a truncated file", [&] { return loaded<E>(f.substr(0, 200)); },
      "Truncated: archive: no zip end-of-central-directory record in the last 200 bytes (the file "
      "is truncated or not a zip)");
}

PARITY_CASE(file_limits, "FILE-8", "") {
  documented(
      r, "1001 nested MARKs",
      [&] {
        return loaded<E>(archive(
            {{"data.pkl", "\x80\x02" + std::string(1001, '(') + "N."}, {"version", "3\n"}}));
      },
      "LimitExceeded: archive/data.pkl: offset 1002: more than 1000 nested MARKs "
      "(LoadLimits::max_depth)");
  io::test::PickleBuilder rank65;
  rank65.tensor("FloatStorage", "0", 1, 0, std::vector<int64_t>(65, 1),
                std::vector<int64_t>(65, 1));
  const std::string p = rank65.done();
  documented(
      r, "a tensor of rank 65",
      [&] {
        return loaded<E>(
            archive({{"data.pkl", p}, {"data/0", std::string(4, '\0')}, {"version", "3\n"}}));
      },
      "LimitExceeded: archive/data.pkl: offset " + std::to_string(p.size() - 2) +
          ": _rebuild_tensor_v2: tensor of rank 65, the limit is 64 (LoadLimits::max_rank)");
}

PARITY_CASE(file_crc_verified, "FILE-9", "") {
  std::string f = saved<E>(E::ones({2, 3}));
  // The last byte of data/0 (float 1.0 is 00 00 80 3f): flip it.
  const size_t at = f.find("\x00\x00\x80\x3fPK\x07\x08", 0, 8);
  if (at != std::string::npos) f[at + 3] = '\x40';
  documented(
      r, "a changed storage byte",
      [&] {
        const std::string o = loaded<E>(f);
        return o.substr(0, o.find(" is 0x"));
      },
      "BadCrc: archive/data/0: CRC-32 of the record");
}

PARITY_CASE(file_atomic_save, "FILE-10", "") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("parity_file_atomic_" + std::string(E::name) + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "target");
  const std::string target = (dir / "target").string();
  documented(
      r, "saving over a directory",
      [&] {
        std::string o = "no error";
        try {
          E::save(E::ones({1}), target);
        } catch (const io::SerializationError& e) {
          o = std::string(io::toString(e.code())) + ": " + e.what();
        }
        return o.substr(o.find(target) == std::string::npos ? 0 : o.find(target) + target.size());
      },
      ": cannot rename the temporary file: Is a directory (the file is unchanged)");
  documented(
      r, "what the folder holds afterwards",
      [&] {
        std::string s;
        for (const auto& e : std::filesystem::directory_iterator(dir))
          s += e.path().filename().string() + " ";
        return s;
      },
      "target ");
  const std::string file = (dir / "m.pt").string();
  documented(
      r, "permission bits kept",
      [&] {
        E::save(E::ones({1}), file);
        ::chmod(file.c_str(), 0640);
        E::save(E::ones({2}), file);
        struct ::stat st {};
        ::stat(file.c_str(), &st);
        std::ostringstream o;
        o << std::oct << (st.st_mode & 07777);
        return o.str();
      },
      "640");
  std::filesystem::remove_all(dir);
}

PARITY_CASE(file_typed_errors, "FILE-11", "") {
  documented(
      r, "an empty stream, caught as parity::Error",
      [&] {
        std::istringstream in("");
        try {
          E::load(in);
        } catch (const parity::Error& e) {
          return std::string(parity::pythonName(e.kind())) + ": " + e.what();
        }
        return std::string("no error");
      },
      "RuntimeError: archive: the file is empty (0 bytes)");
}
