#include "text/normalize.h"
#include "text/words.h"

#include <algorithm>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cctype>
#include <string>

namespace congvan::text {
namespace {

// Decodes one code point from valid UTF-8 at s[i]; advances i.
char32_t Next(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return s[i++];
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (0xFF >> (len + 1));
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += len;
  return cp;
}

// The length of the run byte sequence at s[i] (see CleanLine), or 0: printable ASCII other than a space or
// a backslash, or the lead byte of a letter of two or more bytes that cannot be a space or a dropped
// character.
struct RunBytes {
  unsigned char len[256];
  constexpr RunBytes() : len() {
    for (int b = 0; b < 256; ++b) {
      len[b] = (b > ' ' && b < 0x7F && b != '\\')                    ? 1
               : (b >= 0xC3 && b <= 0xDF)                            ? 2
               : (b == 0xE0 || b == 0xE1 || (b >= 0xE4 && b <= 0xEE)) ? 3
               : (b >= 0xF0 && b <= 0xF4)                            ? 4
                                                                     : 0;
    }
  }
};
constexpr RunBytes kRunBytes;

size_t RunLength(std::string_view s, size_t i) {
  size_t len = kRunBytes.len[static_cast<unsigned char>(s[i])];
  return i + len > s.size() ? 0 : len;
}
bool RunStart(std::string_view s, size_t i) { return RunLength(s, i) != 0; }

// Spaces in a row that mark a column boundary rather than a word gap.
constexpr int kColumnGap = 6;

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == '\f' || c == '\v';
}

bool IsDropped(char32_t c) {
  return (c < 0x20) || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200D) || c == 0x2060 ||
         c == 0xFEFF || c == 0xAD;
}

bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Removes markdown emphasis asterisks: every "**", and a single "*" that touches a non-space on one side
// (opening or closing emphasis). Keeps "(*)", a lone "*", and "*" between spaces.
std::string StripEmphasis(const std::string& s) {
  if (s.find('*') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '*') {
      out += s[i];
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] == '*') ++j;
    size_t run = j - i;
    bool space_before = i == 0 || s[i - 1] == ' ';
    bool space_after = j == s.size() || s[j] == ' ';
    bool in_parens = i > 0 && s[i - 1] == '(' && j < s.size() && s[j] == ')';
    if (run == 1 && (in_parens || (space_before && space_after))) out += '*';
    i = j - 1;
  }
  return out;
}

