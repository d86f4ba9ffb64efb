#include "cli/inputs.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "base/json.h"

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

// Lines of a file descriptor, each read into memory only up to a limit: a longer line is skipped to its
// end without being stored (the 1 GiB record of issue 13 no longer costs 5 GB before it is refused).
class BoundedLineReader {
 public:
  enum class Got { kLine, kTooLong, kEnd, kError };
  BoundedLineReader(int fd, size_t limit) : fd_(fd), limit_(limit) {}

  // The next line, without its "\n". kTooLong: the line had more than `limit` bytes (line is empty).
  // kError: read(2) failed (errno's text in error()); kEnd: no more bytes.
  Got Next(std::string* line) {
    line->clear();
    bool any = false, too_long = false;
    while (true) {
      if (pos_ == len_) {
        if (eof_) break;
        ssize_t n;
        do {
          n = ::read(fd_, buf_, sizeof buf_);
        } while (n < 0 && errno == EINTR);
        if (n < 0) {
          error_ = std::strerror(errno);
          eof_ = true;
          return Got::kError;
        }
        if (n == 0) {
          eof_ = true;
          break;
        }
        pos_ = 0;
        len_ = static_cast<size_t>(n);
      }
      any = true;
      const char* start = buf_ + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - start) : len_ - pos_;
      if (!too_long) {
        if (line->size() + take > limit_) {
          too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return too_long ? Got::kTooLong : Got::kLine;
      }
    }
    if (!any) return Got::kEnd;
    return too_long ? Got::kTooLong : Got::kLine;
  }
  const std::string& error() const { return error_; }

 private:
  int fd_;
  size_t limit_;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
  std::string error_;
};

class JsonlSource : public InputSource {
 public:
  explicit JsonlSource(size_t max_bytes)
      : max_bytes_(max_bytes), limit_(RecordLimit(max_bytes)), reader_(0, limit_) {}

  // The longest record line that can hold a text of max_bytes: every byte escaped ("\u00XX") is 6.
  static size_t RecordLimit(size_t max_bytes) {
    return max_bytes > (SIZE_MAX - kRecordSlack) / 6 ? SIZE_MAX : 6 * max_bytes + kRecordSlack;
  }

  bool Next(Input* in) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::string line;
    while (true) {
      auto got = reader_.Next(&line);
      if (got == BoundedLineReader::Got::kEnd || done_) return false;
      ++number_;
      *in = Input();
      in->record = number_;
      in->path = "<stdin>:" + std::to_string(number_);
      in->relative = in->path;
      if (got == BoundedLineReader::Got::kError) {
        in->problem = Status(Code::kIo, "cannot read stdin: " + reader_.error());
        done_ = true;
        return true;
      }
      if (got == BoundedLineReader::Got::kTooLong) {
        in->problem = Status(Code::kTooLarge, "record longer than " + std::to_string(limit_) +
                                                  " bytes, more than a text of " + std::to_string(max_bytes_) +
                                                  " bytes (--max-bytes) can take as JSON; not read");
        return true;
      }
      if (line.empty() || line == "\r") continue;  // blank lines are skipped but counted
      Read(line, in);
      return true;
    }
  }

 private:
  // Room for the path and the other members beside the escaped text.
  static constexpr size_t kRecordSlack = 64 << 10;

  static void Read(std::string& line, Input* in) {
    auto rec = json::Parse(line);
    if (!rec.ok()) {
      in->problem = Status(Code::kBadRecord, "record is not valid JSON: " + rec.status().message());
      return;
    }
    json::Value* text = rec->Find("text");
    if (!rec->IsObject() || !text || !text->IsString()) {
      in->problem = Status(Code::kBadRecord, "record is not an object with a \"text\" string");
      return;
    }
    const json::Value& path = rec->Get("path");
    if (!path.IsNull()) {
      if (!path.IsString()) {
        in->problem = Status(Code::kBadRecord, "record's \"path\" is not a string");
        return;
      }
      if (path.String().find('\0') != std::string::npos) {
        in->problem = Status(Code::kBadRecord, "record's \"path\" contains a NUL byte (\\u0000)");
        return;
      }
      in->path = path.String();
    }
    in->relative = in->path;
    in->text = std::move(text->MutableString());
  }

  size_t max_bytes_, limit_;
  std::mutex mu_;
  BoundedLineReader reader_;
  size_t number_ = 0;
  bool done_ = false;
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
      if (line.find('\0') != std::string::npos) {
        // A NUL ends a C path: "a\0b" would open "a". Refused, shown with the NUL as "\0".
        Input bad;
        for (char c : line) bad.path += c == '\0' ? std::string("\\0") : std::string(1, c);
        bad.relative = bad.path;
        bad.problem = Status(Code::kUsage, "a path with a NUL byte (in --files-from): not read");
        src->inputs.push_back(std::move(bad));
        continue;
      }
      if (!line.empty()) AddArg(line, globs, *src);
    }
  }
  return std::unique_ptr<InputSource>(std::move(src));
}

std::unique_ptr<InputSource> JsonlRecords(size_t max_bytes) { return std::make_unique<JsonlSource>(max_bytes); }

}  // namespace congvan::cli
