// Owner phrases, splitting coordinated owners, and canonical keys that match the same body across
// documents and provinces.
#include <doctest/doctest.h>

#include "extract/owners.h"
#include "extract/references.h"
#include "extract/tasks.h"
#include "test_util.h"

namespace congvan::extract {
namespace {

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " | ") + x;
  return s;
}

}  // namespace

TEST_CASE("owners: the phrase ends where the action begins") {
  const auto& g = testing::DefaultGrammar();
  struct Case {
    std::string text, owners;
  };
  for (const auto& [text, owners] : std::vector<Case>{
           {"Sở Y tế báo cáo phân tích, thống kê", "Sở Y tế"},
           {"Sở Tài chính: tham mưu ưu tiên nguồn ngân sách", "Sở Tài chính"},
           {"Sở Công Thương chủ trì, phối hợp với các đơn vị", "Sở Công Thương"},
           {"Ủy ban nhân dân các huyện, thành phố Cà Mau có trách nhiệm gửi danh sách",
            "Ủy ban nhân dân các huyện, thành phố Cà Mau"},
           {"Ủy ban nhân dân tỉnh (trực tiếp là đồng chí Trần Hồng Quân, Phó Chủ tịch) tiếp tục",
            "Ủy ban nhân dân tỉnh"},
           {"Thủ trưởng các sở, ngành, đoàn thể cấp tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thành phố - "
            "Thành viên Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 tỉnh",
            "Thủ trưởng các sở, ngành, đoàn thể cấp tỉnh | Chủ tịch Ủy ban nhân dân các huyện, thành phố"},
           {"Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh và Chủ tịch Ủy ban nhân dân các huyện, thành phố",
            "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh | Chủ tịch Ủy ban nhân dân các huyện, thành phố"},
           {"Các Sở, Ban ngành, đoàn thể tỉnh, UBND các huyện, thành phố",
            "Các Sở, Ban ngành, đoàn thể tỉnh | UBND các huyện, thành phố"},
           {"Bí thư, Chủ tịch UBND các phường, xã; Thủ trưởng các cơ quan, đơn vị tăng cường công tác",
            "Bí thư, Chủ tịch UBND các phường, xã | Thủ trưởng các cơ quan, đơn vị"},
           {"Giám đốc các Sở: Tài chính, Y tế tham mưu", "Giám đốc Sở Tài chính | Giám đốc Sở Y tế"},
           {"Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"},
           {"Sở Thông tin và Truyền thông và Sở Y tế phối hợp", "Sở Thông tin và Truyền thông | Sở Y tế"},
           {"các cơ quan, đơn vị, địa phương triển khai thực hiện", "các cơ quan, đơn vị, địa phương"},
           {"Công an tỉnh: bảo đảm an ninh trật tự", "Công an tỉnh"},
           {"Khẩn trương điều tra, khoanh vùng", ""},
           {"Tuyệt đối không chủ quan", ""},
           {"Phòng bệnh hơn chữa bệnh", ""},
           {"Ban ngành, đoàn thể tỉnh triển khai", ""},
       }) {
    CAPTURE(text);
    CHECK(Joined(OwnersAt(g, text)) == owners);
  }
}

TEST_CASE("owners: keys match the same body across provinces, and only it") {
  const auto& g = testing::DefaultGrammar();
  struct Pair {
    std::string a, b;
  };
  for (const auto& [a, b] : std::vector<Pair>{
           {"Sở Y tế", "Sở Y tế tỉnh Cao Bằng"},
           {"Sở Y tế", "SỞ Y TẾ"},
           {"UBND các huyện, thành phố", "Ủy ban nhân dân các huyện, thành phố Cà Mau"},
           {"Sở Thông tin và Truyền thông", "Sở TT&TT"},
           {"Sở Thông tin và truyền thông", "Sở Thông tin và Truyền thông"},
           {"Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH"},
           {"Sở Giáo dục và Đào tạo", "Sở GD&ĐT"},
           {"Sở Tài nguyên và Môi trường", "Sở TN&MT"},
           {"Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL"},
           {"Công an tỉnh", "Công an tỉnh Cà Mau"},
           {"Ủy ban nhân dân tỉnh", "UBND tỉnh"},
           {"Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "BCĐ phòng, chống dịch COVID-19 tỉnh"},
           {"Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"},
           {"Uỷ ban nhân dân các xã", "Ủy ban nhân dân các xã"},
       }) {
    CAPTURE(a);
    CAPTURE(b);
    CHECK(OwnerKey(g, a) == OwnerKey(g, b));
  }
  for (const auto& [a, b] : std::vector<Pair>{
           {"Sở Y tế", "Phòng Y tế"},
           {"Sở Y tế", "Trung tâm Y tế"},
           {"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các huyện, thành phố"},
           {"Sở Tài chính", "Sở Tư pháp"},
           {"Công an tỉnh", "Công an huyện"},
           {"Sở Thông tin và Truyền thông", "Sở Giao thông vận tải"},
           {"Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"},
           {"Sở Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo"},
       }) {
    CAPTURE(a);
    CAPTURE(b);
    CHECK(OwnerKey(g, a) != OwnerKey(g, b));
  }
}

TEST_CASE("references: codes fixed, kinds carried, each once") {
  const auto& g = testing::DefaultGrammar();
  CHECK(NormalizeCode(g, "1102/CD-TTg") == "1102/CĐ-TTg");
  CHECK(NormalizeCode(g, "05-CV/BCD") == "05-CV/BCĐ");
  CHECK(NormalizeCode(g, "341-CV/TU") == "341-CV/TU");
  auto doc = testing::ParseText(
      "Số: 12/UBND-VX\n\nHà Nội, ngày 28 tháng 9 năm 2021\n\nV/v abc\n\n"
      "Thực hiện Thông báo số 326-TB/TU ngày 21/9/2021 của Thường trực Tỉnh ủy và số 10-TB/BCĐ ngày "
      "17/9/2021 của Ban Chỉ đạo cấp Tỉnh; Công điện số 1102/CD-TTg ngày 23/8/2021 của Thủ tướng Chính "
      "phủ; đề nghị của Bộ Y tế tại Công văn số 5199/BYT-DP ngày 22/9/2021:\n\n"
      "1. Sở Y tế thực hiện Công điện số 1102/CĐ-TTg và Công văn số 12/UBND-VX.\n");
  std::string got;
  for (const auto& r : doc.references) {
    got += r.code + "=" + r.kind.value_or("?") + "," + r.date.value_or("?") + "," + r.issuer.value_or("?") + ";";
  }
  CHECK(got ==
        "326-TB/TU=Thông báo,2021-09-21,Thường trực Tỉnh ủy;"
        "10-TB/BCĐ=Thông báo,2021-09-17,Ban Chỉ đạo cấp Tỉnh;"
        "1102/CĐ-TTg=Công điện,2021-08-23,Thủ tướng Chính phủ;"
        "5199/BYT-DP=Công văn,2021-09-22,Bộ Y tế;");
}

TEST_CASE("tasks: sentences") {
  std::string text = "Tiếp tục rà soát. Giao Sở Y tế chủ trì. TP. Hồ Chí Minh báo cáo. Xong";
  auto s = Sentences(text);
  REQUIRE(s.size() == 4);
  CHECK(s[1].second == "Giao Sở Y tế chủ trì.");
  CHECK(s[2].second == "TP. Hồ Chí Minh báo cáo.");
  CHECK(s[1].first == text.find("Giao"));  // byte offset into the paragraph
}

}  // namespace congvan::extract
