#include "extract/tasks.h"

#include <algorithm>
#include <unordered_map>

#include "extract/deadlines.h"
#include "extract/owners.h"
#include "segment/util.h"
#include "text/fold.h"

namespace congvan::extract {
namespace {

void AddUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& x : from) {
    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
  }
}

// The owner a clause names as its subject ("Sở Y tế báo cáo ..."), unless it is the one asking
// ("Chủ tịch UBND tỉnh yêu cầu ...").
// `span` is the classified span when the clause is all of it.
std::vector<std::string> SubjectOwners(const grammar::Grammar& g, std::string_view clause,
                                       const text::Line* span, bool heading = false) {
  grammar::Match m;
  if (span ? g.Find("owners.intro", *span, &m) : g.Find("owners.intro", clause, &m)) {
    clause.remove_prefix(m.groups[0].size());
  }
  std::string phrase = OwnerPhrase(g, clause);
  if (phrase.empty()) return {};
  size_t pos = clause.find(phrase);
  std::string_view after = pos == std::string_view::npos ? "" : clause.substr(pos + phrase.size());
  if (g.Test("owners.requester", after)) return {};  // a yes/no question: no groups read
  // "Văn phòng Trung ương Đảng ... đã đoàn kết, tận tụy ...": a past or ongoing act reported, not a task.
  if (g.Test("owners.reported", after)) return {};
  // "X có quyền:", "X do Chủ tịch ... bổ nhiệm", "X là ...", "Các xã: Bản Díu, Chế Là": a right, a
  // passive, a definition, a roster; but "X là cơ quan đầu mối ..." designates X.
  if (g.Test("owners.not_subject", after) && !g.Test("owners.designated", after)) return {};
  // "Ban Thi đua - Khen thưởng Trung ương.": a unit that is a name alone (a structure, a roster) states
  // no act. Not a heading ("2. Sở Y tế", whose items say the acts), nor one clause of a unit cut at ";"
  // ("Chánh Văn phòng ...; Thủ trưởng ... chịu trách nhiệm": the act comes after the last).
  if (!heading && span && after.find_first_not_of(" .;,:") == std::string_view::npos) return {};
  return SplitOwners(g, phrase);
}

// Owners a task names itself: explicit assignments ("Giao X", "Yêu cầu X", ...), and the subjects of
// the sentence and of its clauses after ";". `how` says which rule named them.
std::vector<std::string> NamedOwners(const grammar::Grammar& g, const text::Line& span, bool conditional,
                                     std::string* how) {
  std::string_view unit = span.text;
  std::vector<std::string> owners;
  if (g.Test("owners.narrated", unit)) return owners;  // a past act told: it assigns nothing now
  // "Đơn vị chủ trì: X": a labelled lead unit names the owners outright.
  for (const auto& m : g.FindAll("owners.label", unit)) {
    if (m.rule->value != "lead") continue;
    auto found = SplitOwners(g, m.Group("list"));
    if (!found.empty() && how->empty()) *how = m.rule->id;
    AddUnique(owners, found);
  }
  if (!owners.empty()) return owners;
  // "Phối hợp: Sở A; Sở B; Sở C.": a labelled partner list; the names between its ";" are no subjects.
  bool partner_list = false;
  for (const auto& m : g.FindAll("owners.label", unit)) partner_list |= m.rule->value == "partner" && m.Offset(unit) == 0;
  for (const auto& m : g.FindAll("owners.assign", span)) {
    size_t at = m.Offset(unit, "at");
    if (at == std::string_view::npos) continue;
    // "theo yêu cầu Các Sở", "của đề nghị ...": the request of someone cited, not the issuer asking.
    size_t from = m.Offset(unit);
    if (from != std::string_view::npos && g.Test("owners.cited_request", unit.substr(0, from + 1))) continue;
    auto found = OwnersAt(g, unit.substr(at));
    if (!found.empty() && how->empty()) *how = m.rule->id;
    AddUnique(owners, found);
  }
  if (conditional) {
    for (const auto& m : g.FindAll("owners.conditional", unit)) {
      size_t at = m.Offset(unit, "at");
      if (at == std::string_view::npos) continue;
      auto found = OwnersAt(g, unit.substr(at));
      if (!found.empty() && how->empty()) *how = m.rule->id;
      AddUnique(owners, found);
    }
  }
  size_t start = 0;
  while (start < unit.size() && !partner_list) {
    size_t semi = unit.find("; ", start);
    std::string_view clause = unit.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
    auto found = SubjectOwners(g, clause, clause.size() == unit.size() ? &span : nullptr);
    if (!found.empty() && how->empty()) *how = "owners.subject";
    AddUnique(owners, found);
    if (semi == std::string_view::npos) break;
    start = semi + 2;
  }
  return owners;
}

