// libFuzzer target over the whole pipeline: bytes -> decode -> normalize -> segment -> extract -> JSON,
// YAML, iCalendar and the explain view. Built with a replay main (fuzz/replay_main.cc) in the normal
// build, so it never rots and the test suite replays samples/ and fuzz/regressions/pipeline/;
// fuzz/run.sh builds it with libFuzzer (and the library instrumented, see CMakeLists.txt).
//
// The outputs are checked by cheap validators, not parsed back by yaml-cpp (which took most of each
// run): the JSON by the strict reader (base/json.h) with the contract's invariants (schema, arrays,
// source.bytes, at most 20 warnings + 1 summary per code), the YAML as text YAML may hold (valid
// UTF-8, none of the characters YAML forbids raw). Any failure aborts with a message: a crash for
// libFuzzer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "base/json.h"
#include "emit/document_writer.h"
#include "emit/explain.h"
#include "emit/ics.h"
#include "grammar/grammar.h"
#include "pipeline/parse.h"
#include "text/decode.h"

namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_pipeline: %s\n", what.c_str());
  std::abort();
}

void CheckJson(const std::string& json, size_t bytes) {
  using congvan::json::Value;
  auto v = congvan::json::Parse(json);
  if (!v.ok()) Fail("JSON output does not parse: " + v.status().message());
  const Value& d = *v;
  if (!d.Get("schema").IsString() || d.Get("schema").String() != "congvan/1") Fail("schema is not congvan/1");
  if (d.Get("source").Get("bytes").Int() != static_cast<int64_t>(bytes)) Fail("source.bytes is not the input size");
  for (const char* key : {"sections", "tasks", "warnings", "recipients", "references", "footnotes"}) {
    if (!d.Get(key).IsArray()) Fail(std::string(key) + " is not an array");
  }
  std::map<std::string, int> per_code;
  for (const Value& w : d.Get("warnings").Items()) {
    if (!w.Get("code").IsString() || !w.Get("message").IsString() || !w.Get("line").Int(0)) {
      Fail("a warning without code, message or line");
    }
    if (++per_code[w.Get("code").String()] > congvan::model::Document::kMaxWarningsPerCode + 1) {
      Fail("more warnings of " + w.Get("code").String() + " than the cap");
    }
  }
}

// YAML may hold neither invalid UTF-8 nor, raw, C0 controls (but tab and newline), DEL, C1 controls,
// U+FEFF, U+FFFE, U+FFFF.
void CheckYaml(const std::string& yaml) {
  if (congvan::text::FindInvalidUtf8(yaml) != std::string::npos) Fail("YAML output is not valid UTF-8");
  for (size_t i = 0; i < yaml.size(); ++i) {
    auto c = static_cast<unsigned char>(yaml[i]);
    bool bad = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ||
               (c == 0xC2 && i + 1 < yaml.size() && static_cast<unsigned char>(yaml[i + 1]) < 0xA0) ||
               (c == 0xEF && (yaml.compare(i, 3, "\xEF\xBB\xBF") == 0 || yaml.compare(i, 3, "\xEF\xBF\xBE") == 0 ||
                              yaml.compare(i, 3, "\xEF\xBF\xBF") == 0));
    if (bad) Fail("YAML output holds a character YAML forbids at byte " + std::to_string(i));
  }
  if (yaml.rfind("schema: \"congvan/1\"\n", 0) != 0) Fail("YAML output does not start with the schema");
}

}  // namespace

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
  CheckJson(json, size);
  CheckYaml(yw.str());
  return 0;
}
