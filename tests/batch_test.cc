// Batch conversion at archive scale, through the real binary: directory trees in byte-wise order with
// --jobs, error rows for bad files, -o DIR mirroring with skip and --force, --files-from, symlink loops,
// JSON Lines records in (Hadoop Streaming / Spark), and the GNU parallel recipe of the README.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "test_util.h"

namespace congvan::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Lines(const std::string& s) { return SplitLines(s); }

std::vector<std::string> SampleTexts() {
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(std::string(CONGVAN_SOURCE_DIR) + "/samples")) {
    if (e.path().extension() == ".txt") texts.push_back(ReadFile(e.path().string()));
  }
  return texts;
}

// A tree of n copies of the samples in nested folders, plus an empty and a binary file.
std::string MakeTree(const std::string& name, int n) {
  std::string root = TempDir(name);
  auto texts = SampleTexts();
  for (int i = 0; i < n; ++i) {
    fs::path dir = fs::path(root) / ("d" + std::to_string(i % 7)) / ("e" + std::to_string(i % 3));
    fs::create_directories(dir);
    WriteFile((dir / ("doc" + std::to_string(i) + ".txt")).string(), texts[i % texts.size()]);
  }
  WriteFile(root + "/d1/empty.txt", "");
  std::string binary;
  for (int i = 0; i < 2048; ++i) binary += static_cast<char>(i % 256);
  WriteFile(root + "/d2/binary.txt", binary);
  WriteFile(root + "/d3/notes.pdf", "not taken: wrong extension");
  return root;
}

}  // namespace

TEST_CASE("batch: a 2,002-file tree gives 2,002 rows in path order under --jobs 2") {
  std::string root = MakeTree("batch-tree", 2000);
  auto r = RunCongvan("parse --jobs 2 '" + root + "'");
  CHECK(r.status == 1);
  auto rows = Lines(r.out);
  REQUIRE(rows.size() == 2002);
  std::vector<std::string> paths;
  int errors = 0;
  for (const auto& row : rows) {
    YAML::Node doc = YAML::Load(row);
    paths.push_back(doc["source"]["path"].as<std::string>());
    if (doc["error"]) ++errors;
  }
  CHECK(errors == 2);
  CHECK(std::is_sorted(paths.begin(), paths.end()));  // std::string order is byte-wise
  CHECK(std::adjacent_find(paths.begin(), paths.end()) == paths.end());
  // stderr: one line per bad file, nothing else (not a TTY, not writing a directory).
  auto err = Lines(r.err);
  CHECK(err.size() == 2);
  // --jobs 1 gives the same bytes.
  auto one = RunCongvan("parse --jobs 1 '" + root + "'");
  CHECK(one.out == r.out);
}

TEST_CASE("batch: -o DIR mirrors the tree, skips what exists, --force rewrites") {
  std::string root = MakeTree("batch-mirror-in", 40);
  std::string out = TempDir("batch-mirror-out");
  fs::remove_all(out);  // a new path: "OUT/" names a directory
  auto r = RunCongvan("parse -j 2 -o '" + out + "/' '" + root + "'");
  CHECK(r.status == 1);  // the empty and binary files
  CHECK(r.out.empty());
  int files = 0, errors = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    CHECK(e.path().extension() == ".json");
    CHECK(name.rfind(".", 0) != 0);  // no temporary file left
    bool error_row = name.size() > 11 && name.substr(name.size() - 11) == ".error.json";
    (error_row ? errors : files) += 1;
  }
  CHECK(files == 40);
  CHECK(fs::exists(out + "/d0/e0/doc0.json"));
  CHECK(fs::exists(out + "/d4/e1/doc4.json"));
  // A failed input leaves its error row as NAME.error.json, and no NAME.json, so a rerun retries it.
  CHECK(errors == 2);
  REQUIRE(fs::exists(out + "/d1/empty.error.json"));
  CHECK(!fs::exists(out + "/d1/empty.json"));
  YAML::Node row = YAML::Load(ReadFile(out + "/d1/empty.error.json"));
  CHECK(row["error"]["code"].as<std::string>() == "empty");
  CHECK(row["source"]["path"].as<std::string>() == root + "/d1/empty.txt");
  CHECK(fs::exists(out + "/d2/binary.error.json"));
  CHECK(r.err.find("40 parsed, 2 failed, 0 skipped") != std::string::npos);
  // Nothing was written into the input tree.
  for (const auto& e : fs::recursive_directory_iterator(root)) CHECK(e.path().extension() != ".json");
  auto again = RunCongvan("parse -j 2 -o '" + out + "' '" + root + "'");  // an existing directory
  CHECK(again.err.find("0 parsed, 2 failed, 40 skipped") != std::string::npos);  // the two are retried
  // Once an input reads, its stale error row goes.
  WriteFile(root + "/d1/empty.txt", SampleTexts()[0]);
  auto fixed = RunCongvan("parse -j 2 -o '" + out + "' '" + root + "'");
  CHECK(fixed.err.find("1 parsed, 1 failed, 40 skipped") != std::string::npos);
  CHECK(fs::exists(out + "/d1/empty.json"));
  CHECK(!fs::exists(out + "/d1/empty.error.json"));
  auto forced = RunCongvan("parse -j 2 --force -o '" + out + "' '" + root + "'");
  CHECK(forced.err.find("41 parsed, 1 failed, 0 skipped") != std::string::npos);
  auto yaml = RunCongvan("parse -f yaml -o '" + out + "-yaml/' '" + root + "/d0'");
  CHECK(fs::exists(out + "-yaml/e0/doc0.yaml"));
}