std::vector<std::string> Partners(const grammar::Grammar& g, const text::Line& span) {
  std::string_view unit = span.text;
  std::vector<std::string> partners;
  for (const auto& m : g.FindAll("owners.label", unit)) {  // "Đơn vị phối hợp: Y"
    if (m.rule->value == "partner") AddUnique(partners, SplitOwners(g, m.Group("list")));
  }
  if (!partners.empty()) return partners;
  for (const auto& m : g.FindAll("owners.partner", span)) {
    size_t at = m.Offset(unit, "at");
    if (at != std::string_view::npos) AddUnique(partners, OwnersAt(g, unit.substr(at)));
  }
  return partners;
}

struct Context {
  const grammar::Grammar& g;
  model::Document& doc;
  std::unordered_map<std::string, std::string> keys;  // owner -> OwnerKey, per document
  int implied = 0;  // tasks asked of the addressees
  bool reply = false;  // a letter answering a question: nothing is implied of its addressee
  bool directive = false;  // reading a directive's items (TaskRule::kEvery): "thì X" may name an owner

  const std::string& Key(const std::string& owner) {
    auto it = keys.find(owner);
    if (it == keys.end()) it = keys.emplace(owner, OwnerKey(g, owner)).first;
    return it->second;
  }
};

// "Tại Điều 2 Quyết định số 10/2020/QĐ-UBND quy định: \"1. ... c) Ban quản lý chợ\"": the quoted text
// of another document names no owner, partner or deadline of this one. Returns the unit with such a
// quotation (one opened right after a citing intro, sections.quote_intro) blanked to spaces, so that
// offsets into it stay those of the unit; the unit as it is otherwise.
std::string MaskCitedQuote(const grammar::Grammar& g, const std::string& unit) {
  size_t open = unit.find_first_of('"');
  size_t curly = unit.find("\xE2\x80\x9C");
  bool is_curly = curly != std::string::npos && (open == std::string::npos || curly < open);
  if (is_curly) open = curly;
  if (open == std::string::npos || !g.Test("sections.quote_intro", segment::TrimView(std::string_view(unit).substr(0, open)))) {
    return unit;
  }
  size_t body = open + (is_curly ? 3 : 1);
  size_t close = is_curly ? unit.find("\xE2\x80\x9D", body) : unit.find('"', body);
  if (close == std::string::npos) close = unit.size();
  std::string masked = unit;
  std::fill(masked.begin() + static_cast<long>(body), masked.begin() + static_cast<long>(close), ' ');
  return masked;
}

