// congvan_json_bench: the measurement that chose the library behind base/json.h (README.md, "JSON
// reader"). Not a test: it prints numbers and a table of what each candidate accepts.
//
//   build/congvan_json_bench FILE.jsonl [--runs 3]
//
// FILE is JSON Lines as congvan writes them, e.g.
//   build/congvan parse --format jsonl --jobs 2 ../shared/corpus/docs > /tmp/corpus.jsonl
// Every line is parsed by each candidate, which builds its full tree and then walks it (every string's
// bytes, every number, every name), so lazy parsers pay for what they skip. Reported: best of --runs
// whole passes, MB/s of input, and a checksum over the strings seen in order (names and values; they must
// agree between candidates, or a candidate read the text differently; nlohmann::json's differs only
// because it sorts names). Candidates, each only when built in (CMakeLists.txt):
//   congvan json::Parse       base/json.h as built into this tree (the tree of json::Value);
//   nlohmann::json::parse     Debian's nlohmann-json3-dev, DOM;
//   RapidJSON Document        Debian's rapidjson-dev, Parse<kParseValidateEncodingFlag> into a Document,
//                             and ParseInsitu (the line is copied into a scratch buffer first, counted);
//   RapidJSON Reader (SAX)    the same parser, iterative, numbers as strings, driven by a handler that
//                             only looks (no tree: the library's lower bound);
//   simdjson dom / ondemand   Debian's libsimdjson-dev (shared library), dom::parser and ondemand::parser.
// Then the strictness table: for each case of base/json.h's header comment, whether each candidate
// accepts it out of the box (each case runs in a forked child, so a crash shows as "crash").
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/json.h"

#if CONGVAN_BENCH_NLOHMANN
#include <nlohmann/json.hpp>
#endif
#if CONGVAN_BENCH_RAPIDJSON
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#endif
#if CONGVAN_BENCH_SIMDJSON
#include <simdjson.h>
#endif

#define CONGVAN_STR2(x) #x
#define CONGVAN_STR(x) CONGVAN_STR2(x)

namespace {

using Clock = std::chrono::steady_clock;
namespace cj = congvan::json;

// What a walk over a tree saw: to keep the compiler from dropping work, and to compare candidates.
struct Sum {
  uint64_t strings = 0, string_bytes = 0, numbers = 0, hash = 1469598103934665603ull;
  void Str(std::string_view s) {
    ++strings;
    string_bytes += s.size();
    // A cheap hash of the first and last bytes and the length: enough to tell a misread text.
    uint64_t h = s.size();
    if (!s.empty()) h = h * 131 + static_cast<unsigned char>(s.front()) * 7 + static_cast<unsigned char>(s.back());
    hash = (hash ^ h) * 1099511628211ull;
  }
  void Num(double d) {
    ++numbers;
    hash ^= static_cast<uint64_t>(d * 1000);
  }
  // Nesting, so the walkers' own recursion stops at 10,000 levels (the strictness table's million-deep
  // case asks whether the library refuses, not whether these walkers survive).
  int depth = 0;
  bool too_deep = false;
};
struct Level {
  Sum* s;
  bool ok;
  explicit Level(Sum* sum) : s(sum), ok(++sum->depth <= 10000) { s->too_deep |= !ok; }
  ~Level() { --s->depth; }
};

// ---- congvan ----
void Walk(const cj::Value& v, Sum* s) {
  Level lv(s);
  if (!lv.ok) return;
  switch (v.type()) {
    case cj::Type::kString: s->Str(v.String()); break;
    case cj::Type::kNumber: s->Num(v.Double()); break;
    case cj::Type::kArray:
      for (const auto& x : v.Items()) Walk(x, s);
      break;
    case cj::Type::kObject:
      for (const auto& [k, x] : v.Members()) {
        s->Str(k);
        Walk(x, s);
      }
      break;
    default: break;
  }
}
bool CongvanOne(std::string_view line, Sum* s) {
  auto v = cj::Parse(line);
  if (!v.ok()) return false;
  Walk(*v, s);
  return true;
}

#if CONGVAN_BENCH_NLOHMANN
void Walk(const nlohmann::json& v, Sum* s) {
  Level lv(s);
  if (!lv.ok) return;
  if (v.is_string()) {
    s->Str(v.get_ref<const std::string&>());
  } else if (v.is_number()) {
    s->Num(v.get<double>());
  } else if (v.is_array()) {
    for (const auto& x : v) Walk(x, s);
  } else if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      s->Str(k);
      Walk(x, s);
    }
  }
}
bool NlohmannOne(std::string_view line, Sum* s) {
  auto v = nlohmann::json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) return false;
  Walk(v, s);
  return true;
}
#endif

