// One test per error code: a file made wrong in one way, the code and the
// exact message. The files are valid archives written by ZipWriter around
// hand-made pickles, or valid files with bytes changed. Offsets in messages
// are computed from the pickles built here.
#include "parity/io/errors.h"

#include <gtest/gtest.h>

#include <cstring>

#include "file_builder.h"
#include "io_test_util.h"
#include "parity/io/pickle_reader.h"

namespace parity::io::test {
namespace {

using C = SerializationErrorCode;
using namespace std::string_literals;

std::string outcome(const std::string& bytes, const LoadLimits& limits = {}) {
  try {
    readBytes(bytes, limits);
  } catch (const SerializationError& e) {
    return std::string(toString(e.code())) + ": " + e.what();
  }
  return "no error";
}

std::string floats(int n) { return std::string(static_cast<size_t>(4 * n), '\x01'); }

// A valid one-tensor file: float32 [2, 3] over storage '0' of 6 elements.
std::string goodPickle() {
  return PickleBuilder().tensor("FloatStorage", "0", 6, 0, {2, 3}, {3, 1}).done();
}
std::string good() { return torchArchive(goodPickle(), {{"0", floats(6)}}); }
// The offset of the REDUCE that builds a tensor: the last opcode before STOP.
std::string lastReduce(const std::string& pickle) {
  return "offset " + std::to_string(pickle.size() - 2);
}

size_t find(const std::string& hay, const std::string& needle, size_t from = 0) {
  const size_t p = hay.find(needle, from);
  EXPECT_NE(p, std::string::npos) << needle;
  return p;
}

TEST(Errors, GoodFileReads) {
  const TorchFile f = readBytes(good());
  ASSERT_EQ(f.tensors.size(), 1u);
  EXPECT_EQ(f.tensors[0].sizes, (std::vector<int64_t>{2, 3}));
}

TEST(Errors, Truncated) {
  EXPECT_EQ(outcome(""), "Truncated: archive: the file is empty (0 bytes)");
  EXPECT_EQ(outcome("PK\x03\x04"),
            "Truncated: archive: file has 4 bytes; a zip archive needs at least 22 (its end "
            "record)");
  const std::string g = good();
  EXPECT_EQ(outcome(g.substr(0, 300)),
            "Truncated: archive: no zip end-of-central-directory record in the last 300 bytes (the "
            "file is truncated or not a zip)");
  EXPECT_EQ(outcome(torchArchive("\x80\x02X\x05\x00\x00\x00"s + "ab")),
            "Truncated: archive/data.pkl: offset 2: opcode 0x58 needs 5 more bytes, 2 remain");
  EXPECT_EQ(outcome(torchArchive("\x80\x02N")),
            "Truncated: archive/data.pkl: ends at offset 3 without a STOP opcode");
  EXPECT_EQ(outcome(torchArchive("\x80\x02"
                                 "ctorch\nFloatSto")),
            "Truncated: archive/data.pkl: offset 2: GLOBAL's name has no terminating newline");
}

TEST(Errors, NotATorchFileAndLegacy) {
  EXPECT_EQ(outcome("\x7f"
                    "ELF and more"),
            "NotATorchFile: archive: not a torch.save file: starts with 0x7f454c46, expected a "
            "zip archive (0x504b0304)");
  EXPECT_EQ(outcome("PYTORCH1 and more"),
            "LegacyFormat: archive: pre-release PYTORCH1 archive; re-save it with a current "
            "torch.save");
  std::string tar(600, '\0');
  std::memcpy(&tar[257], "ustar", 5);
  EXPECT_EQ(outcome(tar),
            "LegacyFormat: archive: legacy torch.save tar archive; re-save it with "
            "a current torch.save");
}

TEST(Errors, ZipStructure) {
  // Local header name differs from the central directory's.
  std::string g = good();
  g[find(g, "archive/data/0") + 13] = '9';
  EXPECT_EQ(outcome(g),
            "ZipStructure: archive/data/0: local header names 'archive/data/9', the "
            "central directory 'archive/data/0'");
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()}, {"data.pkl", "x"}})),
            "ZipStructure: archive: duplicate entry 'archive/data.pkl'");
  EXPECT_EQ(outcome(archive({{"data.pkl", "x"}, {"data/../../etc/passwd", "x"}})),
            "ZipStructure: archive: entry name 'archive/data/../../etc/passwd' has an empty, '.' "
            "or '..' part");
  {
    std::ostringstream os;
    OStreamSink sink(os);
    ZipWriter z(sink);
    z.add("archive/data.pkl", bytesOf("x"));
    z.add("other/version", bytesOf("3\n"));
    z.finish();
    EXPECT_EQ(outcome(os.str()),
              "ZipStructure: archive: entry 'other/version' lies outside the "
              "archive folder 'archive/' (taken from the first entry)");
  }
  {
    std::ostringstream os;
    OStreamSink sink(os);
    ZipWriter z(sink);
    z.add("data.pkl", bytesOf("x"));
    z.finish();
    EXPECT_EQ(outcome(os.str()),
              "ZipStructure: archive: first entry 'data.pkl' is not inside a top-level folder");
  }
  // The zip64 end record and the classic one disagree on the entry count.
  g = good();
  const size_t z64 = g.rfind("PK\x06\x06");
  g[z64 + 32] = 9;
  EXPECT_EQ(outcome(g),
            "ZipStructure: archive: the end record says entries 3, the zip64 end "
            "record says 9");
  // A record whose declared size runs past the end of the file.
  g = good();
  const size_t central = find(g, "PK\x01\x02");
  g[central + 23] = 0x10;  // compressed size of data.pkl, high byte
  g[central + 27] = 0x10;  // size
  EXPECT_EQ(outcome(g), "Truncated: archive/data.pkl: record of " +
                            std::to_string(0x10000000 + goodPickle().size()) +
                            " bytes at offset 64 runs past the end of the file (" +
                            std::to_string(g.size()) + " bytes)");
}

