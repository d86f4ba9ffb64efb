#include "text/decode.h"

#include <unicode/ucnv.h>

#include <memory>

namespace congvan::text {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

Result<Decoded> FromUtf16(std::string_view bytes, const char* icu_name, const char* label) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(icu_name, &err), ucnv_close);
  if (U_FAILURE(err)) return Status(Code::kBadEncoding, std::string("cannot open converter ") + icu_name);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u16(bytes.size(), u'\0');
  const char* src = bytes.data();
  UChar* dst = reinterpret_cast<UChar*>(u16.data());
  ucnv_toUnicode(conv.get(), &dst, dst + u16.size(), &src, bytes.data() + bytes.size(), nullptr, true,
                 &err);
  if (U_FAILURE(err)) {
    return Status(Code::kBadEncoding, std::string("invalid ") + label + " near byte " +
                                          std::to_string(src - bytes.data()));
  }
  u16.resize(dst - reinterpret_cast<UChar*>(u16.data()));
  Decoded out{{}, label};
  out.utf8.reserve(u16.size() * 2);
  for (size_t i = 0; i < u16.size(); ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < u16.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[++i] - 0xDC00);
    }
    if (c < 0x80) {
      out.utf8 += static_cast<char>(c);
    } else if (c < 0x800) {
      out.utf8 += static_cast<char>(0xC0 | (c >> 6));
      out.utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out.utf8 += static_cast<char>(0xE0 | (c >> 12));
      out.utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out.utf8 += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out.utf8 += static_cast<char>(0xF0 | (c >> 18));
      out.utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out.utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out.utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool OnlyWhiteSpace(std::string_view s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

Result<Decoded> Decode(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xFE")) return FromUtf16(bytes.substr(2), "UTF-16LE", "utf-16le");
  if (StartsWith(bytes, "\xFE\xFF")) return FromUtf16(bytes.substr(2), "UTF-16BE", "utf-16be");
  std::string encoding = "utf-8";
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    encoding = "utf-8-bom";
  }
  if (OnlyWhiteSpace(bytes)) return Status(Code::kEmpty, "empty file: no text");
  size_t controls = 0;
  for (unsigned char c : bytes) {
    if (c == 0) return Status(Code::kBinary, "binary file: contains NUL bytes");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (controls * 20 > bytes.size()) {
    return Status(Code::kBinary, "binary file: " + std::to_string(controls) + " control bytes");
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return Status(Code::kBadEncoding,
                  "not valid UTF-8 at byte " + std::to_string(bad + (encoding == "utf-8" ? 0 : 3)));
  }
  return Decoded{std::string(bytes), encoding};
}

}  // namespace congvan::text
