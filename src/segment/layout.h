// Segment step 1, layout: undo what converters did to the page layout, before any part is read.
//
// Unflatten takes normalized lines and returns lines in reading order where
//   - a Markdown table row ("| ỦY BAN ... ------- | CỘNG HÒA ... |") becomes one line per cell, cells
//     separated by a blank line (a column boundary), and the "|---|---|" row disappears;
//   - a header flattened onto one line with " | " separators is split the same way;
//   - inside a cell or piped line, and in plain lines near the top (where a header may have been
//     flattened onto one line), the common.cell_break rules cut where a flattened cell joined two header parts: at a
//     "-------" rule, before "V/v", before "Độc lập", before "Số:", before "Kính gửi".
// Every produced line keeps its input line number. Never fails.
//
// RejoinSplitStarters: "Kính" / "gửi: Sở Y tế" split by a converter become one line again.
//
// SkipPreface returns the index of the first line of the document proper, past converter debris: a YAML
// front matter block, "Source: ..." lines, web-page furniture and a converter's "# title" heading.
//
// LiftFootnotes removes footnote paragraphs ("¹ text", possibly wrapped) wherever a page break left them,
// records them on the document, and leaves blank lines marked footnote_gap so the body parser can rejoin
// the sentence they interrupted.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

text::Lines Unflatten(text::Lines lines, const grammar::Grammar& g, model::Document& doc);

// Joins a line of one or two words to the next line (which starts in lower case) when only together
// they start a part (common.rejoinable: "Kính" / "gửi: Sở Y tế").
void RejoinSplitStarters(text::Lines& lines, const grammar::Grammar& g, model::Document& doc);

size_t SkipPreface(const text::Lines& lines, const grammar::Grammar& g, model::Document& doc);

void LiftFootnotes(text::Lines& lines, size_t begin, const grammar::Grammar& g, model::Document& doc);

// "¹²" -> "12"; other text unchanged.
std::string SuperscriptToAscii(std::string_view s);

// Two columns read across (OCR, pdftotext without -layout): after the last "Nơi nhận", a line that carries
// the signature block's cell on its right ("- Như trên; KT. TỔNG CỤC TRƯỞNG", "...; Nguyễn Tân Dũng") is cut
// there (signature.column.*), the left part kept in place and the right parts moved, in order and with
// their line numbers, to just below the list, where they read as one signature block. Only when some line
// carries a chain mark on its right. Never fails.
void SeparateTailColumns(text::Lines& lines, const grammar::Grammar& g, model::Document& doc);

}  // namespace congvan::segment
