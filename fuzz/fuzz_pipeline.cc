// libFuzzer target over the whole pipeline: bytes -> decode -> normalize -> segment -> extract -> JSON,
// YAML, iCalendar and the explain view; the JSON and the YAML are parsed back and must hold the same
// document. Built with a replay main (fuzz/replay_main.cc) in the normal build, so it never rots and the
// test suite replays samples/ and fuzz/regressions/pipeline/; fuzz/run.sh builds it with libFuzzer.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "emit/document_writer.h"
#include "emit/explain.h"
#include "emit/ics.h"
#include "grammar/grammar.h"
#include "pipeline/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace congvan;
  static auto grammar = Result<std::shared_ptr<const grammar::Grammar>>(grammar::Grammar::LoadDefault());
  if (!grammar.ok()) std::abort();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  text::Lines lines;
  auto doc = pipeline::Parse(bytes, "fuzz.txt", **grammar, {}, &lines);
  if (!doc.ok()) return 0;
  std::string json;
  emit::JsonWriter jw(&json, false);
  emit::WriteDocument(*doc, jw);
  emit::YamlWriter yw;
  emit::WriteDocument(*doc, yw);
  emit::IcsDocument(*doc);
  explain::Render(lines, *doc);
  try {
    YAML::Node from_json = YAML::Load(json);
    YAML::Node from_yaml = YAML::Load(yw.str());
    if (from_json["schema"].as<std::string>() != "congvan/1") std::abort();
    if (from_json["sections"].size() != from_yaml["sections"].size()) std::abort();
    if (from_json["warnings"].size() != from_yaml["warnings"].size()) std::abort();
    if (from_json["subject"].IsNull() != from_yaml["subject"].IsNull()) std::abort();
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "output does not parse back: %s\n", e.what());
    std::abort();
  }
  return 0;
}
