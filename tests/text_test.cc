// Unit tests of the text stage: decode, normalize, fold keys, rejoining wrapped lines.
#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "text/decode.h"
#include "text/fold.h"
#include "text/join.h"
#include "text/normalize.h"
#include "text/words.h"

namespace congvan::text {

TEST_CASE("decode: encodings and bad input") {
  auto plain = Decode("Số: 1");
  REQUIRE(plain.ok());
  CHECK(plain->encoding == "utf-8");
  auto bom = Decode("\xEF\xBB\xBFSố: 1");
  REQUIRE(bom.ok());
  CHECK(bom->utf8 == "Số: 1");
  CHECK(bom->encoding == "utf-8-bom");
  // "Số" in UTF-16LE and BE with BOMs.
  auto le = Decode(std::string("\xFF\xFE" "S\0\xD1\x1E", 6));
  REQUIRE(le.ok());
  CHECK(le->utf8 == "Số");
  CHECK(le->encoding == "utf-16le");
  auto be = Decode(std::string("\xFE\xFF\0S\x1E\xD1", 6));
  REQUIRE(be.ok());
  CHECK(be->utf8 == "Số");

  struct Bad {
    std::string bytes;
    Code code;
  };
  for (const auto& [bytes, code] : std::vector<Bad>{
           {"", Code::kEmpty},
           {" \n\r\n\t", Code::kEmpty},
           {"\xEF\xBB\xBF", Code::kEmpty},
           {std::string("abc\0def", 7), Code::kBinary},
           {"\x01\x02\x03\x04\x05 abc", Code::kBinary},
           {"Số: 1\xFF\xFE abc", Code::kBadEncoding},
           {"abc \xC3 def", Code::kBadEncoding},
           {"\xED\xA0\x80 surrogate", Code::kBadEncoding},
           {"\xC0\xAF overlong", Code::kBadEncoding},
       }) {
    CAPTURE(bytes);
    auto r = Decode(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == code);
  }
  // A text cut inside its last character is UTF-8 with one replaced sequence.
  auto cut = Decode("Số: 1 ố\xE1\xBB");
  REQUIRE(cut.ok());
  CHECK(cut->replaced == 1);
  // A few NUL bytes in a long text are dropped, not a reason to reject it.
  auto nul = Decode(std::string(200, 'a') + std::string(1, '\0'));
  REQUIRE(nul.ok());
  CHECK(nul->nul_bytes == 1);
  auto bad = Decode("Số: 1\xFF x");
  CHECK(bad.status().message().find("byte 7") != std::string::npos);
}

TEST_CASE("normalize: line endings, spaces, invisible characters") {
  auto lines = Normalize("a\r\nb\rc\nd");
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].text == "b");
  CHECK(lines[3].number == 4);
  CHECK(Normalize("x\xE2\x80\xA8y").size() == 2);  // U+2028
  struct Case {
    std::string in, out;
  };
  for (const auto& [in, out] : std::vector<Case>{
           {"Sở\xC2\xA0Y  tế", "Sở Y tế"},                 // NBSP, doubled space
           {"Sở\xE2\x80\x8BY tế", "SởY tế"},              // zero-width space removed
           {"\xEF\xBB\xBFKính gửi:", "Kính gửi:"},        // stray BOM
           {"ab\x07" "c", "abc"},                         // control character
           {"  trailing  ", "trailing"},
           {"**ỦY BAN NHÂN DÂN**", "ỦY BAN NHÂN DÂN"},      // emphasis
           {"Số: **4197** /UBND-KGVX", "Số: 4197 /UBND-KGVX"},
           {"vùng “*xanh*” an toàn", "vùng “xanh” an toàn"},
           {"*", "*"},                                     // the Party star stays
           {"(*) ghi chú", "(*) ghi chú"},
           {"1\\. Sở Y tế", "1. Sở Y tế"},                 // markdown escape
           {"* Rà soát", "- Rà soát"},                     // markdown bullet
           {"Lưu: VT, VX_(TT).", "Lưu: VT, VX_(TT)."},      // underscores stay
           {"Cần đến trước _____ giờ", "Cần đến trước _____ giờ"},
           {"<p align=\"center\"><b>QUYẾT ĐỊNH<br>", "QUYẾT ĐỊNH"},      // HTML formatting tags
           {"</b></p>", ""},
           {"<jsontable name=\"bang_0\">", "<jsontable name=\"bang_0\">"},  // other tags stay
           {"trẻ <5 tuổi", "trẻ <5 tuổi"},
           {"ỦY BAN NHÂN DÂN          CỘNG HÒA", "ỦY BAN NHÂN DÂN | CỘNG HÒA"},  // side-by-side columns
           {"Sở  Y   tế", "Sở Y tế"},
           {"> TM. ỦY BAN NHÂN DÂN", "TM. ỦY BAN NHÂN DÂN"},  // markdown blockquote
           {"> > CHỦ TỊCH", "CHỦ TỊCH"},
           {">", ""},
           {">5 năm", ">5 năm"},                            // not a blockquote mark
           {"_Nơi nhận:_", "Nơi nhận:"},                    // underscore emphasis
           {"chuyên trồng lúa _(sau đây gọi là người sử dụng đất)_.", "chuyên trồng lúa (sau đây gọi là người sử dụng đất)."},
           {"Hà Nội, ngày _16_ tháng _4_ năm 2025", "Hà Nội, ngày 16 tháng 4 năm 2025"},
           {"Số: ____/QĐ-UBND", "Số: ____/QĐ-UBND"},        // blanks to fill in stay
           {"tệp bao_cao_2024.doc", "tệp bao_cao_2024.doc"},
           {"_chưa đóng", "_chưa đóng"},
           {"Phạm Văn Thành |", "Phạm Văn Thành"},          // a cell's lone edge bar
           {"| Lưu: VT.", "Lưu: VT."},
           {"| Số: 12 | Hà Nội |", "| Số: 12 | Hà Nội |"},  // a table row keeps its bars
           {"A | B", "A | B"},
       }) {
    CAPTURE(in);
    auto ls = Normalize(in);
    REQUIRE(ls.size() == 1);
    CHECK(ls[0].text == out);
  }
  // A short cell wrapped inside its bold ("**VĂN" / "PHÒNG CHÍNH PHỦ**") is one line with the first number.
  auto b = Normalize("**VĂN\nPHÒNG CHÍNH PHỦ**\nCỘNG HÒA");
  REQUIRE(b.size() == 2);
  CHECK(b[0].text == "VĂN PHÒNG CHÍNH PHỦ");
  CHECK(b[0].number == 1);
  CHECK(b[1].number == 3);
  CHECK(Normalize("PHÓ CHỦ TỊCH\n**Nguyễn Quỳnh\nThiện**")[1].text == "Nguyễn Quỳnh Thiện");
  // Not joined: bold closed on its own line, a blank between, or a long bold paragraph wrapped.
  CHECK(Normalize("**VĂN**\nPHÒNG**").size() == 2);
  CHECK(Normalize("**VĂN\n\nPHÒNG CHÍNH PHỦ**").size() == 3);
  CHECK(Normalize("**ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK  \nSỞ Y TẾ**").size() == 2);  // markdown hard break
  CHECK(Normalize("**Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6\nnăm 2015 và Luật sửa đổi**").size() == 2);
  auto h = Normalize("## 2. Sở Y tế");
  CHECK(h[0].text == "2. Sở Y tế");
  CHECK(h[0].heading_level == 2);
  // Decomposed input (NFD) becomes precomposed (NFC).
  CHECK(Normalize("S\x6F\xCC\x82\xCC\x81")[0].text == "S\xE1\xBB\x91");
}