TEST(Errors, Compressed) {
  std::string g = good();
  const size_t central = find(g, "PK\x01\x02");
  g[central + 10] = 8;
  EXPECT_EQ(outcome(g),
            "Compressed: archive/data.pkl: compression method 8 (deflate); only "
            "stored (0) records are read, as torch.save writes them");
}

TEST(Errors, BadCrcUnlessTurnedOff) {
  std::string g = good();
  const size_t data0 = find(g, "archive/data/0");
  const size_t payload = find(g, "\x01\x01\x01\x01", data0);
  g[payload] = '\x02';
  const std::string out = outcome(g);
  EXPECT_EQ(out.substr(0, 50), "BadCrc: archive/data/0: CRC-32 of the record is 0x");
  EXPECT_NE(out.find(", the central directory says 0x"), std::string::npos) << out;
  LoadLimits no_crc;
  no_crc.verify_crc = false;
  EXPECT_EQ(outcome(g, no_crc), "no error");
}

TEST(Errors, TorchScriptArchive) {
  EXPECT_EQ(
      outcome(archive({{"data.pkl", goodPickle()}, {"constants.pkl", "x"}, {"version", "3\n"}})),
      "TorchScriptArchive: archive: TorchScript archive (it has archive/constants.pkl); not "
      "a weights file. Load it with torch.jit.load");
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()}, {"code/m.py", "x"}, {"version", "3\n"}})),
            "TorchScriptArchive: archive: TorchScript archive (it has archive/code/m.py); not a "
            "weights file. Load it with torch.jit.load");
}

TEST(Errors, MissingRecord) {
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()}, {"data/0", floats(6)}})),
            "MissingRecord: archive/version: no such record (torch.save always writes it)");
  EXPECT_EQ(outcome(archive({{"version", "3\n"}})),
            "MissingRecord: archive/data.pkl: no such record");
  PickleBuilder p;
  p.tensor("FloatStorage", "0", 6, 0, {2, 3}, {3, 1});
  EXPECT_EQ(outcome(torchArchive(p.done())),
            "MissingRecord: archive/data/0: no such record (storage '0' named at offset " +
                std::to_string(p.last_pid) + " of archive/data.pkl)");
}

TEST(Errors, UnsupportedVersionAndByteorder) {
  EXPECT_EQ(
      outcome(archive({{"data.pkl", goodPickle()}, {"data/0", floats(6)}, {"version", "11\n"}})),
      "UnsupportedVersion: archive/version: file format version '11'; this reader supports 1 "
      "to 10");
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()}, {"version", "x\n"}})),
            "UnsupportedVersion: archive/version: file format version 'x'; this reader supports 1 "
            "to 10");
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()},
                             {"data/0", floats(6)},
                             {"byteorder", "big"},
                             {"version", "3\n"}})),
            "Unsupported: archive/byteorder: the storages are big-endian; parity reads "
            "little-endian files only (re-save on a little-endian machine)");
  EXPECT_EQ(outcome(archive({{"data.pkl", goodPickle()},
                             {"data/0", floats(6)},
                             {"byteorder", "little"},
                             {"version", "3\n"}})),
            "no error");
  EXPECT_EQ(outcome(archive(
                {{"data.pkl", goodPickle()}, {"data/0", floats(6)}, {".data/version", "3\n"}})),
            "no error");
}