#if CONGVAN_BENCH_RAPIDJSON
void Walk(const rapidjson::Value& v, Sum* s) {
  Level lv(s);
  if (!lv.ok) return;
  if (v.IsString()) {
    s->Str(std::string_view(v.GetString(), v.GetStringLength()));
  } else if (v.IsNumber()) {
    s->Num(v.GetDouble());
  } else if (v.IsArray()) {
    for (const auto& x : v.GetArray()) Walk(x, s);
  } else if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      s->Str(std::string_view(m.name.GetString(), m.name.GetStringLength()));
      Walk(m.value, s);
    }
  }
}
bool RapidOne(std::string_view line, Sum* s) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (d.HasParseError()) return false;
  Walk(d, s);
  return true;
}
std::vector<char> scratch;
bool RapidInsituOne(std::string_view line, Sum* s) {
  scratch.assign(line.begin(), line.end());
  scratch.push_back('\0');
  rapidjson::Document d;
  d.ParseInsitu<rapidjson::kParseValidateEncodingFlag>(scratch.data());
  if (d.HasParseError()) return false;
  Walk(d, s);
  return true;
}
// The SAX reader with a handler that only looks: what the library costs before any tree.
struct LookHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, LookHandler> {
  Sum* s;
  bool String(const char* p, rapidjson::SizeType n, bool) {
    s->Str(std::string_view(p, n));
    return true;
  }
  bool Key(const char* p, rapidjson::SizeType n, bool) { return String(p, n, false); }
  bool RawNumber(const char* p, rapidjson::SizeType n, bool) {
    s->Num(std::strtod(std::string(p, n).c_str(), nullptr));
    return true;
  }
};
bool RapidSaxOne(std::string_view line, Sum* s) {
  LookHandler h;
  h.s = s;
  rapidjson::Reader r;
  rapidjson::MemoryStream ms(line.data(), line.size());
  auto ok = r.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag |
                    rapidjson::kParseIterativeFlag>(ms, h);
  return !ok.IsError();
}
#endif

#if CONGVAN_BENCH_SIMDJSON
void Walk(simdjson::dom::element v, Sum* s) {
  Level lv(s);
  if (!lv.ok) return;
  switch (v.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view sv;
      if (v.get_string().get(sv)) return;
      s->Str(sv);
      break;
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: {
      double d = 0;
      if (v.get_double().get(d)) return;
      s->Num(d);
      break;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array a;
      if (v.get_array().get(a)) return;
      for (auto x : a) Walk(x, s);
      break;
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object o;
      if (v.get_object().get(o)) return;
      for (auto m : o) {
        s->Str(m.key);
        Walk(m.value, s);
      }
      break;
    }
    default: break;
  }
}
simdjson::dom::parser dom_parser;
bool SimdDomOne(std::string_view line, Sum* s) {
  simdjson::dom::element e;
  if (dom_parser.parse(line.data(), line.size(), /*realloc_if_needed=*/false).get(e)) return false;
  Walk(e, s);
  return true;
}
bool Walk(simdjson::ondemand::value v, Sum* s) {
  Level lv(s);
  if (!lv.ok) return false;
  simdjson::ondemand::json_type t;
  if (v.type().get(t)) return false;
  switch (t) {
    case simdjson::ondemand::json_type::string: {
      std::string_view sv;
      if (v.get_string().get(sv)) return false;
      s->Str(sv);
      return true;
    }
    case simdjson::ondemand::json_type::number: {
      double d;
      if (v.get_double().get(d)) return false;
      s->Num(d);
      return true;
    }
    case simdjson::ondemand::json_type::array: {
      simdjson::ondemand::array a;
      if (v.get_array().get(a)) return false;
      for (auto x : a) {
        simdjson::ondemand::value xv;
        if (x.get(xv) || !Walk(xv, s)) return false;
      }
      return true;
    }
    case simdjson::ondemand::json_type::object: {
      simdjson::ondemand::object o;
      if (v.get_object().get(o)) return false;
      for (auto f : o) {
        std::string_view k;
        if (f.unescaped_key().get(k)) return false;
        s->Str(k);
        simdjson::ondemand::value fv;
        if (f.value().get(fv) || !Walk(fv, s)) return false;
      }
      return true;
    }
    case simdjson::ondemand::json_type::boolean: {
      bool b;
      return !v.get_bool().get(b);
    }
    case simdjson::ondemand::json_type::null: {
      bool null = false;
      return !v.is_null().get(null) && null;
    }
  }
  return false;
}
simdjson::ondemand::parser od_parser;
bool SimdOndemandOne(std::string_view line, Sum* s) {
  simdjson::ondemand::document doc;
  if (od_parser.iterate(simdjson::padded_string_view(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING))
          .get(doc)) {
    return false;
  }
  bool scalar = false;
  if (doc.is_scalar().get(scalar)) return false;
  if (scalar) {  // simdjson 3.0 cannot hand out a scalar document as a value
    simdjson::ondemand::json_type t;
    if (doc.type().get(t)) return false;
    if (t == simdjson::ondemand::json_type::number) {
      double d;
      if (doc.get_double().get(d)) return false;
      s->Num(d);
    } else if (t == simdjson::ondemand::json_type::string) {
      std::string_view sv;
      if (doc.get_string().get(sv)) return false;
      s->Str(sv);
    } else if (t == simdjson::ondemand::json_type::boolean) {
      bool b;
      if (doc.get_bool().get(b)) return false;
    } else {
      bool null = false;
      if (doc.is_null().get(null) || !null) return false;
    }
    return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;  // nothing after the value
  }
  simdjson::ondemand::value v;
  if (doc.get_value().get(v)) return false;
  if (!Walk(v, s)) return false;
  return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;  // nothing after the value
}
#endif

