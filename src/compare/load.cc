#include "compare/load.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/json.h"
#include "extract/owners.h"
#include "extract/references.h"
#include "model/task_ids.h"

#include <unordered_map>
#include "pipeline/parse.h"

namespace congvan::compare {
namespace {

// Reads a congvan JSON tree into a Document. Missing members take their defaults (an older or partial
// output still compares); a member of the wrong type is an error naming it ("sections[2].line: expected
// an integer, found a string"), the first one met.
class Reader {
 public:
  explicit Reader(const grammar::Grammar& g) : g_(g) {}
  const std::string& error() const { return error_; }

  model::OptString Opt(const json::Value& v, const std::string& where) {
    if (v.IsNull()) return std::nullopt;
    if (!v.IsString()) return Wrong(where, "a string or null", v), std::nullopt;
    return v.String();
  }
  std::string Str(const json::Value& v, const std::string& where, const std::string& fallback = "") {
    if (v.IsNull()) return fallback;
    if (!v.IsString()) return Wrong(where, "a string", v), fallback;
    return v.String();
  }
  int Line(const json::Value& v, const std::string& where) {
    if (v.IsNull()) return 0;
    auto n = v.Int(0, 1 << 30);
    if (!n) return Wrong(where, "a line number", v), 0;
    return static_cast<int>(*n);
  }
  // The items of an array member (none when it is missing or null).
  const std::vector<json::Value>& Items(const json::Value& v, const std::string& where) {
    static const std::vector<json::Value> kNone;
    if (v.IsNull()) return kNone;
    if (!v.IsArray()) return Wrong(where, "an array", v), kNone;
    return v.Items();
  }
  std::vector<std::string> Strings(const json::Value& v, const std::string& where) {
    std::vector<std::string> out;
    const auto& items = Items(v, where);
    for (size_t i = 0; i < items.size(); ++i) out.push_back(Str(items[i], Index(where, i)));
    return out;
  }

  // What a task has in both contracts: text, line, deadlines.
  model::Task ReadTask(const json::Value& t, const std::string& at) {
    model::Task task;
    task.text = Str(t.Get("text"), at + ".text");
    task.line = Line(t.Get("line"), at + ".line");
    const auto& deadlines = Items(t.Get("deadlines"), at + ".deadlines");
    for (size_t k = 0; k < deadlines.size(); ++k) {
      const json::Value& d = deadlines[k];
      std::string dat = Index(at + ".deadlines", k);
      model::Deadline dl;
      dl.text = Str(d.Get("text"), dat + ".text");
      if (auto due = Opt(d.Get("due"), dat + ".due")) {
        dl.due = Due::Parse(*due);
        if (!dl.due) Bad(dat + ".due", "a due date as congvan prints it (2021-08-06, 2021-W07, 2021-10, 2021-Q4, 2021)");
      }
      dl.time = Opt(d.Get("time"), dat + ".time");
      dl.repeat = Opt(d.Get("repeat"), dat + ".repeat");
      dl.line = Line(d.Get("line"), dat + ".line");
      task.deadlines.push_back(std::move(dl));
    }
    return task;
  }

  std::vector<model::Task> Tasks(const json::Value& n, const std::string& where) {
    std::vector<model::Task> out;
    const auto& items = Items(n, where);
    for (size_t i = 0; i < items.size(); ++i) {
      const json::Value& t = items[i];
      std::string at = Index(where, i);
      model::Task task = ReadTask(t, at);
      task.owners = Strings(t.Get("owners"), at + ".owners");
      task.owner_keys = Strings(t.Get("owner_keys"), at + ".owner_keys");
      if (task.owner_keys.size() != task.owners.size()) {
        task.owner_keys.clear();
        for (const auto& o : task.owners) task.owner_keys.push_back(extract::OwnerKey(g_, o));
      }
      task.owners_implied = t.Get("owners_implied").IsBool() && t.Get("owners_implied").Bool();
      task.partners = Strings(t.Get("partners"), at + ".partners");
      out.push_back(std::move(task));
    }
    return out;
  }

  // Sections nest at most as deep as the JSON (json::kDefaultMaxDepth), so this recursion is bounded.
  std::vector<model::Section> Sections(const json::Value& n, const std::string& where) {
    std::vector<model::Section> out;
    const auto& items = Items(n, where);
    for (size_t i = 0; i < items.size(); ++i) {
      const json::Value& s = items[i];
      std::string at = Index(where, i);
      model::Section sec;
      sec.id = Str(s.Get("id"), at + ".id");
      sec.path = Str(s.Get("path"), at + ".path", sec.id);
      sec.heading = Opt(s.Get("heading"), at + ".heading");
      sec.text = Str(s.Get("text"), at + ".text");
      sec.line = Line(s.Get("line"), at + ".line");
      sec.end_line = Line(s.Get("end_line"), at + ".end_line");
      sec.own_size = sec.text.size();
      sec.owners = Strings(s.Get("owners"), at + ".owners");
      sec.tasks = Tasks(s.Get("tasks"), at + ".tasks");
      sec.sections = Sections(s.Get("sections"), at + ".sections");
      out.push_back(std::move(sec));
    }
    return out;
  }

