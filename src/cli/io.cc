#include "cli/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace congvan::cli {

namespace {

// Temporary output files in flight, for the signal handler (fixed slots: no allocation in a handler).
constexpr int kSlots = 64;
constexpr int kPathMax = 4096;
char g_tmp_paths[kSlots][kPathMax];
std::atomic<bool> g_tmp_used[kSlots];

int RegisterTemp(const std::string& path) {
  if (path.size() >= kPathMax) return -1;
  for (int i = 0; i < kSlots; ++i) {
    bool expected = false;
    if (g_tmp_used[i].compare_exchange_strong(expected, true)) {
      std::memcpy(g_tmp_paths[i], path.c_str(), path.size() + 1);
      return i;
    }
  }
  return -1;
}

void ReleaseTemp(int slot) {
  if (slot >= 0) g_tmp_used[slot].store(false);
}

extern "C" void CleanupAndReraise(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_tmp_used[i].load()) ::unlink(g_tmp_paths[i]);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

void InstallCleanupHandlers() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, CleanupAndReraise);
}

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  std::string data;
  auto too_large = [&] {
    return Status(Code::kTooLarge, "larger than " + std::to_string(max_bytes) + " bytes (--max-bytes)");
  };
  if (path == "-") {
    char buf[1 << 16];
    ssize_t n;
    while ((n = ::read(0, buf, sizeof buf)) > 0) {
      data.append(buf, n);
      if (data.size() > max_bytes) return too_large();
    }
    if (n < 0) return Status(Code::kIo, std::string("cannot read stdin: ") + std::strerror(errno));
    return data;
  }
  std::error_code ec;
  auto st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return Status(Code::kNotFound, "no such file");
  if (std::filesystem::is_directory(st)) return Status(Code::kIsDirectory, "is a directory, not a file");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status(Code::kIo, std::string("cannot open: ") + std::strerror(errno));
  struct stat sb;
  if (::fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
    if (static_cast<size_t>(sb.st_size) > max_bytes) {
      ::close(fd);
      return too_large();
    }
    data.reserve(sb.st_size);
  }
  char buf[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      ::close(fd);
      return too_large();
    }
  }
  int err = errno;
  ::close(fd);
  if (n < 0) return Status(Code::kIo, std::string("cannot read: ") + std::strerror(err));
  return data;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  ReleaseTemp(slot_);
}

Status AtomicFile::Fail(const std::string& what, int err) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
  tmp_.clear();
  ReleaseTemp(slot_);
  slot_ = -1;
  failed_ = Status(Code::kIo, path_ + ": " + what + ": " + std::strerror(err));
  return failed_;
}

Status AtomicFile::Open(const std::string& path) {
  namespace fs = std::filesystem;
  path_ = path;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ".congvan.tmp.XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Fail("cannot create a temporary file", errno);
  fd_ = fd;
  tmp_ = tmpl;
  slot_ = RegisterTemp(tmp_);
  return Status::Ok();
}

Status AtomicFile::Write(std::string_view data) {
  if (!failed_.ok()) return failed_;
  if (fd_ < 0) return Status(Code::kIo, path_ + ": not open");
  size_t off = 0;
  while (off < data.size()) {
    ssize_t w = ::write(fd_, data.data() + off, data.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      return Fail("cannot write", errno);
    }
    off += static_cast<size_t>(w);
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (!failed_.ok()) return failed_;
  if (fd_ < 0) return Status(Code::kIo, path_ + ": not open");
  ::fchmod(fd_, 0644);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return Fail("cannot write", errno);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return Fail("cannot write", errno);
  tmp_.clear();
  ReleaseTemp(slot_);
  slot_ = -1;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  AtomicFile f;
  if (Status s = f.Open(path); !s.ok()) return s;
  if (Status s = f.Write(data); !s.ok()) return s;
  return f.Commit();
}

Written WriteStdout(std::string_view data, std::string* error) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t w = ::write(1, data.data() + off, data.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) return Written::kClosed;
      if (error) *error = std::string("cannot write to stdout: ") + std::strerror(errno);
      return Written::kFailed;
    }
    off += static_cast<size_t>(w);
  }
  return Written::kOk;
}

}  // namespace congvan::cli
