// Legacy encodings: the tables convert both ways, and a seed converted to Windows-1258 (by iconv),
// TCVN3 or VNI (by the tables) reads exactly like its UTF-8 original.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "emit/document_writer.h"
#include "pipeline/parse.h"
#include "test_util.h"
#include "text/decode.h"
#include "text/legacy.h"

namespace congvan::text {
namespace {

const LegacyTables& Tables() {
  const auto& g = testing::DefaultGrammar();
  static LegacyTables t = LegacyTables::FromData(g.Map("tcvn3"), g.Map("vni"), g.List("vietnamese_words"),
                                                 g.List("tcvn3_titlecase"));
  return t;
}

// The document as JSON without the fields that must differ (source) and the encoding warning.
std::string Reading(const std::string& bytes, const std::string& encoding = "") {
  pipeline::ParseOptions po;
  po.encoding = encoding;
  auto doc = pipeline::Parse(bytes, "x.txt", testing::DefaultGrammar(), po);
  REQUIRE(doc.ok());
  doc->source = {};
  auto& w = doc->warnings;
  w.erase(std::remove_if(w.begin(), w.end(), [](const model::Warning& x) { return x.code == "encoding_guessed"; }),
          w.end());
  std::string json;
  emit::JsonWriter jw(&json, true);
  emit::WriteDocument(*doc, jw);
  return json;
}

// Legacy bytes as a Latin-1 reader saves them in UTF-8 (mojibake: "Céng hoµ x· héi").
std::string Latin1ToUtf8(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::vector<std::string> Seeds() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(std::string(CONGVAN_SOURCE_DIR) + "/samples")) {
    std::string name = e.path().filename().string();
    if (name.size() > 4 && name[0] == '0' && name.substr(name.size() - 4) == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("encodings: every table entry converts both ways") {
  const auto& t = Tables();
  CHECK(t.tcvn3.size() == 74);
  CHECK(t.vni.size() == 134);
  for (const auto* table : {&t.tcvn3, &t.vni}) {
    for (const auto& [bytes, ch] : *table) {
      CAPTURE(ch);
      CHECK(DecodeTable(bytes, *table) == ch);
      CHECK(EncodeTable(ch, *table) == bytes);
    }
  }
  // Known renderings of the national motto in each encoding.
  CHECK(DecodeTable("C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam", t.tcvn3) ==
        "Cộng hoà xã hội chủ nghĩa Việt Nam");
  CHECK(DecodeTable("Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam", t.vni) ==
        "Cộng hòa xã hội chủ nghĩa Việt Nam");
}

TEST_CASE("encodings: a seed in Windows-1258, TCVN3 or VNI reads like the UTF-8 original") {
  const auto& t = Tables();
  int checked = 0;
  for (const auto& path : Seeds()) {
    CAPTURE(path);
    ++checked;
    std::string utf8 = testing::ReadFile(path);
    std::string original = Reading(utf8);
    SUBCASE("windows-1258 (iconv)") {
      std::string dir = testing::TempDir("cp1258");
      std::string out = dir + "/x.txt";
      int rc = std::system(("iconv -f UTF-8 -t CP1258 '" + path + "' > '" + out + "' 2>/dev/null").c_str());
      if (rc != 0) {
        // Seed 002's footnote marks ⁴ ⁵ have no Windows-1258 code: no faithful copy exists.
        MESSAGE("not representable in Windows-1258, skipped: " << path);
        return;
      }
      std::string bytes = testing::ReadFile(out);
      CHECK(FindInvalidUtf8(bytes) != std::string::npos);  // really not UTF-8
      auto d = Decode(bytes, {"", &t});
      REQUIRE(d.ok());
      CHECK(d->encoding == "windows-1258");
      CHECK(Reading(bytes) == original);
    }
    bool complete = true;
    EncodeTable(utf8, t.vni, &complete);
    if (!complete) {
      MESSAGE("not representable in the 8-bit encodings, skipped: " << path);
      return;
    }
    SUBCASE("tcvn3") {
      std::string bytes = EncodeTable(utf8, t.tcvn3);
      auto d = Decode(bytes, {"", &t});
      REQUIRE(d.ok());
      CHECK(d->encoding == "tcvn3");
      CHECK(d->guessed);
      CHECK(Reading(bytes) == original);
    }
    SUBCASE("vni") {
      std::string bytes = EncodeTable(utf8, t.vni);
      auto d = Decode(bytes, {"", &t});
      REQUIRE(d.ok());
      CHECK(d->encoding == "vni");
      CHECK(Reading(bytes) == original);
    }
    SUBCASE("tcvn3 read as Latin-1 and saved as UTF-8 (mojibake)") {
      std::string mojibake = Latin1ToUtf8(EncodeTable(utf8, t.tcvn3));
      auto d = Decode(mojibake, {"", &t});
      REQUIRE(d.ok());
      CHECK(d->encoding == "tcvn3");
      CHECK(Reading(mojibake) == original);
    }
  }
  CHECK(checked == 5);
}

TEST_CASE("encodings: a text longer than the detection sample is guessed on its start and decoded in full") {
  // Detection scores candidates on the first 16 KB only; the text returned must still be all of it, the
  // same as when the encoding is named.
  const auto& t = Tables();
  std::string utf8;
  for (const auto& path : Seeds()) {
    std::string seed = testing::ReadFile(path);
    bool complete = true;
    EncodeTable(seed, t.vni, &complete);
    if (complete) utf8 += seed + "\n";
  }
  while (utf8.size() < 40 * 1024) utf8 += utf8;
  for (const char* name : {"tcvn3", "vni"}) {
    CAPTURE(name);
    std::string bytes = EncodeTable(utf8, name == std::string("vni") ? t.vni : t.tcvn3);
    REQUIRE(bytes.size() > 32 * 1024);
    auto guessed = Decode(bytes, {"", &t});
    auto named = Decode(bytes, {name, &t});
    REQUIRE(guessed.ok());
    REQUIRE(named.ok());
    CHECK(guessed->encoding == name);
    CHECK(guessed->guessed);
    CHECK(guessed->utf8 == named->utf8);
  }
  // The same text as TCVN3 read as Latin-1 and saved as UTF-8 (mojibake): repaired in full.
  std::string bytes = EncodeTable(utf8, t.tcvn3), mojibake = Latin1ToUtf8(bytes);
  auto repaired = Decode(mojibake, {"", &t});
  REQUIRE(repaired.ok());
  CHECK(repaired->encoding == "tcvn3");
  CHECK(repaired->utf8 == Decode(bytes, {"tcvn3", &t})->utf8);
  // Plain UTF-8 of the same length is left alone.
  auto plain = Decode(utf8, {"", &t});
  REQUIRE(plain.ok());
  CHECK(plain->encoding == "utf-8");
  CHECK(plain->utf8 == utf8);
}

TEST_CASE("encodings: forced and undetectable") {
  const auto& t = Tables();
  auto forced = Decode(EncodeTable("Sở Y tế", t.vni), {"vni", &t});
  REQUIRE(forced.ok());
  CHECK(forced->utf8 == "Sở Y tế");
  auto unknown = Decode("abc \xFF\xFE\xFD def", {"", &t});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == Code::kBadEncoding);
  // Plain UTF-8 Vietnamese is left alone.
  auto plain = Decode("Công văn số 12 của Sở Y tế về việc các ngày", {"", &t});
  REQUIRE(plain.ok());
  CHECK(plain->encoding == "utf-8");
  CHECK_FALSE(plain->guessed);
}

}  // namespace congvan::text
