#include "text/legacy.h"

#include <unicode/utf8.h>

#include "base/numbers.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <set>

#include "text/fold.h"
#include "text/normalize.h"

namespace congvan::text {
namespace {

std::string HexToBytes(const std::string& hex) {
  std::string out;
  size_t i = 0;
  while (i < hex.size()) {
    while (i < hex.size() && hex[i] == ' ') ++i;
    if (i + 1 >= hex.size() + 1 && i >= hex.size()) break;
    int b = ParseHexByte(std::string_view(hex).substr(i, 2));
    if (b < 0) return "";  // a malformed key maps nothing (a user's --grammars table)
    out += static_cast<char>(b);
    i += 2;
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The letters TCVN3 can only write in lower case: those whose capital has no code of its own.
std::vector<int32_t> CaselessLetters(const std::map<std::string, std::string>& tcvn3) {
  std::set<UChar32> caseless;
  std::set<std::string> values;
  for (const auto& [k, v] : tcvn3) values.insert(v);
  for (const auto& v : values) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(v);
    icu::UnicodeString up(u);
    up.toUpper(icu::Locale("vi"));
    std::string ups;
    up.toUTF8String(ups);
    if (u_islower(u.char32At(0)) && !values.count(ups)) caseless.insert(u.char32At(0));
  }
  return std::vector<int32_t>(caseless.begin(), caseless.end());
}

// Windows-1252's characters at 0x80-0x9F.
const char32_t kCp1252[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                              0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

}  // namespace

LegacyTables LegacyTables::FromData(const std::map<std::string, std::string>& tcvn3_hex,
                                    const std::map<std::string, std::string>& vni_hex,
                                    const std::vector<std::string>& words,
                                    const std::vector<std::string>& titlecase) {
  LegacyTables t;
  for (const auto& [k, v] : tcvn3_hex) t.tcvn3[HexToBytes(k)] = v;
  for (const auto& [k, v] : vni_hex) t.vni[HexToBytes(k)] = v;
  for (const auto& w : words) t.words.push_back(FoldKey(w));
  t.titlecase = titlecase;
  t.tcvn3_codec = ByteCodec::From(t.tcvn3);
  t.vni_codec = ByteCodec::From(t.vni);
  t.word_set.insert(t.words.begin(), t.words.end());
  t.tcvn3_caseless = CaselessLetters(t.tcvn3);
  return t;
}

ByteCodec ByteCodec::From(const std::map<std::string, std::string>& table) {
  ByteCodec c;
  for (const auto& [k, v] : table) {
    auto b0 = static_cast<unsigned char>(k.empty() ? 0 : k[0]);
    if (k.size() == 1) {
      c.one[b0] = v;
      c.has_one[b0] = true;
    } else if (k.size() == 2) {
      c.two[b0].emplace_back(static_cast<unsigned char>(k[1]), v);
    }
  }
  return c;
}

std::string DecodeTable(std::string_view bytes, const std::map<std::string, std::string>& table) {
  return DecodeTable(bytes, ByteCodec::From(table));
}

std::string DecodeTable(std::string_view bytes, const ByteCodec& codec) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size();) {
    // Longest sequence first (VNI pairs), then one byte.
    auto b0 = static_cast<unsigned char>(bytes[i]);
    bool hit = false;
    if (i + 2 <= bytes.size()) {
      auto b1 = static_cast<unsigned char>(bytes[i + 1]);
      for (const auto& [second, value] : codec.two[b0]) {
        if (second == b1) {
          out += value;
          i += 2;
          hit = true;
          break;
        }
      }
    }
    if (hit) continue;
    if (codec.has_one[b0]) {
      out += codec.one[b0];
      ++i;
      continue;
    }
    auto c = static_cast<unsigned char>(bytes[i++]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      AppendUtf8(out, c >= 0xA0 ? c : (kCp1252[c - 0x80] ? kCp1252[c - 0x80] : c));
    }
  }
  return out;
}

std::string EncodeTable(std::string_view utf8, const std::map<std::string, std::string>& table,
                        bool* complete) {
  if (complete) *complete = true;
  std::map<std::string, std::string> reverse;
  for (const auto& [k, v] : table) reverse.emplace(v, k);
  std::string nfc = ToNfc(utf8);
  std::string out;
  for (size_t i = 0; i < nfc.size();) {
    auto c = static_cast<unsigned char>(nfc[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string ch = nfc.substr(i, len);
    auto it = reverse.find(ch);
    if (it == reverse.end()) {
      // A capital with no code of its own (TCVN3): write the lower-case code.
      icu::UnicodeString lc = icu::UnicodeString::fromUTF8(ch);
      lc.toLower(icu::Locale("vi"));
      std::string lower;
      lc.toUTF8String(lower);
      auto lit = reverse.find(lower);
      std::string single;
      if (lit != reverse.end()) {
        out += lit->second;
      } else if (ToSingleBytes(ch, &single)) {
        out += single;  // ASCII, Latin-1 and Windows-1252 punctuation ("“", "–") as one byte
      } else {
        out += '?';
        if (complete) *complete = false;
      }
    } else {
      out += it->second;
    }
    i += len;
  }
  return out;
}

std::string RestoreTcvn3Case(const std::string& utf8, const LegacyTables& t) {
  const std::vector<int32_t>& caseless_letters = t.tcvn3_caseless;
  auto is_caseless = [&](UChar32 c) {
    return std::binary_search(caseless_letters.begin(), caseless_letters.end(), static_cast<int32_t>(c));
  };
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  struct Word {
    int32_t begin = 0, end = 0;
    int cased_upper = 0, cased_lower = 0, caseless = 0;
    bool sentence_start = false;
  };
  std::vector<Word> words;
  bool sentence_start = true;
  UChar32 last_mark = '.';  // the last non-space character before the current word
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    if (!u_isalpha(c)) {
      if (c == '.' || c == '!' || c == '?') sentence_start = true;
      if (c == '\n') {
        // A new line starts a sentence after a line that ended one, a blank line, or before a bullet.
        int32_t j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') ++j;
        UChar32 next = j < s.length() ? s.char32At(j) : 0;
        if (last_mark == '.' || last_mark == ':' || last_mark == ';' || last_mark == '!' ||
            last_mark == '?' || last_mark == '\n' || next == '-' || next == '+' || next == 0x2022) {
          sentence_start = true;
        }
      }
      if (c != ' ' && c != '*') last_mark = c;
      i += U16_LENGTH(c);
      continue;
    }
    Word w;
    w.begin = w.end = i;
    while (w.end < s.length() && (u_isalpha(s.char32At(w.end)) || u_getCombiningClass(s.char32At(w.end)))) {
      UChar32 x = s.char32At(w.end);
      if (is_caseless(x)) {
        ++w.caseless;
      } else if (u_isupper(x)) {
        ++w.cased_upper;
      } else if (u_islower(x)) {
        ++w.cased_lower;
      }
      w.end += U16_LENGTH(x);
    }
    w.sentence_start = sentence_start;
    sentence_start = false;
    last_mark = 'a';
    words.push_back(w);
    i = w.end;
  }
  // Capitals: every cased letter upper, and two or more of them (or a capitals neighbour).
  auto caps = [&](size_t k) {
    return k < words.size() && words[k].cased_lower == 0 && words[k].cased_upper >= 2;
  };
  auto adjacent = [&](size_t k) {  // words k-1 and k separated by spaces only
    if (k == 0 || k >= words.size()) return false;
    for (int32_t i = words[k - 1].end; i < words[k].begin; ++i) {
      if (s.charAt(i) != ' ') return false;
    }
    return true;
  };
  icu::UnicodeString out(s);
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (w.caseless == 0) continue;
    icu::UnicodeString word = s.tempSubStringBetween(w.begin, w.end);
    icu::UnicodeString fixed(word);
    // Beside capitals: every adjacent neighbour is a capitals word, and there is one.
    bool prev = adjacent(k), next = adjacent(k + 1);
    bool near_caps = (prev || next) && (!prev || caps(k - 1)) && (!next || caps(k + 1));
    if (w.cased_lower == 0 && w.cased_upper > 0 && (w.cased_upper >= 2 || near_caps)) {
      fixed.toUpper(icu::Locale("vi"));  // "UỶ BAN", "ỦY" beside capitals
    } else if (w.sentence_start && is_caseless(word.char32At(0))) {
      icu::UnicodeString first = word.tempSubStringBetween(0, U16_LENGTH(word.char32At(0)));
      first.toUpper(icu::Locale("vi"));
      fixed.replace(0, U16_LENGTH(word.char32At(0)), first);
    }
    if (fixed != word) out.replace(w.begin, w.end - w.begin, fixed);  // same length in UTF-16
  }
  std::string r;
  out.toUTF8String(r);
  for (const auto& title : t.titlecase) {
    icu::UnicodeString lt = icu::UnicodeString::fromUTF8(title);
    lt.toLower(icu::Locale("vi"));
    std::string lower_form;
    lt.toUTF8String(lower_form);
    size_t at = 0;
    while ((at = r.find(lower_form, at)) != std::string::npos) {
      bool word_start = at == 0 || r[at - 1] == ' ' || r[at - 1] == '(' || r[at - 1] == '"';
      if (word_start) r.replace(at, lower_form.size(), title);
      at += title.size();
    }
  }
  return r;
}

Result<std::string> DecodeWindows1258(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1258", &err), ucnv_close);
  if (U_FAILURE(err)) return Status(Code::kBadEncoding, "no windows-1258 converter in ICU");
  icu::UnicodeString s(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), err);
  if (U_FAILURE(err)) return Status(Code::kBadEncoding, "not valid windows-1258");
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool ToSingleBytes(std::string_view utf8, std::string* bytes) {
  // Read the UTF-8 directly: Vietnamese text fails at its first letter above U+00FF, so most texts are
  // rejected after a few bytes, with no conversion of the whole text.
  bytes->clear();
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size()), i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;  // as ICU's conversion reads an invalid sequence
    if (c <= 0xFF) {  // ASCII, Latin-1 (and C1 codes kept as bytes by a Latin-1 reading)
      *bytes += static_cast<char>(c);
      continue;
    }
    bool found = false;
    for (int k = 0; k < 32 && !found; ++k) {
      if (kCp1252[k] == static_cast<char32_t>(c)) {
        *bytes += static_cast<char>(0x80 + k);
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

int Score(std::string_view utf8, const LegacyTables& t) {
  const auto& words = t.word_set;
  std::string key = FoldKey(ToNfc(utf8.substr(0, std::min<size_t>(utf8.size(), 64 * 1024))));
  for (char& c : key) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  int score = 0;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string::npos) j = key.size();
    std::string w = key.substr(i, j - i);
    while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':')) w.pop_back();
    if (words.count(w)) ++score;
    i = j + 1;
  }
  return score;
}

}  // namespace congvan::text
