// The default grammar as a table generated at build time (tools/grammar_gen.cc writes it from
// grammars/*.yaml): every pattern already expanded (fragments, lists, classes, tone placements) and
// checked by RE2, so loading it reads no YAML, does no ICU work and compiles nothing.
#pragma once

#include <cstddef>

namespace congvan::grammar::table {

struct Limit {
  const char* group;
  int max_chars;  // -1: none
  int max_words;  // -1: none
};

struct Rule {
  const char* id;
  const char* value;
  const char* file;
  int line;
  const char* pattern;  // as compiled
  bool case_sensitive;
  const Limit* limits;
  size_t limit_count;
  const char* const* literals;  // Rule::any_of, derived at build time (grammar/prefilter.h)
  size_t literal_count;
};

struct Entry {  // one list word, one map pair (key, value) or one union member
  const char* name;
  const char* key;
  const char* value;
};

struct Table {
  const Rule* rules;
  size_t rule_count;
  const Entry* lists;  // name, word, -
  size_t list_count;
  const Entry* maps;   // name, key, value
  size_t map_count;
  const Entry* unions; // name, member, where
  size_t union_count;
  const char* const* line_families;
  size_t line_family_count;
  const char* const* span_families;
  size_t span_family_count;
};

const Table& Default();

}  // namespace congvan::grammar::table