TEST(Errors, UnsupportedOpcode) {
  EXPECT_EQ(outcome(torchArchive("\x80\x02\x93.")),
            "UnsupportedOpcode: archive/data.pkl: unsupported pickle opcode 0x93 at offset 2");
  EXPECT_EQ(outcome(torchArchive("\x80\x02i__builtin__\neval\n.")),
            "UnsupportedOpcode: archive/data.pkl: unsupported pickle opcode 0x69 at offset 2");
}

TEST(Errors, DisallowedGlobal) {
  EXPECT_EQ(outcome(torchArchive(
                PickleBuilder().global("posix", "system").str("ls").op('\x85').op('R').done())),
            "DisallowedGlobal: archive/data.pkl: offset 2: GLOBAL 'posix system' is not allowed; a "
            "weights file uses only collections.OrderedDict, torch._utils._rebuild_tensor_v2, "
            "torch._utils._rebuild_parameter and torch.<dtype>Storage");
}

TEST(Errors, BadStorage) {
  EXPECT_EQ(outcome(torchArchive(goodPickle(), {{"0", floats(2)}})),
            "BadStorage: archive/data/0: storage record has 8 bytes, header declares 24 (6 × "
            "float32)");
  EXPECT_EQ(outcome(torchArchive(goodPickle(), {{"0", floats(7)}})),
            "BadStorage: archive/data/0: storage record has 28 bytes, header declares 24 (6 × "
            "float32)");
  const std::string complex =
      PickleBuilder().tensor("ComplexFloatStorage", "0", 6, 0, {6}, {1}).done();
  EXPECT_EQ(outcome(torchArchive(complex, {{"0", floats(12)}})),
            "BadStorage: archive/data.pkl: offset " +
                std::to_string(complex.find("ctorch\nComplex")) +
                ": storage type torch.ComplexFloatStorage is not one of parity's ten dtypes");
  PickleBuilder p;
  p.op('(').tensor("FloatStorage", "0", 6, 0, {6}, {1});
  p.tensor("LongStorage", "0", 3, 0, {3}, {1}).op('t');
  EXPECT_EQ(outcome(torchArchive(p.done(), {{"0", floats(6)}})),
            "BadStorage: archive/data.pkl: offset " + std::to_string(p.last_pid) +
                ": storage '0' is declared as 3 × int64, earlier as 6 × float32");
}

TEST(Errors, BadView) {
  const auto pickle = [](int offset, std::vector<int64_t> size, std::vector<int64_t> stride) {
    return PickleBuilder().tensor("FloatStorage", "0", 6, offset, size, stride).done();
  };
  const auto run = [](const std::string& p) {
    return outcome(torchArchive(p, {{"0", floats(6)}}));
  };
  std::string p = pickle(1, {2, 3}, {3, 1});
  EXPECT_EQ(run(p), "BadView: archive/data.pkl: " + lastReduce(p) +
                        ": _rebuild_tensor_v2: view reaches element 6 of a storage of 6 elements "
                        "(offset 1, size [2, 3], stride [3, 1])");
  p = pickle(0, {-1}, {1});
  EXPECT_EQ(run(p), "BadView: archive/data.pkl: " + lastReduce(p) +
                        ": _rebuild_tensor_v2: negative size or stride in dim 0 (offset 0, size "
                        "[-1], stride [1])");
  p = pickle(0, {2, 3}, {1});
  EXPECT_EQ(run(p), "BadView: archive/data.pkl: " + lastReduce(p) +
                        ": _rebuild_tensor_v2: size has 2 dims, stride has 1");
  p = pickle(7, {0}, {1});
  EXPECT_EQ(run(p), "BadView: archive/data.pkl: " + lastReduce(p) +
                        ": _rebuild_tensor_v2: empty tensor's offset lies past its storage of 6 "
                        "elements (offset 7, size [0], stride [1])");
  p = pickle(-1, {1}, {1});
  EXPECT_EQ(run(p), "BadView: archive/data.pkl: " + lastReduce(p) +
                        ": _rebuild_tensor_v2: negative storage offset (offset -1, size [1], "
                        "stride [1])");
  EXPECT_EQ(run(pickle(6, {0}, {1})), "no error");
  EXPECT_EQ(run(pickle(5, {3}, {0})), "no error");
}

