#include "segment/layout.h"

#include "segment/util.h"
#include "text/fold.h"

namespace congvan::segment {
namespace {

// How many lines from the top a header flattened onto plain lines may reach.
constexpr size_t kHeaderZone = 60;
// How many lines after the last "Nơi nhận" a signature printed beside the list may reach.
constexpr size_t kTailColumnWindow = 40;

// Cuts one cell or line at every common.cell_break match; returns the non-empty pieces. Each piece is cut
// again, since a match consumes the first letter after its cut and so hides a cut right after it
// ("VĂN BẢN PHÁP LUẬT KHÁC VĂN BẢN HỢP NHẤT - BỘ Y TẾ"); a piece is shorter than its cell, so it ends.
std::vector<std::string> BreakCell(const grammar::Grammar& g, std::string_view cell) {
  std::vector<std::string> pieces = SplitAt(g, "common.cell_break", cell, false);
  if (pieces.size() <= 1) return pieces;
  std::vector<std::string> out;
  for (const auto& p : pieces) {
    for (auto& q : BreakCell(g, p)) out.push_back(std::move(q));
  }
  return out;
}

std::vector<std::string_view> SplitCells(std::string_view row) {
  std::vector<std::string_view> cells;
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|') row.remove_suffix(1);
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i == row.size() || row[i] == '|') {
      cells.push_back(row.substr(start, i - start));
      start = i + 1;
    }
  }
  return cells;
}

}  // namespace

text::Lines Unflatten(text::Lines lines, const grammar::Grammar& g, model::Document& doc) {
  text::Lines out;
  out.reserve(lines.size() + 16);
  grammar::Match m;
  for (auto& line : lines) {
    // "straight connector 2Số: 123 /UBND-VX": a drawing shape's name glued to the line goes first.
    if (!line.text.empty() && g.Find("common.shape_name", line.text, &m)) {
      doc.Trace(line.number, "layout", m.rule->id);
      line.text.erase(0, m.Offset(line.text, "rest"));
    }
    // "An Phú, ngày | tháng | năm 2017": the gaps of a blank date or number are blanks, not columns.
    if (line.text.find(" | ") != std::string::npos && line.text.front() != '|') {
      while (g.Find("common.form_blank", line.text, &m)) {
        size_t at = m.Offset(line.text, "gap");
        line.text.replace(at, m.Group("gap").size(), " ");
        doc.Trace(line.number, "layout", m.rule->id);
      }
    }
    const std::string& t = line.text;
    bool table_row = !t.empty() && t.front() == '|';
    bool piped = !table_row && t.find(" | ") != std::string::npos;
    if (table_row && g.Find("common.table_separator", t, &m)) {
      doc.Trace(line.number, "layout", m.rule->id);
      out.push_back(text::Line{"", line.number, 0});
      continue;
    }
    if (table_row || piped) {
      doc.Trace(line.number, "layout", table_row ? "table_row" : "piped_line");
      bool first = true;
      for (std::string_view cell : SplitCells(t)) {
        std::vector<std::string> pieces = BreakCell(g, Trim(cell));
        if (pieces.empty()) continue;
        if (!first) out.push_back(text::Line{"", line.number, 0});
        first = false;
        for (auto& p : pieces) out.push_back(text::Line{std::move(p), line.number, line.heading_level});
      }
      continue;
    }
    if (t.empty() || g.Find("common.rule_line", t, &m)) {  // "--- PAGE 2 ---" is not two cells
      out.push_back(std::move(line));
      continue;
    }
    // Outside tables, only the top of the document can hold a header flattened onto one line; anywhere, a
    // signature block flattened onto one line may run an annex's title on after the name ("KT. BỘ
    // TRƯỞNG THỨ TRƯỞNG Trần Văn Sơn PHỤ LỤC DANH MỤC BIỂU MẪU", common.annex_run_on).
    if (g.Find("common.annex_run_on", t, &m)) {
      size_t at = m.Offset(t, "at");
      std::string head = t.substr(0, at), rest = t.substr(at + m.Group("at").size());
      doc.Trace(line.number, "layout", m.rule->id);
      out.push_back(text::Line{std::move(head), line.number, line.heading_level});
      out.push_back(text::Line{std::move(rest), line.number, line.heading_level});
      continue;
    }
    if (out.size() >= kHeaderZone) {
      out.push_back(std::move(line));
      continue;
    }
    std::vector<std::string> pieces = BreakCell(g, t);
    if (pieces.size() <= 1) {
      out.push_back(std::move(line));
      if (!pieces.empty()) out.back().text = std::move(pieces[0]);
      continue;
    }
    doc.Trace(line.number, "layout", "common.cell_break");
    for (auto& p : pieces) out.push_back(text::Line{std::move(p), line.number, line.heading_level});
  }
  return out;
}

