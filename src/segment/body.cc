#include "segment/body.h"

#include <cstdlib>

#include "base/numbers.h"

#include <algorithm>

#include "segment/util.h"
#include "text/fold.h"
#include "text/join.h"

namespace congvan::segment {
namespace {

struct Paragraph {
  std::string text;
  int line = 0;
  bool after_footnotes = false;  // footnotes were lifted from the gap before it
  model::LineTable line_at;
  // Set when the paragraph starts with a section marker: its style (the rule's value, which the grammar
  // keeps) and where its id and the text after it lie in `text` (offsets, so a move keeps them right).
  const std::string* style_of = nullptr;  // the marker rule's value
  uint32_t id_at = 0, id_len = 0, rest_at = 0, rest_len = 0;
  std::string_view style() const { return style_of ? std::string_view(*style_of) : std::string_view(); }
  std::string_view id() const { return std::string_view(text).substr(id_at, id_len); }
  std::string_view rest() const { return std::string_view(text).substr(rest_at, rest_len); }
};

// The input line a paragraph ends on.
int EndLine(const Paragraph& p) { return p.line_at.LineAt(p.text.size(), p.line); }

void Append(Paragraph& p, const std::string& next, int line) {
  text::AppendWrapped(p.text, next);
  p.line_at.emplace_back(p.text.size() - next.size(), line);
}

// The model's paragraph: the text after the marker for an item's first paragraph.
model::Paragraph ToModel(const Paragraph& p, bool strip_marker, const grammar::Grammar& g) {
  model::Paragraph out;
  out.line = p.line;
  if (strip_marker && !p.style().empty()) {
    size_t cut = p.text.size() - p.rest_len;
    out.text = p.rest();
    for (auto [off, ln] : p.line_at) {
      if (off >= cut) out.line_at.emplace_back(off - cut, ln);
    }
    return out;
  }
  grammar::Match m;
  if (g.Find("sections.bullet", p.text, &m) && m.Offset(p.text, "rest") != std::string::npos) {
    out.bullet = true;
    size_t cut = m.Offset(p.text, "rest");
    out.text = p.text.substr(cut);
    for (auto [off, ln] : p.line_at) {
      if (off >= cut) out.line_at.emplace_back(off - cut, ln);
    }
    return out;
  }
  out.text = p.text;
  out.line_at = p.line_at;
  return out;
}

// A short line that does not run on (a heading such as "1. Đánh giá chung", or a line ending in ':')
// followed by a line starting in upper case: a paragraph break even without a blank line, as in text
// exported one paragraph per line.
bool EndsShortLine(const grammar::Grammar& g, std::string_view prev, std::string_view next) {
  if (prev.empty() || !text::StartsUpper(next)) return false;
  if (prev.back() == ':') return true;
  return WordCount(prev) <= 8 && !g.Test("common.continues", prev);
}

// The quotation marks of a line: curly ones opened minus closed, and whether the straight ones are odd
// in number (each odd line opens or closes a straight quotation).
struct Quotes {
  int curly = 0;
  bool straight_odd = false;
};
Quotes CountQuotes(std::string_view t) {
  Quotes q;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"') q.straight_odd = !q.straight_odd;
    if (t.compare(i, 3, "\xE2\x80\x9C") == 0) ++q.curly;  // “
    if (t.compare(i, 3, "\xE2\x80\x9D") == 0) --q.curly;  // ”
  }
  return q;
}

// A quotation left open over lines.
struct OpenQuote {
  int curly = 0;
  bool straight = false;
  bool open() const { return curly > 0 || straight; }
  void Add(const Quotes& q) {
    curly = std::max(0, curly + q.curly);
    if (q.straight_odd) straight = !straight;
  }
};

// A line that starts with an opening quotation mark and leaves the quotation open ("\"1. Đối tượng
// áp dụng gồm:"): a quoted article follows, whose numbered items are no sections of this document.
bool OpensQuote(std::string_view t) {
  bool starts = (!t.empty() && t[0] == '"') || t.compare(0, 3, "\xE2\x80\x9C") == 0;
  if (!starts) return false;
  OpenQuote q;
  q.Add(CountQuotes(t));
  return q.open();
}

// The last input line of a paragraph's text (where it was appended last).
std::string_view LastLine(const Paragraph& p) {
  std::string_view t = p.text;
  size_t at = p.line_at.empty() ? 0 : (p.line_at.end() - 1)->offset;
  return at < t.size() ? t.substr(at) : t;
}

// A quotation that stays open longer than this many non-blank lines is taken for a stray mark.
constexpr int kMaxQuoteLines = 12;

// Whether the quotation that line i opens closes within kMaxQuoteLines non-blank lines before end.
bool QuoteCloses(const text::Lines& lines, size_t i, size_t end) {
  OpenQuote q;
  int seen = 0;
  for (size_t k = i; k < end && seen <= kMaxQuoteLines; ++k) {
    if (lines[k].text.empty()) continue;
    ++seen;
    q.Add(CountQuotes(lines[k].text));
    if (!q.open()) return true;
  }
  return false;
}

// Reads a paragraph's section marker ("2.", "a)", "II."), with its parts; false when it has none.
bool ReadMarker(const grammar::Grammar& g, Paragraph& p) {
  grammar::Match m;
  p.style_of = nullptr;
  p.id_at = p.id_len = p.rest_at = p.rest_len = 0;
  if (!g.Find("sections.marker", p.text, &m)) return false;
  p.style_of = &m.rule->value;
  std::string_view id = m.Group("id"), rest = TrimView(m.Group("rest"));
  p.id_at = static_cast<uint32_t>(id.empty() ? 0 : id.data() - p.text.data());
  p.id_len = static_cast<uint32_t>(id.size());
  p.rest_at = static_cast<uint32_t>(rest.empty() ? p.text.size() : rest.data() - p.text.data());
  p.rest_len = static_cast<uint32_t>(rest.size());
  return true;
}

std::vector<Paragraph> BuildParagraphs(const text::Lines& lines, size_t begin, size_t end,
                                       const grammar::Grammar& g, model::Document& doc) {
  std::vector<Paragraph> paras;
  {
    size_t most = 0;  // at most one paragraph per non-blank line: no growth, no slack
    for (size_t i = begin; i < end; ++i) most += !lines[i].text.empty();
    paras.reserve(most);
  }
  bool open = false, gap_footnotes = false;
  OpenQuote quote;  // a quotation opened on an earlier line ("1. …" / "a) …" / "c) …")
  for (size_t i = begin; i < end; ++i) {
    const auto& line = lines[i];
    if (quote.open() && !paras.empty()) {
      // A quoted article's items are the quotation's text, not the letter's sections: they join the
      // paragraph that opened the quote, blank lines and all, until the quote closes.
      if (line.text.empty()) continue;
      Append(paras.back(), line.text, line.number);
      quote.Add(CountQuotes(line.text));
      continue;
    }
    if (line.text.empty()) {
      open = false;
      gap_footnotes |= line.footnote_gap;
      continue;
    }
    if (g.Test("common.rule_line", line)) {
      open = false;
      continue;
    }
    bool starts_item = g.Test("sections.marker", line) || g.Test("sections.bullet", line);
    // "\"1. Đối tượng áp dụng gồm:": a line that opens a quotation it does not close starts a quote,
    // when the quotation closes within kMaxQuoteLines non-blank lines (else a stray mark, and no quote).
    // Only a quotation of another text ("Tại Điều 2 ... quy định:" before it): an amendment's quoted
    // provisions are this text's own.
    bool opens_quote = !paras.empty() && OpensQuote(line.text) && QuoteCloses(lines, i, end) &&
                       g.Test("sections.quote_intro", LastLine(paras.back()));
    if (opens_quote) starts_item = false;
    if (open && !starts_item && !EndsShortLine(g, lines[i - 1].text, line.text)) {
      Append(paras.back(), line.text, line.number);
      if (opens_quote) quote.Add(CountQuotes(line.text));
      continue;
    }
    if (opens_quote && !paras.empty()) {
      Append(paras.back(), line.text, line.number);
      quote.Add(CountQuotes(line.text));
      continue;
    }
    Paragraph p;
    p.text = line.text;
    p.line = line.number;
    p.after_footnotes = gap_footnotes;
    paras.push_back(std::move(p));
    open = true;
    gap_footnotes = false;
  }
  // Rejoin paragraphs a page break cut in mid-sentence, in place. Each paragraph's marker is read once
  // here, with its parts; one that takes in the next paragraph is read again on its final text.
  size_t kept = 0;
  std::vector<size_t> grown;  // kept paragraphs that took in a later one
  for (size_t r = 0; r < paras.size(); ++r) {
    Paragraph& p = paras[r];
    bool item = ReadMarker(g, p) || g.Test("sections.bullet", p.text);
    if (kept > 0) {
      Paragraph& prev = paras[kept - 1];
      bool open_end = !g.Test("common.sentence_end", prev.text);
      bool continues = g.Test("common.continues", prev.text);
      if (!item && open_end && (text::StartsLower(p.text) || continues || p.after_footnotes) &&
          (continues || text::StartsLower(p.text))) {
        doc.Warn("paragraph_rejoined",
                 "rejoined a sentence split by a page break (line " + std::to_string(prev.line) +
                     " continues here)",
                 p.line);
        text::AppendWrapped(prev.text, p.text);
        size_t base = prev.text.size() - p.text.size();
        prev.line_at.emplace_back(base, p.line);
        for (auto [off, ln] : p.line_at) prev.line_at.emplace_back(base + off, ln);
        if (grown.empty() || grown.back() != kept - 1) grown.push_back(kept - 1);
        continue;
      }
    }
    if (kept != r) paras[kept] = std::move(p);
    ++kept;
  }
  paras.resize(kept);
  for (size_t i : grown) ReadMarker(g, paras[i]);
  return paras;
}

int RomanValue(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = *it == 'I' ? 1 : *it == 'V' ? 5 : *it == 'X' ? 10 : *it == 'L' ? 50 : 0;
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

// The ordinal of an id in its style: "3" -> 3, "IV" -> 4, "c" -> 3, "2.1" -> 1 (last component).
int Ordinal(std::string_view style, std::string_view id) {
  if (style == "roman") return RomanValue(id);
  // Lettered styles count in the Vietnamese alphabet ("đ" after "d").
  static const std::vector<std::string> kLetters = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k",
                                                    "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
                                                    "v", "x", "y"};
  static const std::vector<std::string> kParts = {"A", "B", "C", "D", "Đ", "E", "G", "H"};  // "A." to "H."
  if (style == "alpha" || style == "part") {
    const auto& letters = style == "alpha" ? kLetters : kParts;
    auto it = std::find(letters.begin(), letters.end(), id);
    return it == letters.end() ? -1 : static_cast<int>(it - letters.begin()) + 1;
  }
  size_t dot = id.rfind('.');
  return ParseInt(std::string_view(id).substr(dot == std::string::npos ? 0 : dot + 1));
}

bool IsHeading(const Paragraph& first, bool has_more) {
  std::string_view rest = first.rest();
  if (rest.empty()) return false;
  if (rest.back() == ':') return true;
  return has_more && !text::EndsSentence(rest) && WordCount(rest) <= 30;
}

struct Node {
  model::Section section;
  // Its own paragraphs: its marker's and those after it up to the next item, always a run of the body's
  // paragraphs, so a first and a count (a vector of pointers for an item of 600,000 paragraphs was
  // 8 MB of a file of short lines' peak).
  struct Run {
    const Paragraph* first = nullptr;
    size_t count = 0;
    void push_back(const Paragraph* p) {
      if (!first) first = p;
      if (p != first + count) std::abort();  // cannot happen (see ParseBody); never a wrong reading
      ++count;
    }
    size_t size() const { return count; }
    bool empty() const { return count == 0; }
    const Paragraph* operator[](size_t i) const { return first + i; }
    struct It {
      const Paragraph* p;
      const Paragraph* operator*() const { return p; }
      It& operator++() { ++p; return *this; }
      bool operator!=(const It& o) const { return p != o.p; }
    };
    It begin() const { return {first}; }
    It end() const { return {first + count}; }
  } paras;
  std::vector<Node> children;
  std::string style;
};

void Finish(Node& node, const std::string& parent_path, const std::string& parent_id, const grammar::Grammar& g) {
  auto& s = node.section;
  s.style = node.style;
  s.paragraphs.reserve(node.paras.size());
  for (const Paragraph* p : node.paras) s.paragraphs.push_back(ToModel(*p, p == node.paras[0], g));
  // "1.1." under "1.": the marker prints its parent's number already; the path says it once ("1.1").
  std::string_view local = s.id;
  if (!parent_id.empty() && local.size() > parent_id.size() + 1 && local.substr(0, parent_id.size()) == parent_id &&
      local[parent_id.size()] == '.') {
    local.remove_prefix(parent_id.size() + 1);
  }
  s.path = parent_path.empty() ? s.id : parent_path + "." + std::string(local);
  bool has_more = node.paras.size() > 1 || !node.children.empty();
  if (!node.paras.empty() && IsHeading(*node.paras[0], has_more)) {
    std::string h(node.paras[0]->rest());
    if (!h.empty() && h.back() == ':') h.pop_back();
    s.heading = Trim(h);
    s.heading_paragraph = true;
  }
  for (auto& c : node.children) Finish(c, s.path, s.id, g);
  std::string text;
  {
    size_t need = 0;  // the whole item's length, reserved once (a doubling string peaked at twice it)
    for (const Paragraph* p : node.paras) need += p->text.size() + 1;
    for (const auto& c : node.children) need += c.section.text.size() + c.section.id.size() + 3;
    text.reserve(need);
  }
  for (const Paragraph* p : node.paras) {
    if (!text.empty()) text += "\n";
    text += p == node.paras[0] && !p->style().empty() ? p->rest() : std::string_view(p->text);
    s.end_line = std::max(s.end_line, EndLine(*p));
  }
  s.own_size = text.size();
  for (auto& c : node.children) {
    s.end_line = std::max(s.end_line, c.section.end_line);
    if (!text.empty()) text += "\n";
    text += c.section.id + (c.style == "alpha" ? ") " : ". ") + c.section.text;
    s.sections.push_back(std::move(c.section));
  }
  s.text = std::move(text);
  s.end_line = std::max(s.end_line, s.line);
}

}  // namespace

