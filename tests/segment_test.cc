// The segmenter's zones, table-driven: each case is a short constructed page (the lines of a real layout
// class, names and numbers invented) and what the page must read as. Readings are written from the text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/line_table.h"
#include "segment/zones.h"
#include "test_util.h"
#include "text/normalize.h"

namespace congvan::segment {
namespace {

const char* kHead =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nSố: 12/UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nBình Minh, ngày 05 tháng 3 năm 2024\nV/v tăng cường quản lý chợ\n"
    "Kính gửi: Sở Công Thương.\n\n1. Rà soát các chợ trên địa bàn.\n2. Báo cáo kết quả về Ủy ban nhân dân tỉnh.\n\n";

struct ZoneCase {
  const char* name;
  std::string tail;  // the lines after kHead
  const char* signer;            // signature.name, or nullptr for none
  std::vector<std::string> distribution;
  size_t annexes;                // how many annexes follow the tail
  const char* first_annex;       // the first annex's title, or nullptr
  size_t sections;               // numbered sections of the body
};

std::vector<std::string> Names(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& it : d.distribution) out.push_back(it.name);
  return out;
}

}  // namespace

TEST_CASE("segment: zones of the tail, one case per layout class") {
  const std::vector<ZoneCase> cases = {
      {"list then block (control)",
       "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn An\n", "Trần Văn An",
       {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"block followed by a page number",
       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n47\n", "Trần Văn An", {}, 0, nullptr, 2},
      {"block followed by a Công báo running head",
       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\nCÔNG BÁO/Số 17 + 18/Ngày 29-12-2025\n", "Trần Văn An", {}, 0,
       nullptr, 2},
      {"block followed by an e-signature stamp",
       "CHỦ TỊCH\n\nTrần Văn An\nKý bởi: CỔNG THÔNG TIN ĐIỆN TỬ\nThời gian ký: 30.12.2025 09:12:10\n",
       "Trần Văn An", {}, 0, nullptr, 2},
      {"seal image between title and name",
       "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n![Seal/Signature]\n\nTrần Văn An\n", "Trần Văn An", {}, 0, nullptr,
       2},
      {"page marker inside the list, the block after it",
       "Nơi nhận:\n- Như trên;\n--- PAGE 2 ---\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n",
       "Trần Văn An", {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"list printed after the block, across a page break",
       "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n\nTrần Văn An\n--- PAGE 3 ---\nNơi nhận:\n~ Như trên;\n- Lưu: VT.\n",
       "Trần Văn An", {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"list item cut after a comma, its rest past a blank line",
       "Nơi nhận:\n\n- Như trên;\n\n- Ủy ban Kiểm tra, Ban Tuyên giáo,\n\nVăn phòng Tỉnh ủy;\n\n- Lưu: VT.\n\n"
       "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrần Văn An\n",
       "Trần Văn An", {"Như trên", "Ủy ban Kiểm tra, Ban Tuyên giáo, Văn phòng Tỉnh ủy", "Lưu: VT"}, 0, nullptr, 2},
      {"list item ending without a comma: the text past the blank is not its rest",
       "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n",
       "Trần Văn An", {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"the whole block on one line, an annex's title run on after the name",
       "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn An PHỤ LỤC DANH MỤC CHỢ\n1. Chợ đêm Bình Minh.\n",
       "Trần Văn An", {"Lưu: VT"}, 1, "PHỤ LỤC DANH MỤC CHỢ", 2},
      {"the two tail columns flattened line by line: the block's first line inside the list",
       "Nơi nhận:\nKT. CHỦ TỊCH\n\n- Như trên;\n\n- Sở Tài chính;\n\n- Lưu: VT.\nPHÓ CHỦ TỊCH\n\nTrần Văn An\n",
       "Trần Văn An", {"Như trên", "Sở Tài chính", "Lưu: VT"}, 0, nullptr, 2},
      {"a markdown rule between the list and the block",
       "Nơi nhận:\n- Lưu: VT.\n\n---\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nVũ Thị Hoa\n", "Vũ Thị Hoa", {"Lưu: VT"}, 0, nullptr, 2},
      {"the block inside a markdown blockquote",
       "Nơi nhận:\n- Lưu: VT.\n> TM. ỦY BAN NHÂN DÂN\n> CHỦ TỊCH\n> Vũ Thị Hoa\n", "Vũ Thị Hoa", {"Lưu: VT"}, 0, nullptr, 2},
      {"the list heading in underscore emphasis",
       "_Nơi nhận:_\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn An\n", "Trần Văn An",
       {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"'(Đã ký)' before the name, a cell's bar after it",
       "THỨ TRƯỞNG THƯỜNG TRỰC\n(Đã ký)\nPhạm Văn Thành |\n", "Phạm Văn Thành", {}, 0, nullptr, 2},
      {"an HTML signature image between title and name",
       "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n<img src=\"k.png\" alt=\"chữ ký\">\nVũ Thị Hoa\n", "Vũ Thị Hoa", {"Lưu: VT"}, 0,
       nullptr, 2},
      {"the name wrapped over two lines inside bold",
       "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n**Nguyễn Quỳnh\nThiện**\n", "Nguyễn Quỳnh Thiện", {"Lưu: VT"}, 0,
       nullptr, 2},
      {"stray file path between list and block",
       "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nD:\\2024\\CV\\cho dem\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n",
       "Trần Văn An", {"Như trên", "Lưu: VT"}, 0, nullptr, 2},
      {"an annex form with its own Nơi nhận and placeholder block after the real tail",
       "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n\nMẫu số 01\nTÊN CƠ QUAN\n"
       "Nơi nhận:\n- …\nCHỦ TỊCH\n(Ký, ghi rõ họ tên, đóng dấu)\nNguyễn Văn A\n",
       "Trần Văn An", {"Lưu: VT"}, 1, "Mẫu số 01", 2},
      {"an attached plan after the signature keeps its sections",
       "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn An\n\nKẾ HOẠCH\n"
       "Quản lý chợ năm 2024\n(Kèm theo Quyết định số 12/QĐ-UBND)\nI. MỤC ĐÍCH\n1. Sở Công Thương rà soát các chợ.\n"
       "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n",
       "Trần Văn An", {"Lưu: VT"}, 1, "KẾ HOẠCH", 2},
      {"two annexes, each from its heading",
       "CHỦ TỊCH\nTrần Văn An\nPhụ lục I\nDanh sách chợ\nPhụ lục II\nDanh sách xã\n", "Trần Văn An", {}, 2,
       "Phụ lục I", 2},
      {"co-signers of a joint text stay in the tail",
       "KT. BỘ TRƯỞNG BỘ TÀI CHÍNH\nTHỨ TRƯỞNG\nTrần Văn An\n\nKT. BỘ TRƯỞNG BỘ Y TẾ\nTHỨ TRƯỞNG\nLê Thị Bình\n",
       "Trần Văn An", {}, 0, nullptr, 2},
      {"two tail columns read line by line: the name closes a list line",
       "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n--- PAGE 3 ---\nNơi nhận:\n~ Như trên;\n- Phòng Pháp chế; Mai Sơn\n- Lưu: VT.\n",
       "Mai Sơn", {"Như trên", "Phòng Pháp chế", "Lưu: VT"}, 0, nullptr, 2},
      {"a rank before the name",
       "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nThượng tướng Lê Văn Bình\n", "Thượng tướng Lê Văn Bình", {}, 0, nullptr, 2},
      {"a form's block alone is no signature",
       "Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\n(Ký, ghi rõ họ tên, đóng dấu)\n\nỦY BAN NHÂN DÂN\n", nullptr, {"Lưu: VT"},
       0, nullptr, 2},
  };
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    model::Document d = testing::ParseText(std::string(kHead) + c.tail);
    if (c.signer) {
      REQUIRE(d.signature.name.has_value());
      CHECK(*d.signature.name == c.signer);
    } else {
      CHECK_FALSE(d.signature.name.has_value());
    }
    CHECK(Names(d) == c.distribution);
    // A chain printed inside the list is the block's: it never stays a list item.
    for (const auto& it : d.distribution) CHECK(it.name.find("KT.") == std::string::npos);
    if (c.tail.find("\nKT. CHỦ TỊCH\n\n- Như trên") != std::string::npos) {
      CHECK(d.signature.authority == std::vector<std::string>{"KT. CHỦ TỊCH"});
    }
    CHECK(d.sections.size() == c.sections);
    REQUIRE(d.annexes.size() == c.annexes);
    if (c.first_annex) CHECK(*d.annexes[0].title == c.first_annex);
  }
}

TEST_CASE("segment: an attached plan's tasks are the document's, with their owners") {
  model::Document d = testing::ParseText(
      std::string(kHead) +
      "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn An\n\nKẾ HOẠCH\nQuản lý chợ năm 2024\n"
      "I. NHIỆM VỤ\n1. Sở Công Thương rà soát các chợ trước ngày 30/4/2024.\n");
  REQUIRE(d.annexes.size() == 1);
  REQUIRE(d.annexes[0].sections.size() == 1);
  const auto& s = d.annexes[0].sections[0];
  CHECK(s.id == "I");
  REQUIRE(s.sections.size() == 1);
  REQUIRE_FALSE(s.sections[0].tasks.empty());
  CHECK(s.sections[0].tasks[0].owners.at(0).find("Sở Công Thương") != std::string::npos);
}

TEST_CASE("segment: debris, annex headings and signature lines are told apart") {
  const auto& g = testing::DefaultGrammar();
  struct Row {
    const char* text;
    bool debris, annex, signature;
  };
  const std::vector<Row> rows = {
      {"--- PAGE 2 ---", true, false, false},     {"CÔNG BÁO/Số 312/Ngày 07-06-2026", true, false, false},
      {"47", true, false, false},                 {"![Seal/Signature]", true, false, false},
      {"Người ký: CỔNG THÔNG TIN", true, false, false}, {"Phụ lục II", false, true, false},
      {"Mẫu số 01", false, true, false},           {"phụ lục kèm theo", false, false, false},
      {"KT. CHỦ TỊCH", false, false, true},        {"PHÓ CHỦ TỊCH", false, false, true},
      {"1. Sở Y tế", false, false, false},         {"Trần Văn An", false, false, false},
  };
  for (const auto& r : rows) {
    std::string text = r.text;
    CAPTURE(text);
    text::Lines lines = text::Normalize(r.text);
    REQUIRE(lines.size() == 1);
    g.Classify(lines);
    CHECK(IsDebris(g, lines[0]) == r.debris);
    CHECK(g.Test("zone.annex_start", lines[0]) == r.annex);
    CHECK(IsSignatureLine(g, lines[0]) == r.signature);
  }
}

TEST_CASE("segment: the first named block wins; a form's or an unnamed one does not") {
  const auto& g = testing::DefaultGrammar();
  text::Lines lines = text::Normalize(
      "Điều 3. Các sở thi hành.\nCHỦ TỊCH\n(Ký, ghi rõ họ tên)\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n"
      "Phụ lục\nTHỦ TRƯỞNG ĐƠN VỊ\nNguyễn Văn A\n");
  g.Classify(lines);
  TailPlan plan = PlanTail(lines, 0, lines.size(), g);
  REQUIRE(plan.signature_found);
  CHECK(lines[plan.signature.begin].text == "KT. CHỦ TỊCH");
  CHECK(lines[plan.signature.name].text == "Trần Văn An");
  CHECK(plan.signature.person);
  REQUIRE(plan.annex != TailPlan::npos);
  CHECK(lines[plan.annex].text == "Phụ lục");
  std::vector<SignatureBlock> blocks = FindSignatureBlocks(lines, 0, lines.size(), g);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].form);
  CHECK(blocks[2].form);
}

}  // namespace congvan::segment

namespace congvan::segment {

TEST_CASE("segment: header classes, one case per layout class") {
  struct HeaderCase {
    const char* name;
    std::string text;
    const char* authority;  // authority.name
    const char* parent;     // authority.parent, or nullptr
    const char* code;       // number/symbol, or nullptr
    const char* date;
  };
  const std::string body = "\nKính gửi: Sở Công Thương.\n\nĐề nghị Sở Công Thương rà soát các chợ.\n";
  const std::vector<HeaderCase> cases = {
      {"motto cell wrapped after its first words",
       "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\n" + body,
       "ỦY BAN NHÂN DÂN TỈNH BÌNH MINH", nullptr, "12/UBND-VX", "2024-03-05"},
      {"motto's first word alone after the issuer",
       "BỘ CÔNG THƯƠNG\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 7/BCT-TTTN\n"
       "Hà Nội, ngày 01 tháng 4 năm 2024\n" + body,
       "BỘ CÔNG THƯƠNG", nullptr, "7/BCT-TTTN", "2024-04-01"},
      {"issuer's first word alone on its line",
       "ỦY\nBAN NHÂN DÂN\nTỈNH BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\n" + body,
       "ỦY BAN NHÂN DÂN TỈNH BÌNH MINH", nullptr, "12/UBND-VX", "2024-03-05"},
      {"parent and unit glued by OCR without diacritics",
       "TONG CUC THUE CUC THUE TINH BINH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 345/CT-TTHT\nBình Minh, ngày 05 tháng 3 năm 2024\n" + body,
       "CUC THUE TINH BINH MINH", "TONG CUC THUE", "345/CT-TTHT", "2024-03-05"},
      {"gazette section headings above the issuer",
       "CÔNG BÁO/Số 17 + 18/Ngày 29-12-2025\nVĂN BẢN PHÁP LUẬT KHÁC VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH\n"
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 9/VBHN-BTC\n"
       "Hà Nội, ngày 05 tháng 3 năm 2024\n" + body,
       "BỘ TÀI CHÍNH", nullptr, "9/VBHN-BTC", "2024-03-05"},
      {"issuer printed twice (a gazette page head above the header cell)",
       "BỘ Y TẾ\n\nBỘ Y\nTẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5/2024/TT-BYT\n"
       "Hà Nội, ngày 05 tháng 3 năm 2024\n" + body,
       "BỘ Y TẾ", nullptr, "5/2024/TT-BYT", "2024-03-05"},
      {"consolidated text: number and date only in the closing block",
       "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nQuy định về chợ\n\n"
       "Điều 1. Phạm vi điều chỉnh.\nĐiều 2. Hiệu lực thi hành.\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 12/VBHN-BNV\n"
       "Hà Nội, ngày 05 tháng 3 năm 2024\nBỘ TRƯỞNG\n\nTrần Văn An\n",
       "BỘ NỘI VỤ", nullptr, "12/VBHN-BNV", "2024-03-05"},
      {"number line labelled with the kind, under the issuer",
       "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 45/2025/UBTVQH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
       "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 05 tháng 3 năm 2025\n" + body,
       "ỦY BAN THƯỜNG VỤ QUỐC HỘI", nullptr, "45/2025/UBTVQH15", "2025-03-05"},
      {"labelled number line wrapped after its label",
       "QUỐC HỘI\nLuật số:\n16/2023/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Hà Nội, ngày 19 tháng 6 năm 2023\n" + body,
       "QUỐC HỘI", nullptr, "16/2023/QH15", "2023-06-19"},
      {"a page title naming the document above the issuer is no number line",
       "Nghị quyết số 23/2003/QH11\nQUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
       "Số: 24/2003/QH11\nHà Nội, ngày 26 tháng 11 năm 2003\n" + body,
       "QUỐC HỘI", nullptr, "24/2003/QH11", "2003-11-26"},
      {"a markdown page title naming the document is no number line",
       "# Công văn số 2638/LĐTBXH-KHTC V/v dự toán\n\nBỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n"
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2639/LĐTBXH-KHTC\n"
       "Hà Nội, ngày 03 tháng 7 năm 2019\n" + body,
       "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", nullptr, "2639/LĐTBXH-KHTC", "2019-07-03"},
      {"two columns flattened to a line each, the motto in title case",
       "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH MINH Độc Lập - Tự Do - Hạnh Phúc\n\n"
       "Số: 123/UBND-VX Bình Minh, ngày 5 tháng 3 năm 2024\n" + body,
       "ỦY BAN NHÂN DÂN TỈNH BÌNH MINH", nullptr, "123/UBND-VX", "2024-03-05"},
      {"công điện: sent-at date after the number, the sender above a bare 'Điện:'",
       "CÔNG ĐIỆN\n\nSố: 05/CĐ-BCH hồi 15 giờ 30 ngày 10/8/2022\n\nBAN CHỈ HUY PHÒNG CHỐNG THIÊN TAI TỈNH BÌNH MINH\n\n"
       "Điện:\n\n- Ủy ban nhân dân các huyện ven biển;\n- Bộ Chỉ huy Quân sự tỉnh.\n\n1. Theo dõi chặt chẽ diễn biến của bão.\n",
       "BAN CHỈ HUY PHÒNG CHỐNG THIÊN TAI TỈNH BÌNH MINH", nullptr, "05/CĐ-BCH", "2022-08-10"},
      {"a number line garbled by OCR does not end the header, and capitals below it are no issuer",
       "TONG CUC THUE\nCUC THUE TINH BAC NINH Độc lập - Tự Do - Hanh Phúc\nSố: 271 !CT-TTHT Bắc Ninh, ngayQ tháng 8 năm 2020\n"
       "CHÍNH SÁCH THUẾ\nV/v thuế TNCN đối với thu nhập từ\nhỗ trợ lãi suất\n" + body,
       "CUC THUE TINH BAC NINH", "TONG CUC THUE", nullptr, ""},
      {"motto wrapped so its last word follows the second issuer line (OCR, no Độc lập line)",
       "BỘ TAI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nTONG CỤC THUÊ NAM\nSố: 1234/TCT-CS Hà Nội, ngày 12 tháng 10 năm 2018\n" + body,
       "TONG CỤC THUÊ", "BỘ TAI CHÍNH", "1234/TCT-CS", "2018-10-12"},
      {"a header printed twice, the second copy blank (wide gaps for the blanks)",
       "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN AN PHÚ Độc lập - Tự do - Hạnh phúc\n\n"
       "Số: 850/UBND An Phú, ngày 12 tháng 9 năm 2017\n\nỦY BAN NHÂN DÂN\n\nHUYỆN AN PHÚ\n\nSố:          /UBND\n\n"
       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
       "              An Phú, ngày        tháng      năm 2017\n\nV/v kiểm tra chợ đêm\n" + body,
       "ỦY BAN NHÂN DÂN HUYỆN AN PHÚ", nullptr, "850/UBND", "2017-09-12"},
      {"a place/date line OCR garbled: the header goes on to the V/v line",
       "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CỤC HẢI QUAN Độc lập - Tự do - Hạnh phúc\n"
       "Số: 3143/TCHQ-TXNK Hà Nội, ngày | & tháng 5 năm 2020\nV/v tạm nhập tái xuất máy móc\n" + body,
       "TỔNG CỤC HẢI QUAN", "BỘ TÀI CHÍNH", "3143/TCHQ-TXNK", ""},
      {"no header printed: the title, its subject, then the enacting body and its session line",
       "<jsontable name=\"bang_0\"> </jsontable>\n\nNGHỊ QUYẾT\nVỀ PHÁT TRIỂN\nCHỢ ĐÊM TRÊN ĐỊA BÀN TỈNH\n"
       "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH MINH\nKHÓA X, KỲ HỌP THỨ BA\nCăn cứ Luật Tổ chức chính quyền địa phương\n"
       "ngày 19 tháng 6 năm 2015;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua nội dung phát triển chợ đêm.\n",
       "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH MINH", nullptr, nullptr, ""},
      {"no header printed: the title and its subject, no issuer; a cited decree is no number",
       "THÔNG TƯ\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ CUỘC THI KHOA HỌC\nCăn cứ Nghị định\n"
       "số 37/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;\n",
       "", nullptr, nullptr, ""},
      {"the rule under the issuer glued to its name",
       "CHÍNH PHỦ-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/2024/NĐ-CP\n"
       "Hà Nội, ngày 05 tháng 3 năm 2024\n" + body,
       "CHÍNH PHỦ", nullptr, "15/2024/NĐ-CP", "2024-03-05"},
      {"drawing-shape names glued to header lines",
       "ỦY BAN NHÂN DÂN\n\nTỈNH BÌNH MINH\n\nstraight connector 2Số: 123 /UBND-VX\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
       "straight connector 1Độc lập - Tự do - Hạnh phúc\n\nBình Minh, ngày 05 tháng 3 năm 2024\n" + body,
       "ỦY BAN NHÂN DÂN TỈNH BÌNH MINH", nullptr, "123/UBND-VX", "2024-03-05"},
      {"motto spelled with a Latin eth (U+00D0) for Đ",
       "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\u00D0ộc lập - Tự do - Hạnh phúc\n"
       "Số: 22/2022/TT-BKHĐT\nHà Nội, ngày 05 tháng 3 năm 2022\n" + body,
       "BỘ KẾ HOẠCH VÀ ĐẦU TƯ", nullptr, "22/2022/TT-BKHĐT", "2022-03-05"},
  };
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    model::Document d = testing::ParseText(c.text);
    CHECK(d.authority.name.value_or("") == c.authority);
    CHECK(d.authority.parent.value_or("") == (c.parent ? c.parent : ""));
    CHECK(d.code.value_or("") == (c.code ? c.code : ""));
    CHECK(d.date.value_or("") == c.date);
    // The V/v line after a header printed twice or a garbled date is still the header's subject.
    if (c.text.find("\nV/v ") != std::string::npos) CHECK(d.subject.has_value());
  }
}

TEST_CASE("segment: a subject wrapped over lines, one case per layout class") {
  struct SubjectCase {
    const char* name;
    std::string head;  // the lines between the place/date line and the body
    const char* subject;
  };
  const std::string top = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                          "Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\nBình Minh, ngày 05 tháng 3 năm 2024\n\n";
  const std::string body = "\n\nI. MỤC ĐÍCH\n\n1. Sở Công Thương rà soát các chợ đêm.\n";
  const std::vector<SubjectCase> cases = {
      {"V/v subject resumed in lower case past blank lines",
       "V/v tăng cường quản lý chợ đêm\n\n\nvà chợ phiên vùng cao\n\nKính gửi: Sở Công Thương\n",
       "tăng cường quản lý chợ đêm và chợ phiên vùng cao"},
      {"V/v subject not resumed by a stray letter past a blank",
       "V/v hoàn thuế giá trị gia tăng\n\nl\n\nKính gửi: Sở Công Thương\n", "hoàn thuế giá trị gia tăng"},
      {"title subject in capitals ending in a preposition runs on",
       "KẾ HOẠCH\n\nTRIỂN KHAI CHƯƠNG TRÌNH SỐ 12-CTr/TU NGÀY 01/02/2024 CỦA\nTỈNH ỦY VỀ PHÁT TRIỂN CHỢ ĐÊM TRONG\n"
       "GIAI ĐOẠN MỚI\n",
       "TRIỂN KHAI CHƯƠNG TRÌNH SỐ 12-CTr/TU NGÀY 01/02/2024 CỦA TỈNH ỦY VỀ PHÁT TRIỂN CHỢ ĐÊM TRONG GIAI ĐOẠN MỚI"},
      {"title with its subject run on, then the enacting body on the same line",
       "QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP TRÊN ĐỊA BÀN TỈNH CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n",
       "BAN HÀNH MỨC TRỢ GIÚP TRÊN ĐỊA BÀN TỈNH"},
      {"title with its subject run on, the enacting body named inside the subject",
       "THÔNG TƯ SỬA ĐỔI THÔNG TƯ SỐ 38/2018/TT-BTC CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\n",
       "SỬA ĐỔI THÔNG TƯ SỐ 38/2018/TT-BTC CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"},
      {"title followed by a qualifier and the subject below: the subject is the line below",
       "KẾ HOẠCH TẠM DỪNG\nỨNG DỤNG TMS PHỤC VỤ CHUYỂN ĐỔI HỆ THỐNG\n", "ỨNG DỤNG TMS PHỤC VỤ CHUYỂN ĐỔI HỆ THỐNG"},
      {"title broken by OCR, its subject in capitals then in sentence case",
       "K ÉT LUẬN\nHỘI NGHỊ LẦN THỨ BA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\nvề phát triển chợ đêm đến năm 2030\n",
       "HỘI NGHỊ LẦN THỨ BA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH về phát triển chợ đêm đến năm 2030"},
      {"a short line of capitals that only looks like no title",
       "QUY ĐỊNH CHUNG\nVỀ CHỢ ĐÊM\n", ""},
      {"V/v-style subject in capitals stops at the enacting body and the preamble",
       "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ CHỢ ĐÊM\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH MINH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
       "BAN HÀNH QUY CHẾ CHỢ ĐÊM"},
      {"a subject ending in a kind goes on with the cited number on the next line (no header number)",
       "NGHỊ QUYẾT\nSỬA ĐỔI, BỔ SUNG NGHỊ QUYẾT\nSỐ 72/2016/NQ-HĐND NGÀY 08 THÁNG 12 NĂM 2016\n",
       "SỬA ĐỔI, BỔ SUNG NGHỊ QUYẾT SỐ 72/2016/NQ-HĐND NGÀY 08 THÁNG 12 NĂM 2016"},
      {"title subject complete on its line: the enacting body below is not part of it",
       "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ CHỢ ĐÊM\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH MINH\n", "BAN HÀNH QUY CHẾ CHỢ ĐÊM"},
  };
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    model::Document d = testing::ParseText(top + c.head + body);
    CHECK(d.subject.value_or("") == c.subject);
  }
}

TEST_CASE("segment: a letter's quotation of another text's article holds no sections and no owners") {
  const std::string head =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\nV/v đối tượng áp dụng\n\nKính gửi: Sở Công Thương\n\n"
      "Sở Công Thương hỏi về đối tượng áp dụng. Về vấn đề này, Ủy ban nhân dân tỉnh có ý kiến như sau:\n\n";
  const std::string tail = "\nĐề nghị Sở Công Thương căn cứ quy định trên để thực hiện./.\n\nNơi nhận:\n- Như trên;\n"
                           "- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn An\n";
  model::Document d = testing::ParseText(head +
      "- Tại Điều 2 Quyết định số 10/2020/QĐ-UBND quy định:\n\n\"1. Đối tượng áp dụng gồm:\n\n"
      "a) Thương nhân kinh doanh tại chợ đêm;\n\nb) Hộ kinh doanh cá thể;\n\nc) Ban quản lý chợ\"\n" + tail);
  CHECK(d.sections.empty());
  for (const auto& t : d.tasks) CHECK(t.owners == std::vector<std::string>{"Sở Công Thương"});
  // An amendment quotes the text's own new provisions: their items stay sections.
  model::Document a = testing::ParseText(head +
      "1. Sửa đổi khoản 2 Điều 5 như sau:\n\n\"2. Sở Tài chính chủ trì thẩm định.\"\n\n"
      "2. Sở Xây dựng rà soát các chợ.\n" + tail);
  CHECK(a.sections.size() >= 2);
  // A quotation that never closes is a stray mark: the items after it are sections.
  model::Document u = testing::ParseText(head +
      "- Tại Điều 2 Quyết định số 10/2020/QĐ-UBND quy định:\n\"1. Đối tượng áp dụng gồm:\n"
      "a) a;\nb) b;\nc) c;\nd) d;\nđ) đ;\ne) e;\ng) g;\nh) h;\ni) i;\nk) k;\nl) l;\nm) m;\nn) n;\n" + tail);
  CHECK_FALSE(u.sections.empty());
}

TEST_CASE("segment: every non-blank line is counted in its zone (coverage)") {
  const std::string text =
      "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Số: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\nV/v quản lý chợ đêm\n\nKính gửi: Sở Công Thương.\n\n"
      "Đề nghị Sở Công Thương rà soát các chợ.\n--- PAGE 2 ---\nBáo cáo trước ngày 30/4/2024.\n\n"
      "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n";
  model::Document d = testing::ParseText(text);
  const model::Coverage& c = d.coverage;
  CHECK(c.lines == 17);
  CHECK(c.by_zone[static_cast<int>(Zone::kHeader)] == 7);
  CHECK(c.by_zone[static_cast<int>(Zone::kRecipients)] == 1);
  CHECK(c.by_zone[static_cast<int>(Zone::kBody)] == 2);
  CHECK(c.by_zone[static_cast<int>(Zone::kDebris)] == 1);  // the page marker, wherever it stands
  CHECK(c.by_zone[static_cast<int>(Zone::kTail)] == 6);
  CHECK(c.by_zone[static_cast<int>(Zone::kNone)] == 0);
  CHECK(c.share() == 1.0);
  // Header lines no rule reads are unread; with few read, the document warns.
  std::string noisy = "ỦY BAN NHÂN DÂN TỈNH BÌNH MINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";
  for (int i = 0; i < 12; ++i) noisy += "x" + std::to_string(i) + " ~~\n";
  noisy += "Số: 12/UBND-VX\nBình Minh, ngày 05 tháng 3 năm 2024\n\nĐề nghị Sở Công Thương rà soát các chợ.\n";
  model::Document n = testing::ParseText(noisy);
  CHECK(n.coverage.by_zone[static_cast<int>(Zone::kNone)] >= 12);
  CHECK(n.coverage.share() < kLowCoverage);
  bool warned = false;
  for (const auto& w : n.warnings) warned |= w.code == "coverage_low";
  CHECK(warned);
}

}  // namespace congvan::segment

