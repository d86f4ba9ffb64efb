// extract/references.cc: citations whole (issue 11): a title between the kind and "số", the kind the
// code agrees with, a second slash in the symbol, the date printed before the number.
#include <doctest/doctest.h>

#include "test_util.h"

namespace congvan {
namespace {

model::Document Parse(const std::string& body) {
  return testing::ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nSố: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\nV/v thử\n"
      "Kính gửi: Sở Công Thương\n\n" + body + "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n");
}

struct Want {
  const char* text;
  const char* kind;
  const char* code;
  const char* date;  // "" for none
};

TEST_CASE("references: citations read whole") {
  const Want cases[] = {
      {"Căn cứ Luật Thương mại điện tử số 45/2023/QH15, ngày 20/6/2023;", "Luật", "45/2023/QH15", "2023-06-20"},
      {"Căn cứ báo cáo giải trình số 77/BC-SCT ngày 02 tháng 3 năm 2024 của Sở Công Thương;", "Báo cáo",
       "77/BC-SCT", "2024-03-02"},
      {"Thực hiện Kế hoạch thực hiện Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ;", "Chỉ thị", "15/CT-TTg", ""},
      // A title naming a law inside a decree's citation: the code says which.
      {"Căn cứ Nghị định hướng dẫn thi hành Luật Đất đai số 102/2024/NĐ-CP;", "Nghị định", "102/2024/NĐ-CP", ""},
      {"Thực hiện Thông tư liên tịch số 08/2011/TTLT/BCT-BTC-BNV của liên Bộ.", "Thông tư liên tịch",
       "08/2011/TTLT/BCT-BTC-BNV", ""},
      {"Ngày 14/9/2023, Bộ Công Thương đã ban hành Thông tư số 21/2023/TT-BCT hướng dẫn quản lý chợ.",
       "Thông tư", "21/2023/TT-BCT", "2023-09-14"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    auto d = Parse(c.text);
    REQUIRE(d.references.size() == 1);
    CHECK(*d.references[0].kind == c.kind);
    CHECK(d.references[0].code == c.code);
    CHECK(d.references[0].date.value_or("") == c.date);
  }
}

TEST_CASE("references: the opening date goes to the first citation only") {
  auto d = Parse("Ngày 10/3/2024, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 12/KH-UBND thực hiện Công văn số "
                 "45/BYT-KH của Bộ Y tế.");
  REQUIRE(d.references.size() == 2);
  CHECK(d.references[0].date.value_or("") == "2024-03-10");
  CHECK_FALSE(d.references[1].date);
}

TEST_CASE("references: review regressions: an event's date, an issuer's code part, a form's number") {
  auto a = Parse("Ngày 20/5/2024, Sở Y tế đã tổ chức hội nghị triển khai Kế hoạch số 45/KH-UBND.");
  REQUIRE(a.references.size() == 1);
  CHECK_FALSE(a.references[0].date);  // the conference's date, not the plan's
  auto b = Parse("Thực hiện Công văn số 4567/CT-TTHT và số 4568/CT-TTHT của Cục Thuế.");
  REQUIRE(b.references.size() == 2);
  CHECK(*b.references[1].kind == std::string("Công văn"));  // "CT" is the issuer here, not Chỉ thị
  auto c = Parse("Các đơn vị báo cáo kết quả thực hiện theo Mẫu số 01/BC gửi Sở Y tế.");
  CHECK(c.references.empty());
}

}  // namespace
}  // namespace congvan
