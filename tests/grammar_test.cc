// The grammar loader and every rule's own examples.
#include <doctest/doctest.h>

#include <filesystem>

#include <algorithm>

#include "grammar/grammar.h"
#include "grammar/rule_set.h"
#include "test_util.h"

namespace congvan::grammar {

TEST_CASE("grammar: every rule's examples hold") {
  const Grammar& g = testing::DefaultGrammar();
  CHECK(g.rules().size() > 60);
  auto failures = CheckExamples(g);
  for (const auto& f : failures) FAIL_CHECK(f);
}

Result<std::shared_ptr<const Grammar>> LoadOne(const std::string& text) {
  return Grammar::Load({{"t.yaml", text}});
}

TEST_CASE("grammar: loader errors name file, line and rule") {
  struct Case {
    std::string text, want;
  };
  for (const auto& [text, want] : std::vector<Case>{
           {"rules:\n  - id: a.b\n    pattern: '('\n    match: [x]\n", "t.yaml:2: rule a.b: bad pattern"},
           {"rules: [\n", "t.yaml:"},
           {"rules:\n  - id: a.b\n    match: [x]\n", "t.yaml:2: rule a.b: a rule needs `id` and `pattern`"},
           {"rules:\n  - id: a.b\n    pattern: x\n  - id: a.b\n    pattern: y\n", "t.yaml:4: rule a.b: duplicate id"},
           {"rules:\n  - id: a.b\n    pattern: '{{nope}}'\n", "t.yaml:2: rule a.b: unknown fragment {{nope}}"},
           {"rules:\n  - id: a.b\n    pattern: '{{list:nope}}'\n", "t.yaml:2: rule a.b: unknown list nope"},
           {"- just a list\n", "t.yaml:1: a grammar file is a YAML mapping"},
       }) {
    CAPTURE(text);
    auto r = LoadOne(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kGrammar);
    CHECK(r.status().message().find(want) != std::string::npos);
  }
}

TEST_CASE("grammar: fragments, lists, families, tone-insensitive and case-insensitive matching") {
  auto r = LoadOne(
      "fragments:\n  n: '[0-9]+'\n"
      "lists:\n  w: [Hòa, ủy ban]\n"
      "maps:\n  m: {A: B}\n"
      "rules:\n"
      "  - id: x.num\n    pattern: '^N(?P<n>{{n}})$'\n    match: [N1]\n    no_match: [N]\n"
      "  - id: x.word\n    pattern: '{{list:w}}'\n    match: [x]\n    no_match: [y]\n"
      "  - id: x.upper\n    pattern: '^AB$'\n    case_sensitive: true\n    match: [AB]\n    no_match: [ab]\n");
  REQUIRE(r.ok());
  const Grammar& g = **r;
  Match m;
  REQUIRE(g.Find("x.num", "N42", &m));
  CHECK(m.Group("n") == "42");
  CHECK(g.Find("x", "N7", &m));
  CHECK(m.rule->id == "x.num");
  CHECK(g.Find("x.word", "Thái Hoà", &m));   // written "Hòa", printed "Hoà"
  CHECK(g.Find("x.word", "UỶ BAN", &m));     // case and tone placement
  CHECK_FALSE(g.Find("x.upper", "ab", &m));
  CHECK(g.Map("m").at("A") == "B");
  CHECK(g.Family("nope").empty());
  auto failures = CheckExamples(g);
  REQUIRE(failures.size() == 1);  // x.word's example "x" does not match
  CHECK(failures[0].find("rule x.word: does not match \"x\"") != std::string::npos);
}

}  // namespace congvan::grammar

namespace congvan::grammar {

TEST_CASE("grammar: the generated default table reads exactly like grammars/*.yaml") {
  const Grammar& yaml = testing::DefaultGrammar();
  auto table = Grammar::LoadDefault();
  REQUIRE(table->rules().size() == yaml.rules().size());
  for (size_t i = 0; i < yaml.rules().size(); ++i) {
    const Rule& a = *yaml.rules()[i];
    const Rule& b = *table->rules()[i];
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.pattern == b.pattern);
    CHECK(a.value == b.value);
    CHECK(a.case_sensitive == b.case_sensitive);
    CHECK(a.file == b.file);
    CHECK(a.line == b.line);
    CHECK(a.bit[0] == b.bit[0]);
    CHECK(a.bit[1] == b.bit[1]);
    REQUIRE(a.limits.size() == b.limits.size());
    for (size_t k = 0; k < a.limits.size(); ++k) {
      CHECK(a.limits[k].name == b.limits[k].name);
      CHECK(a.limits[k].max_chars == b.limits[k].max_chars);
      CHECK(a.limits[k].max_words == b.limits[k].max_words);
    }
    CHECK(a.any_of == b.any_of);
    CHECK(b.re->ok());
    CHECK(a.re->pattern() == b.re->pattern());
  }
  CHECK(yaml.lists() == table->lists());
  CHECK(yaml.line_families() == table->line_families());
  CHECK(yaml.span_families() == table->span_families());
  CHECK(yaml.maps() == table->maps());
  CHECK(yaml.unions().size() == table->unions().size());
  for (size_t i = 0; i < yaml.unions().size(); ++i) {
    CHECK(std::get<0>(yaml.unions()[i]) == std::get<0>(table->unions()[i]));
    CHECK(std::get<1>(yaml.unions()[i]) == std::get<1>(table->unions()[i]));
  }
}

}  // namespace congvan::grammar

