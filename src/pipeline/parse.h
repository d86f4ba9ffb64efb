// The whole pipeline for one input: bytes -> decode -> normalize -> segment -> extract -> Document.
//
// Takes the input's bytes, the path to report, a loaded grammar, and options (a forced encoding).
// Returns the Document, or the Status of the decode step when the bytes are not a text document
// (empty, binary, an encoding that cannot be read). Anything wrong inside a readable document is a
// warning on the Document, never a failure. An encoding found by guessing (windows-1258, TCVN3, VNI,
// repaired mojibake) is reported in source.encoding with a warning "encoding_guessed". No code appears
// more than 20 times: over that, 19 are kept (model::Document::Warn) and the rest become one warning of
// that code at the end, line 0: "N more CODE warnings (lines A to B) not listed". Thread-safe.
//
// Example:
//   auto g = grammar::Grammar::LoadEmbedded();
//   Result<model::Document> doc = pipeline::Parse(bytes, "a.txt", **g);
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::pipeline {

struct ParseOptions {
  std::string encoding;  // empty: detect
};

// `lines`, when given, receives the normalized lines the document was read from, and the Document keeps
// its trace (which rule read each line): both are for `explain`. Without it no trace is recorded (it is
// not part of the output; on a document of many short lines it was a quarter of the memory).
Result<model::Document> Parse(std::string_view bytes, const std::string& path,
                              const grammar::Grammar& g, const ParseOptions& opt = {},
                              text::Lines* lines = nullptr);

}  // namespace congvan::pipeline
