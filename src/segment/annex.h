// Segment step, annexes: what follows the tail, read like bodies.
//
// Takes the lines [begin, end) after the signature (and its list): an attached regulation or plan, a
// "Phụ lục", a form. A line that starts an annex (zone.annex_start: "Phụ lục II", "Mẫu số 02") starts a
// new one; the first annex starts at `begin` whatever its first line. Each is read by ParseBody into its
// own preamble and sections (their section markers, page-break rejoins and closings as in the body), and
// its lines are traced with the part "annex". Fills doc.annexes. Never fails.
// Example: "QUY CHẾ", "Làm việc của ...", "Điều 1. Phạm vi", "Điều 2. ..." -> one annex titled "QUY
// CHẾ" with sections 1 and 2.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

void ParseAnnexes(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                  model::Document& doc);

}  // namespace congvan::segment
