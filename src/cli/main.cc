// congvan: the command line. Only argument handling lives here (CLI11); the work is in the library.
//
// Exit status: 0 every input parsed; 1 some input failed (the others were still processed); 2 usage or
// grammar errors (nothing was parsed).
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

#include "cli/io.h"
#include "emit/explain.h"
#include "emit/ics.h"
#include "emit/document_writer.h"
#include "grammar/grammar.h"
#include "pipeline/parse.h"

namespace congvan::cli {
namespace {

constexpr const char* kParseExamples = R"(
Examples:
  congvan parse dispatch.txt                     one document, pretty JSON on stdout
  congvan parse --format yaml dispatch.txt       the same tree as YAML
  congvan parse samples/*.txt > all.jsonl        several documents: one JSON object per line
  cat dispatch.txt | congvan parse -             read stdin
  congvan parse -o out.json dispatch.txt         write a file (atomically: never half-written)
  congvan parse --format ics *.txt > due.ics     every deadline as a to-do or recurring event
  congvan parse --grammars my-grammars/ a.txt    use your own rules instead of the built-in ones

A file that cannot be read still yields a line {"source":{...},"error":{"code","message"}} in JSON Lines,
a one-line message on stderr, and exit status 1 after the other files are done.
)";

struct ParseOptions {
  std::vector<std::string> files;
  std::string format;
  std::string output;
  std::string grammars;
};

// `congvan explain FILE`: every input line with the part it was assigned to and the rules that read it.
int RunExplain(const std::string& path, const std::string& grammars) {
  auto grammar = grammars.empty() ? grammar::Grammar::LoadEmbedded()
                                  : grammar::Grammar::LoadDirectory(grammars);
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
  auto doc = pipeline::Parse(*bytes, display, **grammar);
  if (!doc.ok()) {
    std::cerr << "congvan: " << display << ": " << doc.status().message() << "\n";
    return 1;
  }
  std::string out = explain::Render(*bytes, *doc);
  WriteStdout(out);
  return 0;
}

int RunParse(const ParseOptions& opt) {
  auto grammar = opt.grammars.empty() ? grammar::Grammar::LoadEmbedded()
                                      : grammar::Grammar::LoadDirectory(opt.grammars);
  if (!grammar.ok()) {
    std::cerr << "congvan: " << grammar.status().message() << "\n";
    return 2;
  }
  std::string format = opt.format;
  if (format.empty()) format = opt.files.size() == 1 ? "json" : "jsonl";
  bool to_file = !opt.output.empty();
  std::string buffer;
  bool failed = false;
  bool array = format == "json" && opt.files.size() > 1;
  if (array) buffer += "[\n";
  if (format == "ics") buffer += emit::IcsBegin();
  for (size_t i = 0; i < opt.files.size(); ++i) {
    const std::string& path = opt.files[i];
    std::string display = path == "-" ? "<stdin>" : path;
    std::string out;
    auto bytes = ReadInput(path);
    std::optional<model::Document> doc;
    Status status;
    if (!bytes.ok()) {
      status = bytes.status();
    } else {
      auto parsed = pipeline::Parse(*bytes, display, **grammar);
      if (parsed.ok()) {
        doc = std::move(parsed.value());
      } else {
        status = parsed.status();
      }
    }
    if (!status.ok()) {
      failed = true;
      std::cerr << "congvan: " << display << ": " << status.message() << "\n";
    }
    size_t nbytes = bytes.ok() ? bytes->size() : 0;
    if (format == "ics") {
      if (doc) out += emit::IcsDocument(*doc);
      if (!to_file) out = buffer + out, buffer.clear();
    } else if (format == "yaml") {
      emit::YamlWriter w;
      if (doc) {
        emit::WriteDocument(*doc, w);
      } else {
        emit::WriteError(display, nbytes, status, w);
      }
      if (opt.files.size() > 1) out += "---\n";
      out += w.str();
    } else {
      emit::JsonWriter w(&out, format == "json");
      if (doc) {
        emit::WriteDocument(*doc, w);
      } else {
        emit::WriteError(display, nbytes, status, w);
      }
      if (array && i + 1 < opt.files.size()) out += ",";
      out += "\n";
    }
    if (to_file) {
      buffer += out;
    } else {
      if (array && i == 0) out = buffer + out, buffer.clear();
      if (!WriteStdout(out)) return failed ? 1 : 0;  // stdout closed (| head): stop quietly
    }
  }
  std::string end = array ? "]\n" : format == "ics" ? emit::IcsEnd() : "";
  if (!end.empty()) {
    if (to_file) {
      buffer += end;
    } else if (!WriteStdout(buffer + end)) {
      return failed ? 1 : 0;
    }
  }
  if (to_file) {
    if (Status s = WriteFileAtomically(opt.output, buffer); !s.ok()) {
      std::cerr << "congvan: " << s.message() << "\n";
      return 1;
    }
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace congvan::cli

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  using congvan::cli::ParseOptions;
  CLI::App app{"congvan: read Vietnamese administrative dispatches into structured JSON or YAML"};
  app.set_version_flag("--version", std::string("congvan ") + CONGVAN_VERSION);
  app.require_subcommand(1);
  ParseOptions popt;
  auto* parse = app.add_subcommand("parse", "Parse dispatches (text or Markdown) into JSON, JSON Lines or YAML");
  parse->add_option("FILE", popt.files, "Input files; - reads stdin")->required();
  parse->add_option("--format,-f", popt.format,
                    "json (default for one input), jsonl (default for several), yaml, or ics (the "
                    "deadlines as an iCalendar file)")
      ->check(CLI::IsMember({"json", "jsonl", "yaml", "ics"}));
  parse->add_option("--output,-o", popt.output, "Write to this file instead of stdout (atomically)");
  parse->add_option("--grammars", popt.grammars, "Load rules from this directory instead of the built-in ones");
  parse->footer(congvan::cli::kParseExamples);
  std::string explain_file, explain_grammars;
  auto* explain = app.add_subcommand(
      "explain", "Show each line of a document with the part it was read as and the rule that matched");
  explain->add_option("FILE", explain_file, "Input file; - reads stdin")->required();
  explain->add_option("--grammars", explain_grammars, "Load rules from this directory");
  explain->footer("\nExample:\n  congvan explain dispatch.txt | less -S\n");
  app.footer("Run 'congvan parse --help' for examples.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (parse->parsed()) return congvan::cli::RunParse(popt);
  if (explain->parsed()) return congvan::cli::RunExplain(explain_file, explain_grammars);
  return 2;
}
