// Segment step 5, body: preamble, numbered sections (nested) and the closing paragraph.
//
// Takes the lines between the recipients (or header) and the tail. Builds paragraphs (consecutive lines;
// a section marker or bullet starts a new one), rejoins paragraphs that a page break split in mid-sentence
// (the first does not end a sentence and the next starts in lower case, or the first ends in a connector
// or comma, or footnotes were lifted out between them; each rejoin is a warning), then reads
// section markers (sections.marker.*): the numbering style seen first is the top level, the next style
// nests under it, and so on; a marker out of sequence stays text (with a warning), but one or two
// numbers skipped ("1. 2. 3. 5.") go on with a section_number_gap warning. The closing is the
// tail of the last section from a paragraph that matches closing.start.
//
// Fills preamble, sections and closing. Never fails.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

void ParseBody(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
               model::Document& doc);

}  // namespace congvan::segment
