// Grammar::LoadDefault: the default grammar from the table generated at build time (grammar/table.h).
// Takes nothing; returns the grammar, every rule uncompiled until first used. Cannot fail: the build
// checked the table (tools/grammar_gen.cc runs the YAML loader, and a test compares the two).
#include <cstdlib>
#include <cstdio>

#include "grammar/grammar.h"
#include "grammar/table.h"

namespace congvan::grammar {

std::shared_ptr<const Grammar> Grammar::LoadDefault() {
  static const std::shared_ptr<const Grammar> kGrammar = [] {
    const table::Table& t = table::Default();
    auto g = std::make_shared<Grammar>();
    g->rules_.reserve(t.rule_count);
    for (size_t i = 0; i < t.rule_count; ++i) {
      const table::Rule& tr = t.rules[i];
      auto r = std::make_unique<Rule>();
      r->id = tr.id;
      r->value = tr.value;
      r->file = tr.file;
      r->line = tr.line;
      r->pattern = tr.pattern;
      r->case_sensitive = tr.case_sensitive;
      for (size_t k = 0; k < tr.limit_count; ++k) {
        Rule::Limit l;
        l.name = tr.limits[k].group;
        l.max_chars = tr.limits[k].max_chars;
        l.max_words = tr.limits[k].max_words;
        r->limits.push_back(std::move(l));
      }
      r->any_of.assign(tr.literals, tr.literals + tr.literal_count);
      r->re.Reset(r->pattern, RuleOptions(r->case_sensitive));
      g->rules_.push_back(std::move(r));
    }
    for (size_t i = 0; i < t.list_count; ++i) g->lists_[t.lists[i].name].push_back(t.lists[i].key);
    for (size_t i = 0; i < t.map_count; ++i) g->maps_[t.maps[i].name][t.maps[i].key] = t.maps[i].value;
    std::vector<Union> unions;
    for (size_t i = 0; i < t.union_count; ++i) {
      const table::Entry& e = t.unions[i];
      if (unions.empty() || std::get<0>(unions.back()) != e.name) unions.emplace_back(e.name, std::vector<std::string>{}, e.value);
      std::get<1>(unions.back()).push_back(e.key);
    }
    std::vector<std::string> line_families(t.line_families, t.line_families + t.line_family_count);
    std::vector<std::string> span_families(t.span_families, t.span_families + t.span_family_count);
    Status s = g->IndexFamilies(unions);
    if (s.ok()) s = g->IndexClassSet(0, line_families, "common.yaml");
    if (s.ok()) s = g->IndexClassSet(1, span_families, "common.yaml");
    g->digest_ = Digest(EmbeddedGrammars());  // the files the table was expanded from
    if (!s.ok()) {  // only a broken build gets here
      std::fprintf(stderr, "congvan: the built-in grammar is broken: %s\n", s.message().c_str());
      std::abort();
    }
    return std::shared_ptr<const Grammar>(g);
  }();
  return kGrammar;
}

}  // namespace congvan::grammar
