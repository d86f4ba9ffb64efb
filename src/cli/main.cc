// congvan: the command line. Only argument handling lives here (CLI11); the work is in the library and in
// cli/batch.h.
//
// Exit status: 0 every input parsed; 1 some input failed (the others were still processed); 2 usage or
// grammar errors (nothing was parsed), or the output could not be written (a full disk).
#include <CLI/CLI.hpp>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/batch.h"
#include "extract/owners.h"
#include "cli/conventions.h"
#include "cli/inputs.h"
#include "cli/io.h"
#include "compare/diff.h"
#include "compare/load.h"
#include "compare/matrix.h"
#include "emit/compare_writer.h"
#include "emit/explain.h"
#include "grammar/grammar.h"
#include "pipeline/parse.h"

namespace congvan::cli {
namespace {

constexpr const char* kParseExamples = R"(
Examples:
  congvan parse dispatch.txt                     one document, pretty JSON on stdout
  congvan parse --format yaml dispatch.txt       the same tree as YAML
  congvan parse archive/ > all.jsonl             a whole tree (*.txt, *.md): one JSON object per line,
                                                 in byte-wise path order, parsed on every core
  congvan parse -o out/ archive/                 one NAME.json per input, mirroring the tree; a second
                                                 run skips what exists (--force rewrites)
  cat dispatch.txt | congvan parse -             read stdin
  find . -name '*.txt' | congvan parse --files-from -
  congvan parse --input-format jsonl < recs.jsonl  records {"path","text"} in, one result line out
                                                 (Hadoop Streaming, Spark RDD.pipe)
  congvan parse --format ics *.txt > due.ics     every deadline as a to-do or recurring event
  congvan parse --encoding tcvn3 old.txt         force a legacy encoding (else detected)
  congvan parse --grammars my-grammars/ a.txt    your own rules instead of the built-in ones

-o PATH is a directory of outputs when it ends in '/' or is a directory; one file when it ends in .json,
.jsonl, .yaml or .ics, exists as a file, or there is one input; with several inputs anything else is a
usage error. A file that cannot be read still yields a row {"source":{...},"error":{"code","message"}} in
JSON Lines (with -o DIR, as NAME.error.json, retried by the next run), a one-line message on stderr, and
exit status 1 after the others are done. --max-bytes takes sizes such as 10M, 64MiB or 500kB.
)";

struct ParseArgs {
  std::vector<std::string> files;
  std::string format, output, grammars, files_from, input_format = "text", encoding;
  std::string schema = "1";  // --schema: 1 or 2 (also "congvan/1", "congvan/2")
  std::vector<std::string> globs;
  int jobs = 0;
  bool force = false, quiet = false;
  size_t max_bytes = kDefaultMaxBytes;
  std::string max_bytes_text;  // as given ("64M"), read into max_bytes by RunParse
};

// Writes a command's whole output to stdout. Returns `status`, or 2 after "congvan: cannot write to
// stdout: ..." when the write fails; a closed pipe (| head) is quiet.
int Emit(const std::string& out, int status) {
  std::string error;
  if (WriteStdout(out, &error) == Written::kFailed) {
    std::cerr << "congvan: " << error << "\n";
    return 2;
  }
  return status;
}

// "2", "congvan/2" -> 2; anything else CLI11's check refused already -> 1.
int SchemaNumber(const std::string& s) { return s == "2" || s == "congvan/2" ? 2 : 1; }

Result<std::shared_ptr<const grammar::Grammar>> LoadGrammar(const std::string& dir) {
  if (dir.empty()) return grammar::Grammar::LoadDefault();
  return grammar::Grammar::LoadDirectory(dir);
}

int RunParse(ParseArgs a) {
  if (!a.max_bytes_text.empty()) {
    auto size = ParseSize(a.max_bytes_text);
    if (!size) {
      std::cerr << "congvan: --max-bytes: '" << a.max_bytes_text
                << "' is not a size (a number of bytes, optionally with K, M, G, KiB, MiB, GiB, kB, MB or GB)\n";
      return 2;
    }
    a.max_bytes = static_cast<size_t>(*size);
  }
  auto grammar = LoadGrammar(a.grammars);
  if (!grammar.ok()) {
    std::cerr << "congvan: " << grammar.status().message() << "\n";
    return 2;
  }
  // Start-up: the line and span class sets (about 12 of a single document's 45 ms) compile on a second
  // core while this one reads, normalizes and segments; a stage that needs one before it is ready waits
  // for it (std::call_once). One seed document: 40 ms against 47 (farm-bench medians). Stopped and
  // joined on every return, before the grammar goes.
  std::atomic<bool> stop_warming{false};
  std::thread warm;
  if (std::thread::hardware_concurrency() > 1) {
    warm = std::thread([g = *grammar, &stop_warming] { g->Prewarm(stop_warming); });
  }
  struct Join {
    std::thread& t;
    std::atomic<bool>& stop;
    ~Join() {  // at most the set being compiled: the other was not needed
      stop.store(true, std::memory_order_relaxed);
      if (t.joinable()) t.join();
    }
  } join{warm, stop_warming};
  std::unique_ptr<InputSource> source;
  bool any_dir = false;
  if (a.input_format == "jsonl") {
    if (!a.files.empty() || !a.files_from.empty()) {
      std::cerr << "congvan: --input-format jsonl reads records from stdin; give no FILE\n";
      return 2;
    }
    source = JsonlRecords(a.max_bytes);
  } else {
    if (a.files.empty() && a.files_from.empty()) {
      std::cerr << "congvan: no input: give FILE..., a directory, -, or --files-from\n";
      return 2;
    }
    ListOptions lo{a.files, a.files_from, a.globs};
    auto listed = ListInputs(lo);
    if (!listed.ok()) {
      std::cerr << "congvan: " << listed.status().message() << "\n";
      return 2;
    }
    source = std::move(listed.value());
    std::error_code ec;
    for (const auto& f : a.files) any_dir |= f != "-" && std::filesystem::is_directory(f, ec);
  }
  BatchOptions bo;
  bo.format = a.format;
  bo.schema = SchemaNumber(a.schema);
  // One plain file (or stdin) prints one JSON object by default; trees, lists and streams print JSON Lines.
  if (bo.format.empty()) bo.format = (a.files.size() == 1 && !any_dir && a.files_from.empty() &&
                                      a.input_format == "text") ? "json" : "jsonl";
  bo.output = a.output;
  bo.force = a.force;
  bo.quiet = a.quiet;
  bo.encoding = a.encoding;
  bo.max_bytes = a.max_bytes;
  bo.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!a.output.empty()) {
    // A tree of outputs when it says so ("out/") or is a directory; one file when its name says so
    // (.json, .jsonl, .yaml, .ics), it exists as a file, or there is one input; with several inputs,
    // anything else could be either, and guessing once made a directory named all.jsonl/.
    bool several = a.input_format == "jsonl" || any_dir || !a.files_from.empty() || a.files.size() > 1;
    OutputKind kind = ClassifyOutput(a.output, several);
    if (kind == OutputKind::kUnclear) {
      std::cerr << "congvan: -o " << a.output << ": a file or a directory? With several inputs, end a directory "
                << "with '/' (" << a.output << "/) or name one file ending in .jsonl, .json, .yaml or .ics\n";
      return 2;
    }
    bo.output_dir = kind == OutputKind::kDirectory;
    if (bo.output_dir && bo.format == "ics") {
      std::cerr << "congvan: --format ics writes one calendar: give -o a file\n";
      return 2;
    }
  }
  return RunBatch(*source, **grammar, bo);
}

