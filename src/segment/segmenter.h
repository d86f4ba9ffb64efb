// Segment stage: normalized lines -> the document's parts (header, recipients, preamble, sections,
// closing, signature, distribution, footnotes), with a trace of which rule read each line.
//
// Order of work: layout (unflatten tables) -> preface -> header -> recipients -> footnotes lifted ->
// tail (signature and distribution, found from the end) -> body (between recipients and tail) ->
// inference and warnings. Each step's header says what it reads. Never fails: a document that matches
// nothing still yields a Document, with warnings saying what was not found.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

void Segment(text::Lines lines, const grammar::Grammar& g, model::Document& doc);

}  // namespace congvan::segment
