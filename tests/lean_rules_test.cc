// Lean rules (issue "One pass per line"): every compiled rule stays small enough for RE2's fast engines.
//   - every program at most 2,000 instructions (compiling is start-up time; large programs thrash the DFA),
//   - every rule with capture groups at most 512 (its groups come from BitState/one-pass, not the NFA),
//   - no rule and no family set runs the DFA out of memory on any line or whole text of samples/.
// RE2 reports "DFA out of memory" on stderr when log_errors is on; the test recompiles each rule with
// logging on and the same memory budget, and reads what RE2 wrote.
#include <doctest/doctest.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "grammar/grammar.h"
#include "test_util.h"

namespace congvan::grammar {
namespace {

constexpr int kMaxProgram = 2000;
constexpr int kMaxCaptureProgram = 512;

std::vector<std::string> SampleTexts() {
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CONGVAN_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() == ".txt") texts.push_back(testing::ReadFile(e.path().string()));
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

std::vector<std::string_view> Lines(const std::string& text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.emplace_back(text.data() + start, nl - start);
    start = nl + 1;
  }
  return out;
}

// Runs fn with stderr sent to a temporary file; returns what was written there.
template <typename Fn>
std::string CaptureStderr(Fn fn) {
  std::fflush(stderr);
  FILE* tmp = std::tmpfile();
  int saved = dup(2);
  dup2(fileno(tmp), 2);
  fn();
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string out;
  std::rewind(tmp);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0) out.append(buf, n);
  std::fclose(tmp);
  return out;
}

}  // namespace

TEST_CASE("lean rules: program sizes") {
  const Grammar& g = testing::DefaultGrammar();
  for (const auto& r : g.rules()) {
    CAPTURE(r->id);
    CHECK(r->re->ProgramSize() <= kMaxProgram);
    CHECK(r->re->ReverseProgramSize() <= kMaxProgram);
    if (r->re->NumberOfCapturingGroups() > 0) CHECK(r->re->ProgramSize() <= kMaxCaptureProgram);
  }
}

TEST_CASE("lean rules: no rule or family set runs the DFA out of memory on the samples") {
  const Grammar& g = testing::DefaultGrammar();
  auto texts = SampleTexts();
  REQUIRE(texts.size() >= 20);
  std::vector<std::unique_ptr<RE2>> logged;
  for (const auto& r : g.rules()) {
    RE2::Options opt = r->re->options();
    opt.set_log_errors(true);
    logged.push_back(std::make_unique<RE2>(r->re->pattern(), opt));
    REQUIRE(logged.back()->ok());
  }
  // One set per family of two or more rules, as the grammar builds them.
  std::map<std::string, std::vector<const Rule*>> families;
  for (const auto& r : g.rules()) {
    std::string_view id = r->id;
    for (size_t p = id.find('.'); p != std::string_view::npos; p = id.find('.', p + 1)) {
      families[std::string(id.substr(0, p))].push_back(r.get());
    }
    families[r->id].push_back(r.get());
  }
  std::vector<std::pair<std::string, std::unique_ptr<RE2::Set>>> sets;
  for (const auto& [name, rules] : families) {
    if (rules.size() < 2) continue;
    RE2::Options opt;
    opt.set_encoding(RE2::Options::EncodingUTF8);
    opt.set_log_errors(true);
    opt.set_max_mem(16 << 20);
    auto set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
    for (const Rule* r : rules) REQUIRE(set->Add((r->case_sensitive ? "" : "(?i)") + r->re->pattern(), nullptr) >= 0);
    REQUIRE(set->Compile());
    sets.emplace_back(name, std::move(set));
  }
  std::vector<std::string> failures;
  std::string log = CaptureStderr([&] {
    for (const auto& text : texts) {
      std::vector<std::string_view> pieces = Lines(text);
      pieces.push_back(text);
      for (std::string_view piece : pieces) {
        re2::StringPiece sp(piece.data(), piece.size());
        for (size_t i = 0; i < logged.size(); ++i) {
          re2::StringPiece m[1];
          logged[i]->Match(sp, 0, sp.size(), RE2::UNANCHORED, m, 1);
        }
        for (const auto& [name, set] : sets) {
          std::vector<int> hits;
          RE2::Set::ErrorInfo info;
          if (!set->Match(sp, &hits, &info) && info.kind != RE2::Set::kNoError) {
            failures.push_back("family " + name + ": set match failed (" + std::to_string(info.kind) + ")");
          }
        }
      }
    }
  });
  for (const auto& f : failures) FAIL_CHECK(f);
  CHECK(log.find("DFA out of memory") == std::string::npos);
  if (log.find("DFA out of memory") != std::string::npos) MESSAGE(log.substr(0, 2000));
}

}  // namespace congvan::grammar