int RunExplain(const std::string& path, const std::string& grammars, const std::string& encoding) {
  auto grammar = LoadGrammar(grammars);
  if (!grammar.ok()) {
    std::cerr << "congvan: " << grammar.status().message() << "\n";
    return 2;
  }
  std::string display = path == "-" ? "<stdin>" : path;
  auto bytes = ReadInput(path);
  if (!bytes.ok()) {
    std::cerr << "congvan: " << display << ": " << bytes.status().message() << "\n";
    return 1;
  }
  pipeline::ParseOptions po;
  po.encoding = encoding;
  text::Lines lines;
  auto doc = pipeline::Parse(*bytes, display, **grammar, po, &lines);
  if (!doc.ok()) {
    std::cerr << "congvan: " << display << ": " << doc.status().message() << "\n";
    return doc.status().code() == Code::kUsage ? 2 : 1;
  }
  return Emit(explain::Render(lines, *doc), 0);
}

// `congvan diff A B`: exit 0 no difference, 1 differences, 2 trouble (as diff(1)).
int RunDiff(const std::string& a_path, const std::string& b_path, const std::string& format,
            const std::string& grammars, const std::string& color, int schema) {
  auto grammar = LoadGrammar(grammars);
  if (!grammar.ok()) {
    std::cerr << "congvan: " << grammar.status().message() << "\n";
    return 2;
  }
  auto a = compare::Load(a_path, **grammar);
  auto b = compare::Load(b_path, **grammar);
  for (const auto* r : {&a, &b}) {
    if (!r->ok()) {
      std::cerr << "congvan: " << r->status().message() << "\n";
      return 2;
    }
  }
  compare::DiffResult d = compare::Diff(*a, *b);
  std::string out;
  if (format == "json") {
    emit::JsonWriter w(&out, true);
    if (schema == 2) {
      emit::WriteDiffV2(d, (*grammar)->digest(),
                        [&](const std::string& name) { return extract::OwnerKey(**grammar, name); }, w);
    } else {
      emit::WriteDiff(d, w);
    }
    out += "\n";
  } else {
    out = emit::DiffText(d, UseColor(color, ::isatty(1), std::getenv("NO_COLOR")));
  }
  return Emit(out, d.Differs() ? 1 : 0);
}