model::Task MakeTask(Context& c, const model::Paragraph& p, size_t offset, const std::string& unit,
                     const std::vector<std::string>& inherited, bool* named,
                     const std::vector<std::string>& inherited_partners = {}, bool carried = false) {
  model::Task t;
  t.text = unit;
  t.line = p.LineAt(offset);
  t.set_end_line(p.LineAt(offset + (unit.empty() ? 0 : unit.size() - 1)));
  std::string how;
  text::Line span{MaskCitedQuote(c.g, unit)};  // one set pass answers the span families for this unit
  c.g.ClassifySpan(&span);
  // "thì X": only in a directive's item under owners carried down, where X narrows them.
  t.owners = NamedOwners(c.g, span, c.directive && !inherited.empty(), &how);
  // "Các trường hợp ...", "trường hợp ...": a condition, not a body that acts.
  t.owners.erase(std::remove_if(t.owners.begin(), t.owners.end(),
                                [&](const std::string& o) { return c.g.Test("owners.not_owner", o); }),
                 t.owners.end());
  // "Các đồng chí Phó Giám đốc Sở" under "1. Ban Giám đốc Sở Công Thương": members of the body carried
  // down, which the phrase does not name in full; the body owns the task.
  if (!inherited.empty() && !t.owners.empty() &&
      std::all_of(t.owners.begin(), t.owners.end(),
                  [&](const std::string& o) { return c.g.Test("owners.member", o); })) {
    t.owners.clear();
  }
  // "4. Sở Khoa học và Công nghệ" / "- Yêu cầu các cơ quan báo chí ...": under owners a heading or lead-in
  // carries down, an item that opens by asking someone is the carried owners' work (they do the asking).
  if (carried && !inherited.empty() && !t.owners.empty() && c.g.Test("owners.asks", unit)) {
    t.owners.clear();
    how.clear();
  }
  *named = !t.owners.empty();
  c.doc.Trace(t.line, "task", *named ? how : inherited.empty() ? "owners.none" : "owners.section");
  if (t.owners.empty()) t.owners = inherited;
  t.partners = Partners(c.g, span);
  // "X chỉ đạo Y phối hợp với Z thực hiện các nội dung sau:": Z works with the owners carried down.
  if (!*named) AddUnique(t.partners, inherited_partners);
  // A partner is not also an owner of the same task.
  t.partners.erase(std::remove_if(t.partners.begin(), t.partners.end(),
                                  [&](const std::string& x) {
                                    return std::find(t.owners.begin(), t.owners.end(), x) !=
                                           t.owners.end();
                                  }),
                   t.partners.end());
  std::vector<model::Warning> deadline_warnings;
  t.deadlines = FindDeadlines(c.g, span, c.doc.date, t.line, &deadline_warnings);
  for (auto& w : deadline_warnings) c.doc.Warn(std::move(w.code), std::move(w.message), w.line);  // capped
  for (auto& d : t.deadlines) {
    // Its own offset, not unit.find(d.text): a search from the start for every deadline was quadratic
    // in a long sentence, and gave a repeated deadline the line of its first copy (issue 13).
    d.line = p.LineAt(offset + d.offset);
    c.doc.Trace(d.line, "deadline", d.rule);
  }
  // "quý Sở", "quý cơ quan": the addressee by its courteous name.
  std::vector<std::string> owners;
  for (auto& o : t.owners) {
    if (!c.doc.recipients.empty() && c.g.Test("owners.courtesy", o)) {
      for (const auto& r : c.doc.recipients) AddUnique(owners, {r.text});
    } else {
      AddUnique(owners, {o});
    }
  }
  t.owners = std::move(owners);
  t.partners.erase(std::remove_if(t.partners.begin(), t.partners.end(),
                                  [&](const std::string& x) {
                                    return std::find(t.owners.begin(), t.owners.end(), x) != t.owners.end();
                                  }),
                   t.partners.end());
  for (const auto& o : t.owners) t.owner_keys.push_back(c.Key(o));
  return t;
}

// The units of a paragraph: the whole bullet, or each sentence.
std::vector<std::pair<size_t, std::string>> Units(const model::Paragraph& p) {
  if (p.bullet) return {{0, p.text}};
  return Sentences(p.text);
}

