#include "segment/zones.h"

#include <algorithm>
#include <cstdio>

#include "segment/distribution.h"
#include "segment/util.h"
#include "text/fold.h"

namespace congvan::segment {
namespace {

constexpr size_t kNpos = SignatureBlock::npos;
// A block holds at most this many non-blank lines before its name (chain links, titles, marks, images).
constexpr int kMaxBlockLines = 9;
// An office title line has at most this many words; longer upper-case lines are headings or text.
constexpr size_t kMaxTitleWords = 16;

bool Skippable(const grammar::Grammar& g, const text::Line& line) {
  return IsDebris(g, line) || g.Test("signature.stamp", line) || g.Test("common.rule_line", line);
}

bool BlockLine(const grammar::Grammar& g, const text::Line& line) {
  if (!WordsAtMost(line.text, kMaxTitleWords)) return false;
  return IsSignatureLine(g, line) || text::IsUpperText(line.text) || g.Test("signature.connector", line);
}

// The block that starts at line s, or a block with begin == end when s starts none.
SignatureBlock ReadBlock(const text::Lines& lines, size_t s, size_t end, const grammar::Grammar& g) {
  SignatureBlock b;
  b.begin = s;
  b.end = s + 1;
  grammar::Match m;
  if (g.Find("signature.trailing_name", lines[s], &m) && IsSignatureLine(g, m.Group("head"))) {
    b.name = s;
    b.person = g.Test("signature.person", m.Group("name"));
    return b;
  }
  int seen = 0;
  for (size_t j = s + 1; j < end && seen < kMaxBlockLines; ++j) {
    const text::Line& line = lines[j];
    if (line.text.empty()) continue;
    ++seen;
    if (g.Test("signature.form_mark", line)) {  // where a form's signer signs: the block ends here
      b.form = true;
      b.end = j + 1;
      return b;
    }
    if (g.Test("signature.placeholder", line)) {
      b.form = true;
      b.end = j + 1;
      return b;
    }
    if (Skippable(g, line)) continue;
    if (g.Find("signature.trailing_name", line, &m) && IsSignatureLine(g, m.Group("head"))) {
      b.name = j;
      b.end = j + 1;
      b.person = g.Test("signature.person", m.Group("name"));
      return b;
    }
    if (BlockLine(g, line)) {
      b.end = j + 1;
      continue;
    }
    b.person = g.Test("signature.person", line);
    if (b.person || g.Test("signature.name", line)) {
      b.name = j;
      b.end = j + 1;
    }
    return b;
  }
  return b;
}

}  // namespace

const char* ZoneName(Zone z) {
  switch (z) {
    case Zone::kNone: return "";
    case Zone::kPreface: return "preface";
    case Zone::kHeader: return "header";
    case Zone::kRecipients: return "recipients";
    case Zone::kBody: return "body";
    case Zone::kTail: return "tail";
    case Zone::kAnnex: return "annex";
    case Zone::kDebris: return "debris";
  }
  return "";
}

size_t NextContent(const text::Lines& lines, size_t i, size_t end, const grammar::Grammar& g) {
  while (i < end && (lines[i].text.empty() || IsDebris(g, lines[i]))) ++i;
  return i;
}

bool IsDebris(const grammar::Grammar& g, const text::Line& line) {
  return !line.text.empty() && g.Test("zone.debris", line);
}

bool IsSignatureLine(const grammar::Grammar& g, std::string_view t) {
  grammar::Match m;
  if (g.Test("signature.prefix", t) || g.Test("signature.title", t)) return true;
  if (g.Find("signature.trailing_name", t, &m)) {
    std::string head(m.Group("head"));
    return g.Test("signature.prefix", head) || g.Test("signature.title", head);
  }
  return false;
}

bool IsSignatureLine(const grammar::Grammar& g, const text::Line& line) {
  if (g.Test("signature.prefix", line) || g.Test("signature.title", line)) return true;
  grammar::Match m;
  if (g.Find("signature.trailing_name", line, &m)) {
    std::string head(m.Group("head"));
    return g.Test("signature.prefix", head) || g.Test("signature.title", head);
  }
  return false;
}

std::vector<SignatureBlock> FindSignatureBlocks(const text::Lines& lines, size_t begin, size_t end,
                                                const grammar::Grammar& g) {
  std::vector<SignatureBlock> blocks;
  for (size_t i = begin; i < end; ++i) {
    if (lines[i].text.empty() || !WordsAtMost(lines[i].text, kMaxTitleWords) || !IsSignatureLine(g, lines[i])) {
      continue;
    }
    SignatureBlock b = ReadBlock(lines, i, end, g);
    blocks.push_back(b);
    i = b.end - 1;  // a block's own lines start no other block
  }
  return blocks;
}

TailPlan PlanTail(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g) {
  TailPlan plan;
  plan.body_end = plan.end = end;
  std::vector<SignatureBlock> blocks = FindSignatureBlocks(lines, begin, end, g);
  const SignatureBlock* chosen = nullptr;
  for (const auto& b : blocks) {
    if (b.name == kNpos || b.form) continue;
    if (b.person) {
      chosen = &b;
      break;
    }
    if (!chosen) chosen = &b;
  }
  if (!chosen) return plan;
  plan.signature = *chosen;
  plan.signature_found = true;
  plan.body_end = chosen->begin;
  plan.end = chosen->end;
  // Co-signers of a joint text: named blocks that follow with only blanks and debris between.
  for (const SignatureBlock* b = chosen + 1; b < blocks.data() + blocks.size(); ++b) {
    if (b->name == kNpos || b->form || NextContent(lines, plan.end, end, g) != b->begin) break;
    plan.end = b->end;
  }
  plan.cosigners_end = plan.end;
  // The list printed before the block: the last heading above it (whatever stands between the list's
  // end and the block, a stray path or a rule, belongs to neither the body nor the list).
  for (size_t i = chosen->begin; i > begin; --i) {
    if (!g.Test("distribution.start", lines[i - 1])) continue;
    plan.distribution = i - 1;
    plan.distribution_end = chosen->begin;
    plan.body_end = i - 1;
    break;
  }
  // Else the list printed after it, with only blanks and debris between.
  if (plan.distribution == kNpos) {
    size_t k = NextContent(lines, plan.end, end, g);
    if (k < end && g.Test("distribution.start", lines[k])) {
      plan.distribution = k;
      plan.distribution_end = end;
      plan.end = ScanDistribution(lines, k, end, g).end;
    }
  }
  size_t k = NextContent(lines, plan.end, end, g);
  if (k < end) plan.annex = k;
  return plan;
}

void AssignZones(const text::Lines& lines, const ZoneBounds& b, const std::vector<size_t>& unread,
                 const grammar::Grammar& g, model::Document& doc) {
  auto zone_of = [&](size_t i) {
    if (i < b.header) return Zone::kPreface;
    if (i < b.recipients) return Zone::kHeader;
    if (i < b.body) return Zone::kRecipients;
    if (i < b.tail) return Zone::kBody;
    if (b.annex_end > b.annex && i >= b.annex && i < b.annex_end) return Zone::kAnnex;
    return Zone::kTail;
  };
  model::Coverage& c = doc.coverage;
  c = model::Coverage();
  size_t next_unread = 0;  // unread is in line order
  int max_number = 0;
  for (const auto& line : lines) max_number = std::max(max_number, line.number);
  if (doc.tracing) doc.line_zones.assign(static_cast<size_t>(max_number) + 1, 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    while (next_unread < unread.size() && unread[next_unread] < i) ++next_unread;
    if (lines[i].text.empty()) continue;
    Zone z = zone_of(i);
    if (IsDebris(g, lines[i])) {
      z = Zone::kDebris;
    } else if (next_unread < unread.size() && unread[next_unread] == i) {
      z = Zone::kNone;
    }
    ++c.lines;
    ++c.by_zone[static_cast<int>(z)];
    if (doc.tracing && lines[i].number >= 0) doc.line_zones[lines[i].number] |= static_cast<uint8_t>(1u << static_cast<int>(z));
  }
  if (c.lines >= kCoverageMinLines && c.share() < kLowCoverage) {
    char share[16];
    std::snprintf(share, sizeof share, "%.0f%%", 100 * c.share());
    doc.Warn("coverage_low", std::string("only ") + share + " of the non-blank lines were read as part of a zone (" +
                                 std::to_string(c.by_zone[0]) + " of " + std::to_string(c.lines) + " unread)",
             0);
  }
}

}  // namespace congvan::segment
