#include "compare/load.h"

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/nesting.h"
#include "extract/owners.h"
#include "pipeline/parse.h"

namespace congvan::compare {
namespace {

model::OptString Opt(const YAML::Node& n) {
  if (!n || n.IsNull()) return std::nullopt;
  return n.as<std::string>();
}

std::vector<std::string> Strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence()) {
    for (auto x : n) out.push_back(x.as<std::string>());
  }
  return out;
}

int Line(const YAML::Node& n) { return n && !n.IsNull() ? n.as<int>() : 0; }

std::vector<model::Task> Tasks(const YAML::Node& n, const grammar::Grammar& g) {
  std::vector<model::Task> out;
  if (!n || !n.IsSequence()) return out;
  for (auto t : n) {
    model::Task task;
    task.text = t["text"].as<std::string>("");
    task.owners = Strings(t["owners"]);
    task.owner_keys = Strings(t["owner_keys"]);
    if (task.owner_keys.size() != task.owners.size()) {
      task.owner_keys.clear();
      for (const auto& o : task.owners) task.owner_keys.push_back(extract::OwnerKey(g, o));
    }
    task.partners = Strings(t["partners"]);
    task.line = Line(t["line"]);
    for (auto d : t["deadlines"]) {
      model::Deadline dl;
      dl.text = d["text"].as<std::string>("");
      dl.due = Opt(d["due"]);
      dl.time = Opt(d["time"]);
      dl.repeat = Opt(d["repeat"]);
      dl.line = Line(d["line"]);
      task.deadlines.push_back(std::move(dl));
    }
    out.push_back(std::move(task));
  }
  return out;
}

std::vector<model::Section> Sections(const YAML::Node& n, const grammar::Grammar& g) {
  std::vector<model::Section> out;
  if (!n || !n.IsSequence()) return out;
  for (auto s : n) {
    model::Section sec;
    sec.id = s["id"].as<std::string>("");
    sec.path = s["path"].as<std::string>(sec.id);
    sec.heading = Opt(s["heading"]);
    sec.text = s["text"].as<std::string>("");
    sec.line = Line(s["line"]);
    sec.owners = Strings(s["owners"]);
    sec.tasks = Tasks(s["tasks"], g);
    sec.sections = Sections(s["sections"], g);
    out.push_back(std::move(sec));
  }
  return out;
}

}  // namespace

Result<model::Document> FromJson(const std::string& json, const std::string& path, const grammar::Grammar& g) {
  if (MaxNesting(json) > kMaxNesting) {
    return Status(Code::kUsage, path + ": JSON nested deeper than " + std::to_string(kMaxNesting) + " levels");
  }
  try {
    YAML::Node n = YAML::Load(json);
    if (!n.IsMap() || !n["schema"] || n["schema"].as<std::string>() != "congvan/1") {
      return Status(Code::kUsage, path + ": JSON, but not a congvan document (\"schema\": \"congvan/1\")");
    }
    if (n["error"]) return Status(Code::kUsage, path + ": a congvan error row, not a document");
    model::Document d;
    d.source.path = n["source"]["path"].as<std::string>(path);
    d.format = Opt(n["format"]);
    d.kind = Opt(n["kind"]);
    d.authority.name = Opt(n["authority"]["name"]);
    d.authority.parent = Opt(n["authority"]["parent"]);
    d.number = Opt(n["number"]);
    d.symbol = Opt(n["symbol"]);
    d.code = Opt(n["code"]);
    d.place = Opt(n["place"]);
    d.date = Opt(n["date"]);
    d.subject = Opt(n["subject"]);
    d.urgency = Opt(n["urgency"]);
    d.secrecy = Opt(n["secrecy"]);
    for (auto r : n["references"]) {
      d.references.push_back({Opt(r["kind"]), r["code"].as<std::string>(""), Opt(r["date"]), Opt(r["issuer"]),
                              Line(r["line"])});
    }
    d.sections = Sections(n["sections"], g);
    if (n["closing"] && n["closing"].IsMap()) {
      model::Closing c;
      c.text = n["closing"]["text"].as<std::string>("");
      c.line = Line(n["closing"]["line"]);
      c.tasks = Tasks(n["closing"]["tasks"], g);
      d.closing = std::move(c);
    }
    d.tasks = Tasks(n["tasks"], g);
    return d;
  } catch (const YAML::Exception& e) {
    return Status(Code::kUsage, path + ": not valid congvan JSON: " + e.msg);
  }
}

Result<model::Document> Load(const std::string& path, const grammar::Grammar& g) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status(Code::kNotFound, path + ": no such file");
    if (std::filesystem::is_directory(path, ec)) return Status(Code::kIsDirectory, path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status(Code::kIo, path + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes = ss.str();
  }
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && bytes[first] == '{') return FromJson(bytes, path, g);
  auto doc = pipeline::Parse(bytes, path == "-" ? "<stdin>" : path, g);
  if (!doc.ok()) return Status(doc.status().code(), path + ": " + doc.status().message());
  return doc;
}

}  // namespace congvan::compare
