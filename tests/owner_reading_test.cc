// extract/tasks.cc and extract/owners.cc, the owner readings of issue 11 added in session 7: labelled lead
// and partner units and the records they make, members of a body under its heading, the directed body of a
// heading, "thì X" under owners carried down, the issuer's own undertakings in a closing, bare bodies that
// share a level, long lists ended by "trong phạm vi ...", a distributed title among other owners. Each case
// has texts that must and must not give the reading; none is a copy of a layout file.
#include <doctest/doctest.h>

#include <functional>

#include "test_util.h"

namespace congvan {
namespace {

using testing::ParseText;

const char* kPlanHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 88/KH-UBND\nHải Long, ngày 10 tháng 6 năm 2025\nKẾ HOẠCH\nChuyển đổi số trong trường học\n\n";
const char* kLetterHeader =
    "ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 91/UBND-KT\nV/v phòng chống hạn hán\nHải Long, ngày 10 tháng 6 năm 2025\n"
    "Kính gửi: Sở Nông nghiệp và Môi trường\n\n";
const char* kTail = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Hoa\n";

const model::Section* FindPath(const std::vector<model::Section>& ss, const std::string& path) {
  for (const auto& s : ss) {
    if (s.path == path) return &s;
    if (const auto* c = FindPath(s.sections, path)) return c;
  }
  return nullptr;
}

std::vector<std::string> Owners(const model::Section& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tasks) {
    for (const auto& o : t.owners) {
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    }
  }
  return out;
}

std::vector<std::string> Partners(const model::Section& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tasks) {
    for (const auto& o : t.partners) {
      if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
    }
  }
  return out;
}

TEST_CASE("owners: a record of labelled fields is owned by its lead unit, every field of it") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. NHIỆM VỤ\n\n1. Xây dựng kho học liệu số\n\n- Thời gian hoàn thành: tháng 12/2025;\n\n"
                     "- Cơ quan chủ trì: Sở Giáo dục và Đào tạo; Sở Khoa học và Công nghệ\n\n"
                     "- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.\n\n"
                     "2. Tập huấn giáo viên\n\n- Trường Cao đẳng Sư phạm tổ chức các lớp tập huấn.\n\n"
                     "- Thời gian thực hiện: Quý III/2025.\n" + kTail);
  const auto* s1 = FindPath(d.sections, "I.1");
  REQUIRE(s1);
  REQUIRE(s1->tasks.size() == 3);
  std::vector<std::string> lead{"Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ"};
  for (const auto& t : s1->tasks) CHECK(t.owners == lead);  // the time field above the lead too
  CHECK(s1->tasks[2].partners == std::vector<std::string>{"Ủy ban nhân dân các xã, phường"});
  CHECK(s1->tasks[0].deadlines.size() == 1);
  // Not a record: one bullet names its subject as a sentence; the time field keeps the owner named first.
  const auto* s2 = FindPath(d.sections, "I.2");
  REQUIRE(s2);
  CHECK(Owners(*s2) == std::vector<std::string>{"Trường Cao đẳng Sư phạm"});
  int missing = 0;
  for (const auto& w : d.warnings) missing += w.code == "task_owner_missing";
  CHECK(missing == 0);
}

TEST_CASE("owners: labels name owners as printed, and a label that is not one names nothing") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Chủ trì: Đồng chí Phó Chủ tịch phụ trách nông nghiệp; phối hợp: Sở Tài chính.\n\n"
                     "2. Nội dung chủ yếu như sau: rà soát các hồ chứa nước.\n" + kTail);
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].tasks.at(0).owners ==
        std::vector<std::string>{"Đồng chí Phó Chủ tịch phụ trách nông nghiệp"});
  CHECK(d.sections[0].tasks.at(0).partners == std::vector<std::string>{"Sở Tài chính"});
  CHECK(d.sections[1].tasks.at(0).owners.empty());
  CHECK(d.sections[1].tasks.at(0).owners_implied);
}