// Removes HTML formatting tags that converters leave in text ("<p align=...>", "<b>", "<br>", "</td>").
// Other angle-bracket text ("<jsontable ...>", "<5 tuổi") is kept.
std::string StripHtmlTags(const std::string& s) {
  if (s.find('<') == std::string::npos) return s;
  static const char* kTags[] = {"p", "b", "i", "u", "strong", "em", "br", "div", "span", "font", "center",
                                "sup", "sub", "table", "tr", "td", "th", "tbody", "thead", "a", "o:p"};
  std::string out;
  out.reserve(s.size());
  // The first '>' at or after the current tag name, found once and reused until passed: searching the
  // rest of the line for every '<' made a line of 4 MiB of '<' take 82 s (issue 13).
  size_t next_close = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      size_t name_start = j;
      while (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) || s[j] == ':')) ++j;
      std::string name = s.substr(name_start, j - name_start);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (next_close != std::string::npos && next_close < j) next_close = s.find('>', j);
      size_t close = next_close;
      bool known = false;
      for (const char* t : kTags) known |= name == t;
      if (known && close != std::string::npos &&
          (j == close || s[j] == ' ' || s[j] == '/')) {
        out += ' ';
        i = close;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The bytes the line splitter stops at: LF, CR, and E2 (U+2028 and U+2029 start with it).
struct BreakBytes {
  bool at[256];
  constexpr BreakBytes() : at() {
    at[static_cast<unsigned char>('\n')] = at[static_cast<unsigned char>('\r')] = at[0xE2] = true;
  }
};
constexpr BreakBytes kMayBreak;

// Removes markdown underscore emphasis: a "_" opening a word (after the line's start, a space or "(")
// paired with the next "_" closing one (before the end, a space or punctuation), as in "_Nơi nhận:_" or
// "_(sau đây gọi là ...)_". Runs of underscores (blanks to fill in: "Số: ____/QĐ") and underscores
// inside words ("bao_cao.doc") are kept.
std::string StripUnderscoreEmphasis(const std::string& s) {
  if (s.find('_') == std::string::npos) return s;
  auto opens = [&](size_t i) {
    return s[i] == '_' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') && i + 1 < s.size() &&
           s[i + 1] != ' ' && s[i + 1] != '_';
  };
  auto closes = [&](size_t j) {
    if (s[j] != '_' || j == 0 || s[j - 1] == ' ' || s[j - 1] == '_') return false;
    return j + 1 == s.size() || std::string_view(" .,;:)").find(s[j + 1]) != std::string_view::npos;
  };
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (opens(i)) {
      size_t j = i + 1;
      while (j < s.size() && !closes(j)) ++j;
      if (j < s.size()) {
        out.append(s, i + 1, j - i - 1);
        i = j + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// A markdown blockquote's marks at the start of a raw line ("> TM. ỦY BAN NHÂN DÂN", "> > text", a bare
// ">"): the text without them. A ">" before a digit or letter ("> 5 năm" has a space; ">5" not) stays.
std::string_view StripBlockquote(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  bool any = false;
  while (i < raw.size() && raw[i] == '>' && (i + 1 == raw.size() || raw[i + 1] == ' ' || raw[i + 1] == '\t' ||
                                            raw[i + 1] == '\r')) {
    any = true;
    ++i;
    while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  }
  return any ? raw.substr(i) : raw;
}

// Bold ("**") left open at a raw line's end, or closed at its start: a cell a converter wrapped inside
// its bold markers ("**VĂN" / "PHÒNG CHÍNH PHỦ**", "**Nguyễn Quỳnh" / "Thiện**").
struct BoldEnds {
  bool opens_unclosed = false;   // an odd number of "**" runs, the last one opening
  bool closes_unopened = false;  // an odd number, the first one closing
};
BoldEnds ReadBoldEnds(std::string_view raw) {
  BoldEnds out;
  if (raw.find("**") == std::string_view::npos) return out;
  while (!raw.empty() && (raw.back() == '\r' || raw.back() == '\t')) raw.remove_suffix(1);
  // Two trailing spaces or a backslash: a markdown hard line break, the writer's own line end, no wrap.
  bool hard_break = (raw.size() >= 2 && raw.substr(raw.size() - 2) == "  ") || (!raw.empty() && raw.back() == '\\');
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  int runs = 0;
  size_t first = std::string_view::npos, last = 0, last_end = 0;
  for (size_t i = 0; i + 1 < raw.size();) {
    if (raw[i] == '*' && raw[i + 1] == '*') {
      size_t j = i;
      while (j < raw.size() && raw[j] == '*') ++j;
      if (first == std::string_view::npos) first = i;
      last = i;
      last_end = j;
      ++runs;
      i = j;
    } else {
      ++i;
    }
  }
  if (runs % 2 == 0) return out;
  out.opens_unclosed = !hard_break && last_end < raw.size() && raw[last_end] != ' ';
  out.closes_unopened = first > 0 && raw[first - 1] != ' ';
  return out;
}

// A cell wrapped inside bold is one short text: at most so many words on each of its two lines.
constexpr size_t kBoldWrapWords = 8;

}  // namespace

std::string ToNfc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(utf8);
  if (nfc->isNormalizedUTF8(utf8, err) && U_SUCCESS(err)) return std::string(utf8);
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, utf8, sink, nullptr, err);
  if (U_FAILURE(err)) return std::string(utf8);
  return out;
}

std::string CleanLine(std::string_view raw) {
  // One pass over the line, copying runs of plain bytes whole; the other passes run only on the lines
  // that need them (tags, emphasis).
  std::string html;
  std::string_view line = raw;
  if (raw.find('<') != std::string_view::npos) {
    html = StripHtmlTags(std::string(raw));
    line = html;
  }
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  int space_run = 0;
  for (size_t i = 0; i < line.size();) {
    // Printable ASCII other than a space or a backslash, and letters of two or more bytes whose lead byte
    // cannot start a space or a dropped character (those start with C2, E2, E3 or EF): copy the run as is.
    size_t run = i;
    while (run < line.size()) {
      if (size_t len = RunLength(line, run)) {
        run += len;
        continue;
      }
      // One space between two run bytes, after the run has started, is copied as the slow path would
      // copy it (it folds nothing and marks no column gap there): the words of a line stay in one run.
      if (line[run] == ' ' && run > i && run + 1 < line.size() && RunStart(line, run + 1)) {
        ++run;
        continue;
      }
      break;
    }
    if (run > i) {
      if (pending_space && space_run >= kColumnGap && out.back() != '|' && line[i] != '|') out += " |";  // '|' is ASCII
      if (pending_space) out += ' ';
      pending_space = false;
      space_run = 0;
      out.append(line.data() + i, run - i);
      i = run;
      continue;
    }
    size_t start = i;
    char32_t c = Next(line, i);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      ++space_run;
      continue;
    }
    // A wide gap inside a line separates two columns laid out side by side (pdftotext -layout):
    // mark it as a cell boundary, as in a Markdown table.
    if (pending_space && space_run >= kColumnGap && out.back() != '|' && c != '|') out += " |";
    space_run = 0;
    if (IsDropped(c)) continue;
    if (c == '\\' && i < line.size() && IsAsciiPunct(line[i])) continue;  // markdown escape
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(line.data() + start, i - start);
  }
  // Markdown: a trailing backslash is a hard line break.
  while (!out.empty() && out.back() == '\\') out.pop_back();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.find('*') != std::string::npos) {
    out = StripEmphasis(out);
    // Emphasis removal can leave doubled or edge spaces ("** 4197 **").
    std::string folded;
    folded.reserve(out.size());
    for (char ch : out) {
      if (ch == ' ' && (folded.empty() || folded.back() == ' ')) continue;
      folded += ch;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    out = std::move(folded);
  }
  if (out.find('_') != std::string::npos) out = StripUnderscoreEmphasis(out);
  // "Phạm Văn Thành |": the one bar of a table cell's edge left at a line's end (or start) by a converter
  // is no cell boundary; a row ("| a | b |") has more than one.
  if (out.size() > 2 && std::count(out.begin(), out.end(), '|') == 1) {
    if (out.compare(out.size() - 2, 2, " |") == 0) {
      out.resize(out.size() - 2);
    } else if (out.compare(0, 2, "| ") == 0) {
      out.erase(0, 2);
    }
  }
  if (out.size() >= 2 && out[0] == '*' && out[1] == ' ') out[0] = '-';  // "* item" bullet
  if (out.size() >= 2 && out[0] == '+' && out[1] == ' ') out[0] = '-';
  return out;
}

