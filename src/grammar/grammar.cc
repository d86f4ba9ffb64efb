#include "grammar/grammar.h"

#include "base/sha256.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "base/nesting.h"
#include "grammar/prefilter.h"
#include "text/fold.h"

namespace congvan::grammar {

std::string_view Match::Group(std::string_view name) const {
  if (!rule) return {};
  for (const auto& n : rule->re.names()) {
    if (n.name == name) return n.index < static_cast<int>(groups.size()) ? groups[n.index] : std::string_view();
  }
  return {};
}

size_t Match::Offset(std::string_view text, std::string_view name) const {
  std::string_view g = name.empty() ? (groups.empty() ? std::string_view() : groups[0]) : Group(name);
  if (g.data() == nullptr) return std::string_view::npos;
  return static_cast<size_t>(g.data() - text.data());
}

constexpr size_t kMaxGrammarBytes = 4u << 20;

RE2::Options RuleOptions(bool case_sensitive) {
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_case_sensitive(case_sensitive);
  opt.set_log_errors(false);
  opt.set_max_mem(8 << 20);
  return opt;
}

Status Grammar::IndexClassSet(int kind, const std::vector<std::string>& families, const std::string& where) {
  std::string what = where + ": " + (kind == 0 ? "line_families" : "span_families");
  ClassSet& cs = classes_[kind];
  cs.families = families;
  cs.max_mem = kind == 1 ? int64_t{128} << 20 : int64_t{32} << 20;  // see BuildClassSet
  for (const auto& name : families) {
    auto it = families_.find(name);
    if (it == families_.end()) return Status(Code::kGrammar, what + ": unknown family " + name);
    for (const Rule* r : it->second->rules) {
      Rule* rule = const_cast<Rule*>(r);  // the grammar owns its rules; they are fixed once loaded
      if (rule->bit[kind] >= 0) continue;
      if (cs.rules.size() >= text::LineClasses::kMaxRules) {
        return Status(Code::kGrammar, what + ": more than " + std::to_string(text::LineClasses::kMaxRules) + " rules");
      }
      rule->bit[kind] = static_cast<int>(cs.rules.size());
      cs.rules.push_back(rule);
    }
  }
  for (auto& [name, f] : families_) {
    f->level[kind] = !f->rules.empty();
    for (const Rule* r : f->rules) f->level[kind] &= r->bit[kind] >= 0;
  }
  return Status::Ok();
}

Status Grammar::IndexFamilies(const std::vector<Union>& unions) {
  unions_ = unions;
  for (const auto& r : rules_) {
    std::string_view id = r->id;
    for (size_t p = 0;; ++p) {
      p = id.find('.', p);
      auto& f = families_[std::string(id.substr(0, p))];
      if (!f) f = std::make_unique<Grammar::FamilyIndex>();
      f->rules.push_back(r.get());
      if (p == std::string_view::npos) break;
    }
  }
  // Named unions of families ("families:" in a grammar file): they ask their members in turn.
  for (const auto& [name, members, where] : unions) {
    if (families_.count(name)) {
      return Status(Code::kGrammar, where + ": family " + name + " already names rules");
    }
    auto u = std::make_unique<Grammar::FamilyIndex>();
    for (const auto& m : members) {
      auto it = families_.find(m);
      if (it == families_.end()) {
        return Status(Code::kGrammar, where + ": family " + name + " lists unknown family " + m);
      }
      for (const Rule* r : it->second->rules) u->rules.push_back(r);
      u->members.push_back(it->second.get());
    }
    families_[name] = std::move(u);
  }
  return Status::Ok();
}

class Loader {
 public:
  explicit Loader(Grammar* g) : g_(g) {}

