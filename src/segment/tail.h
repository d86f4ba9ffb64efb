// Segment step 4, tail: the signature block and the distribution list ("Nơi nhận"), in either order, and
// footnotes printed after them.
//
// Takes the lines and the index where the body may begin (after the recipients). Finds the last
// "Nơi nhận" heading and reads its items (bullets, several per line, wrapped items; a parenthesised purpose
// at an item's end is its note). The signature is read after the list, or, when nothing follows the list,
// just above it: authority-chain lines (signature.prefix: "TM. ...", "KT. ..."), the upper-case title lines
// ("BÍ THƯ" / "kiêm" / "TRƯỞNG BAN CHỈ ĐẠO"), then the name, skipping signing marks such as "(Đã ký)".
// A chain flattened onto one line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương") is split with
// signature.chain_split and signature.trailing_name.
//
// The zone plan (zones.h) decides the tail first: the first named signature block wherever it stands,
// its list before or after it, then what follows it. Only a document without a named block is read the
// old way, from the last "Nơi nhận".
//
// Returns the index where the body ends (the first line of the tail). Never fails; a missing signature or
// list is reported by infer.cc.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

// *annex is set to the first line of what follows the tail (an attached text, an annex, a form), or to
// lines.size() when nothing does; *annex_end to where that ends (before footnotes printed last).
size_t ParseTail(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                 model::Document& doc, size_t* annex, size_t* annex_end);

}  // namespace congvan::segment
