#include "text/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

namespace congvan::text {
namespace {

// The five Vietnamese tone marks as combining characters.
bool IsTone(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

const icu::Normalizer2* Nfd() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(err);
}
const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  return icu::Normalizer2::getNFCInstance(err);
}

// Splits one precomposed letter into its base letter and tone mark (0 when none). Other marks (circumflex,
// breve, horn) stay with the base.
void SplitTone(UChar32 c, icu::UnicodeString& base, UChar32& tone) {
  icu::UnicodeString d;
  UErrorCode err = U_ZERO_ERROR;
  Nfd()->normalize(icu::UnicodeString(c), d, err);
  tone = 0;
  base.remove();
  for (int32_t i = 0; i < d.length();) {
    UChar32 x = d.char32At(i);
    if (IsTone(x)) {
      tone = x;
    } else {
      base.append(x);
    }
    i += U16_LENGTH(x);
  }
}

icu::UnicodeString Compose(const icu::UnicodeString& base, UChar32 tone) {
  icu::UnicodeString s(base);
  if (tone) s.append(tone);
  icu::UnicodeString out;
  UErrorCode err = U_ZERO_ERROR;
  Nfc()->normalize(s, out, err);
  return out;
}

bool IsPairStart(const icu::UnicodeString& base) {
  return base == icu::UnicodeString("o") || base == icu::UnicodeString("O") ||
         base == icu::UnicodeString("u") || base == icu::UnicodeString("U");
}
bool IsPairEnd(const icu::UnicodeString& first, const icu::UnicodeString& base) {
  icu::UnicodeString f(first), b(base);
  f.toLower();
  b.toLower();
  if (f == icu::UnicodeString("o")) return b == icu::UnicodeString("a") || b == icu::UnicodeString("e");
  return b == icu::UnicodeString("y");
}

// "oa", "oe" or "uy" with a tone on exactly one of its two letters: both placements of that pair
// ({"òa", "oà"}), the first being as printed. False for anything else.
bool TonePair(UChar32 c, UChar32 c2, icu::UnicodeString* printed, icu::UnicodeString* on_first,
              icu::UnicodeString* on_second) {
  // An ASCII letter is its own base: only o, O, u, U start a pair (most letters end here, unsplit).
  if (c < 0x80 && c != 'o' && c != 'O' && c != 'u' && c != 'U') return false;
  icu::UnicodeString b1, b2;
  UChar32 t1, t2;
  SplitTone(c, b1, t1);
  if (!IsPairStart(b1)) return false;
  SplitTone(c2, b2, t2);
  if (!IsPairEnd(b1, b2) || (t1 != 0) == (t2 != 0)) return false;
  UChar32 tone = t1 ? t1 : t2;
  *printed = Compose(b1, t1) + Compose(b2, t2);
  *on_first = Compose(b1, tone) + Compose(b2, 0);
  *on_second = Compose(b1, 0) + Compose(b2, tone);
  return true;
}

}  // namespace

std::string FoldKeyReference(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString d;
  UErrorCode err = U_ZERO_ERROR;
  Nfd()->normalize(s, d, err);
  d.foldCase();
  icu::UnicodeString out, word, tones;
  auto flush = [&] {
    out.append(word).append(tones);
    word.remove();
    tones.remove();
  };
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (IsTone(c)) {
      tones.append(c);
    } else if (u_isalnum(c) || u_getCombiningClass(c) != 0) {
      word.append(c);
    } else {
      flush();
      out.append(c);
    }
  }
  flush();
  std::string r;
  out.toUTF8String(r);
  return r;
}

