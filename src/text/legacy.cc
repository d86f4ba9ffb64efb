#include "text/legacy.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

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
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    i += 2;
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
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
  return t;
}

std::string DecodeTable(std::string_view bytes, const std::map<std::string, std::string>& table) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size();) {
    // Longest sequence first (VNI pairs), then one byte.
    bool hit = false;
    for (size_t len = 2; len >= 1 && !hit; --len) {
      if (i + len > bytes.size()) continue;
      auto it = table.find(std::string(bytes.substr(i, len)));
      if (it != table.end()) {
        out += it->second;
        i += len;
        hit = true;
      }
    }
    if (hit) continue;
    auto c = static_cast<unsigned char>(bytes[i++]);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      AppendUtf8(out, c >= 0xA0 ? c : (kCp1252[c - 0x80] ? kCp1252[c - 0x80] : c));
    }
  }
  return out;
}

std::string EncodeTable(std::string_view utf8, const std::map<std::string, std::string>& table) {
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
      std::string lower = FoldKey(ch);
      auto lit = reverse.find(ToNfc(lower));
      out += lit != reverse.end() ? lit->second : ch;
    } else {
      out += it->second;
    }
    i += len;
  }
  return out;
}

std::string RestoreTcvn3Case(const std::string& utf8, const LegacyTables& t) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString out;
  bool sentence_start = true;
  for (int32_t i = 0; i < s.length();) {
    // One word: letters and combining marks.
    if (!u_isalpha(s.char32At(i))) {
      UChar32 c = s.char32At(i);
      if (c == '\n') sentence_start = true;
      if (c == '.' || c == '!' || c == '?') sentence_start = true;
      out.append(c);
      i += U16_LENGTH(c);
      continue;
    }
    int32_t j = i;
    while (j < s.length() && (u_isalpha(s.char32At(j)) || u_getCombiningClass(s.char32At(j)))) {
      j += U16_LENGTH(s.char32At(j));
    }
    icu::UnicodeString word = s.tempSubStringBetween(i, j);
    int upper = 0, lower = 0;
    for (int32_t k = 0; k < word.length();) {
      UChar32 c = word.char32At(k);
      if (u_isupper(c)) ++upper;
      if (u_islower(c)) ++lower;
      k += U16_LENGTH(c);
    }
    if (upper > 0 && lower > 0 && upper >= word.countChar32() - 1 && word.countChar32() > 1) {
      word.toUpper(icu::Locale("vi"));  // "Uỷ" -> "UỶ": a capitals word with one toned lower-case
    } else if (sentence_start && lower > 0 && u_islower(word.char32At(0))) {
      icu::UnicodeString first = word.tempSubStringBetween(0, U16_LENGTH(word.char32At(0)));
      first.toUpper(icu::Locale("vi"));
      word.replace(0, U16_LENGTH(word.char32At(0)), first);
    }
    out.append(word);
    sentence_start = false;
    i = j;
  }
  std::string r;
  out.toUTF8String(r);
  for (const auto& title : t.titlecase) {
    std::string low = ToNfc(FoldKey(title));  // compare in lower case
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
    (void)low;
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
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  bytes->clear();
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
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
  static thread_local std::set<std::string> words;
  words.clear();
  words.insert(t.words.begin(), t.words.end());
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