struct Candidate {
  const char* name;
  std::function<bool(std::string_view, Sum*)> one;
};

std::vector<Candidate> Candidates() {
  std::vector<Candidate> c = {{"congvan json::Parse (this tree)", CongvanOne}};
#if CONGVAN_BENCH_NLOHMANN
  c.push_back({"nlohmann::json::parse (DOM)", NlohmannOne});
#endif
#if CONGVAN_BENCH_RAPIDJSON
  c.push_back({"RapidJSON Document::Parse, validate UTF-8", RapidOne});
  c.push_back({"RapidJSON Document::ParseInsitu, validate UTF-8", RapidInsituOne});
  c.push_back({"RapidJSON Reader, SAX, no tree (lower bound)", RapidSaxOne});
#endif
#if CONGVAN_BENCH_SIMDJSON
  c.push_back({"simdjson dom::parser", SimdDomOne});
  c.push_back({"simdjson ondemand::parser", SimdOndemandOne});
#endif
  return c;
}

// ---- strictness ----

struct Case {
  const char* name;
  std::string text;
  bool want_ok;  // what base/json.h's rules say
};

std::vector<Case> StrictCases() {
  auto nest = [](size_t n) { return std::string(n, '[') + std::string(n, ']'); };
  return {
      {"surrogate pair \\ud83d\\ude00 (must read as U+1F600)", R"(["\ud83d\ude00"])", true},
      {"lone high surrogate \\ud83d", R"(["\ud83d"])", false},
      {"lone low surrogate \\ude00", R"(["\ude00"])", false},
      {"high surrogate then \\u0041", R"(["\ud83d\u0041"])", false},
      {"invalid UTF-8 byte 0xFF", "[\"a\xff\"]", false},
      {"overlong UTF-8 C0 AF", "[\"\xC0\xAF\"]", false},
      {"UTF-8 encoded surrogate ED A0 80", "[\"\xED\xA0\x80\"]", false},
      {"UTF-8 above U+10FFFF", "[\"\xF4\x90\x80\x80\"]", false},
      {"raw control character in a string", "[\"a\tb\"]", false},
      {"duplicate member name", R"({"a":1,"a":2})", false},
      {"depth 64 (the limit)", nest(64), true},
      {"depth 65", nest(65), false},
      {"depth 1,000,000 (no crash)", std::string(1000000, '[') + std::string(1000000, ']'), false},
      {"trailing comma in array", "[1,]", false},
      {"trailing comma in object", R"({"a":1,})", false},
      {"comment //", "[1] // x", false},
      {"comment /* */", "/* x */ [1]", false},
      {"byte order mark", "\xEF\xBB\xBF[1]", false},
      {"NaN", "[NaN]", false},
      {"Infinity", "[Infinity]", false},
      {"-Infinity", "[-Infinity]", false},
      {"leading zero 01", "[01]", false},
      {"leading zero -01", "[-01]", false},
      {"single quotes", "['a']", false},
      {"YAML anchor/alias", R"({"a": &x [1], "b": *x})", false},
      {"two values", "{} {}", false},
      {"scalar document 12", "12", true},
      {"root false with letters after: falsex", "falsex", false},
      {"null with letters after in an array: [nullx]", "[nullx]", false},
      {"1e400 (out of double range, kept as text)", "[1e400]", true},
      {"-0 and 1E-3 (kept as written)", "[-0, 1E-3]", true},
      {"2^64 (beyond 64-bit integers)", "[18446744073709551616]", true},
  };
}

