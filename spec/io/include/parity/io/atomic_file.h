// Saving to a path atomically: the bytes go to a new temporary file in the
// target's directory, which is flushed, synced and renamed over the target
// only on commit(). Any failure, or destruction without commit(), removes the
// temporary file and leaves the target as it was. Every system call goes
// through FileOps so that tests can make each one fail in turn.
#pragma once
#include <sys/stat.h>
#include <sys/types.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "parity/io/torch_file.h"

namespace parity::io {

// The system calls AtomicFile makes; each returns what POSIX's does and sets
// errno on failure.
class FileOps {
 public:
  virtual ~FileOps() = default;
  virtual int open(const char* path, int flags, mode_t mode);
  virtual ssize_t write(int fd, const void* data, size_t n);
  virtual int fsync(int fd);
  virtual int rename(const char* from, const char* to);
  virtual int unlink(const char* path);
  virtual int close(int fd);
  virtual int stat(const char* path, struct ::stat* st);
  virtual int fchmod(int fd, mode_t mode);
  // The real calls.
  static FileOps& system();
};

class AtomicFile : public Sink {
 public:
  // Creates the temporary file (O_CREAT | O_EXCL). Throws SerializationError(Io).
  explicit AtomicFile(std::string path, FileOps& ops = FileOps::system());
  ~AtomicFile() override;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(const void* data, size_t n) override;
  // Flushes, syncs, closes and renames over the target, then syncs the
  // directory (best effort: the rename has happened). Throws on failure,
  // after removing the temporary file.
  void commit();
  const std::string& tempPath() const { return temp_; }

 private:
  void flush();
  void writeAll(const char* p, size_t n);
  [[noreturn]] void failWith(const std::string& what);
  void discard();

  FileOps& ops_;
  std::string path_, temp_;
  int fd_ = -1;
  bool done_ = false;
  std::vector<char> buf_;
};

// A Sink over a std::ostream; throws SerializationError(Io) when the stream fails.
class OStreamSink : public Sink {
 public:
  explicit OStreamSink(std::ostream& os) : os_(os) {}
  void write(const void* data, size_t n) override;

 private:
  std::ostream& os_;
};

}  // namespace parity::io
