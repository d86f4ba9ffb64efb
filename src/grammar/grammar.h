// Stage 3a, rules: grammars/*.yaml -> compiled RE2 rules, word lists and maps.
//
// The file format is described in grammars/README.md. In short, each file names its document part and
// holds `rules` (id, description, pattern with named groups, optional value, examples that must and must
// not match), and optionally `fragments` (named pattern pieces, used as {{name}}), `lists` (word lists,
// used as {{list:name}} or read by code with List()) and `maps` (code -> text tables, read with Map()).
// Every pattern gets its fragments substituted and is then made tone-placement-insensitive
// (text/fold.h); rules match case-insensitively unless `case_sensitive: true`.
//
// Takes the grammar files (the embedded defaults, or a directory given with --grammars). Returns an
// immutable Grammar, safe to share between threads. Fails with Code::kGrammar and a message
// "FILE:LINE: rule ID: what is wrong" for YAML that does not parse, a rule without id or pattern, an
// unknown fragment or list, a duplicate id, or a pattern RE2 rejects.
//
// Rules are looked up by family: the family "header.number" holds every rule whose id is
// "header.number" or starts with "header.number.", in file order.
//
// Example:
//   auto g = Grammar::LoadEmbedded();
//   grammar::Match m;
//   if (g->Find("header.number", "Số: 4197/UBND-KGVX", &m)) m.Group("number");  // "4197"
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include "grammar/rule_set.h"
#include "text/legacy.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "grammar/embedded.h"
#include "text/line.h"

namespace congvan::grammar {

// An example a rule must match: the text and, optionally, what some named groups must capture.
struct Example {
  std::string text;
  std::map<std::string, std::string> groups;
};

// A rule's RE2, compiled on first use: the default grammar comes from a generated table of patterns
// already checked at build time, so start-up compiles nothing; the YAML path compiles at load to report
// bad patterns. `r->re->Match(...)` reads as if it were a plain pointer.
class LazyRE2 {
 public:
  // The named groups of the compiled rule, for lookups by name without building a std::string.
  struct Name {
    std::string name;
    int index;
  };
  const std::vector<Name>& names() const {
    get();
    return names_;
  }
  void Reset(std::string pattern, const RE2::Options& options) {
    pattern_ = std::move(pattern);
    options_ = options;
  }
  const RE2* get() const {
    // Compiled already: one atomic load (std::call_once alone cost ~60 instructions a call, TLS set-up
    // included, and rules are asked millions of times).
    if (const RE2* re = ready_.load(std::memory_order_acquire)) return re;
    std::call_once(once_, [this] {
      re_ = std::make_unique<RE2>(pattern_, options_);
      for (const auto& [name, index] : re_->NamedCapturingGroups()) names_.push_back({name, index});
      ready_.store(re_.get(), std::memory_order_release);
    });
    return re_.get();
  }
  const RE2* operator->() const { return get(); }
  const RE2& operator*() const { return *get(); }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::atomic<const RE2*> ready_{nullptr};  // re_ once compiled and named
  mutable std::unique_ptr<RE2> re_;
  mutable std::vector<Name> names_;
};

// The most groups a rule may have (the loader refuses more), so a match needs no heap.
constexpr int kMaxGroups = 15;

// A match's groups, [0] the whole match: a fixed array, so matching allocates nothing.
class Groups {
 public:
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  const std::string_view& operator[](size_t i) const { return v_[i]; }
  std::string_view& operator[](size_t i) { return v_[i]; }
  const std::string_view* begin() const { return v_; }
  const std::string_view* end() const { return v_ + n_; }
  void assign(size_t n, std::string_view value) {
    n_ = n;
    for (size_t i = 0; i < n; ++i) v_[i] = value;
  }
  void clear() { n_ = 0; }
  void emplace_back(std::string_view s) { v_[n_++] = s; }

