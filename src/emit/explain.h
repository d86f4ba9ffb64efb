// The `congvan explain` view: every input line, with the part of the document it was assigned to and
// the ids of the rules that read it, so a user can see why a line was read as it was (after Duckling's
// debug view). Then the warnings, each with its line.
//
//   LINE  PART          RULES                        TEXT
//      8  header        header.number.state          Số: **4197** /UBND-KGVX
//
// Takes the normalized lines the document was read from (pipeline::Parse gives them, decoded as the
// parse decoded them: legacy encodings included) and the parsed Document. Never fails.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"
#include "text/line.h"

namespace congvan::explain {

std::string Render(const text::Lines& lines, const model::Document& doc);

}  // namespace congvan::explain
