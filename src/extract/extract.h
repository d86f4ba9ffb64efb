// Stage 4, extract: references, tasks (owners, partners, deadlines) from the segmented document.
// Takes a Document the segmenter filled; adds references, tasks and their warnings, then frees the
// paragraphs (they are not printed; every section keeps its text). Never fails.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::extract {

void Extract(const grammar::Grammar& g, model::Document& doc);

}  // namespace congvan::extract
