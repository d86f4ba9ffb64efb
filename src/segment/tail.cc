#include "segment/tail.h"

#include <iterator>
#include <vector>

#include "segment/util.h"
#include "text/fold.h"
#include "text/join.h"

namespace congvan::segment {
namespace {

bool IsSignatureLine(const grammar::Grammar& g, std::string_view t) {
  grammar::Match m;
  if (g.Find("signature.prefix", t, &m) || g.Find("signature.title", t, &m)) return true;
  if (g.Find("signature.trailing_name", t, &m)) {
    std::string head(m.Group("head"));
    return g.Find("signature.prefix", head, &m) || g.Find("signature.title", head, &m);
  }
  return false;
}

// The same question of a classified line.
bool IsSignatureLine(const grammar::Grammar& g, const text::Line& line) {
  if (g.Test("signature.prefix", line) || g.Test("signature.title", line)) return true;
  grammar::Match m;
  if (g.Find("signature.trailing_name", line, &m)) {
    std::string head(m.Group("head"));
    return g.Test("signature.prefix", head) || g.Test("signature.title", head);
  }
  return false;
}

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

// Reads the distribution list whose heading is at d. Returns the index after its last item.
size_t ParseDistribution(const text::Lines& lines, size_t d, size_t end, const grammar::Grammar& g,
                         model::Document& doc) {
  grammar::Match m;
  g.Find("distribution.start", lines[d], &m);
  doc.Trace(lines[d].number, "distribution", m.rule->id);
  doc.lines["distribution"] = lines[d].number;
  std::vector<model::TextItem> items;
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
  while (j < end) {
    const std::string& t = lines[j].text;
    grammar::Match im;
    if (t.empty()) {
      size_t k = NextNonBlank(lines, j, end);
      if (k < end && g.Test("distribution.item", lines[k])) {
        j = k;
        continue;
      }
      break;
    }
    bool is_item = g.Test("distribution.item", lines[j]);
    if (!is_item && (IsSignatureLine(g, lines[j]) || text::IsUpperText(t))) break;
    if (!is_item && items.empty() && WordCount(t) > 20) break;
    doc.Trace(lines[j].number, "distribution", is_item ? "distribution.item" : "continuation");
    add_line(t, lines[j].number);
    ++j;
  }
  for (auto& it : items) {
    auto item = MakeItem(g, it.text, it.line);
    if (!item.text.empty()) doc.distribution.push_back(std::move(item));
  }
  return j;
}

// Reads a signature block from `begin` (its first line) up to `end`. Returns false when no name or
// title was found.
bool ReadSignature(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                   model::Document& doc) {
  struct Up {
    std::string text;
    int line;
  };
  std::vector<Up> block;
  std::string name;
  int name_line = 0;
  grammar::Match m;
  bool gap_after_block = false;
  for (size_t j = begin; j < end; ++j) {
    std::string t = lines[j].text;
    if (t.empty()) {
      if (!block.empty()) gap_after_block = true;
      continue;
    }
    if (g.Find("signature.stamp", lines[j], &m) || g.Find("common.rule_line", lines[j], &m)) {
      doc.Trace(lines[j].number, "signature", m.rule->id);
      continue;
    }
    if (g.Find("signature.trailing_name", lines[j], &m) && IsSignatureLine(g, m.Group("head"))) {
      name = std::string(m.Group("name"));
      name_line = lines[j].number;
      t = std::string(m.Group("head"));
      doc.Trace(lines[j].number, "signature", m.rule->id);
      block.push_back({t, lines[j].number});
      break;
    }
    bool upper = text::IsUpperText(t) || g.Test("signature.connector", lines[j]);
    if (upper && !(gap_after_block && WordCount(t) <= 6 && !IsSignatureLine(g, lines[j]))) {
      doc.Trace(lines[j].number, "signature", "signature.block");
      block.push_back({t, lines[j].number});
      continue;
    }
    if (g.Test("signature.name", lines[j]) || (upper && gap_after_block)) {
      name = t;
      name_line = lines[j].number;
      doc.Trace(lines[j].number, "signature", "signature.name");
    }
    break;
  }
  if (block.empty() && name.empty()) return false;
  model::Signature& sig = doc.signature;
  sig.line = block.empty() ? name_line : block.front().line;
  std::vector<std::string> title;
  if (block.size() == 1) {
    // Flattened: split the chain links off the front, the rest is the title.
    std::string t = block[0].text;
    while (g.Find("signature.chain_split", t, &m)) {
      std::string_view link = m.groups[0];
      while (!link.empty() && std::isspace(static_cast<unsigned char>(link.back()))) link.remove_suffix(1);
      sig.authority.push_back(std::string(link));
      // The rest is the next link or the title, without the spaces before it.
      size_t rest = t.find_first_not_of(" \t\n\r\f\v", (link.data() - t.data()) + link.size());
      t = rest == std::string::npos ? std::string() : t.substr(rest);
    }
    if (!t.empty()) title.push_back(t);
  } else {
    for (const auto& b : block) {
      if (title.empty() && g.Find("signature.prefix", b.text, &m)) {
        sig.authority.push_back(b.text);
      } else {
        title.push_back(b.text);
      }
    }
  }
  if (!title.empty()) {
    std::string joined;
    for (const auto& t : title) text::AppendWrapped(joined, t);
    sig.title = joined;
  }
  if (!name.empty()) sig.name = name;
  return true;
}

// Finds the first line of a signature block that ends just above `end`: name, then title lines above it.
size_t FindSignatureAbove(const text::Lines& lines, size_t begin, size_t end,
                          const grammar::Grammar& g) {
  grammar::Match m;
  size_t j = end;
  auto prev_non_blank = [&](size_t from) {
    while (from > begin && lines[from - 1].text.empty()) --from;
    return from;  // lines[from - 1] is non-blank, or from == begin
  };
  j = prev_non_blank(j);
  // Skip stamps and the name.
  while (j > begin && g.Test("signature.stamp", lines[j - 1])) j = prev_non_blank(j - 1);
  if (j > begin && (g.Test("signature.name", lines[j - 1]) ||
                    IsSignatureLine(g, lines[j - 1]))) {
    if (!IsSignatureLine(g, lines[j - 1])) j = prev_non_blank(j - 1);
  } else {
    return end;
  }
  while (j > begin && g.Test("signature.stamp", lines[j - 1])) j = prev_non_blank(j - 1);
  size_t top = end;
  while (j > begin) {
    const std::string& t = lines[j - 1].text;
    if (t.empty() || g.Test("common.rule_line", lines[j - 1])) break;  // "--- PAGE 6 ---" is not a title
    bool upper = (text::IsUpperText(t) && WordCount(t) <= 16) || g.Test("signature.connector", lines[j - 1]);
    if (!upper) break;
    top = j - 1;
    --j;
  }
  if (top == end) return end;
  // The block must contain a chain line or a title.
  for (size_t k = top; k < end; ++k) {
    if (IsSignatureLine(g, lines[k])) return top;
  }
  return end;
}

}  // namespace

size_t ParseTail(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                 model::Document& doc) {
  size_t n = lines.size();
  grammar::Match m;
  // Footnotes written "[1] ..." after the document: collect from the end.
  // Collected last first, then put in reading order in front of any found before (an insert at the
  // front of the vector for each was quadratic: 80,000 footnotes took 12 s, issue 13).
  size_t end = n;
  std::vector<model::Footnote> trailing;
  while (true) {
    size_t k = end;
    while (k > begin && lines[k - 1].text.empty()) --k;
    if (k == begin || !g.Find("footnotes.bracket", lines[k - 1], &m)) break;
    trailing.push_back({std::string(m.Group("mark")), std::string(m.Group("body")), lines[k - 1].number});
    doc.Trace(lines[k - 1].number, "footnote", m.rule->id);
    end = k - 1;
  }
  doc.footnotes.insert(doc.footnotes.begin(), std::make_move_iterator(trailing.rbegin()),
                       std::make_move_iterator(trailing.rend()));
  size_t dist = std::string::npos;
  for (size_t i = end; i > begin; --i) {
    if (g.Test("distribution.start", lines[i - 1])) {
      dist = i - 1;
      break;
    }
  }
  size_t body_end = end;
  if (dist != std::string::npos) {
    size_t after = ParseDistribution(lines, dist, end, g, doc);
    size_t k = NextNonBlank(lines, after, end);
    if (k < end && IsSignatureLine(g, lines[k])) {
      ReadSignature(lines, k, end, g, doc);
      body_end = dist;
    } else {
      size_t top = FindSignatureAbove(lines, begin, dist, g);
      if (top < dist) ReadSignature(lines, top, dist, g, doc);
      body_end = std::min(top, dist);
      // Two columns flattened one after the other: the signer's name can follow the list.
      if (!doc.signature.name && k < end && g.Find("signature.name", lines[k], &m)) {
        doc.signature.name = lines[k].text;
        doc.Trace(lines[k].number, "signature", "signature.name");
      }
    }
  } else {
    size_t top = FindSignatureAbove(lines, begin, end, g);
    if (top < end) {
      ReadSignature(lines, top, end, g, doc);
      body_end = top;
    }
  }
  return body_end;
}

}  // namespace congvan::segment
