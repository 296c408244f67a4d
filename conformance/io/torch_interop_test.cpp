// Both ways with python3-torch 1.13: files torch.save writes are read here
// and described exactly as torch describes them; files written here load in
// torch.load(weights_only=True) with the same description, and the simple
// ones are byte-identical to what torch.save writes for the loaded object.
#include <gtest/gtest.h>

#include "file_builder.h"
#include "io_test_util.h"
#include "parity/io/errors.h"
#include "parity/io/pickle_writer.h"

namespace parity::io::test {
namespace {

TEST(TorchInterop, ReadsFilesTorchSaveWrote) {
  if (!pythonTorchAvailable()) GTEST_SKIP() << "no python3-torch at " << PARITY_IO_PYTHON;
  const fs::path dir = scratch("torch_written");
  std::string log;
  ASSERT_EQ(runTorchFiles("generate", dir, &log), 0) << log;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path p = entry.path();
    if (p.extension() != ".pt" || p.stem().string().starts_with("refuse_")) continue;
    SCOPED_TRACE(p.filename().string());
    const json want = json::parse(readAll(fs::path(p).replace_extension(".json")));
    try {
      EXPECT_EQ(describe(readTorchFile(p.string())), want);
    } catch (const SerializationError& e) {
      ADD_FAILURE() << toString(e.code()) << ": " << e.what();
    }
    ++n;
  }
  EXPECT_GE(n, 26);
  const auto code = [&](const char* name) {
    try {
      readTorchFile((dir / name).string());
    } catch (const SerializationError& e) {
      return std::string(toString(e.code())) + ": " + e.what();
    }
    return std::string("no error");
  };
  EXPECT_EQ(code("refuse_legacy.pt"),
            "LegacyFormat: " + (dir / "refuse_legacy.pt").string() +
                ": legacy torch.save pickle stream (torch < 1.6 or "
                "_use_new_zipfile_serialization=False); re-save it with a current torch.save");
  EXPECT_EQ(
      code("refuse_torchscript.pt"),
      "TorchScriptArchive: " + (dir / "refuse_torchscript.pt").string() +
          ": TorchScript archive (it has refuse_torchscript/code/__torch__.py); not a weights "
          "file. Load it with torch.jit.load");
  EXPECT_EQ(code("refuse_deflated.pt"),
            "Compressed: dtype_float32/data.pkl: compression method 8 (deflate); only stored (0) "
            "records are read, as torch.save writes them");
}

TEST(TorchInterop, TorchLoadsFilesWrittenHere) {
  if (!pythonTorchAvailable()) GTEST_SKIP() << "no python3-torch at " << PARITY_IO_PYTHON;
  const fs::path dir = scratch("parity_written");
  int n = 0;
  for (auto& [name, b] : parityCases()) {
    const bool same = name.ends_with("!");
    const std::string stem = same ? name.substr(0, name.size() - 1) : name;
    const std::string path = (dir / (stem + ".pt")).string();
    AtomicFile out(path);
    // Byte identity is checked against torch.save to a buffer, whose folder is "archive".
    writeTorchFile(b.f, out, same ? "archive" : archiveFolderFor(path));
    out.commit();
    std::ofstream(dir / (stem + ".json")) << describe(b.f).dump();
    if (same) std::ofstream(dir / (stem + ".same")) << "";
    ++n;
  }
  {
    // Zip64 fields on every record and offset, as miniz writes them past 4 GiB.
    auto cases = parityCases();
    const TorchFile& f = cases[0].second.f;
    const PickleOutput p = writePickle(f);
    AtomicFile out((dir / "zip64_forced.pt").string());
    ZipWriter z(out, 0);
    z.add("zip64_forced/data.pkl", bytesOf(p.bytes));
    for (size_t k = 0; k < p.storage_for_key.size(); ++k)
      z.add("zip64_forced/data/" + std::to_string(k), f.storages[p.storage_for_key[k]].bytes);
    z.add("zip64_forced/version", bytesOf("3\n"));
    z.finish();
    out.commit();
    std::ofstream(dir / "zip64_forced.json") << describe(f).dump();
    ++n;
  }
  std::string log;
  EXPECT_EQ(runTorchFiles("check", dir, &log), 0) << log;
  std::cout << log;
  EXPECT_NE(log.find("checked " + std::to_string(n) + " files, 0 problems"), std::string::npos)
      << log;
}

}  // namespace
}  // namespace parity::io::test
