// congvan/2 (issue 12, output contract v2): facts with their lines, a section's own text, one task list
// with ids, units with keys, warnings one per code with severity, kinds as slugs beside the printed
// words, the generator; and reading a congvan/2 document back (diff, matrix).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "base/json.h"
#include "compare/diff.h"
#include "compare/load.h"
#include "compare/matrix.h"
#include "emit/compare_writer.h"
#include "emit/document_writer.h"
#include "emit/writer.h"
#include "extract/owners.h"
#include "grammar/grammar.h"
#include "model/task_ids.h"
#include "model/warning_codes.h"
#include "test_util.h"

namespace congvan::testing {
namespace {

const char* kDispatch =
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH CÀ MAU\n"
    "Số: 12/UBND-VX\n"
    "V/v phòng, chống dịch\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Cà Mau, ngày 04 tháng 8 năm 2021\n"
    "\n"
    "Kính gửi:\n"
    "- Sở Y tế;\n"
    "- Sở Tài chính.\n"
    "\n"
    "Thực hiện Công văn số 341-CV/TU ngày 03/8/2021 của Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban nhân dân "
    "tỉnh chỉ đạo:\n"
    "1. Sở Y tế:\n"
    "a) Khẩn trương triển khai tiêm vắc xin,\n"
    "hoàn thành trước ngày 06/8/2021.\n"
    "b) Chủ trì, phối hợp với Sở Tài chính báo cáo kết quả.\n"
    "2. Sở Tài chính bố trí kinh phí trước ngày 10/8/2021.\n"
    "\n"
    "Yêu cầu Thủ trưởng các cơ quan triển khai thực hiện./.\n"
    "\n"
    "Nơi nhận:\n"
    "- Như trên;\n"
    "- Lưu: VT.\n"
    "KT. CHỦ TỊCH\n"
    "PHÓ CHỦ TỊCH\n"
    "\n"
    "Trần Hồng Quân\n";

json::Value V2(const model::Document& d) {
  std::string out;
  emit::JsonWriter w(&out, false);
  const auto& g = DefaultGrammar();
  emit::WriteDocumentV2(d, [&](const std::string& n) { return extract::OwnerKey(g, n); }, w);
  auto v = json::Parse(out);
  REQUIRE(v.ok());
  return std::move(v.value());
}

const json::Value* TaskById(const json::Value& doc, const std::string& id) {
  for (const auto& t : doc.Get("tasks").Items()) {
    if (t.Get("id").String() == id) return &t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("congvan/2: header facts carry their lines; kinds are slugs beside the printed words") {
  model::Document d = ParseText(kDispatch);
  json::Value v = V2(d);
  CHECK(v.Get("schema").String() == "congvan/2");
  CHECK(v.Get("layout").String() == "state");
  CHECK(v.Get("number").Get("value").String() == "12");
  CHECK(v.Get("number").Get("code").String() == "12/UBND-VX");
  CHECK(v.Get("number").Get("line").Int(0, 1000) == 3);
  CHECK(v.Get("date").Get("value").String() == "2021-08-04");
  CHECK(v.Get("date").Get("line").Int(0, 1000) == 7);
  CHECK(v.Get("subject").Get("line").Int(0, 1000) == 4);
  CHECK(v.Get("kind").Get("value").String() == "cong_van");
  CHECK(v.Get("kind").Get("text").IsNull());  // told from the V/v subject, no title printed
  CHECK(v.Get("recipients").Items().size() == 2);
  CHECK(v.Get("recipients").Items()[1].Get("text").String() == "Sở Tài chính");
  CHECK(v.Get("recipients").Items()[1].Get("line").Int(0, 1000) == 11);
  const auto& ref = v.Get("references").Items().at(0);
  CHECK(ref.Get("kind").String() == "cong_van");
  CHECK(ref.Get("kind_text").String() == "Công văn");
  CHECK(!v.Has("lines"));
  CHECK(!v.Has("recipient_lines"));
  CHECK(!v.Has("format"));
}

TEST_CASE("congvan/2: a printed title is the kind's text, on its line") {
  model::Document d = ParseText(
      "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG\nSố: 105/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nBắc Giang, ngày 04 tháng 8 năm 2021\n\nKẾ HOẠCH\n"
      "Triển khai tiêm chủng\n\n1. Sở Y tế chủ trì triển khai.\n");
  json::Value v = V2(d);
  CHECK(v.Get("kind").Get("value").String() == "ke_hoach");
  CHECK(v.Get("kind").Get("text").String() == "KẾ HOẠCH");
  CHECK(v.Get("kind").Get("line").Int(0, 1000) == 7);
}

TEST_CASE("congvan/2: a section's text is its own; tasks sit in one list with ids and spans") {
  model::Document d = ParseText(kDispatch);
  json::Value v = V2(d);
  const auto& s1 = v.Get("sections").Items().at(0);
  CHECK(s1.Get("id").String() == "1");
  CHECK(s1.Get("text").String() == "Sở Y tế:");  // its heading; the items a) and b) are its children's
  CHECK(s1.Get("line").Int(0, 1000) == 14);
  CHECK(s1.Get("end_line").Int(0, 1000) == 17);
  const auto& a = s1.Get("sections").Items().at(0);
  CHECK(a.Get("text").String().find("Khẩn trương triển khai") == 0);
  CHECK(!s1.Has("tasks"));
  CHECK(!s1.Has("owners"));
  const json::Value* t = TaskById(v, "1.a.1");
  REQUIRE(t);
  CHECK(t->Get("part").String() == "section");
  CHECK(t->Get("section").String() == "1.a");
  CHECK(t->Get("line").Int(0, 1000) == 15);
  CHECK(t->Get("end_line").Int(0, 1000) == 16);  // the sentence wraps onto the next line
  CHECK(t->Get("owners").Items().at(0).Get("name").String() == "Sở Y tế");
  CHECK(t->Get("owners").Items().at(0).Get("key").String() == "sở y tế");
  CHECK(t->Get("deadlines").Items().at(0).Get("due").String() == "2021-08-06");
  const json::Value* b = TaskById(v, "1.b.1");
  REQUIRE(b);
  CHECK(b->Get("partners").Items().at(0).Get("name").String() == "Sở Tài chính");
  CHECK(b->Get("partners").Items().at(0).Get("key").String() == "sở tài chính");
  CHECK(TaskById(v, "2.1"));
  const json::Value* c = TaskById(v, "closing.1");
  REQUIRE(c);
  CHECK(c->Get("part").String() == "closing");
  CHECK(c->Get("section").IsNull());
  std::set<std::string> ids;
  for (const auto& x : v.Get("tasks").Items()) CHECK(ids.insert(x.Get("id").String()).second);
}

// Two items printed "2." (an OCR'd or a careless numbering): their tasks get distinct ids, and a
// congvan/2 row read back puts each task under the item its id names (the reviewer found 469 corpus
// tasks moved to the first "3.1.2" of an annex and renumbered).
model::Document TwiceNumbered() {
  model::Document d;
  d.source.path = "twice.txt";
  auto section = [](const char* id, int line, std::vector<const char*> tasks) {
    model::Section s;
    s.id = s.path = id;
    s.text = "item " + std::string(id);
    s.own_size = s.text.size();
    s.line = s.end_line = line;
    for (const char* t : tasks) {
      model::Task task;
      task.text = t;
      task.line = line;
      task.set_end_line(line);
      task.owners = {"Sở Y tế"};
      task.owner_keys = {"sở y tế"};
      s.tasks.push_back(task);
    }
    return s;
  };
  d.sections = {section("1", 1, {"Một việc."}), section("2", 2, {"Hai việc.", "Việc nữa."}),
                section("2", 3, {"Việc của mục hai thứ hai."})};
  return d;
}

std::string WriteV2(const model::Document& d) {
  std::string out;
  emit::JsonWriter w(&out, false);
  const auto& g = DefaultGrammar();
  emit::WriteDocumentV2(d, [&](const std::string& n) { return extract::OwnerKey(g, n); }, w);
  return out;
}

TEST_CASE("congvan/2: items printed with one number keep their tasks apart, written and read back") {
  model::Document d = TwiceNumbered();
  json::Value v = V2(d);
  std::vector<std::string> ids;
  for (const auto& t : v.Get("tasks").Items()) ids.push_back(t.Get("id").String());
  CHECK(ids == std::vector<std::string>{"1.1", "2.1", "2.2", "2~2.1"});
  CHECK(v.Get("tasks").Items()[3].Get("section").String() == "2");
  auto back = compare::FromJson(WriteV2(d), "twice.json", DefaultGrammar());
  REQUIRE(back.ok());
  REQUIRE(back->sections.size() == 3);
  CHECK(back->sections[1].tasks.size() == 2);
  REQUIRE(back->sections[2].tasks.size() == 1);
  CHECK(back->sections[2].tasks[0].text == "Việc của mục hai thứ hai.");
  auto refs = compare::AllTasks(*back);
  REQUIRE(refs.size() == 4);
  for (size_t i = 0; i < refs.size(); ++i) CHECK(refs[i].id == ids[i]);
}

TEST_CASE("congvan/2: a task row that disagrees with where its id puts it is refused, naming it") {
  const auto& g = DefaultGrammar();
  std::string good = WriteV2(TwiceNumbered());
  auto refused = [&](const std::string& from, const std::string& to, const std::string& where) {
    std::string bad = good;
    size_t at = bad.find(from);
    REQUIRE(at != std::string::npos);
    bad.replace(at, from.size(), to);
    auto r = compare::FromJson(bad, "bad.json", g);
    CAPTURE(from);
    REQUIRE(!r.ok());
    CHECK(r.status().message().find(where) != std::string::npos);
  };
  refused("\"id\":\"2~2.1\"", "\"id\":\"2~2.7\"", "tasks[3].id");          // not its place
  refused("\"id\":\"2~2.1\"", "\"id\":\"zzz\"", "tasks[3].id");            // no holder
  refused("\"id\":\"1.1\",\"part\":\"section\"", "\"id\":\"1.1\",\"part\":\"closing\"", "tasks[0].part");
  refused("\"section\":\"1\"", "\"section\":\"9\"", "tasks[0].section");
  refused("\"annex\":null", "\"annex\":2", "tasks[0].annex");
  refused("\"implied\":false", "\"implied\":\"no\"", "tasks[0].implied");
  CHECK(compare::FromJson(good, "good.json", g).ok());
}

TEST_CASE("congvan/2: an end line congvan/1 did not give is null, not the first line") {
  const auto& g = DefaultGrammar();
  model::Document d = ParseText(kDispatch);
  std::string v1;
  emit::JsonWriter w(&v1, false);
  emit::WriteDocument(d, w);
  auto back = compare::FromJson(v1, "v1.json", g);
  REQUIRE(back.ok());
  json::Value v = V2(*back);
  REQUIRE(!v.Get("tasks").Items().empty());
  for (const auto& t : v.Get("tasks").Items()) {
    CHECK(t.Get("line").Int(0, 1000));
    CHECK(t.Get("end_line").IsNull());
  }
}

TEST_CASE("congvan/2: diff and matrix name tasks by id, in the documents' own shapes") {
  const auto& g = DefaultGrammar();
  model::Document d = ParseText(kDispatch);
  auto back = compare::FromJson(WriteV2(d), "v2.json", g);
  REQUIRE(back.ok());
  compare::DiffResult r = compare::Diff(d, *back);
  CHECK(!r.Differs());
  std::string out;
  emit::JsonWriter w(&out, false);
  emit::WriteDiffV2(r, g.digest(), [&](const std::string& n) { return extract::OwnerKey(g, n); }, w);
  auto v = json::Parse(out);
  REQUIRE(v.ok());
  CHECK(v->Get("schema").String() == "congvan-diff/2");
  CHECK(v->Get("generator").Get("grammar").String() == g.digest());
  CHECK(v->Get("a").Get("number").Get("code").String() == "12/UBND-VX");
  CHECK(v->Get("a").Get("number").Get("line").Int(0, 100) == 3);
  CHECK(v->Get("b").Get("date").Get("line").Int(0, 100) == 7);  // read back from the row's facts
  CHECK(v->Get("a").Get("authority").Get("name").String() == "ỦY BAN NHÂN DÂN TỈNH CÀ MAU");
  size_t pairs = 0;
  for (const auto& o : v->Get("owners").Items()) {
    CHECK(o.Get("owner").IsObject());
    for (const auto& p : o.Get("pairs").Items()) {
      CHECK(p.Get("a").String() == p.Get("b").String());  // the same task on both sides
      ++pairs;
    }
    CHECK(o.Get("only_a").Items().empty());
    CHECK(o.Get("only_b").Items().empty());
  }
  CHECK(pairs >= 4);
  compare::Matrix m = compare::BuildMatrix({&d, &*back});
  std::string mout;
  emit::JsonWriter mw(&mout, false);
  emit::WriteMatrixV2(m, g.digest(), mw);
  auto mv = json::Parse(mout);
  REQUIRE(mv.ok());
  CHECK(mv->Get("schema").String() == "congvan-matrix/2");
  bool seen = false;
  for (const auto& row : mv->Get("owners").Items()) {
    if (row.Get("owner").Get("key").String() != "sở y tế") continue;
    seen = true;
    const auto& cells = row.Get("cells").Items();
    REQUIRE(cells.size() == 2);
    REQUIRE(!cells[0].Get("tasks").Items().empty());
    CHECK(cells[0].Get("tasks").Items()[0].String() == "1.a.1");
    CHECK(cells[1].Get("tasks").Items().size() == cells[0].Get("tasks").Items().size());
  }
  CHECK(seen);
}

TEST_CASE("congvan/2: task ids name the holder and the place") {
  model::TaskIds ids;
  model::Section s;
  s.id = "2";
  s.path = "II.2";
  CHECK(ids.Section("", s) == "II.2");
  CHECK(ids.Section("", s) == "II.2~2");  // the same path again
  CHECK(ids.Section("annex1/", s) == "annex1/II.2");
  CHECK(model::TaskIds::Id("II.2", 0) == "II.2.1");
  CHECK(model::TaskIds::Part(model::TaskIds::AnnexPrefix(0), "body") == "annex1/body");
}

TEST_CASE("congvan/2: the signature's chain split into mark and office") {
  model::Document d = ParseText(kDispatch);
  json::Value v = V2(d);
  const auto& chain = v.Get("signature").Get("chain").Items();
  REQUIRE(chain.size() == 1);
  CHECK(chain[0].Get("mark").String() == "KT.");
  CHECK(chain[0].Get("office").String() == "CHỦ TỊCH");
  CHECK(v.Get("signature").Get("title").String() == "PHÓ CHỦ TỊCH");
  CHECK(!v.Get("signature").Has("authority"));
}

TEST_CASE("congvan/2: one warning per code, with severity, count and lines") {
  model::Document d;
  d.Warn("section_sequence", "first", 3);
  d.Warn("paragraph_rejoined", "other", 5);
  for (int i = 0; i < 30; ++i) d.Warn("section_sequence", "again", 10 + i);
  d.Warn("date_missing", "no date", 0);
  d.SummarizeWarnings();
  json::Value v = V2(d);
  const auto& w = v.Get("warnings").Items();
  REQUIRE(w.size() == 3);
  CHECK(w[0].Get("code").String() == "section_sequence");
  CHECK(w[0].Get("severity").String() == "warning");
  CHECK(w[0].Get("count").Int(0, 1000) == 31);
  CHECK(w[0].Get("line").Int(0, 1000) == 3);
  CHECK(w[0].Get("message").String() == "first");
  CHECK(w[0].Get("lines").Items().size() == 31);  // all 31 (19 listed in the model, 12 counted)
  CHECK(w[0].Get("lines").Items()[30].Int(0, 1000) == 39);
  CHECK(w[1].Get("severity").String() == "info");
  CHECK(w[2].Get("code").String() == "date_missing");
  CHECK(w[2].Get("severity").String() == "error");
  CHECK(w[2].Get("line").IsNull());
  CHECK(w[2].Get("lines").Items().empty());
}

TEST_CASE("congvan/2: every warning code has a severity") {
  CHECK(model::SeverityName(model::SeverityOf("authority_missing")) == "error");
  CHECK(model::SeverityName(model::SeverityOf("paragraph_rejoined")) == "info");
  std::set<std::string_view> codes;
  for (const auto& c : model::kWarningCodes) CHECK(codes.insert(c.code).second);
  CHECK(codes.size() >= 20);
}

TEST_CASE("congvan/2: the generator names the version and the grammar's digest") {
  model::Document d = ParseText(kDispatch);
  json::Value v = V2(d);
  const auto& gen = v.Get("generator");
  CHECK(gen.Get("name").String() == "congvan");
  CHECK(gen.Get("version").String() == CONGVAN_VERSION);
  std::string digest = gen.Get("grammar").String();
  CHECK(std::regex_match(digest, std::regex("[0-9a-f]{12}")));
  CHECK(digest == DefaultGrammar().digest());
  // The YAML loader over the same files names the same rules; another rule set another digest.
  auto embedded = grammar::Grammar::LoadEmbedded();
  REQUIRE(embedded.ok());
  CHECK((*embedded)->digest() == digest);
  std::vector<grammar::SourceFile> files = grammar::EmbeddedGrammars();
  std::string edited = std::string(files[0].text) + "\n# an edit\n";
  files[0].text = edited;
  CHECK(grammar::Grammar::Digest(files) != digest);
}

TEST_CASE("congvan/2: read back, a document compares equal to the one it was written from") {
  const auto& g = DefaultGrammar();
  model::Document d = ParseText(kDispatch);
  std::string out;
  emit::JsonWriter w(&out, false);
  emit::WriteDocumentV2(d, [&](const std::string& n) { return extract::OwnerKey(g, n); }, w);
  auto back = compare::FromJson(out, "v2.json", g);
  REQUIRE(back.ok());
  CHECK(back->number == d.number);
  CHECK(back->date == d.date);
  CHECK(back->format == d.format);
  CHECK(back->recipients.size() == d.recipients.size());
  auto diff = compare::Diff(d, *back);
  CHECK(!diff.Differs());
  auto a = compare::AllTasks(d), b = compare::AllTasks(*back);
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].task->end_line() == b[i].task->end_line());
  }
}

TEST_CASE("congvan/2: a task placed in a section the document lacks is an error naming it") {
  const auto& g = DefaultGrammar();
  std::string text = R"({"schema": "congvan/2", "sections": [], "tasks": [{"id": "9.1", "part": "section",
      "section": "9", "annex": null, "text": "x", "line": 1, "end_line": 1, "owners": [], "implied": false,
      "partners": [], "deadlines": []}]})";
  auto back = compare::FromJson(text, "bad.json", g);
  REQUIRE(!back.ok());
  CHECK(back.status().message().find("tasks[0].id") != std::string::npos);
}

}  // namespace congvan::testing
