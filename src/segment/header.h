// Segment step 2, header: issuer, motto, number and symbol, place and date, subject, urgency, secrecy and
// the kind's title, read from the top of the document.
//
// Takes the unflattened lines and the index of the first line past the preface. Lines are recognized by
// the header.* rules, not by position, so flattened layouts that interleave the two header columns (the
// Party's place/date before its number) read the same. Upper-case lines before the number and date are the
// issuer; they are grouped into names (header.authority.continues / place_line) and the last name is the
// issuer, the one above it the parent ("TỈNH ỦY CÀ MAU" / "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19").
// The subject runs from "V/v" or "Về việc" to the next blank line or header line, wrapped lines rejoined.
//
// Returns the index of the first line after the header: the "Kính gửi" line or the first body line.
// Fills the header fields of the document; never fails (what is missing is left null; infer.cc warns).
#pragma once

#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

struct HeaderNotes {
  std::string number_rule;  // id of the rule that read the number line ("header.number.party", ...)
  std::string kind_from_title;
  std::string kind_text;  // that title as printed
  int kind_line = 0;      // and its line
  bool subject_from_title = false;  // the subject is a title's line, not a "V/v" line
  int motto_line = 0;
  std::vector<size_t> unread;  // header lines no rule read (OCR noise, stray capitals): in no zone
};

size_t ParseHeader(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                   model::Document& doc, HeaderNotes* notes);

// A header column printed away from the top: a consolidated text's "Số: 12/VBHN-BNV" and "Hà Nội, ngày
// ..." in its closing "XÁC THỰC VĂN BẢN HỢP NHẤT" block, or a Công báo text whose issuer, "Số" and date
// follow its "Căn cứ" lines. When the header gave neither number nor date, the first "Số" line in
// [begin, end) with a place/date line at most kLateHeaderSpan lines from it gives both, with a
// `header_late` warning. Never fails.
constexpr size_t kLateHeaderSpan = 6;
void ReadLateHeader(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                    model::Document& doc, HeaderNotes* notes);

}  // namespace congvan::segment
