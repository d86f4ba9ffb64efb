#include "emit/compare_writer.h"

#include "emit/document_writer.h"

#include <cstdio>

namespace congvan::emit {
namespace {

void Opt(Writer& w, std::string_view key, const model::OptString& v) { WriteOptional(w, key, v); }

void DocSummary(Writer& w, const model::Document& d) {
  w.BeginObject();
  w.Key("path");
  w.String(d.source.path);
  Opt(w, "code", d.code);
  Opt(w, "authority", d.authority.name);
  Opt(w, "date", d.date);
  w.EndObject();
}

void TaskTree(Writer& w, const compare::TaskRef& ref) {
  w.BeginObject();
  w.Key("section");
  w.String(ref.section);
  WriteTaskFields(w, *ref.task);
  w.EndObject();
}

std::string Short(const std::string& s, size_t max = 110) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string Label(const model::Document& d) {
  std::string s = d.source.path;
  if (d.code) s += "  " + *d.code;
  if (d.authority.name) s += "  " + *d.authority.name;
  if (d.date) s += "  " + *d.date;
  return s;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string MdCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string CellWords(const compare::MatrixCell& c) {
  if (c.tasks == 0) return "";
  std::string s = std::to_string(c.tasks) + (c.tasks == 1 ? " task" : " tasks");
  if (c.nearest) s += "; " + DeadlineWords(*c.nearest);
  return s;
}

void NearestDeadline(Writer& w, const compare::MatrixCell& c) {
  w.Key("nearest_deadline");
  if (c.nearest) {
    WriteDeadline(w, *c.nearest);
  } else {
    w.Null();
  }
}

std::string DocName(const model::Document& d) { return d.code ? *d.code : d.source.path; }

}  // namespace

std::string DeadlineWords(const model::Deadline& d) {
  std::string s = d.due ? d.due->Iso() : d.repeat.value_or("");
  if (d.time) s += " " + *d.time;
  return s;
}

void WriteDiff(const compare::DiffResult& d, Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String("congvan-diff/1");
  w.Key("a");
  DocSummary(w, *d.a);
  w.Key("b");
  DocSummary(w, *d.b);
  w.Key("header");
  w.BeginArray();
  for (const auto& h : d.header) {
    w.BeginObject();
    w.Key("field");
    w.String(h.field);
    Opt(w, "a", h.a);
    Opt(w, "b", h.b);
    w.EndObject();
  }
  w.EndArray();
  w.Key("owners");
  w.BeginArray();
  for (const auto& o : d.owners) {
    w.BeginObject();
    w.Key("owner");
    w.String(o.owner);
    w.Key("key");
    w.String(o.key);
    w.Key("a");
    w.BeginArray();
    for (const auto& t : o.a) TaskTree(w, t);
    w.EndArray();
    w.Key("b");
    w.BeginArray();
    for (const auto& t : o.b) TaskTree(w, t);
    w.EndArray();
    w.Key("pairs");
    w.BeginArray();
    for (const auto& p : o.pairs) {
      w.BeginObject();
      w.Key("a");
      w.Int(static_cast<long long>(p.a));
      w.Key("b");
      w.Int(static_cast<long long>(p.b));
      w.Key("similarity");
      w.Number(p.similarity);
      WriteStrings(w, "changed", p.changed);
      w.EndObject();
    }
    w.EndArray();
    w.Key("only_a");
    w.BeginArray();
    for (size_t i : o.only_a) w.Int(static_cast<long long>(i));
    w.EndArray();
    w.Key("only_b");
    w.BeginArray();
    for (size_t i : o.only_b) w.Int(static_cast<long long>(i));
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string DiffText(const compare::DiffResult& d, bool color) {
  const char* red = color ? "\033[31m" : "";
  const char* green = color ? "\033[32m" : "";
  const char* yellow = color ? "\033[33m" : "";
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  std::string out;
  out += std::string(red) + "--- a: " + Label(*d.a) + reset + "\n";
  out += std::string(green) + "+++ b: " + Label(*d.b) + reset + "\n";
  if (!d.header.empty()) {
    out += std::string(bold) + "header" + reset + "\n";
    for (const auto& h : d.header) {
      out += "  " + h.field + ": " + red + (h.a ? *h.a : "null") + reset + " -> " + green +
             (h.b ? *h.b : "null") + reset + "\n";
    }
  }
  auto where = [](const compare::TaskRef& r) {
    return "§" + r.section + " l." + std::to_string(r.task->line);
  };
  auto deadlines = [](const model::Task& t) {
    std::string s;
    for (const auto& dl : t.deadlines) s += (s.empty() ? "" : ", ") + DeadlineWords(dl);
    return s.empty() ? std::string() : " [" + s + "]";
  };
  size_t same = 0;
  for (const auto& o : d.owners) {
    if (!o.Differs()) {
      ++same;
      continue;
    }
    out += std::string(bold) + "owner " + (o.key.empty() ? "(none named)" : o.owner + "  [" + o.key + "]") +
           reset + "\n";
    for (const auto& p : o.pairs) {
      if (p.changed.empty()) continue;
      std::string changed;
      for (const auto& c : p.changed) changed += (changed.empty() ? "" : ", ") + c;
      char sim[16];
      std::snprintf(sim, sizeof sim, "%.2f", p.similarity);
      out += std::string("  ") + yellow + "~ changed: " + changed + " (similarity " + sim + ")" + reset + "\n";
      out += std::string("    ") + red + "a " + where(o.a[p.a]) + ": " + Short(o.a[p.a].task->text) +
             deadlines(*o.a[p.a].task) + reset + "\n";
      out += std::string("    ") + green + "b " + where(o.b[p.b]) + ": " + Short(o.b[p.b].task->text) +
             deadlines(*o.b[p.b].task) + reset + "\n";
    }
    for (size_t i : o.only_a) {
      out += std::string("  ") + red + "- a " + where(o.a[i]) + ": " + Short(o.a[i].task->text) +
             deadlines(*o.a[i].task) + reset + "\n";
    }
    for (size_t j : o.only_b) {
      out += std::string("  ") + green + "+ b " + where(o.b[j]) + ": " + Short(o.b[j].task->text) +
             deadlines(*o.b[j].task) + reset + "\n";
    }
  }
  if (!d.Differs()) out += "no differences\n";
  else if (same) out += std::to_string(same) + " owner(s) without differences not shown\n";
  return out;
}

std::string MatrixMarkdown(const compare::Matrix& m) {
  std::string out = "| owner | key |";
  for (const auto* d : m.documents) out += " " + MdCell(DocName(*d)) + " |";
  out += "\n|---|---|";
  for (size_t i = 0; i < m.documents.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : m.rows) {
    out += "| " + MdCell(r.owner) + " | " + MdCell(r.key) + " |";
    for (const auto& c : r.cells) out += " " + MdCell(CellWords(c)) + " |";
    out += "\n";
  }
  return out;
}

std::string MatrixCsv(const compare::Matrix& m) {
  std::string out = "owner,key";
  for (const auto* d : m.documents) out += "," + CsvField(DocName(*d));
  out += "\r\n";
  for (const auto& r : m.rows) {
    out += CsvField(r.owner) + "," + CsvField(r.key);
    for (const auto& c : r.cells) out += "," + CsvField(CellWords(c));
    out += "\r\n";
  }
  return out;
}

void WriteMatrix(const compare::Matrix& m, Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String("congvan-matrix/1");
  w.Key("documents");
  w.BeginArray();
  for (const auto* d : m.documents) DocSummary(w, *d);
  w.EndArray();
  w.Key("owners");
  w.BeginArray();
  for (const auto& r : m.rows) {
    w.BeginObject();
    w.Key("owner");
    w.String(r.owner);
    w.Key("key");
    w.String(r.key);
    w.Key("cells");
    w.BeginArray();
    for (const auto& c : r.cells) {
      w.BeginObject();
      w.Key("tasks");
      w.Int(static_cast<long long>(c.tasks));
      NearestDeadline(w, c);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

namespace {

// congvan/2's shapes: a document as {path, code, authority {name, parent}, date}; a task by id.
// A document in a diff or matrix, in the shapes of its own congvan/2 row: path, authority, number, date.
void DocSummaryV2(Writer& w, const model::Document& d) {
  w.BeginObject();
  w.Key("path");
  w.String(d.source.path);
  WriteAuthorityV2(w, d);
  WriteNumberV2(w, d);
  WriteFactV2(w, "date", d.date, d, "date");
  w.EndObject();
}

// An owner row's unit, as the document's units are: {name, key}.
void OwnerV2(Writer& w, const std::string& name, const std::string& key) {
  w.Key("owner");
  w.BeginObject();
  w.Key("name");
  w.String(name);
  w.Key("key");
  w.String(key);
  w.EndObject();
}

void TaskV2(Writer& w, const model::Document& d, const compare::TaskRef& ref, const KeyFn& key) {
  WriteTaskV2(w, d, *ref.task, {ref.part, ref.path.empty() ? nullptr : &ref.path, ref.annex}, ref.id, key);
}

void Ids(Writer& w, std::string_view key, const std::vector<compare::TaskRef>& side, const std::vector<size_t>& at) {
  w.Key(key);
  w.BeginArray();
  for (size_t i : at) w.String(side[i].id);
  w.EndArray();
}

}  // namespace

void WriteDiffV2(const compare::DiffResult& d, const std::string& grammar, const KeyFn& key, Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String("congvan-diff/2");
  WriteGenerator(w, grammar);
  w.Key("a");
  DocSummaryV2(w, *d.a);
  w.Key("b");
  DocSummaryV2(w, *d.b);
  w.Key("header");
  w.BeginArray();
  for (const auto& h : d.header) {
    w.BeginObject();
    w.Key("field");
    w.String(h.field == "format" ? "layout" : h.field);
    Opt(w, "a", h.a);
    Opt(w, "b", h.b);
    w.EndObject();
  }
  w.EndArray();
  w.Key("owners");
  w.BeginArray();
  for (const auto& o : d.owners) {
    w.BeginObject();
    OwnerV2(w, o.owner, o.key);
    w.Key("a");
    w.BeginArray();
    for (const auto& t : o.a) TaskV2(w, *d.a, t, key);
    w.EndArray();
    w.Key("b");
    w.BeginArray();
    for (const auto& t : o.b) TaskV2(w, *d.b, t, key);
    w.EndArray();
    w.Key("pairs");
    w.BeginArray();
    for (const auto& p : o.pairs) {
      w.BeginObject();
      w.Key("a");
      w.String(o.a[p.a].id);
      w.Key("b");
      w.String(o.b[p.b].id);
      w.Key("similarity");
      w.Number(p.similarity);
      WriteStrings(w, "changed", p.changed);
      w.EndObject();
    }
    w.EndArray();
    Ids(w, "only_a", o.a, o.only_a);
    Ids(w, "only_b", o.b, o.only_b);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteMatrixV2(const compare::Matrix& m, const std::string& grammar, Writer& w) {
  w.BeginObject();
  w.Key("schema");
  w.String("congvan-matrix/2");
  WriteGenerator(w, grammar);
  w.Key("documents");
  w.BeginArray();
  for (const auto* d : m.documents) DocSummaryV2(w, *d);
  w.EndArray();
  w.Key("owners");
  w.BeginArray();
  for (const auto& r : m.rows) {
    w.BeginObject();
    OwnerV2(w, r.owner, r.key);
    w.Key("cells");
    w.BeginArray();
    for (const auto& c : r.cells) {
      w.BeginObject();
      w.Key("tasks");
      w.BeginArray();
      for (const auto& id : c.ids) w.String(id);
      w.EndArray();
      NearestDeadline(w, c);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace congvan::emit
