// File input and output for the command line: reading an input (a path or "-" for stdin) with a clear
// Status when it cannot be read, and writing a result file atomically (a temporary file in the same
// folder, then rename), so an output file is never left half-written.
#pragma once

#include <string>

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

// Writes data to path through a temporary file and rename(2). Fails with kIo.
Status WriteFileAtomically(const std::string& path, const std::string& data);

// Writes to stdout; returns false when stdout is closed (EPIPE): the caller stops quietly.
bool WriteStdout(const std::string& data);

}  // namespace congvan::cli
