#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/parse.h"

namespace congvan::testing {

const grammar::Grammar& DefaultGrammar() {
  static auto g = grammar::Grammar::LoadEmbedded();
  if (!g.ok()) throw std::runtime_error(g.status().message());
  return **g;
}

model::Document ParseText(const std::string& text) {
  auto r = pipeline::Parse(text, "test.txt", DefaultGrammar());
  if (!r.ok()) throw std::runtime_error(r.status().message());
  return r.value();
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

std::string TempDir(const std::string& name) {
  // One folder per process: CTest runs test cases in parallel processes.
  auto dir = std::filesystem::current_path() / "test-tmp" / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

RunResult RunCongvan(const std::string& args, const std::string& input) {
  std::string dir = TempDir("run");
  std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  WriteFile(in, input);
  std::string cmd = std::string("'") + CONGVAN_BINARY + "' " + args + " <'" + in + "' >'" + out +
                    "' 2>'" + err + "'";
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace congvan::testing