// The owners a heading names: "Sở Y tế", or after a verb ("Chỉ đạo Sở Nông nghiệp và PTNT").
std::vector<std::string> HeadingOwners(const grammar::Grammar& g, const std::string& heading) {
  // As a sentence's subject: a heading "Hội đồng nhân dân tỉnh thống nhất với ..., cụ thể như sau" is the
  // enacting body speaking (owners.requester), not an owner.
  auto owners = SubjectOwners(g, heading, nullptr, true);
  grammar::Match m;
  if (owners.empty() && g.Find("owners.heading_intro", heading, &m) && m.Offset(heading, "at") != std::string::npos) {
    owners = OwnersAt(g, std::string_view(heading).substr(m.Offset(heading, "at")));
  }
  // "Ủy ban nhân dân các huyện chỉ đạo Phòng Kinh tế ... thực hiện các nội dung sau:": both own the items.
  if (!owners.empty() && g.Find("owners.directs", heading, &m) && m.Offset(heading, "at") != std::string::npos) {
    AddUnique(owners, OwnersAt(g, std::string_view(heading).substr(m.Offset(heading, "at"))));
  }
  return owners;
}

// Whether a text is an owner's name and nothing more ("Sở Tài chính", "Công an thành phố:").
bool NameOnly(const grammar::Grammar& g, std::string_view text) {
  std::string phrase = OwnerPhrase(g, text);
  if (phrase.empty() || text.substr(0, phrase.size()) != phrase) return false;
  return text.substr(phrase.size()).find_first_not_of(" .;,:") == std::string_view::npos;
}

// The partners a heading names for its items ("... phối hợp với các cơ quan chức năng thực hiện ...").
std::vector<std::string> HeadingPartners(const grammar::Grammar& g, const std::string& heading) {
  text::Line span{heading};
  g.ClassifySpan(&span);
  return Partners(g, span);
}

void WarnOwnerMissing(Context& c, const model::Section& s, const model::Task& t) {
  c.doc.Warn("task_owner_missing",
             "no owner named for this task in section " + s.path + ", and the document has no addressees", t.line);
}

// Which units of a section are tasks: every one (a directive's items), or only some.
enum class TaskRule {
  kEvery,       // a công văn's, plan's or programme's items: each unit is a task
  kProvisions,  // clauses of a text of articles: a task when it names its owner or gives a deadline
  kRecords,     // an annex of data (a catalogue, a form, a table): a task only when it names its own owner
};

// The tasks of a section and its items, by `rule`. A text of articles ("Điều 1.", "Điều 2.": a law,
// decree, circular, resolution, or the regulation a decision enacts) states rules ("Hồ sơ gồm: a) Đơn
// đề nghị; b) ..."), so there a unit is a task only when it names its owner or a deadline (an owner
// carried down from a heading or a delegation clause made every clause a task); in an annex of
// data, lines of tables and forms under a heading are not tasks unless they name their own owner.
bool IsIssuer(Context& c, const std::string& owner);