void RejoinSplitStarters(text::Lines& lines, const grammar::Grammar& g, model::Document& doc) {
  grammar::Match m;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    text::Line& a = lines[i];
    const text::Line& b = lines[i + 1];
    if (a.text.empty() || b.text.empty() || !WordsAtMost(a.text, 2) || !text::StartsLower(b.text)) continue;
    if (g.Find("common.rejoinable", a.text, &m) || g.Find("common.rejoinable", b.text, &m)) continue;
    std::string joined = a.text + " " + b.text;
    if (!g.Find("common.rejoinable", joined, &m) || m.Offset(joined) != 0) continue;
    doc.Trace(a.number, "layout", "common.rejoinable");
    a.text = std::move(joined);
    lines[i + 1].text.clear();  // the line's number stays, empty
  }
}

size_t SkipPreface(const text::Lines& lines, const grammar::Grammar& g, model::Document& doc) {
  size_t n = lines.size();
  size_t i = NextNonBlank(lines, 0, n);
  grammar::Match m;
  // A YAML front matter block: "---", key: value lines, "---".
  if (i < n && lines[i].text == "---") {
    size_t j = i + 1;
    size_t limit = std::min(n, i + 80);
    while (j < limit && lines[j].text != "---") ++j;
    if (j < limit) {
      for (size_t k = i; k <= j; ++k) doc.Trace(lines[k].number, "preface", "front_matter");
      i = j + 1;
    }
  }
  // A legal portal's metadata table ("Số hiệu: | 1805/QĐ-UBND | ... | Tình trạng: | Đã biết"): skip to
  // the value of its last key.
  // The table is the first run of at least three keys, each within a few lines of the one before,
  // starting near the top (the same keys recur in lists of related documents further down).
  size_t last_key = n;
  {
    size_t first = n, prev = n, count = 0;
    for (size_t k = i; k < std::min(n, i + 2 * kHeaderZone); ++k) {
      if (!g.Test("preface.metadata_key", lines[k])) {
        if (prev != n && k - prev > 6) {
          if (count >= 3) break;
          first = prev = n, count = 0;
        }
        continue;
      }
      if (first == n) first = k;
      prev = k;
      ++count;
    }
    if (count >= 3) last_key = prev;
  }
  if (last_key < n) {
    for (size_t k = i; k <= last_key; ++k) doc.Trace(lines[k].number, "preface", "metadata_table");
    i = last_key + 1;
    bool value_seen = false;
    while (i < n) {
      const std::string& t = lines[i].text;
      bool filler = t.empty() || g.Test("common.rule_line", lines[i]);
      if (!filler && value_seen) break;
      if (!filler) value_seen = true;
      doc.Trace(lines[i].number, "preface", "metadata_table");
      ++i;
    }
  }
  while (true) {
    i = NextNonBlank(lines, i, n);
    if (i >= n) break;
    const auto& line = lines[i];
    if (g.Find("preface.source", line, &m) || g.Find("preface.site_chrome", line, &m)) {
      doc.Trace(line.number, "preface", m.rule->id);
      ++i;
      continue;
    }
    // A converter's title: a markdown heading that is not itself a header line.
    if (line.heading_level > 0 && !text::IsUpperText(line.text) &&
        !g.Test("header.motto", line) && !g.Test("header.number", line)) {
      doc.Trace(line.number, "preface", "markdown_title");
      ++i;
      continue;
    }
    break;
  }
  return i;
}

