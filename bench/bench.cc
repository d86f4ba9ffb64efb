// congvan_bench: how fast `congvan parse` is, beside the floor program (/work/shared/perf/floor.cpp) timed
// in the same run over the same directories, with the targets of issue 9. Not a test: it prints numbers.
//
//   build/congvan_bench [--quick] [--runs 3] [--seed-files 5000] [--corpus DIR | --no-corpus]
//                       [--yaml seeds|all|none] [--[no-]valgrind] [--valgrind-files 100] [--one-runs 5]
//                       [--mb N] [--small N] [--binary PATH] [--floor PATH] [--shared DIR]
//                       [--samples DIR] [--workdir DIR] [--keep]
//
// Workloads (each a directory handed whole to one process):
//   seeds   --seed-files copies of the five seed dispatches samples/0*.txt, cycled, 100 per subfolder;
//   corpus  the real corpus SHARED/corpus/docs, used in place (skipped when absent);
//   mixed   (--mb N) copies of all samples/*.txt until about N MB;  small  (--small N) N files cycled
//           from all samples. Both off by default.
// For each workload, best wall time of --runs runs (interleaved, so drift hits all alike) of:
//   floor PATTERNS DIR > /dev/null, and congvan parse -q --format jsonl -j 1 / -j 2 DIR > /dev/null
//   (and yaml -j 1 / -j 2 where --yaml says), with MB/s, docs/s, CPU seconds, peak RSS (wait4) and the
//   ratio to the floor's MB/s in the same run.
// Then: one document end to end (congvan parse samples/000_*.txt > /dev/null, best of --one-runs);
// instructions under callgrind for congvan and the floor on the first --valgrind-files seed files, on one
// seed, and on a tiny document (start-up), so per input byte with and without the one-time costs (skipped
// when valgrind is absent, or with --no-valgrind); the scaling check (one 1 MB document against
// one 16 MB document, start-up subtracted); the RSS-flat check (a quarter of the seeds against all).
// Ends with a markdown summary. Targets (issue 9): jsonl -j1 over the seeds >= 0.5x the floor (aim
// 0.75x); jsonl -j1 over the real corpus >= 60 MB/s; -j2 >= 1.8x -j1; one document <= 30 ms (aim 15 ms).
//
// The floor is built at run time into the work directory with the line of SHARED/perf/README.md
// (g++ -std=c++17 -O2 ... $(pkg-config --cflags --libs icu-uc re2)), unless --floor names a binary.
// Exit status: 0, or 1 when a timed process failed (targets not met do not change it), 2 on bad usage.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef CONGVAN_SOURCE_DIR
#define CONGVAN_SOURCE_DIR "."
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string Format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string Format(const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) {  // for /bin/sh
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string LoadAvg() {
  std::string s = ReadAll("/proc/loadavg");
  std::istringstream in(s);
  std::string a, b, c;
  in >> a >> b >> c;
  return a.empty() ? "?" : a + " " + b + " " + c;
}

// ---- processes ----

struct Run {
  double wall = 0;   // seconds
  double cpu = 0;    // user + system seconds
  long rss_kb = 0;   // peak resident set
  int status = -1;   // exit status; -1 when killed or not run
  bool ok() const { return status == 0; }
};

// Runs args[0] with args, stdout to `out`, stderr to `err` (empty: inherited), as one timed process.
Run Exec(const std::vector<std::string>& args, const std::string& out = "/dev/null",
         const std::string& err = "") {
  Run r;
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(stdout);
  // posix_spawn, not fork: a fork copies the bench's own page tables, which showed as milliseconds of the
  // child's wall time in the one-document figure.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!err.empty()) posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  auto t0 = Clock::now();
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return r;
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  r.wall = std::chrono::duration<double>(Clock::now() - t0).count();
  r.cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  r.rss_kb = ru.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// The best (least wall time) of several runs, and the largest peak RSS among them.
struct Best {
  Run best;
  long max_rss_kb = 0;
  int runs = 0;
  bool failed = false;
  void Add(const Run& r) {
    if (!r.ok()) failed = true;
    if (runs == 0 || r.wall < best.wall) best = r;
    max_rss_kb = std::max(max_rss_kb, r.rss_kb);
    ++runs;
  }
};

// ---- workloads ----

struct Workload {
  std::string name;  // seeds, corpus, mixed, small
  std::string what;  // a description for the table
  fs::path dir;
  size_t files = 0;
  size_t bytes = 0;
  bool yaml = false;
};

struct Sample {
  std::string name;
  std::string text;
};

std::vector<Sample> LoadSamples(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".txt" && n.rfind(prefix, 0) == 0) {
      paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Sample> out;
  for (const auto& p : paths) out.push_back({p.filename().string(), ReadAll(p)});
  return out;
}

// Writes copies of the samples, cycled, into dir (100 per subfolder) until `max_files` or `max_bytes`.
Workload Build(const std::string& name, const fs::path& dir, const std::vector<Sample>& samples,
               size_t max_files, size_t max_bytes) {
  Workload w{name, "", dir};
  fs::remove_all(dir);
  while (w.files < max_files && w.bytes < max_bytes) {
    fs::path sub = dir / Format("d%03zu", w.files / 100);
    if (w.files % 100 == 0) fs::create_directories(sub);
    const std::string& text = samples[w.files % samples.size()].text;
    std::ofstream(sub / Format("doc%05zu.txt", w.files), std::ios::binary) << text;
    w.bytes += text.size();
    ++w.files;
  }
  return w;
}

// Counts an existing tree. Both programs must see the same files: the floor reads every regular file,
// congvan only *.txt and *.md, so any other file is reported.
std::optional<Workload> Scan(const std::string& name, const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  Workload w{name, "", dir};
  size_t others = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (ext != ".txt" && ext != ".md") ++others;
    ++w.files;
    w.bytes += e.file_size();
  }
  if (others) {
    std::printf("warning: %zu files in %s are neither .txt nor .md: the floor reads them, congvan does not\n",
                others, dir.c_str());
  }
  return w;
}

// ---- targets ----

struct Target {
  std::string what, value, want, status;
};

std::string Status(bool met, bool aim_met = true, const std::string& aim = "") {
  if (!met) return "NOT met";
  if (!aim.empty() && !aim_met) return "met (aim " + aim + " not yet)";
  return "met";
}

std::optional<long long> CallgrindTotal(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::optional<long long> summary, totals;
  while (std::getline(in, line)) {
    if (line.rfind("summary:", 0) == 0) summary = std::atoll(line.c_str() + 8);
    if (line.rfind("totals:", 0) == 0) totals = std::atoll(line.c_str() + 7);
  }
  return summary ? summary : totals;
}

std::string Commas(long long n) {
  std::string s = std::to_string(n), out;
  int k = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (k && k % 3 == 0 && *it != '-') out += ',';
    out += *it;
    ++k;
  }
  return {out.rbegin(), out.rend()};
}