TEST_CASE("fold: case, normalization form and tone placement do not matter") {
  struct Pair {
    std::string a, b;
  };
  for (const auto& [a, b] : std::vector<Pair>{
           {"uỷ ban", "ủy ban"}, {"hoà", "hòa"}, {"HỎA TỐC", "Hỏa tốc"}, {"thuỷ", "thủy"},
           {"Tỉnh uỷ", "TỈNH ỦY"}, {"khoẻ", "khỏe"}, {"S\x6F\xCC\x82\xCC\x81", "Số"}}) {
    CAPTURE(a);
    CHECK(FoldKey(a) == FoldKey(b));
  }
  CHECK(FoldKey("hòa") != FoldKey("hoa"));
  CHECK(FoldKey("Sở Y tế") != FoldKey("Phòng Y tế"));
}

TEST_CASE("fold: UnmarkedKey meets a name printed without diacritics, and only that") {
  CHECK(UnmarkedKey("Cục Thuế tỉnh Long An") == UnmarkedKey("CUC THUE TINH LONG AN"));
  CHECK(UnmarkedKey("Đà Nẵng") == "da nang");
  CHECK(UnmarkedKey("Sở Y tế") != UnmarkedKey("SO Y TE HA NOI"));
}

TEST_CASE("fold: patterns are expanded to both tone placements") {
  CHECK(ExpandTonePlacement("Hòa") == "H(?:òa|oà)");
  CHECK(ExpandTonePlacement("uỷ") == "(?:uỷ|ủy)");
  CHECK(ExpandTonePlacement("hoa") == "hoa");
  CHECK(ExpandTonePlacement("[òa]") == "[òa]");
  CHECK(ExpandTonePlacement("\\p{L}") == "\\p{L}");
  CHECK(ToUpper("Cà Mau") == "CÀ MAU");
  CHECK(IsUpperText("ỦY BAN NHÂN DÂN TỈNH CÀ MAU"));
  CHECK_FALSE(IsUpperText("Trần Hồng Quân"));
  CHECK_FALSE(IsUpperText("2021"));
  // A code keeps its printed case in a line of capitals; OCR debris with a digit is no code.
  CHECK(IsUpperText("TRIỂN KHAI CHƯƠNG TRÌNH SỐ 12-CTr/TU NGÀY 01/02/2024 CỦA"));
  CHECK(IsUpperText("THEO QUYẾT ĐỊNH SỐ 15/QĐ-TTg"));
  CHECK(IsUpperText("HP_VP11_QĐ"));
  CHECK_FALSE(IsUpperText("12-CTr/TU"));
  CHECK_FALSE(IsUpperText("BỘ TÀI CHÍNH haiqteoxietptÀ0 50M7"));
  CHECK_FALSE(IsUpperText("CÔNG BÁO/Số 1239 + 1240/Ngày 10-11-2024"));
}

