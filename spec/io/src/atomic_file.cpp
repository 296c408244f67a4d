#include "parity/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>

#include "le.h"

namespace parity::io {
namespace {

constexpr size_t kBuffer = size_t{1} << 20;  // larger writes bypass the buffer

std::string dirOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

int FileOps::open(const char* path, int flags, mode_t mode) { return ::open(path, flags, mode); }
ssize_t FileOps::write(int fd, const void* data, size_t n) { return ::write(fd, data, n); }
int FileOps::fsync(int fd) { return ::fsync(fd); }
int FileOps::rename(const char* from, const char* to) { return ::rename(from, to); }
int FileOps::unlink(const char* path) { return ::unlink(path); }
int FileOps::close(int fd) { return ::close(fd); }
int FileOps::stat(const char* path, struct ::stat* st) { return ::stat(path, st); }
int FileOps::fchmod(int fd, mode_t mode) { return ::fchmod(fd, mode); }
FileOps& FileOps::system() {
  static FileOps ops;
  return ops;
}

AtomicFile::AtomicFile(std::string path, FileOps& ops) : ops_(ops), path_(std::move(path)) {
  struct ::stat st;
  const bool exists = ops_.stat(path_.c_str(), &st) == 0;
  const size_t slash = path_.find_last_of('/');
  const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  const std::string dir = dirOf(path_);
  // A name no one else picks: pid, a per-process counter and a random word;
  // O_EXCL makes a collision an error instead of a shared file.
  static std::atomic<uint64_t> counter{0};
  std::random_device rd;
  for (int attempt = 0; fd_ < 0; ++attempt) {
    temp_ = dir + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-" +
            std::to_string(counter++) + "-" + std::to_string(rd() % 1000000);
    fd_ = ops_.open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt >= 100)) {
      const std::string why = std::strerror(errno);
      temp_.clear();
      detail::fail(SerializationErrorCode::Io,
                   path_ + ": cannot create a temporary file in " + dir + ": " + why);
    }
  }
  // The new file keeps the old one's permissions.
  if (exists && ops_.fchmod(fd_, st.st_mode & 07777) != 0) failWith("cannot set the mode");
  buf_.reserve(kBuffer);
}

AtomicFile::~AtomicFile() {
  if (!done_) discard();
}

void AtomicFile::discard() {
  if (fd_ >= 0) ops_.close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ops_.unlink(temp_.c_str());
  done_ = true;
}

void AtomicFile::failWith(const std::string& what) {
  const std::string why = std::strerror(errno);
  discard();
  detail::fail(SerializationErrorCode::Io,
               path_ + ": " + what + ": " + why + " (the file is unchanged)");
}

void AtomicFile::writeAll(const char* p, size_t n) {
  while (n > 0) {
    const ssize_t w = ops_.write(fd_, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      if (w == 0) errno = EIO;
      failWith("write failed");
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
}

void AtomicFile::flush() {
  if (buf_.empty()) return;
  writeAll(buf_.data(), buf_.size());
  buf_.clear();
}

void AtomicFile::write(const void* data, size_t n) {
  if (done_) detail::fail(SerializationErrorCode::Io, path_ + ": write after commit or failure");
  const char* p = static_cast<const char*>(data);
  if (buf_.size() + n <= kBuffer) {
    buf_.insert(buf_.end(), p, p + n);
    return;
  }
  flush();
  if (n < kBuffer)
    buf_.insert(buf_.end(), p, p + n);
  else
    writeAll(p, n);
}

void AtomicFile::commit() {
  if (done_) detail::fail(SerializationErrorCode::Io, path_ + ": commit after commit or failure");
  flush();
  if (ops_.fsync(fd_) != 0) failWith("fsync failed");
  const int fd = fd_;
  fd_ = -1;
  if (ops_.close(fd) != 0) failWith("close failed");
  if (ops_.rename(temp_.c_str(), path_.c_str()) != 0) failWith("cannot rename the temporary file");
  done_ = true;
  // Make the rename durable. Some file systems refuse fsync on a directory;
  // the file is already in place, so a failure here is not reported.
  const int dfd = ops_.open(dirOf(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dfd >= 0) {
    ops_.fsync(dfd);
    ops_.close(dfd);
  }
}

void OStreamSink::write(const void* data, size_t n) {
  os_.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
  if (!os_) detail::fail(SerializationErrorCode::Io, "writing to the stream failed");
}

}  // namespace parity::io