TEST_CASE("owners: members of the body a heading names are that body; elsewhere they stay as printed") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. TỔ CHỨC THỰC HIỆN\n\n1. Ban Giám đốc Sở Giáo dục và Đào tạo\n\n"
                     "- Các đồng chí Phó Giám đốc Sở chỉ đạo theo lĩnh vực được phân công.\n\n"
                     "- Thanh tra Sở kiểm tra việc thực hiện.\n" + kTail);
  const auto* s = FindPath(d.sections, "I.1");
  REQUIRE(s);
  REQUIRE(s->tasks.size() == 2);
  CHECK(s->tasks[0].owners == std::vector<std::string>{"Ban Giám đốc Sở Giáo dục và Đào tạo"});
  CHECK(s->tasks[1].owners == std::vector<std::string>{"Thanh tra Sở"});  // a unit of its own, not a member
  auto e = ParseText(std::string(kLetterHeader) + "Các đồng chí Phó Giám đốc Sở chỉ đạo theo lĩnh vực được phân công.\n" +
                     kTail);
  REQUIRE(e.tasks.size() == 1);
  CHECK(e.tasks[0].owners == std::vector<std::string>{"Các đồng chí Phó Giám đốc Sở"});
}

TEST_CASE("owners: a heading's directed body owns its items, its partners work with them; a sentence asks one") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Ủy ban nhân dân các xã chỉ đạo Trạm Khuyến nông phối hợp với các hợp tác xã thực hiện:\n\n"
                     "1.1. Rà soát diện tích lúa thiếu nước.\n\n"
                     "1.2. Khi mực nước xuống thấp thì Trạm Khuyến nông hướng dẫn bà con chuyển đổi cây trồng.\n\n"
                     "2. Đề nghị Công an tỉnh chỉ đạo các đội tuần tra bảo vệ công trình thủy lợi.\n" + kTail);
  const auto* s11 = FindPath(d.sections, "1.1");  // the path says the parent's number once
  REQUIRE(s11);
  CHECK(Owners(*s11) == std::vector<std::string>{"Ủy ban nhân dân các xã", "Trạm Khuyến nông"});
  CHECK(Partners(*s11) == std::vector<std::string>{"các hợp tác xã"});
  const auto* s12 = FindPath(d.sections, "1.2");
  REQUIRE(s12);
  CHECK(Owners(*s12) == std::vector<std::string>{"Trạm Khuyến nông"});  // "thì X" narrows the carried owners
  CHECK(FindPath(d.sections, "1.1.1") == nullptr);
  const auto* s2 = FindPath(d.sections, "2");
  REQUIRE(s2);
  CHECK(Owners(*s2) == std::vector<std::string>{"Công an tỉnh"});  // not the patrols it is asked to direct
}

TEST_CASE("owners: \"thì X\" in a text of articles states a rule and gives X no task") {
  auto d = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nSố: 15/2025/QĐ-UBND\nHải Long, ngày 10 tháng 6 năm 2025\nQUYẾT ĐỊNH\n"
      "Ban hành quy định về quản lý chợ\n\nĐiều 1. Chợ phải có nội quy.\n\n"
      "Điều 2. Trường hợp chợ không có nội quy thì Ban quản lý chợ bị nhắc nhở.\n" + std::string(kTail));
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[1].tasks.empty());
}

TEST_CASE("owners: the issuer's own undertaking in a closing is no task; what it asks of others is") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Sở Nông nghiệp và Môi trường kiểm tra các hồ chứa.\n\n"
                     "2. Sở Tài chính bố trí kinh phí chống hạn.\n\n"
                     "Đề nghị Công ty Thủy lợi vận hành các trạm bơm hợp lý.\n\n"
                     "Ủy ban nhân dân tỉnh sẽ tổ chức đoàn kiểm tra vào tháng 7.\n" + kTail);
  REQUIRE(d.sections.size() == 2);
  CHECK(Owners(d.sections[1]) == std::vector<std::string>{"Sở Tài chính"});  // the trailing paragraphs are not item 2
  REQUIRE(d.closing);
  REQUIRE(d.closing->tasks.size() == 1);
  CHECK(d.closing->tasks[0].owners == std::vector<std::string>{"Công ty Thủy lợi"});
}

TEST_CASE("owners: after items of several paragraphs, a plain paragraph stays in the last item") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Sở Nông nghiệp và Môi trường kiểm tra các hồ chứa.\n\nBáo cáo kết quả hằng tuần.\n\n"
                     "2. Sở Tài chính bố trí kinh phí chống hạn.\n\nƯu tiên các xã vùng cao.\n" + kTail);
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[1].tasks.size() == 2);
  CHECK_FALSE(d.closing);
}

