// AtomicFile under injected failures: each system call it makes fails in
// turn (ENOSPC for writes, EIO otherwise); the target keeps its old bytes
// and no temporary file stays behind. Calls after the rename (syncing the
// directory) may fail without changing the outcome: the new file is in place.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>

#include "file_builder.h"
#include "io_test_util.h"
#include "parity/io/errors.h"

namespace parity::io::test {
namespace {

// Counts the calls and makes the `fail_at`-th one (0-based) fail.
class FaultyOps : public FileOps {
 public:
  int fail_at = -1;
  int calls = 0;
  std::vector<std::string> log;  // what each call was
  bool renamed = false;

  int open(const char* path, int flags, mode_t mode) override {
    if (hit("open", EIO)) return -1;
    return FileOps::open(path, flags, mode);
  }
  ssize_t write(int fd, const void* data, size_t n) override {
    if (hit("write", ENOSPC)) return -1;
    // Short writes too: the caller must loop.
    return FileOps::write(fd, data, n > 4096 ? n / 2 : n);
  }
  int fsync(int fd) override { return hit("fsync", EIO) ? -1 : FileOps::fsync(fd); }
  int rename(const char* a, const char* b) override {
    if (hit("rename", EIO)) return -1;
    const int r = FileOps::rename(a, b);
    renamed = r == 0;
    return r;
  }
  int unlink(const char* path) override {
    return FileOps::unlink(path);
  }  // cleanup never fails here
  int close(int fd) override {
    if (hit("close", EIO)) {
      FileOps::close(fd);  // the descriptor is gone either way, as POSIX leaves it
      return -1;
    }
    return FileOps::close(fd);
  }
  int fchmod(int fd, mode_t mode) override {
    return hit("fchmod", EPERM) ? -1 : FileOps::fchmod(fd, mode);
  }

 private:
  bool hit(const char* what, int err) {
    log.push_back(std::string(what) + (renamed ? " (after rename)" : ""));
    if (calls++ != fail_at) return false;
    errno = err;
    return true;
  }
};

std::vector<std::string> listDir(const fs::path& d) {
  std::vector<std::string> v;
  for (const auto& e : fs::directory_iterator(d)) v.push_back(e.path().filename().string());
  std::sort(v.begin(), v.end());
  return v;
}

// A 3 MiB tensor file: several buffer flushes and a direct large write.
FileBuilder bigFile() {
  FileBuilder b;
  b.f.root = b.contiguous(kFloat, {768, 1024});
  return b;
}

void save(const TorchFile& f, const std::string& path, FileOps& ops) {
  AtomicFile out(path, ops);
  writeTorchFile(f, out, "archive");
  out.commit();
}

TEST(AtomicFile, EveryFailingCallLeavesTheOldFileAndNoTemporary) {
  const fs::path dir = scratch("atomic");
  const std::string target = (dir / "model.pt").string();
  const std::string old_bytes = "the old file's bytes";
  FileBuilder b = bigFile();
  const std::string new_bytes = writeBytes(b.f);

  FaultyOps probe;  // a run without failures lists the calls
  std::ofstream(target, std::ios::binary) << old_bytes;
  save(b.f, target, probe);
  ASSERT_EQ(readAll(target), new_bytes);
  const std::vector<std::string> calls = probe.log;
  ASSERT_GE(std::count(calls.begin(), calls.end(), "write"), 3);

  int failed = 0, after_rename = 0;
  for (int i = 0; i < static_cast<int>(calls.size()); ++i) {
    SCOPED_TRACE("call " + std::to_string(i) + ": " + calls[static_cast<size_t>(i)]);
    std::ofstream(target, std::ios::binary | std::ios::trunc) << old_bytes;
    FaultyOps ops;
    ops.fail_at = i;
    bool threw = false;
    try {
      save(b.f, target, ops);
    } catch (const SerializationError& e) {
      threw = true;
      EXPECT_EQ(e.code(), SerializationErrorCode::Io);
      EXPECT_NE(std::string(e.what()).find(target + ": "), std::string::npos) << e.what();
    }
    EXPECT_EQ(listDir(dir), std::vector<std::string>{"model.pt"});
    if (calls[static_cast<size_t>(i)].ends_with("(after rename)")) {
      EXPECT_FALSE(threw);
      EXPECT_EQ(readAll(target), new_bytes);
      ++after_rename;
    } else {
      EXPECT_TRUE(threw);
      EXPECT_EQ(readAll(target), old_bytes);
      ++failed;
    }
  }
  EXPECT_GE(failed, 8);        // open, fchmod, ≥3 writes, fsync, close, rename
  EXPECT_EQ(after_rename, 3);  // open, fsync, close of the directory
}

TEST(AtomicFile, MessagesNameTheCallAndErrno) {
  const fs::path dir = scratch("atomic_messages");
  const std::string target = (dir / "x.pt").string();
  FileBuilder b = bigFile();
  std::ofstream(target) << "old";  // every run below replaces an existing file
  FaultyOps probe;
  save(b.f, target, probe);
  auto message = [&](const std::string& call) {
    const auto it = std::find(probe.log.begin(), probe.log.end(), call);
    FaultyOps ops;
    ops.fail_at = static_cast<int>(it - probe.log.begin());
    try {
      save(b.f, target, ops);
    } catch (const SerializationError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("write"), target +
                                  ": write failed: No space left on device (the file is "
                                  "unchanged)");
  EXPECT_EQ(message("fsync"),
            target + ": fsync failed: Input/output error (the file is unchanged)");
  EXPECT_EQ(message("rename"), target +
                                   ": cannot rename the temporary file: Input/output error "
                                   "(the file is unchanged)");
  EXPECT_EQ(message("open"), target + ": cannot create a temporary file in " + dir.string() +
                                 ": Input/output error");
}

TEST(AtomicFile, SuccessReplacesTheFileAndKeepsItsMode) {
  const fs::path dir = scratch("atomic_ok");
  const std::string target = (dir / "m.pt").string();
  std::ofstream(target) << "old";
  ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
  FileBuilder b = bigFile();
  save(b.f, target, FileOps::system());
  EXPECT_EQ(readAll(target), writeBytes(b.f));
  struct ::stat st;
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(listDir(dir), std::vector<std::string>{"m.pt"});
}

TEST(AtomicFile, DestroyedWithoutCommitLeavesNothing) {
  const fs::path dir = scratch("atomic_abandon");
  const std::string target = (dir / "m.pt").string();
  {
    AtomicFile out(target);
    out.write("abc", 3);
    EXPECT_TRUE(fs::exists(out.tempPath()));
  }
  EXPECT_TRUE(listDir(dir).empty());
  // An exception while writing (here: the writer refuses a bad view) abandons the save too.
  std::ofstream(target) << "old";
  FileBuilder b;
  b.f.root = b.tensor(b.storage(kFloat, 4), 2, {3}, {1});
  EXPECT_THROW(save(b.f, target, FileOps::system()), SerializationError);
  EXPECT_EQ(readAll(target), "old");
  EXPECT_EQ(listDir(dir), std::vector<std::string>{"m.pt"});
}

TEST(OStreamSink, ReportsAFailedStream) {
  std::ostringstream os;
  os.setstate(std::ios::badbit);
  OStreamSink sink(os);
  try {
    sink.write("x", 1);
    ADD_FAILURE() << "no error";
  } catch (const SerializationError& e) {
    EXPECT_EQ(e.code(), SerializationErrorCode::Io);
    EXPECT_STREQ(e.what(), "writing to the stream failed");
  }
}

}  // namespace
}  // namespace parity::io::test
