#include "text/decode.h"

#include <unicode/ucnv.h>

#include <cstdint>
#include <cstring>
#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "text/legacy.h"

namespace congvan::text {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// UTF-16 or UTF-32 (any ICU converter whose output is read as UTF-16 code units) to UTF-8.
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
    // Eight ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The common Vietnamese letters first: two bytes (C2-DF, one continuation byte), and three bytes
    // whose lead cannot make an overlong form or a surrogate (E1-EC, EE, EF). Anything else is asked of
    // the full check.
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    size_t len = Utf8SequenceLength(p, n, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

namespace {

// Legacy detection scores candidates on the first kSampleBytes of a text: hundreds of frequent words in
// a Vietnamese document, and the cost of a guess no longer grows with the file.
constexpr size_t kSampleBytes = 16 * 1024;

// The end of the sample: the whole text when short, else the last line break (or space) before
// kSampleBytes, so that no character pair (VNI) or word is cut.
size_t SampleEnd(std::string_view s) {
  if (s.size() <= kSampleBytes) return s.size();
  size_t cut = s.rfind('\n', kSampleBytes - 1);
  if (cut == std::string_view::npos || cut < kSampleBytes / 2) cut = s.rfind(' ', kSampleBytes - 1);
  if (cut == std::string_view::npos || cut < kSampleBytes / 2) return kSampleBytes;
  return cut;
}

// The length of the prefix of UTF-8 `s` that holds its first `chars` characters.
size_t Utf8PrefixOf(std::string_view s, size_t chars) {
  size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars-- == 0) break;
  }
  return i;
}

Result<Decoded> DecodeAs(std::string_view bytes, const std::string& name, const LegacyTables* t) {
  if (name == "utf-8" || name == "utf8") {
    if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      return Status(Code::kBadEncoding, "not valid UTF-8 at byte " + std::to_string(bad));
    }
    return Decoded{std::string(bytes), "utf-8"};
  }
  if (name == "utf-16le") return FromUtf16(bytes, "UTF-16LE", "utf-16le");
  if (name == "utf-16be") return FromUtf16(bytes, "UTF-16BE", "utf-16be");
  if (name == "windows-1258" || name == "cp1258") {
    auto r = DecodeWindows1258(bytes);
    if (!r.ok()) return r.status();
    return Decoded{r.value(), "windows-1258"};
  }
  if ((name == "tcvn3" || name == "vni") && t) {
    if (name == "vni") return Decoded{DecodeTable(bytes, t->vni_codec), "vni"};
    return Decoded{RestoreTcvn3Case(DecodeTable(bytes, t->tcvn3_codec), *t), "tcvn3"};
  }
  return Status(Code::kUsage, "unknown encoding " + name +
                                  " (utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni)");
}

}  // namespace

