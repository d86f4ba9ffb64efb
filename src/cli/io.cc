#include "cli/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace congvan::cli {

Result<std::string> ReadInput(const std::string& path) {
  std::string data;
  if (path == "-") {
    char buf[1 << 16];
    ssize_t n;
    while ((n = ::read(0, buf, sizeof buf)) > 0) data.append(buf, n);
    if (n < 0) return Status(Code::kIo, std::string("cannot read stdin: ") + std::strerror(errno));
    return data;
  }
  std::error_code ec;
  auto st = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(st)) return Status(Code::kNotFound, "no such file");
  if (std::filesystem::is_directory(st)) return Status(Code::kIsDirectory, "is a directory, not a file");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status(Code::kIo, std::string("cannot open: ") + std::strerror(errno));
  char buf[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) data.append(buf, n);
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
