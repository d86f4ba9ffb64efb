// Segment step 6, inference: fill what the header left out from what the rest of the document says, and
// warn about every guess and every gap.
//
//   - format: from the motto; without one, from the number's style ("05-CV/BCĐ" is Party, "2468/UBND-VX"
//     state), warning format_inferred.
//   - authority: when no issuer line was printed, from the symbol's issuer code (authority.yaml's
//     issuer_codes), the level the text names itself by ("Ủy ban nhân dân tỉnh", rule authority.level)
//     and the place: "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", inferred: true, warning authority_inferred.
//   - kind: the title line, else the symbol's type part (header.kind_symbol.*), else công văn when the
//     subject is introduced by "V/v", else "other".
//   - warnings for a missing number, date, subject, signature or distribution list.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "segment/header.h"
#include "text/line.h"

namespace congvan::segment {

void Infer(const text::Lines& lines, const HeaderNotes& notes, const grammar::Grammar& g,
           model::Document& doc);

}  // namespace congvan::segment
