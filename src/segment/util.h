// Small string helpers shared by the segmenter's parts.
#pragma once

#include <string>
#include <string_view>

#include "grammar/grammar.h"
#include "text/line.h"

namespace congvan::segment {

// Without the spaces and tabs at either end; TrimView is the same part of s, not a copy.
std::string Trim(std::string_view s);
std::string_view TrimView(std::string_view s);
// Removes trailing ";", ",", "." and spaces: "Sở Y tế;" -> "Sở Y tế".
std::string StripListPunct(std::string_view s);
size_t WordCount(std::string_view s);
// WordCount(s) <= k, reading only as far as the (k+1)th word: the hot per-line checks ask this of every
// line, long paragraphs included.
bool WordsAtMost(std::string_view s, size_t k);
// Index of the next non-blank line at or after i (lines.size() when none).
size_t NextNonBlank(const text::Lines& lines, size_t i, size_t end);
// Cuts text at the `at` group of every match of a rule family, dropping the cut; trims the pieces and
// keeps the empty ones when keep_empty.
std::vector<std::string> SplitAt(const grammar::Grammar& g, std::string_view family, std::string_view text,
                                 bool keep_empty);

// Splits one line holding several list items at the common.list_break rule ("- A; - B." -> "- A;", "- B.").
std::vector<std::string> SplitListItems(const grammar::Grammar& g, std::string_view line);

}  // namespace congvan::segment
