#include "grammar/rule_set.h"

namespace congvan::grammar {

bool AnchoredAtStart(std::string_view p) {
  // Inline flags first: "(?i)^..." is as anchored as "^...".
  while (p.size() >= 4 && p.substr(0, 2) == "(?") {
    size_t close = p.find(')');
    if (close == std::string_view::npos || p.substr(2, close - 2).find_first_of(":(") != std::string_view::npos) {
      break;  // a group "(?:...", not a flag setting
    }
    p.remove_prefix(close + 1);
  }
  if (p.empty() || p[0] != '^') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // "[]...]" and "[^]...]": the ']' is a member
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;  // not a well-formed pattern: say unanchored
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return depth == 0 && !in_class;
}

bool RuleSet::Build(const std::vector<std::string>& patterns, int64_t max_mem, bool split) {
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_log_errors(false);
  opt.set_max_mem(max_mem);
  anchored_.set = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_START);
  unanchored_.set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (size_t i = 0; i < patterns.size(); ++i) {
    Part& part = split && AnchoredAtStart(patterns[i]) ? anchored_ : unanchored_;
    if (part.set->Add(patterns[i], nullptr) < 0) return false;
    part.index.push_back(static_cast<int>(i));
  }
  for (Part* part : {&anchored_, &unanchored_}) {
    if (part->index.empty()) {
      part->set.reset();
    } else if (!part->set->Compile()) {
      return false;
    }
  }
  return true;
}

bool RuleSet::MatchPart(const Part& part, std::string_view text, std::vector<int>* hits, bool* failed) const {
  if (!part.set) return false;
  thread_local std::vector<int> local;  // RE2::Set::Match clears it; nothing nests a set pass
  RE2::Set::ErrorInfo info;
  bool any = part.set->Match(re2::StringPiece(text.data(), text.size()), hits ? &local : nullptr, &info);
  if (!any && info.kind != RE2::Set::kNoError) *failed = true;
  if (hits) {
    for (int i : local) hits->push_back(part.index[i]);
  }
  return any;
}

bool RuleSet::Match(std::string_view text, std::vector<int>* hits, bool* failed) const {
  *failed = false;
  bool any = MatchPart(anchored_, text, hits, failed);
  if (any && !hits) return true;
  any |= MatchPart(unanchored_, text, hits, failed);
  return any;
}

}  // namespace congvan::grammar
