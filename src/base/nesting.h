// How deeply brackets nest in a JSON or YAML text ("[", "{"; strings skipped), measured without
// recursion. yaml-cpp parses recursively, so the grammar loader refuses texts nested deeper than
// kMaxNesting before handing them to it (a hostile "[[[[..." would otherwise overflow the stack).
// JSON is read by base/json.h, which has its own depth limit.
#pragma once

#include <cstddef>
#include <string_view>

namespace congvan {

inline constexpr size_t kMaxNesting = 64;

inline size_t MaxNesting(std::string_view s) {
  size_t depth = 0, max = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') max = depth + 1 > max ? ++depth : ++depth;
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return max;
}

}  // namespace congvan
