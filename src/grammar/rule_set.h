// RuleSet: which of N patterns match somewhere in a text, in one pass per part; RE2::Set's answer, kept
// in two sets so the DFA stays small.
//
// Takes the patterns (each already prefixed "(?i)" when caseless) in order; Match returns the indexes of
// those that match, exactly as one unanchored RE2::Set over all of them would. The patterns anchored at
// the start ("^..." with no top-level "|") go into a start-anchored set, whose DFA stops as soon as no
// rule can still match (a few bytes into most lines), the others into an unanchored set. One set of all
// of them follows every anchored rule still alive alongside every unanchored one, so its DFA states are
// their combinations (measured: -3% instructions on the seeds, most of it in compiling and building
// states; the scans themselves cost about the same).
//
// Fails: Build returns false when RE2 refuses a pattern or cannot compile a set (out of memory); Match
// reports out of memory through *failed (the caller then asks every rule on its own).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

namespace congvan::grammar {

// Whether a pattern can only match at the start of the text: it begins with "^" and has no "|" outside
// parentheses and brackets (so "^a|b" is not anchored). A pattern this cannot tell stays unanchored,
// which is always right, only slower.
bool AnchoredAtStart(std::string_view pattern);

class RuleSet {
 public:
  // Compiles the parts; max_mem is the memory budget of each part (RE2::Options::set_max_mem). With
  // split == false every pattern goes into the one unanchored set: a "^" pattern matches there only at
  // the start all the same, and one pass costs less per text than two where texts are many and short and
  // the DFA's states are warm (the line class set over the corpus: 350 ns a line against 550).
  bool Build(const std::vector<std::string>& patterns, int64_t max_mem, bool split = true);
  // Appends to *hits the indexes of the patterns that match somewhere in text (in no particular order);
  // with hits == nullptr, stops at the first pattern that matches. Returns whether any matched.
  bool Match(std::string_view text, std::vector<int>* hits, bool* failed) const;

 private:
  struct Part {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> index;  // part's pattern i is pattern index[i] of Build
  };
  bool MatchPart(const Part& part, std::string_view text, std::vector<int>* hits, bool* failed) const;
  Part anchored_, unanchored_;
};

}  // namespace congvan::grammar