TEST_CASE("owners: bare bodies share the level after them; a long list ends before \"trong phạm vi\"") {
  auto d = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nSố: 16/QĐ-UBND\nHải Long, ngày 10 tháng 6 năm 2025\nQUYẾT ĐỊNH\n"
      "Về việc phòng chống hạn hán\n\nĐiều 1. Phê duyệt phương án phòng chống hạn hán năm 2025.\n\n"
      "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở: Tài chính, Xây dựng; Hội đồng nhân dân, "
      "Ủy ban nhân dân các xã, phường và các hộ gia đình trên địa bàn tỉnh trong phạm vi nhiệm vụ, quyền hạn "
      "của mình có trách nhiệm thi hành Quyết định này./.\n" + std::string(kTail));
  REQUIRE(d.sections.size() == 2);
  REQUIRE(d.sections[1].tasks.size() == 1);
  CHECK(d.sections[1].tasks[0].owners ==
        std::vector<std::string>{"Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Tài chính", "Giám đốc Sở Xây dựng",
                                 "Hội đồng nhân dân, Ủy ban nhân dân các xã, phường",
                                 "các hộ gia đình trên địa bàn tỉnh"});
}

TEST_CASE("owners: a locative ends the owner before a verb no list knows; a name after it does not") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "Đề nghị các hộ gia đình trên địa bàn tỉnh tích trữ nước sinh hoạt.\n\n"
                     "Đề nghị các doanh nghiệp trên địa bàn tỉnh Hải Long tiết kiệm nước.\n" + kTail);
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].owners == std::vector<std::string>{"các hộ gia đình trên địa bàn tỉnh"});
  REQUIRE(d.tasks[1].owners.size() == 1);
  CHECK(d.tasks[1].owners[0].rfind("các doanh nghiệp trên địa bàn tỉnh Hải Long", 0) == 0);
}

TEST_CASE("header: the body's first numbered heading in capitals ends the header") {
  auto d = ParseText(std::string(kPlanHeader) + "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao chất lượng dạy học.\n" + kTail);
  REQUIRE(d.subject);
  CHECK(*d.subject == "Chuyển đổi số trong trường học");
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].id == "I");
  // Capitals without a marker after the title are still the title's subject.
  auto e = ParseText(
      "ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nSố: 89/KH-UBND\nHải Long, ngày 10 tháng 6 năm 2025\nKẾ HOẠCH\n"
      "CHUYỂN ĐỔI SỐ TRONG TRƯỜNG HỌC\n\nI. MỤC ĐÍCH\n\n1. Nâng cao chất lượng.\n" + std::string(kTail));
  REQUIRE(e.subject);
  CHECK(*e.subject == "CHUYỂN ĐỔI SỐ TRONG TRƯỜNG HỌC");
  CHECK(e.sections.size() == 1);
}

TEST_CASE("owners: a reported act, a name alone and the issuer's answer name no owner") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Sở Nông nghiệp và Môi trường đã kiểm tra các hồ chứa trong tháng 5.\n\n"
                     "2. Trung tâm Phục vụ hành chính công tỉnh.\n\n"
                     "3. Sở Tài chính bố trí kinh phí chống hạn.\n\n"
                     "Ủy ban nhân dân tỉnh trả lời để các đơn vị được biết./.\n" + kTail);
  REQUIRE(d.sections.size() == 3);
  REQUIRE(d.sections[0].tasks.size() == 1);
  CHECK(d.sections[0].tasks[0].owners.empty());  // a report of what was done: asked of no one named
  CHECK(d.sections[1].tasks.empty());           // a name alone heads an item with nothing under it
  CHECK(d.sections[2].tasks.at(0).owners == std::vector<std::string>{"Sở Tài chính"});
  if (d.closing) {
    for (const auto& t : d.closing->tasks) CHECK(t.owners.empty());
  }
}

TEST_CASE("owners: an owner's name alone after its item's marker heads the item, and is no task") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. PHÂN CÔNG NHIỆM VỤ\n\n**1.\nCông an tỉnh**\n\na) Tham mưu tổ chức thực hiện Kế hoạch.\n\n"
                     "b) Kiểm tra các cơ sở cai nghiện.\n\n**2.\nSở Tài chính**\n\n- Bố trí kinh phí thực hiện.\n" + kTail);
  const auto* s1 = FindPath(d.sections, "I.1");
  REQUIRE(s1);
  for (const auto& t : s1->tasks) CHECK(t.text != "Công an tỉnh");
  const auto* a = FindPath(d.sections, "I.1.a");
  REQUIRE(a);
  CHECK(Owners(*a) == std::vector<std::string>{"Công an tỉnh"});
  const auto* s2 = FindPath(d.sections, "I.2");
  REQUIRE(s2);
  CHECK(Owners(*s2) == std::vector<std::string>{"Sở Tài chính"});
  // Not a name alone: the item's first words are a task with its own subject.
  auto e = ParseText(std::string(kPlanHeader) + "1. Công an tỉnh kiểm tra các cơ sở cai nghiện.\n\n"
                     "2. Sở Tài chính bố trí kinh phí.\n" + kTail);
  REQUIRE(e.sections.size() == 2);
  CHECK(e.sections[0].tasks.size() == 1);
}