  Status Load(const std::vector<SourceFile>& files) {
    std::vector<std::pair<const SourceFile*, YAML::Node>> docs;
    // Pass 1: parse every file; collect fragments and lists (they are global).
    for (const auto& f : files) {
      YAML::Node doc;
      if (f.text.size() > kMaxGrammarBytes) {
        return Status(Code::kGrammar, std::string(f.name) + ":1: grammar file larger than " +
                                          std::to_string(kMaxGrammarBytes) + " bytes");
      }
      if (MaxNesting(f.text) > kMaxNesting) {
        return Status(Code::kGrammar, std::string(f.name) + ":1: nested deeper than " +
                                          std::to_string(kMaxNesting) + " levels");
      }
      try {
        doc = YAML::Load(std::string(f.text));
      } catch (const YAML::Exception& e) {
        return Status(Code::kGrammar, std::string(f.name) + ":" + std::to_string(e.mark.line + 1) +
                                          ": invalid YAML: " + e.msg);
      }
      if (!doc.IsMap()) {
        return Status(Code::kGrammar, std::string(f.name) + ":1: a grammar file is a YAML mapping");
      }
      try {
        if (auto fr = doc["fragments"]) {
          for (auto it : fr) fragments_[it.first.as<std::string>()] = it.second.as<std::string>();
        }
        if (auto cl = doc["classes"]) {
          for (auto it : cl) classes_[it.first.as<std::string>()] = it.second.as<std::string>();
        }
        if (auto ls = doc["lists"]) {
          for (auto it : ls) {
            auto& v = g_->lists_[it.first.as<std::string>()];
            for (auto w : it.second) v.push_back(w.as<std::string>());
          }
        }
        if (auto ms = doc["maps"]) {
          for (auto it : ms) {
            auto& m = g_->maps_[it.first.as<std::string>()];
            for (auto kv : it.second) m[kv.first.as<std::string>()] = kv.second.as<std::string>();
          }
        }
      } catch (const YAML::Exception& e) {
        return Status(Code::kGrammar, std::string(f.name) + ":" + std::to_string(e.mark.line + 1) +
                                          ": bad fragments, lists or maps: " + e.msg);
      }
      docs.emplace_back(&f, doc);
    }
    std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> unions;
    // Pass 2: rules.
    std::set<std::string> ids;
    for (auto& [f, doc] : docs) {
      if (auto fam = doc["families"]) {
        try {
          for (auto it : fam) {
            std::vector<std::string> members;
            for (auto m : it.second) members.push_back(m.as<std::string>());
            unions.emplace_back(it.first.as<std::string>(), members,
                                std::string(f->name) + ":" + std::to_string(it.first.Mark().line + 1));
          }
        } catch (const YAML::Exception& e) {
          return Status(Code::kGrammar, std::string(f->name) + ":" + std::to_string(e.mark.line + 1) +
                                            ": bad families: " + e.msg);
        }
      }
      for (int kind = 0; kind < 2; ++kind) {
        const char* key = kind == 0 ? "line_families" : "span_families";
        if (auto lf = doc[key]) {
          class_where_[kind] = std::string(f->name) + ":" + std::to_string(lf.Mark().line + 1);
          try {
            for (auto it : lf) class_families_[kind].push_back(it.as<std::string>());
          } catch (const YAML::Exception& e) {
            return Status(Code::kGrammar, std::string(f->name) + ":" + std::to_string(e.mark.line + 1) +
                                              ": bad " + key + ": " + e.msg);
          }
        }
      }
      auto rules = doc["rules"];
      if (!rules) continue;
      if (!rules.IsSequence()) {
        return Status(Code::kGrammar, std::string(f->name) + ":" +
                                          std::to_string(rules.Mark().line + 1) +
                                          ": `rules` must be a list");
      }
      for (auto r : rules) {
        auto rule = std::make_unique<Rule>();
        rule->file = std::string(f->name);
        rule->line = r.Mark().line + 1;
        auto where = [&] { return rule->file + ":" + std::to_string(rule->line) + ": rule " + rule->id + ": "; };
        try {
          if (!r.IsMap() || !r["id"] || !r["pattern"]) {
            rule->id = r.IsMap() && r["id"] ? r["id"].as<std::string>() : "?";
            return Status(Code::kGrammar, where() + "a rule needs `id` and `pattern`");
          }
          rule->id = r["id"].as<std::string>();
          rule->source = r["pattern"].as<std::string>();
          if (r["description"]) rule->description = r["description"].as<std::string>();
          if (r["value"]) rule->value = r["value"].as<std::string>();
          for (auto e : r["match"]) {
            Example ex;
            if (e.IsMap()) {
              for (auto kv : e) {
                auto k = kv.first.as<std::string>();
                if (k == "text") {
                  ex.text = kv.second.as<std::string>();
                } else {
                  ex.groups[k] = kv.second.IsNull() ? "" : kv.second.as<std::string>();
                }
              }
            } else {
              ex.text = e.as<std::string>();
            }
            rule->must_match.push_back(std::move(ex));
          }
          for (auto e : r["no_match"]) rule->must_not_match.push_back(e.as<std::string>());
          bool case_sensitive = r["case_sensitive"] && r["case_sensitive"].as<bool>();
          rule->case_sensitive = case_sensitive;
          if (!ids.insert(rule->id).second) return Status(Code::kGrammar, where() + "duplicate id");
          std::string expanded;
          if (Status s = Expand(rule->source, 0, &expanded); !s.ok()) {
            return Status(Code::kGrammar, where() + s.message());
          }
          rule->pattern = text::ExpandTonePlacement(expanded);
          rule->re.Reset(rule->pattern, RuleOptions(case_sensitive));
          if (!rule->re->ok()) {
            return Status(Code::kGrammar, where() + "bad pattern: " + rule->re->error());
          }
          if (rule->re->NumberOfCapturingGroups() > kMaxGroups) {
            return Status(Code::kGrammar, where() + "more than " + std::to_string(kMaxGroups) + " groups");
          }
          rule->any_of = RequiredLiterals(rule->pattern, RuleOptions(case_sensitive));
          if (auto lim = r["limits"]) {
            if (!lim.IsMap()) return Status(Code::kGrammar, where() + "`limits` maps group names to lengths");
            for (auto kv : lim) {
              auto name = kv.first.as<std::string>();
              auto it = rule->re->NamedCapturingGroups().find(name);
              if (it == rule->re->NamedCapturingGroups().end()) {
                return Status(Code::kGrammar, where() + "`limits` names unknown group " + name);
              }
              Rule::Limit l;
              l.name = name;
              l.group = it->second;
              if (kv.second.IsMap()) {
                for (auto b : kv.second) {
                  auto what = b.first.as<std::string>();
                  if (what == "chars") {
                    l.max_chars = b.second.as<int>();
                  } else if (what == "words") {
                    l.max_words = b.second.as<int>();
                  } else {
                    return Status(Code::kGrammar, where() + "`limits` of " + name + ": chars or words, not " + what);
                  }
                }
              } else {
                l.max_chars = kv.second.as<int>();
              }
              rule->limits.push_back(l);
            }
          }
        } catch (const YAML::Exception& e) {
          return Status(Code::kGrammar, where() + "bad rule: " + e.msg);
        }
        g_->rules_.push_back(std::move(rule));
      }
    }
    if (Status st = g_->IndexFamilies(unions); !st.ok()) return st;
    if (Status st = g_->IndexClassSet(0, class_families_[0], class_where_[0]); !st.ok()) return st;
    return g_->IndexClassSet(1, class_families_[1], class_where_[1]);
  }

