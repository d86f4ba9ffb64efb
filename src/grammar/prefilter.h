// Stage 3a helper, literal prefilters: the literals a rule's text must hold for the rule to match, derived
// from the pattern itself, so a cheap search (memchr, std::string_view::find) can skip the regex.
//
// RequiredLiterals(pattern, options) takes a compiled pattern (fragments expanded) and returns a clause:
// a few literals of which every text the pattern matches holds at least one ("references.cited" -> {"/"},
// "owners.apposition" -> {"–", "-"}). It asks RE2's FilteredRE2 for the pattern's atoms and its
// AND/OR filter, and keeps only atoms without letters (ASCII digits and punctuation, dashes, bullets,
// superscript digits): those read the same in any case, so a search of the raw text is exact for rules
// that ignore case too. Atoms it cannot search for are taken as present, so the clause is never wrong;
// it is made as small as the filter allows. Returns an empty clause (no filter) when no such clause
// exists or it would be too long to be worth checking. Never fails.
//
// MayMatch(clause, text) is false only when the text holds none of the clause's literals (an empty
// clause: always true).
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

namespace congvan::grammar {

std::vector<std::string> RequiredLiterals(const std::string& pattern, const RE2::Options& options);

inline bool MayMatch(const std::vector<std::string>& any_of, std::string_view text) {
  if (any_of.empty()) return true;
  for (const auto& lit : any_of) {
    if (text.find(lit) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace congvan::grammar
