// The congvan/2 tree (README "Output contract congvan/2", "Changes from congvan/1"; schema/congvan-2.schema.json).
// Takes a finished Document (parsed, or read back by compare::FromJson) and writes it into a Writer;
// cannot fail (a Writer that cannot write reports that itself).
// One way to say where a fact is: every fact is an object with `line` (and `end_line` for a span); a
// section's `text` is its own; tasks sit in one list with ids; warnings are one per code with severity,
// count and lines; units are {name, key}; kinds are slugs with the printed words beside them.
#include <algorithm>
#include <string>
#include <vector>

#include "compare/diff.h"
#include "emit/document_writer.h"
#include "model/task_ids.h"
#include "model/warning_codes.h"

namespace congvan::emit {

void WriteLineV2(Writer& w, std::string_view key, int line) {
  w.Key(key);
  if (line > 0) {
    w.Int(line);
  } else {
    w.Null();
  }
}

int HeaderLine(const model::Document& d, const char* key) {
  auto it = d.lines.find(key);
  return it == d.lines.end() ? 0 : it->second;
}

void WriteFactV2(Writer& w, std::string_view key, const model::OptString& v, const model::Document& d,
                 const char* line_key) {
  w.Key(key);
  if (!v) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("value");
  w.String(*v);
  WriteLineV2(w, "line", HeaderLine(d, line_key));
  w.EndObject();
}

void WriteAuthorityV2(Writer& w, const model::Document& d) {
  w.Key("authority");
  w.BeginObject();
  WriteOptional(w, "name", d.authority.name);
  WriteOptional(w, "parent", d.authority.parent);
  w.Key("inferred");
  w.Bool(d.authority.inferred);
  WriteLineV2(w, "line", d.authority.line);
  w.EndObject();
}

void WriteNumberV2(Writer& w, const model::Document& d) {
  w.Key("number");
  if (!d.number && !d.symbol && !d.code) {
    w.Null();
    return;
  }
  w.BeginObject();
  WriteOptional(w, "value", d.number);
  WriteOptional(w, "symbol", d.symbol);
  WriteOptional(w, "code", d.code);
  WriteLineV2(w, "line", HeaderLine(d, "number"));
  w.EndObject();
}

namespace {

// Short names inside this file.
void Line(Writer& w, std::string_view key, int line) { WriteLineV2(w, key, line); }
void Fact(Writer& w, std::string_view key, const model::OptString& v, const model::Document& d,
          const char* line_key) {
  WriteFactV2(w, key, v, d, line_key);
}


// Units with keys: the given keys (same order), else key(name).
void Units(Writer& w, std::string_view name, const std::vector<std::string>& names,
           const std::vector<std::string>* keys, const KeyFn& key) {
  w.Key(name);
  w.BeginArray();
  for (size_t i = 0; i < names.size(); ++i) {
    w.BeginObject();
    w.Key("name");
    w.String(names[i]);
    w.Key("key");
    w.String(keys && i < keys->size() ? (*keys)[i] : key(names[i]));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteTaskV2(Writer& w, const model::Document& d, const model::Task& t, const TaskPlace& at,
                 const std::string& id, const KeyFn& key) {
  w.BeginObject();
  w.Key("id");
  w.String(id);
  w.Key("part");
  w.String(at.part);
  w.Key("section");
  if (at.section) {
    w.String(*at.section);
  } else {
    w.Null();
  }
  w.Key("annex");
  if (at.annex > 0) {
    w.Int(at.annex);
  } else {
    w.Null();
  }
  w.Key("text");
  w.String(t.text);
  Line(w, "line", t.line);
  Line(w, "end_line", t.line > 0 ? t.end_line() : 0);
  Units(w, "owners", model::OwnersOf(d, t), &model::OwnerKeysOf(d, t), key);
  w.Key("implied");
  w.Bool(t.owners_implied);
  Units(w, "partners", t.partners, nullptr, key);
  w.Key("deadlines");
  w.BeginArray();
  for (const auto& x : t.deadlines) WriteDeadline(w, x);
  w.EndArray();
  w.EndObject();
}

namespace {

void WriteSections(Writer& w, const std::vector<model::Section>& sections) {
  w.Key("sections");
  w.BeginArray();
  for (const auto& s : sections) {
    w.BeginObject();
    w.Key("id");
    w.String(s.id);
    w.Key("path");
    w.String(s.path);
    WriteOptional(w, "heading", s.heading);
    w.Key("text");
    w.String(std::string_view(s.text).substr(0, std::min(s.own_size, s.text.size())));
    Line(w, "line", s.line);
    Line(w, "end_line", std::max(s.line, s.end_line));
    WriteSections(w, s.sections);
    w.EndObject();
  }
  w.EndArray();
}

// {text, line, end_line} or null.
void Span(Writer& w, std::string_view key, const model::OptString& text, int line, int end_line) {
  w.Key(key);
  if (!text) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Key("text");
  w.String(*text);
  Line(w, "line", line);
  Line(w, "end_line", std::max(line, end_line));
  w.EndObject();
}

void Warnings(Writer& w, const model::Document& d) {
  // One entry per code, in order of first appearance: the first message, the count of all (those
  // over the per-code cap included) and the lines of those kept.
  std::vector<std::string_view> order;
  for (const auto& x : d.warnings) {
    if (!x.summary && std::find(order.begin(), order.end(), x.code) == order.end()) order.push_back(x.code);
  }
  w.Key("warnings");
  w.BeginArray();
  for (std::string_view code : order) {
    const model::Warning* first = nullptr;
    std::vector<int> lines;
    int kept = 0;
    auto add = [&](int line) {
      if (line > 0 && std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    };
    for (const auto& x : d.warnings) {
      if (x.code != code) continue;
      if (x.summary) {  // the lines of those it counts
        for (int l : x.more_lines) add(l);
        continue;
      }
      if (!first) first = &x;
      ++kept;
      add(x.line);
    }
    auto counted = d.warning_counts.find(std::string(code));
    int count = counted == d.warning_counts.end() ? kept : std::max(kept, counted->second);
    w.BeginObject();
    w.Key("code");
    w.String(code);
    w.Key("severity");
    w.String(model::SeverityName(model::SeverityOf(code)));
    Line(w, "line", first->line);
    w.Key("count");
    w.Int(count);
    w.Key("lines");
    w.BeginArray();
    for (int l : lines) w.Int(l);
    w.EndArray();
    w.Key("message");
    w.String(first->message);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteGenerator(Writer& w, const std::string& grammar) {
  w.Key("generator");
  w.BeginObject();
  w.Key("name");
  w.String("congvan");
  w.Key("version");
  w.String(CONGVAN_VERSION);
  w.Key("grammar");
  w.String(grammar);
  w.EndObject();
}

void WriteDocumentV2(const model::Document& d, const KeyFn& key, Writer& w) {
  w.Reserve(2 * d.source.bytes + 4096);
  w.BeginObject();
  w.Key("schema");
  w.String(kSchemaV2);
  WriteGenerator(w, d.grammar);
  WriteSource(w, d.source);
  WriteOptional(w, "layout", d.format);
  w.Key("kind");
  if (d.kind) {
    w.BeginObject();
    w.Key("value");
    w.String(*d.kind);
    WriteOptional(w, "text", d.kind_text);
    Line(w, "line", d.kind_text ? d.kind_line : 0);
    w.EndObject();
  } else {
    w.Null();
  }
  WriteAuthorityV2(w, d);
  WriteNumberV2(w, d);
  Fact(w, "place", d.place, d, "place");
  Fact(w, "date", d.date, d, "date");
  Fact(w, "subject", d.subject, d, "subject");
  Fact(w, "urgency", d.urgency, d, "urgency");
  Fact(w, "secrecy", d.secrecy, d, "secrecy");
  w.Key("recipients");
  w.BeginArray();
  for (const auto& r : d.recipients) {
    w.BeginObject();
    w.Key("text");
    w.String(r.text);
    Line(w, "line", r.line);
    w.EndObject();
  }
  w.EndArray();
  w.Key("references");
  w.BeginArray();
  for (const auto& r : d.references) {
    w.BeginObject();
    WriteOptional(w, "kind", r.kind_slug);
    WriteOptional(w, "kind_text", r.kind);
    w.Key("code");
    w.String(r.code);
    WriteOptional(w, "date", r.date);
    WriteOptional(w, "issuer", r.issuer);
    Line(w, "line", r.line);
    w.EndObject();
  }
  w.EndArray();
  Span(w, "preamble", d.preamble, d.preamble_line, d.preamble_end_line);
  WriteSections(w, d.sections);
  if (d.closing) {
    Span(w, "closing", d.closing->text, d.closing->line, d.closing->end_line);
  } else {
    w.Key("closing");
    w.Null();
  }
  w.Key("tasks");
  w.BeginArray();
  // The walk and the ids diff and matrix use (compare::WalkTasks, model/task_ids.h).
  compare::WalkTasks(d, [&](const compare::TaskRef& r) {
    WriteTaskV2(w, d, *r.task, {r.part, r.path.empty() ? nullptr : &r.path, r.annex}, r.id, key);
  });
  w.EndArray();
  w.Key("signature");
  w.BeginObject();
  w.Key("chain");
  w.BeginArray();
  for (const auto& l : d.signature.chain) {
    w.BeginObject();
    w.Key("mark");
    if (l.mark.empty()) {
      w.Null();
    } else {
      w.String(l.mark);
    }
    WriteOptional(w, "office", l.office);
    w.EndObject();
  }
  w.EndArray();
  WriteOptional(w, "title", d.signature.title);
  WriteOptional(w, "name", d.signature.name);
  Line(w, "line", d.signature.line);
  w.EndObject();
  w.Key("distribution");
  w.BeginArray();
  for (const auto& it : d.distribution) {
    w.BeginObject();
    w.Key("text");
    w.String(it.text);
    w.Key("name");
    w.String(it.name);
    WriteOptional(w, "note", it.note);
    Line(w, "line", it.line);
    w.EndObject();
  }
  w.EndArray();
  w.Key("annexes");
  w.BeginArray();
  for (const auto& a : d.annexes) {
    w.BeginObject();
    WriteOptional(w, "title", a.title);
    Line(w, "line", a.line);
    Line(w, "end_line", std::max(a.line, a.end_line));
    Span(w, "preamble", a.preamble, a.preamble_line, a.preamble_end_line);
    WriteSections(w, a.sections);
    w.EndObject();
  }
  w.EndArray();
  w.Key("footnotes");
  w.BeginArray();
  for (const auto& f : d.footnotes) {
    w.BeginObject();
    w.Key("mark");
    w.String(f.mark);
    w.Key("text");
    w.String(f.text);
    Line(w, "line", f.line);
    w.EndObject();
  }
  w.EndArray();
  WriteCoverage(w, d.coverage);
  Warnings(w, d);
  w.EndObject();
}

void WriteErrorV2(const std::string& path, size_t bytes, const Status& status, const std::string& grammar,
                  Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String(kSchemaV2);
  WriteGenerator(w, grammar);
  WriteErrorParts(path, bytes, status, w);
  w.EndObject();
}

}  // namespace congvan::emit