TEST_CASE("owners: an answer letter citing the question it received assigns only what it names") {
  const std::string head =
      "CỤC THUẾ TỈNH HẢI LONG\nSố: 77/CT-TTHT\nHải Long, ngày 10 tháng 6 năm 2025\nV/v chính sách thuế\n"
      "Kính gửi: Công ty TNHH Minh Long\n\n";
  auto d = ParseText(head +
                     "Cục Thuế tỉnh Hải Long nhận được công văn số 12/CV ngày 02/6/2025 của Công ty TNHH Minh Long "
                     "hỏi về chính sách thuế giá trị gia tăng. Về vấn đề này, Cục Thuế có ý kiến như sau:\n\n"
                     "1. Hàng hóa xuất khẩu áp dụng thuế suất 0%.\n\n"
                     "2. Đề nghị Công ty liên hệ Phòng Thanh tra để được hướng dẫn.\n" + kTail);
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].tasks.empty());  // a rule explained to the asker
  REQUIRE(d.sections[1].tasks.size() == 1);
  // A directive citing a letter it received, with no question: its items are tasks of the addressees.
  auto e = ParseText(std::string(kLetterHeader) +
                     "Ủy ban nhân dân tỉnh nhận được Công văn số 12/BNN-TL ngày 02/6/2025 của Bộ Nông nghiệp và Môi "
                     "trường về việc phòng chống hạn hán. Về việc này, Ủy ban nhân dân tỉnh yêu cầu:\n\n"
                     "1. Rà soát các hồ chứa nước.\n\n2. Báo cáo kết quả trước ngày 30/6/2025.\n" + kTail);
  REQUIRE(e.sections.size() == 2);
  CHECK(e.sections[0].tasks.size() == 1);
  CHECK(e.sections[0].tasks[0].owners_implied);
}

TEST_CASE("owners: aims and findings are no tasks; the work a plan assigns, and what a report asks, are") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Đến hết năm 2026, 100% trường học có kết nối Internet.\n\n"
                     "2. Sở Giáo dục và Đào tạo chủ động bố trí nguồn lực.\n\n"
                     "II. NHIỆM VỤ\n\n1. Rà soát hạ tầng mạng của các trường.\n\n2. Tập huấn giáo viên.\n" + kTail);
  const auto* aims = FindPath(d.sections, "I");
  REQUIRE(aims);
  REQUIRE(aims->sections.size() == 2);
  CHECK(aims->sections[0].tasks.empty());       // a target
  CHECK(aims->sections[1].tasks.size() == 1);   // names its own owner
  const auto* work = FindPath(d.sections, "II");
  REQUIRE(work);
  REQUIRE(work->sections.size() == 2);
  CHECK(work->sections[0].tasks.size() == 1);
  auto r = ParseText(
      "BỘ TÀI CHÍNH\nSố: 45/BC-BTC\nHà Nội, ngày 10 tháng 6 năm 2025\nBÁO CÁO\nTổng kết thi hành Luật thuế\n\n"
      "1. Số thu về thuế luôn chiếm tỷ lệ cao trong tổng thu ngân sách.\n\n"
      "2. Đề nghị Bộ Tư pháp thẩm định hồ sơ.\n" + std::string(kTail));
  REQUIRE(r.sections.size() == 2);
  CHECK(r.sections[0].tasks.empty());
  REQUIRE(r.sections[1].tasks.size() == 1);
  CHECK(r.sections[1].tasks[0].owners == std::vector<std::string>{"Bộ Tư pháp"});
}

TEST_CASE("header: an article ends the header though no number or date was read; other lines do not") {
  auto d = ParseText("LUẬT VIỆC LÀM\n\nQuốc hội ban hành Luật Việc làm.\n\nĐiều 1. Phạm vi điều chỉnh\n\n"
                     "Luật này quy định chính sách hỗ trợ tạo việc làm.\n\nĐiều 2. Giải thích từ ngữ\n\n"
                     "Trong Luật này, các từ ngữ dưới đây được hiểu như sau.\n");
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].id == "1");
  CHECK(d.sections[0].style == "article");
  for (const auto& s : d.sections) CHECK(s.tasks.empty());  // a text of articles: rules, not tasks
  auto e = ParseText("ỦY BAN NHÂN DÂN\nTỈNH HẢI LONG\nĐiều chỉnh kế hoạch vốn\nSố: 5/UBND-KT\n"
                     "Hải Long, ngày 10 tháng 6 năm 2025\n\n1. Sở Tài chính rà soát kế hoạch vốn.\n");
  REQUIRE(e.number);
  CHECK(*e.number == "5");
}