namespace {

// What FoldKeyReference makes of one code point, for the code points of Vietnamese text (ASCII, the
// Latin blocks, general punctuation): its NFD, case-folded, as code points, each a tone, a word part
// (a letter, a digit, a combining mark) or other. All of them are starters (canonical combining class
// 0) whose decomposition is complete in itself, so a text of only these folds one code point at a time
// exactly as the reference folds it whole; any other code point (a lone combining mark, a character of
// another script, an invalid sequence) sends the whole text to the reference.
struct FoldTable {
  static constexpr UChar32 kEnd = 0x2150;
  enum Kind : uint8_t { kOther, kWord, kTone };
  struct Entry {
    uint8_t n = 0;  // code points in the folded decomposition; 0: not in the table
    uint8_t kind[4];
    uint8_t len[4];
    char utf8[4][4];
  };
  std::vector<Entry> entries;
  FoldTable() : entries(kEnd) {
    auto in_blocks = [](UChar32 c) {
      return c < 0x300 || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2070) ||
             (c >= 0x20A0 && c < 0x20D0) || (c >= 0x2100 && c < kEnd);
    };
    for (UChar32 c = 0; c < kEnd; ++c) {
      if (!in_blocks(c) || u_getCombiningClass(c) != 0 || (c >= 0xD800 && c < 0xE000)) continue;
      icu::UnicodeString d;
      UErrorCode err = U_ZERO_ERROR;
      Nfd()->normalize(icu::UnicodeString(c), d, err);
      if (U_FAILURE(err)) continue;
      d.foldCase();
      Entry e;
      bool fits = true;
      for (int32_t i = 0; i < d.length() && fits;) {
        UChar32 x = d.char32At(i);
        i += U16_LENGTH(x);
        if (e.n == 4 || (i == U16_LENGTH(x) && u_getCombiningClass(x) != 0)) {
          fits = false;
          break;
        }
        e.kind[e.n] = IsTone(x) ? kTone : (u_isalnum(x) || u_getCombiningClass(x) != 0) ? kWord : kOther;
        int32_t len = 0;
        U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(e.utf8[e.n]), len, x);
        e.len[e.n] = static_cast<uint8_t>(len);
        ++e.n;
      }
      if (fits && e.n > 0) entries[c] = e;
    }
  }
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

}  // namespace

std::string FoldKey(std::string_view utf8) {
  // ASCII folds to its lower case: NFD changes nothing, there are no tone marks to move.
  bool ascii = true;
  for (char c : utf8) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string r(utf8);
    for (char& c : r) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return r;
  }
  // One code point at a time through the table. A space (U+0020) parts the text into runs that fold
  // independently (NFD and case folding never reach across a starter that composes with nothing, and
  // the word and its tones are flushed at it), so a run holding a code point the table lacks is folded
  // by the reference alone and the rest goes on through the table.
  const FoldTable& t = Table();
  std::string out, word, tones;
  out.reserve(utf8.size() + utf8.size() / 4);
  auto flush = [&] {
    out += word;
    out += tones;
    word.clear();
    tones.clear();
  };
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size()), i = 0;
  int32_t run_at = 0;       // where the current run starts in utf8
  size_t run_out = 0;       // and in out
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c == ' ') {
      flush();
      out += ' ';
      run_at = i;
      run_out = out.size();
      continue;
    }
    if (c < 0 || c >= FoldTable::kEnd || t.entries[c].n == 0) {
      size_t end = utf8.find(' ', static_cast<size_t>(i));
      if (end == std::string_view::npos) end = utf8.size();
      word.clear();
      tones.clear();
      out.resize(run_out);
      out += FoldKeyReference(utf8.substr(run_at, end - run_at));
      i = static_cast<int32_t>(end);  // the space, if any, is read next
      continue;
    }
    const FoldTable::Entry& e = t.entries[c];
    for (int k = 0; k < e.n; ++k) {
      std::string_view piece(e.utf8[k], e.len[k]);
      if (e.kind[k] == FoldTable::kTone) {
        tones += piece;
      } else if (e.kind[k] == FoldTable::kWord) {
        word += piece;
      } else {
        flush();
        out += piece;
      }
    }
  }
  flush();
  return out;
}

