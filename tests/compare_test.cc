// `congvan diff` and `congvan matrix`: the cases through the real binary, and the library.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "compare/diff.h"
#include "compare/load.h"
#include "compare/matrix.h"
#include "test_util.h"

namespace congvan::testing {
namespace {

const std::string kCaMau = CONGVAN_SOURCE_DIR "/samples/000_55eca23ef571e0f4.txt";
const std::string kCaoBang = CONGVAN_SOURCE_DIR "/samples/002_97c1ffe92f0b8c28.txt";

std::string Seeds() {
  std::string s;
  for (const char* n : {"000_55eca23ef571e0f4", "001_46a42970c31daf42", "002_97c1ffe92f0b8c28",
                        "003_829e81deab009374", "004_7259df17af3f55f6"}) {
    s += std::string(" '") + CONGVAN_SOURCE_DIR "/samples/" + n + ".txt'";
  }
  return s;
}

}  // namespace

TEST_CASE("diff: Cà Mau against Cao Bằng pairs Sở Y tế's tasks and exits 1") {
  auto r = RunCongvan("diff --format json '" + kCaMau + "' '" + kCaoBang + "'");
  CHECK(r.status == 1);
  YAML::Node d = YAML::Load(r.out);
  CHECK(d["schema"].as<std::string>() == "congvan-diff/1");
  CHECK(d["a"]["code"].as<std::string>() == "4197/UBND-KGVX");
  CHECK(d["header"].size() > 0);
  bool found = false;
  std::vector<std::string> keys;
  for (auto o : d["owners"]) {
    keys.push_back(o["key"].as<std::string>());
    if (o["key"].as<std::string>() != "sở y tế") continue;
    found = true;
    CHECK(o["a"].size() > 0);
    CHECK(o["b"].size() > 0);
    CHECK(o["pairs"].size() >= 1);
    for (auto p : o["pairs"]) {
      CHECK(p["similarity"].as<double>() >= compare::kMinSimilarity);
      CHECK(p["a"].as<size_t>() < o["a"].size());
    }
  }
  CHECK(found);
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  auto text = RunCongvan("diff '" + kCaMau + "' '" + kCaoBang + "'");
  CHECK(text.status == 1);
  CHECK(text.out.find("owner Sở Y tế") != std::string::npos);
  CHECK(text.out.find("\033[") == std::string::npos);  // piped: no colour
}

TEST_CASE("diff: a file against itself, and against its own JSON, has no differences") {
  auto same = RunCongvan("diff '" + kCaMau + "' '" + kCaMau + "'");
  CHECK(same.status == 0);
  CHECK(same.out.find("no differences") != std::string::npos);
  auto json = RunCongvan("parse '" + kCaMau + "'");
  std::string dir = TempDir("diff-json");
  WriteFile(dir + "/a.json", json.out);
  auto mixed = RunCongvan("diff --format json '" + dir + "/a.json' '" + kCaMau + "'");
  CHECK(mixed.status == 0);
  YAML::Node d = YAML::Load(mixed.out);
  CHECK(d["header"].size() == 0);
  for (auto o : d["owners"]) {
    CHECK(o["only_a"].size() == 0);
    CHECK(o["only_b"].size() == 0);
    for (auto p : o["pairs"]) CHECK(p["changed"].size() == 0);
  }
  auto missing = RunCongvan("diff '" + kCaMau + "' /no/such/file.txt");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("/no/such/file.txt") != std::string::npos);
}

TEST_CASE("diff: changed deadlines and partners of a paired task are reported") {
  std::string dir = TempDir("diff-change");
  std::string a = "Số: 1/UBND-VX\n\nHà Nội, ngày 01 tháng 9 năm 2024\n\nV/v x\n\n"
                  "1. Sở Y tế chủ trì, phối hợp với Công an tỉnh tổ chức tiêm vắc xin cho học sinh, "
                  "hoàn thành trước ngày 30/9/2024.\n";
  std::string b = "Số: 2/UBND-VX\n\nHà Nội, ngày 01 tháng 9 năm 2024\n\nV/v x\n\n"
                  "1. Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức tiêm vắc xin cho học "
                  "sinh, hoàn thành trước ngày 15/10/2024.\n2. Sở Tài chính bố trí kinh phí.\n";
  WriteFile(dir + "/a.txt", a);
  WriteFile(dir + "/b.txt", b);
  auto r = RunCongvan("diff --format json '" + dir + "/a.txt' '" + dir + "/b.txt'");
  CHECK(r.status == 1);
  YAML::Node d = YAML::Load(r.out);
  std::set<std::string> changed;
  bool only_b_finance = false;
  for (auto o : d["owners"]) {
    if (o["key"].as<std::string>() == "sở y tế") {
      REQUIRE(o["pairs"].size() == 1);
      for (auto c : o["pairs"][0]["changed"]) changed.insert(c.as<std::string>());
    }
    if (o["key"].as<std::string>() == "sở tài chính") only_b_finance = o["only_b"].size() == 1;
  }
  CHECK(changed == std::set<std::string>{"deadlines", "partners", "text"});
  CHECK(only_b_finance);
}

TEST_CASE("matrix: the five seeds give one row per owner key") {
  auto r = RunCongvan("matrix --format json" + Seeds());
  CHECK(r.status == 0);
  YAML::Node m = YAML::Load(r.out);
  CHECK(m["documents"].size() == 5);
  std::set<std::string> keys;
  for (auto row : m["owners"]) {
    CHECK(keys.insert(row["key"].as<std::string>()).second);  // one row per key
    CHECK(row["cells"].size() == 5);
  }
  CHECK(keys.count("sở y tế") == 1);
  // "Sở Y tế" appears in seeds 000, 001, 002 and 003: one row, several columns.
  for (auto row : m["owners"]) {
    if (row["key"].as<std::string>() != "sở y tế") continue;
    int docs = 0;
    for (auto c : row["cells"]) docs += c["tasks"].as<int>() > 0;
    CHECK(docs >= 3);
  }
  auto md = RunCongvan("matrix" + Seeds());
  CHECK(md.out.rfind("| owner | key |", 0) == 0);
  auto csv = RunCongvan("matrix --format csv" + Seeds());
  CHECK(csv.out.rfind("owner,key,", 0) == 0);
  CHECK(csv.out.find("\r\n") != std::string::npos);
  CHECK(csv.out.find("\"Sở Lao động - Thương binh và Xã hội\"") == std::string::npos);  // no comma: unquoted
  CHECK(csv.out.find("\"Thủ trưởng các sở, ngành, đoàn thể cấp tỉnh\"") != std::string::npos);  // quoted
}

TEST_CASE("matrix: --cites keeps the documents that cite one directive") {
  auto r = RunCongvan("matrix --format json --cites 1102/CD-TTg" + Seeds());
  YAML::Node m = YAML::Load(r.out);
  REQUIRE(m["documents"].size() == 1);
  CHECK(m["documents"][0]["code"].as<std::string>() == "4806/UBND-KGVX");
}

TEST_CASE("compare: due dates sort by the end of their period") {
  CHECK(Due::Parse("2021-10")->By() == "2021-10-31");
  CHECK(Due::Parse("2021-Q4")->By() == "2021-12-31");
  CHECK(Due::Parse("2024-02")->By() == "2024-02-29");
  CHECK(Due::Parse("2021-08-06")->By() == "2021-08-06");
  CHECK(compare::Similarity("Sở Y tế báo cáo", "SỞ Y TẾ BÁO CÁO") == 1.0);
  CHECK(compare::Similarity("a b c d", "e f g h") == 0.0);
}

}  // namespace congvan::testing