void SectionTasks(Context& c, model::Section& s, const std::vector<std::string>& parent_owners,
                  const std::vector<std::string>& parent_partners, TaskRule rule) {
  // "I. MỤC ĐÍCH, YÊU CẦU", "Mục tiêu": aims and findings; a unit under them is a task only when it names
  // its owner.
  if (rule != TaskRule::kRecords && s.heading && c.g.Test("owners.statement_heading", *s.heading)) {
    rule = TaskRule::kRecords;
  }
  c.directive = rule == TaskRule::kEvery;
  std::vector<std::string> section_owners = s.heading ? HeadingOwners(c.g, *s.heading) : std::vector<std::string>{};
  std::vector<std::string> defaults = section_owners.empty() ? parent_owners : section_owners;
  std::vector<std::string> default_partners =
      section_owners.empty() ? parent_partners : HeadingPartners(c.g, *s.heading);
  bool first_named = !section_owners.empty();
  bool carried_down = !defaults.empty();  // from a heading or lead-in, not from a unit's own subject
  // A record: an item whose paragraphs are all labelled fields ("Thời gian hoàn thành: ...", "Đơn vị chủ
  // trì: ...", "Đơn vị phối hợp: ..."), a table row flattened; its lead unit owns every field.
  size_t first = s.heading_paragraph ? 1 : 0;
  bool record = s.paragraphs.size() >= first + 2;
  for (size_t i = first; i < s.paragraphs.size() && record; ++i) record = c.g.Test("owners.field", s.paragraphs[i].text);
  size_t record_from = s.tasks.size();
  bool carried = !defaults.empty();  // an owner carried down outranks the record's own lead
  s.tasks.reserve(s.tasks.size() + s.paragraphs.size());  // most paragraphs are one task: no regrowth
  bool seen_text = false;
  for (size_t i = first; i < s.paragraphs.size(); ++i) {
    const auto& p = s.paragraphs[i];
    std::string_view own = p.text;  // without its marker ("6. Sở Tài chính")
    if (i == 0 && own.size() > s.id.size() && own.substr(0, s.id.size()) == s.id &&
        (own[s.id.size()] == '.' || own[s.id.size()] == ')')) {
      own.remove_prefix(s.id.size() + 1);
      while (!own.empty() && own.front() == ' ') own.remove_prefix(1);
    }
    bool opening = !seen_text && !own.empty();  // the section's first words after its marker
    seen_text |= !own.empty();
    if (opening && section_owners.empty() && NameOnly(c.g, own)) {
      // "**6.** / **Sở Tài chính**": a heading the converter put on its own line after the marker; it
      // names the owner of what follows, and is no task itself.
      section_owners = HeadingOwners(c.g, std::string(own));
      if (!section_owners.empty()) {
        defaults = section_owners;
        default_partners.clear();
        first_named = true;
        continue;
      }
    }
    std::vector<std::string> local;  // owners a later paragraph names first: the rest of that paragraph's
    for (const auto& [offset, unit] : Units(p)) {
      bool named = false;
      const auto& inherited = local.empty() ? defaults : local;
      model::Task t = MakeTask(c, p, offset, unit, inherited, &named, default_partners, carried_down && local.empty());
      if (named && !first_named && rule != TaskRule::kProvisions && local.empty() &&
          !std::all_of(t.owners.begin(), t.owners.end(), [&](const std::string& o) { return IsIssuer(c, o); })) {
        // The owner named first in a section without a heading owns the rest of it when named in the
        // item's own text or in a lead-in ("Sở Y tế thực hiện các nội dung sau:"); named in a later
        // paragraph, only the rest of that paragraph (a quoted law's "Cơ quan thi hành án phải ..." does
        // not own the clauses after it). Not in a text of articles, whose clauses each state their own
        // rule, and not the issuer speaking ("Cục Thuế tỉnh X hướng dẫn ..."). Regression:
        // first_named_owner_stays_in_its_paragraph.
        std::string u = segment::Trim(unit);
        if (i == first || (!u.empty() && u.back() == ':')) {
          defaults = t.owners;
          first_named = true;
          carried_down = false;
        } else {
          local = t.owners;
        }
      }
      if (c.g.Test("owners.not_a_task", t.text)) continue;  // "Điều 40.", "….(15)….", "26": no task
      if (rule == TaskRule::kProvisions && !named && t.deadlines.empty()) continue;  // a rule stated
      if (rule == TaskRule::kRecords && !named) continue;  // a row or a field under a heading: not a task
      if (t.owners.empty() && !c.doc.recipients.empty() && !c.reply) {
        t.owners_implied = true;  // named by no one: asked of the addressees (Kính gửi); said once below
        ++c.implied;
      } else if (t.owners.empty() && !record) {  // a record's fields are warned of once it is read
        WarnOwnerMissing(c, s, t);
      }
      AddUnique(s.owners, t.owners);
      s.tasks.push_back(std::move(t));
    }
  }
  if (record && !carried) {
    // The record's fields before its lead unit ("Thời gian hoàn thành: Quý II/2025" above "Đơn vị chủ
    // trì: X") are X's too, and so are its labelled partners.
    std::vector<std::string> lead, partners;
    for (size_t k = record_from; k < s.tasks.size(); ++k) {
      if (lead.empty() && !s.tasks[k].owners.empty() && !s.tasks[k].owners_implied) lead = s.tasks[k].owners;
      AddUnique(partners, s.tasks[k].partners);
    }
    for (size_t k = record_from; k < s.tasks.size() && !lead.empty(); ++k) {
      auto& t = s.tasks[k];
      if (!t.owners.empty() && !t.owners_implied) continue;
      if (t.owners_implied) --c.implied;
      t.owners_implied = false;
      t.owners = lead;
      t.owner_keys.clear();
      for (const auto& o : t.owners) t.owner_keys.push_back(c.Key(o));
      c.doc.Trace(t.line, "task", "owners.field");
    }
  }
  for (size_t k = record_from; k < s.tasks.size() && record; ++k) {
    if (s.tasks[k].owners.empty() && !s.tasks[k].owners_implied) WarnOwnerMissing(c, s, s.tasks[k]);
  }
  AddUnique(s.owners, section_owners);
  for (auto& child : s.sections) {
    SectionTasks(c, child, defaults, default_partners, rule);
    AddUnique(s.owners, child.owners);
  }
}

