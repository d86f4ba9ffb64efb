#include "cli/batch.h"

#include "extract/owners.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "cli/io.h"
#include "emit/document_writer.h"
#include "emit/ics.h"
#include "pipeline/parse.h"

namespace congvan::cli {
namespace {

namespace fs = std::filesystem;

enum class Outcome { kParsed, kFailed, kSkipped };

struct Result {
  std::string err;  // a line for stderr, or ""
  Outcome outcome = Outcome::kParsed;
  // For stdout or the single output file: what to print, rendered by the thread that writes (so a
  // large document's output streams out in pieces instead of sitting whole in memory).
  bool print = false;
  std::string path;
  size_t bytes = 0;
  std::optional<model::Document> doc;
  Status status;
};

using Sink = std::function<void(std::string_view)>;

// Renders one document (or, without one, its error record) in `format`, handing the text to `sink` in
// pieces of about 64 KB. JSON ends with a newline unless `newline` is false (inside a JSON array).
// The contract a row is written in, and the digest of the grammar (congvan/2's generator).
struct Contract {
  int schema = 1;
  const grammar::Grammar* grammar = nullptr;
};

void WriteTree(const Contract& c, const std::string& path, size_t bytes, const model::Document* doc,
               const Status& status, emit::Writer& w) {
  if (c.schema == 2) {
    if (doc) {
      emit::WriteDocumentV2(*doc, [&](const std::string& name) { return extract::OwnerKey(*c.grammar, name); }, w);
    } else {
      emit::WriteErrorV2(path, bytes, status, c.grammar->digest(), w);
    }
  } else if (doc) {
    emit::WriteDocument(*doc, w);
  } else {
    emit::WriteError(path, bytes, status, w);
  }
}

void Render(const std::string& format, const Contract& contract, const std::string& path, size_t bytes,
            const model::Document* doc, const Status& status, bool newline, const Sink& sink) {
  if (format == "ics") {
    if (doc) sink(emit::IcsDocument(*doc));
  } else if (format == "yaml") {
    emit::YamlWriter w;
    w.SpillTo(sink);
    WriteTree(contract, path, bytes, doc, status, w);
    sink(w.str());
  } else {
    std::string out;
    emit::JsonWriter w(&out, format == "json");
    w.SpillTo(sink);
    WriteTree(contract, path, bytes, doc, status, w);
    if (newline) out += "\n";
    sink(out);
  }
}


// The mirrored output path: DIR/relative with its extension replaced.
std::string Target(const BatchOptions& opt, const Input& in) {
  fs::path rel = fs::path(in.relative).lexically_normal();
  // Never climb out of the output directory ("../x.txt", "/abs/x.txt").
  std::string clean;
  for (const auto& part : rel) {
    std::string s = part.string();
    if (s == ".." || s == "." || s == "/" || s.empty()) continue;
    clean += (clean.empty() ? "" : "/") + s;
  }
  if (clean.empty()) clean = "document";
  fs::path target = fs::path(opt.output) / clean;
  target.replace_extension(opt.format == "yaml" ? ".yaml" : ".json");
  return target.string();
}

// Where -o DIR leaves an input's error row when it cannot be read: NAME.error.json beside where NAME.json
// would be, so a rerun (which skips only what exists as NAME.json) tries it again.
std::string ErrorTarget(const std::string& target) {
  fs::path p(target);
  p.replace_extension(".error.json");
  return p.string();
}

// An input as named in messages: its path, or for a JSON Lines record with an empty "path", which
// record it is.
std::string Label(const Input& in) {
  if (!in.path.empty()) return in.path;
  return "\"\" (record on line " + std::to_string(in.record) + ")";
}

// Output paths claimed in this run, so two inputs never write one file.
struct Claims {
  std::mutex mu;
  std::map<std::string, std::string> by_target;  // target -> the label of the input that claimed it
  // Returns nullopt when `label` may write `target`, else the label of the input that claimed it first.
  std::optional<std::string> Claim(const std::string& target, const std::string& label) {
    std::lock_guard<std::mutex> lock(mu);
    auto [it, fresh] = by_target.emplace(target, label);
    if (fresh) return std::nullopt;
    return it->second;
  }
};

// What -o DIR decided for an input before it was parsed (in input order, so the outcome never
// depends on thread timing): the target, whether it already exists (skipped), or why it cannot be
// written (claimed by an earlier input, or a directory stands there).
struct Plan {
  std::string target;
  bool exists = false;
  std::string refused;  // a message for stderr, or ""
};

Plan PlanOutput(const Input& in, const BatchOptions& opt, Claims& claims) {
  Plan p;
  if (!opt.output_dir || in.problem) return p;
  p.target = Target(opt, in);
  std::error_code ec;
  // Two records with "path": "" both map to DIR/document.json: the second is refused, not written over
  // the first (Claim once took an empty path for "not claimed").
  if (auto taken_by = claims.Claim(p.target, Label(in))) {
    p.refused = "output " + p.target + " is already written for " + *taken_by;
  } else if (fs::is_directory(p.target, ec)) {
    p.refused = "output " + p.target + " is a directory, not a file: not written";
  } else {
    p.exists = !opt.force && fs::exists(p.target, ec);
  }
  return p;
}

Result Process(const Input& in, const grammar::Grammar& g, const BatchOptions& opt, const Plan& plan) {
  Result r;
  if (!plan.refused.empty()) {
    r.outcome = Outcome::kFailed;
    r.err = "congvan: " + Label(in) + ": " + plan.refused + "\n";
    return r;
  }
  if (plan.exists) {  // skipped before reading: a second run costs little
    r.outcome = Outcome::kSkipped;
    return r;
  }
  std::string bytes;
  Status status;
  if (in.problem) {
    status = *in.problem;
  } else if (!in.read_from.empty()) {
    auto read = ReadInput(in.read_from, opt.max_bytes);
    if (read.ok()) {
      bytes = std::move(read.value());
    } else {
      status = read.status();
    }
  } else if (in.text.size() > opt.max_bytes) {
    status = Status(Code::kTooLarge, "larger than " + std::to_string(opt.max_bytes) + " bytes (--max-bytes)");
  } else {
    bytes = in.text;
  }
  std::optional<model::Document> doc;
  if (status.ok()) {
    pipeline::ParseOptions po;
    po.encoding = opt.encoding;
    auto parsed = pipeline::Parse(bytes, in.path, g, po);
    if (parsed.ok()) {
      doc = std::move(parsed.value());
    } else {
      status = parsed.status();
    }
  }
  if (!status.ok()) {
    r.outcome = Outcome::kFailed;
    r.err = "congvan: " + Label(in) + ": " + status.message() + "\n";
  }
  std::string format = opt.format;
  if (opt.output_dir) {
    const std::string& target = plan.target;
    std::error_code ec;
    fs::create_directories(fs::path(target).parent_path(), ec);
    // An input that could not be read leaves its error row as NAME.error.json (no NAME.json, so a rerun
    // retries it); one read now clears the error row an earlier run left.
    const std::string error_target = ErrorTarget(target);
    if (doc) fs::remove(error_target, ec);
    AtomicFile file;
    Status s = file.Open(doc ? target : error_target);
    if (s.ok()) {
      Render(doc && format == "yaml" ? "yaml" : "json", {opt.schema, &g}, in.path, bytes.size(), doc ? &*doc : nullptr, status, true,
             [&](std::string_view data) {
               if (s.ok()) s = file.Write(data);
             });
    }
    if (s.ok()) s = file.Commit();
    if (!s.ok()) {
      r.outcome = Outcome::kFailed;
      r.err = "congvan: " + s.message() + "\n";
    }
    return r;
  }
  r.print = true;
  r.path = in.path;
  r.bytes = bytes.size();
  r.doc = std::move(doc);
  r.status = status;
  return r;
}

class Progress {
 public:
  Progress(bool on, std::optional<size_t> total) : on_(on), total_(total) {}
  void Update(size_t done, size_t failed, bool force = false) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? done / secs : 0;
    char buf[160];
    if (total_) {
      double eta = rate > 0 ? (*total_ - done) / rate : 0;
      std::snprintf(buf, sizeof buf, "\r\033[K%zu/%zu  %.0f docs/s  ETA %.0fs  %zu failed", done, *total_,
                    rate, eta, failed);
    } else {
      std::snprintf(buf, sizeof buf, "\r\033[K%zu  %.0f docs/s  %zu failed", done, rate, failed);
    }
    std::fputs(buf, stderr);
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  bool on_;
  bool shown_ = false;
  std::optional<size_t> total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

int RunBatch(InputSource& source, const grammar::Grammar& g, const BatchOptions& in_opt) {
  BatchOptions opt = in_opt;
  std::optional<size_t> count = source.Count();
  if (opt.format.empty()) opt.format = count && *count == 1 ? "json" : "jsonl";
  bool array = opt.format == "json" && !(count && *count == 1) && !opt.output_dir;
  bool to_file = !opt.output.empty() && !opt.output_dir;
  bool listing_failed = false;  // a directory not read, a symbolic link loop: said, and exit 1
  for (const auto& p : source.Problems()) {
    std::cerr << "congvan: " << p << "\n";
    listing_failed = true;
  }

  AtomicFile file;
  if (to_file) {
    if (Status s = file.Open(opt.output); !s.ok()) {  // before any input is read
      std::cerr << "congvan: " << s.message() << "\n";
      return 2;
    }
  }

  const int jobs = std::max(1, opt.jobs);
  Claims claims;
  const size_t window = 4 * static_cast<size_t>(jobs) + 4;
  std::mutex mu;
  std::condition_variable cv;
  std::map<size_t, Result> ready;
  size_t next_seq = 0, written = 0;
  bool source_done = false, stop = false;
  int running = jobs;

  auto worker = [&] {
    while (true) {
      Input in;
      Plan plan;
      size_t seq;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || source_done || next_seq < written + window; });
        if (stop || source_done) break;
        if (!source.Next(&in)) {
          source_done = true;
          cv.notify_all();
          break;
        }
        seq = next_seq++;
        plan = PlanOutput(in, opt, claims);
      }
      Result r = Process(in, g, opt, plan);
      std::lock_guard<std::mutex> lock(mu);
      ready.emplace(seq, std::move(r));
      cv.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu);
    --running;
    cv.notify_all();
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);