TEST(Errors, Overflow) {
  const std::string p =
      PickleBuilder()
          .tensor("FloatStorage", "0", 6, 0, {65536, 65536, 65536, 65536}, {0, 0, 0, 0})
          .done();
  EXPECT_EQ(outcome(torchArchive(p, {{"0", floats(6)}})),
            "Overflow: archive/data.pkl: " + lastReduce(p) +
                ": _rebuild_tensor_v2: number of elements: 281474976710656 × 65536 overflows "
                "int64");
  const std::string q =
      PickleBuilder().tensor("FloatStorage", "0", 6, 0, {2, 2}, {0x7fffffff, 0x7fffffff}).done();
  EXPECT_EQ(outcome(torchArchive(q, {{"0", floats(6)}})),
            "BadView: archive/data.pkl: " + lastReduce(q) +
                ": _rebuild_tensor_v2: view reaches element 4294967294 of a storage of 6 elements "
                "(offset 0, size [2, 2], stride [2147483647, 2147483647])");
}

TEST(Errors, PickleStructure) {
  EXPECT_EQ(outcome(torchArchive("\x80\x02R.")),
            "PickleStructure: archive/data.pkl: offset 2: REDUCE needs 2 values on the stack, 0 "
            "are there (above the last MARK)");
  EXPECT_EQ(outcome(torchArchive("\x80\x02Ne.")),
            "PickleStructure: archive/data.pkl: offset 3: APPENDS without a MARK");
  EXPECT_EQ(outcome(torchArchive("\x80\x02(N.")),
            "PickleStructure: archive/data.pkl: offset 4: STOP with 1 MARK(s) still open");
  EXPECT_EQ(outcome(torchArchive("\x80\x02h\x07.")),
            "PickleStructure: archive/data.pkl: offset 2: memo entry 7 is read but was never "
            "stored");
  EXPECT_EQ(outcome(torchArchive("\x80\x02}Na.")),
            "PickleStructure: archive/data.pkl: offset 4: APPEND onto a dict; it needs a list");
  EXPECT_EQ(outcome(torchArchive("\x80\x02]NNs.")),
            "PickleStructure: archive/data.pkl: offset 5: SETITEM onto a list; it needs a dict");
  EXPECT_EQ(outcome(torchArchive("\x80\x02]q\x00h\x00"s + "a.")),
            "PickleStructure: archive/data.pkl: a list contains itself");
  EXPECT_EQ(outcome(torchArchive("\x80\x02N.junk")),
            "PickleStructure: archive/data.pkl: 4 bytes follow STOP at offset 3");
  EXPECT_EQ(outcome(torchArchive("\x80\x02NN.")),
            "PickleStructure: archive/data.pkl: offset 4: STOP with 2 values on the stack, "
            "expected 1");
  EXPECT_EQ(outcome(torchArchive("\x80\x02(Q.")),
            "PickleStructure: archive/data.pkl: offset 3: BINPERSID needs 1 values on the stack, "
            "0 are there (above the last MARK)");
  EXPECT_EQ(outcome(torchArchive(PickleBuilder().str("storage").op('\x85').op('Q').done())),
            "PickleStructure: archive/data.pkl: offset 15: persistent id has 1 items; torch's is "
            "('storage', torch.<T>Storage, key, location, numel)");
  EXPECT_EQ(outcome(torchArchive(PickleBuilder().str("\xff").done())),
            "PickleStructure: archive/data.pkl: offset 2: string is not valid UTF-8");
  EXPECT_EQ(outcome(torchArchive("\x80\x02NR.")),
            "PickleStructure: archive/data.pkl: offset 3: REDUCE needs 2 values on the stack, 1 "
            "are there (above the last MARK)");
}

TEST(Errors, UnsupportedObject) {
  EXPECT_EQ(outcome(torchArchive(PickleBuilder().global("torch", "FloatStorage").done())),
            "UnsupportedObject: archive/data.pkl: a global is not a value a tensor file holds");
  EXPECT_EQ(outcome(torchArchive("\x80\x02]N\x85"
                                 "b.")),
            "UnsupportedObject: archive/data.pkl: offset 5: BUILD on a list; only an "
            "OrderedDict's attributes (a state dict's _metadata) are set by BUILD");
  const std::string p =
      PickleBuilder().global("torch._utils", "_rebuild_tensor_v2").op(')').op('R').done();
  EXPECT_EQ(outcome(torchArchive(p)),
            "UnsupportedObject: archive/data.pkl: " + lastReduce(p) +
                ": _rebuild_tensor_v2 with 0 arguments; torch passes (storage, offset, size, "
                "stride, requires_grad, backward_hooks)");
  EXPECT_EQ(outcome(torchArchive("\x80\x02\x8f.")),
            "UnsupportedObject: archive/data.pkl: a set is not a value a tensor file holds");
}

