// Stage 1, decode: raw bytes of one input -> UTF-8 text.
//
// Takes the bytes exactly as read. Returns the text as UTF-8 and the name of the encoding used:
//   "utf-8", "utf-8-bom" (the mark removed), "utf-16le"/"utf-16be" (with a BOM, through ICU; without
//   one when NUL bytes sit on one side of nearly every pair, `guessed` set), "utf-32le"/"utf-32be"
//   (with a BOM only: FF FE 00 00 / 00 00 FE FF);
//   when the bytes are not UTF-8 and legacy tables are given (text/legacy.h), the best-scoring of
//   "windows-1258", "tcvn3" and "vni", with `guessed` set (scored on the text's first 16 KB, cut at a line
//   break; only the winner decodes the whole text);
//   when the bytes are UTF-8 but spell TCVN3 or VNI text read as Latin-1 (mojibake: "Céng hoµ x· héi"),
//   that text repaired, encoding "tcvn3"/"vni", `guessed` set.
// DecodeOptions::encoding forces one of these names (also "cp1258"). Line endings are left alone: the
// normalizer splits CRLF, CR and LF.
//
// A few stray NUL bytes (checkbox glyphs in exported text: under 1%) are dropped and counted; a few
// invalid sequences in text that is otherwise UTF-8 (a flipped bit, a cut last character) become U+FFFD
// and are counted, rather than sending the whole text to legacy detection.
// Fails with Code::kEmpty (no bytes, or only white space, after any BOM), Code::kBinary (NUL bytes above 1% or many
// control characters, without a UTF-16 BOM), or Code::kBadEncoding (the byte offset of the first invalid
// UTF-8 sequence in the message).
//
// Example:
//   Decode("\xEF\xBB\xBFS\xE1\xBB\x91: 1") -> {utf8: "Số: 1", encoding: "utf-8-bom"}
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace congvan::text {

struct Decoded {
  std::string utf8;
  std::string encoding;
  bool guessed = false;  // the encoding was detected by scoring, not declared
  size_t nul_bytes = 0;  // stray NUL bytes dropped from otherwise valid text
  size_t replaced = 0;   // invalid UTF-8 sequences replaced by U+FFFD in otherwise valid UTF-8
};

struct LegacyTables;

struct DecodeOptions {
  std::string encoding;                   // force an encoding; empty: detect
  const LegacyTables* tables = nullptr;   // enables legacy detection and decoding
};

Result<Decoded> Decode(std::string_view bytes, const DecodeOptions& opt = {});

// Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace congvan::text
