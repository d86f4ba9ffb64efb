#include "segment/tail.h"

#include <iterator>
#include <vector>

#include "segment/distribution.h"
#include "segment/util.h"
#include "segment/zones.h"
#include "text/fold.h"
#include "text/join.h"

namespace congvan::segment {
namespace {

// Reads the list whose heading is at d, up to end. Returns the index after its last item.
size_t ParseDistribution(const text::Lines& lines, size_t d, size_t end, const grammar::Grammar& g,
                         model::Document& doc, std::vector<size_t>* chain_lines = nullptr) {
  ScannedList list = ScanDistribution(lines, d, end, g);
  ApplyDistribution(list, lines, g, doc);
  if (chain_lines) *chain_lines = list.chain_lines;
  return list.end;
}

// The chain lines printed inside the list ("KT. CHỦ TỊCH") open the block read after it: they are its
// first links when the block has none of its own.
void AddInterleavedChain(const text::Lines& lines, const std::vector<size_t>& chain_lines, model::Document& doc) {
  if (chain_lines.empty() || !doc.signature.authority.empty() || !doc.signature.title) return;
  std::vector<std::string> links;
  for (size_t k : chain_lines) links.push_back(lines[k].text);
  doc.signature.authority.insert(doc.signature.authority.begin(), links.begin(), links.end());
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
    // A form's instruction or a placeholder stands where a name is to be written: no name follows.
    if (g.Find("signature.form_mark", lines[j], &m) || g.Find("signature.placeholder", lines[j], &m)) {
      doc.Trace(lines[j].number, "signature", m.rule->id);
      break;
    }
    if (g.Find("signature.stamp", lines[j], &m) || g.Find("common.rule_line", lines[j], &m) ||
        g.Find("zone.debris", lines[j], &m)) {
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
  // A mark alone ("TM.") with nothing after it that reads as a block is no signature.
  if (name.empty() && block.size() == 1 && g.Find("signature.prefix", block[0].text, &m) &&
      m.Group("rest").empty()) {
    return false;
  }
  model::Signature& sig = doc.signature;
  sig.line = block.empty() ? name_line : block.front().line;
  std::vector<std::string> title;
  // When `t` starts with the last link's unit and then a deputy's title ("VỤ KẾ HOẠCH PHÓ VỤ TRƯỞNG",
  // "HQ PHÓ TRƯỞNG BAN"), moves the unit onto that link and leaves the title in `t`.
  auto take_unit = [&](std::string& t) {
    if (t.empty() || g.Test("signature.title_start", t) || !g.Find("signature.wrapped_unit", t, &m)) return;
    text::AppendWrapped(sig.authority.back(), m.Group("unit"));
    t = std::string(m.Group("title"));
  };
  // Splits chain links off the front of a flattened line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH") into
  // sig.authority; returns the rest (the title), empty when none.
  auto split_links = [&](std::string t) {
    while (g.Find("signature.chain_split", t, &m)) {
      std::string_view link = m.groups[0];
      while (!link.empty() && std::isspace(static_cast<unsigned char>(link.back()))) link.remove_suffix(1);
      sig.authority.push_back(std::string(link));
      // The rest is the next link or the title, without the spaces before it.
      size_t rest = t.find_first_not_of(" \t\n\r\f\v", (link.data() - t.data()) + link.size());
      t = rest == std::string::npos ? std::string() : t.substr(rest);
      // Or the link's unit, then a deputy's title.
      if (!g.Test("signature.chain_split", t)) take_unit(t);
    }
    return t;
  };
  if (block.size() == 1) {
    std::string t = split_links(block[0].text);
    if (!t.empty()) title.push_back(t);
  } else {
    // One link per prefixed line. A line between two links continues the one above it (a cell wrapped
    // "TM. ỦY BAN NHÂN" / "DÂN"), as does the line after a bare mark ("TL." / "CỤC TRƯỞNG"); the lines
    // after the last link are the title. With no title line, the last link line is a flattened one
    // ("TL." / "BỘ TRƯỞNG CHÁNH VĂN PHÒNG") and is split as such.
    size_t last_link = block.size();
    for (size_t k = block.size(); k-- > 0;) {
      if (g.Test("signature.prefix", block[k].text)) {
        last_link = k;
        break;
      }
    }
    std::vector<std::string> links;
    bool bare = false;  // the last link is a mark still waiting for its principal
    for (size_t k = 0; k < block.size(); ++k) {
      const std::string& b = block[k].text;
      bool in_chain = last_link < block.size() && k <= last_link;
      if (in_chain && g.Find("signature.prefix", b, &m)) {
        links.push_back(b);
        bare = m.Group("rest").empty();
      } else if (!links.empty() && (in_chain || bare)) {
        text::AppendWrapped(links.back(), b);
        bare = false;
      } else {
        title.push_back(b);
      }
    }
    for (size_t k = 0; k < links.size(); ++k) {
      if (k + 1 == links.size() && title.empty()) {
        size_t before = sig.authority.size();
        std::string t = split_links(links[k]);
        if (sig.authority.size() == before || (!t.empty() && !g.Test("signature.title_start", t))) {
          // No known principal, or words after it that start no title: the line stays one link.
          sig.authority.resize(before);
          sig.authority.push_back(links[k]);
        } else if (!t.empty()) {
          title.push_back(t);
        }
      } else {
        sig.authority.push_back(links[k]);
      }
    }
    // The last link's unit wrapped onto the title lines: whole lines before the one that starts the title
    // ("KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ" / "HQ" / "PHÓ TRƯỞNG BAN"), or the head of the first title line
    // ("HQ PHÓ TRƯỞNG BAN").
    if (!sig.authority.empty()) {
      size_t start = 0;
      while (start < title.size() && !g.Test("signature.title_start", title[start])) ++start;
      if (start < title.size()) {
        for (size_t k = 0; k < start; ++k) text::AppendWrapped(sig.authority.back(), title[k]);
        title.erase(title.begin(), title.begin() + static_cast<std::ptrdiff_t>(start));
      }
      if (!title.empty()) take_unit(title[0]);
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
  // Skip stamps, page furniture and the name.
  while (j > begin && (g.Test("signature.stamp", lines[j - 1]) || IsDebris(g, lines[j - 1]))) {
    j = prev_non_blank(j - 1);
  }
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

// Reads the tail of lines [begin, end): the zone plan's signature and list, or, when the plan found no
// named block, the old way from the last "Nơi nhận". Returns where the body ends.
size_t ReadTail(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                model::Document& doc, size_t* annex, size_t* annex_end) {
  grammar::Match m;
  TailPlan plan = PlanTail(lines, begin, end, g);
  if (plan.signature_found) {
    std::vector<size_t> chain_lines;
    if (plan.distribution != TailPlan::npos) {
      ParseDistribution(lines, plan.distribution, plan.distribution_end, g, doc, &chain_lines);
    }
    ReadSignature(lines, plan.signature.begin, plan.signature.end, g, doc);
    AddInterleavedChain(lines, chain_lines, doc);
    for (size_t i = plan.signature.end; i < plan.cosigners_end; ++i) {
      if (!lines[i].text.empty()) doc.Trace(lines[i].number, "signature", "signature.co_signer");
    }
    for (size_t i = plan.end; i < end; ++i) {
      if (lines[i].text.empty()) continue;
      if (g.Find("zone.debris", lines[i], &m)) {
        doc.Trace(lines[i].number, "debris", m.rule->id);
      }
    }
    if (plan.annex != TailPlan::npos) {
      *annex = plan.annex;
      *annex_end = end;
    }
    return plan.body_end;
  }
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
    size_t k = NextContent(lines, after, end, g);
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

// OCR of two tail columns side by side leaves the signer's name at the end of a list line ("- Phòng
// Pháp chế; Mai Sơn"): when the block has no name, the last item that ends in one gives it up.
void FindGluedName(const grammar::Grammar& g, model::Document& doc) {
  model::Signature& sig = doc.signature;
  if (sig.name || (sig.authority.empty() && !sig.title)) return;
  grammar::Match m;
  for (auto it = doc.distribution.rbegin(); it != doc.distribution.rend(); ++it) {
    std::string text = it->name;
    if (!g.Find("signature.glued_name", text, &m)) continue;
    size_t at = m.Offset(text) + 1;  // keep the item's own ";" or ","
    sig.name = Trim(std::string_view(text).substr(at));
    it->name = StripListPunct(std::string_view(text).substr(0, at));
    it->text = it->note ? it->name + " (" + *it->note + ")" : it->name;
    doc.Trace(it->line, "signature", m.rule->id);
    return;
  }
}

}  // namespace

size_t ParseTail(const text::Lines& lines, size_t begin, const grammar::Grammar& g,
                 model::Document& doc, size_t* annex, size_t* annex_end) {
  *annex = *annex_end = lines.size();
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
  size_t body_end = ReadTail(lines, begin, end, g, doc, annex, annex_end);
  FindGluedName(g, doc);
  return body_end;
}

}  // namespace congvan::segment
