// UTF-8 sequences, checked the one way every stage needs (decode, the JSON reader, the JSON writer).
#pragma once

#include <cstddef>
#include <cstdint>

namespace congvan {

// Length (2 to 4) of the valid UTF-8 sequence starting at p[i], whose lead byte is >= 0x80, or 0 when it
// is not valid: a bad lead byte, a missing or wrong continuation byte, an overlong form, a surrogate, or a
// code point above U+10FFFF.
inline size_t Utf8SequenceLength(const unsigned char* p, size_t n, size_t i) {
  unsigned char c = p[i];
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return len;
}

}  // namespace congvan