// Found by the blind reading of 40 random corpus tasks of session 8 (a new sample, /tmp/prec3).
const char* kDecreeHeader =
    "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/2025/NĐ-CP\nHà Nội, ngày 10 tháng 6 năm 2025\nNGHỊ ĐỊNH\nQuy định về bảo hiểm\n\n";

// The tasks of a document, every section and the loose ones, in order.
std::vector<const model::Task*> AllTasks(const model::Document& d) {
  std::vector<const model::Task*> out;
  std::function<void(const std::vector<model::Section>&)> walk = [&](const std::vector<model::Section>& ss) {
    for (const auto& s : ss) {
      for (const auto& t : s.tasks) out.push_back(&t);
      walk(s.sections);
    }
  };
  walk(d.sections);
  for (const auto& t : d.tasks) out.push_back(&t);
  if (d.closing) {
    for (const auto& t : d.closing->tasks) out.push_back(&t);
  }
  return out;
}

// The owners of the task whose text starts with `start`, or {"<no task>"}.
std::vector<std::string> OwnersOf(const model::Document& d, const std::string& start) {
  for (const auto* t : AllTasks(d)) {
    if (t->text.compare(0, start.size(), start) == 0) return t->owners;
  }
  return {"<no task>"};
}

TEST_CASE("owner_phrase_first_word_predicate: the word right after an owner's kind can end the phrase") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Đề nghị Công ty theo hướng dẫn nêu trên thực hiện kê khai lại.\n\n"
                     "2. Các cơ quan, tổ chức, đơn vị phải quán triệt đầy đủ các quy định.\n\n"
                     "3. Công ty Điện lực Hải Long rà soát các trạm bơm.\n\n"
                     "4. Ủy ban nhân dân cùng cấp chỉ đạo các xã thực hiện.\n" + kTail);
  CHECK(OwnersOf(d, "Đề nghị Công ty") == std::vector<std::string>{"Công ty"});
  CHECK(OwnersOf(d, "Các cơ quan") == std::vector<std::string>{"Các cơ quan, tổ chức, đơn vị"});
  CHECK(OwnersOf(d, "Công ty Điện lực") == std::vector<std::string>{"Công ty Điện lực Hải Long"});
  CHECK(OwnersOf(d, "Ủy ban nhân dân cùng cấp") == std::vector<std::string>{"Ủy ban nhân dân cùng cấp"});
}

TEST_CASE("owners: a right, a passive, a definition, a condition and a roster give their subject no task") {
  auto d = ParseText(std::string(kDecreeHeader) +
                     "Điều 1. Thẩm quyền\n\n1. Giám đốc Công an tỉnh có quyền: phạt cảnh cáo.\n\n"
                     "2. Phó Chánh Văn phòng do Chủ tịch Ủy ban nhân dân tỉnh bổ nhiệm.\n\n"
                     "3. Chủ đầu tư là cơ quan, tổ chức được giao quản lý dự án.\n\n"
                     "4. Bộ Nội vụ là cơ quan đầu mối giúp Chính phủ theo dõi việc thực hiện.\n\n"
                     "5. Trường hợp Chủ tịch kiêm Tổng giám đốc, Giám đốc thì chỉ được ký một lần.\n\n"
                     "Điều 2. Danh sách\n\n1. Các xã: Bản Díu, Chế Là, Xín Mần.\n\n"
                     "2. Các xã: rà soát các công trình thủy lợi.\n" + kTail);
  CHECK(OwnersOf(d, "Giám đốc Công an") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Phó Chánh") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Chủ đầu tư") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Bộ Nội vụ") == std::vector<std::string>{"Bộ Nội vụ"});  // designated: its work
  CHECK(OwnersOf(d, "Trường hợp Chủ tịch") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Các xã: Bản") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Các xã: rà") == std::vector<std::string>{"Các xã"});
}

