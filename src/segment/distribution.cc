#include "segment/distribution.h"

#include "segment/util.h"
#include "segment/zones.h"
#include "text/fold.h"
#include "text/join.h"

namespace congvan::segment {
namespace {

model::DistributionItem MakeItem(const grammar::Grammar& g, std::string text, int line) {
  model::DistributionItem item;
  item.line = line;
  grammar::Match m;
  std::string stripped = StripListPunct(text);
  if (g.Find("distribution.note", stripped, &m) || g.Find("distribution.note", text, &m)) {
    const std::string& src = g.Find("distribution.note", stripped, &m) ? stripped : text;
    g.Find("distribution.note", src, &m);
    item.note = std::string(m.Group("note"));
    item.name = StripListPunct(std::string_view(src).substr(0, m.Offset(src)));
    item.text = item.name + " (" + *item.note + ")";
  } else {
    item.name = item.text = stripped;
  }
  return item;
}

}  // namespace

ScannedList ScanDistribution(const text::Lines& lines, size_t d, size_t end, const grammar::Grammar& g) {
  ScannedList list;
  list.heading = d;
  grammar::Match m;
  g.Find("distribution.start", lines[d], &m);
  list.heading_rule = m.rule->id;
  auto& items = list.items;
  auto add_line = [&](std::string_view text, int number) {
    for (const std::string& piece : SplitListItems(g, text)) {
      grammar::Match im;
      if (g.Find("distribution.item", piece, &im)) {
        items.push_back({std::string(im.Group("item")), number});
      } else if (!items.empty()) {
        text::AppendWrapped(items.back().text, piece);
      } else if (!piece.empty()) {
        items.push_back({piece, number});
      }
    }
  };
  std::string rest(m.Group("rest"));
  if (!rest.empty()) add_line(rest, lines[d].number);
  size_t j = d + 1;
  size_t last = j;        // one past the last line that was part of the list
  size_t kept_traces = 0;  // traces up to that line
  while (j < end) {
    const std::string& t = lines[j].text;
    if (t.empty()) {
      size_t k = NextNonBlank(lines, j, end);
      // "- Ủy ban Kiểm tra, Ban Tuyên giáo," / blank / "Văn phòng Tỉnh ủy;": an item cut after a comma
      // or a connector goes on past the blank (a converter that writes a blank after every line).
      bool resumes = k < end && !items.empty() && g.Test("common.continues", items.back().text) &&
                     !IsSignatureLine(g, lines[k]) && !text::IsUpperText(lines[k].text);
      if (k < end && (resumes || g.Test("distribution.item", lines[k]))) {
        j = k;
        continue;
      }
      break;
    }
    bool is_item = g.Test("distribution.item", lines[j]);
    if (!is_item && items.empty() && g.Test("signature.prefix", lines[j])) {
      // "Nơi nhận:" / "KT. CHỦ TỊCH" / "- Như trên;": the block's first line between the heading and
      // the items, when items follow it.
      size_t k = NextNonBlank(lines, j + 1, end);
      if (k < end && g.Test("distribution.item", lines[k])) {
        list.chain_lines.push_back(j);
        list.traces.push_back({lines[j].number, "signature.interleaved"});
        j = k;
        continue;
      }
    }
    if (!is_item && IsDebris(g, lines[j])) {  // a page marker or page number inside the list
      list.traces.push_back({lines[j].number, "zone.debris"});
      ++j;
      continue;
    }
    if (!is_item && (IsSignatureLine(g, lines[j]) || text::IsUpperText(t))) break;
    if (!is_item && items.empty() && WordCount(t) > 20) break;
    list.traces.push_back({lines[j].number, is_item ? "distribution.item" : "continuation"});
    add_line(t, lines[j].number);
    ++j;
    last = j;
    kept_traces = list.traces.size();
  }
  list.traces.resize(kept_traces);  // debris after the last item belongs to no list
  list.end = last;
  return list;
}

void ApplyDistribution(const ScannedList& list, const text::Lines& lines, const grammar::Grammar& g,
                       model::Document& doc) {
  doc.Trace(lines[list.heading].number, "distribution", list.heading_rule);
  doc.lines["distribution"] = lines[list.heading].number;
  for (const auto& [line, rule] : list.traces) {
    std::string_view r(rule);
    doc.Trace(line, r == "zone.debris" ? "debris" : r == "signature.interleaved" ? "signature" : "distribution", rule);
  }
  for (const auto& it : list.items) {
    auto item = MakeItem(g, it.text, it.line);
    if (!item.text.empty()) doc.distribution.push_back(std::move(item));
  }
}

}  // namespace congvan::segment
