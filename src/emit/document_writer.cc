#include "emit/document_writer.h"

namespace congvan::emit {
namespace {

void Opt(Writer& w, std::string_view key, const model::OptString& v) { WriteOptional(w, key, v); }
void Strings(Writer& w, std::string_view key, const std::vector<std::string>& v) { WriteStrings(w, key, v); }

void WriteTasks(Writer& w, const std::vector<model::Task>& tasks) {
  w.Key("tasks");
  w.BeginArray();
  for (const auto& t : tasks) {
    w.BeginObject();
    WriteTaskFields(w, t);
    w.EndObject();
  }
  w.EndArray();
}

void WriteSection(Writer& w, const model::Section& s) {
  w.BeginObject();
  w.Key("id");
  w.String(s.id);
  w.Key("path");
  w.String(s.path);
  Opt(w, "heading", s.heading);
  w.Key("text");
  w.String(s.text);
  w.Key("line");
  w.Int(s.line);
  Strings(w, "owners", s.owners);
  WriteTasks(w, s.tasks);
  w.Key("sections");
  w.BeginArray();
  for (const auto& c : s.sections) WriteSection(w, c);
  w.EndArray();
  w.EndObject();
}

}  // namespace

void WriteOptional(Writer& w, std::string_view key, const model::OptString& v) {
  w.Key(key);
  if (v) {
    w.String(*v);
  } else {
    w.Null();
  }
}

void WriteStrings(Writer& w, std::string_view key, const std::vector<std::string>& v) {
  w.Key(key);
  w.BeginArray();
  for (const auto& s : v) w.String(s);
  w.EndArray();
}

void WriteDeadline(Writer& w, const model::Deadline& d) {
  w.BeginObject();
  w.Key("text");
  w.String(d.text);
  WriteOptional(w, "due", d.due ? model::OptString(d.due->Iso()) : std::nullopt);
  WriteOptional(w, "by", d.due ? model::OptString(d.due->By()) : std::nullopt);
  WriteOptional(w, "time", d.time);
  WriteOptional(w, "repeat", d.repeat);
  w.Key("line");
  w.Int(d.line);
  w.EndObject();
}

void WriteTaskFields(Writer& w, const model::Task& t) {
  w.Key("text");
  w.String(t.text);
  WriteStrings(w, "owners", t.owners);
  WriteStrings(w, "owner_keys", t.owner_keys);
  w.Key("owners_implied");
  w.Bool(t.owners_implied);
  WriteStrings(w, "partners", t.partners);
  w.Key("deadlines");
  w.BeginArray();
  for (const auto& d : t.deadlines) WriteDeadline(w, d);
  w.EndArray();
  w.Key("line");
  w.Int(t.line);
}

void WriteDocument(const model::Document& d, Writer& w) {
  // The tree prints about 3.8 bytes per input byte (sections, then their tasks, repeat the text): one
  // reservation instead of a string that doubles its way there.
  w.Reserve(4 * d.source.bytes + 4096);
  w.BeginObject();
  w.Key("schema");
  w.String(kSchema);
  WriteSource(w, d.source);
  Opt(w, "format", d.format);
  Opt(w, "kind", d.kind);
  w.Key("authority");
  w.BeginObject();
  Opt(w, "name", d.authority.name);
  Opt(w, "parent", d.authority.parent);
  w.Key("inferred");
  w.Bool(d.authority.inferred);
  w.Key("line");
  w.Int(d.authority.line);
  w.EndObject();
  Opt(w, "number", d.number);
  Opt(w, "symbol", d.symbol);
  Opt(w, "code", d.code);
  Opt(w, "place", d.place);
  Opt(w, "date", d.date);
  Opt(w, "subject", d.subject);
  Opt(w, "urgency", d.urgency);
  Opt(w, "secrecy", d.secrecy);
  w.Key("lines");
  w.BeginObject();
  for (const auto& [k, v] : d.lines) {
    w.Key(k);
    w.Int(v);
  }
  w.EndObject();
  w.Key("recipients");
  w.BeginArray();
  for (const auto& r : d.recipients) w.String(r.text);
  w.EndArray();
  w.Key("recipient_lines");
  w.BeginArray();
  for (const auto& r : d.recipients) w.Int(r.line);
  w.EndArray();
  w.Key("references");
  w.BeginArray();
  for (const auto& r : d.references) {
    w.BeginObject();
    Opt(w, "kind", r.kind);
    w.Key("code");
    w.String(r.code);
    Opt(w, "date", r.date);
    Opt(w, "issuer", r.issuer);
    w.Key("line");
    w.Int(r.line);
    w.EndObject();
  }
  w.EndArray();
  Opt(w, "preamble", d.preamble);
  w.Key("preamble_line");
  w.Int(d.preamble_line);
  w.Key("sections");
  w.BeginArray();
  for (const auto& s : d.sections) WriteSection(w, s);
  w.EndArray();
  w.Key("closing");
  if (d.closing) {
    w.BeginObject();
    w.Key("text");
    w.String(d.closing->text);
    w.Key("line");
    w.Int(d.closing->line);
    WriteTasks(w, d.closing->tasks);
    w.EndObject();
  } else {
    w.Null();
  }
  WriteTasks(w, d.tasks);
  w.Key("signature");
  w.BeginObject();
  Strings(w, "authority", d.signature.authority);
  Opt(w, "title", d.signature.title);
  Opt(w, "name", d.signature.name);
  w.Key("line");
  w.Int(d.signature.line);
  w.EndObject();
  w.Key("distribution");
  w.BeginArray();
  for (const auto& it : d.distribution) {
    w.BeginObject();
    w.Key("text");
    w.String(it.text);
    w.Key("name");
    w.String(it.name);
    Opt(w, "note", it.note);
    w.Key("line");
    w.Int(it.line);
    w.EndObject();
  }
  w.EndArray();
  w.Key("annexes");
  w.BeginArray();
  for (const auto& a : d.annexes) {
    w.BeginObject();
    Opt(w, "title", a.title);
    w.Key("line");
    w.Int(a.line);
    w.Key("end_line");
    w.Int(a.end_line);
    Opt(w, "preamble", a.preamble);
    w.Key("sections");
    w.BeginArray();
    for (const auto& s : a.sections) WriteSection(w, s);
    w.EndArray();
    WriteTasks(w, a.tasks);
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
    w.Key("line");
    w.Int(f.line);
    w.EndObject();
  }
  w.EndArray();
  // How much of the page was read, and where each non-blank line went (segment/zones.h).
  WriteCoverage(w, d.coverage);
  w.Key("warnings");
  w.BeginArray();
  for (const auto& x : d.warnings) {
    w.BeginObject();
    w.Key("code");
    w.String(x.code);
    w.Key("message");
    w.String(x.message);
    w.Key("line");
    w.Int(x.line);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteCoverage(Writer& w, const model::Coverage& c) {
  w.Key("coverage");
  w.BeginObject();
  w.Key("share");
  w.Number(c.share());
  w.Key("lines");
  w.Int(c.lines);
  static constexpr const char* kZoneKeys[model::Coverage::kZones] = {"unread", "preface", "header", "recipients",
                                                                      "body", "tail", "annex", "debris"};
  for (int z = 0; z < model::Coverage::kZones; ++z) {
    w.Key(kZoneKeys[z]);
    w.Int(c.by_zone[z]);
  }
  w.EndObject();
}

void WriteSource(Writer& w, const model::Source& s) {
  w.Key("source");
  w.BeginObject();
  w.Key("path");
  w.String(s.path);
  w.Key("bytes");
  w.Int(static_cast<long long>(s.bytes));
  w.Key("sha256");
  w.String(s.sha256);
  w.Key("encoding");
  w.String(s.encoding);
  w.EndObject();
}

void WriteErrorParts(const std::string& path, size_t bytes, const Status& status, Writer& w) {
  w.Key("source");
  w.BeginObject();
  w.Key("path");
  w.String(path);
  w.Key("bytes");
  w.Int(static_cast<long long>(bytes));
  w.EndObject();
  w.Key("error");
  w.BeginObject();
  w.Key("code");
  w.String(CodeName(status.code()));
  w.Key("message");
  w.String(status.message());
  w.EndObject();
}

void WriteError(const std::string& path, size_t bytes, const Status& status, Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String(kSchema);
  WriteErrorParts(path, bytes, status, w);
  w.EndObject();
}

}  // namespace congvan::emit
