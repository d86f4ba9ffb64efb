#include "text/words.h"

namespace congvan::text {

size_t WordCount(std::string_view s, size_t limit) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      if (++n > limit) return n;
    }
  }
  return n;
}

}  // namespace congvan::text