std::string Usage() {
  return "usage: congvan_bench [--quick] [--runs N] [--seed-files N] [--corpus DIR | --no-corpus]\n"
         "                     [--yaml seeds|all|none] [--[no-]valgrind] [--valgrind-files N] [--one-runs N]\n"
         "                     [--mb N] [--small N] [--binary PATH] [--floor PATH] [--shared DIR]\n"
         "                     [--samples DIR] [--workdir DIR] [--keep]\n"
         "  --quick   --runs 1 --one-runs 3 --seed-files 1000 --yaml none --no-valgrind\n";
}

fs::path SelfDir() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : p.parent_path();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3, one_runs = 5;
  size_t seed_files = 5000, valgrind_files = 100, small = 0;
  double mb = 0;
  std::string yaml_where = "seeds";
  bool use_valgrind = true, use_corpus = true, keep = false;
  std::string binary, floor_bin, shared, samples_dir, workdir, corpus_dir;
  for (int i = 1; i < argc; ++i) {  // --quick first, so that later flags override it
    if (std::string(argv[i]) == "--quick") {
      runs = 1, one_runs = 3, seed_files = 1000, yaml_where = "none", use_valgrind = false;
    }
  }
  try {
    for (int i = 1; i < argc; ++i) {
      std::string a = argv[i];
      auto next = [&]() -> std::string {
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
        return argv[++i];
      };
      if (a == "--quick") continue;
      else if (a == "--runs") runs = std::max(1, std::stoi(next()));
      else if (a == "--one-runs") one_runs = std::max(1, std::stoi(next()));
      else if (a == "--seed-files") seed_files = std::stoul(next());
      else if (a == "--corpus") corpus_dir = next();
      else if (a == "--no-corpus") use_corpus = false;
      else if (a == "--yaml") yaml_where = next();
      else if (a == "--no-valgrind") use_valgrind = false;
      else if (a == "--valgrind") use_valgrind = true;
      else if (a == "--valgrind-files") valgrind_files = std::stoul(next());
      else if (a == "--mb") mb = std::stod(next());
      else if (a == "--small") small = std::stoul(next());
      else if (a == "--binary") binary = next();
      else if (a == "--floor") floor_bin = next();
      else if (a == "--shared") shared = next();
      else if (a == "--samples") samples_dir = next();
      else if (a == "--workdir") workdir = next();
      else if (a == "--keep") keep = true;
      else if (a == "--help" || a == "-h") { std::cout << Usage(); return 0; }
      else throw std::invalid_argument("unknown option " + a);
    }
    if (yaml_where != "seeds" && yaml_where != "all" && yaml_where != "none") {
      throw std::invalid_argument("--yaml takes seeds, all or none");
    }
  } catch (const std::exception& e) {
    std::cerr << "congvan_bench: " << e.what() << "\n" << Usage();
    return 2;
  }
  std::error_code ec;
  const fs::path src = CONGVAN_SOURCE_DIR;
  auto first_existing = [&](std::vector<fs::path> candidates, const std::string& inside) -> fs::path {
    for (const auto& c : candidates) {
      if (!c.empty() && fs::exists(c / inside, ec)) return c;
    }
    return {};
  };
  if (binary.empty()) {  // beside this program (build/), else build/ under the current directory
    fs::path d = first_existing({SelfDir(), "build"}, "congvan");
    binary = d.empty() ? "build/congvan" : (d / "congvan").string();
  }
  if (samples_dir.empty()) samples_dir = first_existing({"samples", src / "samples"}, "").string();
  if (shared.empty()) {
    shared = first_existing({src / ".." / "shared", "../shared", "/work/shared"}, "perf/floor.cpp").string();
  }
  if (samples_dir.empty() || !fs::is_directory(samples_dir)) {
    std::cerr << "congvan_bench: no samples directory (use --samples)\n";
    return 2;
  }
  if (!fs::exists(binary)) {
    std::cerr << "congvan_bench: no binary " << binary << " (use --binary)\n";
    return 2;
  }
  binary = fs::weakly_canonical(fs::absolute(binary)).string();
  if (!shared.empty()) shared = fs::weakly_canonical(fs::absolute(shared)).string();
  auto seeds_text = LoadSamples(samples_dir, "0");
  auto all_text = LoadSamples(samples_dir, "");
  if (seeds_text.empty()) {
    std::cerr << "congvan_bench: no seed dispatches samples/0*.txt in " << samples_dir << "\n";
    return 2;
  }
  fs::path work = workdir.empty() ? fs::temp_directory_path() / ("congvan-bench-" + std::to_string(getpid()))
                                  : fs::path(workdir);
  fs::create_directories(work);
  work = fs::absolute(work);

  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M", std::localtime(&now));
  std::string version;
  if (FILE* p = popen((Quote(binary) + " --version 2>/dev/null").c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) version += buf;
    pclose(p);
    while (!version.empty() && version.back() == '\n') version.pop_back();
  }
  std::string load_start = LoadAvg();
  std::printf("congvan_bench %s: %s (%s), %u cores, load %s, best of %d run(s)\n", date, binary.c_str(),
              version.c_str(), std::thread::hardware_concurrency(), load_start.c_str(), runs);
  bool failed = false;

  // ---- the floor ----
  fs::path patterns = shared.empty() ? fs::path() : fs::path(shared) / "perf" / "patterns.txt";
  if (floor_bin.empty() && !shared.empty()) {
    fs::path out = work / "floor";
    std::string cmd = "g++ -std=c++17 -O2 -o " + Quote(out.string()) + " " +
                      Quote((fs::path(shared) / "perf" / "floor.cpp").string()) +
                      " $(pkg-config --cflags --libs icu-uc re2)";
    std::printf("floor: %s\n", cmd.c_str());
    if (std::system(cmd.c_str()) == 0) floor_bin = out.string();
    else std::printf("floor: build failed; no floor ratios\n");
  }
  if (!floor_bin.empty()) floor_bin = fs::absolute(floor_bin).string();
  bool have_floor = !floor_bin.empty() && fs::exists(patterns);
  if (!have_floor) std::printf("floor: none (no shared/perf/floor.cpp and patterns.txt; use --shared or --floor)\n");
  else std::printf("floor: %s %s DIR\n", floor_bin.c_str(), patterns.c_str());

  // ---- workloads ----
  std::vector<Workload> loads;
  {
    Workload w = Build("seeds", work / "seeds", seeds_text, seed_files, SIZE_MAX);
    w.what = Format("%zu copies of the %zu seeds", w.files, seeds_text.size());
    w.yaml = yaml_where != "none";
    loads.push_back(w);
  }
  if (use_corpus) {
    if (corpus_dir.empty() && !shared.empty()) corpus_dir = (fs::path(shared) / "corpus" / "docs").string();
    auto c = corpus_dir.empty() ? std::nullopt : Scan("corpus", corpus_dir);
    if (c) {
      c->what = "real corpus, in place";
      c->yaml = yaml_where == "all";
      loads.push_back(*c);
    } else {
      std::printf("corpus: %s absent, skipped\n", corpus_dir.empty() ? "(none)" : corpus_dir.c_str());
    }
  }
  if (mb > 0) {
    Workload w = Build("mixed", work / "mixed", all_text, SIZE_MAX, static_cast<size_t>(mb * 1e6));
    w.what = Format("all %zu samples, cycled", all_text.size());
    w.yaml = yaml_where != "none";
    loads.push_back(w);
  }
  if (small > 0) {
    Workload w = Build("small", work / "small", all_text, small, SIZE_MAX);
    w.what = Format("all %zu samples, cycled", all_text.size());
    w.yaml = yaml_where != "none";
    loads.push_back(w);
  }

  // ---- timings ----
  struct Row {
    std::string workload, run;
    size_t files, bytes;
    Best b;
    double floor_mbs = 0;  // of the same workload, same run
    double MBs() const { return b.best.wall > 0 ? bytes / 1e6 / b.best.wall : 0; }
  };
  std::vector<Row> rows;
  std::vector<Target> targets;
  long seeds_rss_kb = 0;
  for (const auto& w : loads) {
    std::printf("\n%s: %s, %s: %zu files, %.1f MB\n", w.name.c_str(), w.what.c_str(), w.dir.c_str(), w.files,
                w.bytes / 1e6);
    std::vector<std::string> fmts = {"jsonl"};
    if (w.yaml) fmts.push_back("yaml");
    Best floor;
    std::vector<Best> parse(fmts.size() * 2);
    for (int k = 0; k < runs; ++k) {  // interleaved, so that a slow spell of the machine hits all alike
      if (have_floor) floor.Add(Exec({floor_bin, patterns.string(), w.dir.string()}));
      for (size_t f = 0; f < fmts.size(); ++f) {
        for (int jobs : {1, 2}) {
          parse[f * 2 + jobs - 1].Add(Exec({binary, "parse", "-q", "--format", fmts[f], "-j",
                                            std::to_string(jobs), w.dir.string()}));
        }
      }
    }
    double floor_mbs = have_floor && floor.best.wall > 0 ? w.bytes / 1e6 / floor.best.wall : 0;
    if (have_floor) rows.push_back({w.name, "floor", w.files, w.bytes, floor, floor_mbs});
    for (size_t f = 0; f < fmts.size(); ++f) {
      for (int jobs : {1, 2}) {
        rows.push_back({w.name, fmts[f] + " -j" + std::to_string(jobs), w.files, w.bytes,
                        parse[f * 2 + jobs - 1], floor_mbs});
      }
    }
    std::printf("  %-10s %8s %8s %8s %9s %8s %8s\n", "run", "wall s", "cpu s", "MB/s", "docs/s", "x floor",
                "RSS MB");
    for (const auto& r : rows) {
      if (r.workload != w.name) continue;
      std::printf("  %-10s %8.3f %8.3f %8.1f %9.0f %8.3f %8.1f%s\n", r.run.c_str(), r.b.best.wall, r.b.best.cpu,
                  r.MBs(), r.files / r.b.best.wall, floor_mbs > 0 ? r.MBs() / floor_mbs : 0,
                  r.b.max_rss_kb / 1024.0, r.b.failed ? "  (a run failed)" : "");
      failed |= r.b.failed;
    }
    // Targets for this workload.
    auto find = [&](const std::string& run) -> const Row* {
      for (const auto& r : rows) {
        if (r.workload == w.name && r.run == run) return &r;
      }
      return nullptr;
    };
    const Row* j1 = find("jsonl -j1");
    if (w.name == "seeds") {
      seeds_rss_kb = j1->b.max_rss_kb;
      if (floor_mbs > 0) {
        double x = j1->MBs() / floor_mbs;
        targets.push_back({"seeds: jsonl -j1, x floor", Format("%.3fx", x), ">= 0.5x (aim 0.75x)",
                           j1->b.failed ? "failed" : Status(x >= 0.5, x >= 0.75, "0.75x")});
      } else {
        targets.push_back({"seeds: jsonl -j1, x floor", "no floor", ">= 0.5x (aim 0.75x)", "n/a"});
      }
    }
    if (w.name == "corpus") {
      targets.push_back({"corpus: jsonl -j1", Format("%.1f MB/s", j1->MBs()), ">= 60 MB/s",
                         j1->b.failed ? "failed" : Status(j1->MBs() >= 60)});
    }
    for (const auto& f : fmts) {
      const Row* one = find(f + " -j1");
      const Row* two = find(f + " -j2");
      double x = two->MBs() / std::max(1e-9, one->MBs());
      targets.push_back({w.name + ": " + f + " -j2 / -j1", Format("%.2fx", x), ">= 1.8x",
                         one->b.failed || two->b.failed ? "failed" : Status(x >= 1.8)});
    }
  }

  // ---- one document, end to end ----
  std::optional<double> one_doc_ms;
  {
    fs::path doc;
    for (const auto& s : seeds_text) {
      if (s.name.rfind("000_", 0) == 0) doc = fs::path(samples_dir) / s.name;
    }
    if (doc.empty()) doc = fs::path(samples_dir) / seeds_text[0].name;
    Best b;
    for (int k = 0; k < one_runs; ++k) b.Add(Exec({binary, "parse", doc.string()}));
    one_doc_ms = b.best.wall * 1e3;
    failed |= b.failed;
    std::printf("\none document: congvan parse %s > /dev/null: best of %d %.1f ms (cpu %.1f ms, RSS %.1f MB)%s\n",
                doc.filename().c_str(), one_runs, *one_doc_ms, b.best.cpu * 1e3, b.max_rss_kb / 1024.0,
                b.failed ? "  (a run failed)" : "");
    targets.push_back({"one document, end to end (json)", Format("%.1f ms", *one_doc_ms), "<= 30 ms (aim 15 ms)",
                       b.failed ? "failed" : Status(*one_doc_ms <= 30, *one_doc_ms <= 15, "15 ms")});
  }

  // A tiny document, for start-up costs (the scaling check and callgrind).
  fs::path tiny = work / "tiny";
  fs::create_directories(tiny);
  std::ofstream(tiny / "doc.txt") << "Số: 1/UBND\n";

  // ---- instructions per byte (callgrind) ----
  // Three runs each, for congvan and the floor: the subset (the first --valgrind-files seed files), one
  // seed document alone, and the tiny document (start-up). "Per byte after the first document" is
  // (subset - one seed) / (subset bytes - seed bytes): the steady cost, without start-up or the work done
  // once, on the first document.
  struct Instr {
    std::string who;
    long long subset = -1, one = -1, startup = -1;
    bool ok() const { return subset >= 0 && one >= 0 && startup >= 0; }
  };
  std::vector<Instr> instr;
  size_t vg_bytes = 0, vg_files = 0, vg_one_bytes = 0;
  if (use_valgrind && valgrind_files > 0) {
    if (std::system("command -v valgrind >/dev/null 2>&1") != 0) {
      std::printf("\ncallgrind: valgrind not found, skipped\n");
    } else {
      Workload vg = Build("vg", work / "vg", seeds_text, valgrind_files, SIZE_MAX);
      Workload one = Build("vg1", work / "vg1", seeds_text, 1, SIZE_MAX);
      vg_bytes = vg.bytes, vg_files = vg.files, vg_one_bytes = one.bytes;
      std::printf("\ncallgrind: %zu seed files, %.1f KB; one seed, %.1f KB; a tiny document (start-up)\n",
                  vg.files, vg.bytes / 1e3, one.bytes / 1e3);
      auto count = [&](const std::string& tag, std::vector<std::string> cmd) -> long long {
        fs::path out = work / ("callgrind." + tag + ".out"), log = work / ("callgrind." + tag + ".log");
        std::vector<std::string> args = {"valgrind", "--tool=callgrind", "--callgrind-out-file=" + out.string()};
        args.insert(args.end(), cmd.begin(), cmd.end());
        Run r = Exec(args, "/dev/null", log.string());
        auto total = CallgrindTotal(out);
        if (!r.ok() || !total) {
          std::printf("  %s: callgrind run failed (status %d; see %s)\n", tag.c_str(), r.status, log.c_str());
          failed = true;
          return -1;
        }
        return *total;
      };
      auto measure = [&](const std::string& who, const std::string& tag, const std::vector<std::string>& cmd) {
        auto with = [&](const fs::path& d) { auto v = cmd; v.push_back(d.string()); return v; };
        Instr i{who};
        i.subset = count(tag, with(vg.dir));
        i.one = count(tag + "-one", with(one.dir));
        i.startup = count(tag + "-tiny", with(tiny));
        instr.push_back(i);
      };
      measure("congvan jsonl -j1", "congvan", {binary, "parse", "-q", "-j", "1", "--format", "jsonl"});
      if (have_floor) measure("floor", "floor", {floor_bin, patterns.string()});
      for (const auto& i : instr) {
        if (!i.ok()) continue;
        std::printf("  %-18s %16s instructions (%.0f per byte); start-up %s; one seed %s; "
                    "%.0f per byte after the first document\n",
                    i.who.c_str(), Commas(i.subset).c_str(), double(i.subset) / vg.bytes,
                    Commas(i.startup).c_str(), Commas(i.one).c_str(),
                    double(i.subset - i.one) / std::max<size_t>(1, vg.bytes - one.bytes));
      }
    }
  }

  // ---- linear time in the input: one document of N bytes against one of 16 N bytes ----
  double scale_ratio = 0;
  {
    std::string unit;  // about 1 MB, so one-time costs (compiling rule sets) do not hide the slope
    while (unit.size() < 1000000) {
      for (const auto& t : all_text) unit += t.text + "\n";
    }
    fs::path one = work / "scale1", sixteen = work / "scale16";
    fs::create_directories(one);
    fs::create_directories(sixteen);
    std::string text16;
    for (int i = 0; i < 16; ++i) text16 += unit;
    std::ofstream(one / "doc.txt", std::ios::binary) << unit;
    std::ofstream(sixteen / "doc.txt", std::ios::binary) << text16;
    Best t1, t16, t0;
    for (int k = 0; k < runs; ++k) {
      auto run = [&](const fs::path& d) { return Exec({binary, "parse", "-q", "-j", "1", "--format", "jsonl", d.string()}); };
      t0.Add(run(tiny));
      t1.Add(run(one));
      t16.Add(run(sixteen));
    }
    failed |= t0.failed || t1.failed || t16.failed;
    // Subtract the start-up (a run on a tiny file) so the ratio measures the work on the text; one-time
    // compilation of rule sets still counts in the 1x run, so the ratio errs on the safe side.
    scale_ratio = (t16.best.wall - t0.best.wall) / std::max(1e-6, t1.best.wall - t0.best.wall);
    std::printf("\nscaling: %.0f KB in %.3f s, 16x (%.0f KB) in %.3f s, start-up %.3f s: %.1fx the time for "
                "16x the text\n",
                unit.size() / 1e3, t1.best.wall, text16.size() / 1e3, t16.best.wall, t0.best.wall, scale_ratio);
    targets.push_back({"scaling: 16x the text (start-up subtracted)", Format("%.1fx the time", scale_ratio),
                       "< 20x", Status(scale_ratio < 20)});
  }

  // ---- peak RSS stays flat as the input grows: a quarter of the seeds against all of them ----
  {
    Workload q = Build("seeds4", work / "seeds4", seeds_text, std::max<size_t>(1, seed_files / 4), SIZE_MAX);
    Run r = Exec({binary, "parse", "-q", "--format", "jsonl", "-j", "1", q.dir.string()});
    failed |= !r.ok();
    bool flat = seeds_rss_kb <= r.rss_kb * 1.25 + 4096;
    std::printf("\nRSS, jsonl -j1: %.1f MB on %zu seed files, %.1f MB on %zu\n", r.rss_kb / 1024.0, q.files,
                seeds_rss_kb / 1024.0, loads[0].files);
    targets.push_back({"peak RSS, jsonl -j1, as the input grows", Format("%.1f MB -> %.1f MB (%zu -> %zu files)", r.rss_kb / 1024.0,
                                                      seeds_rss_kb / 1024.0, q.files, loads[0].files),
                       "flat (<= 1.25x + 4 MB)", Status(flat)});
  }

  // ---- summary ----
  std::string load_end = LoadAvg();
  std::printf("\n## congvan_bench, %s (%s, %u cores, load %s -> %s, best of %d)\n\n", date, version.c_str(),
              std::thread::hardware_concurrency(), load_start.c_str(), load_end.c_str(), runs);
  std::printf("| workload | run | wall s | cpu s | MB/s | docs/s | x floor | peak RSS MB |\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& r : rows) {
    std::string where = r.workload + Format(" (%zu files, %.1f MB)", r.files, r.bytes / 1e6);
    std::printf("| %s | %s | %.3f | %.3f | %.1f | %.0f | %s | %.1f |\n", where.c_str(), r.run.c_str(),
                r.b.best.wall, r.b.best.cpu, r.MBs(), r.files / r.b.best.wall,
                r.floor_mbs > 0 ? Format("%.3f", r.MBs() / r.floor_mbs).c_str() : "-", r.b.max_rss_kb / 1024.0);
  }
  if (!instr.empty()) {
    std::printf("\n| callgrind (instructions) | %zu seed files, %.1f KB | per byte | start-up (tiny doc) | "
                "one seed, %.1f KB | per byte after the first document |\n",
                vg_files, vg_bytes / 1e3, vg_one_bytes / 1e3);
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    for (const auto& i : instr) {
      if (!i.ok()) {
        std::printf("| %s | failed | | | | |\n", i.who.c_str());
        continue;
      }
      std::printf("| %s | %s | %.0f | %s | %s | %.0f |\n", i.who.c_str(), Commas(i.subset).c_str(),
                  double(i.subset) / vg_bytes, Commas(i.startup).c_str(), Commas(i.one).c_str(),
                  double(i.subset - i.one) / std::max<size_t>(1, vg_bytes - vg_one_bytes));
    }
  }
  std::printf("\n| target (issue 9) | measured | wanted | status |\n|---|---|---|---|\n");
  for (const auto& t : targets) {
    std::printf("| %s | %s | %s | %s |\n", t.what.c_str(), t.value.c_str(), t.want.c_str(), t.status.c_str());
  }
  if (!keep) fs::remove_all(work);
  else std::printf("\nwork directory kept: %s\n", work.c_str());
  return failed ? 1 : 0;
}
