// Command-line conventions (ripgrep, jq and git habits): sizes with suffixes, "did you mean" suggestions,
// --color and NO_COLOR, and what -o PATH names.
//
// Pure functions over strings; none fails: a value that cannot be read is std::nullopt, a word with no
// near candidate gets "".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace congvan::cli {

// "65536", "10K", "64M", "1G" (K, M, G: powers of 1024, as are KiB, MiB, GiB), "500kB", "10MB", "1GB"
// (powers of 1000); case does not matter, a space before the unit is allowed. nullopt for anything
// else, for 0, and for a size past 2^63.
std::optional<uint64_t> ParseSize(std::string_view text);

// The candidate closest to word (edit distance, an adjacent swap counting one) when it is close enough
// to be a slip: at most 1 edit for words of up to 4 characters, 2 up to 8, 3 beyond; "" otherwise.
std::string Suggest(std::string_view word, const std::vector<std::string>& candidates);

// Whether to colour output: "always", "never", or "auto" (a terminal, and NO_COLOR unset or empty:
// no-color.org says only a non-empty value turns colour off).
bool UseColor(std::string_view when, bool terminal, const char* no_color);

// What -o PATH names, from its spelling and what is there: a tree of outputs (ends in '/', or is a
// directory), one file (ends in .json, .jsonl, .yaml, .yml or .ics, or is an existing file, or there is
// one plain input), or, with several inputs, neither (a usage error: say which).
enum class OutputKind { kFile, kDirectory, kUnclear };
OutputKind ClassifyOutput(const std::string& path, bool several_inputs);

}  // namespace congvan::cli