// Whether `one` accepts `text`, in a child process: "accept", "refuse" or "crash".
const char* Accepts(const Candidate& c, const std::string& text, bool check_pair) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    alarm(20);
    Sum s;
    bool ok = c.one(text, &s);
    if (s.too_deep) _exit(0);  // the library let 10,000 levels through: it has no limit of its own
    if (ok && check_pair && s.string_bytes != 4) _exit(3);  // the pair did not become one 4-byte character
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status)) return "crash";
  int rc = WEXITSTATUS(status);
  return rc == 0 ? "accept" : rc == 1 ? "refuse" : rc == 3 ? "misread" : "?";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: congvan_json_bench FILE.jsonl [--runs N]\n");
    return 2;
  }
  int runs = 3;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "congvan_json_bench: cannot read %s\n", argv[1]);
    return 2;
  }
  // Each line in its own buffer with simdjson's padding after it (the padding is not part of the line).
  std::vector<std::string> lines;
  size_t bytes = 0;
  for (std::string l; std::getline(in, l);) {
    if (l.empty()) continue;
    bytes += l.size();
#if CONGVAN_BENCH_SIMDJSON
    l.reserve(l.size() + simdjson::SIMDJSON_PADDING);
#endif
    lines.push_back(std::move(l));
  }
  std::printf("input: %s, %zu lines, %.1f MB; best of %d runs\n\n", argv[1], lines.size(), bytes / 1e6, runs);
  std::printf("| parser | MB/s | best s | strings | string bytes | numbers | checksum |\n|---|---:|---:|---:|---:|---:|---|\n");
  auto cands = Candidates();
  for (const auto& c : cands) {
    double best = 1e30;
    Sum sum;
    size_t failed = 0;
    for (int r = 0; r < runs; ++r) {
      Sum s;
      failed = 0;
      auto t0 = Clock::now();
      for (const auto& l : lines) failed += !c.one(l, &s);
      double t = std::chrono::duration<double>(Clock::now() - t0).count();
      best = std::min(best, t);
      sum = s;
    }
    std::printf("| %s | %.0f | %.3f | %llu | %llu | %llu | %016llx |%s\n", c.name, bytes / 1e6 / best, best,
                static_cast<unsigned long long>(sum.strings), static_cast<unsigned long long>(sum.string_bytes),
                static_cast<unsigned long long>(sum.numbers), static_cast<unsigned long long>(sum.hash),
                failed ? (" " + std::to_string(failed) + " lines refused").c_str() : "");
    std::fflush(stdout);
  }

  std::printf("\nStrictness out of the box (base/json.h's rule in the second column):\n\n| case | rule |");
  for (const auto& c : cands) std::printf(" %s |", c.name);
  std::printf("\n|---|---|");
  for (size_t i = 0; i < cands.size(); ++i) std::printf("---|");
  std::printf("\n");
  auto cases = StrictCases();
  for (size_t k = 0; k < cases.size(); ++k) {
    const auto& cs = cases[k];
    std::printf("| %s | %s |", cs.name, cs.want_ok ? "accept" : "refuse");
    for (const auto& c : cands) {
      const char* got = Accepts(c, cs.text, k == 0);
      bool right = std::strcmp(got, cs.want_ok ? "accept" : "refuse") == 0;
      std::printf(" %s%s |", got, right ? "" : " ✗");
    }
    std::printf("\n");
  }
  std::printf(
      "\nBeyond accept/refuse (from the libraries' documentation and the code above):\n"
      "- number literal as written: congvan yes; nlohmann no (SAX number_float only); RapidJSON with\n"
      "  kParseNumbersAsStringsFlag (SAX RawNumber); simdjson dom no, ondemand raw_json_token();\n"
      "- member order: nlohmann::json sorts names (std::map; ordered_json keeps order), others keep it;\n"
      "- byte offset of an error: congvan yes; nlohmann parse_error::byte; RapidJSON GetErrorOffset();\n"
      "  simdjson dom none, ondemand current_location() (a token, not the byte at fault).\n");
#if CONGVAN_BENCH_SIMDJSON
  std::printf("- simdjson %s: dom runs the '%s' kernel (chosen at run time); ondemand is compiled for '%s'\n"
              "  (chosen at compile time: without -march flags, the portable one).\n",
              CONGVAN_STR(SIMDJSON_VERSION), simdjson::get_active_implementation()->name().c_str(),
              simdjson::builtin_implementation()->name().c_str());
#endif
  return 0;
}