namespace congvan {

TEST_CASE("line table (model/line_table.h): the line at an offset, growth, deep copies") {
  model::LineTable t;
  CHECK(t.empty());
  CHECK(t.LineAt(0, 7) == 7);  // no entries: the paragraph's first line
  for (int i = 1; i <= 100; ++i) t.emplace_back(static_cast<size_t>(i) * 10, 7 + i);  // grows past 4
  CHECK(t.size() == 100);
  CHECK(t.LineAt(0, 7) == 7);
  CHECK(t.LineAt(9, 7) == 7);
  CHECK(t.LineAt(10, 7) == 8);
  CHECK(t.LineAt(15, 7) == 8);
  CHECK(t.LineAt(1000, 7) == 107);
  CHECK(t.LineAt(99999, 7) == 107);
  model::LineTable copy = t;
  t.emplace_back(2000, 500);
  CHECK(copy.size() == 100);  // the copy owns its entries
  CHECK(copy.LineAt(99999, 7) == 107);
  CHECK(t.LineAt(99999, 7) == 500);
  model::LineTable moved = std::move(t);
  CHECK(moved.size() == 101);
  copy = model::LineTable();
  CHECK(copy.empty());
  CHECK(sizeof(model::LineTable) == sizeof(void*));
  CHECK(sizeof(text::Line) <= 56);
}

}  // namespace congvan