 private:
  std::string_view v_[kMaxGroups + 1];
  size_t n_ = 0;
};

struct Rule {
  std::string id;
  std::string description;
  std::string value;     // optional payload, e.g. the kind a title line names
  std::string file;      // where it was written, for messages
  int line = 0;
  std::string source;    // the pattern as written
  std::string pattern;   // as compiled: fragments, lists and tone placements expanded
  int bit[2] = {-1, -1};  // its bit in text::LineClasses of each class set (lines, spans), or -1
  LazyRE2 re;
  bool case_sensitive = false;
  // Named groups that may hold at most so many characters ("limits:" in YAML): a bound of the format
  // ("a short subject") kept out of the pattern, where a counted repetition would make the program huge.
  struct Limit {
    std::string name;  // the group
    int group = -1;    // its index, read from the compiled rule on first use
    int max_chars = -1;  // -1: no bound
    int max_words = -1;
  };
  std::vector<Limit> limits;
  // Literals of which the text must hold one for the rule to match (grammar/prefilter.h), derived from
  // the pattern at load (or at build time for the default table); empty: no such filter.
  std::vector<std::string> any_of;
  std::vector<Example> must_match;
  std::vector<std::string> must_not_match;
};

// The result of matching one rule against a text. Views point into the matched text.
class Match {
 public:
  const Rule* rule = nullptr;
  Groups groups;  // [0] is the whole match

  // The named group's text, or "" when absent or unmatched.
  std::string_view Group(std::string_view name) const;
  bool Has(std::string_view name) const { return !Group(name).empty(); }
  // Byte offset of the whole match (or a named group) in `text`.
  size_t Offset(std::string_view text, std::string_view name = {}) const;
};

class Grammar {
 public:
  static Result<std::shared_ptr<const Grammar>> Load(const std::vector<SourceFile>& files);
  static Result<std::shared_ptr<const Grammar>> LoadEmbedded();
  // The default grammar from the table generated at build time (src/grammar/default.cc): no YAML, no ICU,
  // no compiling at start-up; each rule compiles on first use, each family's set on first use.
  static std::shared_ptr<const Grammar> LoadDefault();
  static Result<std::shared_ptr<const Grammar>> LoadDirectory(const std::string& dir);

  // The first rule of the family (in file order) that matches somewhere in text.
  bool Find(std::string_view family, std::string_view text, Match* m) const;
  // Whether some rule of the family matches somewhere in text: Find without reading any group.
  bool Test(std::string_view family, std::string_view text) const;
  // The same questions of a classified line: a line family's answer comes from the line's classes (no
  // regex for a miss; a hit's groups from its rule alone); other families, or an unclassified line, ask
  // the text.
  bool Find(std::string_view family, const text::Line& line, Match* m) const;
  bool Test(std::string_view family, const text::Line& line) const;
  // Classifies every line once: one RE2::Set pass over the rules of the line families ("line_families:"
  // in common.yaml) sets each line's classes. A line the set cannot read (out of memory) stays
  // unclassified and is asked rule by rule.
  void Classify(text::Lines& lines) const;
  // The same for one span of body text (a sentence, a list item) with the span families
  // ("span_families:"): the extractors ask owners, partners and deadlines of the classified span.
  void ClassifySpan(text::Line* span) const;
  // Compiles the line and span class sets now (each is otherwise built on first use), the second unless
  // `stop` is set by then. A caller with a core to spare runs this on it at start-up; a stage that needs
  // a set meanwhile waits for it (std::call_once), and nothing is compiled twice.
  void Prewarm(const std::atomic<bool>& stop) const;
  // The declared line and span families, in the order declared.
  const std::vector<std::string>& line_families() const { return classes_[0].families; }
  const std::vector<std::string>& span_families() const { return classes_[1].families; }
  // Every match of the family's rules in a classified line or span (FindAll of its text otherwise).
  std::vector<Match> FindAll(std::string_view family, const text::Line& line) const;
  // The family's rules that can match the classified line or span, in file order.
  std::vector<const Rule*> MatchingRules(std::string_view family, const text::Line& line) const;
  // Every match of every rule of the family, left to right, not overlapping within one rule.
  std::vector<Match> FindAll(std::string_view family, std::string_view text) const;
  const std::vector<const Rule*>& Family(std::string_view family) const;
  // The family's rules that can match somewhere in text (one RE2::Set pass), in file order.
  std::vector<const Rule*> MatchingRules(std::string_view family, std::string_view text) const;
  const std::vector<std::string>& List(std::string_view name) const;
  const std::map<std::string, std::string>& Map(std::string_view name) const;
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  // The legacy-encoding tables made from this grammar's maps tcvn3 and vni and lists vietnamese_words and
  // tcvn3_titlecase, built on first use and kept with the grammar. (A process-wide cache keyed by the
  // grammar's address grew by one entry per grammar loaded and could hand a new grammar at a freed
  // one's address the old one's tables.)
  const text::LegacyTables& LegacyTables() const;
  // A number no other grammar of this process has: per-thread caches key on it, not on the address (a
  // grammar loaded later can reuse a freed one's address).
  uint64_t serial() const { return serial_; }
  // A short name of the rules this grammar was made from: the first 12 hex digits of the SHA-256 of its
  // files (each file's name without folders, a NUL, its bytes, a NUL, in name order). The built-in
  // grammar and --grammars on a copy of grammars/ give the same digest; any edit gives another. Printed
  // in congvan/2's `generator.grammar`.
  const std::string& digest() const { return digest_; }
  static std::string Digest(const std::vector<SourceFile>& files);
  using Union = std::tuple<std::string, std::vector<std::string>, std::string>;  // name, members, where
  const std::vector<Union>& unions() const { return unions_; }
  const std::unordered_map<std::string, std::vector<std::string>>& lists() const { return lists_; }
  const std::unordered_map<std::string, std::map<std::string, std::string>>& maps() const { return maps_; }