Result<Decoded> Decode(std::string_view bytes, const DecodeOptions& opt) {
  if (!opt.encoding.empty()) {
    if (OnlyWhiteSpace(bytes)) return Status(Code::kEmpty, "empty file: no text");
    return DecodeAs(bytes, opt.encoding, opt.tables);
  }
  // A byte order mark. UTF-32LE's (FF FE 00 00) begins like UTF-16LE's, so it is tested first (it was
  // read as UTF-16, issue 13). A file with only a mark (and white space) is empty, as in UTF-8.
  for (const auto& [mark, icu_name, label] : {std::tuple<std::string_view, const char*, const char*>{
                                                  std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE", "utf-32le"},
                                              {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE", "utf-32be"},
                                              {"\xFF\xFE", "UTF-16LE", "utf-16le"},
                                              {"\xFE\xFF", "UTF-16BE", "utf-16be"}}) {
    if (!StartsWith(bytes, mark)) continue;
    auto d = FromUtf16(bytes.substr(mark.size()), icu_name, label);
    if (d.ok() && OnlyWhiteSpace(d->utf8)) return Status(Code::kEmpty, "empty file: no text");
    return d;
  }
  std::string encoding = "utf-8";
  if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    encoding = "utf-8-bom";
  }
  if (OnlyWhiteSpace(bytes)) return Status(Code::kEmpty, "empty file: no text");
  // UTF-16 without a BOM: NUL bytes, nearly all on the same side of each pair (ASCII letters).
  {
    size_t sample = std::min<size_t>(bytes.size(), 8192) & ~size_t{1};
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < sample; ++i) {
      if (bytes[i] == 0) ++((i & 1) ? odd : even);
    }
    size_t nuls = even + odd;
    if (sample >= 4 && nuls * 5 >= sample && std::max(even, odd) * 10 >= nuls * 9) {
      bool le = odd > even;
      auto d = FromUtf16(bytes.substr(0, bytes.size() & ~size_t{1}), le ? "UTF-16LE" : "UTF-16BE",
                         le ? "utf-16le" : "utf-16be");
      if (d.ok() && d->utf8.find('\0') == std::string::npos) {
        d->guessed = true;
        return d;
      }
    }
  }
  size_t controls = 0, nuls = 0;
  for (size_t i = 0; i < bytes.size();) {
    // Eight bytes at a time while none is below 0x20 (exact for bounds up to 0x80).
    if (i + 8 <= bytes.size()) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      if (((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(bytes[i++]);
    if (c == 0) ++nuls;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  if (nuls * 100 >= bytes.size() || (nuls > 0 && bytes.size() < 64)) {
    return Status(Code::kBinary, "binary file: " + std::to_string(nuls) + " NUL bytes");
  }
  if (controls * 20 > bytes.size()) {
    return Status(Code::kBinary, "binary file: " + std::to_string(controls) + " control bytes");
  }
  std::string without_nuls;
  if (nuls) {
    without_nuls.reserve(bytes.size());
    for (char c : bytes) {
      if (c != 0) without_nuls += c;
    }
    bytes = without_nuls;
  }
  const LegacyTables* t = opt.tables;
  size_t bad = FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    // Mostly UTF-8 with a few broken sequences: replace them rather than guess a legacy encoding.
    size_t invalid = 0, multibyte = 0;
    std::string fixed;
    fixed.reserve(bytes.size());
    std::string_view rest = bytes;
    while (!rest.empty()) {
      size_t b = FindInvalidUtf8(rest);
      std::string_view good = rest.substr(0, b == std::string_view::npos ? rest.size() : b);
      for (unsigned char c : good) multibyte += (c & 0xC0) == 0xC0;
      fixed.append(good);
      if (b == std::string_view::npos) break;
      fixed.append("\xEF\xBF\xBD");
      ++invalid;
      rest.remove_prefix(b + 1);
    }
    // A text cut inside its last character (a truncated file) is UTF-8 too: the only invalid bytes are
    // a lead byte and its continuations at the very end.
    bool cut_at_end = bytes.size() - bad <= 3 && (static_cast<unsigned char>(bytes[bad]) & 0xC0) == 0xC0;
    for (size_t k = bad + 1; k < bytes.size() && cut_at_end; ++k) {
      cut_at_end = (static_cast<unsigned char>(bytes[k]) & 0xC0) == 0x80;
    }
    if (cut_at_end) {
      fixed = std::string(bytes.substr(0, bad)) + "\xEF\xBF\xBD";
      invalid = 1;
    }
    if ((multibyte >= 10 && invalid * 50 <= multibyte) || cut_at_end) {
      Decoded d{std::move(fixed), encoding};
      d.replaced = invalid;
      d.nul_bytes = nuls;
      return d;
    }
  }
  if (bad == std::string_view::npos) {
    Decoded utf8{std::string(bytes), encoding};
    utf8.nul_bytes = nuls;
    if (!t) return utf8;
    // Mojibake: TCVN3 or VNI bytes once read as Latin-1 and saved as UTF-8.
    std::string single;
    if (ToSingleBytes(bytes, &single) && single.size() != bytes.size()) {
      // Scored on a sample (the same characters on both sides), decoded in full only if it wins.
      size_t end = SampleEnd(single);
      std::string_view sample(single.data(), end);
      int base = Score(bytes.substr(0, Utf8PrefixOf(bytes, end)), *t);
      const char* winner = nullptr;
      for (const char* name : {"tcvn3", "vni"}) {
        auto d = DecodeAs(sample, name, t);
        int score = d.ok() ? Score(d->utf8, *t) : 0;
        if (score > std::max(2, 2 * base)) {
          winner = name;
          base = score;
        }
      }
      if (winner) {
        auto d = DecodeAs(single, winner, t);
        if (d.ok()) {
          d->guessed = true;
          utf8 = std::move(d.value());
        }
      }
    }
    return utf8;
  }
  if (!t) {
    return Status(Code::kBadEncoding, "not valid UTF-8 at byte " +
                                          std::to_string(bad + (encoding == "utf-8" ? 0 : 3)));
  }
  // Each candidate is scored on a sample (up to kSampleBytes, cut at a line or word boundary), and only
  // the winner decodes the whole text: one full decoding instead of three.
  std::string_view sample = bytes.substr(0, SampleEnd(bytes));
  std::optional<Decoded> best;
  std::vector<std::pair<int, const char*>> ranked;  // score, name; a full decoding can still fail
  int top = 2;  // at least three frequent words, or it is not Vietnamese text we can read
  for (const char* name : {"windows-1258", "tcvn3", "vni"}) {
    auto d = DecodeAs(sample, name, t);
    if (!d.ok()) continue;
    int score = Score(d->utf8, *t);
    if (score <= 2) continue;
    ranked.emplace_back(score, name);
    if (score > top) {
      top = score;
      if (sample.size() == bytes.size()) best = std::move(d.value());  // the sample was the whole text
    }
  }
  // The first of the best scores wins, as before.
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; !best && k < ranked.size(); ++k) {
    auto d = DecodeAs(bytes, ranked[k].second, t);
    if (d.ok()) best = std::move(d.value());
  }
  if (!best) {
    return Status(Code::kBadEncoding,
                  "not valid UTF-8 at byte " + std::to_string(bad + (encoding == "utf-8" ? 0 : 3)) +
                      ", and not Vietnamese text in windows-1258, TCVN3 or VNI (use --encoding)");
  }
  best->guessed = true;
  return std::move(*best);
}

}  // namespace congvan::text
