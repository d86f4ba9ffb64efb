// One line of a document after normalization, with the 1-based line number it had in the input.
#pragma once

#include <string>
#include <vector>

namespace congvan::text {

struct Line {
  std::string text;      // NFC, cleaned, markdown marks removed, white space folded and trimmed
  int number = 0;        // 1-based line in the input, for every fact and warning drawn from it
  int heading_level = 0; // N when the input line was a markdown heading "#...# " (marks removed)
  bool footnote_gap = false;  // a blank left where footnotes were lifted out (a page break)
};

using Lines = std::vector<Line>;

}  // namespace congvan::text