TEST(Errors, LimitExceeded) {
  LoadLimits l;
  l.max_zip_entries = 2;
  EXPECT_EQ(outcome(good(), l),
            "LimitExceeded: archive: archive has 3 entries, the limit is 2 "
            "(LoadLimits::max_zip_entries)");
  l = {};
  l.max_pickle_bytes = 10;
  EXPECT_EQ(outcome(good(), l),
            "LimitExceeded: archive/data.pkl: " + std::to_string(goodPickle().size()) +
                " bytes, the limit is 10 (LoadLimits::max_pickle_bytes)");
  l = {};
  l.max_depth = 3;
  EXPECT_EQ(outcome(torchArchive("\x80\x02((((N."), l),
            "LimitExceeded: archive/data.pkl: offset 5: more than 3 nested MARKs "
            "(LoadLimits::max_depth)");
  EXPECT_EQ(outcome(torchArchive("\x80\x02]]]]aaa."), l), "no error");
  EXPECT_EQ(outcome(torchArchive("\x80\x02]]]]]aaaa."), l),
            "LimitExceeded: archive/data.pkl: offset 10: values nested more than 3 deep "
            "(LoadLimits::max_depth)");
  // A chain built through the memo, each list filled after it was put into
  // the one before: only the finished tree shows the depth.
  const std::string chain = "\x80\x02]("s + "]q\x00"s + "]q\x01"s + "a" + "h\x01"s + "]q\x02"s +
                            "a" + "h\x02"s + "]q\x03"s + "a" + "h\x03"s + "]q\x04"s + "a" + "e.";
  EXPECT_EQ(outcome(torchArchive(chain), l),
            "LimitExceeded: archive/data.pkl: values nested more than 3 deep "
            "(LoadLimits::max_depth)");
  // A million nested tuples: refused when the 1001st is built, in little memory.
  EXPECT_EQ(outcome(torchArchive("\x80\x02N" + std::string(1000000, '\x85') + ".")),
            "LimitExceeded: archive/data.pkl: offset 1003: values nested more than 1000 deep "
            "(LoadLimits::max_depth)");
  l = {};
  l.max_memo = 2;
  EXPECT_EQ(outcome(torchArchive("\x80\x02Nq\x00q\x01q\x02."s), l),
            "LimitExceeded: archive/data.pkl: offset 7: the memo would hold more than 2 entries "
            "(LoadLimits::max_memo)");
  l = {};
  l.max_stack = 3;
  EXPECT_EQ(outcome(torchArchive("\x80\x02]]]]."s), l),
            "LimitExceeded: archive/data.pkl: offset 5: more than 3 values on the pickle stack "
            "(LoadLimits::max_stack)");
  l = {};
  l.max_rank = 1;
  EXPECT_EQ(outcome(good(), l), "LimitExceeded: archive/data.pkl: " + lastReduce(goodPickle()) +
                                    ": _rebuild_tensor_v2: tensor of rank 2, the limit is 1 "
                                    "(LoadLimits::max_rank)");
  // (x, x) nested 40 deep through the memo: 2^40 values once expanded.
  std::string bomb = "\x80\x02N";
  for (int i = 0; i < 40; ++i) bomb += "q\x00h\x00\x86"s;
  bomb += ".";
  EXPECT_EQ(outcome(torchArchive(bomb)),
            "LimitExceeded: archive/data.pkl: shared containers expand to more than " +
                std::to_string(16 * bomb.size() + 1024) + " values");
}

TEST(Errors, UnsupportedAndIo) {
  EXPECT_EQ(outcome(torchArchive("\x80\x02\x8a\x09"
                                 "123456789.")),
            "Unsupported: archive/data.pkl: offset 2: integer of 9 bytes; parity reads integers "
            "of up to 8 bytes (int64)");
  try {
    readTorchFile("/nonexistent/dir/x.pt");
    ADD_FAILURE();
  } catch (const SerializationError& e) {
    EXPECT_EQ(e.code(), C::Io);
    EXPECT_STREQ(e.what(), "/nonexistent/dir/x.pt: cannot open: No such file or directory");
  }
}

// The pickle machine alone, as the fuzz targets call it.
TEST(Errors, PickleReaderAlone) {
  const std::string p = goodPickle();
  PickleInput in;
  in.bytes = bytesOf(p);
  const std::string data = floats(6);
  in.storage = [&](const std::string& key) -> std::optional<std::span<const std::byte>> {
    if (key == "0") return bytesOf(data);
    return std::nullopt;
  };
  const TorchFile f = readPickle(in);
  EXPECT_EQ(f.storages.size(), 1u);
  EXPECT_EQ(f.storages[0].numel, 6);
}

}  // namespace
}  // namespace parity::io::test