  // congvan/2: a fact {value, line} or null -> its value.
  model::OptString Value(const json::Value& v, const std::string& where) {
    if (v.IsNull()) return std::nullopt;
    if (!v.IsObject()) return Wrong(where, "an object {value, line} or null", v), std::nullopt;
    return Opt(v.Get("value"), where + ".value");
  }
  // congvan/2 units [{name, key}] -> names and keys (a key left out is computed).
  void Units(const json::Value& v, const std::string& where, std::vector<std::string>* names,
             std::vector<std::string>* keys) {
    const auto& items = Items(v, where);
    for (size_t i = 0; i < items.size(); ++i) {
      std::string at = Index(where, i);
      if (!items[i].IsObject()) {
        Wrong(at, "an object {name, key}", items[i]);
        continue;
      }
      names->push_back(Str(items[i].Get("name"), at + ".name"));
      model::OptString key = Opt(items[i].Get("key"), at + ".key");
      keys->push_back(key ? *key : extract::OwnerKey(g_, names->back()));
    }
  }
  // congvan/2's one task list, each task put back in the holder its id names (model/task_ids.h: the
  // holders of the loaded sections are named as a parse names them, so "3.1~2.1" goes to the second item
  // numbered 3.1), in order; `part`, `section` and `annex` must agree with that holder, and the id must
  // be the task's place there. Anything else is an error naming the task.
  void PlaceTasks(const json::Value& n, model::Document& d) {
    struct Holder {
      std::vector<model::Task>* tasks;
      const char* part;
      const std::string* path;  // the section's, for part "section"
      int annex;
    };
    std::unordered_map<std::string, Holder> holders;
    model::TaskIds ids;
    auto sections = [&](std::vector<model::Section>& list, const std::string& prefix, int annex, auto& self) -> void {
      for (auto& s : list) {
        if (s.path.empty()) s.path = s.id;
        holders[ids.Section(prefix, s)] = {&s.tasks, "section", &s.path, annex};
        self(s.sections, prefix, annex, self);
      }
    };
    sections(d.sections, "", 0, sections);
    if (d.closing) holders[model::TaskIds::Part("", "closing")] = {&d.closing->tasks, "closing", nullptr, 0};
    holders[model::TaskIds::Part("", "body")] = {&d.tasks, "body", nullptr, 0};
    for (size_t k = 0; k < d.annexes.size(); ++k) {
      std::string prefix = model::TaskIds::AnnexPrefix(k);
      int annex = static_cast<int>(k + 1);
      sections(d.annexes[k].sections, prefix, annex, sections);
      holders[model::TaskIds::Part(prefix, "body")] = {&d.annexes[k].tasks, "body", nullptr, annex};
    }
    const auto& items = Items(n, "tasks");
    for (size_t i = 0; i < items.size(); ++i) {
      const json::Value& t = items[i];
      std::string at = Index("tasks", i);
      if (!t.IsObject()) {
        Wrong(at, "a task object", t);
        return;
      }
      std::string id = Str(t.Get("id"), at + ".id");
      size_t dot = id.rfind('.');
      auto h = dot == std::string::npos ? holders.end() : holders.find(id.substr(0, dot));
      if (h == holders.end()) {
        Bad(at + ".id", "the id of a task in one of the document's sections, its closing or its body");
        return;
      }
      const Holder& home = h->second;
      if (id != model::TaskIds::Id(h->first, home.tasks->size())) {
        Bad(at + ".id", ("\"" + model::TaskIds::Id(h->first, home.tasks->size()) + "\" (tasks in reading order)").c_str());
        return;
      }
      std::string part = Str(t.Get("part"), at + ".part");
      model::OptString section = Opt(t.Get("section"), at + ".section");
      int annex = Line(t.Get("annex"), at + ".annex");
      if (part != home.part) {
        Bad(at + ".part", ("\"" + std::string(home.part) + "\", as its id says").c_str());
        return;
      }
      if ((home.path == nullptr) != !section || (home.path && *section != *home.path)) {
        Bad(at + ".section", home.path ? ("\"" + *home.path + "\", as its id says").c_str() : "null (not in a section)");
        return;
      }
      if (annex != home.annex) {
        Bad(at + ".annex", home.annex ? ("the annex its id names (" + std::to_string(home.annex) + ")").c_str()
                                      : "null (not in an annex)");
        return;
      }
      model::Task task = ReadTask(t, at);
      task.set_end_line(Line(t.Get("end_line"), at + ".end_line"));
      if (!t.Get("implied").IsBool()) {
        Wrong(at + ".implied", "true or false", t.Get("implied"));
        return;
      }
      task.owners_implied = t.Get("implied").Bool();
      Units(t.Get("owners"), at + ".owners", &task.owners, &task.owner_keys);
      if (task.owners_implied) {  // the addressees, which the model does not repeat per task
        task.owners.clear();
        task.owner_keys.clear();
      }
      std::vector<std::string> partner_keys;  // computed again where printed
      Units(t.Get("partners"), at + ".partners", &task.partners, &partner_keys);
      home.tasks->push_back(std::move(task));
    }
  }

