// Runs `congvan parse` over any number of inputs: documents parsed in parallel (--jobs), results written
// in input order, at most a small window of results held at once (memory stays flat however large the
// archive), each output either on stdout (JSON, a JSON array for several; JSON Lines; YAML documents;
// one iCalendar), in one file (--output FILE: streamed into a temporary file as results come, renamed
// at the end), or one file per input mirroring the input tree (--output DIR: NAME.json or NAME.yaml,
// each atomic; existing files are skipped unless --force; an input whose output path another input
// already claimed, or where a directory stands, fails with a message). Unreadable inputs get an error
// row (JSON Lines), a one-line message on stderr, and count as failed. On a TTY a progress line shows
// done/total, docs/s, ETA and failures; a run over several inputs ends with a summary line (parsed,
// failed, skipped, seconds) on a TTY or when writing into a directory, unless --quiet. A closed stdout
// stops the run quietly; any other failure to write stdout or the --output file stops it with
// "congvan: cannot write to stdout: No space left on device" (or the file's name and errno's text).
//
// Returns the exit status: 0 when every input parsed (or was skipped), 1 when some failed, 2 when the
// output could not be written.
#pragma once

#include <string>

#include "cli/inputs.h"
#include "grammar/grammar.h"

namespace congvan::cli {

struct BatchOptions {
  std::string format;      // json, jsonl, yaml, ics; empty: json for one input, jsonl otherwise
  int schema = 1;          // --schema: the output contract, congvan/1 or congvan/2
  std::string output;      // "" (stdout), a file, or a directory
  bool output_dir = false; // `output` is a directory to mirror the inputs into
  bool force = false;
  bool quiet = false;
  int jobs = 1;
  std::string encoding;    // --encoding: force this input encoding
  size_t max_bytes = 64u << 20;  // --max-bytes: larger inputs fail with too_large
};

int RunBatch(InputSource& source, const grammar::Grammar& g, const BatchOptions& opt);

}  // namespace congvan::cli
