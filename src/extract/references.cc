#include "extract/references.h"

#include "base/dates.h"
#include "base/numbers.h"

#include <cstdio>
#include <functional>
#include <algorithm>
#include <map>
#include <unordered_map>

#include "segment/util.h"
#include "text/fold.h"

namespace congvan::extract {
namespace {

std::optional<std::string> DateOf(const grammar::Match& m) {
  std::string_view d = m.Group("day"), mo = m.Group("month"), y = m.Group("year");
  if (d.empty()) d = m.Group("wday"), mo = m.Group("wmonth"), y = m.Group("wyear");
  if (d.empty() || mo.empty() || y.empty()) return std::nullopt;
  return IsoDate(ParseInt(y), ParseInt(mo), ParseInt(d));
}

// The kind a code's type part names (grammar map code_kinds): "NĐ" of "150/2025/NĐ-CP" is a Nghị định;
// "" when no part does.
std::string CodeKind(const grammar::Grammar& g, std::string_view code) {
  const auto& code_kinds = g.Map("code_kinds");
  size_t from = 0;
  while (from < code.size()) {
    size_t stop = code.find_first_of("/-", from);
    std::string part(code.substr(from, stop == std::string_view::npos ? std::string_view::npos : stop - from));
    while (!part.empty() && part.back() >= '0' && part.back() <= '9') part.pop_back();
    auto it = code_kinds.find(part);
    if (it != code_kinds.end()) return it->second;
    if (stop == std::string_view::npos) break;
    from = stop + 1;
  }
  return "";
}

struct Source {
  std::string_view text;
  const model::Paragraph* para;  // for line numbers; null for the subject
  int line;
};

// The kinds list folded (folded -> as the list spells it), kept per thread while the list stays the same
// (compared by value, so a new grammar at a freed one's address is never served stale keys): folding
// the list for every document cost more than finding its references.
const std::vector<std::pair<std::string, std::string>>& FoldedKinds(const grammar::Grammar& g) {
  thread_local std::vector<std::string> built_from;
  thread_local std::vector<std::pair<std::string, std::string>> kinds;
  const auto& list = g.List("kinds");
  if (list != built_from) {
    kinds.clear();
    for (const auto& k : list) kinds.emplace_back(text::FoldKey(k), k);
    built_from = list;
  }
  return kinds;
}

// FoldKey of a cited kind or code, remembered per thread (bounded): the same few kinds and many codes
// recur across an archive, and each fold is an ICU round trip.
const std::string& Folded(std::string_view s) {
  thread_local std::unordered_map<std::string, std::string> cache;
  if (cache.size() > 20000) cache.clear();
  auto it = cache.find(std::string(s));
  if (it == cache.end()) it = cache.emplace(std::string(s), text::FoldKey(s)).first;
  return it->second;
}

}  // namespace

std::string NormalizeCode(const grammar::Grammar& g, std::string_view code) {
  const auto& fixes = g.Map("code_fixes");
  std::string out, part;
  auto flush = [&] {
    auto it = fixes.find(part);
    out += it != fixes.end() ? it->second : part;
    part.clear();
  };
  for (char c : code) {
    if (c == ' ') continue;
    if (c == '-' || c == '/') {
      flush();
      out += c;
    } else {
      part += c;
    }
  }
  flush();
  return out;
}

std::string KindSlug(const grammar::Grammar& g, std::string_view printed) {
  grammar::Match m;
  if (g.Find("header.kind_title", text::ToUpper(printed), &m) && !m.rule->value.empty()) return m.rule->value;
  std::string out;
  for (char c : text::UnmarkedKey(printed)) {
    if (c == ' ') {
      if (!out.empty() && out.back() != '_') out += '_';
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

void FindReferences(const grammar::Grammar& g, model::Document& doc) {
  std::vector<Source> sources;
  if (doc.subject) {
    auto it = doc.lines.find("subject");
    sources.push_back({*doc.subject, nullptr, it == doc.lines.end() ? 0 : it->second});
  }
  for (const auto& p : doc.preamble_paragraphs) sources.push_back({p.text, &p, p.line});
  std::function<void(const model::Section&)> walk = [&](const model::Section& s) {
    for (const auto& p : s.paragraphs) sources.push_back({p.text, &p, p.line});
    for (const auto& c : s.sections) walk(c);
  };
  for (const auto& s : doc.sections) walk(s);
  if (doc.closing) {
    for (const auto& p : doc.closing->paragraphs) sources.push_back({p.text, &p, p.line});
  }
  for (const auto& a : doc.annexes) {
    for (const auto& p : a.preamble_paragraphs) sources.push_back({p.text, &p, p.line});
    for (const auto& s : a.sections) walk(s);
  }
  std::string own = doc.code ? text::FoldKey(NormalizeCode(g, *doc.code)) : "";
  const auto& kinds = FoldedKinds(g);
  std::map<std::string, size_t> index;  // code key -> position in doc.references
  for (const auto& src : sources) {
    std::string_view t = src.text;
    std::vector<grammar::Match> found = g.FindAll("references.cited", t);
    for (const auto& c : g.FindAll("references.continued", t)) found.push_back(c);
    std::stable_sort(found.begin(), found.end(), [&](const grammar::Match& a, const grammar::Match& b) {
      return a.groups[0].data() < b.groups[0].data();
    });
    std::optional<std::string> last_kind;
    std::string last_code;
    const char* covered_until = t.data();
    // "Ngày 14/9/2023, Bộ ... ban hành Thông tư số ...": the date printed before the first citation.
    std::optional<std::string> date_before;
    grammar::Match dm;
    if (g.Find("references.date_before", t, &dm)) date_before = DateOf(dm);
    size_t first_stop = t.find(". ");
    for (const auto& m : found) {
      if (m.groups[0].data() < covered_until) continue;  // inside a citation already read
      covered_until = m.groups[0].data() + m.groups[0].size();
      model::Reference r;
      // A citation's parts come from a small anchored rule asked of the match alone.
      bool cited = m.rule->id == "references.cited";
      grammar::Match parts;
      if (cited && !g.Find("references.cited_parts", m.groups[0], &parts)) continue;
      const grammar::Match& f = cited ? parts : m;
      r.code = NormalizeCode(g, f.Group("code"));
      if (cited) {
        std::string kind(f.Group("kind"));
        const std::string folded = Folded(kind);
        kind = text::ToUpper(kind.substr(0, 1)) + kind.substr(1);  // "công văn" -> "Công văn"
        std::string agreed = CodeKind(g, r.code);
        // With a title between the kind and "số" ("Luật Điện lực số", "Kế hoạch thực hiện Chỉ thị số
        // 15/CT-TTg", "báo cáo kết quả tại Công văn số"), the kind is the kind word the code agrees with
        // ("CT": Chỉ thị); else the one it opens with when that takes titles (Luật, Nghị quyết, ...: the
        // words after it are its name, "Điện lực" no Điện), else the last capitalized one.
        if (!std::any_of(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == folded; })) {
          std::vector<std::string_view> words;
          std::string_view rest = f.Group("kind");
          while (!rest.empty()) {
            size_t sp = rest.find(' ');
            if (sp != 0) words.push_back(rest.substr(0, sp));
            if (sp == std::string_view::npos) break;
            rest.remove_prefix(sp + 1);
          }
          int best_w = -1;
          size_t best_n = 0;
          bool best_agrees = false;
          std::string best;
          for (size_t w = 0; w < words.size(); ++w) {
            if (w > 0 && !text::StartsUpper(words[w])) continue;
            for (const auto& [k, printed] : kinds) {
              size_t n = 1 + static_cast<size_t>(std::count(k.begin(), k.end(), ' '));
              if (w + n > words.size()) continue;
              std::string joined(words[w]);
              for (size_t j = 1; j < n; ++j) joined += " " + std::string(words[w + j]);
              if (Folded(joined) != k) continue;
              bool agrees = printed == agreed;
              if (best_w < 0 || (agrees && !best_agrees) ||
                  (agrees == best_agrees && (static_cast<int>(w) > best_w ||
                                             (static_cast<int>(w) == best_w && n > best_n)))) {
                best_w = static_cast<int>(w);
                best_n = n;
                best_agrees = agrees;
                best = printed;
              }
            }
          }
          const auto& titled = g.List("titled_kinds");
          const std::string folded_kind = Folded(kind);  // a copy: Folded's cache may be cleared by the next call
          bool leads_titled = !words.empty() && std::any_of(titled.begin(), titled.end(), [&](const std::string& t) {
            return text::StartsUpper(t) && folded_kind.rfind(Folded(t) + " ", 0) == 0;
          });
          if (best_agrees || !leads_titled) {
            if (!best.empty()) kind = best;
          } else {
            for (const auto& t : titled) {  // the titled kind it opens with, the longest
              std::string ft = Folded(t);
              if (text::StartsUpper(t) && folded_kind.rfind(ft + " ", 0) == 0) {
                kind = t;
                break;
              }
            }
          }
        } else {
          for (const auto& [k, printed] : kinds) {
            if (k == folded) kind = printed;
          }
        }
        r.kind = kind;
        last_kind = kind;
        last_code = r.code;
      } else {
        if (!last_kind) continue;  // "và số 12/..." with no kind before it: not read as a citation
        // "..., và số 150/2025/NĐ-CP" after a law: a decree, by its code's type part; but one printed
        // like the citation before it ("Công văn số 4567/CT-TTHT và số 4568/CT-TTHT") is of its kind.
        std::string own_kind = CodeKind(g, r.code);
        bool same_shape = !last_code.empty() && CodeKind(g, last_code) == own_kind;
        r.kind = own_kind.empty() || same_shape ? *last_kind : own_kind;
      }
      r.date = DateOf(f);
      size_t end = m.groups[0].data() + m.groups[0].size() - t.data();
      size_t cite_at = m.groups[0].data() - t.data();
      size_t after_date = dm.groups.empty() ? 0 : dm.groups[0].size();
      if (!r.date && date_before && (first_stop == std::string_view::npos || end <= first_stop) &&
          cite_at >= after_date && g.Test("references.issued", t.substr(after_date, cite_at - after_date))) {
        r.date = date_before;
      }
      date_before.reset();  // the date opening a sentence belongs to its first citation only
      grammar::Match im;
      if (g.Find("references.issuer", t.substr(end), &im)) {
        r.issuer = segment::Trim(im.Group("issuer"));
      } else {
        size_t begin = m.groups[0].data() - t.data();
        if (g.Find("references.issuer_before", t.substr(0, begin), &im)) {
          r.issuer = segment::Trim(im.Group("issuer"));
        }
      }
      size_t offset = f.Offset(t, "code");
      r.line = src.para ? src.para->LineAt(offset) : src.line;
      doc.Trace(r.line, "reference", m.rule->id);
      std::string key = Folded(r.code);
      if (key == own) continue;
      auto it = index.find(key);
      if (it != index.end()) {
        auto& prev = doc.references[it->second];
        if (!prev.date) prev.date = r.date;
        if (!prev.issuer) prev.issuer = r.issuer;
        continue;
      }
      index[key] = doc.references.size();
      if (r.kind) r.kind_slug = KindSlug(g, *r.kind);
      doc.references.push_back(std::move(r));
    }
  }
}

}  // namespace congvan::extract
