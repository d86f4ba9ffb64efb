#include "segment/util.h"

#include "text/words.h"

namespace congvan::segment {

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string StripListPunct(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == ';' || s[e - 1] == ',' || s[e - 1] == '.' || s[e - 1] == ' ')) --e;
  return Trim(s.substr(0, e));
}

size_t WordCount(std::string_view s) { return text::WordCount(s); }

bool WordsAtMost(std::string_view s, size_t k) { return text::WordCount(s, k) <= k; }

size_t NextNonBlank(const text::Lines& lines, size_t i, size_t end) {
  while (i < end && lines[i].text.empty()) ++i;
  return i;
}

std::vector<std::string> SplitAt(const grammar::Grammar& g, std::string_view family, std::string_view text,
                                 bool keep_empty) {
  std::vector<std::string> out;
  size_t start = 0;
  auto add = [&](std::string_view piece) {
    std::string p = Trim(piece);
    if (keep_empty || !p.empty()) out.push_back(std::move(p));
  };
  for (const auto& m : g.FindAll(family, text)) {
    size_t at = m.Offset(text, "at");
    if (at == std::string_view::npos || at < start) continue;
    add(text.substr(start, at - start));
    start = at + m.Group("at").size();
  }
  add(text.substr(start));
  return out;
}

std::vector<std::string> SplitListItems(const grammar::Grammar& g, std::string_view line) {
  return SplitAt(g, "common.list_break", line, true);
}

}  // namespace congvan::segment
