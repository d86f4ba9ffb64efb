// The whole pipeline for one input: bytes -> decode -> normalize -> segment -> extract -> Document.
//
// Takes the input's bytes, the path to report, and a loaded grammar. Returns the Document, or the Status
// of the decode step when the bytes are not a text document (empty, binary, invalid encoding). Anything
// wrong inside a readable document is a warning on the Document, never a failure.
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

namespace congvan::pipeline {

Result<model::Document> Parse(std::string_view bytes, const std::string& path,
                              const grammar::Grammar& g);

}  // namespace congvan::pipeline
