// segment/header.cc: place and date where converters put them (issue 10, session 7): on the number's line,
// with no comma, after a garbled cell, cut before the year under the subject, glued after the subject; and a
// bare "Về ..." subject after the number. Each case has a text that must give the reading and one that must
// not; none is a copy of a layout or corpus file.
#include <doctest/doctest.h>

#include "test_util.h"

namespace congvan {
namespace {

using testing::ParseText;

const char* kTop = "BỘ TÀI CHÍNH\nCỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
const char* kBody = "\nKính gửi: Công ty TNHH An Phát\n\nCục Thuế hướng dẫn như sau.\n";

TEST_CASE("header: the place and date on the number's line") {
  auto d = ParseText(std::string(kTop) + "Số: /CT-TTHT Đà Nẵng, ngày 16 tháng 7 năm 2021\nV/v chính sách thuế\n" + kBody);
  CHECK_FALSE(d.number);
  REQUIRE(d.symbol);
  CHECK(*d.symbol == "CT-TTHT");
  REQUIRE(d.date);
  CHECK(*d.date == "2021-07-16");
  REQUIRE(d.place);
  CHECK(*d.place == "Đà Nẵng");
}

TEST_CASE("header: no comma after the place, but a citation's date is never the document's") {
  auto d = ParseText(std::string(kTop) + "Số: 12/CT-TTHT\nV/v chính sách thuế\nĐà Nẵng ngày 03 tháng 2 năm 2022\n" + kBody);
  REQUIRE(d.date);
  CHECK(*d.date == "2022-02-03");
  auto e = ParseText("CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\nĐiều 1. Phạm vi điều chỉnh\n");
  CHECK_FALSE(e.date);
}

TEST_CASE("header: a place and date ending a line after a garbled cell") {
  auto d = ParseText(std::string(kTop) + "Số: A43#/CT-TTHT Bắc Ninh, ngày 08 thang 6 năm 2020\nV/v chính sách thuế\n" + kBody);
  REQUIRE(d.date);
  CHECK(*d.date == "2020-06-08");
  CHECK(*d.place == "Bắc Ninh");
}

TEST_CASE("header: a date cut before its year under the subject is the date, not more subject") {
  auto d = ParseText(std::string(kTop) + "Số: 53/CT-CS\nV/v chính sách thuế TNCN\nHuế, ngày 19 tháng 11\nnăm 2025\n" + kBody);
  REQUIRE(d.subject);
  CHECK(*d.subject == "chính sách thuế TNCN");
  REQUIRE(d.date);
  CHECK(*d.date == "2025-11-19");
}

TEST_CASE("header: a subject glued before the place gives both") {
  auto d = ParseText(std::string(kTop) + "Số: 25/CT-TTHT\nV/v thuế nhà thầu Hà Nam, ngày 8| tháng 8 năm 2015\n" + kBody);
  REQUIRE(d.place);
  CHECK(*d.place == "Hà Nam");
  REQUIRE(d.subject);
  CHECK(*d.subject == "thuế nhà thầu");
  CHECK(*d.date == "2015-08-08");
}

TEST_CASE("header: a bare \"Về ...\" after the number is the subject when the date follows; not otherwise") {
  auto d = ParseText(std::string(kTop) + "Số: 515/STC-QLG\nVề hướng dẫn kê khai giá\ndịch vụ vận tải năm 2025\n"
                     "Cần Thơ, ngày 28 tháng 11 năm 2025\n" + kBody);
  REQUIRE(d.subject);
  CHECK(*d.subject == "hướng dẫn kê khai giá dịch vụ vận tải năm 2025");
  REQUIRE(d.date);
  CHECK(*d.date == "2025-11-28");
  auto e = ParseText(std::string(kTop) + "Số: 516/STC-QLG\nCần Thơ, ngày 28 tháng 11 năm 2025\nV/v kê khai giá\n"
                     "\nKính gửi: Công ty TNHH An Phát\n\nVề hướng dẫn kê khai giá, Sở Tài chính đã ban hành văn bản.\n");
  REQUIRE(e.subject);
  CHECK(*e.subject == "kê khai giá");
}

TEST_CASE("header_place_date_blank: a place whose day, month and year were left blank is still the place") {
  auto d = ParseText(std::string(kTop) + "Số: 12/CT-TTHT\nV/v chính sách thuế\nĐà Nẵng, ngày tháng năm\n" + kBody);
  REQUIRE(d.place);
  CHECK(*d.place == "Đà Nẵng");
  CHECK(!d.date);
  bool warned = false;
  for (const auto& w : d.warnings) warned |= w.code == "date_incomplete";
  CHECK(warned);
  // An issuer cell glued before the place is not a place.
  auto e = ParseText(std::string(kTop) + "Số: 12/CT-TTHT\nV/v chính sách thuế\nCUC THUE Đà Nẵng, ngày tháng năm\n" + kBody);
  CHECK((!e.place || *e.place != "CUC THUE Đà Nẵng"));
}

}  // namespace
}  // namespace congvan