namespace congvan::segment {

// The signature block's chain, title and name, one case per way a converter breaks a block (each a class
// seen in real documents; names invented). Readings written from the text: who signs for whom.
TEST_CASE("segment: signature chains broken by cells and converters read as printed") {
  struct SigCase {
    const char* name;
    std::string tail;
    std::vector<std::string> authority;
    const char* title;  // nullptr: none
    const char* signer; // nullptr: none
  };
  const std::vector<SigCase> cases = {
      {"a chain link wrapped by its cell", "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nTrần Văn An\n",
       {"TM. ỦY BAN NHÂN DÂN"}, "CHỦ TỊCH", "Trần Văn An"},
      {"a bare mark, its principal on the next line, then a link with its unit wrapped over two lines",
       "Nơi nhận:\n- Lưu: VT.\nTL.\nCỤC TRƯỞNG\nKT. TRƯỞNG BAN NGHIỆP VỤ THUẾ\nHQ\nPHÓ TRƯỞNG BAN\nĐào Thu Hương\n",
       {"TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ"}, "PHÓ TRƯỞNG BAN", "Đào Thu Hương"},
      {"a bare mark and the rest of the block on one line", "Nơi nhận:\n- Lưu: VT.\nTM.\nCHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG\nLê Văn Hòa\n",
       {"TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG"}, "PHÓ THỦ TƯỚNG", "Lê Văn Hòa"},
      {"a mark with no space after its dot", "Nơi nhận:\n- Lưu: VT.\nKT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n",
       {"KT.CHỦ TỊCH"}, "PHÓ CHỦ TỊCH", "Trần Văn An"},
      {"the words after a link's principal start no title: they are its unit",
       "Nơi nhận:\n- Lưu: VT.\nTL.\nBỘ TRƯỞNG\nKT. VỤ TRƯỞNG VỤ KẾ TOÁN\nNguyễn Văn Sơn\n",
       {"TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG VỤ KẾ TOÁN"}, nullptr, "Nguyễn Văn Sơn"},
      {"a title glued to the name", "Nơi nhận:\n- Lưu: VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNGTrần Văn An\n",
       {"TL. CHỦ TỊCH"}, "CHÁNH VĂN PHÒNG", "Trần Văn An"},
      {"a joint principal in a flattened row",
       "| Nơi nhận: - Như trên; - Lưu: VT. | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Lê Văn Hòa |\n",
       {"KT. BỘ TRƯỞNG, CHỦ NHIỆM"}, "PHÓ CHỦ NHIỆM", "Lê Văn Hòa"},
      {"a mark alone is no block", "Nơi nhận:\n- Lưu: VT.\nTM.\n", {}, nullptr, nullptr},
  };
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    model::Document d = testing::ParseText(std::string(kHead) + c.tail);
    CHECK(d.signature.authority == c.authority);
    if (c.title) {
      REQUIRE(d.signature.title.has_value());
      CHECK(*d.signature.title == c.title);
    } else {
      CHECK_FALSE(d.signature.title.has_value());
    }
    if (c.signer) {
      REQUIRE(d.signature.name.has_value());
      CHECK(*d.signature.name == c.signer);
    } else {
      CHECK_FALSE(d.signature.name.has_value());
    }
  }
}