 private:
  // Substitutes {{name}} fragments, {{list:name}} alternations and {{class}} letter classes, recursively.
  // A class ("classes:" in YAML, e.g. letter) is the inside of a bracket expression: inside [...] it is
  // pasted as is ("[{{letter}}\\s-]"), outside it becomes one bracket expression ("{{upper}}").
  Status Expand(const std::string& in, int depth, std::string* out) {
    if (depth > 8) return Status(Code::kGrammar, "fragments nest too deep (a cycle?)");
    // Fragments that use a fragment twice double at each level: 550 bytes of them gave a 20 MB pattern
    // (issue 13). The size is checked after each piece is added, here and in every nested call.
    constexpr size_t kMaxExpanded = 64 << 10;
    out->clear();
    bool in_class = false;
    for (size_t pos = 0; pos < in.size();) {
      if (out->size() > kMaxExpanded) {
        return Status(Code::kGrammar, "pattern expands to more than " + std::to_string(kMaxExpanded) +
                                          " bytes (fragments used many times inside fragments?)");
      }
      char c = in[pos];
      if (c == '\\' && pos + 1 < in.size()) {
        out->append(in, pos, 2);
        pos += 2;
        continue;
      }
      if (!(c == '{' && in.compare(pos, 2, "{{") == 0)) {
        if (c == '[' && !in_class) {
          in_class = true;
          out->push_back(c);
          ++pos;
          // A ']' or '^]' right after the opening bracket is a literal.
          if (pos < in.size() && in[pos] == '^') out->push_back(in[pos++]);
          if (pos < in.size() && in[pos] == ']') out->push_back(in[pos++]);
          continue;
        }
        if (c == ']' && in_class) in_class = false;
        out->push_back(c);
        ++pos;
        continue;
      }
      size_t close = in.find("}}", pos);
      if (close == std::string::npos) return Status(Code::kGrammar, "unclosed {{ in pattern");
      std::string name = in.substr(pos + 2, close - pos - 2);
      pos = close + 2;
      if (auto cl = classes_.find(name); cl != classes_.end()) {
        if (in_class) {
          out->append(cl->second);
        } else {
          out->append("[").append(cl->second).append("]");
        }
        continue;
      }
      if (in_class) return Status(Code::kGrammar, "only a class can stand inside [...]: {{" + name + "}}");
      if (name.rfind("list:", 0) == 0) {
        auto it = g_->lists_.find(name.substr(5));
        if (it == g_->lists_.end()) return Status(Code::kGrammar, "unknown list " + name.substr(5));
        std::vector<std::string> words = it->second;
        std::sort(words.begin(), words.end(),
                  [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
        out->append("(?:");
        for (size_t i = 0; i < words.size(); ++i) {
          if (i) out->append("|");
          out->append(RE2::QuoteMeta(words[i]));
        }
        out->append(")");
      } else {
        auto it = fragments_.find(name);
        if (it == fragments_.end()) return Status(Code::kGrammar, "unknown fragment {{" + name + "}}");
        std::string sub;
        if (Status s = Expand(it->second, depth + 1, &sub); !s.ok()) return s;
        out->append(sub);
      }
    }
    if (out->size() > kMaxExpanded) {
      return Status(Code::kGrammar, "pattern expands to more than " + std::to_string(kMaxExpanded) +
                                        " bytes (fragments used many times inside fragments?)");
    }
    return Status::Ok();
  }

  Grammar* g_;
  std::map<std::string, std::string> fragments_;
  std::map<std::string, std::string> classes_;
  std::vector<std::string> class_families_[2];  // line_families, span_families
  std::string class_where_[2];                  // where each was declared
};

std::string Grammar::Digest(const std::vector<SourceFile>& files) {
  std::vector<std::pair<std::string_view, std::string_view>> named;
  for (const auto& f : files) {
    std::string_view name = f.name;
    if (size_t slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    named.emplace_back(name, f.text);
  }
  std::sort(named.begin(), named.end());
  std::string all;
  for (const auto& [name, text] : named) {
    all.append(name);
    all.push_back('\0');
    all.append(text);
    all.push_back('\0');
  }
  return Sha256Hex(all).substr(0, 12);
}

Result<std::shared_ptr<const Grammar>> Grammar::Load(const std::vector<SourceFile>& files) {
  auto g = std::make_shared<Grammar>();
  Loader loader(g.get());
  if (Status s = loader.Load(files); !s.ok()) return s;
  g->digest_ = Digest(files);
  return std::shared_ptr<const Grammar>(g);
}

Result<std::shared_ptr<const Grammar>> Grammar::LoadEmbedded() { return Load(EmbeddedGrammars()); }

Result<std::shared_ptr<const Grammar>> Grammar::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status(Code::kGrammar, dir + ": not a directory of grammar files");
  }
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) return Status(Code::kGrammar, dir + ": no *.yaml grammar files");
  std::vector<std::string> names, texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status(Code::kGrammar, p + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    names.push_back(p);
    texts.push_back(ss.str());
  }
  std::vector<SourceFile> files;
  for (size_t i = 0; i < paths.size(); ++i) files.push_back({names[i], texts[i]});
  return Load(files);
}

const Grammar::FamilyIndex* Grammar::Index(std::string_view family) const {
  // Callers name families with literals, so the same view comes back millions of times: a per-thread
  // cache by address and length skips hashing the name. A hit is checked against the family's own
  // name (a reused buffer may hold another text) and the grammar's serial; misses are not cached.
  struct Slot {
    uint64_t serial = 0;
    const char* data = nullptr;
    size_t size = 0;
    const std::string* name = nullptr;
    const FamilyIndex* index = nullptr;
  };
  thread_local Slot cache[64];
  Slot& slot = cache[((reinterpret_cast<uintptr_t>(family.data()) >> 3) ^ family.size()) & 63];
  if (slot.serial == serial_ && slot.data == family.data() && slot.size == family.size() &&
      *slot.name == family) {
    return slot.index;
  }
  auto it = families_.find(family);
  if (it == families_.end()) return nullptr;
  slot = {serial_, family.data(), family.size(), &it->first, it->second.get()};
  return it->second.get();
}

// A family filter of more literals costs more searches than the set pass it would skip.
constexpr size_t kMaxFamilyLiterals = 4;

// Builds the RuleSet of a family (two or more rules) or a class set; when RE2 cannot, every rule is tried on its own.
static std::unique_ptr<RuleSet> BuildSet(const std::vector<const Rule*>& rules, int64_t max_mem,
                                         bool split = true) {
  if (rules.empty()) return nullptr;
  std::vector<std::string> patterns;
  for (const Rule* r : rules) patterns.push_back((r->case_sensitive ? "" : "(?i)") + r->pattern);
  auto set = std::make_unique<RuleSet>();
  return set->Build(patterns, max_mem, split) ? std::move(set) : nullptr;
}

const std::vector<const Rule*>& Grammar::Family(std::string_view family) const {
  static const std::vector<const Rule*> kNone;
  const FamilyIndex* f = Index(family);
  return f ? f->rules : kNone;
}

std::vector<const Rule*> Grammar::MatchingRules(std::string_view family, std::string_view text) const {
  std::vector<const Rule*> out;
  if (const FamilyIndex* f = Index(family)) Candidates(*f, text, &out);
  return out;
}

void Grammar::Build(const FamilyIndex& f) const {
  if (f.built.load(std::memory_order_acquire)) return;
  std::call_once(f.once, [&f] {
    if (f.rules.size() >= 2) f.set = BuildSet(f.rules, 16 << 20);
    std::vector<std::string> any_of;
    bool all = true;  // a rule without a clause: no family filter
    f.no_limits = true;
    for (const Rule* r : f.rules) {
      all &= !r->any_of.empty();
      f.no_limits &= r->limits.empty();
      for (const auto& lit : r->any_of) {
        if (std::find(any_of.begin(), any_of.end(), lit) == any_of.end()) any_of.push_back(lit);
      }
    }
    if (all && any_of.size() <= kMaxFamilyLiterals) f.any_of = std::move(any_of);
    f.built.store(true, std::memory_order_release);
  });
}

void Grammar::Candidates(const FamilyIndex& f, std::string_view text, std::vector<const Rule*>* out) const {
  if (!f.members.empty()) {
    for (const FamilyIndex* m : f.members) Candidates(*m, text, out);
    return;
  }
  if (f.rules.size() < 2) {
    out->insert(out->end(), f.rules.begin(), f.rules.end());
    return;
  }
  Build(f);
  if (!MayMatch(f.any_of, text)) return;  // no rule of the family can match
  if (!f.set) {
    out->insert(out->end(), f.rules.begin(), f.rules.end());
    return;
  }
  thread_local std::vector<int> hits;
  hits.clear();
  bool failed = false;
  f.set->Match(text, &hits, &failed);
  if (failed) {  // out of memory: every rule is a candidate
    out->insert(out->end(), f.rules.begin(), f.rules.end());
    return;
  }
  std::sort(hits.begin(), hits.end());
  for (int i : hits) out->push_back(f.rules[i]);
}

// Characters (UTF-8 code points) in s.
static int Chars(re2::StringPiece s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Words in s: runs of characters other than white space, a lone dash ("Bà Rịa - Vũng Tàu") not counted.
static int Words(re2::StringPiece s) {
  int n = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) ++i;
    size_t start = i;
    while (i < s.size() && !(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) ++i;
    std::string_view w(s.data() + start, i - start);
    if (!w.empty() && w != "-" && w != "\u2013" && w != "\u2014") ++n;
  }
  return n;
}

static bool WithinLimits(const Rule* r, const re2::StringPiece* sp) {
  for (const auto& l : r->limits) {
    int group = l.group;
    if (group < 0) {  // from the generated table: the index is read from the compiled rule
      for (const auto& n : r->re.names()) {
        if (n.name == l.name) group = n.index;
      }
      if (group < 0) continue;
    }
    if (l.max_chars >= 0 && Chars(sp[group]) > l.max_chars) return false;
    if (l.max_words >= 0 && Words(sp[group]) > l.max_words) return false;
  }
  return true;
}

static bool MatchRule(const Rule* r, std::string_view text, size_t start, Match* m) {
  if (!MayMatch(r->any_of, text.substr(std::min(start, text.size())))) return false;
  int n = r->re->NumberOfCapturingGroups() + 1;
  re2::StringPiece sp[kMaxGroups + 1];
  if (!r->re->Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::UNANCHORED, sp, n)) {
    return false;
  }
  if (!WithinLimits(r, sp)) return false;
  m->rule = r;
  m->groups.assign(n, std::string_view());
  for (int i = 0; i < n; ++i) {
    if (sp[i].data()) m->groups[i] = std::string_view(sp[i].data(), sp[i].size());
  }
  return true;
}