  // A progress line only where it cannot mix with the data: stderr a terminal, stdout not the same one.
  Progress progress(!opt.quiet && ::isatty(2) && (!::isatty(1) || to_file || opt.output_dir), count);
  size_t parsed = 0, failed = 0, skipped = 0;
  // Where the results go: stdout, or one file streamed through a temporary file as they come (it once
  // held the whole output in memory: 475 MB on a 58 MB corpus) and renamed at the end.
  // A closed stdout (EPIPE) stops the run quietly; any other write error stops it with a message, exit 2.
  bool broken_pipe = false;
  std::string write_error;
  auto emit = [&](std::string_view data) {
    if (data.empty() || broken_pipe || !write_error.empty()) return;
    if (to_file) {
      if (Status s = file.Write(data); !s.ok()) write_error = s.message();
      return;
    }
    std::string error;
    Written w = WriteStdout(data, &error);
    if (w == Written::kClosed) broken_pipe = true;
    if (w == Written::kFailed) write_error = error;
  };
  if (opt.format == "ics" && !opt.output_dir) emit(emit::IcsBegin());
  while (true) {
    Result r;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ready.count(written) || (running == 0 && ready.empty()); });
      auto it = ready.find(written);
      if (it == ready.end()) break;
      r = std::move(it->second);
      ready.erase(it);
      ++written;
      if (broken_pipe || !write_error.empty()) stop = true;
      cv.notify_all();
    }
    if (!r.err.empty()) {
      progress.Clear();
      std::cerr << r.err;
    }
    if (r.outcome == Outcome::kParsed) ++parsed;
    if (r.outcome == Outcome::kFailed) ++failed;
    if (r.outcome == Outcome::kSkipped) ++skipped;
    if (array) emit(written == 1 ? "[\n" : ",\n");
    if (opt.format == "yaml" && !opt.output_dir && !(count && *count == 1)) emit("---\n");
    if (r.print) {
      Render(opt.format, {opt.schema, &g}, r.path, r.bytes, r.doc ? &*r.doc : nullptr, r.status, !array, emit);
    }
    progress.Update(written, failed);
  }
  for (auto& t : threads) t.join();
  if (array) emit(written == 0 ? "[]\n" : "\n]\n");
  if (opt.format == "ics" && !opt.output_dir) emit(emit::IcsEnd());
  progress.Clear();
  if (to_file && write_error.empty()) {
    if (Status s = file.Commit(); !s.ok()) write_error = s.message();
  }
  if (!write_error.empty()) {
    std::cerr << "congvan: " << write_error << "\n";
    return 2;
  }
  bool several = !(count && *count == 1);
  if (several && !opt.quiet && !broken_pipe && (::isatty(2) || opt.output_dir)) {
    double secs = progress.Seconds();
    std::fprintf(stderr, "congvan: %zu inputs: %zu parsed, %zu failed, %zu skipped in %.2f s (%.0f docs/s parsed)\n",
                 written, parsed, failed, skipped, secs, secs > 0 ? parsed / secs : 0.0);
  }
  return failed || listing_failed ? 1 : 0;
}

}  // namespace congvan::cli
