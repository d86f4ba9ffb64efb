// Golden tests: every samples/NAME.txt is parsed and compared with samples/NAME.expected.json.
//
// An expected file is written by reading the document (for the seeds, against the hand-checked readings
// in ../shared/seeds/expected); it is never a copy of the program's output. It is compared by subset:
// every key it lists must match (objects: listed keys only; arrays: same length, element by element;
// scalars: equal), so a golden states the facts that matter and stays readable. Directives compare as
// sets (order-free): "$warnings" (warning codes that must appear), "$references" (the cited codes),
// in a section "$owners" (its owners) and "$deadlines" (its tasks' deadlines, nested items included, in
// the scorer's compact words: "2021-08-06", "2021-Q4", "daily 17:00", "weekly thursday", "monthly 25"),
// and "$closing_owners" / "$closing_deadlines" for the closing's tasks. On a mismatch the test prints each difference and writes NAME.actual.json
// beside the sample for inspection.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "emit/document_writer.h"
#include "pipeline/parse.h"
#include "test_util.h"
#include "text/normalize.h"

namespace congvan::testing {
namespace {

std::string Show(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "null";
  if (n.IsScalar()) return "\"" + n.Scalar() + "\"";
  YAML::Emitter e;
  e << YAML::Flow << n;
  return e.c_str();
}

// A deadline in the scorer's compact words (../shared/tools/score.py deadline_words).
std::string DeadlineWords(const YAML::Node& d) {
  static const std::map<std::string, std::string> kDays = {
      {"MO", "monday"}, {"TU", "tuesday"}, {"WE", "wednesday"}, {"TH", "thursday"},
      {"FR", "friday"}, {"SA", "saturday"}, {"SU", "sunday"}};
  if (d["repeat"] && !d["repeat"].IsNull()) {
    std::map<std::string, std::string> parts;
    std::string rule = d["repeat"].as<std::string>();
    size_t start = 0;
    while (start < rule.size()) {
      size_t end = rule.find(';', start);
      if (end == std::string::npos) end = rule.size();
      std::string p = rule.substr(start, end - start);
      size_t eq = p.find('=');
      if (eq != std::string::npos) parts[p.substr(0, eq)] = p.substr(eq + 1);
      start = end + 1;
    }
    std::string words = parts["FREQ"];
    for (auto& c : words) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (parts.count("BYMONTHDAY")) words += " " + parts["BYMONTHDAY"];
    if (parts.count("BYDAY")) words += " " + kDays.at(parts["BYDAY"].substr(parts["BYDAY"].size() - 2));
    if (d["time"] && !d["time"].IsNull()) words += " " + d["time"].as<std::string>();
    return words;
  }
  return d["due"] && !d["due"].IsNull() ? d["due"].as<std::string>() : "";
}

void CollectTasks(const YAML::Node& section, std::vector<std::string>* deadlines) {
  for (auto t : section["tasks"]) {
    for (auto d : t["deadlines"]) deadlines->push_back(DeadlineWords(d));
  }
  for (auto c : section["sections"]) CollectTasks(c, deadlines);
}

std::vector<std::string> Strings(const YAML::Node& seq) {
  std::vector<std::string> out;
  for (auto x : seq) out.push_back(text::ToNfc(x.as<std::string>()));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s + "]";
}

void CompareSet(const YAML::Node& want, std::vector<std::string> got, const std::string& path,
                std::vector<std::string>* diffs) {
  std::sort(got.begin(), got.end());
  auto w = Strings(want);
  if (w != got) diffs->push_back(path + ": expected " + Join(w) + ", got " + Join(got));
}

// The set-valued directives of an object (see the file comment).
void CompareDirectives(const YAML::Node& want, const YAML::Node& got, const std::string& path,
                       std::vector<std::string>* diffs) {
  if (want["$owners"]) {
    std::vector<std::string> owners;
    for (auto o : got["owners"]) owners.push_back(text::ToNfc(o.as<std::string>()));
    CompareSet(want["$owners"], owners, path + ".$owners", diffs);
  }
  if (want["$deadlines"]) {
    std::vector<std::string> d;
    CollectTasks(got, &d);
    CompareSet(want["$deadlines"], d, path + ".$deadlines", diffs);
  }
  if (want["$references"]) {
    std::vector<std::string> codes;
    for (auto r : got["references"]) codes.push_back(text::ToNfc(r["code"].as<std::string>()));
    CompareSet(want["$references"], codes, path + ".$references", diffs);
  }
  const YAML::Node closing = got["closing"];
  if (want["$closing_owners"] || want["$closing_deadlines"]) {
    std::vector<std::string> owners, d;
    if (closing && closing.IsMap()) {
      for (auto t : closing["tasks"]) {
        for (auto o : t["owners"]) {
          std::string s = text::ToNfc(o.as<std::string>());
          if (std::find(owners.begin(), owners.end(), s) == owners.end()) owners.push_back(s);
        }
      }
      CollectTasks(closing, &d);
    }
    if (want["$closing_owners"]) CompareSet(want["$closing_owners"], owners, path + ".$closing_owners", diffs);
    if (want["$closing_deadlines"]) CompareSet(want["$closing_deadlines"], d, path + ".$closing_deadlines", diffs);
  }
}

void Compare(const YAML::Node& want, const YAML::Node& got, const std::string& path,
             std::vector<std::string>* diffs) {
  if (want.IsNull()) {
    if (got.IsDefined() && !got.IsNull()) diffs->push_back(path + ": expected null, got " + Show(got));
    return;
  }
  if (want.IsMap()) {
    if (!got.IsMap()) {
      diffs->push_back(path + ": expected an object, got " + Show(got));
      return;
    }
    for (auto it : want) {
      std::string key = it.first.as<std::string>();
      if (!key.empty() && key[0] == '$') continue;
      Compare(it.second, got[key], path + "." + key, diffs);
    }
    CompareDirectives(want, got, path, diffs);
    return;
  }
  if (want.IsSequence()) {
    if (!got.IsSequence()) {
      diffs->push_back(path + ": expected an array, got " + Show(got));
      return;
    }
    if (want.size() != got.size()) {
      diffs->push_back(path + ": expected " + std::to_string(want.size()) + " items, got " +
                       std::to_string(got.size()) + ": " + Show(got));
    }
    for (size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
      Compare(want[i], got[i], path + "[" + std::to_string(i) + "]", diffs);
    }
    return;
  }
  if (!got.IsDefined() || !got.IsScalar() ||
      text::ToNfc(got.Scalar()) != text::ToNfc(want.Scalar())) {
    diffs->push_back(path + ": expected " + Show(want) + ", got " + Show(got));
  }
}

}  // namespace

TEST_CASE("golden samples") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(CONGVAN_SOURCE_DIR) / "samples";
  std::vector<fs::path> samples;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") samples.push_back(e.path());
  }
  std::sort(samples.begin(), samples.end());
  REQUIRE(samples.size() >= 17);
  for (const auto& txt : samples) {
    fs::path expected = txt;
    expected.replace_extension(".expected.json");
    CAPTURE(txt.filename().string());
    REQUIRE_MESSAGE(fs::exists(expected), "every sample needs its golden: " << expected.string());
    auto doc = pipeline::Parse(ReadFile(txt.string()), txt.filename().string(), DefaultGrammar());
    REQUIRE(doc.ok());
    std::string json;
    emit::JsonWriter w(&json, true);
    emit::WriteDocument(*doc, w);
    YAML::Node got = YAML::Load(json);
    YAML::Node want = YAML::LoadFile(expected.string());
    std::vector<std::string> diffs;
    Compare(want, got, "$", &diffs);
    if (want["$warnings"]) {
      for (auto code : want["$warnings"]) {
        bool found = false;
        for (auto wn : got["warnings"]) found |= wn["code"].as<std::string>() == code.as<std::string>();
        if (!found) diffs.push_back("$.warnings: expected a warning " + code.as<std::string>());
      }
    }
    fs::path actual = txt;
    actual.replace_extension(".actual.json");
    if (!diffs.empty()) {
      WriteFile(actual.string(), json);
      std::string all;
      for (const auto& d : diffs) all += "\n  " + d;
      FAIL_CHECK(txt.filename().string() << " differs from its golden (" << actual.string() << "):"
                                         << all);
    } else {
      fs::remove(actual);
    }
  }
}

}  // namespace congvan::testing