void ParseBody(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
               model::Document& doc) {
  std::vector<Paragraph> paras = BuildParagraphs(lines, begin, end, g, doc);
  grammar::Match m;
  // Closing: the first paragraph after the last top-level item's first paragraph that opens a closing.
  std::vector<std::string> styles;  // order of first appearance = nesting level
  std::vector<Node> top;
  std::vector<Node*> stack;           // open nodes, one per level
  std::vector<const Paragraph*> preamble;
  size_t closing_at = paras.size();
  size_t last_top = std::string::npos;
  std::string first_style;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (paras[i].style().empty()) continue;
    if (first_style.empty()) first_style = paras[i].style();
    if (paras[i].style() == first_style) last_top = i;
  }
  {
    size_t from = last_top == std::string::npos ? (paras.empty() ? 0 : 1) : last_top + 1;
    for (size_t i = from; i < paras.size(); ++i) {
      if (g.Find("closing.start", paras[i].text, &m)) {
        closing_at = i;
        doc.Trace(paras[i].line, "closing", m.rule->id);
        break;
      }
    }
  }
  if (closing_at == paras.size() && last_top != std::string::npos && last_top + 1 < paras.size()) {
    // Items of one paragraph each ("1. Sở Công Thương rà soát ...", "2. Sở Tài chính bố trí ..."), then
    // plain paragraphs: those are the closing, not more of the last item, which is shaped like the others.
    size_t items = 0;
    bool single = true;
    for (size_t i = 0; i <= last_top && single; ++i) {
      if (paras[i].style().empty()) {
        single = items == 0;  // a preamble before the first item, nothing between items
      } else {
        single = paras[i].style() == first_style;
        ++items;
      }
    }
    // Not articles ("Điều 3."), whose bodies run to several paragraphs whatever the others do; and only
    // sentences (a formula or a table row after the last item is more of it).
    single &= first_style != "article";
    for (size_t i = last_top + 1; i < paras.size() && single; ++i) {
      single = paras[i].style().empty() && text::EndsSentence(paras[i].text);
    }
    if (single && items >= 2) {
      closing_at = last_top + 1;
      doc.Trace(paras[closing_at].line, "closing", "closing.after_single_items");
    }
  }
  for (size_t i = 0; i < closing_at; ++i) {
    const Paragraph& p = paras[i];
    bool placed = false;
    if (!p.style().empty()) {
      auto it = std::find(styles.begin(), styles.end(), p.style());
      size_t level = it - styles.begin();
      if (it == styles.end()) {
        // A new style nests under the deepest open item; the very first style is the top level.
        level = styles.size();
        if (level > stack.size()) level = stack.size();
        int ord = Ordinal(p.style(), p.id());
        if (ord == 1 || (p.style() == "decimal")) {
          styles.insert(styles.begin() + level, std::string(p.style()));
          it = styles.begin() + level;
        } else {
          it = styles.end();
        }
      }
      if (it != styles.end() && p.style() != "article") {
        // A level the open items skip ("D. TỔ CHỨC THỰC HIỆN" then "1.", where "1." sat under "I." before):
        // a sibling of the open item of that style if there is one, else the first child of the deepest.
        // Not an article: "Điều 1." inside a numbered item is a quoted text's, read as text.
        bool open = false;
        for (size_t k = 0; k < stack.size(); ++k) {
          if (stack[k]->style == p.style()) {
            level = k;
            open = true;
          }
        }
        if (!open && level > stack.size()) level = stack.size();
      }
      if (it != styles.end() && level <= stack.size()) {
        // In sequence? The next sibling at this level, or the first child of the item above.
        int ord = Ordinal(p.style(), p.id());
        bool ok;
        if (level < stack.size()) {
          int prev = Ordinal(stack[level]->style, stack[level]->section.id);
          ok = ord == prev + 1 || p.style() == "decimal";
          // "1. 2. 3. 5.": a number or two skipped is still the list (a printing slip), with a warning.
          if (!ok && prev > 0 && ord > prev + 1 && ord <= prev + 3) {
            ok = true;
            doc.Warn("section_number_gap",
                     "item \"" + std::string(p.id()) + "\" follows \"" + stack[level]->section.id + "\": the numbering skips",
                     p.line);
          }
        } else {
          ok = ord == 1 || p.style() == "decimal";
        }
        if (ok) {
          stack.resize(level);
          std::vector<Node>& siblings = level == 0 ? top : stack.back()->children;
          Node node;
          node.style = p.style();
          node.section.id = p.id();
          node.section.line = p.line;
          node.paras.push_back(&p);
          siblings.push_back(std::move(node));
          stack.push_back(&siblings.back());
          doc.Trace(p.line, "section", "sections.marker." + std::string(p.style()));
          placed = true;
        } else {
          doc.Warn("section_sequence",
                   "item \"" + std::string(p.id()) + "\" does not follow the numbering before it; read as text", p.line);
        }
      }
    }
    if (placed) continue;
    if (stack.empty()) {
      preamble.push_back(&p);
      doc.Trace(p.line, "preamble", "body");
    } else {
      stack.back()->paras.push_back(&p);
      doc.Trace(p.line, "section", "body");
    }
  }
  if (!preamble.empty()) {
    std::string text;
    for (const Paragraph* p : preamble) {
      if (!text.empty()) text += "\n";
      text += p->text;
    }
    doc.preamble = text;
    doc.preamble_line = preamble.front()->line;
    doc.preamble_end_line = EndLine(*preamble.back());
    for (const Paragraph* p : preamble) doc.preamble_paragraphs.push_back(ToModel(*p, false, g));
  }
  for (auto& n : top) {
    Finish(n, "", "", g);
    doc.sections.push_back(std::move(n.section));
  }
  if (closing_at < paras.size()) {
    model::Closing c;
    c.line = paras[closing_at].line;
    for (size_t i = closing_at; i < paras.size(); ++i) {
      if (!c.text.empty()) c.text += "\n";
      c.text += paras[i].text;
      c.paragraphs.push_back(ToModel(paras[i], false, g));
      c.end_line = std::max(c.end_line, EndLine(paras[i]));
      if (i > closing_at) doc.Trace(paras[i].line, "closing", "body");
    }
    doc.closing = std::move(c);
  }
}

}  // namespace congvan::segment