TEST_CASE("join: wrapped codes and words") {
  struct Case {
    std::string a, b, out;
  };
  for (const auto& [a, b, out] : std::vector<Case>{
           {"Công văn số 341-", "CV/TU ngày 03/8/2021", "Công văn số 341-CV/TU ngày 03/8/2021"},
           {"COVID-", "19", "COVID-19"},
           {"Sở Lao động -", "Thương binh", "Sở Lao động - Thương binh"},
           {"Thông", "báo số 11", "Thông báo số 11"},
           {"", "abc", "abc"}}) {
    std::string acc = a;
    AppendWrapped(acc, b);
    CHECK(acc == out);
  }
  CHECK(EndsSentence("thực hiện./."));
  CHECK(EndsSentence("như sau:"));
  CHECK_FALSE(EndsSentence("Sở Thông tin và"));
}

}  // namespace congvan::text

// Known answers for SHA-256 (FIPS 180-4 examples and the empty string).
#include "base/sha256.h"
TEST_CASE("words: counting stops past the bound") {
  CHECK(congvan::text::WordCount("") == 0);
  CHECK(congvan::text::WordCount("Sở Y tế") == 3);
  CHECK(congvan::text::WordCount(" a  b ") == 2);
  CHECK(congvan::text::WordCount("a b c d e", 2) == 3);  // read as far as the third word only
  CHECK(congvan::text::WordCount("a b", 2) == 2);
}

TEST_CASE("sha256: known answers") {
  CHECK(congvan::Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(congvan::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(congvan::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(congvan::Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

namespace congvan::text {

TEST_CASE("fold: the table-driven FoldKey equals ICU's whole-text fold (FoldKeyReference)") {
  // Every code point below U+2150 alone, after a letter, before a combining tone, and doubled.
  for (UChar32 c = 1; c < 0x2150; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    char buf[8];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, c);
    std::string one(buf, len);
    for (const std::string& s : {one, "a" + one, one + "\u0301", one + one + " " + one, "Ư" + one + "ờ"}) {
      REQUIRE_MESSAGE(FoldKey(s) == FoldKeyReference(s), s);
    }
  }
  // Every line of every sample, and a few texts the table sends to the reference.
  for (const auto& e : std::filesystem::directory_iterator(CONGVAN_SOURCE_DIR "/samples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) REQUIRE_MESSAGE(FoldKey(line) == FoldKeyReference(line), line);
  }
  for (const char* s : {"Ủy ban", "uỷ ban", "HÒA BÌNH", "hoà bình", "Thủy lợi – “Đồng Tháp”", "u\u031b\u0300",
                        "\xE1\xBA", "ﬁ Ω ß İ", "Ελλάδα", "日本", "a\u0323\u0302", "\xC3"}) {
    CHECK_MESSAGE(FoldKey(s) == FoldKeyReference(s), std::string(s));
  }
  CHECK(FoldKey("Ủy ban") == FoldKey("uỷ ban"));
  CHECK(FoldKey("HÒA") == FoldKey("hoà"));
}

}  // namespace congvan::text

namespace congvan::text {

TEST_CASE("fold: a run the table lacks folds alone, the rest through the table") {
  for (const char* s : {"của a\u0301 và", "x \u0300 y", "Ελλάδα và Việt Nam", "đầu \xC3 cuối", "  hai  khoảng  ",
                        "a\u0301\u0323 b", "日本 ", " 日本", "ấ\u0301 ờ"}) {
    CHECK_MESSAGE(FoldKey(s) == FoldKeyReference(s), std::string(s));
  }
}

}  // namespace congvan::text