std::string ExpandTonePlacement(std::string_view pattern) {
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size()));
  icu::UnicodeString out;
  bool in_class = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    int32_t n = U16_LENGTH(c);
    if (c == '\\') {  // an escape: copy it and the escaped character
      out.append(c);
      if (i + n < s.length()) {
        UChar32 e = s.char32At(i + n);
        out.append(e);
        n += U16_LENGTH(e);
      }
      i += n;
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (!in_class && i + n < s.length()) {
      UChar32 c2 = s.char32At(i + n);
      icu::UnicodeString printed, first, second;
      if (TonePair(c, c2, &printed, &first, &second)) {
        const icu::UnicodeString& other = printed == first ? second : first;
        out.append("(?:").append(printed).append("|").append(other).append(")");
        i += n + U16_LENGTH(c2);
        continue;
      }
    }
    out.append(c);
    i += n;
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string ReadableKey(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s.toLower(icu::Locale("vi"));
  icu::UnicodeString nfc;
  UErrorCode err = U_ZERO_ERROR;
  Nfc()->normalize(s, nfc, err);
  icu::UnicodeString out;
  for (int32_t i = 0; i < nfc.length();) {
    UChar32 c = nfc.char32At(i);
    int32_t n = U16_LENGTH(c);
    if (i + n < nfc.length()) {
      UChar32 c2 = nfc.char32At(i + n);
      icu::UnicodeString printed, first, second;
      if (TonePair(c, c2, &printed, &first, &second)) {
        out.append(second);  // the tone on the second vowel: "hòa" -> "hoà"
        i += n + U16_LENGTH(c2);
        continue;
      }
    }
    out.append(c);
    i += n;
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string ToUpper(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s.toUpper(icu::Locale("vi"));
  std::string r;
  s.toUTF8String(r);
  return r;
}

bool IsUpperText(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  bool letters = false, code_letters = false, code_lower = false;
  for (int32_t i = 0; i < s.length();) {
    // One word at a time. A document code ("12-CTr/TU", "15/QĐ-TTg": a digit or a slash in it) keeps
    // its printed case in a line of capitals, so its letters do not count.
    int32_t end = s.indexOf(static_cast<UChar>(' '), i);
    if (end < 0) end = s.length();
    bool code = false, any = false;
    int lower = 0, upper = 0;
    for (int32_t k = i; k < end;) {
      UChar32 c = s.char32At(k);
      k += U16_LENGTH(c);
      if (u_isdigit(c) || c == '/') code = true;
      if (u_isalpha(c)) {
        any = true;
        lower += u_islower(c) != 0;
        upper += u_isupper(c) != 0;
      }
    }
    // A code is mostly capitals; "haiqteoxietptÀ0" (OCR debris) or "1240/Ngày" is not one.
    if (!code || lower > upper) {
      if (lower) return false;
      letters |= any;
    } else {
      code_letters |= any;
      code_lower |= lower > 0;
    }
    i = end + 1;
  }
  // Only codes ("HP_VP11_QĐ", "12-CTr/TU"): capitals when every letter is one.
  return letters || (code_letters && !code_lower);
}

static UChar32 FirstCodePoint(std::string_view utf8) {
  if (utf8.empty()) return 0;
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), std::min<size_t>(utf8.size(), 4)));
  return s.char32At(0);
}

std::string UnmarkedKey(std::string_view utf8) {
  std::string nfd = FoldKey(utf8), out;
  for (size_t i = 0; i < nfd.size(); ++i) {
    unsigned char b = nfd[i], next = i + 1 < nfd.size() ? static_cast<unsigned char>(nfd[i + 1]) : 0;
    if ((b == 0xCC || (b == 0xCD && next <= 0xAF)) && next) {
      ++i;  // a combining mark, U+0300..U+036F
    } else if (b == 0xC4 && (next == 0x90 || next == 0x91)) {
      out += 'd';  // Đ, đ
      ++i;
    } else {
      out += static_cast<char>(b);
    }
  }
  return out;
}

bool StartsLower(std::string_view utf8) { return u_islower(FirstCodePoint(utf8)); }
bool StartsUpper(std::string_view utf8) { return u_isupper(FirstCodePoint(utf8)); }

}  // namespace congvan::text