// Whether `key` is `issuer` or its start, up to a word.
bool KeyStarts(const std::string& issuer, const std::string& key) {
  if (key.empty() || key.size() > issuer.size() || issuer.compare(0, key.size(), key) != 0) return false;
  return key.size() == issuer.size() || issuer[key.size()] == ' ';
}

// Whether an owner is the issuing authority itself ("Ủy ban nhân dân tỉnh" of ỦY BAN NHÂN DÂN TỈNH BÌNH
// MINH): its key is the authority's key or the start of it, up to a word.
bool IsIssuer(Context& c, const std::string& owner) {
  if (!c.doc.authority.name) return false;
  const std::string& name = *c.doc.authority.name;
  if (KeyStarts(c.Key(name), c.Key(owner))) return true;
  // An issuer's name read without diacritics (OCR): compare the owner's letters without theirs.
  bool ascii = std::all_of(name.begin(), name.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  return ascii && KeyStarts(text::UnmarkedKey(name), text::UnmarkedKey(owner));
}

// Closing and unnumbered-body paragraphs: a sentence is a task when it names an owner or a deadline.
// The issuer's own undertaking there ("Ủy ban nhân dân tỉnh sẽ thành lập đoàn kiểm tra") assigns nothing.
void LooseTasks(Context& c, const std::vector<model::Paragraph>& paras, std::vector<model::Task>* out) {
  c.directive = false;
  for (const auto& p : paras) {
    for (const auto& [offset, unit] : Units(p)) {
      bool named = false;
      model::Task t = MakeTask(c, p, offset, unit, {}, &named);
      if (named) {
        std::vector<std::string> owners, keys;
        for (size_t k = 0; k < t.owners.size(); ++k) {
          if (IsIssuer(c, t.owners[k])) continue;
          owners.push_back(t.owners[k]);
          keys.push_back(t.owner_keys[k]);
        }
        if (owners.empty()) continue;  // the issuer's own, deadline and all ("... vào tháng 7")
        t.owners = std::move(owners);
        t.owner_keys = std::move(keys);
      }
      if (t.owners.empty() && t.deadlines.empty()) continue;
      out->push_back(std::move(t));
    }
  }
}

}  // namespace

std::vector<std::pair<size_t, std::string>> Sentences(std::string_view text) {
  std::vector<std::pair<size_t, std::string>> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    char c = text[i];
    if ((c != '.' && c != '!' && c != '?') || text[i + 1] != ' ') continue;
    std::string_view rest = text.substr(i + 2);
    if (!text::StartsUpper(rest)) continue;
    // Not after an abbreviation ("TP. Hồ Chí Minh") or a one-letter initial.
    size_t w = text.rfind(' ', i);
    std::string_view word = text.substr(w == std::string_view::npos ? 0 : w + 1, i - (w == std::string_view::npos ? 0 : w + 1));
    if (word == "TP" || word == "Tp" || word == "ThS" || word == "TS" || word == "PGS" || word.size() <= 1) continue;
    std::string s = segment::Trim(text.substr(start, i + 1 - start));
    if (!s.empty()) out.emplace_back(start, s);
    start = i + 2;
  }
  std::string s = segment::Trim(text.substr(start));
  if (!s.empty()) out.emplace_back(start, s);
  return out;
}

