// Segment step 3, recipients: the items of "Kính gửi".
//
// Takes the lines and the index where the header ended. When that line is a recipients.start line, reads
// the items: on the same line ("Kính gửi: - Ủy ban nhân dân tỉnh,"), on bullet lines below, several on one
// line ("- A; - B."), a lone recipient without a bullet ("Kính gửi: Sở Y tế."), and wrapped items (a line
// without a bullet continues the item above unless that item ended with ";" or "."). Each item is stored
// without its bullet and trailing ";", ",", ".". Blank lines between items are allowed; the list ends at a
// blank line followed by a line that is not an item.
//
// Returns the index of the first line after the recipients (begin when there are none). Never fails.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

size_t ParseRecipients(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                       model::Document& doc);

}  // namespace congvan::segment