// Whether the rule matches somewhere in text; only a rule with limits reads its groups.
static bool TestRule(const Rule* r, std::string_view text) {
  if (!r->limits.empty()) {
    Match m;
    return MatchRule(r, text, 0, &m);
  }
  if (!MayMatch(r->any_of, text)) return false;
  return r->re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

bool Grammar::Find(std::string_view family, std::string_view text, Match* m) const {
  const FamilyIndex* f = Index(family);
  if (!f) return false;
  thread_local std::vector<const Rule*> candidates;
  size_t base = candidates.size();  // Find is not reentrant, but keep nested use safe
  Candidates(*f, text, &candidates);
  bool found = false;
  for (size_t i = base; i < candidates.size() && !found; ++i) found = MatchRule(candidates[i], text, 0, m);
  candidates.resize(base);
  return found;
}

bool Grammar::Test(std::string_view family, std::string_view text) const {
  const FamilyIndex* f = Index(family);
  if (!f) return false;
  if (f->members.empty() && f->rules.size() >= 2) {
    Build(*f);
    if (f->set && f->no_limits) {
      // Any hit of the set answers: RE2 stops at the first match and collects no ids.
      if (!MayMatch(f->any_of, text)) return false;
      bool failed = false;
      if (f->set->Match(text, nullptr, &failed)) return true;
      // Out of memory: every rule counts as a candidate, and a candidate of a set is a hit (as below).
      return failed;
    }
  }
  thread_local std::vector<const Rule*> candidates;
  size_t base = candidates.size();
  Candidates(*f, text, &candidates);
  bool found = false;
  for (size_t i = base; i < candidates.size() && !found; ++i) {
    // A set's hit is a match unless the rule has limits to check.
    found = (f->set && f->members.empty() && candidates[i]->limits.empty()) || TestRule(candidates[i], text);
  }
  candidates.resize(base);
  return found;
}

void Grammar::BuildClassSet(int kind) const {
  const ClassSet& cs = classes_[kind];
  if (cs.built.load(std::memory_order_acquire)) return;
  std::call_once(cs.once, [&cs] {
    struct Done {  // marks the set built however the lambda returns
      const ClassSet& cs;
      ~Done() { cs.built.store(true, std::memory_order_release); }
    } done{cs};
    if (cs.rules.empty()) return;
    // The span set meets every sentence of the body: with 32 MB its DFA cache filled and was rebuilt
    // again and again over the corpus (75 MB/s against 228 MB/s with 128 MB, measured on its 269,257
    // spans); the memory is a bound, used only as states are made.
    cs.set = BuildSet(cs.rules, cs.max_mem, /*split=*/false);
  });
}

const text::LegacyTables& Grammar::LegacyTables() const {
  std::call_once(legacy_once_, [this] {
    legacy_ = std::make_unique<text::LegacyTables>(text::LegacyTables::FromData(
        Map("tcvn3"), Map("vni"), List("vietnamese_words"), List("tcvn3_titlecase")));
  });
  return *legacy_;
}

void Grammar::Prewarm(const std::atomic<bool>& stop) const {
  // Only the two class sets: compiling every family and rule as well cost 45% more CPU for a single
  // document and made it slower (47 ms against 40, farm-bench medians), the main thread meeting the
  // helper in compiles it did not need yet.
  BuildClassSet(0);
  if (stop.load(std::memory_order_relaxed)) return;
  BuildClassSet(1);
}

void Grammar::ClassifyText(int kind, std::string_view text, text::LineClasses* classes) const {
  if (text.empty()) {  // the same answer every time: asked of the set once
    const ClassSet& cs = classes_[kind];
    std::call_once(cs.empty_once, [&] { ClassifyPass(kind, {}, &cs.empty); });
    *classes = cs.empty;
    return;
  }
  ClassifyPass(kind, text, classes);
}

void Grammar::ClassifyPass(int kind, std::string_view text, text::LineClasses* classes) const {
  *classes = text::LineClasses();
  const ClassSet& cs = classes_[kind];
  BuildClassSet(kind);
  if (!cs.set) return;
  thread_local std::vector<int> hits;
  hits.clear();
  bool failed = false;
  cs.set->Match(text, &hits, &failed);
  if (failed) return;  // out of memory: this text is asked rule by rule
  for (int i : hits) classes->Set(i);
  classes->kind = kind;
  classes->valid = true;
}

void Grammar::Classify(text::Lines& lines) const {
  for (auto& line : lines) ClassifyText(0, line.text, &line.classes);
}

void Grammar::ClassifySpan(text::Line* span) const { ClassifyText(1, span->text, &span->classes); }

bool Grammar::Find(std::string_view family, const text::Line& line, Match* m) const {
  const FamilyIndex* f = Index(family);
  if (!f) return false;
  if (!Answers(*f, line)) return Find(family, line.text, m);
  int kind = line.classes.kind;
  for (const Rule* r : f->rules) {
    if (line.classes.Has(r->bit[kind]) && MatchRule(r, line.text, 0, m)) return true;
  }
  return false;
}

bool Grammar::Test(std::string_view family, const text::Line& line) const {
  const FamilyIndex* f = Index(family);
  if (!f) return false;
  if (!Answers(*f, line)) return Test(family, line.text);
  int kind = line.classes.kind;
  for (const Rule* r : f->rules) {
    if (line.classes.Has(r->bit[kind]) && (r->limits.empty() || TestRule(r, line.text))) return true;
  }
  return false;
}

std::vector<const Rule*> Grammar::MatchingRules(std::string_view family, const text::Line& line) const {
  const FamilyIndex* f = Index(family);
  if (!f) return {};
  if (!Answers(*f, line)) return MatchingRules(family, line.text);
  std::vector<const Rule*> out;
  for (const Rule* r : f->rules) {
    if (line.classes.Has(r->bit[line.classes.kind])) out.push_back(r);
  }
  return out;
}

// Every match of each rule in turn, not overlapping within one rule, then all of them left to right.
static std::vector<Match> AllMatches(const std::vector<const Rule*>& rules, std::string_view text) {
  std::vector<Match> out;
  for (const Rule* r : rules) {
    size_t start = 0;
    Match m;
    while (start <= text.size() && MatchRule(r, text, start, &m)) {
      out.push_back(m);
      size_t end = (m.groups[0].data() - text.data()) + m.groups[0].size();
      start = end > start ? end : start + 1;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
    return a.groups[0].data() < b.groups[0].data();
  });
  return out;
}

std::vector<Match> Grammar::FindAll(std::string_view family, const text::Line& line) const {
  const FamilyIndex* f = Index(family);
  if (!f || !Answers(*f, line)) return FindAll(family, line.text);
  return AllMatches(MatchingRules(family, line), line.text);
}

std::vector<Match> Grammar::FindAll(std::string_view family, std::string_view text) const {
  if (!Index(family)) return {};
  return AllMatches(MatchingRules(family, text), text);
}

const std::vector<std::string>& Grammar::List(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = lists_.find(std::string(name));
  return it == lists_.end() ? kNone : it->second;
}

const std::map<std::string, std::string>& Grammar::Map(std::string_view name) const {
  static const std::map<std::string, std::string> kNone;
  auto it = maps_.find(std::string(name));
  return it == maps_.end() ? kNone : it->second;
}

std::vector<std::string> CheckExamples(const Grammar& g) {
  std::vector<std::string> failures;
  for (const auto& r : g.rules()) {
    std::string where = r->file + ":" + std::to_string(r->line) + ": rule " + r->id + ": ";
    if (r->must_match.empty()) failures.push_back(where + "has no example that must match");
    if (r->must_not_match.empty()) failures.push_back(where + "has no example that must not match");
    Match m;
    for (const auto& e : r->must_match) {
      if (!MatchRule(r.get(), e.text, 0, &m)) {
        failures.push_back(where + "does not match \"" + e.text + "\"");
        continue;
      }
      for (const auto& [name, want] : e.groups) {
        if (r->re->NamedCapturingGroups().count(name) == 0) {
          failures.push_back(where + "example names unknown group " + name);
        } else if (m.Group(name) != want) {
          failures.push_back(where + "on \"" + e.text + "\" group " + name + " is \"" +
                             std::string(m.Group(name)) + "\", expected \"" + want + "\"");
        }
      }
    }
    for (const auto& e : r->must_match) {
      if (!MayMatch(r->any_of, e.text)) {
        failures.push_back(where + "literal prefilter would skip \"" + e.text + "\"");
      }
    }
    for (const auto& e : r->must_not_match) {
      if (MatchRule(r.get(), e, 0, &m)) failures.push_back(where + "matches \"" + e + "\" but must not");
    }
  }
  return failures;
}

}  // namespace congvan::grammar
