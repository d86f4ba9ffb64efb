// Compare stage, input: a dispatch file or a congvan JSON output -> a Document to compare.
//
// Takes a path ("-" for stdin), the grammar, and reads the bytes. When they are a congvan JSON document
// ({"schema": "congvan/1", ...}: what `congvan parse` printed), the tree is read back into a Document
// (header fields, sections, tasks with owners, keys, partners and deadlines); otherwise the bytes are
// parsed as a dispatch. Owner keys missing from an older JSON are computed. The JSON is read by the
// strict reader of base/json.h (no YAML: an alias or anchor is an error, never followed). Fails with the
// read or decode Status, or kUsage for text that is not JSON ("PATH: not valid JSON: at byte N: ...") or
// JSON that is not a congvan document (a member of the wrong type is named: "sections[0].line: ...").
#pragma once

#include <string>

#include "base/status.h"
#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::compare {

Result<model::Document> Load(const std::string& path, const grammar::Grammar& g);

// Reads a congvan JSON document from text. Exposed for tests.
Result<model::Document> FromJson(const std::string& json, const std::string& path, const grammar::Grammar& g);

}  // namespace congvan::compare
