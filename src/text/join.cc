#include "text/join.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace congvan::text {
namespace {

UChar32 LastCodePoint(std::string_view s, size_t end) {
  if (end == 0) return 0;
  int32_t i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

}  // namespace

void AppendWrapped(std::string& acc, std::string_view next) {
  if (next.empty()) return;
  if (acc.empty()) {
    acc.assign(next);
    return;
  }
  bool glue = acc.back() == '-' && acc.size() >= 2 && u_isalnum(LastCodePoint(acc, acc.size() - 1)) &&
              u_isalnum(FirstCodePoint(next));
  if (!glue && acc.back() != ' ') acc += ' ';
  acc.append(next);
}

bool EndsSentence(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')' || s[n - 1] == '"' || s[n - 1] == '\'' ||
                   s[n - 1] == '*')) {
    --n;
  }
  // closing curly quote U+201D (E2 80 9D)
  if (n >= 3 && s.substr(n - 3, 3) == "\xE2\x80\x9D") n -= 3;
  if (n == 0) return false;
  char c = s[n - 1];
  return c == '.' || c == ';' || c == '!' || c == '?' || c == ':';
}

}  // namespace congvan::text
