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

Status WriteFileAtomically(const std::string& path, const std::string& data) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Status(Code::kIo, path + ": cannot create a temporary file: " + std::strerror(errno));
  int slot = RegisterTemp(tmpl);
  struct Release {
    int slot;
    ~Release() { ReleaseTemp(slot); }
  } release{slot};
  size_t off = 0;
  while (off < data.size()) {
    ssize_t w = ::write(fd, data.data() + off, data.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      return Status(Code::kIo, path + ": cannot write: " + std::strerror(err));
    }
    off += w;
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return Status(Code::kIo, path + ": cannot write: " + std::strerror(err));
  }
  return Status::Ok();
}

bool WriteStdout(const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    ssize_t w = ::write(1, data.data() + off, data.size() - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += w;
  }
  return true;
}

}  // namespace congvan::cli