TEST_CASE("owners: a duty of a subject by kind, after a time or a case, as laws write it") {
  auto d = ParseText(std::string(kDecreeHeader) +
                     "Điều 1. Thanh toán\n\n"
                     "1. Trong thời hạn 40 ngày, kể từ ngày nhận đủ hồ sơ, cơ quan bảo hiểm xã hội phải thanh toán chi phí.\n\n"
                     "2. Trường hợp không tổ chức được, công ty chứng khoán phải báo cáo bằng văn bản.\n\n"
                     "3. Cơ sở dữ liệu phải được cập nhật thường xuyên.\n\n"
                     "4. Tổ chức hội nghị phải bảo đảm an toàn.\n\n"
                     "5. Người nộp thuế có trách nhiệm kê khai đầy đủ.\n" + kTail);
  CHECK(OwnersOf(d, "Trong thời hạn 40") == std::vector<std::string>{"cơ quan bảo hiểm xã hội"});
  CHECK(OwnersOf(d, "Trường hợp không") == std::vector<std::string>{"công ty chứng khoán"});
  CHECK(OwnersOf(d, "Cơ sở dữ liệu") == std::vector<std::string>{"<no task>"});  // a passive: no subject acts
  CHECK(OwnersOf(d, "Tổ chức hội nghị") == std::vector<std::string>{"<no task>"});  // "organize", not a body
  CHECK(OwnersOf(d, "Người nộp thuế") == std::vector<std::string>{"Người nộp thuế"});
}

TEST_CASE("owners: a form's signature cells, a labelled partner list and a proposal assign nothing") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. NHIỆM VỤ\n\n1. Thống kê diện tích\n\n- Chủ trì: Cục Kinh tế hợp tác.\n\n"
                     "- Phối hợp: Sở Tài chính; Sở Nội vụ; Tổng cục Thống kê.\n\n"
                     "2. Biểu mẫu\n\n- Thủ trưởng đơn vị (Ký, đóng dấu, họ tên)\n\n"
                     "3. Kiến nghị\n\n- Bộ Tài chính đề xuất:\n\n- Sở Y tế đề xuất phương án phân bổ vắc xin.\n" + kTail);
  const auto* s1 = FindPath(d.sections, "I.1");
  REQUIRE(s1);
  CHECK(Owners(*s1) == std::vector<std::string>{"Cục Kinh tế hợp tác"});
  CHECK(Partners(*s1) == std::vector<std::string>{"Sở Tài chính", "Sở Nội vụ", "Tổng cục Thống kê"});
  CHECK(OwnersOf(d, "Thủ trưởng đơn vị") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Bộ Tài chính đề xuất") != std::vector<std::string>{"Bộ Tài chính"});
  CHECK(OwnersOf(d, "Sở Y tế đề xuất") == std::vector<std::string>{"Sở Y tế"});  // proposing is its work
}

// "3." out of sequence (the clauses before it left out of an excerpt) stays in the text, read as text.
TEST_CASE("owners: an opening time clause or a left clause number comes before the subject") {
  auto d = ParseText(std::string(kDecreeHeader) +
                     "Điều 1. Báo cáo\n\n"
                     "3. Chậm nhất vào ngày 15 tháng 01 hàng năm, Ủy ban nhân dân cấp huyện tổng hợp, báo cáo tình hình hoạt động.\n\n"
                     "Điều 2. Chuyển kinh phí\n\nTrong 03 ngày làm việc, kể từ ngày nhận được quyết định, Sở Tài chính chuyển kinh phí hỗ trợ.\n\n"
                     "Điều 3. Trách nhiệm\n\nCác bộ, cơ quan ngang bộ có trách nhiệm hướng dẫn thi hành.\n\n"
                     "Điều 4. Hồ sơ\n\nCác bộ hồ sơ được lưu tại trụ sở.\n" + kTail);
  bool district = false;
  for (const auto* t : AllTasks(d)) {
    district |= t->owners == std::vector<std::string>{"Ủy ban nhân dân cấp huyện"};
  }
  CHECK(district);
  CHECK(OwnersOf(d, "Trong 03 ngày") == std::vector<std::string>{"Sở Tài chính"});
  CHECK(OwnersOf(d, "Các bộ, cơ quan") == std::vector<std::string>{"Các bộ, cơ quan ngang bộ"});
  CHECK(OwnersOf(d, "Các bộ hồ sơ") == std::vector<std::string>{"<no task>"});  // sets of files: no body
}

