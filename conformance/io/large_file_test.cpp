// A 256 MiB float32 storage survives an atomic save and a mapped load, with
// and without the CRC check. (Its speed is measured in bench/bm_serialize.cpp.)
#include <gtest/gtest.h>

#include "file_builder.h"
#include "io_test_util.h"

namespace parity::io::test {
namespace {

TEST(LargeFile, Float32Tensor256MiBRoundTrips) {
  const fs::path dir = scratch("large_file");
  const std::string path = (dir / "big.pt").string();
  constexpr int64_t n = int64_t{64} << 20;  // 256 MiB of float32
  std::vector<float> data(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) data[static_cast<size_t>(i)] = static_cast<float>(i % 1000);
  const size_t nbytes = data.size() * 4;
  TorchFile f;
  f.storages.push_back({kFloat, n, {reinterpret_cast<const std::byte*>(data.data()), nbytes}});
  f.tensors.push_back({0, 0, {n}, {1}, false, false});
  f.root.kind = Node::Kind::Tensor;
  {
    AtomicFile out(path);
    writeTorchFile(f, out, "big");
    out.commit();
  }
  LoadLimits no_crc;
  no_crc.verify_crc = false;
  for (const LoadLimits& limits : {LoadLimits{}, no_crc}) {
    const TorchFile back = readTorchFile(path, limits);
    ASSERT_EQ(back.storages.size(), 1u);
    ASSERT_EQ(back.storages[0].bytes.size(), nbytes);
    EXPECT_EQ(std::memcmp(back.storages[0].bytes.data(), data.data(), nbytes), 0);
  }
  fs::remove(path);
}

}  // namespace
}  // namespace parity::io::test
