// Reading numbers out of text that rules matched: never throws, whatever a user's grammar captured.
#pragma once

#include <string_view>

namespace congvan {

// The decimal number the text spells (ASCII digits only, at most 9 of them), or `fallback`.
inline int ParseInt(std::string_view s, int fallback = -1) {
  if (s.empty() || s.size() > 9) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

// The value of two hex digits, or -1.
inline int ParseHexByte(std::string_view s) {
  if (s.size() != 2) return -1;
  int v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace congvan
