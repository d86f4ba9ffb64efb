// segment/layout.cc SeparateTailColumns: the "Nơi nhận" list and the signature block read across as one
// column (issue 10, session 7). Own texts, not layout or corpus files.
#include <doctest/doctest.h>

#include "test_util.h"

namespace congvan {
namespace {

using testing::ParseText;

const char* kHead =
    "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 88/TCT-CS\nHà Nội, ngày 10 tháng 6 năm 2025\nV/v chính sách thuế\n"
    "Kính gửi: Cục Thuế tỉnh Hải Long\n\nTổng cục Thuế trả lời để Cục Thuế tỉnh Hải Long biết./.\n\n";

TEST_CASE("tail: a signature printed beside the list is read as the signature, the list as the list") {
  auto d = ParseText(std::string(kHead) +
                     "Nơi nhận: TL. TỔNG CỤC TRƯỞNG\n- Như trên; KT. VỤ TRƯỞNG VỤ CHÍNH SÁCH\n"
                     "- Vụ Pháp chế (BTC); PHÓ VỤ TRƯỞNG\n- Lưu: VT, CS (2b); Trần Minh Khoa\n");
  REQUIRE(d.signature.name);
  CHECK(*d.signature.name == "Trần Minh Khoa");
  REQUIRE(d.distribution.size() == 3);
  CHECK(d.distribution[0].text.find("KT.") == std::string::npos);
}

TEST_CASE("tail: without a chain mark beside the list, names in list items stay list items") {
  auto d = ParseText(std::string(kHead) +
                     "Nơi nhận:\n- Như trên;\n- Trường THPT Lê Quý Đôn;\n- Lưu: VT.\n\nKT. TỔNG CỤC TRƯỞNG\n"
                     "PHÓ TỔNG CỤC TRƯỞNG\n\nĐặng Ngọc Minh\n");
  REQUIRE(d.signature.name);
  CHECK(*d.signature.name == "Đặng Ngọc Minh");
  CHECK(d.distribution.size() == 3);
}

}  // namespace
}  // namespace congvan
