// congvan_bench: throughput of `congvan parse` on a corpus built from samples/, beside floors measured in
// the same run on the same bytes (reading the files; one ICU NFC pass). Not a test: it prints numbers.
//
//   build/congvan_bench [--mb 200] [--small 20000] [--binary build/congvan] [--samples samples]
//                       [--workdir DIR] [--keep]
//
// Corpus A: copies of the sample documents until about --mb megabytes. Corpus B: --small files cycled
// from the samples. For each: parse -> jsonl and -> yaml with 1 and 2 jobs, MB/s, documents/s, ratio to
// the floors, and the peak RSS of the parse process (wait4). RSS is also measured on a quarter of
// corpus A, to show it stays flat as the corpus grows. Targets (issue 4): jsonl >= 100 MB/s per core,
// yaml >= 50 MB/s per core, 2 jobs >= 1.8x one job, RSS flat.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Corpus {
  fs::path dir;
  size_t files = 0;
  size_t bytes = 0;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> LoadSamples(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(ReadAll(p));
  return texts;
}

// Writes copies of the samples into dir (100 per subfolder) until `max_files` files or `max_bytes`.
Corpus Build(const fs::path& dir, const std::vector<std::string>& samples, size_t max_files,
             size_t max_bytes) {
  Corpus c{dir};
  fs::remove_all(dir);
  while (c.files < max_files && c.bytes < max_bytes) {
    fs::path sub = dir / ("d" + std::to_string(c.files / 100));
    if (c.files % 100 == 0) fs::create_directories(sub);
    const std::string& text = samples[c.files % samples.size()];
    std::ofstream(sub / ("doc" + std::to_string(c.files) + ".txt"), std::ios::binary) << text;
    c.bytes += text.size();
    ++c.files;
  }
  return c;
}

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Floor 1: read every file of the corpus.
double ReadFloor(const Corpus& c) {
  auto t0 = Clock::now();
  size_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(c.dir)) {
    if (e.is_regular_file()) total += ReadAll(e.path()).size();
  }
  double s = Seconds(t0, Clock::now());
  if (total != c.bytes) std::cerr << "bench: read " << total << " of " << c.bytes << " bytes\n";
  return c.bytes / 1e6 / s;
}

// Floor 2: one ICU NFC normalizeUTF8 pass over every file's bytes (after reading them).
double NfcFloor(const Corpus& c) {
  std::vector<std::string> texts;
  for (const auto& e : fs::recursive_directory_iterator(c.dir)) {
    if (e.is_regular_file()) texts.push_back(ReadAll(e.path()));
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  auto t0 = Clock::now();
  size_t out_bytes = 0;
  for (const auto& t : texts) {
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    err = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, t, sink, nullptr, err);
    out_bytes += out.size();
  }
  double s = Seconds(t0, Clock::now());
  return out_bytes ? c.bytes / 1e6 / s : 0;
}

struct Run {
  double seconds = 0;
  long rss_kb = 0;
  int status = -1;
};