namespace congvan::grammar {

// A classified line answers exactly as its text does, for every family, on every line of the samples.
TEST_CASE("grammar: line classes answer as the text does") {
  const Grammar& g = testing::DefaultGrammar();
  REQUIRE_FALSE(g.line_families().empty());
  text::Lines lines;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CONGVAN_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() != ".txt") continue;
    for (auto& t : testing::SplitLines(testing::ReadFile(e.path().string()))) {
      lines.push_back(text::Line{std::move(t), 0, 0, false});
    }
  }
  g.Classify(lines);
  std::vector<std::string> families;
  for (const auto& r : g.rules()) {
    std::string_view id = r->id;
    for (size_t p = id.find('.'); p != std::string_view::npos; p = id.find('.', p + 1)) families.emplace_back(id.substr(0, p));
    families.emplace_back(id);
  }
  families.push_back("common.rejoinable");
  size_t classified = 0, asked = 0;
  for (const auto& line : lines) {
    classified += line.classes.valid;
    for (const auto& f : families) {
      Match a, b;
      bool by_text = g.Find(f, line.text, &a), by_line = g.Find(f, line, &b);
      ++asked;
      if (by_text != by_line || (by_text && (a.rule != b.rule || a.groups[0] != b.groups[0]))) {
        FAIL_CHECK("family " << f << " on \"" << line.text << "\": text " << by_text << ", line " << by_line);
      }
      if (g.Test(f, line) != by_text) FAIL_CHECK("Test " << f << " on \"" << line.text << "\"");
    }
  }
  CHECK(classified == lines.size());
  CHECK(asked > 100000);
}

TEST_CASE("grammar: line_families must name families") {
  auto r = Grammar::Load({{"t.yaml", "line_families: [x.nope]\nrules:\n  - id: x.a\n    pattern: a\n"}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("t.yaml:1: line_families: unknown family x.nope") == 0);
}

}  // namespace congvan::grammar

namespace congvan::grammar {

TEST_CASE("rule set: anchored patterns are told apart, and the split set answers as one set would") {
  // Anchored at the start: "^" first, no "|" outside groups and classes; inline flags may come first.
  for (const char* p : {"^Số", "(?i)^Kính\\s+gửi", "^(?:a|b)c", "^[|]x", "^a\\|b", "^[]|]", "^[^]|]+"}) {
    CHECK_MESSAGE(AnchoredAtStart(p), std::string(p));
  }
  // Not anchored: a top-level alternative, no leading "^", a "^" inside a class or after a group.
  for (const char* p : {"^a|b", "a^", "(?:^a)|b", "[^a]b", "(^a)", "\\^a", "(?i)a", "^a)|(b"}) {
    CHECK_MESSAGE(!AnchoredAtStart(p), std::string(p));
  }
  std::vector<std::string> patterns = {"^Số", "Kính gửi", "^V/v", "(?i)^nơi nhận", "gửi$", "^a|b"};
  RuleSet set;
  REQUIRE(set.Build(patterns, 8 << 20));
  std::vector<std::unique_ptr<RE2>> each;
  for (const auto& p : patterns) each.push_back(std::make_unique<RE2>(p));
  for (const char* text : {"Số: 12/UBND", "Kính gửi", "V/v Kính gửi", "NƠI NHẬN:", "b", "xin gửi", "", "zz"}) {
    std::vector<int> hits;
    bool failed = true;
    bool any = set.Match(text, &hits, &failed);
    CHECK(!failed);
    std::sort(hits.begin(), hits.end());
    std::vector<int> want;
    for (size_t i = 0; i < each.size(); ++i) {
      if (RE2::PartialMatch(text, *each[i])) want.push_back(static_cast<int>(i));
    }
    CHECK_MESSAGE(hits == want, std::string(text));
    CHECK(any == !want.empty());
    CHECK(set.Match(text, nullptr, &failed) == !want.empty());
  }
}

}  // namespace congvan::grammar
