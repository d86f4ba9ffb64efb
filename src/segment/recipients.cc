#include "segment/recipients.h"

#include "segment/util.h"
#include "text/join.h"

namespace congvan::segment {

size_t ParseRecipients(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                       model::Document& doc) {
  size_t n = lines.size();
  size_t i = NextNonBlank(lines, begin, n);
  grammar::Match m;
  if (i >= n || !g.Find("recipients.start", lines[i], &m)) return begin;
  doc.Trace(lines[i].number, "recipients", m.rule->id);
  doc.lines["recipients"] = lines[i].number;
  std::vector<model::TextItem> items;
  bool closed = false;  // the last item ended with ";" or "." (or it is a fresh bullet list)
  auto add_line = [&](std::string_view text, int number) {
    for (const std::string& piece : SplitListItems(g, text)) {
      grammar::Match im;
      if (g.Find("recipients.item", piece, &im)) {
        items.push_back({std::string(im.Group("item")), number});
      } else if (!items.empty() && !closed) {
        text::AppendWrapped(items.back().text, piece);
      } else {
        items.push_back({piece, number});
      }
      char last = items.back().text.empty() ? 0 : items.back().text.back();
      closed = last == ';' || last == '.';
    }
  };
  std::string rest(m.Group("rest"));
  grammar::Match bullet;
  if (!rest.empty() && !g.Find("recipients.item", rest, &bullet) && rest.find("; ") != std::string::npos) {
    // Several recipients on the "Kính gửi:" line itself, separated by semicolons.
    size_t start = 0;
    while (start < rest.size()) {
      size_t semi = rest.find(';', start);
      std::string item = Trim(std::string_view(rest).substr(start, semi == std::string::npos ? std::string::npos : semi - start));
      if (!item.empty()) items.push_back({item, lines[i].number});
      if (semi == std::string::npos) break;
      start = semi + 1;
    }
    closed = true;
  } else if (!rest.empty()) {
    add_line(rest, lines[i].number);
  }
  size_t j = i + 1;
  while (j < n) {
    const auto& t = lines[j].text;
    if (t.empty()) {
      size_t k = NextNonBlank(lines, j, n);
      grammar::Match im;
      bool item_follows = k < n && g.Test("recipients.item", lines[k]);
      bool lone_follows = k < n && items.empty() && WordCount(lines[k].text) <= 25 &&
                          !g.Test("sections.marker", lines[k]);
      if (!item_follows && !lone_follows) break;
      j = k;
      continue;
    }
    grammar::Match im;
    bool is_item = g.Test("recipients.item", lines[j]);
    if (!is_item && !items.empty() && closed) break;
    if (!is_item && g.Test("sections.marker", lines[j])) break;
    if (!is_item && items.empty() && WordCount(t) > 25) break;
    doc.Trace(lines[j].number, "recipients", is_item ? "recipients.item" : "continuation");
    add_line(t, lines[j].number);
    ++j;
  }
  for (auto& it : items) {
    it.text = StripListPunct(it.text);
    if (!it.text.empty()) doc.recipients.push_back(std::move(it));
  }
  return j;
}

}  // namespace congvan::segment
