#include "compare/diff.h"

#include "model/task_ids.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "text/fold.h"

namespace congvan::compare {
namespace {

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> out;
  std::string key = text::FoldKey(s), w;
  for (char c : key + " ") {
    bool sep = c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' ||
               c == '"' || c == '\n' || c == '/';
    if (sep) {
      if (!w.empty()) out.insert(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

std::vector<std::tuple<std::string, std::string, std::string>> DeadlineSet(const model::Task& t) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& d : t.deadlines) {
    out.emplace_back(d.due ? d.due->Iso() : "", d.time.value_or(""), d.repeat.value_or(""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::set<std::string> PartnerKeys(const model::Task& t) {
  std::set<std::string> out;
  for (const auto& p : t.partners) out.insert(text::FoldKey(p));
  return out;
}

void Field(std::vector<HeaderDiff>& out, const char* name, const model::OptString& a,
           const model::OptString& b) {
  std::string ka = a ? text::FoldKey(*a) : "", kb = b ? text::FoldKey(*b) : "";
  if (a.has_value() != b.has_value() || ka != kb) out.push_back({name, a, b});
}

}  // namespace

bool OwnerDiff::Differs() const {
  if (!only_a.empty() || !only_b.empty()) return true;
  for (const auto& p : pairs) {
    if (!p.changed.empty()) return true;
  }
  return false;
}

bool DiffResult::Differs() const {
  if (!header.empty()) return true;
  for (const auto& o : owners) {
    if (o.Differs()) return true;
  }
  return false;
}

double Similarity(const std::string& a, const std::string& b) {
  if (text::FoldKey(a) == text::FoldKey(b)) return 1.0;
  auto wa = Words(a), wb = Words(b);
  if (wa.empty() || wb.empty()) return 0.0;
  size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  return 2.0 * common / (wa.size() + wb.size());
}

void WalkTasks(const model::Document& d, const std::function<void(const TaskRef&)>& f) {
  model::TaskIds ids;
  TaskRef ref{nullptr, "", "section", "", 0, ""};
  auto each = [&](const std::vector<model::Task>& tasks, const std::string& holder) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      ref.task = &tasks[i];
      ref.id = model::TaskIds::Id(holder, i);
      f(ref);
    }
  };
  std::function<void(const model::Section&, const std::string&, int)> walk =
      [&](const model::Section& s, const std::string& prefix, int annex) {
        ref.path = s.path.empty() ? s.id : s.path;
        ref.section = annex ? "annex " + std::to_string(annex) + ": " + ref.path : ref.path;
        ref.part = "section";
        ref.annex = annex;
        each(s.tasks, ids.Section(prefix, s));
        for (const auto& c : s.sections) walk(c, prefix, annex);
      };
  auto part = [&](const std::vector<model::Task>& tasks, const std::string& prefix, const char* name, int annex) {
    ref.path.clear();
    ref.section = annex ? "annex " + std::to_string(annex) + ": " + name : std::string(name);
    ref.part = name;
    ref.annex = annex;
    each(tasks, model::TaskIds::Part(prefix, name));
  };
  for (const auto& s : d.sections) walk(s, "", 0);
  if (d.closing) part(d.closing->tasks, "", "closing", 0);
  part(d.tasks, "", "body", 0);
  for (size_t i = 0; i < d.annexes.size(); ++i) {
    std::string prefix = model::TaskIds::AnnexPrefix(i);
    int annex = static_cast<int>(i + 1);
    for (const auto& s : d.annexes[i].sections) walk(s, prefix, annex);
    part(d.annexes[i].tasks, prefix, "body", annex);
  }
}

std::vector<TaskRef> AllTasks(const model::Document& d) {
  std::vector<TaskRef> out;
  WalkTasks(d, [&](const TaskRef& r) { out.push_back(r); });
  return out;
}

DiffResult Diff(const model::Document& a, const model::Document& b) {
  DiffResult r;
  r.a = &a;
  r.b = &b;
  Field(r.header, "format", a.format, b.format);
  Field(r.header, "kind", a.kind, b.kind);
  Field(r.header, "authority", a.authority.name, b.authority.name);
  Field(r.header, "number", a.number, b.number);
  Field(r.header, "symbol", a.symbol, b.symbol);
  Field(r.header, "code", a.code, b.code);
  Field(r.header, "place", a.place, b.place);
  Field(r.header, "date", a.date, b.date);
  Field(r.header, "subject", a.subject, b.subject);
  Field(r.header, "urgency", a.urgency, b.urgency);
  Field(r.header, "secrecy", a.secrecy, b.secrecy);

  std::map<std::string, OwnerDiff> by_key;
  auto add = [&](const model::Document& d, bool side_a) {
    for (const auto& ref : AllTasks(d)) {
      const model::Task& t = *ref.task;
      const auto& owners = model::OwnersOf(d, t);
      const auto& keys = model::OwnerKeysOf(d, t);
      if (owners.empty()) {
        auto& o = by_key[""];
        (side_a ? o.a : o.b).push_back(ref);
        continue;
      }
      for (size_t i = 0; i < owners.size(); ++i) {
        std::string key = i < keys.size() ? keys[i] : owners[i];
        auto& o = by_key[key];
        o.key = key;
        if (o.owner.empty() || (side_a && o.a.empty())) o.owner = owners[i];
        auto& side = side_a ? o.a : o.b;
        bool dup = false;  // a task naming the same owner twice
        for (const auto& x : side) dup |= x.task == ref.task;
        if (!dup) side.push_back(ref);
      }
    }
  };
  add(a, true);
  add(b, false);
  for (auto& [key, o] : by_key) {
    struct Cand {
      double sim;
      size_t i, j;
    };
    std::vector<Cand> cands;
    for (size_t i = 0; i < o.a.size(); ++i) {
      for (size_t j = 0; j < o.b.size(); ++j) {
        double s = Similarity(o.a[i].task->text, o.b[j].task->text);
        if (s >= kMinSimilarity) cands.push_back({s, i, j});
      }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) { return x.sim > y.sim; });
    std::vector<bool> used_a(o.a.size()), used_b(o.b.size());
    for (const auto& c : cands) {
      if (used_a[c.i] || used_b[c.j]) continue;
      used_a[c.i] = used_b[c.j] = true;
      Pair p{c.i, c.j, c.sim, {}};
      const model::Task& ta = *o.a[c.i].task;
      const model::Task& tb = *o.b[c.j].task;
      if (DeadlineSet(ta) != DeadlineSet(tb)) p.changed.push_back("deadlines");
      if (PartnerKeys(ta) != PartnerKeys(tb)) p.changed.push_back("partners");
      if (text::FoldKey(ta.text) != text::FoldKey(tb.text)) p.changed.push_back("text");
      o.pairs.push_back(std::move(p));
    }
    std::sort(o.pairs.begin(), o.pairs.end(), [](const Pair& x, const Pair& y) { return x.a < y.a; });
    for (size_t i = 0; i < o.a.size(); ++i) {
      if (!used_a[i]) o.only_a.push_back(i);
    }
    for (size_t j = 0; j < o.b.size(); ++j) {
      if (!used_b[j]) o.only_b.push_back(j);
    }
    r.owners.push_back(std::move(o));
  }
  return r;
}

}  // namespace congvan::compare