std::string SuperscriptToAscii(std::string_view s) {
  static const char* kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool hit = false;
    for (int d = 0; d < 10; ++d) {
      std::string_view sup = kSup[d];
      if (s.substr(i, sup.size()) == sup) {
        out += static_cast<char>('0' + d);
        i += sup.size();
        hit = true;
        break;
      }
    }
    if (!hit) out += s[i++];
  }
  return out;
}

void LiftFootnotes(text::Lines& lines, size_t begin, const grammar::Grammar& g,
                   model::Document& doc) {
  grammar::Match m;
  for (size_t i = begin; i < lines.size(); ++i) {
    bool para_start = i == 0 || lines[i - 1].text.empty();
    if (!para_start || !g.Find("footnotes.superscript", lines[i], &m)) continue;
    model::Footnote fn{SuperscriptToAscii(m.Group("mark")), std::string(m.Group("body")),
                       lines[i].number};
    doc.Trace(lines[i].number, "footnote", m.rule->id);
    lines[i] = text::Line{"", lines[i].number, 0, true};
    size_t j = i + 1;
    grammar::Match next;
    while (j < lines.size() && !lines[j].text.empty() &&
           !g.Find("footnotes.superscript", lines[j], &next)) {
      fn.text += " " + lines[j].text;
      doc.Trace(lines[j].number, "footnote", "continuation");
      lines[j] = text::Line{"", lines[j].number, 0, true};
      ++j;
    }
    doc.footnotes.push_back(std::move(fn));
    i = j - 1;
  }
}



void SeparateTailColumns(text::Lines& lines, const grammar::Grammar& g, model::Document& doc) {
  size_t start = lines.size();
  for (size_t i = lines.size(); i-- > 0;) {
    if (g.Test("distribution.start", lines[i])) {
      start = i;
      break;
    }
  }
  if (start == lines.size()) return;
  size_t end = std::min(lines.size(), start + kTailColumnWindow);
  // The right column starts at a chain mark; only then are titles and names at line ends read as its cells.
  grammar::Match m;
  bool columns = false;
  for (size_t i = start; i < end && !columns; ++i) {
    columns = !lines[i].text.empty() && g.Find("signature.column.mark", lines[i].text, &m);
  }
  if (!columns) return;
  text::Lines left, right;  // new lines, classified below
  std::vector<size_t> changed;
  size_t last_changed = start;
  for (size_t i = start; i < end; ++i) {
    const std::string& t = lines[i].text;
    if (t.empty()) continue;
    size_t at = std::string::npos;
    for (const char* family : {"signature.column.mark", "signature.column.title", "signature.column.name"}) {
      if (g.Find(family, t, &m)) {
        at = m.Offset(t, "at");
        if (at == std::string::npos) {  // no `at` group: the cell starts after the match's separator
          at = m.Offset(t);
          while (at < t.size() && std::string_view(";:,.) \t").find(t[at]) != std::string_view::npos) ++at;
        }
        break;
      }
    }
    if (at == std::string::npos || at == 0) continue;
    std::string l = Trim(std::string_view(t).substr(0, at));
    if (l.empty()) continue;
    doc.Trace(lines[i].number, "layout", "signature.column");
    left.push_back(text::Line{l, lines[i].number, lines[i].heading_level});
    right.push_back(text::Line{Trim(std::string_view(t).substr(at)), lines[i].number, 0});
    changed.push_back(i);
    last_changed = i;
  }
  if (right.empty()) return;
  g.Classify(left);
  g.Classify(right);
  for (size_t k = 0; k < changed.size(); ++k) lines[changed[k]] = std::move(left[k]);
  // The right column's cells, in order, as a block below the list: after the last list item in the window
  // (items wrap over lines that are no items, so the list runs to its last "- " line, not to its first gap).
  size_t at = last_changed + 1;
  for (size_t i = at; i < end; ++i) {
    if (g.Test("distribution.item", lines[i])) at = i + 1;  // the list's last item in the window
  }
  while (at < end && lines[at].text.empty()) ++at;
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(right.begin()),
               std::make_move_iterator(right.end()));
}

}  // namespace congvan::segment
