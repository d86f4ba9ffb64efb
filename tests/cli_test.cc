// Command-line tests: each runs the real congvan binary (RunCongvan) and checks its exit status, stdout
// and stderr as a user would see them: --version/--help/usage errors, JSON, JSON Lines and YAML output,
// stdin, inputs that cannot be read, input encodings, --output, --grammars and a closed stdout (| head).
// Scratch folders are per process (TempDir), so `ctest -j N` may run these in parallel.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "cli/conventions.h"
#include "test_util.h"

namespace congvan::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSample = CONGVAN_SOURCE_DIR "/samples/000_55eca23ef571e0f4.txt";
const std::string kSample1 = CONGVAN_SOURCE_DIR "/samples/001_46a42970c31daf42.txt";
const std::string kSample2 = CONGVAN_SOURCE_DIR "/samples/002_97c1ffe92f0b8c28.txt";

// Single-quotes a word for the shell.
std::string Q(const std::string& s) {
  std::string r = "'";
  for (char c : s) {
    if (c == '\'') {
      r += "'\\''";
    } else {
      r += c;
    }
  }
  return r + "'";
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Parses one JSON (or YAML) text; a parse error fails the current test and yields a null node.
YAML::Node Load(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    FAIL_CHECK("not parseable as JSON/YAML: " << e.what() << "\n" << text);
    return YAML::Node();
  }
}

// A node as one line, whatever its style in the source (JSON flow or YAML block), to compare subtrees.
std::string Flow(const YAML::Node& n) {
  if (!n.IsDefined()) return "<undefined>";
  if (n.IsNull()) return "null";
  if (n.IsScalar()) return "\"" + n.Scalar() + "\"";
  std::string s;
  if (n.IsSequence()) {
    s = "[";
    for (const auto& item : n) s += (s.size() > 1 ? ", " : "") + Flow(item);
    return s + "]";
  }
  s = "{";
  for (const auto& kv : n) s += (s.size() > 1 ? ", " : "") + kv.first.Scalar() + ": " + Flow(kv.second);
  return s + "}";
}

std::string Str(const YAML::Node& n) {
  if (!n.IsDefined() || !n.IsScalar()) return "<" + Flow(n) + ">";
  return n.Scalar();
}

// UTF-8 to UTF-16 (LE or BE), with a byte order mark.
std::string ToUtf16(const std::string& utf8, bool little_endian) {
  std::string out;
  auto unit = [&](unsigned u) {
    char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>((u >> 8) & 0xFF);
    if (little_endian) {
      out += lo, out += hi;
    } else {
      out += hi, out += lo;
    }
  };
  unit(0xFEFF);
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    unsigned cp;
    int n;
    if (c < 0x80) {
      cp = c, n = 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F, n = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F, n = 3;
    } else {
      cp = c & 0x07, n = 4;
    }
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

TEST_CASE("cli: --version, --help and usage errors") {
  SUBCASE("--version prints the version and exits 0") {
    auto r = RunCongvan("--version");
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.rfind("congvan ", 0) == 0);
  }
  SUBCASE("parse --help exits 0 and shows examples") {
    auto r = RunCongvan("parse --help");
    CAPTURE(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("Examples") != std::string::npos);
  }
  SUBCASE("no subcommand is a usage error") {
    auto r = RunCongvan("");
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 2);
  }
  SUBCASE("an unknown option is a usage error") {
    auto r = RunCongvan("--no-such-option");
    CAPTURE(r.err);
    CHECK(r.status == 2);
    auto r2 = RunCongvan("parse --no-such-option " + Q(kSample));
    CAPTURE(r2.err);
    CHECK(r2.status == 2);
    CHECK(r2.out.empty());
  }
}