TEST_CASE("owners: under a heading's owner, an item that asks someone is the heading owner's work") {
  auto d = ParseText(std::string(kPlanHeader) +
                     "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n"
                     "- Yêu cầu các cơ quan báo chí trên địa bàn tỉnh dành thời lượng tuyên truyền.\n\n"
                     "- Hướng dẫn các trường học triển khai.\n\n"
                     "2. Đề nghị Công an tỉnh bảo đảm an ninh mạng.\n\n"
                     "3. Yêu cầu Sở Y tế rà soát thiết bị.\n\n- Đề nghị Công an tỉnh phối hợp kiểm tra.\n" + kTail);
  const auto* s1 = FindPath(d.sections, "I.1");
  REQUIRE(s1);
  CHECK(Owners(*s1) == std::vector<std::string>{"Sở Khoa học và Công nghệ"});
  // No heading owner: the issuer asks, and the one asked owns the item; an owner named first in an item
  // is not a heading, so the next bullet's ask stays the issuer's.
  CHECK(OwnersOf(d, "Đề nghị Công an tỉnh bảo đảm") == std::vector<std::string>{"Công an tỉnh"});
  CHECK(OwnersOf(d, "Đề nghị Công an tỉnh phối hợp") == std::vector<std::string>{"Công an tỉnh"});
}

TEST_CASE("owners: in a text of articles, a clause's owner does not carry to the clauses after it") {
  auto d = ParseText(std::string(kDecreeHeader) +
                     "Điều 1. Cấp giấy chứng nhận\n\n1. Ủy ban nhân dân cấp tỉnh cấp Giấy chứng nhận cho cơ sở.\n\n"
                     "2. Giấy chứng nhận có thời hạn 05 năm, chậm nhất ngày 30/6/2026 phải đổi theo mẫu mới.\n" + kTail);
  CHECK(OwnersOf(d, "Ủy ban nhân dân cấp tỉnh cấp") == std::vector<std::string>{"Ủy ban nhân dân cấp tỉnh"});
  auto second = OwnersOf(d, "Giấy chứng nhận có");
  CHECK(second != std::vector<std::string>{"Ủy ban nhân dân cấp tỉnh"});
}

TEST_CASE("first_named_owner_stays_in_its_paragraph: an owner named in a later paragraph owns only that paragraph") {
  auto d = ParseText(std::string(kLetterHeader) +
                     "1. Sở Nông nghiệp và Môi trường rà soát các hồ chứa.\n\n- Báo cáo kết quả trước ngày 20/6/2025.\n\n"
                     "2. Về các văn bản liên quan\n\nTheo Luật Thủy lợi, tổ chức khai thác công trình phải lập quy trình vận hành.\n\n"
                     "Công ty Thủy lợi Hải Long vận hành hồ chứa theo quy trình.\n\n"
                     "Mực nước dâng bình thường là 25 m.\n\n"
                     "3. Về phối hợp\n\nCông an tỉnh thực hiện các nội dung sau:\n\n- Tuần tra bảo vệ công trình.\n" + kTail);
  // Named in the item's own text: owns the item's bullets.
  CHECK(OwnersOf(d, "Báo cáo kết quả") == std::vector<std::string>{"Sở Nông nghiệp và Môi trường"});
  // Named in a later paragraph: not the owner of the paragraphs after it.
  CHECK(OwnersOf(d, "Công ty Thủy lợi") == std::vector<std::string>{"Công ty Thủy lợi Hải Long"});
  auto after = OwnersOf(d, "Mực nước");
  CHECK(after != std::vector<std::string>{"Công ty Thủy lợi Hải Long"});
  // A lead-in in a later paragraph carries down.
  CHECK(OwnersOf(d, "Tuần tra") == std::vector<std::string>{"Công an tỉnh"});
}

TEST_CASE("owners: the issuer's own lead-in ('Ủy ban nhân dân tỉnh hướng dẫn như sau:') carries no owner down") {
  auto d = ParseText(std::string(kLetterHeader) + "Ủy ban nhân dân tỉnh hướng dẫn như sau:\n\n"
                     "1. Hồ sơ đề nghị hỗ trợ gồm đơn và bản sao giấy tờ.\n\n2. Sở Tài chính thẩm định hồ sơ.\n" + kTail);
  auto first = OwnersOf(d, "Hồ sơ đề nghị");
  CHECK(first != std::vector<std::string>{"Ủy ban nhân dân tỉnh"});
  CHECK(OwnersOf(d, "Sở Tài chính") == std::vector<std::string>{"Sở Tài chính"});
  auto e = ParseText(std::string(kLetterHeader) + "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính thực hiện như sau:\n\n"
                     "1. Thẩm định hồ sơ đề nghị hỗ trợ.\n\n2. Báo cáo kết quả.\n" + kTail);
  CHECK(OwnersOf(e, "Thẩm định") == std::vector<std::string>{"Sở Tài chính"});
}

