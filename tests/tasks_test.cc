// extract/tasks.cc: which units are tasks, and who owns them when no one is named (issue 11).
#include <doctest/doctest.h>

#include "compare/matrix.h"
#include "test_util.h"

namespace congvan {
namespace {

using testing::ParseText;

const char* kHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nSố: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\n"
    "V/v tăng cường kiểm tra\n";

int Count(const model::Document& d, const std::string& code) {
  int n = 0;
  for (const auto& w : d.warnings) n += w.code == code;
  return n;
}

TEST_CASE("tasks: a task naming no owner is asked of the addressees, said once per document") {
  auto d = ParseText(std::string(kHeader) +
                     "Kính gửi:\n- Sở Y tế;\n- Sở Công Thương.\n\n"
                     "1. Tăng cường kiểm tra an toàn thực phẩm trên địa bàn.\n"
                     "2. Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 30/4/2024.\n"
                     "3. Công an tỉnh phối hợp kiểm tra.\n\n"
                     "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n");
  REQUIRE(d.sections.size() == 3);
  const auto& t1 = d.sections[0].tasks.at(0);
  CHECK(t1.owners.empty());
  CHECK(t1.owners_implied);
  CHECK(model::OwnersOf(d, t1) == std::vector<std::string>{"Sở Y tế", "Sở Công Thương"});
  CHECK(d.sections[1].tasks.at(0).owners_implied);
  const auto& t3 = d.sections[2].tasks.at(0);
  CHECK_FALSE(t3.owners_implied);  // a named owner is the owner
  CHECK(t3.owners == std::vector<std::string>{"Công an tỉnh"});
  CHECK(Count(d, "task_owner_missing") == 0);
  CHECK(Count(d, "task_owner_implied") == 1);
  CHECK(d.sections[0].owners.empty());  // a section's owners are the ones it names

  // The matrix gives the addressees their implied tasks.
  compare::Matrix mx = compare::BuildMatrix({&d});
  int rows_with_tasks = 0;
  for (const auto& row : mx.rows) rows_with_tasks += row.cells.at(0).tasks > 0;
  CHECK(rows_with_tasks == 3);  // Sở Y tế, Sở Công Thương, Công an tỉnh
}

TEST_CASE("tasks: without addressees an ownerless task keeps its warning") {
  auto d = ParseText(std::string(kHeader) + "KẾ HOẠCH\nKiểm tra an toàn thực phẩm\n\n"
                     "1. Tăng cường kiểm tra an toàn thực phẩm trên địa bàn.\n"
                     "2. Sở Y tế báo cáo kết quả.\n");
  REQUIRE(d.sections.size() == 2);
  CHECK_FALSE(d.sections[0].tasks.at(0).owners_implied);
  CHECK(Count(d, "task_owner_missing") == 1);
  CHECK(Count(d, "task_owner_implied") == 0);
}

TEST_CASE("tasks: in a text of articles a clause is a task only when it names an owner or a deadline") {
  auto d = ParseText(std::string(kHeader) + "QUYẾT ĐỊNH\nBan hành Quy chế\n\n"
                     "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc kiểm tra an toàn thực phẩm.\n"
                     "Điều 2. Hồ sơ\nHồ sơ gồm đơn đề nghị và bản sao giấy phép.\n"
                     "Điều 3. Tổ chức thực hiện\nSở Y tế chủ trì tổ chức thực hiện Quy chế này.\n"
                     "Điều 4. Báo cáo\nKết quả kiểm tra được báo cáo trước ngày 30/6/2024.\n");
  REQUIRE(d.sections.size() == 4);
  CHECK(d.sections[0].tasks.empty());  // a rule stated: not a task
  CHECK(d.sections[1].tasks.empty());
  REQUIRE(d.sections[2].tasks.size() == 1);
  CHECK(d.sections[2].tasks[0].owners == std::vector<std::string>{"Sở Y tế"});
  REQUIRE(d.sections[3].tasks.size() == 1);  // a deadline makes it a task
  CHECK(Count(d, "task_owner_missing") == 1);
}

TEST_CASE("tasks: review regressions: a past act inside a sentence, \"nhận được\", \"thông báo cho\"") {
  auto d = ParseText(std::string(kHeader) + "Kính gửi: Sở Tài chính\n\n"
                     "1. Giao Sở Tài chính hướng dẫn các đơn vị đã gửi văn bản đề nghị hỗ trợ.\n"
                     "2. Sở Xây dựng nhận được hồ sơ thì thẩm định ngay.\n"
                     "3. Ủy ban nhân dân các xã thông báo cho người dân biết để thực hiện.\n");
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].tasks.at(0).owners == std::vector<std::string>{"Sở Tài chính"});
  CHECK(d.sections[1].tasks.at(0).owners == std::vector<std::string>{"Sở Xây dựng"});
  CHECK(d.sections[2].tasks.at(0).owners == std::vector<std::string>{"Ủy ban nhân dân các xã"});
}

}  // namespace
}  // namespace congvan
