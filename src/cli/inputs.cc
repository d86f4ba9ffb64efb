#include "cli/inputs.h"

#include "base/nesting.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

namespace congvan::cli {
namespace {

namespace fs = std::filesystem;

class ListSource : public InputSource {
 public:
  std::vector<Input> inputs;
  std::vector<std::string> problems;
  size_t next = 0;
  std::mutex mu;

  bool Next(Input* in) override {
    std::lock_guard<std::mutex> lock(mu);
    if (next >= inputs.size()) return false;
    *in = std::move(inputs[next++]);
    return true;
  }
  std::vector<std::string> Problems() const override { return problems; }
  std::optional<size_t> Count() const override { return inputs.size(); }
};

bool Matches(const std::vector<std::string>& globs, const std::string& name) {
  for (const auto& g : globs) {
    if (::fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  }
  return false;
}

// Walks dir, adding matching files; `seen` holds (device, inode) of directories entered.
void Walk(const fs::path& root, const fs::path& dir, const std::vector<std::string>& globs,
          std::set<std::pair<dev_t, ino_t>>& seen, std::vector<Input>& files,
          std::vector<std::string>& problems) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    problems.push_back(dir.string() + ": cannot read directory");
    return;
  }
  if (!seen.insert({st.st_dev, st.st_ino}).second) {
    problems.push_back(dir.string() + ": symbolic link loop, not followed");
    return;
  }
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) problems.push_back(dir.string() + ": " + ec.message());
  for (const auto& p : entries) {
    std::error_code e2;
    auto status = fs::status(p, e2);  // follows symlinks
    if (e2) continue;                 // a dangling link
    if (fs::is_directory(status)) {
      Walk(root, p, globs, seen, files, problems);
    } else if (fs::is_regular_file(status) && Matches(globs, p.filename().string())) {
      Input in;
      in.path = in.read_from = p.string();
      in.relative = p.lexically_relative(root).string();
      files.push_back(std::move(in));
    }
  }
}

// `prefix_root`: with several roots, each mirrors under its own name (a/x.txt and b/x.txt never collide).
void AddArg(const std::string& arg, const std::vector<std::string>& globs, ListSource& src,
            bool prefix_root = false) {
  std::error_code ec;
  if (arg != "-" && fs::is_directory(arg, ec)) {
    std::vector<Input> files;
    std::set<std::pair<dev_t, ino_t>> seen;
    Walk(arg, arg, globs, seen, files, src.problems);
    if (prefix_root) {
      std::string name = fs::path(arg).lexically_normal().filename().string();
      if (name.empty() || name == "." || name == "..") name = fs::absolute(arg, ec).lexically_normal().filename().string();
      for (auto& f : files) f.relative = name + "/" + f.relative;
    }
    std::sort(files.begin(), files.end(),
              [](const Input& a, const Input& b) { return a.path < b.path; });  // byte-wise
    if (files.empty()) {
      // Never silent: a directory that holds nothing to read is an input that failed.
      Input in;
      in.path = arg;
      in.relative = fs::path(arg).filename().string();
      std::string globs_list;
      for (const auto& g : globs) globs_list += (globs_list.empty() ? "" : ", ") + g;
      in.problem = Status(Code::kIsDirectory, "a directory with no files matching " + globs_list);
      src.inputs.push_back(std::move(in));
    }
    for (auto& f : files) src.inputs.push_back(std::move(f));
    return;
  }
  Input in;
  in.path = arg == "-" ? "<stdin>" : arg;
  in.read_from = arg;
  // A file mirrors under the path it was given by (a/x.txt -> OUT/a/x.json; "/" and ".." dropped).
  in.relative = arg == "-" ? "stdin" : arg;
  src.inputs.push_back(std::move(in));
}

class JsonlSource : public InputSource {
 public:
  bool Next(Input* in) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::string line;
    while (std::getline(std::cin, line)) {
      ++number_;
      if (line.empty() || line == "\r") continue;
      *in = Input();
      in->path = "<stdin>:" + std::to_string(number_);
      if (MaxNesting(line) > kMaxNesting) {
        in->problem = Status(Code::kBadRecord, "record nested too deeply");
        in->relative = in->path;
        return true;
      }
      try {
        YAML::Node rec = YAML::Load(line);
        if (!rec.IsMap() || !rec["text"] || !rec["text"].IsScalar()) {
          in->problem = Status(Code::kBadRecord, "record is not an object with a \"text\" string");
        } else {
          in->text = rec["text"].as<std::string>();
          if (rec["path"] && rec["path"].IsScalar()) in->path = rec["path"].as<std::string>();
        }
      } catch (const YAML::Exception& e) {
        in->problem = Status(Code::kBadRecord, std::string("record is not valid JSON: ") + e.msg);
      }
      in->relative = in->path;
      return true;
    }
    return false;
  }

 private:
  std::mutex mu_;
  size_t number_ = 0;
};

}  // namespace

Result<std::unique_ptr<InputSource>> ListInputs(const ListOptions& opt) {
  auto src = std::make_unique<ListSource>();
  std::vector<std::string> globs = opt.globs.empty() ? std::vector<std::string>{"*.txt", "*.md"} : opt.globs;
  for (const auto& a : opt.args) AddArg(a, globs, *src, opt.args.size() > 1);
  if (!opt.files_from.empty()) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (opt.files_from != "-") {
      file.open(opt.files_from);
      if (!file) return Status(Code::kUsage, opt.files_from + ": cannot read the list of files");
      in = &file;
    }
    std::string line;
    while (std::getline(*in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) AddArg(line, globs, *src);
    }
  }
  return std::unique_ptr<InputSource>(std::move(src));
}

std::unique_ptr<InputSource> JsonlRecords() { return std::make_unique<JsonlSource>(); }

}  // namespace congvan::cli
