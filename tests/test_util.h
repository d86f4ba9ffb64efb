// Helpers shared by the tests: the embedded grammar, parsing a string, running the real binary.
#pragma once

#include <string>
#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::testing {

const grammar::Grammar& DefaultGrammar();
model::Document ParseText(const std::string& text);
std::string ReadFile(const std::string& path);
// The lines of s without their "\n" (none for an empty string).
std::vector<std::string> SplitLines(const std::string& s);
void WriteFile(const std::string& path, const std::string& data);

struct RunResult {
  int status = -1;     // exit status
  std::string out;     // stdout
  std::string err;     // stderr
};
// Runs the congvan binary with a shell-quoted argument string, feeding `input` on stdin.
RunResult RunCongvan(const std::string& args, const std::string& input = "");
// A fresh empty directory under the build tree, private to this process.
std::string TempDir(const std::string& name);

}  // namespace congvan::testing
