// Stage 5, emit: a streaming tree writer with JSON and YAML back ends, and the one function that walks a
// Document (document_writer.h), so both formats print the same tree.
//
// JsonWriter escapes per RFC 8259 (quote, backslash, control characters as \uXXXX or short escapes;
// bytes that are not valid UTF-8 become U+FFFD, so the output is always valid JSON). Compact mode prints
// one line (JSON Lines); pretty mode indents by two spaces. YamlWriter prints block-style YAML 1.2 with
// every string double-quoted and escaped (JSON's escapes are YAML's, plus C1 controls, U+FEFF, U+FFFE
// and U+FFFF), so
// any text round-trips. It replaced yaml-cpp's Emitter when bench/ showed the emitter took 40% of a
// YAML run (43 MB/s even with double-quoted strings). Neither fails.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace congvan::emit {

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void BeginObject() = 0;
  virtual void EndObject() = 0;
  virtual void BeginArray() = 0;
  virtual void EndArray() = 0;
  virtual void Key(std::string_view key) = 0;
  virtual void String(std::string_view value) = 0;
  virtual void Int(long long value) = 0;
  virtual void Number(double value) = 0;  // printed with up to 3 decimals ("0.413")
  virtual void Bool(bool value) = 0;
  virtual void Null() = 0;
  // A hint: about this many more bytes will be written (a writer may reserve them at once).
  virtual void Reserve(size_t /*bytes*/) {}
  // Streaming: whenever the text held reaches `at` bytes it is handed to `spill` and dropped, so a large
  // document's output never sits whole in memory (a 1 MB input can print 19 MB). The caller takes the
  // rest at the end as usual. Off by default.
  void SpillTo(std::function<void(std::string_view)> spill, size_t at = 64 * 1024) {
    spill_ = std::move(spill);
    spill_at_ = at;
  }

 protected:
  // The most a streaming writer holds before it spills (a little over the spill size), or "no limit".
  size_t Streaming() const { return spill_ ? spill_at_ + spill_at_ / 4 : static_cast<size_t>(-1); }
  void MaybeSpill(std::string& held) {
    if (spill_ && held.size() >= spill_at_) {
      spill_(held);
      held.clear();
    }
  }

 private:
  std::function<void(std::string_view)> spill_;
  size_t spill_at_ = 0;
};

class JsonWriter : public Writer {
 public:
  explicit JsonWriter(std::string* out, bool pretty) : out_(out), pretty_(pretty) {}
  void BeginObject() override;
  void EndObject() override;
  void BeginArray() override;
  void EndArray() override;
  void Key(std::string_view key) override;
  void String(std::string_view value) override;
  void Int(long long value) override;
  void Number(double value) override;
  void Bool(bool value) override;
  void Null() override;
  // Streaming, the buffer never holds much more than the spill size: reserving the whole estimate would
  // add 4 bytes per input byte to the peak for nothing.
  void Reserve(size_t bytes) override { out_->reserve(out_->size() + std::min(bytes, Streaming())); }

 private:
  void BeforeValue();
  void Newline();
  std::string* out_;
  bool pretty_;
  std::vector<int> counts_;  // items written so far in each open container
  bool after_key_ = false;
};

// "0.413", "1", "0.5": a number with up to three decimals, no trailing zeros.
std::string FormatNumber(double value);

// Appends s to out as a JSON string literal.
void AppendJsonString(std::string* out, std::string_view s);

class YamlWriter : public Writer {
 public:
  void BeginObject() override;
  void EndObject() override;
  void BeginArray() override;
  void EndArray() override;
  void Key(std::string_view key) override;
  void String(std::string_view value) override;
  void Int(long long value) override;
  void Number(double value) override;
  void Bool(bool value) override;
  void Null() override;
  // The YAML text written so far and not yet handed to SpillTo's sink (all of it when not streaming).
  std::string str() const { return out_; }

 private:
  struct Frame {
    bool map = true;
    int indent = 0;             // column of this container's entries
    std::string opener;       // printed before the first entry ("key:\n"), or "" once printed
    std::string empty;        // printed instead when the container stays empty ("key: []\n")
    bool dash_first = false;  // a map that is a sequence item: its first entry starts with "- "
    int count = 0;
  };
  void Open(bool map);
  void Scalar(const std::string& text);
  void Flush();
  std::string Prefix();  // indentation (and "- ") for the next entry of the top frame
  std::string out_;
  std::vector<Frame> stack_;
  std::string key_;
};

}  // namespace congvan::emit