TEST_CASE("batch: --files-from, --glob, and a symbolic link loop") {
  std::string root = MakeTree("batch-list", 6);
  WriteFile(root + "/list.txt", root + "/d0/e0/doc0.txt\n" + root + "/d1/e1/doc1.txt\n/no/such/file.txt\n");
  auto r = RunCongvan("parse --files-from '" + root + "/list.txt'");
  CHECK(r.status == 1);
  CHECK(Lines(r.out).size() == 3);
  auto stdin_list = RunCongvan("parse --files-from -", root + "/d0/e0/doc0.txt\n");
  CHECK(stdin_list.status == 0);
  CHECK(Lines(stdin_list.out).size() == 1);
  auto pdf = RunCongvan("parse --glob '*.pdf' '" + root + "/d3'");
  CHECK(Lines(pdf.out).size() == 1);
  fs::create_directory_symlink(root, root + "/d0/loop");
  auto loop = RunCongvan("parse '" + root + "'");
  CHECK(loop.err.find("symbolic link loop") != std::string::npos);
  CHECK(Lines(loop.out).size() == 9);  // 6 documents, empty, binary and list.txt, each once
}

TEST_CASE("batch: JSON Lines records in, one result line per record out") {
  auto texts = SampleTexts();
  std::string in;
  for (int i = 0; i < 5; ++i) {
    std::string json;
    json += "{\"path\": \"rec" + std::to_string(i) + ".txt\", \"text\": ";
    std::string t = texts[i];
    std::string esc = "\"";
    for (char c : t) {
      if (c == '"' || c == '\\') esc += '\\', esc += c;
      else if (c == '\n') esc += "\\n";
      else if (c == '\r') esc += "\\r";
      else if (c == '\t') esc += "\\t";
      else esc += c;
    }
    json += esc + "\"}\n";
    in += json;
  }
  in += "this is not json\n";
  auto r = RunCongvan("parse --input-format jsonl", in);
  auto rows = Lines(r.out);
  REQUIRE(rows.size() == 6);
  CHECK(YAML::Load(rows[0])["source"]["path"].as<std::string>() == "rec0.txt");
  CHECK(YAML::Load(rows[4])["source"]["path"].as<std::string>() == "rec4.txt");
  CHECK(YAML::Load(rows[5])["error"]);
  CHECK(r.status == 1);
}

TEST_CASE("batch: the README's GNU parallel recipe, run locally") {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0) {
    MESSAGE("GNU parallel not installed: skipped");
    return;
  }
  std::string root = MakeTree("batch-parallel", 30);
  std::string out = root + "/all.jsonl";
  // The recipe: split the sorted file list into chunks and run one congvan per chunk on each host
  // (here ":" is the local host), keeping the order.
  std::string cmd = "cd '" + root + "' && find . -name '*.txt' | LC_ALL=C sort | parallel --will-cite "
                    "--sshlogin 2/: --keep-order --pipe -N 10 '" CONGVAN_BINARY " parse --quiet "
                    "--format jsonl --files-from -' > '" + out + "'; echo $? > status";
  std::system(cmd.c_str());
  auto rows = Lines(ReadFile(out));
  CHECK(rows.size() == 32);
  std::vector<std::string> paths;
  for (const auto& row : rows) paths.push_back(YAML::Load(row)["source"]["path"].as<std::string>());
  CHECK(std::is_sorted(paths.begin(), paths.end()));
}

}  // namespace congvan::testing

namespace congvan::testing {

TEST_CASE("batch: -o never lets two inputs write one file") {
  std::string root = TempDir("batch-collide");
  std::string text = ReadFile(CONGVAN_SOURCE_DIR "/samples/000_55eca23ef571e0f4.txt");
  std::filesystem::create_directories(root + "/a");
  std::filesystem::create_directories(root + "/b");
  WriteFile(root + "/a/x.txt", text);
  WriteFile(root + "/b/x.txt", text);
  // Two trees: each mirrors under its own name.
  auto trees = RunCongvan("parse -o '" + root + "/out1/' '" + root + "/a' '" + root + "/b'");
  CHECK(trees.status == 0);
  CHECK(std::filesystem::exists(root + "/out1/a/x.json"));
  CHECK(std::filesystem::exists(root + "/out1/b/x.json"));
  // Two files that map to one output (x.txt and x.md -> x.json): the second is refused, named, failed.
  WriteFile(root + "/a/x.md", text);
  auto files = RunCongvan("parse -o '" + root + "/out2/' '" + root + "/a/x.txt' '" + root + "/a/x.md'");
  CHECK(files.status == 1);
  CHECK(files.err.find("is already written for") != std::string::npos);
  CHECK(files.err.find("1 parsed, 1 failed") != std::string::npos);
}

}  // namespace congvan::testing