namespace {

// The owners a lead-in names for the items below it: the last paragraph before them, ending in ':'
// ("Ủy ban nhân dân tỉnh đề nghị Sở Công Thương thực hiện một số nội dung sau:", "Giao Sở Y tế thực
// hiện các nhiệm vụ sau:", "Sở Tài chính có trách nhiệm:"). Its own sentence is no task. Only a lead-in
// naming one owner carries down: one naming several ("yêu cầu Ủy ban nhân dân tỉnh, Công an tỉnh, Sở Y
// tế ... thực hiện các nhiệm vụ sau:") shares the items out, each naming its own, and an item naming
// none falls to the addressees.
std::vector<std::string> LeadInOwners(Context& c, const std::vector<model::Paragraph>& preamble) {
  if (preamble.empty()) return {};
  const model::Paragraph& p = preamble.back();
  std::string_view text = p.text;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.back() != ':') return {};
  auto units = Units(p);
  if (units.empty()) return {};
  bool named = false;
  model::Task t = MakeTask(c, p, units.back().first, units.back().second, {}, &named);
  // "Cục Thuế tỉnh Long An hướng dẫn như sau:": the issuer explaining, not an owner of what follows.
  if (!named || t.owners.size() != 1 || IsIssuer(c, t.owners[0])) return {};
  return t.owners;
}

// Whether any item is an article ("Điều 1."): a text of articles states rules.
bool HasArticles(const std::vector<model::Section>& sections) {
  for (const auto& s : sections) {
    if (s.style == "article" || HasArticles(s.sections)) return true;
  }
  return false;
}

}  // namespace

void FindTasks(const grammar::Grammar& g, model::Document& doc) {
  Context c{g, doc};
  doc.addressees.clear();
  doc.addressee_keys.clear();
  for (const auto& r : doc.recipients) {
    doc.addressees.push_back(r.text);
    doc.addressee_keys.push_back(c.Key(r.text));
  }
  const auto& kinds = g.List("provision_kinds");
  // An answer letter: its subject, or one of the body's first paragraphs (a header the converter garbled
  // is left there as a few paragraphs of debris), says it answers.
  bool reply = doc.subject && g.Test("owners.reply", *doc.subject);
  for (size_t i = 0; i < doc.preamble_paragraphs.size() && i < 6 && !reply; ++i) {
    reply = g.Test("owners.reply", doc.preamble_paragraphs[i].text);
  }
  const auto& statements = g.List("statement_kinds");
  bool provisions = reply || HasArticles(doc.sections) ||
                    (doc.kind && std::find(kinds.begin(), kinds.end(), *doc.kind) != kinds.end()) ||
                    (doc.kind && std::find(statements.begin(), statements.end(), *doc.kind) != statements.end());
  c.reply = reply;
  // Only above numbered items: without them the preamble's sentences are read as loose tasks below.
  std::vector<std::string> lead_in =
      doc.sections.empty() ? std::vector<std::string>{} : LeadInOwners(c, doc.preamble_paragraphs);
  for (auto& s : doc.sections) SectionTasks(c, s, lead_in, {}, provisions ? TaskRule::kProvisions : TaskRule::kEvery);
  if (doc.closing) LooseTasks(c, doc.closing->paragraphs, &doc.closing->tasks);
  if (doc.sections.empty()) LooseTasks(c, doc.preamble_paragraphs, &doc.tasks);
  for (auto& a : doc.annexes) {
    bool directive = a.title && g.Test("owners.directive_annex", *a.title);
    TaskRule annex_rule = HasArticles(a.sections) ? TaskRule::kProvisions
                          : directive              ? TaskRule::kEvery
                                                   : TaskRule::kRecords;
    for (auto& s : a.sections) SectionTasks(c, s, {}, {}, annex_rule);
  }
  if (c.implied > 0) {
    doc.Warn("task_owner_implied",
             std::to_string(c.implied) + (c.implied == 1 ? " task names" : " tasks name") +
                 " no owner: read as asked of the addressees (Kính gửi), with owners_implied",
             0);
  }
}

}  // namespace congvan::extract
