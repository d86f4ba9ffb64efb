// One line of a document after normalization, with the 1-based line number it had in the input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace congvan::text {

// Which of the grammar's line-level rules match a line (bit i: line rule i), found by one RE2::Set pass
// over the line (grammar::Grammar::Classify). A stage that rewrites a line's text builds a new Line, so
// the classes never describe another text; a Line built that way is unclassified until asked again.
// 16-bit words, so the classes pack beside a Line's other fields with no padding (a Line is 56 bytes,
// not 88: a file of short lines holds millions of them).
struct LineClasses {
  static constexpr int kMaxRules = 128;  // rules per class set (the loader refuses more)
  uint16_t bits[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  bool valid = false;
  uint8_t kind = 0;  // which class set made the bits: 0 lines, 1 spans (sentences, list items)
  bool Has(int i) const { return (bits[i >> 4] >> (i & 15)) & 1; }
  void Set(int i) { bits[i >> 4] |= static_cast<uint16_t>(1u << (i & 15)); }
};

struct Line {
  std::string text;      // NFC, cleaned, markdown marks removed, white space folded and trimmed
  int number = 0;        // 1-based line in the input, for every fact and warning drawn from it
  int8_t heading_level = 0; // N when the input line was a markdown heading "#...# " (marks removed)
  bool footnote_gap = false;  // a blank left where footnotes were lifted out (a page break)
  LineClasses classes;        // set by grammar::Grammar::Classify
};
static_assert(sizeof(Line) <= 56, "a Line stays small: files of short lines hold millions");

using Lines = std::vector<Line>;

}  // namespace congvan::text