TEST_CASE("owners: a request cited ('theo yêu cầu X') gives X no task; a request made does") {
  auto d = ParseText(std::string(kPlanHeader) + "I. NHIỆM VỤ\n\n1. Báo cáo\n\n"
                     "- Thực hiện các báo cáo theo yêu cầu Các Sở, Ban, ngành thuộc tỉnh.\n\n"
                     "- Đề nghị Sở Y tế tổng hợp số liệu.\n" + kTail);
  auto cited = OwnersOf(d, "Thực hiện các báo cáo");
  CHECK(std::find(cited.begin(), cited.end(), "Các Sở, Ban, ngành thuộc tỉnh") == cited.end());
  CHECK(OwnersOf(d, "Đề nghị Sở Y tế") == std::vector<std::string>{"Sở Y tế"});
}

TEST_CASE("owners: 'TP.' inside a name; an issuer OCR printed without diacritics is still the issuer") {
  auto d = ParseText(std::string(kLetterHeader) + "1. Cục Thuế TP.HCM đã có Thông báo số 8625/TB-CT.\n\n"
                     "2. Cục Thuế TP.HCM hướng dẫn các doanh nghiệp kê khai.\n" + kTail);
  CHECK(OwnersOf(d, "Cục Thuế TP.HCM đã").empty());  // reported: the period of "TP." does not end the name
  CHECK(OwnersOf(d, "Cục Thuế TP.HCM hướng") == std::vector<std::string>{"Cục Thuế TP.HCM"});
  const std::string ocr_head =
      "TONG CUC THUE\nCUC THUE TINH LONG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 3954/CTLAN-TTHT\nLong An, ngày 24 tháng 12 năm 2021\nV/v hướng dẫn quyết toán thuế\n\n";
  auto e = ParseText(ocr_head + "Cục Thuế tỉnh Long An hướng dẫn như sau:\n\n1. Hồ sơ quyết toán gồm tờ khai.\n\n"
                     "2. Tờ khai theo mẫu số 03/TNDN.\n" + kTail);
  for (const auto* t : AllTasks(e)) {
    CHECK(std::find(t->owners.begin(), t->owners.end(), "Cục Thuế tỉnh Long An") == t->owners.end());
  }
}

TEST_CASE("owners: a heading's broken-off capitals and a quoted clause number alone are no tasks") {
  auto d = ParseText(std::string(kLetterHeader) + "1. Về nhiệm vụ trọng\n\nTÂM THỜI GIAN TỚI\n\n"
                     "Sở Nông nghiệp và Môi trường rà soát các hồ chứa.\n\n2. Về quy định\n\n“2.\n\n"
                     "Báo cáo.\n" + kTail);
  CHECK(OwnersOf(d, "TÂM THỜI") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "“2.") == std::vector<std::string>{"<no task>"});
  CHECK(OwnersOf(d, "Sở Nông nghiệp") == std::vector<std::string>{"Sở Nông nghiệp và Môi trường"});
  CHECK(OwnersOf(d, "Báo cáo.") != std::vector<std::string>{"<no task>"});  // a sentence, short as it is
}

TEST_CASE("owners: a kind alone ('Cơ quan', 'Sở') or a phrase ending in 'gồm' names no one; 'Công ty' does") {
  auto d = ParseText(std::string(kPlanHeader) + "I. THỦ TỤC\n\n1. Cấp phép\n\n- Cơ quan thực hiện: Sở\n\n"
                     "- Cơ quan có trách nhiệm thanh toán tiền phải tổ chức thanh toán trước ngày 30/6/2025.\n\n"
                     "2. Trả lời\n\n- Đề nghị Công ty thực hiện kê khai lại.\n\n"
                     "3. Khối thi đua\n\n- Các đơn vị thuộc Bộ gồm: 09 khối.\n" + kTail);
  for (const auto* t : AllTasks(d)) {
    for (const auto& o : t->owners) {
      CHECK(o != "Sở");
      CHECK(o != "Cơ quan");
    }
  }
  CHECK(OwnersOf(d, "Đề nghị Công ty") == std::vector<std::string>{"Công ty"});
  auto list = OwnersOf(d, "Các đơn vị thuộc Bộ gồm");  // who they are, not what they must do
  CHECK(std::find(list.begin(), list.end(), "Các đơn vị thuộc Bộ gồm") == list.end());
}

}  // namespace
}  // namespace congvan
