// Where the documents come from: files, directory trees, a list of paths (--files-from), stdin ("-"), or
// JSON Lines records {"path": ..., "text": ...} on stdin (--input-format jsonl, for Hadoop Streaming and
// Spark's RDD.pipe). An InputSource hands them out one at a time, so a record stream is never held in
// memory whole; a directory tree is listed up front (paths only).
//
// Directories are walked recursively; files whose name matches one of the globs (default *.txt, *.md)
// are taken, in byte-wise sorted path order; a directory reached twice through symbolic links (a loop)
// is reported once as a problem and not entered again. A path that does not exist is still handed out,
// so that it gets its error row in order.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace congvan::cli {

struct Input {
  std::string path;      // as reported in source.path ("<stdin>" for "-")
  std::string read_from; // the file to read; "-" for stdin; empty when `text` holds the bytes
  std::string text;      // the bytes of a JSON Lines record
  std::string relative;  // path under its root directory, for mirroring into -o DIR
  std::optional<Status> problem;  // a record that could not be read as JSON
  size_t record = 0;     // a JSON Lines record: its line on stdin (1-based); else 0
};

class InputSource {
 public:
  virtual ~InputSource() = default;
  // The next input, or false at the end. Thread-safe.
  virtual bool Next(Input* in) = 0;
  // Problems met while listing (symlink loops, unreadable directories): one line each for stderr.
  virtual std::vector<std::string> Problems() const { return {}; }
  // How many inputs there are, when known up front.
  virtual std::optional<size_t> Count() const { return std::nullopt; }
};

struct ListOptions {
  std::vector<std::string> args;        // FILE... as given ("-" = stdin)
  std::string files_from;               // --files-from FILE ("-" = stdin)
  std::vector<std::string> globs;       // default {"*.txt", "*.md"}
};

// Files, trees, --files-from. Fails (kUsage) only when --files-from cannot be read.
Result<std::unique_ptr<InputSource>> ListInputs(const ListOptions& opt);

// JSON Lines records from stdin, read by the strict JSON reader (base/json.h). A record's line is read
// into memory only up to the most a text of max_bytes can take as JSON (6 * max_bytes + 64 KiB, every
// byte escaped): a longer one is skipped to its end unread and gets a too_large problem. A record that
// is not JSON, not an object with a "text" string, or whose "path" is not a string or holds a NUL byte
// gets an invalid_record problem. Records are named "<stdin>:LINE" unless they give a path.
std::unique_ptr<InputSource> JsonlRecords(size_t max_bytes);

}  // namespace congvan::cli
