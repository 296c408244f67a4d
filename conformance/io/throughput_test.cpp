// Save and load of a 256 MiB float32 tensor, timed (the numbers go to the
// test log; the test checks only that the bytes survive).
#include <gtest/gtest.h>

#include <chrono>

#include "file_builder.h"
#include "io_test_util.h"

namespace parity::io::test {
namespace {

TEST(Throughput, Float32Tensor256MiB) {
  const fs::path dir = scratch("throughput");
  const std::string path = (dir / "big.pt").string();
  constexpr int64_t n = int64_t{64} << 20;  // 256 MiB of float32
  std::vector<float> data(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) data[static_cast<size_t>(i)] = static_cast<float>(i % 1000);
  TorchFile f;
  f.storages.push_back(
      {kFloat, n, {reinterpret_cast<const std::byte*>(data.data()), data.size() * 4}});
  f.tensors.push_back({0, 0, {n}, {1}, false, false});
  f.root.kind = Node::Kind::Tensor;
  const double mib = static_cast<double>(n * 4) / (1 << 20);
  using clock = std::chrono::steady_clock;
  auto secs = [](clock::time_point a) {
    return std::chrono::duration<double>(clock::now() - a).count();
  };

  auto t0 = clock::now();
  {
    AtomicFile out(path);
    writeTorchFile(f, out, "big");
    out.commit();  // includes fsync
  }
  const double w = secs(t0);
  t0 = clock::now();
  const TorchFile back = readTorchFile(path);  // maps the file, checks every CRC
  const double r = secs(t0);
  LoadLimits no_crc;
  no_crc.verify_crc = false;
  t0 = clock::now();
  const TorchFile back2 = readTorchFile(path, no_crc);
  const double r2 = secs(t0);
  ASSERT_EQ(back.storages.size(), 1u);
  ASSERT_EQ(back.storages[0].bytes.size(), data.size() * 4);
  EXPECT_EQ(std::memcmp(back.storages[0].bytes.data(), data.data(), data.size() * 4), 0);
  EXPECT_EQ(back2.storages[0].bytes.data() != nullptr, true);
  std::printf(
      "[throughput] 256 MiB float32: save (write+fsync+rename) %.3f s = %.0f MiB/s; load "
      "(mmap + CRC-32) %.3f s = %.0f MiB/s; load without CRC %.4f s\n",
      w, mib / w, r, mib / r, r2);
  fs::remove(path);
}

}  // namespace
}  // namespace parity::io::test
