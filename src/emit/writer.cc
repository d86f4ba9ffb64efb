#include "emit/writer.h"

#include <cstdio>

#include "base/utf8.h"
#include "text/decode.h"

namespace congvan::emit {

namespace {

// What a byte starts, for the string loop: plain printable ASCII (copied), a byte JSON escapes, a
// two-byte or a common three-byte letter's lead (checked inline), or anything else (the shared check).
enum ByteClass : unsigned char { kPlain, kEscape, kLead2, kLead3, kOther };

struct ByteClasses {
  ByteClass c[256];
  constexpr ByteClasses() : c() {
    for (int b = 0; b < 256; ++b) {
      c[b] = b < 0x20 || b == '"' || b == '\\' || b == 0x7F ? kEscape
             : b < 0x7F                                      ? kPlain
             : b >= 0xC2 && b <= 0xDF                        ? kLead2
             : b >= 0xE1 && b <= 0xEF && b != 0xE2 && b != 0xED ? kLead3
                                                             : kOther;
    }
  }
};
constexpr ByteClasses kClasses;

}  // namespace

// One pass: runs of plain bytes are copied whole; quotes, backslashes, control bytes and U+2028/U+2029
// are escaped; each byte that does not start a valid UTF-8 sequence becomes U+FFFD.
void AppendJsonString(std::string* out, std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out->reserve(out->size() + n + 2);
  out->push_back('"');
  size_t run = 0, i = 0;
  auto flush = [&] {
    out->append(s.data() + run, i - run);
  };
  while (i < n) {
    unsigned char c = p[i];
    ByteClass k = kClasses.c[c];
    if (k == kPlain) {
      ++i;
      continue;
    }
    if (k == kLead2 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (k == kLead3 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(p, n, i);
      if (len == 3 && c == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        flush();
        out->append(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
        run = i;
      } else if (len == 0) {
        flush();
        out->append("\xEF\xBF\xBD");
        i += 1;
        run = i;
      } else {
        i += len;
      }
      continue;
    }
    flush();
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
    ++i;
    run = i;
  }
  flush();
  out->push_back('"');
}

void JsonWriter::Newline() {
  if (!pretty_) return;
  out_->push_back('\n');
  out_->append(2 * counts_.size(), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!counts_.empty()) {
    if (counts_.back()++ > 0) out_->push_back(',');
    Newline();
  }
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  counts_.push_back(0);
}

void JsonWriter::EndObject() {
  bool any = counts_.back() > 0;
  counts_.pop_back();
  if (any) Newline();
  out_->push_back('}');
  MaybeSpill(*out_);
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  counts_.push_back(0);
}

void JsonWriter::EndArray() {
  bool any = counts_.back() > 0;
  counts_.pop_back();
  if (any) Newline();
  out_->push_back(']');
  MaybeSpill(*out_);
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(out_, key);
  out_->append(pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
  MaybeSpill(*out_);
}

void JsonWriter::Int(long long value) {
  BeforeValue();
  out_->append(std::to_string(value));
}

std::string FormatNumber(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

void JsonWriter::Number(double value) {
  BeforeValue();
  out_->append(FormatNumber(value));
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

namespace {

// A YAML double-quoted scalar: JSON's escapes, plus what YAML does not allow raw: the C1 controls,
// U+FEFF, and the noncharacters U+FFFE and U+FFFF (PyYAML refused a file holding them, issue 13).
std::string YamlQuote(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  if (out.find('\xC2') == std::string::npos && out.find('\xEF') == std::string::npos) return out;
  std::string fixed;
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(out[i + 1]) <= 0x9F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(out[i + 1]));
      fixed += buf;
      ++i;
    } else if (c == 0xEF && out.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      fixed += "\\ufeff";
      i += 2;
    } else if (c == 0xEF && (out.compare(i, 3, "\xEF\xBF\xBE") == 0 || out.compare(i, 3, "\xEF\xBF\xBF") == 0)) {
      fixed += out[i + 2] == '\xBE' ? "\\ufffe" : "\\uffff";
      i += 2;
    } else {
      fixed += static_cast<char>(c);
    }
  }
  return fixed;
}

}  // namespace

std::string YamlWriter::Prefix() {
  if (stack_.empty()) return "";
  Frame& f = stack_.back();
  if (!f.map) return std::string(f.indent, ' ') + "- ";
  if (f.dash_first && f.count == 0) return std::string(f.indent - 2, ' ') + "- ";
  return std::string(f.indent, ' ');
}

void YamlWriter::Flush() {
  for (auto& f : stack_) {
    out_ += f.opener;
    f.opener.clear();
  }
}

void YamlWriter::Open(bool map) {
  Frame f;
  f.map = map;
  f.indent = 0;
  if (stack_.empty()) {
    f.indent = 0;
  } else if (stack_.back().map) {
    Frame& parent = stack_.back();
    std::string lead = Prefix();
    f.opener = lead + key_ + ":\n";
    f.empty = lead + key_ + (map ? ": {}\n" : ": []\n");
    f.indent = parent.indent + 2;
    ++parent.count;
  } else {
    Frame& parent = stack_.back();
    f.indent = parent.indent + 2;
    if (map) {
      f.dash_first = true;
      f.empty = std::string(parent.indent, ' ') + "- {}\n";
    } else {
      f.opener = std::string(parent.indent, ' ') + "-\n";
      f.empty = std::string(parent.indent, ' ') + "- []\n";
    }
    ++parent.count;
  }
  stack_.push_back(std::move(f));
}

void YamlWriter::BeginObject() { Open(true); }
void YamlWriter::BeginArray() { Open(false); }

void YamlWriter::EndObject() {
  Frame f = std::move(stack_.back());
  stack_.pop_back();
  if (f.count == 0) {
    Flush();
    out_ += stack_.empty() ? "{}\n" : f.empty;
  }
}

void YamlWriter::EndArray() {
  Frame f = std::move(stack_.back());
  stack_.pop_back();
  if (f.count == 0) {
    Flush();
    out_ += stack_.empty() ? "[]\n" : f.empty;
  }
}

void YamlWriter::Key(std::string_view key) { key_.assign(key); }

void YamlWriter::Scalar(const std::string& text) {
  Flush();
  if (stack_.empty()) {
    out_ += text + "\n";
    return;
  }
  Frame& f = stack_.back();
  std::string lead = Prefix();
  out_ += f.map ? lead + key_ + ": " + text + "\n" : lead + text + "\n";
  ++f.count;
  MaybeSpill(out_);
}

void YamlWriter::String(std::string_view value) { Scalar(YamlQuote(value)); }
void YamlWriter::Int(long long value) { Scalar(std::to_string(value)); }
void YamlWriter::Number(double value) { Scalar(FormatNumber(value)); }
void YamlWriter::Bool(bool value) { Scalar(value ? "true" : "false"); }
void YamlWriter::Null() { Scalar("null"); }

}  // namespace congvan::emit
