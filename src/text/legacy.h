// Legacy Vietnamese encodings: Windows-1258 (ICU's converter; tones come as combining marks, which
// normalization composes), and the 8-bit font encodings TCVN3 (ABC, ".VnTime") and VNI (VNI-Times) that
// old archives carry, from tables kept as data (grammars/encodings.yaml).
//
// TCVN3 has no upper-case toned vowels (a capitals font draws the lower-case codes), so decoding restores
// case: a word whose other letters are capitals is all capitals ("UỶ BAN"), a toned letter opening a line
// or a sentence is a capital, and the words in tcvn3_titlecase keep their capital ("Ủy ban").
//
// Score() counts frequent Vietnamese words in a text: the decoding that yields most of them wins when
// the encoding must be guessed. None of these fail: bytes without a mapping pass through as Latin-1.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/status.h"

namespace congvan::text {

// A byte table compiled for decoding: what each byte maps to, and each two-byte sequence, listed under
// its first byte (VNI writes a toned vowel as a letter and a tone byte). Built once per table: decoding
// asked a std::map with a fresh std::string twice per input byte (41% of a fuzzing run, issue 13).
struct ByteCodec {
  std::array<std::string, 256> one;
  std::array<bool, 256> has_one{};
  std::array<std::vector<std::pair<unsigned char, std::string>>, 256> two;
  static ByteCodec From(const std::map<std::string, std::string>& table);
};

struct LegacyTables {
  std::map<std::string, std::string> tcvn3;  // byte sequence -> UTF-8
  std::map<std::string, std::string> vni;
  std::vector<std::string> words;            // frequent words, for scoring
  std::vector<std::string> titlecase;        // "Ủy ban": restored after TCVN3 decoding
  // Derived once by FromData (each was rebuilt on every call before).
  ByteCodec tcvn3_codec, vni_codec;
  std::unordered_set<std::string> word_set;  // `words`, for Score
  std::vector<int32_t> tcvn3_caseless;       // sorted: letters TCVN3 can only write in lower case

  // From the grammar's maps ("A8" -> "ă", "61 F9" -> "á") and lists.
  static LegacyTables FromData(const std::map<std::string, std::string>& tcvn3_hex,
                               const std::map<std::string, std::string>& vni_hex,
                               const std::vector<std::string>& words,
                               const std::vector<std::string>& titlecase);
};

std::string DecodeTable(std::string_view bytes, const ByteCodec& codec);
// The same from the table itself (compiled on each call: for tests and one-off use).
std::string DecodeTable(std::string_view bytes, const std::map<std::string, std::string>& table);
// The reverse mapping (UTF-8, NFC -> bytes): a capital without a code of its own takes the lower-case
// code (TCVN3), other characters their Windows-1252 byte, else "?" (and *complete is set false).
std::string EncodeTable(std::string_view utf8, const std::map<std::string, std::string>& table,
                        bool* complete = nullptr);
std::string RestoreTcvn3Case(const std::string& utf8, const LegacyTables& t);
Result<std::string> DecodeWindows1258(std::string_view bytes);
// Text whose characters are all in Latin-1 (or Windows-1252's extra range) back to the bytes they were.
bool ToSingleBytes(std::string_view utf8, std::string* bytes);
int Score(std::string_view utf8, const LegacyTables& t);

}  // namespace congvan::text
