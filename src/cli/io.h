// File input and output for the command line: reading an input (a path or "-" for stdin) with a clear
// Status when it cannot be read; writing a result file atomically (a temporary file in the same folder,
// streamed, then renamed), so an output file is never left half-written; writing stdout, telling a
// closed pipe (quiet) from a failed write (an error).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace congvan::cli {

// The default limit on one input's size (--max-bytes).
inline constexpr size_t kDefaultMaxBytes = 64u << 20;

// Reads the whole input. "-" reads stdin. Fails with kNotFound, kIsDirectory, kTooLarge (more than
// max_bytes; the file is not read) or kIo (errno's text, e.g. permission denied).
Result<std::string> ReadInput(const std::string& path, size_t max_bytes = kDefaultMaxBytes);

// Temporary files being written are removed if SIGINT, SIGTERM or SIGHUP arrive, then the signal's
// default action runs: an interrupted run leaves no partial output. Call once at start-up.
void InstallCleanupHandlers();

// An output file written through a temporary file in the same folder and renamed over the target by
// Commit(), so the target is never seen half-written. The temporary name is fixed and short
// (".congvan.tmp.XXXXXX", 19 bytes), so every output name the file system allows (up to 255 bytes) can
// be written. The temporary file is removed when writing fails, when the AtomicFile is destroyed without
// Commit(), and on SIGINT/SIGTERM/SIGHUP; only SIGKILL (or a crash of the machine) can leave one behind,
// and it is safe to delete. Not thread-safe: one writer per file.
//
// Example:
//   AtomicFile f;
//   if (Status s = f.Open("out/all.jsonl"); !s.ok()) ...
//   f.Write(row);  ...  f.Commit();
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  // Creates the temporary file beside `path`. Fails with kIo: "PATH: cannot create a temporary file: ...".
  Status Open(const std::string& path);
  // Appends data. Fails with kIo: "PATH: cannot write: No space left on device" (the temporary file is
  // removed; later calls fail the same way).
  Status Write(std::string_view data);
  // Closes the file and renames it over the target. Fails with kIo.
  Status Commit();

 private:
  Status Fail(const std::string& what, int err);
  std::string path_, tmp_;
  int fd_ = -1;
  int slot_ = -1;
  Status failed_;
};

// Writes data to path through an AtomicFile. Fails with kIo.
Status WriteFileAtomically(const std::string& path, std::string_view data);

enum class Written {
  kOk,
  kClosed,  // the reader went away (EPIPE: `| head`): the caller stops quietly
  kFailed,  // any other error (ENOSPC on a full disk, EIO, ...): the caller says so and exits 2
};
// Writes all of data to stdout. On kFailed, *error (when given) gets "cannot write to stdout: " and
// errno's text ("No space left on device").
Written WriteStdout(std::string_view data, std::string* error = nullptr);

}  // namespace congvan::cli
