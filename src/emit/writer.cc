#include "emit/writer.h"

#include <yaml-cpp/yaml.h>

#include "text/decode.h"

namespace congvan::emit {

void AppendJsonString(std::string* out, std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  out->push_back('"');
  // Fast path: nothing to escape (no quote, backslash, control byte, U+2028/9) and valid UTF-8.
  bool plain = true;
  for (unsigned char c : s) {
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == 0xE2) {
      plain = false;
      break;
    }
  }
  if (plain && text::FindInvalidUtf8(s) == std::string_view::npos) {
    out->append(s);
    out->push_back('"');
    return;
  }
  size_t bad = text::FindInvalidUtf8(s);
  std::string fixed;
  if (bad != std::string_view::npos) {
    // Replace each invalid byte with U+FFFD.
    while (bad != std::string_view::npos) {
      fixed.append(s.substr(0, bad));
      fixed.append("\xEF\xBF\xBD");
      s.remove_prefix(bad + 1);
      bad = text::FindInvalidUtf8(s);
    }
    fixed.append(s);
    s = fixed;
  }
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
          out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
          i += 2;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
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
}

void JsonWriter::Int(long long value) {
  BeforeValue();
  out_->append(std::to_string(value));
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

YamlWriter::YamlWriter() {
  e_.SetStringFormat(YAML::DoubleQuoted);
  e_.SetOutputCharset(YAML::EmitNonAscii);
}
void YamlWriter::BeginObject() { e_ << YAML::BeginMap; }
void YamlWriter::EndObject() { e_ << YAML::EndMap; }
void YamlWriter::BeginArray() { e_ << YAML::BeginSeq; }
void YamlWriter::EndArray() { e_ << YAML::EndSeq; }
void YamlWriter::Key(std::string_view key) {
  e_ << YAML::Key << YAML::Auto << std::string(key) << YAML::Value;
}
void YamlWriter::String(std::string_view value) { e_ << YAML::DoubleQuoted << std::string(value); }
void YamlWriter::Int(long long value) { e_ << value; }
void YamlWriter::Bool(bool value) { e_ << value; }
void YamlWriter::Null() { e_ << YAML::Null; }
std::string YamlWriter::str() const { return std::string(e_.c_str()) + "\n"; }

}  // namespace congvan::emit