// `congvan matrix FILES|DIRS...`: owners x documents.
int RunMatrix(const std::vector<std::string>& args, const std::string& cites, const std::string& format,
              const std::string& grammars, int schema) {
  auto grammar = LoadGrammar(grammars);
  if (!grammar.ok()) {
    std::cerr << "congvan: " << grammar.status().message() << "\n";
    return 2;
  }
  ListOptions lo;
  lo.args = args;
  auto listed = ListInputs(lo);
  if (!listed.ok()) {
    std::cerr << "congvan: " << listed.status().message() << "\n";
    return 2;
  }
  for (const auto& p : (*listed)->Problems()) std::cerr << "congvan: " << p << "\n";
  std::vector<model::Document> docs;
  Input in;
  bool failed = false;
  while ((*listed)->Next(&in)) {
    if (in.problem) {
      std::cerr << "congvan: " << in.path << ": " << in.problem->message() << "\n";
      failed = true;
      continue;
    }
    auto doc = compare::Load(in.read_from, **grammar);
    if (!doc.ok()) {
      std::cerr << "congvan: " << doc.status().message() << "\n";
      failed = true;
      continue;
    }
    if (!cites.empty() && !compare::Cites(**grammar, *doc, cites)) continue;
    docs.push_back(std::move(doc.value()));
  }
  if (docs.empty()) {
    std::cerr << "congvan: no documents to show" << (cites.empty() ? "" : " (none cites " + cites + ")") << "\n";
  }
  std::vector<const model::Document*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  compare::Matrix m = compare::BuildMatrix(ptrs);
  std::string out;
  if (format == "csv") {
    out = emit::MatrixCsv(m);
  } else if (format == "json") {
    emit::JsonWriter w(&out, true);
    if (schema == 2) {
      emit::WriteMatrixV2(m, (*grammar)->digest(), w);
    } else {
      emit::WriteMatrix(m, w);
    }
    out += "\n";
  } else {
    out = emit::MatrixMarkdown(m);
  }
  return Emit(out, failed ? 1 : 0);
}

