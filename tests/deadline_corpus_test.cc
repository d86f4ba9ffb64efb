// The deadline meaning corpus (tests/deadlines/phrases.yaml, written by reading, not from the program):
// each sentence with its document's date and the deadlines a reader takes from it, run by one loop.
// Every case must read exactly as written (due, by, time, repeat of each deadline, in order); the
// negative cases (expect: []) must give nothing. Failures print the case, so a regression names itself.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "extract/deadlines.h"
#include "test_util.h"

namespace congvan::extract {
namespace {

std::string Field(const YAML::Node& n, const char* key) {
  return n[key] && !n[key].IsNull() ? n[key].as<std::string>() : "-";
}

std::string Show(const model::Deadline& d) {
  return "due=" + (d.due ? d.due->Iso() : std::string("-")) + " by=" + (d.due ? d.due->By() : std::string("-")) +
         " time=" + d.time.value_or("-") + " repeat=" + d.repeat.value_or("-");
}

std::string Show(const YAML::Node& e) {
  return "due=" + Field(e, "due") + " by=" + Field(e, "by") + " time=" + Field(e, "time") +
         " repeat=" + Field(e, "repeat");
}

TEST_CASE("deadline corpus: every phrase reads as its hand-checked reading") {
  YAML::Node root = YAML::LoadFile(std::string(CONGVAN_SOURCE_DIR) + "/tests/deadlines/phrases.yaml");
  const YAML::Node& cases = root["cases"];
  REQUIRE(cases.IsSequence());
  int positive = 0, negative = 0, failed = 0;
  std::map<std::string, std::pair<int, int>> by_category;  // passed, total
  for (const auto& c : cases) {
    std::string text = c["text"].as<std::string>(), date = c["date"].as<std::string>();
    std::string category = c["category"].as<std::string>();
    std::vector<model::Warning> warnings;
    auto got = FindDeadlines(testing::DefaultGrammar(), text, date, 1, &warnings);
    std::string want, have;
    for (const auto& e : c["expect"]) want += (want.empty() ? "" : " ; ") + Show(e);
    for (const auto& d : got) have += (have.empty() ? "" : " ; ") + Show(d);
    (c["expect"].size() ? positive : negative)++;
    bool ok = want == have;
    auto& [pass, total] = by_category[category];
    ++total;
    pass += ok;
    if (!ok) {
      ++failed;
      MESSAGE(category << " | " << date << " | " << text << "\n  want: [" << want << "]\n  have: [" << have << "]");
    }
  }
  for (const auto& [cat, pt] : by_category) MESSAGE(cat << ": " << pt.first << "/" << pt.second);
  CHECK(positive >= 150);
  CHECK(negative >= 40);
  CHECK(failed == 0);
}

}  // namespace
}  // namespace congvan::extract
