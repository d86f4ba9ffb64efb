// Segment step, zones: which block of the page each line belongs to, decided from the whole sequence of
// classified lines rather than from the position of one marker.
//
// The tail is planned first, over every line after the recipients:
//   1. Signature blocks are found wherever they stand: a line of the authority chain or an upper-case
//      office title (signature.prefix / signature.title / signature.trailing_name), then more such lines,
//      then a name, with blank lines, page furniture (zone.debris.*), signing marks (signature.stamp) and
//      seal images between them skipped. A block whose name slot holds a placeholder ("Nguyễn Văn A",
//      "……") or that carries a form's instruction ("(Ký, ghi rõ họ tên, đóng dấu)") is a form's.
//   2. The document's signature is the first named block that is not a form's, preferring one whose name
//      is a person's (signature.person: a Vietnamese family name first) over a bare title-case line.
//      Anything after it (page numbers, a Công báo running head, an e-signature stamp, an annex, a form
//      with its own "Nơi nhận") is outside the body, so it can neither hide nor replace the signature.
//   3. Its distribution list is the "Nơi nhận" whose list runs up to the block (the left column printed
//      first), or the one just after the block with only blanks and debris between (the list printed
//      after the signature, often across a page break).
//   4. After the tail: an annex from the first line that is neither blank nor debris ("Phụ lục I",
//      "Mẫu số 01", or whatever text follows), to the end.
// Example: body, "Nơi nhận:", "- Như trên;", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Bá Hoan", "47",
// "Mẫu số 01", "Nơi nhận:", "CHỦ TỊCH", "(Ký, ghi rõ họ tên)" -> body ends at the first "Nơi nhận", the
// signature is Nguyễn Bá Hoan's, "47" is debris, the annex starts at "Mẫu số 01".
//
// When no named block is found the plan says so (signature == npos) and the tail parser falls back to
// reading from the last "Nơi nhận" (tail.cc). Never fails.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"
#include "text/line.h"

namespace congvan::segment {

enum class Zone : uint8_t { kNone, kPreface, kHeader, kRecipients, kBody, kTail, kAnnex, kDebris };
const char* ZoneName(Zone z);

// Page furniture and converter debris (zone.debris.*): a page marker, a running head, a page number, a
// seal image, an e-signature stamp line, a file path.
bool IsDebris(const grammar::Grammar& g, const text::Line& line);

// The first line at or after i that is neither blank nor debris (end when none).
size_t NextContent(const text::Lines& lines, size_t i, size_t end, const grammar::Grammar& g);

// A line that starts or continues a signature block: a chain link, an office title, or a flattened
// "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tên Người".
bool IsSignatureLine(const grammar::Grammar& g, const text::Line& line);
bool IsSignatureLine(const grammar::Grammar& g, std::string_view text);

struct SignatureBlock {
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t begin = 0;     // first line of the block
  size_t end = 0;       // one past its last line (the name's line when named)
  size_t name = npos;   // the name's line; npos when the block has none
  bool person = false;  // the name starts with a Vietnamese family name
  bool form = false;    // a form's block: a placeholder name or a bracketed form instruction
};

// Every signature block in [begin, end), in document order.
std::vector<SignatureBlock> FindSignatureBlocks(const text::Lines& lines, size_t begin, size_t end,
                                                const grammar::Grammar& g);

struct TailPlan {
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t body_end = 0;             // the body is [begin, body_end)
  SignatureBlock signature;        // the document's block, when signature_found
  bool signature_found = false;
  size_t cosigners_end = 0;        // co-signers' blocks (a joint text) run up to here from signature.end
  size_t distribution = npos;      // its "Nơi nhận" heading
  size_t distribution_end = npos;  // where its list must stop
  size_t end = 0;                  // one past the tail
  size_t annex = npos;             // the annex's first line
};

// Plans the tail of lines [begin, end) as described above; signature_found is false when no named block
// that is not a form's exists.
TailPlan PlanTail(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g);

// Where the segmenter's steps put the page's blocks: preface [0, header), header [header, recipients),
// recipients [recipients, body), body [body, tail), tail [tail, annex or the end), annex [annex,
// annex_end).
struct ZoneBounds {
  size_t header = 0, recipients = 0, body = 0, tail = 0, annex = 0, annex_end = 0;
};

// Sets doc.coverage: every non-blank line counted in its block's zone, page furniture (IsDebris) in
// kDebris wherever it stands, and the header lines no rule read (`unread`, indices) in kNone; fills
// doc.line_zones when tracing. Warns `coverage_low` (line 0) when fewer than kLowCoverage of the
// non-blank lines of a document of at least kCoverageMinLines are in a known zone. Never fails.
constexpr double kLowCoverage = 0.9;
constexpr int kCoverageMinLines = 10;
void AssignZones(const text::Lines& lines, const ZoneBounds& b, const std::vector<size_t>& unread,
                 const grammar::Grammar& g, model::Document& doc);

}  // namespace congvan::segment