// Mistyped words, caught before CLI11 parses (its messages name no alternative): a first word that is
// no command, or a long option the command does not have, gets "did you mean" when one is close, and
// exit 2. Returns 0 when every word is known.
int CheckWords(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return 0;
  std::string first = argv[1];
  if (first.empty() || first[0] == '-') return 0;  // options of the program itself: CLI11 reads them
  std::vector<std::string> commands;
  const CLI::App* sub = nullptr;
  for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(s->get_name());
    if (s->get_name() == first) sub = s;
  }
  if (!sub) {
    std::string near = Suggest(first, commands), list;
    for (const auto& c : commands) list += (list.empty() ? "" : ", ") + c;
    std::cerr << "congvan: '" << first << "' is not a command"
              << (near.empty() ? "" : "; did you mean '" + near + "'?") << "\n"
              << "Commands: " << list << ". Run 'congvan --help' for usage.\n";
    return 2;
  }
  std::vector<std::string> longs;
  for (const CLI::Option* o : sub->get_options([](const CLI::Option*) { return true; })) {
    for (const auto& n : o->get_lnames()) longs.push_back("--" + n);
  }
  for (int i = 2; i < argc; ++i) {
    std::string w = argv[i];
    if (w == "--") break;  // what follows is positional
    if (w.size() < 3 || w.compare(0, 2, "--") != 0) continue;
    std::string name = w.substr(0, w.find('='));
    if (std::find(longs.begin(), longs.end(), name) != longs.end()) continue;
    std::string near = Suggest(name, longs);
    std::cerr << "congvan " << first << ": unknown option '" << name << "'"
              << (near.empty() ? "" : "; did you mean '" + near + "'?") << "\n"
              << "Run 'congvan " << first << " --help' for its options.\n";
    return 2;
  }
  return 0;
}

}  // namespace
}  // namespace congvan::cli

