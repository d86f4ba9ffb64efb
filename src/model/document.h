// The parsed document: what every stage after decoding fills in and the emitters print.
// Field meanings are those of the output contract (CONTRACT.md, shipped as schema/congvan.schema.json).
// Optional strings are null in the output when absent. Every fact keeps the 1-based input line it came
// from (`line`), so a reader can jump to it.
#pragma once

#include <algorithm>
#include <iterator>
#include <array>
#include <map>
#include <optional>

#include "base/due.h"
#include "model/line_table.h"
#include <string>
#include <vector>

namespace congvan::model {

using OptString = std::optional<std::string>;

struct Warning {
  std::string code;     // stable, machine-readable: "authority_inferred", "date_missing", ...
  std::string message;  // for people
  int line = 0;         // 0 when the warning is about the whole document
  bool summary = false; // the "N more CODE warnings" line SummarizeWarnings adds over the cap (congvan/1)
  std::vector<int> more_lines;  // a summary's: the lines of the warnings it counts (the first 1,000)
};

struct Source {
  std::string path;
  size_t bytes = 0;
  std::string sha256;
  std::string encoding;
};

struct Authority {
  OptString name;
  OptString parent;
  bool inferred = false;
  int line = 0;
};

struct Deadline {
  std::string text;
  std::optional<Due> due;  // at the precision printed (base/due.h); printed as `due` (Iso) and `by`
  OptString time;
  OptString repeat;
  int line = 0;
  std::string rule;  // the grammar rule that read it (for `congvan explain`; not in the output)
  size_t offset = 0; // where `text` starts in the text it was found in (not in the output)
};

// A paragraph of the body as the segmenter built it (not part of the output): the text, the line it
// starts on, and where each further input line begins inside the text, so a fact found at any offset
// can name its own line.
struct Paragraph {
  std::string text;
  int line = 0;
  bool bullet = false;
  LineTable line_at;  // (offset in text, input line), ascending (model/line_table.h)

  // The line of the last entry at or before `offset` (binary search: a scan from the start for every
  // sentence of a paragraph of many lines was quadratic, issue 13).
  int LineAt(size_t offset) const { return line_at.LineAt(offset, line); }
};

struct Task {
  std::string text;
  std::vector<std::string> owners;
  std::vector<std::string> owner_keys;  // canonical keys of the owners, same order
  std::vector<std::string> partners;
  std::vector<Deadline> deadlines;
  int line = 0;
  // The line its text ends on, kept as lines after `line` in two bytes beside the flag below (a wider
  // field grew every task by 8 bytes: a file of 160,000 one-line items by 1.3 MB); kUnknown when not
  // known (a task read from congvan/1 JSON). A sentence running over more than 65,534 lines ends, as far
  // as this says, 65,534 lines down.
  static constexpr uint16_t kUnknown = 65535;
  uint16_t lines_after = kUnknown;
  bool owners_implied = false;  // no owner named: asked of the addressees (Kính gửi); owners stays empty
  int end_line() const { return lines_after == kUnknown || line <= 0 ? 0 : line + lines_after; }  // 0: unknown
  void set_end_line(int end) {
    lines_after = end <= 0 || line <= 0 ? kUnknown : static_cast<uint16_t>(std::clamp(end - line, 0, 65534));
  }
};

struct Section {
  std::string id;       // as printed: "2", "2.1", "a", "II"
  std::string path;     // ids from the top: "II.1"
  OptString heading;
  std::string text;     // the whole item, paragraphs joined by "\n"
  size_t own_size = 0;  // text[0, own_size) is its own (heading and paragraphs), the rest its children's
  int line = 0;
  int end_line = 0;     // its last line, children included
  std::vector<std::string> owners;
  std::vector<Task> tasks;
  std::vector<Section> sections;  // nested items
  std::vector<Paragraph> paragraphs;  // the item's paragraphs (the first without its marker)
  std::string style;                  // its marker's style ("article", "roman", "arabic", ...); not printed
  bool heading_paragraph = false;     // paragraphs[0] is the heading
};

// A text printed after the signature: an attached regulation or plan ("QUY CHẾ ...", "KẾ HOẠCH ...
// (Kèm theo Quyết định số ...)"), an annex ("Phụ lục I"), a form ("Mẫu số 01"). Read like a body: its
// own preamble and numbered sections, whose tasks are the document's too.
struct Annex {
  OptString title;  // its first line
  int line = 0;
  int end_line = 0;  // its last non-blank line
  OptString preamble;
  int preamble_line = 0, preamble_end_line = 0;
  std::vector<Paragraph> preamble_paragraphs;
  std::vector<Section> sections;
  std::vector<Task> tasks;  // tasks of an annex without numbered sections
};

struct Closing {
  std::string text;
  int line = 0;
  int end_line = 0;
  std::vector<Task> tasks;
  std::vector<Paragraph> paragraphs;
};

struct Reference {
  OptString kind;       // as printed: "Công văn"
  OptString kind_slug;  // its slug: "cong_van" (extract::KindSlug; congvan/2 prints it)
  std::string code;
  OptString date;
  OptString issuer;
  int line = 0;
};

// One link of a signature's chain: "KT. CHỦ TỊCH" -> mark "KT.", office "CHỦ TỊCH"; a mark alone has no
// office; a line without a mark is all office.
struct ChainLink {
  std::string mark;
  OptString office;
};

struct Signature {
  std::vector<std::string> authority;
  std::vector<ChainLink> chain;  // authority, each line split (segment/infer.cc); congvan/2 prints it
  OptString title;
  OptString name;
  int line = 0;
};

struct DistributionItem {
  std::string text;
  std::string name;
  OptString note;
  int line = 0;
};

struct Footnote {
  std::string mark;
  std::string text;
  int line = 0;
};

struct TextItem {
  std::string text;
  int line = 0;
};

// Which part of the document a line was assigned to and by which rule: `congvan explain` prints these.
struct TraceEntry {
  int line = 0;
  std::string part;  // "header", "recipients", "section", "signature", ...
  std::string rule;  // the id of the grammar rule that matched, or a short reason
};

// How much of the page was read: each non-blank line is counted in the zone it was assigned to
// (segment/zones.h: the indices are segment::Zone's), zone 0 being "unread" (a header line no rule read).
struct Coverage {
  static constexpr int kZones = 8;
  int lines = 0;  // non-blank lines (a table row's cells count one each)
  std::array<int, kZones> by_zone{};
  // The share of non-blank lines in a known zone; 1 for a document without text.
  double share() const { return lines == 0 ? 1.0 : 1.0 - static_cast<double>(by_zone[0]) / lines; }
};

struct Document {
  Source source;
  std::string grammar;  // the digest of the rules that read it (Grammar::digest; congvan/2's generator)
  OptString format;
  OptString kind;
  OptString kind_text;  // the title that told the kind, as printed ("KẾ HOẠCH"); null when told otherwise
  int kind_line = 0;    // the line of kind_text
  Authority authority;
  OptString number, symbol, code, place, date, subject, urgency, secrecy;
  std::map<std::string, int> lines;  // header field -> line it was read from
  std::vector<TextItem> recipients;
  // The recipients' texts and owner keys, for tasks with owners_implied (set by extraction and by
  // compare/load; not printed: the output says `owners_implied` and lists the recipients once).
  std::vector<std::string> addressees, addressee_keys;
  std::vector<Reference> references;
  OptString preamble;
  int preamble_line = 0;
  int preamble_end_line = 0;
  std::vector<Paragraph> preamble_paragraphs;
  std::vector<Section> sections;
  std::optional<Closing> closing;
  Signature signature;
  std::vector<DistributionItem> distribution;
  std::vector<Annex> annexes;  // what follows the tail, in order
  std::vector<Footnote> footnotes;
  std::vector<Task> tasks;  // tasks of an unnumbered body
  std::vector<Warning> warnings;
  Coverage coverage;
  // Input line number -> a bit (1 << zone) for each zone a piece of the line is in; kept only when
  // tracing (for `explain`).
  std::vector<uint8_t> line_zones;
  std::vector<TraceEntry> trace;  // not part of the output contract
  bool tracing = true;  // record Trace() entries; pipeline::Parse keeps them only for `explain`

