// base/json.h: the strict RFC 8259 reader. Tables of valid texts (with what they must read as) and of
// invalid ones (with the byte offset and words the message must give), the YAML constructs that made
// yaml-cpp recurse without end (issue 13: the self-referencing alias, "billion laughs"), surrogate pairs
// as Python's json.dumps writes them, and nesting at and past the limit. Since the reader runs on simdjson
// (json.h), also the cases where simdjson alone is laxer than these rules or reads differently (literals
// with trailing letters, numbers it would convert or refuse, names equal once unescaped, depth past
// simdjson's own limit, threads, views into longer buffers, a large text then a small one).
#include <doctest/doctest.h>

#include <string>
#include <thread>
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

// Texts that must be refused as bad records, each with the start of the message it must give.
struct Refusal {
  std::string name, text, message;
};

void CheckRefused(const std::vector<Refusal>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto v = json::Parse(c.text);
    REQUIRE_FALSE(v.ok());
    CHECK(v.status().code() == Code::kBadRecord);
    CAPTURE(v.status().message());
    CHECK(v.status().message().rfind(c.message, 0) == 0);
  }
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
  std::vector<Refusal> cases = {
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
  CheckRefused(cases);
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

namespace congvan {

// The cases simdjson, which json.cc reads with, does not refuse by itself or reads differently: each must
// give the hand-written reader's message (json.cc re-reads a refused text with it, so messages stay).
TEST_CASE("json: what simdjson alone would take is refused with the usual message") {
  std::vector<Refusal> cases = {
      // simdjson 3.0.1 reads a root "falsex" as false: the literal is checked as written.
      {"root false with a letter after", "falsex", "at byte 5: unexpected 'x' after the JSON value"},
      {"root true with a letter after", "truex", "at byte 4: unexpected 'x' after the JSON value"},
      {"root null with a digit after", "null1", "at byte 4: unexpected '1' after the JSON value"},
      {"root true with a string after", "true\"\"", "at byte 4: unexpected '\"' after the JSON value"},
      {"false with a letter after in an array", "[falsex]", "at byte 6: expected ',' or ']' after an array item"},
      {"a cut null", "{\"a\":nul}", "at byte 5: unexpected 'n'"},
      // Duplicates, which simdjson never looks for: nested, and equal only once unescaped.
      {"duplicate in a nested object", "{\"a\":[1,{\"b\":2,\"b\":3}]}", "at byte 15: duplicate member name \"b\""},
      {"duplicate once unescaped", "{\"a\":1,\"\\u0061\":2}", "at byte 7: duplicate member name \"a\""},
      // Names go through the same checks as values.
      {"lone surrogate in a name", "{\"\\ud83d\":1}", "at byte 2: a high surrogate \\uD83D without its low half"},
      {"raw control character in a name", "{\"a\tb\":1}", "at byte 3: a raw control character in a string"},
      // Number tokens: simdjson hands out the token, the grammar is checked here.
      {"two minus signs", "[--1]", "at byte 2: a number needs a digit here, found '-'"},
      {"exponent without digits in an array", "[1.5e]", "at byte 5: a digit must follow the exponent, found ']'"},
      {"hex number", "[0x10]", "at byte 2: expected ',' or ']' after an array item, found 'x'"},
      // Only JSON's four white space characters, and nothing after the value.
      {"NUL after the value", std::string("{}\0", 3), "at byte 2: unexpected byte 0x00 after the JSON value"},
      {"form feed before", "\f{}", "at byte 0: expected a value, found byte 0x0C"},
      {"vertical tab after", "{}\v", "at byte 2: unexpected byte 0x0B after the JSON value"},
      {"no-break space before", "\xC2\xA0{}", "at byte 0: expected a value, found byte 0xC2"},
      {"extra closing bracket", "[1]]", "at byte 3: unexpected ']' after the JSON value"},
      {"extra closing brace", "{\"a\":1}}", "at byte 7: unexpected '}' after the JSON value"},
  };
  CheckRefused(cases);
}

TEST_CASE("json: number literals are kept as written where simdjson would convert or refuse them") {
  // 1e400 overflows a double and 2^64 a 64-bit integer (simdjson refuses both); -0 and 1E-3 would come
  // back from a double as 0 and 0.001. White space after a token is not part of it.
  auto v = json::Parse("[1e400, 18446744073709551616 ,-0\t,1E-3 , 12\n]");
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(Show(*v) == "[#1e400,#18446744073709551616,#-0,#1E-3,#12]");
  auto root = json::Parse(" 1e400 \n");
  REQUIRE(root.ok());
  CHECK(root->NumberText() == "1e400");
  CHECK(Show(*json::Parse("[true ,false\n, null ]")) == "[true,false,null]");
}

TEST_CASE("json: surrogate pairs in names and nested strings") {
  auto v = json::Parse(R"({"\ud83d\ude00": ["\ud835\udd4f", {"k": "\uD83D\uDE00"}]})");
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(Show(*v) == "{😀:['𝕏',{k:'😀'}]}");
}

TEST_CASE("json: a depth limit is the caller's, up to kMaxDepth") {
  std::string deep = std::string(400, '[') + std::string(400, ']');
  CHECK(json::Parse(deep, 500).ok());
  auto refused = json::Parse(deep, 399);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message() == "at byte 399: nested deeper than 399 levels");
}

TEST_CASE("regression: a depth limit of 2000 let 1,500 levels overflow the stack under AddressSanitizer") {
  std::string deep = std::string(1500, '[') + std::string(1500, ']');
  auto refused = json::Parse(deep, 2000);  // counts as kMaxDepth
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message() == "at byte 512: nested deeper than 512 levels");
}

TEST_CASE("json: a view into a longer buffer reads only the view") {
  std::string buffer = "[1]]{\"a\":2}";
  auto v = json::Parse(std::string_view(buffer).substr(0, 3));
  REQUIRE_MESSAGE(v.ok(), v.status().message());
  CHECK(Show(*v) == "[#1]");
  auto tail = json::Parse(std::string_view(buffer).substr(4));
  REQUIRE(tail.ok());
  CHECK(tail->Get("a").Int() == 2);
  CHECK(json::Parse(std::string_view(buffer).substr(0, 2)).ok() == false);  // "[1" is cut
}

TEST_CASE("json: a large text then small ones, and threads reading at once") {
  // The per-thread simdjson buffers grow for the large text and are dropped after it.
  std::string body(6 << 20, 'y');
  auto big = json::Parse("[\"" + body + "\"]");
  REQUIRE(big.ok());
  CHECK(big->Items()[0].String().size() == body.size());
  auto small = json::Parse(R"({"a": "b"})");
  REQUIRE(small.ok());
  CHECK(small->Get("a").String() == "b");
  // Several threads, each its own parser: every one reads its own texts right.
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &good] {
      for (int i = 0; i < 200; ++i) {
        std::string text = "{\"t\": " + std::to_string(t) + ", \"i\": " + std::to_string(i) + ", \"s\": \"" +
                           std::string(static_cast<size_t>(i * 37 + t), 's') + "\"}";
        auto v = json::Parse(text);
        if (v.ok() && v->Get("t").Int() == t && v->Get("i").Int() == i &&
            v->Get("s").String().size() == static_cast<size_t>(i * 37 + t)) {
          ++good[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(good == std::vector<int>(4, 200));
}

}  // namespace congvan
