// Counting the words of a normalized line (words are runs of non-space bytes; lines hold single spaces).
// Never fails.
#pragma once

#include <cstddef>
#include <limits>
#include <string_view>

namespace congvan::text {

// The words of s, counting stops at limit + 1 (so WordCount(s, k) > k says "more than k" after reading
// only as far as the word past the bound).
size_t WordCount(std::string_view s, size_t limit = std::numeric_limits<size_t>::max() - 1);

}  // namespace congvan::text