// Runs `binary parse -q -j jobs --format fmt dir > /dev/null`, timing it and taking its peak RSS.
Run Parse(const std::string& binary, const fs::path& dir, int jobs, const std::string& fmt) {
  Run r;
  auto t0 = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    FILE* null = std::fopen("/dev/null", "w");
    dup2(fileno(null), 1);
    std::string j = std::to_string(jobs);
    execl(binary.c_str(), binary.c_str(), "parse", "-q", "-j", j.c_str(), "--format", fmt.c_str(),
          dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  r.seconds = Seconds(t0, Clock::now());
  r.rss_kb = ru.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 200;
  size_t small = 20000;
  std::string binary = "build/congvan", samples_dir = "samples", workdir;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--mb") mb = std::stod(next());
    else if (a == "--small") small = std::stoul(next());
    else if (a == "--binary") binary = next();
    else if (a == "--samples") samples_dir = next();
    else if (a == "--workdir") workdir = next();
    else if (a == "--keep") keep = true;
    else {
      std::cerr << "usage: congvan_bench [--mb 200] [--small 20000] [--binary PATH] [--samples DIR] "
                   "[--workdir DIR] [--keep]\n";
      return 2;
    }
  }
  auto samples = LoadSamples(samples_dir);
  if (samples.empty()) {
    std::cerr << "congvan_bench: no samples in " << samples_dir << "\n";
    return 2;
  }
  fs::path work = workdir.empty() ? fs::temp_directory_path() / ("congvan-bench-" + std::to_string(getpid()))
                                  : fs::path(workdir);
  std::printf("congvan_bench: binary %s, %zu samples, %u cores\n", binary.c_str(), samples.size(),
              std::thread::hardware_concurrency());
  Corpus a = Build(work / "a", samples, SIZE_MAX, static_cast<size_t>(mb * 1e6));
  Corpus quarter = Build(work / "a4", samples, SIZE_MAX, static_cast<size_t>(mb * 1e6 / 4));
  Corpus b = Build(work / "b", samples, small, SIZE_MAX);
  bool all_met = true;
  for (const Corpus* c : {&a, &b}) {
    std::printf("\ncorpus %s: %zu files, %.1f MB\n", c->dir.filename().c_str(), c->files, c->bytes / 1e6);
    double read = ReadFloor(*c), nfc = NfcFloor(*c);
    std::printf("  floor  read files            %8.1f MB/s\n", read);
    std::printf("  floor  ICU NFC normalizeUTF8 %8.1f MB/s\n", nfc);
    std::printf("  %-22s %9s %10s %8s %8s %9s  %s\n", "run", "MB/s", "docs/s", "x read", "x NFC",
                "RSS MB", "target");
    for (const char* fmt : {"jsonl", "yaml"}) {
      double one = 0;
      for (int jobs : {1, 2}) {
        Run r = Parse(binary, c->dir, jobs, fmt);
        double mbs = c->bytes / 1e6 / r.seconds, docs = c->files / r.seconds;
        if (jobs == 1) one = mbs;
        std::string target;
        if (jobs == 1) {
          double want = std::string(fmt) == "jsonl" ? 100 : 50;
          bool met = mbs >= want;
          all_met &= met;
          char buf[64];
          std::snprintf(buf, sizeof buf, ">= %.0f MB/s per core: %s", want, met ? "met" : "NOT met");
          target = buf;
        } else {
          bool met = mbs >= 1.8 * one;
          all_met &= met;
          char buf[64];
          std::snprintf(buf, sizeof buf, "2 jobs %.2fx one (>= 1.8x): %s", mbs / one, met ? "met" : "NOT met");
          target = buf;
        }
        char name[64];
        std::snprintf(name, sizeof name, "parse -> %s, %d job%s", fmt, jobs, jobs > 1 ? "s" : "");
        std::printf("  %-22s %9.1f %10.0f %8.3f %8.3f %9.1f  %s%s\n", name, mbs, docs, mbs / read, mbs / nfc,
                    r.rss_kb / 1024.0, target.c_str(), r.status == 0 ? "" : "  (exit status not 0)");
      }
    }
  }
  // Linear time in the input: one document of N bytes against one of 16 N bytes (best of 3 runs each).
  {
    std::string unit;  // about 1 MB, so one-time costs (compiling rule sets) do not hide the slope
    while (unit.size() < 1000000) {
      for (const auto& t : samples) unit += t + "\n";
    }
    fs::path one = work / "scale1", sixteen = work / "scale16";
    fs::create_directories(one);
    fs::create_directories(sixteen);
    std::string text16;
    for (int i = 0; i < 16; ++i) text16 += unit;
    std::ofstream(one / "doc.txt", std::ios::binary) << unit;
    std::ofstream(sixteen / "doc.txt", std::ios::binary) << text16;
    double t1 = 1e9, t16 = 1e9;
    for (int k = 0; k < 3; ++k) {
      t1 = std::min(t1, Parse(binary, one, 1, "jsonl").seconds);
      t16 = std::min(t16, Parse(binary, sixteen, 1, "jsonl").seconds);
    }
    // Subtract the start-up (a run on a tiny file) so the ratio measures the work on the text; one-time
    // compilation of rule sets still counts in the 1x run, so the ratio errs on the safe side.
    fs::path tiny = work / "tiny";
    fs::create_directories(tiny);
    std::ofstream(tiny / "doc.txt") << "Số: 1/UBND\n";
    double t0 = 1e9;
    for (int k = 0; k < 3; ++k) t0 = std::min(t0, Parse(binary, tiny, 1, "jsonl").seconds);
    double ratio = (t16 - t0) / std::max(1e-6, t1 - t0);
    bool met = ratio < 20;
    all_met &= met;
    std::printf("\nscaling: %.0f KB in %.3f s, 16x (%.0f KB) in %.3f s, start-up %.3f s: %.1fx the time "
                "for 16x the text (< 20x): %s\n",
                unit.size() / 1e3, t1, text16.size() / 1e3, t16, t0, ratio, met ? "met" : "NOT met");
  }
  Run small_run = Parse(binary, quarter.dir, 1, "jsonl");
  Run full_run = Parse(binary, a.dir, 1, "jsonl");
  bool flat = full_run.rss_kb <= small_run.rss_kb * 1.25 + 4096;
  all_met &= flat;
  std::printf("\nRSS, parse -> jsonl, 1 job: %.1f MB on %.0f MB, %.1f MB on %.0f MB: %s\n",
              small_run.rss_kb / 1024.0, quarter.bytes / 1e6, full_run.rss_kb / 1024.0, a.bytes / 1e6,
              flat ? "flat (met)" : "grows (NOT met)");
  if (!keep) fs::remove_all(work);
  std::printf("%s\n", all_met ? "all targets met" : "some targets not met");
  return 0;
}