  // congvan/2: a fact {value, line} -> its value, its line kept in d.lines[key] (as a parse keeps it).
  model::OptString Fact(const json::Value& v, const std::string& where, model::Document& d, const char* key) {
    model::OptString out = Value(v, where);
    if (v.IsObject()) {
      if (int line = Line(v.Get("line"), where + ".line"); line > 0) d.lines[key] = line;
    }
    return out;
  }

 private:
  static model::Section* Find(std::vector<model::Section>& sections, const std::string& path) {
    for (auto& s : sections) {
      if ((s.path.empty() ? s.id : s.path) == path) return &s;
      if (auto* in = Find(s.sections, path)) return in;
    }
    return nullptr;
  }
  static std::string Index(const std::string& where, size_t i) { return where + "[" + std::to_string(i) + "]"; }
  void Bad(const std::string& where, const char* want) {
    if (error_.empty()) error_ = where + ": expected " + want;
  }
  void Wrong(const std::string& where, const char* want, const json::Value& got) {
    if (error_.empty()) error_ = where + ": expected " + want + ", found " + std::string(json::TypeName(got.type()));
  }
  const grammar::Grammar& g_;
  std::string error_;
};

}  // namespace

Result<model::Document> FromJson(const std::string& text, const std::string& path, const grammar::Grammar& g) {
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return Status(Code::kUsage, path + ": not valid JSON: " + parsed.status().message());
  const json::Value& n = *parsed;
  const std::string schema = n.IsObject() && n.Get("schema").IsString() ? n.Get("schema").String() : "";
  if (schema != "congvan/1" && schema != "congvan/2") {
    return Status(Code::kUsage, path + ": JSON, but not a congvan document (\"schema\": \"congvan/1\" or \"congvan/2\")");
  }
  if (n.Has("error")) return Status(Code::kUsage, path + ": a congvan error row, not a document");
  Reader r(g);
  model::Document d;
  d.source.path = r.Str(n.Get("source").Get("path"), "source.path", path);
  d.authority.name = r.Opt(n.Get("authority").Get("name"), "authority.name");
  d.authority.parent = r.Opt(n.Get("authority").Get("parent"), "authority.parent");
  const bool v2 = schema == "congvan/2";
  if (v2) {
    d.format = r.Opt(n.Get("layout"), "layout");
    d.kind = r.Value(n.Get("kind"), "kind");
    if (n.Get("kind").IsObject()) {
      d.kind_text = r.Opt(n.Get("kind").Get("text"), "kind.text");
      d.kind_line = r.Line(n.Get("kind").Get("line"), "kind.line");
    }
    const json::Value& num = n.Get("number");
    if (num.IsObject()) {
      d.number = r.Opt(num.Get("value"), "number.value");
      d.symbol = r.Opt(num.Get("symbol"), "number.symbol");
      d.code = r.Opt(num.Get("code"), "number.code");
      if (int line = r.Line(num.Get("line"), "number.line"); line > 0) d.lines["number"] = line;
    } else if (!num.IsNull()) {
      r.Value(num, "number");  // names the wrong type
    }
    d.place = r.Fact(n.Get("place"), "place", d, "place");
    d.date = r.Fact(n.Get("date"), "date", d, "date");
    d.subject = r.Fact(n.Get("subject"), "subject", d, "subject");
    d.urgency = r.Fact(n.Get("urgency"), "urgency", d, "urgency");
    d.secrecy = r.Fact(n.Get("secrecy"), "secrecy", d, "secrecy");
    d.authority.line = r.Line(n.Get("authority").Get("line"), "authority.line");
  } else {
    d.format = r.Opt(n.Get("format"), "format");
    d.kind = r.Opt(n.Get("kind"), "kind");
    d.number = r.Opt(n.Get("number"), "number");
    d.symbol = r.Opt(n.Get("symbol"), "symbol");
    d.code = r.Opt(n.Get("code"), "code");
    d.place = r.Opt(n.Get("place"), "place");
    d.date = r.Opt(n.Get("date"), "date");
    d.subject = r.Opt(n.Get("subject"), "subject");
    d.urgency = r.Opt(n.Get("urgency"), "urgency");
    d.secrecy = r.Opt(n.Get("secrecy"), "secrecy");
  }
  const auto& refs = r.Items(n.Get("references"), "references");
  for (size_t i = 0; i < refs.size(); ++i) {
    const json::Value& x = refs[i];
    std::string at = "references[" + std::to_string(i) + "]";
    model::Reference ref;
    ref.kind = r.Opt(x.Get(v2 ? "kind_text" : "kind"), at + (v2 ? ".kind_text" : ".kind"));
    if (v2) ref.kind_slug = r.Opt(x.Get("kind"), at + ".kind");
    if (!v2 && ref.kind) ref.kind_slug = extract::KindSlug(g, *ref.kind);
    ref.code = r.Str(x.Get("code"), at + ".code");
    ref.date = r.Opt(x.Get("date"), at + ".date");
    ref.issuer = r.Opt(x.Get("issuer"), at + ".issuer");
    ref.line = r.Line(x.Get("line"), at + ".line");
    d.references.push_back(std::move(ref));
  }
  // The addressees, whom tasks with owners_implied are asked of.
  if (v2) {
    const auto& recs = r.Items(n.Get("recipients"), "recipients");
    for (size_t i = 0; i < recs.size(); ++i) {
      std::string at = "recipients[" + std::to_string(i) + "]";
      if (!recs[i].IsObject()) {
        r.Value(recs[i], at);  // names the wrong type
        continue;
      }
      d.recipients.push_back({r.Str(recs[i].Get("text"), at + ".text"), r.Line(recs[i].Get("line"), at + ".line")});
    }
  } else {
    for (const std::string& rec : r.Strings(n.Get("recipients"), "recipients")) d.recipients.push_back({rec, 0});
  }
  for (const auto& rec : d.recipients) {
    d.addressees.push_back(rec.text);
    d.addressee_keys.push_back(extract::OwnerKey(g, rec.text));
  }
  if (v2 && n.Get("preamble").IsObject()) {
    d.preamble = r.Str(n.Get("preamble").Get("text"), "preamble.text");
    d.preamble_line = r.Line(n.Get("preamble").Get("line"), "preamble.line");
    d.preamble_end_line = r.Line(n.Get("preamble").Get("end_line"), "preamble.end_line");
  } else if (!v2) {
    d.preamble = r.Opt(n.Get("preamble"), "preamble");
    d.preamble_line = r.Line(n.Get("preamble_line"), "preamble_line");
  }
  d.sections = r.Sections(n.Get("sections"), "sections");
  if (n.Get("closing").IsObject()) {
    const json::Value& cl = n.Get("closing");
    model::Closing c;
    c.text = r.Str(cl.Get("text"), "closing.text");
    c.line = r.Line(cl.Get("line"), "closing.line");
    c.end_line = r.Line(cl.Get("end_line"), "closing.end_line");
    if (!v2) c.tasks = r.Tasks(cl.Get("tasks"), "closing.tasks");
    d.closing = std::move(c);
  }
  if (!v2) d.tasks = r.Tasks(n.Get("tasks"), "tasks");
  if (n.Get("annexes").IsArray()) {  // absent in congvan/1 output written before annexes were read
    const auto& ax = r.Items(n.Get("annexes"), "annexes");
    for (size_t i = 0; i < ax.size(); ++i) {
      const json::Value& x = ax[i];
      std::string at = "annexes[" + std::to_string(i) + "]";
      model::Annex a;
      a.title = r.Opt(x.Get("title"), at + ".title");
      a.line = r.Line(x.Get("line"), at + ".line");
      a.end_line = r.Line(x.Get("end_line"), at + ".end_line");
      if (v2 && x.Get("preamble").IsObject()) {
        a.preamble = r.Str(x.Get("preamble").Get("text"), at + ".preamble.text");
        a.preamble_line = r.Line(x.Get("preamble").Get("line"), at + ".preamble.line");
        a.preamble_end_line = r.Line(x.Get("preamble").Get("end_line"), at + ".preamble.end_line");
      } else {
        a.preamble = r.Opt(x.Get("preamble"), at + ".preamble");
      }
      a.sections = r.Sections(x.Get("sections"), at + ".sections");
      if (!v2) a.tasks = r.Tasks(x.Get("tasks"), at + ".tasks");
      d.annexes.push_back(std::move(a));
    }
  }
  if (v2) r.PlaceTasks(n.Get("tasks"), d);
  if (!r.error().empty()) return Status(Code::kUsage, path + ": not a congvan document: " + r.error());
  return d;
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
