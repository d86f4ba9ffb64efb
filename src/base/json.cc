#include "base/json.h"

#include "base/utf8.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_set>

namespace congvan::json {

std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kNull: return "null";
    case Type::kBool: return "bool";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "?";
}

double Value::Double() const {
  if (!IsNumber()) return 0;
  double d = 0;
  auto r = std::from_chars(text_.data(), text_.data() + text_.size(), d);
  if (r.ec == std::errc::result_out_of_range) return text_[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  return d;
}

std::optional<int64_t> Value::Int(int64_t lo, int64_t hi) const {
  if (!IsNumber()) return std::nullopt;
  int64_t v = 0;
  auto r = std::from_chars(text_.data(), text_.data() + text_.size(), v);
  if (r.ec != std::errc() || r.ptr != text_.data() + text_.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

const Value* Value::Find(std::string_view name) const {
  for (const auto& [k, v] : members_) {
    if (k == name) return &v;
  }
  return nullptr;
}

const Value& Value::Get(std::string_view name) const {
  static const Value kNull;
  const Value* v = Find(name);
  return v ? *v : kNull;
}

namespace {

// Whether `name` is already a member of `obj`, an object being built (ask before appending it): a linear
// search while the object is small, then a hash set of its names, filled once.
class NameSet {
 public:
  bool Seen(const Value& obj, std::string_view name) {
    constexpr size_t kLinearNames = 16;
    if (obj.Members().size() < kLinearNames) return obj.Find(name) != nullptr;
    if (names_.empty()) {
      for (const auto& m : obj.Members()) names_.insert(m.first);
    }
    return !names_.emplace(name).second;
  }

 private:
  std::unordered_set<std::string> names_;
};

// RFC 8259's number grammar, the whole of `s`: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsNumberLiteral(std::string_view s) {
  size_t i = 0, n = s.size();
  auto digits = [&] {
    size_t start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < n && s[i] == '-') ++i;
  if (i < n && s[i] == '0') {
    ++i;
  } else if (!(i < n && s[i] >= '1' && s[i] <= '9') || !digits()) {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == n;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

namespace od = simdjson::ondemand;

// Per thread: simdjson's parser (its buffers grow to the largest text read) and the padded copy of the
// text it reads. Both are dropped after a text over kKeep, so one huge record does not stay resident.
struct Scratch {
  static constexpr size_t kKeep = 4 << 20;
  od::parser parser;
  std::unique_ptr<char[]> padded;
  size_t padded_size = 0;

  // The text followed by simdjson's padding, as simdjson wants its input.
  simdjson::padded_string_view Pad(std::string_view text) {
    size_t need = text.size() + simdjson::SIMDJSON_PADDING;
    if (padded_size < need) {
      padded.reset(new char[need]);
      padded_size = need;
    }
    if (!text.empty()) std::memcpy(padded.get(), text.data(), text.size());
    std::memset(padded.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(padded.get(), text.size(), padded_size);
  }
  void Trim() {
    if (padded_size > kKeep + simdjson::SIMDJSON_PADDING) {
      padded.reset();
      padded_size = 0;
    }
    if (parser.capacity() > kKeep) parser = od::parser();
  }
};

}  // namespace

// Both readers, in the one class json.h lets build Values: the fast one on simdjson (Fast), and the
// hand-written strict one (Run), which gives the message ("at byte N: ...") when the fast one refuses.
class Parser {
 public:
  // ---- simdjson's On-Demand API, with the checks it lacks ----
  // The tree of `text` into *out, or false when simdjson or one of the checks refuses it (for whatever
  // reason: Run then says which, at which byte). Accepts only what Run accepts, into the same tree (a
  // differential fuzz against Run checked it: README.md, "JSON reader").
  static bool Fast(std::string_view text, size_t max_depth, Value* out) {
    if (text.size() > simdjson::SIMDJSON_MAXSIZE_BYTES) return false;
    thread_local Scratch scratch;
    bool ok = FastIn(&scratch, text, max_depth, out);
    scratch.Trim();
    return ok;
  }

  Parser(std::string_view s, size_t max_depth) : s_(s), max_depth_(max_depth) {}

  Result<Value> Run() {
    Value v;
    SkipSpace();
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") return Error(0, "a byte order mark (U+FEFF) before the JSON value");
    if (!ParseValue(&v, 0)) return std::move(error_);
    SkipSpace();
    if (i_ < s_.size()) return Error(i_, "unexpected " + Describe(i_) + " after the JSON value");
    return v;
  }

 private:
  static bool FastIn(Scratch* scratch, std::string_view text, size_t max_depth, Value* out) {
    od::document doc;
    if (scratch->parser.iterate(scratch->Pad(text)).get(doc)) return false;
    bool scalar = false;
    if (doc.is_scalar().get(scalar)) return false;
    if (scalar) {
      // A lone number, string, true, false or null: its token (with the white space after it) must
      // reach the end of the text, since the document reads no further than the token.
      std::string_view raw;
      if (doc.raw_json_token().get(raw)) return false;
      const char* base = scratch->padded.get();
      if (raw.data() + raw.size() != base + text.size()) return false;
      return Scalar(doc, raw, out);
    }
    od::value root;
    if (doc.get_value().get(root) || !Container(root, 1, max_depth, out)) return false;
    // Nothing but white space after the root's closing bracket.
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
  }

  // An array or object at nesting `depth` (the root's is 1).
  static bool Container(od::value& v, size_t depth, size_t max_depth, Value* out) {
    if (depth > max_depth) return false;
    od::json_type t;
    if (v.type().get(t)) return false;
    if (t == od::json_type::array) {
      od::array a;
      if (v.get_array().get(a)) return false;
      out->type_ = Type::kArray;
      for (auto item : a) {
        od::value iv;
        if (item.get(iv)) return false;
        out->items_.emplace_back();
        if (!Any(iv, depth, max_depth, &out->items_.back())) return false;
      }
      return true;
    }
    od::object o;
    if (v.get_object().get(o)) return false;
    out->type_ = Type::kObject;
    NameSet names;
    for (auto field : o) {
      std::string_view name;
      if (field.unescaped_key().get(name)) return false;
      if (names.Seen(*out, name)) return false;  // a duplicate name
      out->members_.emplace_back(std::string(name), Value());
      od::value fv;
      if (field.value().get(fv) || !Any(fv, depth, max_depth, &out->members_.back().second)) return false;
    }
    return true;
  }

  // Any value inside a container at nesting `depth`.
  static bool Any(od::value& v, size_t depth, size_t max_depth, Value* out) {
    od::json_type t;
    if (v.type().get(t)) return false;
    if (t == od::json_type::array || t == od::json_type::object) return Container(v, depth + 1, max_depth, out);
    return Scalar(v, v.raw_json_token(), out);
  }

  // A scalar (value or scalar document) whose raw token, white space after it included, is `raw`.
  template <class V>
  static bool Scalar(V& v, std::string_view raw, Value* out) {
    od::json_type t;
    if (v.type().get(t)) return false;
    switch (t) {
      case od::json_type::string: {
        std::string_view s;
        if (v.get_string().get(s)) return false;  // escapes, surrogate pairs (lone halves refused)
        out->type_ = Type::kString;
        out->text_.assign(s);
        return true;
      }
      case od::json_type::number:
      case od::json_type::boolean:
      case od::json_type::null:
        // Taken from the token as written, checked here: simdjson converts numbers to double or int64
        // (refusing 1e400) where json.h keeps the literal, and its root-level true, false and null accept
        // trailing letters ("falsex", simdjson 3.0.1).
        while (!raw.empty() && IsJsonSpace(raw.back())) raw.remove_suffix(1);
        if (t == od::json_type::number) {
          if (!IsNumberLiteral(raw)) return false;
          out->type_ = Type::kNumber;
          out->text_.assign(raw);
          return true;
        }
        if (t == od::json_type::null) return raw == "null";  // out is null already
        if (raw != "true" && raw != "false") return false;
        out->type_ = Type::kBool;
        out->bool_ = raw == "true";
        return true;
      default: return false;
    }
  }

  // ---- the strict reader ----
  Status Error(size_t at, const std::string& msg) {
    return Status(Code::kBadRecord, "at byte " + std::to_string(at) + ": " + msg);
  }
  bool Fail(size_t at, const std::string& msg) {
    error_ = Error(at, msg);
    return false;
  }
  // What stands at byte `at`, for messages: "'&' (a YAML anchor: not JSON)", "the end of the text".
  std::string Describe(size_t at) const {
    if (at >= s_.size()) return "end of the text";
    unsigned char c = s_[at];
    std::string what;
    if (c >= 0x20 && c < 0x7F) {
      what = std::string("'") + static_cast<char>(c) + "'";
    } else {
      static const char* kHex = "0123456789ABCDEF";
      what = std::string("byte 0x") + kHex[c >> 4] + kHex[c & 0xF];
    }
    if (c == '&') what += " (a YAML anchor: not JSON)";
    if (c == '*') what += " (a YAML alias: not JSON)";
    if (c == '!') what += " (a YAML tag: not JSON)";
    if (c == '\'') what += " (strings take double quotes)";
    return what;
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return Fail(i_, "unexpected " + Describe(i_));
    i_ += word.size();
    return true;
  }

  bool ParseValue(Value* v, size_t depth) {
    if (i_ >= s_.size()) return Fail(i_, "expected a value, found the end of the text");
    char c = s_[i_];
    switch (c) {
      case '{': return ParseObject(v, depth + 1);
      case '[': return ParseArray(v, depth + 1);
      case '"':
        v->type_ = Type::kString;
        return ParseString(&v->text_);
      case 't':
        v->type_ = Type::kBool;
        v->bool_ = true;
        return Literal("true");
      case 'f':
        v->type_ = Type::kBool;
        return Literal("false");
      case 'n': return Literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(v);
        return Fail(i_, "expected a value, found " + Describe(i_));
    }
  }

  bool Enter(size_t depth) {
    if (depth > max_depth_) return Fail(i_, "nested deeper than " + std::to_string(max_depth_) + " levels");
    return true;
  }

  bool ParseArray(Value* v, size_t depth) {
    if (!Enter(depth)) return false;
    v->type_ = Type::kArray;
    ++i_;  // '['
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return true;
    }
    while (true) {
      SkipSpace();
      v->items_.emplace_back();
      if (!ParseValue(&v->items_.back(), depth)) return false;
      SkipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return true;
      }
      return Fail(i_, "expected ',' or ']' after an array item, found " + Describe(i_));
    }
  }

  bool ParseObject(Value* v, size_t depth) {
    if (!Enter(depth)) return false;
    v->type_ = Type::kObject;
    ++i_;  // '{'
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return true;
    }
    NameSet names;
    while (true) {
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != '"') {
        return Fail(i_, "expected a member name in double quotes, found " + Describe(i_));
      }
      size_t name_at = i_;
      std::string name;
      if (!ParseString(&name)) return false;
      if (names.Seen(*v, name)) return Fail(name_at, "duplicate member name \"" + name + "\"");
      SkipSpace();
      if (i_ >= s_.size() || s_[i_] != ':') return Fail(i_, "expected ':' after a member name, found " + Describe(i_));
      ++i_;
      SkipSpace();
      v->members_.emplace_back(std::move(name), Value());
      if (!ParseValue(&v->members_.back().second, depth)) return false;
      SkipSpace();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return true;
      }
      return Fail(i_, "expected ',' or '}' after an object member, found " + Describe(i_));
    }
  }

  bool ParseNumber(Value* v) {
    size_t start = i_;
    auto digit = [&] { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; };
    if (s_[i_] == '-') ++i_;
    if (!digit()) return Fail(i_, "a number needs a digit here, found " + Describe(i_));
    if (s_[i_] == '0') {
      ++i_;
      if (digit()) return Fail(start, "a number with a leading zero");
    } else {
      while (digit()) ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digit()) return Fail(i_, "a digit must follow the decimal point, found " + Describe(i_));
      while (digit()) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digit()) return Fail(i_, "a digit must follow the exponent, found " + Describe(i_));
      while (digit()) ++i_;
    }
    v->type_ = Type::kNumber;
    v->text_.assign(s_.substr(start, i_ - start));
    return true;
  }

  static void AppendUtf8(std::string* out, uint32_t c) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }

  // Four hex digits at i_ (after "\u"); advances past them.
  bool Hex4(uint32_t* out) {
    uint32_t v = 0;
    for (size_t k = 0; k < 4; ++k) {
      int d = -1;
      if (i_ + k < s_.size()) {
        char c = s_[i_ + k];
        d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      }
      if (d < 0) return Fail(i_ + k, "\\u needs four hex digits, found " + Describe(i_ + k));
      v = v * 16 + static_cast<uint32_t>(d);
    }
    i_ += 4;
    *out = v;
    return true;
  }

  // Length of the valid UTF-8 sequence at i_ (a lead byte >= 0x80), or 0.
  size_t Utf8Length() const {
    return Utf8SequenceLength(reinterpret_cast<const unsigned char*>(s_.data()), s_.size(), i_);
  }

  bool ParseString(std::string* out) {
    size_t open = i_++;
    while (true) {
      // A run of plain bytes at once.
      size_t run = i_;
      while (run < s_.size()) {
        unsigned char c = s_[run];
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++run;
      }
      out->append(s_.substr(i_, run - i_));
      i_ = run;
      if (i_ >= s_.size()) return Fail(open, "a string that is never closed");
      unsigned char c = s_[i_];
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return Fail(i_, "a raw control character in a string (write it as \\u00XX)");
      if (c >= 0x80) {
        size_t len = Utf8Length();
        if (len == 0) return Fail(i_, "invalid UTF-8 in a string");
        out->append(s_.substr(i_, len));
        i_ += len;
        continue;
      }
      // A backslash escape.
      size_t esc = i_++;
      if (i_ >= s_.size()) return Fail(open, "a string that is never closed");
      char e = s_[i_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t u;
          if (!Hex4(&u)) return false;
          if (u >= 0xDC00 && u <= 0xDFFF) return Fail(esc, "a lone low surrogate \\u" + HexText(u));
          if (u >= 0xD800 && u <= 0xDBFF) {
            uint32_t lo = 0;
            if (s_.substr(i_, 2) != "\\u") return Fail(esc, "a high surrogate \\u" + HexText(u) + " without its low half");
            i_ += 2;
            if (!Hex4(&lo)) return false;
            if (lo < 0xDC00 || lo > 0xDFFF) {
              return Fail(esc, "a high surrogate \\u" + HexText(u) + " followed by \\u" + HexText(lo) + ", not a low surrogate");
            }
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(out, u);
          break;
        }
        default:
          return Fail(esc, "an unknown escape \\" + std::string(1, e));
      }
    }
  }

  static std::string HexText(uint32_t u) {
    static const char* kHex = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) s.push_back(kHex[(u >> shift) & 0xF]);
    return s;
  }

  std::string_view s_;
  size_t max_depth_;
  size_t i_ = 0;
  Status error_;
};

Result<Value> Parse(std::string_view text, size_t max_depth) {
  // Both readers recurse once a level: past kMaxDepth a thread's stack could run out (1,500 levels did
  // under AddressSanitizer, whose frames are larger), so no caller can ask for more.
  max_depth = std::min(max_depth, kMaxDepth);
  Value v;
  if (Parser::Fast(text, max_depth, &v)) return v;
  // Refused (or beyond simdjson, e.g. over 4 GB): the strict reader says why and where, or reads it.
  return Parser(text, max_depth).Run();
}

}  // namespace congvan::json