 private:
  // A family's rules and, for two or more, one RE2::Set over all of them: one pass over the text tells
  // which rules can match at all, so a family of 13 rules costs one scan when none matches.
  struct FamilyIndex {
    std::vector<const Rule*> rules;
    // A union ("families:" in YAML) asks its member families in turn: their sets serve it, and no
    // large combined set is compiled (that cost ~0.5 s of start-up, measured with callgrind).
    std::vector<const FamilyIndex*> members;
    mutable std::once_flag once;               // the set is built on first use (start-up stays fast)
    mutable std::atomic<bool> built{false};    // once has run (checked first: one atomic load)
    mutable std::unique_ptr<RuleSet> set;
    // The union of the rules' literal clauses, set with the set when every rule has one: a text holding
    // none of them cannot match any rule, and the set pass is skipped.
    mutable std::vector<std::string> any_of;
    mutable bool no_limits = false;            // no rule has limits: a set hit is a Test's answer
    bool level[2] = {false, false};            // every rule has a bit in that class set: its classes answer
  };
  // Builds the family's set and filter on first use.
  void Build(const FamilyIndex& f) const;
  // The family's rules that may match `text`, in file order, appended to out.
  void Candidates(const FamilyIndex& f, std::string_view text, std::vector<const Rule*>* out) const;
  const FamilyIndex* Index(std::string_view family) const;

  // Family names are looked up by string_view without building a std::string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::vector<std::unique_ptr<Rule>> rules_;
  std::unordered_map<std::string, std::unique_ptr<FamilyIndex>, NameHash, std::equal_to<>> families_;
  std::unordered_map<std::string, std::vector<std::string>> lists_;
  std::unordered_map<std::string, std::map<std::string, std::string>> maps_;
  // Files the rules under their families and the named unions; fails for a bad union.
  Status IndexFamilies(const std::vector<Union>& unions);
  // Gives the rules of a class set's families their bits; fails for an unknown family or too many rules.
  // `where` ("FILE:LINE") names the declaration in messages.
  Status IndexClassSet(int kind, const std::vector<std::string>& families, const std::string& where);
  void BuildClassSet(int kind) const;
  // Sets classes from one pass of the class set over text (invalid when the set cannot read it).
  void ClassifyText(int kind, std::string_view text, text::LineClasses* classes) const;
  void ClassifyPass(int kind, std::string_view text, text::LineClasses* classes) const;
  // The family's rules that the classes say match, when they answer for the family.
  bool Answers(const FamilyIndex& f, const text::Line& line) const {
    return line.classes.valid && f.level[line.classes.kind];
  }
  struct ClassSet {
    std::vector<std::string> families;
    std::vector<const Rule*> rules;  // by bit
    mutable std::once_flag once;
    mutable std::atomic<bool> built{false};  // once has run
    mutable std::unique_ptr<RuleSet> set;
    int64_t max_mem = 32 << 20;  // the set's RE2 memory budget
    // The classes of the empty text (four lines in ten are blank), found once.
    mutable std::once_flag empty_once;
    mutable text::LineClasses empty;
  };
  std::vector<Union> unions_;
  ClassSet classes_[2];
  mutable std::once_flag legacy_once_;
  mutable std::unique_ptr<text::LegacyTables> legacy_;
  // Tells grammars apart in per-thread caches (an address can be reused by a later grammar).
  static uint64_t NextSerial() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
  const uint64_t serial_ = NextSerial();
  std::string digest_;
  friend class Loader;
};

// The options every rule is compiled with.
RE2::Options RuleOptions(bool case_sensitive);

// Runs every rule's examples. Returns one message per failure ("FILE:LINE: rule ID: ...").
std::vector<std::string> CheckExamples(const Grammar& g);

}  // namespace congvan::grammar