TEST_CASE("cli: one file gives one pretty JSON object") {
  auto r = RunCongvan("parse " + Q(kSample));
  CAPTURE(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // Pretty: spread over many lines, not one JSON Lines row.
  CHECK(Lines(r.out).size() > 10);
  CHECK(r.out.starts_with('{'));
  YAML::Node doc = Load(r.out);
  REQUIRE(doc.IsMap());
  CHECK(Str(doc["schema"]) == "congvan/1");
  CHECK(Str(doc["number"]) == "4197");
  CHECK(Str(doc["source"]["path"]) == kSample);
  CHECK_FALSE(doc["error"].IsDefined());
}

TEST_CASE("cli: several files give JSON Lines in input order") {
  // Deliberately not in name order.
  std::vector<std::string> inputs = {kSample2, kSample, kSample1, kSample};
  std::string args = "parse";
  for (const auto& f : inputs) args += " " + Q(f);
  auto r = RunCongvan(args);
  CAPTURE(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  REQUIRE_FALSE(r.out.empty());
  CHECK(r.out.ends_with('\n'));
  auto lines = Lines(r.out);
  REQUIRE(lines.size() == inputs.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    CAPTURE(lines[i].substr(0, 200));
    CHECK(lines[i].starts_with('{'));
    CHECK(lines[i].ends_with('}'));
    YAML::Node doc = Load(lines[i]);
    REQUIRE(doc.IsMap());
    CHECK(Str(doc["schema"]) == "congvan/1");
    CHECK(Str(doc["source"]["path"]) == inputs[i]);
    CHECK_FALSE(doc["error"].IsDefined());
  }
}

TEST_CASE("cli: --format yaml gives the same tree as JSON") {
  auto json = RunCongvan("parse " + Q(kSample));
  REQUIRE(json.status == 0);
  YAML::Node jdoc = Load(json.out);

  auto r = RunCongvan("parse --format yaml " + Q(kSample));
  CAPTURE(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(r.out.starts_with('{'));  // block YAML, not JSON
  YAML::Node ydoc = Load(r.out);
  REQUIRE(ydoc.IsMap());
  CHECK(Str(ydoc["schema"]) == "congvan/1");
  CHECK(Str(ydoc["number"]) == "4197");
  CHECK(Str(ydoc["number"]) == Str(jdoc["number"]));
  CHECK(Str(ydoc["date"]) == Str(jdoc["date"]));
  CHECK(Flow(ydoc["recipients"]) == Flow(jdoc["recipients"]));
  CHECK(Flow(ydoc["signature"]) == Flow(jdoc["signature"]));

  SUBCASE("several files: one YAML document each") {
    auto r2 = RunCongvan("parse --format yaml " + Q(kSample) + " " + Q(kSample1));
    CAPTURE(r2.err);
    CHECK(r2.status == 0);
    std::vector<YAML::Node> docs;
    try {
      docs = YAML::LoadAll(r2.out);
    } catch (const YAML::Exception& e) {
      FAIL("not parseable as YAML: " << e.what());
    }
    REQUIRE(docs.size() == 2);
    CHECK(Str(docs[0]["source"]["path"]) == kSample);
    CHECK(Str(docs[1]["source"]["path"]) == kSample1);
  }
}

TEST_CASE("cli: parse - reads stdin") {
  std::string bytes = ReadFile(kSample);
  REQUIRE_FALSE(bytes.empty());
  auto r = RunCongvan("parse -", bytes);
  CAPTURE(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  YAML::Node doc = Load(r.out);
  REQUIRE(doc.IsMap());
  CHECK(Str(doc["source"]["path"]) == "<stdin>");
  CHECK(doc["source"]["bytes"].as<size_t>() == bytes.size());
  CHECK(Str(doc["number"]) == "4197");
}

TEST_CASE("cli: an input that cannot be read yields an error row and exit 1") {
  std::string dir = TempDir("cli-bad-inputs");
  struct Bad {
    std::string name;
    std::string path;
    std::string code;
    size_t bytes;
  };
  std::vector<Bad> bads;
  bads.push_back({"missing path", dir + "/no-such-file.txt", "not_found", 0});

  std::string subdir = dir + "/a-directory";
  fs::create_directories(subdir);
  bads.push_back({"directory", subdir, "is_directory", 0});

  WriteFile(dir + "/empty.txt", "");
  bads.push_back({"empty file", dir + "/empty.txt", "empty", 0});

  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i & 0xFF);
  WriteFile(dir + "/binary.bin", binary);
  bads.push_back({"binary file", dir + "/binary.bin", "binary", binary.size()});

  std::string invalid = "Số: 1\xff\xfe abc";
  WriteFile(dir + "/invalid.txt", invalid);
  bads.push_back({"invalid UTF-8", dir + "/invalid.txt", "invalid_encoding", invalid.size()});

  for (const auto& bad : bads) {
    SUBCASE(bad.name.c_str()) {
      CAPTURE(bad.path);
      // The bad file between two good ones: the run goes on after it.
      auto r = RunCongvan("parse --format jsonl " + Q(kSample) + " " + Q(bad.path) + " " + Q(kSample1));
      CAPTURE(r.out);
      CAPTURE(r.err);
      CHECK(r.status == 1);

      REQUIRE_FALSE(r.out.empty());
      CHECK(r.out.ends_with('\n'));  // no partial last line
      auto lines = Lines(r.out);
      REQUIRE(lines.size() == 3);
      std::vector<YAML::Node> rows;
      for (const auto& line : lines) {
        rows.push_back(Load(line));
        REQUIRE(rows.back().IsMap());
      }
      // The good files were still parsed.
      CHECK(Str(rows[0]["source"]["path"]) == kSample);
      CHECK_FALSE(rows[0]["error"].IsDefined());
      CHECK(Str(rows[0]["number"]) == "4197");
      CHECK(Str(rows[2]["source"]["path"]) == kSample1);
      CHECK_FALSE(rows[2]["error"].IsDefined());

      // The bad one: {"schema", "source": {path, bytes}, "error": {code, message}} and nothing else.
      const YAML::Node& row = rows[1];
      CHECK(row.size() == 3);
      CHECK(Str(row["schema"]) == "congvan/1");
      REQUIRE(row["source"].IsMap());
      CHECK(row["source"].size() == 2);
      CHECK(Str(row["source"]["path"]) == bad.path);
      CHECK(row["source"]["bytes"].as<size_t>() == bad.bytes);
      REQUIRE(row["error"].IsMap());
      CHECK(row["error"].size() == 2);
      CHECK(Str(row["error"]["code"]) == bad.code);
      REQUIRE(row["error"]["message"].IsScalar());
      CHECK_FALSE(row["error"]["message"].Scalar().empty());

      // Exactly one stderr line, naming the file.
      auto err_lines = Lines(r.err);
      REQUIRE(err_lines.size() == 1);
      CHECK(r.err.ends_with('\n'));
      CHECK(err_lines[0].find(bad.path) != std::string::npos);
    }
  }

  SUBCASE("all bad files at once: one stderr line each") {
    std::string args = "parse --format jsonl " + Q(kSample);
    for (const auto& bad : bads) args += " " + Q(bad.path);
    auto r = RunCongvan(args);
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 1);
    auto lines = Lines(r.out);
    REQUIRE(lines.size() == bads.size() + 1);
    CHECK_FALSE(Load(lines[0])["error"].IsDefined());
    auto err_lines = Lines(r.err);
    REQUIRE(err_lines.size() == bads.size());
    for (size_t i = 0; i < bads.size(); ++i) {
      CAPTURE(bads[i].path);
      CHECK(Str(Load(lines[i + 1])["error"]["code"]) == bads[i].code);
      CHECK(err_lines[i].find(bads[i].path) != std::string::npos);
    }
  }
}

TEST_CASE("cli: BOM, CRLF and UTF-16 inputs read like the original") {
  std::string dir = TempDir("cli-encodings");
  std::string original = ReadFile(kSample);
  REQUIRE(original.size() > 100);
  REQUIRE(original.find('\r') == std::string::npos);

  auto orig = RunCongvan("parse " + Q(kSample));
  REQUIRE(orig.status == 0);
  YAML::Node want = Load(orig.out);
  REQUIRE(Str(want["number"]) == "4197");
  CHECK(Str(want["source"]["encoding"]) == "utf-8");

  std::string crlf;
  for (char c : original) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  struct Variant {
    std::string name;
    std::string bytes;
    std::string encoding;  // expected source.encoding; empty: not checked
  };
  std::vector<Variant> variants = {
      {"utf8-bom.txt", "\xEF\xBB\xBF" + original, "utf-8-bom"},
      {"crlf.txt", crlf, ""},
      {"utf16le.txt", ToUtf16(original, true), "utf-16le"},
      {"utf16be.txt", ToUtf16(original, false), "utf-16be"},
  };
  for (const auto& v : variants) {
    SUBCASE(v.name.c_str()) {
      std::string path = dir + "/" + v.name;
      WriteFile(path, v.bytes);
      auto r = RunCongvan("parse " + Q(path));
      CAPTURE(r.err);
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      YAML::Node got = Load(r.out);
      REQUIRE(got.IsMap());
      CHECK_FALSE(got["error"].IsDefined());
      CAPTURE(Flow(got["source"]));
      CHECK(got["source"]["bytes"].as<size_t>() == v.bytes.size());
      if (!v.encoding.empty()) CHECK(Str(got["source"]["encoding"]) == v.encoding);
      CHECK(Str(got["number"]) == Str(want["number"]));
      CHECK(Str(got["date"]) == Str(want["date"]));
      CHECK(Flow(got["recipients"]) == Flow(want["recipients"]));
      CHECK(Flow(got["signature"]) == Flow(want["signature"]));
    }
  }
}

TEST_CASE("cli: --output writes a file atomically") {
  std::string dir = TempDir("cli-output");
  SUBCASE("one file") {
    std::string target = dir + "/result.json";
    auto r = RunCongvan("parse --output " + Q(target) + " " + Q(kSample));
    CAPTURE(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
    REQUIRE(fs::exists(target));
    YAML::Node doc = Load(ReadFile(target));
    REQUIRE(doc.IsMap());
    CHECK(Str(doc["number"]) == "4197");
  }
  SUBCASE("several files, JSON Lines, replacing an existing file") {
    std::string target = dir + "/all.jsonl";
    WriteFile(target, "old content that must go\n");
    auto r = RunCongvan("parse -o " + Q(target) + " " + Q(kSample) + " " + Q(kSample1));
    CAPTURE(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    auto lines = Lines(ReadFile(target));
    REQUIRE(lines.size() == 2);
    CHECK(Str(Load(lines[0])["source"]["path"]) == kSample);
    CHECK(Str(Load(lines[1])["source"]["path"]) == kSample1);
  }
  // No temporary file left beside the result, whatever the subcase.
  const std::regex tmp_name(R"(^\..*\.tmp\..*$)");
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    CAPTURE(name);
    CHECK_FALSE(std::regex_match(name, tmp_name));
  }
  SUBCASE("into a directory that does not exist") {
    std::string target = dir + "/no-such-dir/result.json";
    auto r = RunCongvan("parse --output " + Q(target) + " " + Q(kSample));
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 2);  // the output cannot be written: found before any input is read
    CHECK(r.out.empty());
    CHECK(r.err.find(target) != std::string::npos);
    CHECK_FALSE(fs::exists(target));
  }
}

// Copies the shipped grammars into a fresh directory.
std::string CopyGrammars(const std::string& name) {
  std::string dir = TempDir(name);
  int n = 0;
  for (const auto& entry : fs::directory_iterator(CONGVAN_SOURCE_DIR "/grammars")) {
    if (entry.path().extension() == ".yaml") {
      fs::copy_file(entry.path(), fs::path(dir) / entry.path().filename());
      ++n;
    }
  }
  REQUIRE(n > 0);
  return dir;
}

TEST_CASE("cli: --grammars loads rules from a directory") {
  SUBCASE("a copy of the shipped grammars works like the built-in ones") {
    std::string dir = CopyGrammars("cli-grammars-copy");
    auto r = RunCongvan("parse --grammars " + Q(dir) + " " + Q(kSample));
    CAPTURE(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    YAML::Node doc = Load(r.out);
    REQUIRE(doc.IsMap());
    CHECK(Str(doc["number"]) == "4197");
  }
  SUBCASE("a broken pattern: exit 2, FILE:LINE: rule ID:") {
    std::string dir = CopyGrammars("cli-grammars-bad-pattern");
    std::string file = dir + "/signature.yaml";
    std::string text = ReadFile(file);
    // Replace the first rule's pattern by '(' (keeping its indentation); remember the rule's id.
    size_t p = text.find("pattern:");
    REQUIRE(p != std::string::npos);
    size_t line_start = text.rfind('\n', p) + 1;
    size_t line_end = text.find('\n', p);
    size_t id_at = text.rfind("id:", p);
    REQUIRE(id_at != std::string::npos);
    size_t id_end = text.find('\n', id_at);
    std::string id = text.substr(id_at + 3, id_end - id_at - 3);
    id.erase(0, id.find_first_not_of(" '\""));
    id.erase(id.find_last_not_of(" '\"") + 1);
    REQUIRE_FALSE(id.empty());
    text = text.substr(0, p) + "pattern: '('" + text.substr(line_end);
    WriteFile(file, text);
    CAPTURE(text.substr(line_start, 80));
    CAPTURE(id);

    auto r = RunCongvan("parse --grammars " + Q(dir) + " " + Q(kSample));
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("signature.yaml") != std::string::npos);
    CHECK(r.err.find("rule ") != std::string::npos);
    CHECK(std::regex_search(r.err, std::regex(R"(signature\.yaml:[0-9]+: rule )")));
    CHECK(r.err.find("rule " + id + ":") != std::string::npos);
  }
  SUBCASE("invalid YAML: exit 2, naming the file") {
    std::string dir = CopyGrammars("cli-grammars-bad-yaml");
    std::string file = dir + "/closing.yaml";
    WriteFile(file, ReadFile(file) + "\n  - id: [unterminated\n    pattern: : :\n");
    auto r = RunCongvan("parse --grammars " + Q(dir) + " " + Q(kSample));
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("closing.yaml") != std::string::npos);
  }
  SUBCASE("a directory that does not exist: exit 2") {
    std::string dir = TempDir("cli-grammars-missing") + "/nothing-here";
    auto r = RunCongvan("parse --grammars " + Q(dir) + " " + Q(kSample));
    CAPTURE(r.out);
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("cli: a closed stdout (| head) ends quietly") {
  std::string dir = TempDir("cli-broken-pipe");
  std::string files;
  for (int i = 0; i < 30; ++i) files += " " + Q(kSample);
  for (std::string format : {"", "--format json ", "--format yaml "}) {
    CAPTURE(format);
    std::string err = dir + "/stderr", status = dir + "/status", script = dir + "/run.sh";
    fs::remove(err);
    fs::remove(status);
    // congvan's own exit status, not head's: ${PIPESTATUS[0]}.
    WriteFile(script, std::string("'") + CONGVAN_BINARY + "' parse " + format + files + " 2>" + Q(err) +
                          " | head -c 100 >/dev/null\necho ${PIPESTATUS[0]} >" + Q(status) + "\n");
    int raw = std::system(("bash " + Q(script)).c_str());
    REQUIRE(raw == 0);
    std::string code = ReadFile(status);
    CAPTURE(code);
    REQUIRE_FALSE(code.empty());
    int exit_status = std::atoi(code.c_str());
    CHECK(exit_status < 128);  // not killed by SIGPIPE or a crash
    CHECK((exit_status == 0 || exit_status == 1));
    CHECK(ReadFile(err).empty());
  }
}

}  // namespace
}  // namespace congvan::testing

namespace congvan::testing {

TEST_CASE("cli: explain shows each line's part and rule") {
  auto r = RunCongvan("explain '" CONGVAN_SOURCE_DIR "/samples/000_55eca23ef571e0f4.txt'");
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  auto line_of = [&](const std::string& needle) {
    size_t at = r.out.find(needle);
    if (at == std::string::npos) return std::string();
    size_t begin = r.out.rfind('\n', at) + 1;
    return r.out.substr(begin, r.out.find('\n', at) - begin);
  };
  CHECK(line_of("Số: 4197").find("header.number.state") != std::string::npos);
  CHECK(line_of("Số: 4197").find("    9  header") == 0);
  CHECK(line_of("HỎA TỐC").find("header.urgency.hoa_toc") != std::string::npos);
  CHECK(line_of("Kính gửi:").find("recipients.start") != std::string::npos);
  CHECK(line_of("2. Sở Y tế").find("sections.marker.arabic") != std::string::npos);
  CHECK(line_of("trước 17 giờ hàng ngày").find("deadlines.daily") != std::string::npos);
  CHECK(line_of("giao Sở Y tế chủ trì").find("owners.assign.giao") != std::string::npos);
  CHECK(line_of("Nơi nhận").find("distribution.start") != std::string::npos);
  CHECK(line_of("KT. CHỦ TỊCH").find("signature") != std::string::npos);
  CHECK(r.out.find("warnings:") != std::string::npos);
  // Each line's zone, and how much of the page the zones hold.
  CHECK(line_of("Số: 4197").find("    9  header     header") == 0);
  CHECK(line_of("Kính gửi:").find("recipients") == 7);
  CHECK(line_of("2. Sở Y tế").find("body") == 7);
  CHECK(line_of("KT. CHỦ TỊCH").find("tail") == 7);
  CHECK(r.out.find("\ncoverage: ") != std::string::npos);
  auto missing = RunCongvan("explain /nonexistent/file.txt");
  CHECK(missing.status == 1);
  CHECK(missing.err.find("/nonexistent/file.txt") != std::string::npos);
}

}  // namespace congvan::testing

namespace congvan::testing {
namespace {
bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

// CLI conventions (issue 12): sizes, suggestions, colour, what -o PATH names; then the binary's messages.
TEST_CASE("cli conventions: --max-bytes sizes") {
  using congvan::cli::ParseSize;
  CHECK(ParseSize("65536") == 65536u);
  CHECK(ParseSize("10K") == 10240u);
  CHECK(ParseSize("10k") == 10240u);
  CHECK(ParseSize("64M") == 64u << 20);
  CHECK(ParseSize("64MiB") == 64u << 20);
  CHECK(ParseSize("64 MiB") == 64u << 20);
  CHECK(ParseSize("1G") == 1u << 30);
  CHECK(ParseSize("500kB") == 500000u);
  CHECK(ParseSize("10MB") == 10000000u);
  CHECK(ParseSize("2GB") == 2000000000u);
  CHECK(ParseSize("100b") == 100u);
  for (const char* bad : {"", "0", "0K", "M", "10X", "-5", "1.5M", "10 M B", "99999999999999999999",
                          "9999999999999G", " 5"}) {
    CHECK_MESSAGE(!ParseSize(bad), std::string(bad));
  }
}

TEST_CASE("cli conventions: did you mean") {
  using congvan::cli::Suggest;
  std::vector<std::string> commands = {"parse", "explain", "diff", "matrix"};
  CHECK(Suggest("pars", commands) == "parse");
  CHECK(Suggest("prase", commands) == "parse");   // a swap counts one
  CHECK(Suggest("explian", commands) == "explain");
  CHECK(Suggest("dif", commands) == "diff");
  CHECK(Suggest("matirx", commands) == "matrix");
  CHECK(Suggest("lint", commands) == "");           // nothing close: no guess
  CHECK(Suggest("x", commands) == "");
  std::vector<std::string> options = {"--format", "--output", "--force", "--jobs", "--files-from"};
  CHECK(Suggest("--formt", options) == "--format");
  CHECK(Suggest("--ouptut", options) == "--output");
  CHECK(Suggest("--file-from", options) == "--files-from");
  CHECK(Suggest("--verbose", options) == "");
}

TEST_CASE("cli conventions: colour only when asked or on a terminal without a non-empty NO_COLOR") {
  using congvan::cli::UseColor;
  CHECK(UseColor("auto", true, nullptr));
  CHECK(UseColor("auto", true, ""));  // an empty NO_COLOR does not turn colour off (no-color.org)
  CHECK(!UseColor("auto", true, "1"));
  CHECK(!UseColor("auto", false, nullptr));
  CHECK(UseColor("always", false, "1"));
  CHECK(!UseColor("never", true, nullptr));
}

TEST_CASE("cli conventions: what -o PATH names") {
  using congvan::cli::ClassifyOutput;
  using congvan::cli::OutputKind;
  std::string dir = TempDir("cli-o-kind");
  WriteFile(dir + "/existing", "x");
  CHECK(ClassifyOutput(dir + "/new/", true) == OutputKind::kDirectory);
  CHECK(ClassifyOutput(dir, true) == OutputKind::kDirectory);          // an existing directory
  CHECK(ClassifyOutput(dir + "/all.jsonl", true) == OutputKind::kFile);
  CHECK(ClassifyOutput(dir + "/all.json", true) == OutputKind::kFile);
  CHECK(ClassifyOutput(dir + "/all.yaml", true) == OutputKind::kFile);
  CHECK(ClassifyOutput(dir + "/due.ics", true) == OutputKind::kFile);
  CHECK(ClassifyOutput(dir + "/existing", true) == OutputKind::kFile);  // an existing file
  CHECK(ClassifyOutput(dir + "/result", false) == OutputKind::kFile);   // one input
  CHECK(ClassifyOutput(dir + "/out", true) == OutputKind::kUnclear);    // several inputs: say which
}

TEST_CASE("cli conventions: the binary's messages") {
  auto typo = RunCongvan("pars x.txt");
  CHECK(typo.status == 2);
  CHECK(typo.out.empty());
  CHECK(Has(typo.err, "congvan: 'pars' is not a command; did you mean 'parse'?\n"));
  auto option = RunCongvan("parse --formt json " + Q(kSample));
  CHECK(option.status == 2);
  CHECK(Has(option.err, "congvan parse: unknown option '--formt'; did you mean '--format'?\n"));
  auto none = RunCongvan("");
  CHECK(none.status == 2);
  CHECK(Has(none.err, "congvan: a command is required"));
  auto range = RunCongvan("parse --jobs 0 " + Q(kSample));
  CHECK(range.status == 2);
  CHECK(range.err.rfind("congvan: ", 0) == 0);  // CLI11's own messages carry the prefix too
  auto size = RunCongvan("parse --max-bytes 100X " + Q(kSample));
  CHECK(size.status == 2);
  CHECK(Has(size.err, "congvan: --max-bytes: '100X' is not a size"));
  CHECK(size.err.size() < 200);  // no 300-digit range
  auto small = RunCongvan("parse --max-bytes 1K " + Q(kSample));
  CHECK(small.status == 1);
  CHECK(Has(small.out, "\"too_large\""));
  std::string dir = TempDir("cli-o-unclear");
  auto unclear = RunCongvan("parse -o " + Q(dir + "/all") + " " + Q(kSample) + " " + Q(kSample1));
  CHECK(unclear.status == 2);
  CHECK(Has(unclear.err, "congvan: -o " + dir + "/all: a file or a directory?"));
  CHECK(!fs::exists(dir + "/all"));  // nothing made, neither a file nor a directory
  auto help = RunCongvan("--help");
  CHECK(help.status == 0);
  CHECK(Has(help.out, "parse"));
}

}  // namespace congvan::testing
