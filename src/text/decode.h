// Stage 1, decode: raw bytes of one input -> UTF-8 text.
//
// Takes the bytes exactly as read. Returns the text as UTF-8 (a UTF-8 byte-order mark removed, UTF-16LE/BE
// with a BOM converted through ICU) and the name of the encoding used ("utf-8", "utf-8-bom",
// "utf-16le", "utf-16be"). Line endings are left alone: the normalizer splits CRLF, CR and LF.
//
// Fails with Code::kEmpty (no bytes, or only white space), Code::kBinary (NUL bytes or many control
// characters in text without a UTF-16 BOM), or Code::kBadEncoding (the byte offset of the first invalid
// UTF-8 sequence in the message).
//
// Example:
//   Decode("\xEF\xBB\xBFS\xE1\xBB\x91: 1") -> {utf8: "Số: 1", encoding: "utf-8-bom"}
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace congvan::text {

struct Decoded {
  std::string utf8;
  std::string encoding;
};

Result<Decoded> Decode(std::string_view bytes);

// Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace congvan::text
