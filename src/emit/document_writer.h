// Walks a Document, or an input that failed, into a Writer: the one place the output tree is laid out.
// The tree is the output contract (CONTRACT.md; schema/congvan.schema.json), "schema": "congvan/1".
//
// Layout of one document (keys in this order):
//   schema, source{path,bytes,sha256,encoding}, format, kind, authority{name,parent,inferred,line},
//   number, symbol, code, place, date, subject, urgency, secrecy, lines{field: line},
//   recipients[str], recipient_lines[int], references[], preamble, preamble_line,
//   sections[{id,path,heading,text,line,owners,tasks,sections}], closing{text,line,tasks}|null,
//   tasks[], signature{authority,title,name,line}, distribution[{text,name,note,line}],
//   footnotes[{mark,text,line}], warnings[{code,message,line}]
// A failed input: {"schema", "source": {path, bytes}, "error": {code, message}}.
#pragma once

#include "base/status.h"
#include "emit/writer.h"
#include "model/document.h"

#include <functional>

namespace congvan::emit {

inline constexpr const char* kSchema = "congvan/1";
inline constexpr const char* kSchemaV2 = "congvan/2";

void WriteDocument(const model::Document& doc, Writer& w);
// The congvan/2 tree (document_writer_v2.cc; README "Changes from congvan/1"):
//   schema, generator{name,version,grammar}, source, layout, kind{value,text,line}, authority{name,parent,
//   inferred,line}, number{value,symbol,code,line}, place/date/subject/urgency/secrecy {value,line},
//   recipients[{text,line}], references[{kind,kind_text,code,date,issuer,line}], preamble{text,line,
//   end_line}, sections[{id,path,heading,text (its own),line,end_line,sections}], closing{text,line,
//   end_line}, tasks[{id,part,section,annex,text,line,end_line,owners[{name,key}],implied,partners[{name,
//   key}],deadlines[]}], signature{chain[{mark,office}],title,name,line}, distribution[{text,name,note,
//   line}], annexes[{title,line,end_line,preamble,sections}], footnotes[{mark,text,line}], coverage,
//   warnings[{code,severity,line,count,lines,message}]. A line that is not known is null.
// The canonical key of a unit's name (extract::OwnerKey with the grammar in use): congvan/2 prints a
// key beside every owner and partner, and the model keeps only the owners'.
using KeyFn = std::function<std::string(const std::string&)>;
void WriteDocumentV2(const model::Document& doc, const KeyFn& key, Writer& w);
// Where a task sits, as congvan/2 says it.
struct TaskPlace {
  const char* part;            // "section", "closing", "body"
  const std::string* section;  // the section's path, for part "section"; else null
  int annex;                   // 1-based, 0 for the document's own body
};
// One congvan/2 task object {id, part, section, annex, text, line, end_line, owners, implied, partners,
// deadlines}; `d` gives the addressees of a task with implied owners.
void WriteTaskV2(Writer& w, const model::Document& d, const model::Task& t, const TaskPlace& at,
                 const std::string& id, const KeyFn& key);
void WriteErrorV2(const std::string& path, size_t bytes, const Status& status, const std::string& grammar,
                  Writer& w);
void WriteCoverage(Writer& w, const model::Coverage& c);  // the coverage object, keyed "coverage"
void WriteSource(Writer& w, const model::Source& s);      // "source": {path, bytes, sha256, encoding}
// An error row's "source": {path, bytes} and "error": {code, message} (both contracts).
void WriteErrorParts(const std::string& path, size_t bytes, const Status& status, Writer& w);
// congvan/2 pieces that diff and matrix print too: a line (null when 0), a header fact {value, line},
// the authority {name, parent, inferred, line}, the number {value, symbol, code, line}.
void WriteLineV2(Writer& w, std::string_view key, int line);
int HeaderLine(const model::Document& d, const char* key);  // d.lines[key], 0 when absent
void WriteFactV2(Writer& w, std::string_view key, const model::OptString& v, const model::Document& d,
                 const char* line_key);
void WriteAuthorityV2(Writer& w, const model::Document& d);
void WriteNumberV2(Writer& w, const model::Document& d);
// congvan/2's "generator": {name: "congvan", version, grammar: the digest of the rules in use}.
void WriteGenerator(Writer& w, const std::string& grammar);

// Pieces of the tree other outputs reuse (diff, matrix).
void WriteOptional(Writer& w, std::string_view key, const model::OptString& v);  // key: string or null
void WriteStrings(Writer& w, std::string_view key, const std::vector<std::string>& v);
void WriteDeadline(Writer& w, const model::Deadline& d);                          // one object
void WriteTaskFields(Writer& w, const model::Task& t);  // text, owners, owner_keys, partners, deadlines, line
void WriteError(const std::string& path, size_t bytes, const Status& status, Writer& w);

}  // namespace congvan::emit