// A plan in lettered parts over Roman items, and a part whose items skip the Roman level
// (regression: part_letters_and_skipped_levels, the layout of corpus plans such as "D. TỔ CHỨC THỰC HIỆN").
TEST_CASE("segment: capital-letter parts, and a numbered item under a part that skips a level") {
  const std::string head =
      "BỘ NỘI VỤ\nSố: 25/KH-BNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Hà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai công tác lưu trữ\n\n";
  const std::string tail = "\nNơi nhận:\n- Lưu: VT.\nBỘ TRƯỞNG\nLê Văn Tâm\n";
  model::Document d = testing::ParseText(
      head + "A. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao chất lượng lưu trữ.\n\n"
             "B. NHIỆM VỤ\n\nI. CÔNG TÁC CHỈ ĐẠO\n\n1. Rà soát hồ sơ lưu trữ.\n\n2. Số hóa tài liệu.\n\n"
             "C. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Bộ\n\nChủ trì, hướng dẫn các đơn vị thực hiện.\n\n"
             "2. Các đơn vị thuộc Bộ\n\nXây dựng kế hoạch chi tiết.\n\nA. Nguyễn Văn An phụ trách chung.\n" + tail);
  REQUIRE(d.sections.size() == 3);
  CHECK(d.sections[0].id == "A");
  CHECK(d.sections[1].id == "B");
  CHECK(d.sections[2].id == "C");
  REQUIRE(d.sections[1].sections.size() == 1);
  CHECK(d.sections[1].sections[0].id == "I");
  CHECK(d.sections[1].sections[0].sections.size() == 2);
  // Under C the arabic items, which sat under "I." in B, are C's own children.
  REQUIRE(d.sections[2].sections.size() == 2);
  CHECK(d.sections[2].sections[0].id == "1");
  CHECK(d.sections[2].sections[1].id == "2");
  CHECK(d.sections[2].sections[0].owners == std::vector<std::string>{"Văn phòng Bộ"});
  // A sentence opening with an initial is no part: it stays in item C.2.
  CHECK(d.sections[2].sections[1].text.find("A. Nguyễn Văn An") != std::string::npos);
}

}  // namespace congvan::segment
