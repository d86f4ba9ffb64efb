// The JSON and YAML writers: escaping that is right for any input, and the same tree in both.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "emit/writer.h"

namespace congvan::emit {
namespace {

void Tree(Writer& w, const std::string& text) {
  w.BeginObject();
  w.Key("a");
  w.String(text);
  w.Key("e");
  w.BeginArray();
  w.EndArray();
  w.Key("m");
  w.BeginObject();
  w.EndObject();
  w.Key("s");
  w.BeginArray();
  w.BeginObject();
  w.Key("k");
  w.Int(1);
  w.Key("n");
  w.BeginArray();
  w.String("z");
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.EndObject();
  w.BeginObject();
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

}  // namespace

TEST_CASE("emit: JSON escaping") {
  struct Case {
    std::string in, out;
  };
  for (const auto& [in, out] : std::vector<Case>{
           {"Sở Y tế", "\"Sở Y tế\""},
           {"a\"b\\c", "\"a\\\"b\\\\c\""},
           {"x\ny\tz\r", "\"x\\ny\\tz\\r\""},
           {std::string("\x01\x1f\x7f", 3), "\"\\u0001\\u001f\\u007f\""},
           {"\xE2\x80\xA8", "\"\\u2028\""},
           {"bad \xFF byte", "\"bad \xEF\xBF\xBD byte\""},  // invalid UTF-8 -> U+FFFD
       }) {
    std::string got;
    AppendJsonString(&got, in);
    CHECK(got == out);
  }
}

TEST_CASE("emit: YAML and JSON give the same tree for awkward text") {
  for (const std::string& text : std::vector<std::string>{std::string("plain"), std::string("x\x7f\xc2\x85 \"q\" \\ \t\xef\xbb\xbf\n:- # &*!|>'%@`"),
                                 std::string("- item"), std::string("null"), std::string("123"),
                                 std::string("yes"), std::string(" lead"), std::string("")}) {
    CAPTURE(text);
    std::string json;
    JsonWriter jw(&json, false);
    Tree(jw, text);
    YamlWriter yw;
    Tree(yw, text);
    YAML::Node from_json = YAML::Load(json);
    YAML::Node from_yaml = YAML::Load(yw.str());
    CHECK(from_yaml["a"].as<std::string>() == from_json["a"].as<std::string>());
    CHECK(from_yaml["a"].as<std::string>() == text);
    CHECK(from_yaml["e"].IsSequence());
    CHECK(from_yaml["e"].size() == 0);
    CHECK(from_yaml["m"].IsMap());
    CHECK(from_yaml["s"][0]["k"].as<int>() == 1);
    CHECK(from_yaml["s"][0]["n"][0].as<std::string>() == "z");
    CHECK(from_yaml["s"][0]["n"][1].IsNull());
    CHECK(from_yaml["s"][0]["n"][2].as<bool>());
    CHECK(from_yaml["s"][1].IsMap());
  }
}

}  // namespace congvan::emit