  // At most this many warnings of one code are kept; the others are counted, and SummarizeWarnings adds
  // one "N more CODE warnings" for them (16 MB of "1. x" lines gave 6.4 million warnings, issue 13).
  static constexpr int kMaxWarningsPerCode = 20;
  struct Omitted {
    int count = 0, first_line = 0, last_line = 0;
    std::vector<int> lines;  // the first kMaxOmittedLines of them
  };
  static constexpr size_t kMaxOmittedLines = 1000;
  std::map<std::string, int> warning_counts;  // code -> warnings of it seen (kept or not)
  std::vector<std::pair<std::string, Omitted>> omitted;  // codes over the cap, in order of first omission

  void Warn(std::string code, std::string message, int line) {
    int& seen = warning_counts[code];
    if (++seen <= kMaxWarningsPerCode) {
      warnings.push_back({std::move(code), std::move(message), line});
      return;
    }
    if (seen == kMaxWarningsPerCode + 1) omitted.push_back({code, {0, line, line}});
    for (auto& [c, o] : omitted) {  // few codes ever pass the cap: a short scan
      if (c != code) continue;
      ++o.count;
      o.last_line = line;
      if (line > 0 && o.lines.size() < kMaxOmittedLines) o.lines.push_back(line);
      break;
    }
  }
  // For each code over the cap, replaces its last listed warning by one summary, line 0: "N more CODE
  // warnings (lines A to B) not listed: a code is listed at most 20 times, this line included" — so no
  // code appears more than kMaxWarningsPerCode times (19 with their lines, then the summary). Called
  // once, when the document is complete.
  void SummarizeWarnings() {
    for (auto& [code, o] : omitted) {
      for (size_t i = warnings.size(); i-- > 0;) {  // the last listed one of the code joins the count
        if (warnings[i].code != code) continue;
        ++o.count;
        o.first_line = warnings[i].line;
        if (warnings[i].line > 0) o.lines.insert(o.lines.begin(), warnings[i].line);
        warnings.erase(warnings.begin() + static_cast<long>(i));
        break;
      }
      warnings.push_back({code,
                          std::to_string(o.count) + " more " + code + " warnings (lines " +
                              std::to_string(o.first_line) + " to " + std::to_string(o.last_line) +
                              ") not listed: a code is listed at most " + std::to_string(kMaxWarningsPerCode) +
                              " times, this line included",
                          0, true, std::move(o.lines)});
    }
    omitted.clear();
  }
  void Trace(int line, std::string part, std::string rule) {
    if (!tracing) return;
    trace.push_back({line, std::move(part), std::move(rule)});
  }
};

// Who must do a task: its owners, or for owners_implied the document's addressees (and their keys).
inline const std::vector<std::string>& OwnersOf(const Document& d, const Task& t) {
  return t.owners_implied ? d.addressees : t.owners;
}
inline const std::vector<std::string>& OwnerKeysOf(const Document& d, const Task& t) {
  return t.owners_implied ? d.addressee_keys : t.owner_keys;
}

}  // namespace congvan::model
