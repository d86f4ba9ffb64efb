// A strict RFC 8259 JSON reader: text -> a small tree of values (null, bool, number, string, array,
// object). Used wherever congvan reads JSON (diff/matrix reading congvan's own output, JSON Lines input
// records, the fuzz harness checking its output); YAML stays with yaml-cpp in the grammar loader.
//
// Reads with simdjson (Debian's libsimdjson-dev, its On-Demand API), chosen by bench/json_bench.cc over
// the 138 MB of JSON Lines congvan writes for the corpus (README.md, "JSON reader"): 2,250-2,650 MB/s for
// simdjson alone against 310-550 for RapidJSON and 120-145 for nlohmann::json; with the tree below built,
// Parse went from 196-288 MB/s (the hand-written reader it replaces) to 496-750. simdjson is lax where
// these rules are not, so json.cc checks around it: duplicate names, the depth limit, a number's grammar
// (its literal is taken as written: simdjson would refuse 1e400 and convert the rest), and true, false
// and null spelled exactly (simdjson 3.0.1 takes "falsex" as a root false). When simdjson or a check
// refuses a text, the strict hand-written reader reads it again to say where and why: messages are the
// same as before simdjson, and a text simdjson cannot take (over 4 GB) is read by it whole.
//
// Takes the whole text (UTF-8). Returns the value, or a Status (Code::kBadRecord) whose message starts
// with the byte offset (0-based) of the problem: "at byte 17: expected ',' or '}' after an object member".
// Strict on purpose:
//   - exactly one value, surrounded only by JSON white space (space, tab, CR, LF); no BOM, no comments,
//     no trailing commas, no single quotes, no YAML (aliases "*a", anchors "&a", tags "!!" are errors);
//   - strings: raw bytes must be valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF),
//     no raw control characters; "\uD83D\uDE00" (a surrogate pair, as Python's json.dumps writes any
//     character outside the BMP) becomes one 4-byte UTF-8 character; a lone surrogate is an error;
//   - numbers follow RFC 8259's grammar and stay numbers (their literal text is kept; a string "1" is
//     not the number 1);
//   - arrays and objects nest at most max_depth deep (64 by default, never more than kMaxDepth = 512)
//     and the parser's recursion is bounded by it, so hostile input cannot exhaust the stack;
//   - an object with the same name twice is an error (RFC 7493, I-JSON: which one wins is undefined).
// Safe to call from several threads at once (each keeps its own simdjson parser). Memory: the tree, plus
// simdjson's buffers (a padded copy of the text, its index of structural characters, the unescaped
// strings: 0.8 to 1.8 bytes per byte of text more than the hand-written reader needed, measured on 19 to
// 52 MB texts), kept per thread for texts up to 4 MB and freed after larger ones. Time is linear.
//
// Example:
//   Result<json::Value> v = json::Parse(R"({"path": "a.txt", "text": "S\u1ed1: 1"})");
//   v->Get("text").String()   -> "Số: 1"
//   v->Get("missing").IsNull() -> true (a missing member reads as null; Has() tells them apart)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace congvan::json {

inline constexpr size_t kDefaultMaxDepth = 64;
inline constexpr size_t kMaxDepth = 512;  // a larger max_depth counts as this

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

// "null", "bool", "number", "string", "array", "object": for messages.
std::string_view TypeName(Type t);

class Value {
 public:
  using Member = std::pair<std::string, Value>;

  Value() = default;
  Type type() const { return type_; }
  bool IsNull() const { return type_ == Type::kNull; }
  bool IsBool() const { return type_ == Type::kBool; }
  bool IsNumber() const { return type_ == Type::kNumber; }
  bool IsString() const { return type_ == Type::kString; }
  bool IsArray() const { return type_ == Type::kArray; }
  bool IsObject() const { return type_ == Type::kObject; }

  bool Bool() const { return bool_; }                 // false unless IsBool()
  const std::string& String() const { return text_; } // a string's value; "" unless IsString()
  std::string& MutableString() { return text_; }      // to move a large string out
  const std::string& NumberText() const { return text_; }  // a number as written ("1e3", "-0.5")
  double Double() const;                              // a number's value; 0 unless IsNumber()
  // A number that is an integer within [lo, hi] ("12", not "12.5" or "1e400"); nullopt otherwise.
  std::optional<int64_t> Int(int64_t lo = INT64_MIN, int64_t hi = INT64_MAX) const;

  const std::vector<Value>& Items() const { return items_; }     // an array's items
  const std::vector<Member>& Members() const { return members_; }  // an object's members, in order
  size_t size() const { return IsArray() ? items_.size() : members_.size(); }

  // An object's member, or nullptr (also when this is not an object).
  const Value* Find(std::string_view name) const;
  Value* Find(std::string_view name) { return const_cast<Value*>(std::as_const(*this).Find(name)); }
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  // An object's member, or a null value when it is missing or this is not an object.
  const Value& Get(std::string_view name) const;

 private:
  friend class Parser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  std::string text_;  // a string's value or a number's literal
  std::vector<Value> items_;
  std::vector<Member> members_;
};

Result<Value> Parse(std::string_view text, size_t max_depth = kDefaultMaxDepth);

}  // namespace congvan::json
