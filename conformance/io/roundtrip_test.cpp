// Writer → reader round trips of every case, in memory and through a path,
// and the zip64 paths of both (forced on small files by a lower threshold).
#include <gtest/gtest.h>

#include "file_builder.h"
#include "io_test_util.h"
#include "parity/io/crc32.h"
#include "parity/io/pickle_writer.h"
#include "parity/io/zip_reader.h"

namespace parity::io::test {
namespace {

TEST(RoundTrip, EveryCaseInMemory) {
  int n = 0;
  for (auto& [name, b] : parityCases()) {
    SCOPED_TRACE(name);
    const std::string bytes = writeBytes(b.f);
    const TorchFile back = readBytes(bytes);
    EXPECT_EQ(describe(back), describe(b.f));
    ++n;
  }
  EXPECT_GE(n, 20);
}

TEST(RoundTrip, ThroughAPathWithTheFileStemAsFolder) {
  const fs::path dir = scratch("roundtrip_path");
  auto cases = parityCases();
  FileBuilder& b = cases.front().second;
  const std::string path = (dir / "model.v2.pt").string();
  {
    AtomicFile out(path);
    writeTorchFile(b.f, out, archiveFolderFor(path));
    out.commit();
  }
  const TorchFile back = readTorchFile(path);
  EXPECT_EQ(describe(back), describe(b.f));
  const std::string bytes = readAll(path);
  const ZipArchive zip(bytesOf(bytes), {}, "x");
  EXPECT_EQ(zip.folder(), "model.v2");
  EXPECT_EQ(archiveFolderFor("/a/b/model.pt"), "model");
  EXPECT_EQ(archiveFolderFor("noext"), "noext");
  EXPECT_EQ(archiveFolderFor("/dir/.pt"), "archive");
}

TEST(RoundTrip, RecordsAreAlignedTo64BytesAndStorageSpansPointIntoTheImage) {
  auto cases = parityCases();
  for (auto& [name, b] : cases) {
    const std::string bytes = writeBytes(b.f);
    const ZipArchive zip(bytesOf(bytes), {}, "x");
    for (const ZipEntry& e : zip.entries()) EXPECT_EQ(e.data_offset % 64, 0u) << e.name;
    const TorchFile back = readBytes(bytes);
    for (const StorageRecord& s : back.storages) {
      if (s.bytes.empty()) continue;
      EXPECT_GE(s.bytes.data(), bytesOf(bytes).data());
      EXPECT_LE(s.bytes.data() + s.bytes.size(), bytesOf(bytes).data() + bytes.size());
    }
  }
}

TEST(RoundTrip, StorageKeysFollowFirstUseAndRecordsSortAsStrings) {
  auto cases = parityCases();
  for (auto& [name, b] : cases) {
    if (name != "many_storages!" && name != "storage_order_differs") continue;
    const PickleOutput p = writePickle(b.f);
    const std::string bytes = writeBytes(b.f);
    const ZipArchive zip(bytesOf(bytes), {}, "x");
    std::vector<std::string> names;
    for (const ZipEntry& e : zip.entries()) names.push_back(e.name);
    if (name == "many_storages!") {
      ASSERT_EQ(names.size(), 14u);
      EXPECT_EQ(names[1], "archive/data/0");
      EXPECT_EQ(names[2], "archive/data/1");
      EXPECT_EQ(names[3], "archive/data/10");
      EXPECT_EQ(names.back(), "archive/version");
    } else {
      EXPECT_EQ(p.storage_for_key, (std::vector<size_t>{1, 0}));
    }
  }
}

// Zip64 on small files: what miniz writes past 4 GiB, here past 0 bytes.
TEST(RoundTrip, Zip64FieldsAreReadAndWritten) {
  auto cases = parityCases();
  for (auto& [name, b] : cases) {
    SCOPED_TRACE(name);
    const PickleOutput p = writePickle(b.f);
    std::ostringstream os;
    OStreamSink sink(os);
    ZipWriter z(sink, 0);
    z.add("archive/data.pkl", bytesOf(p.bytes));
    for (size_t k = 0; k < p.storage_for_key.size(); ++k)
      z.add("archive/data/" + std::to_string(k), b.f.storages[p.storage_for_key[k]].bytes);
    z.add("archive/version", bytesOf("3\n"));
    z.finish();
    const std::string bytes = os.str();
    const ZipArchive zip(bytesOf(bytes), {}, "x");
    for (const ZipEntry& e : zip.entries()) EXPECT_EQ(e.data_offset % 64, 0u) << e.name;
    EXPECT_EQ(describe(readBytes(bytes)), describe(b.f));
  }
}

TEST(Crc32, ChainsAcrossPieces) {
  std::string s(100000, '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>(i * 7 + (i >> 8));
  const uint32_t whole = crc32(s.data(), s.size());
  for (size_t cut : {0ul, 1ul, 7ul, 8ul, 9ul, 4099ul, 99999ul}) {
    const uint32_t a = crc32(s.data(), cut);
    EXPECT_EQ(crc32(s.data() + cut, s.size() - cut, a), whole) << cut;
  }
  EXPECT_NE(crc32(s.data(), s.size() - 1), whole);
}

}  // namespace
}  // namespace parity::io::test
