// Stage 2, normalize: UTF-8 text -> lines fit for the grammar rules.
//
// Takes decoded UTF-8 (any line endings). Returns one Line per input line (CRLF, CR, LF, U+2028 and U+2029
// all end a line), except that a short cell a converter wrapped inside its bold markers ("**VĂN" /
// "PHÒNG CHÍNH PHỦ**", at most 8 words a line) is one Line with the first line's number; each
//   - in Unicode NFC (ICU), so decomposed input ("o" + U+0302 + U+0301) reads like precomposed "ố";
//   - with NBSP and other space characters turned into a space, zero-width characters, soft hyphens and
//     stray control characters removed, runs of white space folded to one space, ends trimmed;
//   - with HTML formatting tags removed ("<p align=center><b>", "<br>") and a gap of six or more spaces
//     inside a line (two columns laid out side by side) written as a cell boundary " | ";
//   - with markdown debris removed: heading marks ("## 2. Sở Y tế" -> "2. Sở Y tế", level kept),
//     blockquote marks ("> CHỦ TỊCH" -> "CHỦ TỊCH"), emphasis ("**4197**" -> "4197", "“*xanh*”" ->
//     "“xanh”", "_Nơi nhận:_" -> "Nơi nhận:"; blanks "____" kept), backslash escapes ("1\." -> "1."),
//     "* item" bullets written as "- item", and a table cell's lone edge bar ("Phạm Văn Thành |"). A
//     line that is only "*" (the Party header's star) is kept.
// Blank lines stay, as empty Lines: they separate paragraphs. Never fails.
//
// Rejoining wrapped lines is AppendWrapped's job (text/join.h): the segmenter decides which lines belong
// together.
#pragma once

#include <string_view>

#include "text/line.h"

namespace congvan::text {

Lines Normalize(std::string_view utf8);

// NFC of a UTF-8 string (ICU); input must be valid UTF-8.
std::string ToNfc(std::string_view utf8);

// Cleans one line (everything above but NFC and heading marks). Exposed for tests.
std::string CleanLine(std::string_view line);

}  // namespace congvan::text
