// Segment step, distribution list: the items under a "Nơi nhận" heading.
//
// ScanDistribution reads the list whose heading is at line d without touching the document: items after
// bullets, several on one line ("- Như trên; - Lưu: VT."), wrapped items joined, an item wrapped across a
// blank line, page furniture (zone.debris.*) inside the list skipped. The list ends at a blank line not
// followed by an item, a signature line, an upper-case line, or (before any item) a long sentence.
// ApplyDistribution records the scanned list in the document (items with their parenthesised purpose as
// `note`, trace, the heading's line). Never fails.
// Example: "Nơi nhận:", "- Như trên;", "~ Sở Y tế (b/c);", "KT. CHỦ TỊCH" -> items "Như trên",
// "Sở Y tế (b/c)" (note "b/c"), end at the "KT." line.
#pragma once

#include <string>
#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

struct ScannedList {
  size_t heading = 0;
  size_t end = 0;                          // one past the last line read as part of the list
  std::vector<model::TextItem> items;      // raw items, in order
  std::vector<std::pair<int, const char*>> traces;  // (line, rule) of each line read
  std::string heading_rule;
  // Lines of the signature's chain printed inside the list, the two tail columns flattened line by line
  // ("Nơi nhận:" / "KT. CHỦ TỊCH" / "- Như trên;" ...): the block's, not the list's (indices).
  std::vector<size_t> chain_lines;
};

ScannedList ScanDistribution(const text::Lines& lines, size_t d, size_t end, const grammar::Grammar& g);
void ApplyDistribution(const ScannedList& list, const text::Lines& lines, const grammar::Grammar& g,
                       model::Document& doc);

}  // namespace congvan::segment
