#include "extract/owners.h"

#include <algorithm>
#include <unordered_map>

#include "segment/util.h"
#include "text/fold.h"

namespace congvan::extract {
namespace {

constexpr size_t kMaxOwnerWords = 28;   // one owner
constexpr size_t kMaxPhraseWords = 60;  // a list of owners, each at most kMaxOwnerWords

// Trailing punctuation, spaces and footnote marks.
std::string Clean(std::string_view s) {
  std::string out = segment::Trim(s);
  static const char* kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  bool changed = true;
  while (changed && !out.empty()) {
    changed = false;
    char c = out.back();
    if (c == ',' || c == ';' || c == '.' || c == ':' || c == ' ' || c == '-') {
      out.pop_back();
      changed = true;
      continue;
    }
    // A conjunction left where a predicate cut the phrase ("... triệu tập và"): no owner ends with one.
    for (std::string_view conj : {" và", " hoặc", " cùng", " các"}) {
      if (out.size() > conj.size() && std::string_view(out).substr(out.size() - conj.size()) == conj) {
        out.erase(out.size() - conj.size());
        changed = true;
      }
    }
    for (const char* sup : kSup) {
      std::string_view sv(sup);
      if (out.size() >= sv.size() && std::string_view(out).substr(out.size() - sv.size()) == sv) {
        out.erase(out.size() - sv.size());
        changed = true;
      }
    }
  }
  return out;
}

// "Giám đốc các Sở", "các Bộ", "Giám đốc Sở": a kind of body with no name, whose names a colon lists.
bool EndsWithPluralKind(const grammar::Grammar& g, std::string_view s) {
  for (std::string_view k : {"các Sở", "các sở", "các Ban", "các Phòng", "các Bộ", "các ban", "các phòng"}) {
    if (s.size() >= k.size() && s.substr(s.size() - k.size()) == k) return true;
  }
  for (std::string_view k : {" Sở", " Bộ", " Ban", " Phòng"}) {  // after a bare title: "Giám đốc Sở"
    if (s.size() <= k.size() || s.substr(s.size() - k.size()) != k) continue;
    std::string_view title = s.substr(0, s.size() - k.size());
    for (const auto& t : g.List("bare_titles")) {
      if (title == t || (title.size() > t.size() && title.substr(title.size() - t.size()) == t &&
                         title[title.size() - t.size() - 1] == ' ')) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::string OwnerPhrase(const grammar::Grammar& g, std::string_view text) {
  grammar::Match m;
  if (!g.Find("owners.head", text, &m) || m.Offset(text) != 0) return "";
  size_t from = m.groups[0].size();
  size_t end = text.size();
  // The first predicate after the head (only the first is needed: Find, not FindAll). A head that took
  // the space after it ("Công ty ", "Công an ") leaves it to the predicate: "đề nghị Công ty theo hướng
  // dẫn" ends at "theo" (regression: owner_phrase_first_word_predicate).
  size_t first = from > 0 && text[from - 1] == ' ' ? from - 1 : from;
  for (size_t pos = first; pos < text.size();) {
    std::string_view sub = text.substr(pos);
    grammar::Match p;
    if (!g.Find("owners.predicate", sub, &p)) break;
    std::string_view whole = p.groups[0];
    size_t at = p.Offset(sub);
    if (at == std::string_view::npos) break;
    size_t whole_end = at + whole.size();
    // Yes/no questions: Test, which reads no groups and stops at the first match.
    bool punct = g.Test("owners.predicate_punct", whole);
    if (!punct) at += whole.find_first_not_of(" \t\n\r\f\v");  // the predicate word, after its space
    bool skip = !punct && g.Test("owners.not_predicate", sub.substr(at));
    // "Giám đốc các Sở: Tài chính, Y tế" -- the colon introduces the list, not the task.
    skip |= punct && whole.find(':') != std::string_view::npos &&
            EndsWithPluralKind(g, segment::Trim(text.substr(0, pos + at)));
    if (!skip) {
      end = pos + at;
      break;
    }
    pos += std::max<size_t>(whole_end, 1);
  }
  // "cơ quan bảo hiểm xã hội phải ...": a subject by kind owns only a duty (owners.head.duty).
  if (m.rule->value == "duty" && (end >= text.size() || !g.Test("owners.duty", text.substr(end)))) return "";
  // "Công an tỉnh đẩy nhanh ...": the level ends the name before a verb the list does not know.
  grammar::Match lv;
  if (g.Find("owners.level_end", text.substr(0, end), &lv)) {
    size_t at = lv.Offset(text, "at");
    if (at != std::string_view::npos && at >= from && at < end) end = at;
  }
  std::string phrase(text.substr(0, end));
  if (g.Find("owners.apposition", phrase, &m) && m.Offset(phrase) != std::string::npos) {
    phrase.erase(m.Offset(phrase));
  }
  phrase = Clean(phrase);
  if (phrase.empty() || segment::WordCount(phrase) > kMaxPhraseWords) return "";
  return phrase;
}

std::vector<std::string> SplitOwners(const grammar::Grammar& g, std::string_view input) {
  std::string phrase(input);
  grammar::Match m;
  if (g.Find("owners.apposition", phrase, &m) && m.Offset(phrase) != std::string::npos) {
    phrase.erase(m.Offset(phrase));
  }
  phrase = Clean(phrase);
  std::vector<std::string> out;
  if (g.Find("owners.distribute", phrase, &m)) {
    // "Chánh Văn phòng UBND tỉnh, Giám đốc các sở: Tài chính, Nội vụ; Chủ tịch UBND huyện": the owners
    // before the title and after the list's ";" are split as any others; the title spreads over the list.
    std::string_view title = m.Group("title");
    size_t cut = title.find_last_of(",;");
    if (cut != std::string_view::npos) {
      out = SplitOwners(g, title.substr(0, cut));
      title.remove_prefix(cut + 1);
    }
    std::string head = segment::Trim(title);
    std::string kind(m.Group("kind"));
    kind = text::ToUpper(kind.substr(0, 1)) + kind.substr(1);
    std::string_view whole_list = m.Group("list");
    size_t semi = whole_list.find(';');
    std::string list(whole_list.substr(0, semi));
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
      if (i < list.size() && list[i] != ',') continue;
      std::string item = Clean(list.substr(start, i - start));
      if (!item.empty()) out.push_back((head.empty() ? "" : head + " ") + kind + " " + item);
      start = i + 1;
    }
    if (semi != std::string_view::npos) {
      for (auto& o : SplitOwners(g, whole_list.substr(semi + 1))) out.push_back(std::move(o));
    }
    return out;
  }
  size_t start = 0;
  for (const auto& s : g.FindAll("owners.split", phrase)) {
    size_t at = s.Offset(phrase);
    grammar::Match sep;
    if (at == std::string::npos || at < start || !g.Find("owners.split_at", s.groups[0], &sep)) continue;
    out.push_back(Clean(std::string_view(phrase).substr(start, at - start)));
    start = at + sep.groups[0].size();
  }
  out.push_back(Clean(std::string_view(phrase).substr(start)));
  // A bare title or body shares the body of the owner after it: "Bí thư, Chủ tịch UBND các xã",
  // "Hội đồng nhân dân, Ủy ban nhân dân các huyện".
  const auto& bare = g.List("bare_titles");
  const auto& bodies = g.List("bare_bodies");
  std::vector<std::string> merged;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].empty()) continue;
    bool is_bare = std::find(bare.begin(), bare.end(), out[i]) != bare.end() ||
                   std::find(bodies.begin(), bodies.end(), out[i]) != bodies.end();
    if (is_bare && i + 1 < out.size()) {
      out[i + 1] = out[i] + ", " + out[i + 1];
      continue;
    }
    // A phrase is capped as a list; an owner longer than one owner can be is no reading at all.
    if (segment::WordCount(out[i]) > kMaxOwnerWords) return {};
    merged.push_back(out[i]);
  }
  return merged;
}

static std::string ComputeOwnerKey(const grammar::Grammar& g, std::string_view owner);

std::string OwnerKey(const grammar::Grammar& g, std::string_view owner) {
  // The same owners recur across an archive: remember keys per thread (bounded).
  // Keyed by the grammar's serial, not its address: a grammar loaded at a freed one's address would
  // otherwise read the old one's keys.
  thread_local uint64_t cached_for = 0;
  thread_local std::unordered_map<std::string, std::string> cache;
  if (cached_for != g.serial() || cache.size() > 50000) {
    cache.clear();
    cached_for = g.serial();
  }
  auto it = cache.find(std::string(owner));
  if (it != cache.end()) return it->second;
  std::string key = ComputeOwnerKey(g, owner);
  cache.emplace(std::string(owner), key);
  return key;
}

static std::string ComputeOwnerKey(const grammar::Grammar& g, std::string_view owner) {
  std::string s(owner);
  grammar::Match m;
  if (g.Find("owners.apposition", s, &m) && m.Offset(s) != std::string::npos) s.erase(m.Offset(s));
  s = Clean(s);
  // Expand abbreviations word by word ("Sở TT&TT" -> "Sở Thông tin và Truyền thông").
  const auto& abbr = g.Map("abbreviations");
  std::string expanded;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    std::string word = s.substr(i, j - i);
    std::string core = word, tail;
    while (!core.empty() && (core.back() == ',' || core.back() == ';' || core.back() == ':')) {
      tail.insert(tail.begin(), core.back());
      core.pop_back();
    }
    auto it = abbr.find(core);
    if (!expanded.empty()) expanded += ' ';
    expanded += (it != abbr.end() ? it->second : core) + tail;
    i = j + 1;
  }
  s = expanded;
  if (g.Find("owners.place_suffix", s, &m) && m.Offset(s, "name") != std::string::npos) {
    s.erase(m.Offset(s, "name"));
  }
  if (g.Find("owners.redundant_level", s, &m) && m.Offset(s, "level") != std::string::npos) {
    s.erase(m.Offset(s, "level"));
  }
  std::string key = text::ReadableKey(s);
  // One space between words; no space before a comma.
  std::string out;
  for (char c : key) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    if (c == ',' && !out.empty() && out.back() == ' ') out.pop_back();
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> OwnersAt(const grammar::Grammar& g, std::string_view text) {
  std::string phrase = OwnerPhrase(g, text);
  if (phrase.empty()) return {};
  return SplitOwners(g, phrase);
}

}  // namespace congvan::extract
