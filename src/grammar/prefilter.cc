#include "grammar/prefilter.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <cstdint>

namespace congvan::grammar {
namespace {

// A clause longer than this costs more searches than the regex it would skip.
constexpr size_t kMaxLiterals = 3;

// Whether the atom holds no character with a case mapping, so the raw text holds it exactly when the
// lowercased text FilteredRE2 assumes does: printable ASCII other than letters, General Punctuation
// (dashes, quotes, bullet, ellipsis: U+2010-U+2027) and superscript digits. Not white space alone.
bool Uncased(const std::string& atom) {
  bool visible = false;
  for (size_t i = 0; i < atom.size();) {
    auto c = static_cast<unsigned char>(atom[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return false;
      visible |= c != ' ';
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || i + len > atom.size()) return false;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(atom[i + k]) & 0x3F);
    i += len;
    bool ok = (cp >= 0x2010 && cp <= 0x2027) || cp == 0xB2 || cp == 0xB3 || cp == 0xB9 ||
              (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071);
    if (!ok) return false;
    visible = true;
  }
  return visible;
}

// Atoms most texts hold are dropped from the clause first.
bool Common(const std::string& atom) {
  return atom.size() == 1 && ((atom[0] >= '0' && atom[0] <= '9') || atom[0] == ',' || atom[0] == '.' ||
                              atom[0] == ';' || atom[0] == '-');
}

}  // namespace

std::vector<std::string> RequiredLiterals(const std::string& pattern, const RE2::Options& options) {
  re2::FilteredRE2 f(1);
  int id = 0;
  if (f.Add(pattern, options, &id) != RE2::NoError) return {};
  std::vector<std::string> atoms;
  f.Compile(&atoms);
  std::vector<int> searchable, assumed;  // atoms we can search the raw text for; atoms taken as present
  for (int i = 0; i < static_cast<int>(atoms.size()); ++i) {
    (Uncased(atoms[i]) ? searchable : assumed).push_back(i);
  }
  // A clause S is necessary when the filter fails with every atom present except those of S.
  auto necessary = [&](const std::vector<int>& clause) {
    std::vector<int> present = assumed;
    for (int i : searchable) {
      if (std::find(clause.begin(), clause.end(), i) == clause.end()) present.push_back(i);
    }
    std::sort(present.begin(), present.end());
    std::vector<int> potential;
    f.AllPotentials(present, &potential);
    return potential.empty();
  };
  std::vector<int> clause = searchable;
  if (clause.empty() || !necessary(clause)) return {};
  std::vector<int> order = clause;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return Common(atoms[a]) && !Common(atoms[b]); });
  for (int drop : order) {
    std::vector<int> smaller;
    for (int i : clause) {
      if (i != drop) smaller.push_back(i);
    }
    if (!smaller.empty() && necessary(smaller)) clause = std::move(smaller);
  }
  if (clause.size() > kMaxLiterals) return {};
  std::sort(clause.begin(), clause.end());
  std::vector<std::string> out;
  for (int i : clause) out.push_back(atoms[i]);
  return out;
}

}  // namespace congvan::grammar