Lines Normalize(std::string_view utf8) {
  // Text already in NFC (most of it) is read in place, not copied.
  std::string nfc;
  std::string_view s = utf8;
  {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err) || !n->isNormalizedUTF8(utf8, err) || U_FAILURE(err)) {
      nfc = ToNfc(utf8);
      s = nfc;
    }
  }
  Lines lines;
  int number = 0;
  size_t pos = 0;
  bool open_bold = false;  // the line before left a bold open at its end
  while (pos <= s.size()) {
    size_t end = pos;
    size_t next = std::string_view::npos;
    while (end < s.size()) {
      // Skip to the next byte that can end a line (LF, CR, or the lead of U+2028/U+2029).
      while (end < s.size() && !kMayBreak.at[static_cast<unsigned char>(s[end])]) ++end;
      if (end == s.size()) break;
      char c = s[end];
      if (c == '\n') {
        next = end + 1;
        break;
      }
      if (c == '\r') {
        next = (end + 1 < s.size() && s[end + 1] == '\n') ? end + 2 : end + 1;
        break;
      }
      // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
      if (c == '\xE2' && end + 2 < s.size() && s[end + 1] == '\x80' &&
          (s[end + 2] == '\xA8' || s[end + 2] == '\xA9')) {
        next = end + 3;
        break;
      }
      ++end;
    }
    if (next == std::string_view::npos && end == s.size() && pos == s.size() && number > 0) break;
    ++number;
    std::string_view raw = StripBlockquote(s.substr(pos, end - pos));
    BoldEnds bold = ReadBoldEnds(raw);
    std::string text = CleanLine(raw);
    int level = 0;
    while (level < static_cast<int>(text.size()) && text[level] == '#') ++level;
    if (level > 0 && level <= 6 && (level == static_cast<int>(text.size()) || text[level] == ' ')) {
      text.erase(0, level);
      while (!text.empty() && text.back() == '#') text.pop_back();
      text = CleanLine(text);
    } else {
      level = 0;
    }
    // "**VĂN" / "PHÒNG CHÍNH PHỦ**": the second line of a short cell wrapped inside its bold joins the
    // first (no Line of its own: a blank left in its place would part a signature block's lines).
    if (bold.closes_unopened && open_bold && !lines.empty() && !text.empty() &&
        WordCount(lines.back().text, kBoldWrapWords) <= kBoldWrapWords && WordCount(text, kBoldWrapWords) <= kBoldWrapWords) {
      lines.back().text += ' ';
      lines.back().text += text;
      open_bold = false;
    } else {
      open_bold = bold.opens_unclosed && !text.empty();
      lines.push_back(Line{std::move(text), number, static_cast<int8_t>(level), false, {}});
    }
    if (next == std::string_view::npos) break;
    pos = next;
  }
  return lines;
}

}  // namespace congvan::text