int main(int argc, char** argv) {
  // A block of 256 KiB or more (a large document's line table, paragraphs, output buffer) comes from its
  // own mapping and goes back to the system when freed. glibc's default raises that threshold after the
  // first such free, so a document's big tables then stay in the heap, and the next stage's, which
  // rarely fit the holes they leave, add to its peak: a file of short lines peaked at 62 bytes of RSS
  // per input byte that way, 38 with the threshold fixed (tests/scaling_test.py, numbered_x_lines).
  mallopt(M_MMAP_THRESHOLD, 256 << 10);
  std::signal(SIGPIPE, SIG_IGN);
  congvan::cli::InstallCleanupHandlers();
  CLI::App app{"congvan: read Vietnamese administrative dispatches into structured JSON or YAML"};
  app.set_version_flag("--version", std::string("congvan ") + CONGVAN_VERSION);
  app.require_subcommand(1);
  congvan::cli::ParseArgs pa;
  auto* parse = app.add_subcommand("parse", "Parse dispatches (text or Markdown) into JSON, JSON Lines, YAML or iCalendar");
  parse->add_option("FILE", pa.files, "Input files or directories; - reads stdin");
  parse->add_option("--format,-f", pa.format,
                    "json (default for one input), jsonl (default for several), yaml, or ics (the "
                    "deadlines as an iCalendar file)")
      ->check(CLI::IsMember({"json", "jsonl", "yaml", "ics"}));
  parse->add_option("--schema", pa.schema,
                    "Output contract of json, jsonl and yaml: 1 (congvan/1, the default) or 2 (congvan/2: facts with their lines, a "
                    "section's own text, task ids, warnings by code with severity; see the README)")
      ->check(CLI::IsMember({"1", "2", "congvan/1", "congvan/2"}));
  parse->add_option("--output,-o", pa.output, "Write to this file, or mirror the inputs into this directory");
  parse->add_flag("--force", pa.force, "With -o DIR, rewrite outputs that already exist");
  parse->add_option("--jobs,-j", pa.jobs, "Documents parsed in parallel (default: the number of cores)")
      ->check(CLI::Range(1, 1024));
  parse->add_option("--glob", pa.globs, "File names to take from directories (default: *.txt and *.md); repeatable")
      ->allow_extra_args(false);
  parse->add_option("--files-from", pa.files_from, "Read input paths, one per line, from FILE (- for stdin)");
  parse->add_option("--input-format", pa.input_format,
                    "text (default), or jsonl: records {\"path\", \"text\"} one per line on stdin")
      ->check(CLI::IsMember({"text", "jsonl"}));
  parse->add_option("--encoding", pa.encoding,
                    "Force the input encoding: utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni")
      ->check(CLI::IsMember({"utf-8", "utf-16le", "utf-16be", "windows-1258", "cp1258", "tcvn3", "vni"}));
  parse->add_flag("--quiet,-q", pa.quiet, "No progress line and no closing summary");
  parse->add_option("--max-bytes", pa.max_bytes_text,
                    "Refuse inputs larger than this: bytes, or with K, M, G (KiB, MiB, GiB) or kB, MB, GB "
                    "(default 64M)");
  parse->add_option("--grammars", pa.grammars, "Load rules from this directory instead of the built-in ones");
  parse->footer(congvan::cli::kParseExamples);
  std::string explain_file, explain_grammars, explain_encoding;
  auto* explain = app.add_subcommand(
      "explain", "Show each line of a document with the part it was read as and the rule that matched");
  explain->add_option("FILE", explain_file, "Input file; - reads stdin")->required();
  explain->add_option("--grammars", explain_grammars, "Load rules from this directory");
  explain->add_option("--encoding", explain_encoding, "Force the input encoding")
      ->check(CLI::IsMember({"utf-8", "utf-16le", "utf-16be", "windows-1258", "cp1258", "tcvn3", "vni"}));
  explain->footer("\nExample:\n  congvan explain dispatch.txt | less -S\n");
  std::string diff_a, diff_b, diff_format = "text", diff_grammars, diff_color = "auto", diff_schema = "1";
  auto* diff = app.add_subcommand("diff", "Compare two dispatches' directives owner by owner (exit 0 same, 1 differ, 2 trouble)");
  diff->add_option("A", diff_a, "A dispatch file or congvan JSON")->required();
  diff->add_option("B", diff_b, "A dispatch file or congvan JSON")->required();
  diff->add_option("--format,-f", diff_format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  diff->add_option("--schema", diff_schema, "Contract of --format json: 1 (congvan-diff/1, the default) or 2 (congvan-diff/2)")
      ->check(CLI::IsMember({"1", "2", "congvan/1", "congvan/2"}));
  diff->add_option("--color", diff_color,
                   "auto (default: colour on a terminal unless NO_COLOR is set and not empty), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  diff->add_option("--grammars", diff_grammars, "Load rules from this directory");
  diff->footer("\nExamples:\n  congvan diff camau.txt caobang.txt\n  congvan diff --format json a.json b.json | jq .owners\n");
  std::vector<std::string> matrix_args;
  std::string matrix_cites, matrix_format = "markdown", matrix_grammars, matrix_schema = "1";
  auto* matrix = app.add_subcommand("matrix", "Owners x documents: each owner's tasks and nearest deadline per document");
  matrix->add_option("FILES", matrix_args, "Dispatch files, congvan JSON files, or directories")->required();
  matrix->add_option("--cites", matrix_cites, "Keep only documents citing this code (e.g. 1102/CĐ-TTg)");
  matrix->add_option("--schema", matrix_schema,
                     "Contract of --format json: 1 (congvan-matrix/1, the default) or 2 (congvan-matrix/2)")
      ->check(CLI::IsMember({"1", "2", "congvan/1", "congvan/2"}));
  matrix->add_option("--format,-f", matrix_format, "markdown (default), csv or json")
      ->check(CLI::IsMember({"markdown", "csv", "json"}));
  matrix->add_option("--grammars", matrix_grammars, "Load rules from this directory");
  matrix->footer("\nExample:\n  congvan matrix --cites 1102/CĐ-TTg provinces/ > matrix.md\n");
  app.footer("Run 'congvan parse --help' for examples.");
  if (int status = congvan::cli::CheckWords(app, argc, argv); status != 0) return status;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: to stdout, exit 0
    // CLI11's own messages, with the program's prefix and where to look.
    std::string what = e.what();
    if (what == "A subcommand is required") what = "a command is required: parse, explain, diff or matrix";
    std::cerr << "congvan: " << what << "\nRun 'congvan --help' for usage.\n";
    return 2;
  }
  if (parse->parsed()) return congvan::cli::RunParse(pa);
  if (explain->parsed()) return congvan::cli::RunExplain(explain_file, explain_grammars, explain_encoding);
  if (diff->parsed()) return congvan::cli::RunDiff(diff_a, diff_b, diff_format, diff_grammars, diff_color,
                                                      congvan::cli::SchemaNumber(diff_schema));
  if (matrix->parsed()) return congvan::cli::RunMatrix(matrix_args, matrix_cites, matrix_format, matrix_grammars,
                                                          congvan::cli::SchemaNumber(matrix_schema));
  return 2;
}
