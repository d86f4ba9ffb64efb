// Golden tests: every samples/NAME.txt is parsed and compared with samples/NAME.expected.json.
//
// An expected file is written by reading the document (for the seeds, against the hand-checked readings
// in ../shared/seeds/expected); it is never a copy of the program's output. It is compared by subset:
// every key it lists must match (objects: listed keys only; arrays: same length, element by element;
// scalars: equal), so a golden states the facts that matter and stays readable. "$warnings" lists warning
// codes that must appear. On a mismatch the test prints each difference and writes NAME.actual.json
// beside the sample for inspection.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

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
      if (key == "$warnings") continue;
      Compare(it.second, got[key], path + "." + key, diffs);
    }
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
