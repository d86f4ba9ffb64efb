// base/json.h: the strict RFC 8259 reader. Tables of valid texts (with what they must read as) and of
// invalid ones (with the byte offset and words the message must give), the YAML constructs that made
// yaml-cpp recurse without end (issue 13: the self-referencing alias, "billion laughs"), surrogate pairs
// as Python's json.dumps writes them, and nesting at and past the limit.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/json.h"

namespace congvan {
namespace {

// A value as compact, canonical text, to compare trees in one CHECK.
std::string Show(const json::Value& v) {
  switch (v.type()) {
    case json::Type::kNull: return "null";
    case json::Type::kBool: return v.Bool() ? "true" : "false";
    case json::Type::kNumber: return std::string("#").append(v.NumberText());
    case json::Type::kString: return std::string("'").append(v.String()).append("'");
    case json::Type::kArray: {
      std::string s = "[";
      for (const auto& x : v.Items()) {
        if (s.size() > 1) s += ",";
        s += Show(x);
      }
      return s + "]";
    }
    case json::Type::kObject: {
      std::string s = "{";
      for (const auto& [k, x] : v.Members()) {
        if (s.size() > 1) s += ",";
        s += k;
        s += ":";
        s += Show(x);
      }
      return s + "}";
    }
  }
  return "?";
}

}  // namespace

TEST_CASE("json: valid texts read as their trees") {
  struct Case {
    std::string text, shown;
  };
  std::vector<Case> cases = {
      {"null", "null"},
      {" true ", "true"},
      {"false", "false"},
      {"0", "#0"},
      {"-0", "#-0"},
      {"12", "#12"},
      {"-3.25e+10", "#-3.25e+10"},
      {"1E-3", "#1E-3"},
      {"\"\"", "''"},
      {"\"a\\\"b\\\\c\\/d\"", "'a\"b\\c/d'"},
      {"\"\\b\\f\\n\\r\\t\"", "'\b\f\n\r\t'"},
      {"\"S\\u1ed1: 1\"", "'Số: 1'"},                 // json.dumps(ensure_ascii=True)
      {"\"Số: 1\"", "'Số: 1'"},                       // raw UTF-8
      {"\"\\u0000\"", std::string("'") + '\0' + "'"},  // an escaped NUL is a character
      {"[]", "[]"},
      {"{}", "{}"},
      {" [ 1 , [ ] , { } ] ", "[#1,[],{}]"},
      {"{\"a\":{\"b\":[null,true]},\"c\":\"x\"}", "{a:{b:[null,true]},c:'x'}"},
      {"\t\r\n{\"k\" : 1}\n", "{k:#1}"},
      {"\"1\"", "'1'"},  // a string that looks like a number stays a string
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto v = json::Parse(c.text);
    REQUIRE_MESSAGE(v.ok(), v.status().message());
    CHECK(Show(*v) == c.shown);
  }
}

TEST_CASE("json: surrogate pairs as Python's json.dumps writes them become one UTF-8 character") {
  // python3 -c 'import json; print(json.dumps("😀 𝕏 Số"))'
  auto v = json::Parse(R"("\ud83d\ude00 \ud835\udd4f S\u1ed1")");
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(v->String() == "😀 𝕏 Số");
  CHECK(v->String().substr(0, 4) == "\xF0\x9F\x98\x80");
  auto upper = json::Parse(R"("\uD83D\uDE00")");
  REQUIRE(upper.ok());
  CHECK(upper->String() == "😀");
}

TEST_CASE("json: invalid texts fail with the byte offset and what is wrong") {
  struct Case {
    std::string name, text, message;  // message: the start of Status::message()
  };
  std::vector<Case> cases = {
      {"empty", "", "at byte 0: expected a value, found the end of the text"},
      {"only space", "  \n", "at byte 3: expected a value"},
      {"trailing comma in array", "[1,]", "at byte 3: expected a value, found ']'"},
      {"trailing comma in object", "{\"a\":1,}", "at byte 7: expected a member name"},
      {"single quotes", "['a']", "at byte 1: expected a value, found ''' (strings take double quotes)"},
      {"unquoted name", "{a:1}", "at byte 1: expected a member name in double quotes"},
      {"missing colon", "{\"a\" 1}", "at byte 5: expected ':'"},
      {"missing comma", "[1 2]", "at byte 3: expected ',' or ']'"},
      {"two values", "{} {}", "at byte 3: unexpected '{' after the JSON value"},
      {"comment", "{} // x", "at byte 3: unexpected '/'"},
      {"leading zero", "01", "at byte 0: a number with a leading zero"},
      {"bare minus", "-", "at byte 1: a number needs a digit"},
      {"dot without digits", "1.", "at byte 2: a digit must follow the decimal point"},
      {"exponent without digits", "1e+", "at byte 3: a digit must follow the exponent"},
      {"plus sign", "+1", "at byte 0: expected a value, found '+'"},
      {"NaN", "NaN", "at byte 0: expected a value, found 'N'"},
      {"truncated true", "tru", "at byte 0: unexpected 't'"},
      {"unclosed string", "\"abc", "at byte 0: a string that is never closed"},
      {"unclosed array", "[1", "at byte 2: expected ',' or ']' after an array item, found end of the text"},
      {"raw newline in string", "\"a\nb\"", "at byte 2: a raw control character in a string"},
      {"raw tab in string", "\"a\tb\"", "at byte 2: a raw control character"},
      {"unknown escape", "\"\\x41\"", "at byte 1: an unknown escape \\x"},
      {"short \\u", "\"\\u12\"", "at byte 5: \\u needs four hex digits, found '\"'"},
      {"lone high surrogate", "\"\\ud83d\"", "at byte 1: a high surrogate \\uD83D without its low half"},
      {"lone low surrogate", "\"\\ude00\"", "at byte 1: a lone low surrogate \\uDE00"},
      {"high surrogate then a letter", "\"\\ud83d\\u0041\"", "at byte 1: a high surrogate \\uD83D followed by \\u0041"},
      {"two high surrogates", "\"\\ud83d\\ud83d\"", "at byte 1: a high surrogate \\uD83D followed by \\uD83D"},
      {"invalid UTF-8 byte", "\"a\xff\"", "at byte 2: invalid UTF-8 in a string"},
      {"overlong UTF-8", "\"\xC0\xAF\"", "at byte 1: invalid UTF-8"},
      {"UTF-8 surrogate", "\"\xED\xA0\x80\"", "at byte 1: invalid UTF-8"},
      {"UTF-8 above U+10FFFF", "\"\xF4\x90\x80\x80\"", "at byte 1: invalid UTF-8"},
      {"cut UTF-8", "\"\xE1\xBB", "at byte 1: invalid UTF-8"},
      {"invalid UTF-8 outside a string", "\xff", "at byte 0: expected a value, found byte 0xFF"},
      {"byte order mark", "\xEF\xBB\xBF{}", "at byte 0: a byte order mark"},
      {"duplicate name", "{\"a\":1,\"a\":2}", "at byte 7: duplicate member name \"a\""},
      {"YAML tag", "!!str x", "at byte 0: expected a value, found '!' (a YAML tag: not JSON)"},
      {"YAML flow without quotes", "{a: b}", "at byte 1: expected a member name"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto v = json::Parse(c.text);
    REQUIRE_FALSE(v.ok());
    CHECK(v.status().code() == Code::kBadRecord);
    CAPTURE(v.status().message());
    CHECK(v.status().message().rfind(c.message, 0) == 0);
  }
}

TEST_CASE("json: duplicate names are found in large objects too") {
  std::string text = "{";
  for (int i = 0; i < 1000; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  auto ok = json::Parse(text + "\"last\":0}");
  REQUIRE_MESSAGE(ok.ok(), ok.status().message());
  CHECK(ok->size() == 1001);
  CHECK(ok->Get("k999").Int() == 999);
  auto dup = json::Parse(text + "\"k500\":0}");
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.status().message().find("duplicate member name \"k500\"") != std::string::npos);
}

TEST_CASE("json: regression: a YAML alias of itself (issue 13, exit 139 in diff) is an error") {
  // The repro of issue 13: yaml-cpp followed the alias into itself until the stack overflowed.
  auto v = json::Parse(R"({"schema":"congvan/1","sections":&s [{"id":"1","sections":*s}]})");
  REQUIRE_FALSE(v.ok());
  CHECK(v.status().message() == "at byte 33: expected a value, found '&' (a YAML anchor: not JSON)");
}

TEST_CASE("json: regression: billion laughs (nested aliases, 172 s in yaml-cpp) is refused at once") {
  // The YAML form, and the same structure spelled inside JSON braces: both stop at the first anchor.
  std::string yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  std::string inside_json = "{\"a\": &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string prev(1, static_cast<char>(c - 1)), name(1, c);
    std::string refs;
    for (int i = 0; i < 9; ++i) refs += (i ? ",*" : "*") + prev;
    yaml += name + ": &" + name + " [" + refs + "]\n";
    inside_json += ", \"" + name + "\": &" + name + " [" + refs + "]";
  }
  inside_json += "}";
  auto y = json::Parse(yaml);
  REQUIRE_FALSE(y.ok());
  CHECK(y.status().message().rfind("at byte 0: expected a value, found 'a'", 0) == 0);
  auto j = json::Parse(inside_json);
  REQUIRE_FALSE(j.ok());
  CHECK(j.status().message() == "at byte 6: expected a value, found '&' (a YAML anchor: not JSON)");
  // Written out in full as JSON, the same document would be 9^10 items: there is no way to write it
  // small, which is the point of refusing aliases.
}

TEST_CASE("json: nesting up to the limit reads, one level more is refused, deep input cannot crash") {
  auto nested = [](size_t depth, char open, char close) {
    return std::string(depth, open) + std::string(depth, close);
  };
  CHECK(json::Parse(nested(64, '[', ']')).ok());
  auto too_deep = json::Parse(nested(65, '[', ']'));
  REQUIRE_FALSE(too_deep.ok());
  CHECK(too_deep.status().message() == "at byte 64: nested deeper than 64 levels");
  std::string objects;
  for (int i = 0; i < 65; ++i) objects += "{\"a\":";
  objects += "1" + std::string(65, '}');
  auto deep_objects = json::Parse(objects);
  REQUIRE_FALSE(deep_objects.ok());
  CHECK(deep_objects.status().message().find("nested deeper than 64 levels") != std::string::npos);
  // A million brackets: refused at the limit, never recursing further (this crashed yaml-cpp).
  auto million = json::Parse(std::string(1000000, '['));
  REQUIRE_FALSE(million.ok());
  CHECK(million.status().message() == "at byte 64: nested deeper than 64 levels");
  CHECK(json::Parse(nested(3, '[', ']'), 2).ok() == false);  // the limit is a parameter
}

TEST_CASE("json: numbers stay numbers, integers are read exactly or not at all") {
  auto v = json::Parse(R"({"line": 12, "score": 0.413, "big": 1e400, "neg": -7, "frac": 2.0, "s": "12"})");
  REQUIRE(v.ok());
  CHECK(v->Get("line").Int() == 12);
  CHECK(v->Get("neg").Int() == -7);
  CHECK(v->Get("line").Int(0, 10) == std::nullopt);  // out of the asked range
  CHECK(v->Get("frac").Int() == std::nullopt);       // "2.0" is not written as an integer
  CHECK(v->Get("big").Int() == std::nullopt);
  CHECK(v->Get("score").Double() == doctest::Approx(0.413));
  CHECK(v->Get("s").IsString());
  CHECK(v->Get("s").Int() == std::nullopt);  // a string is not a number
  CHECK(v->Get("missing").IsNull());
  CHECK_FALSE(v->Has("missing"));
  CHECK(v->Get("line").Get("x").IsNull());  // Get on a non-object is null, never a crash
  auto huge = json::Parse("123456789012345678901234567890");
  REQUIRE(huge.ok());
  CHECK(huge->Int() == std::nullopt);
  CHECK(huge->Double() == doctest::Approx(1.2345678901e29));
}

TEST_CASE("json: a large string is read in one piece") {
  std::string body(4 << 20, 'x');
  auto v = json::Parse("{\"text\": \"" + body + "\\n\"}");
  REQUIRE(v.ok());
  CHECK(v->Get("text").String().size() == body.size() + 1);
}

}  // namespace congvan
