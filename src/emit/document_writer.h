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

namespace congvan::emit {

inline constexpr const char* kSchema = "congvan/1";

void WriteDocument(const model::Document& doc, Writer& w);

// Pieces of the tree other outputs reuse (diff, matrix).
void WriteOptional(Writer& w, std::string_view key, const model::OptString& v);  // key: string or null
void WriteStrings(Writer& w, std::string_view key, const std::vector<std::string>& v);
void WriteDeadline(Writer& w, const model::Deadline& d);                          // one object
void WriteTaskFields(Writer& w, const model::Task& t);  // text, owners, owner_keys, partners, deadlines, line
void WriteError(const std::string& path, size_t bytes, const Status& status, Writer& w);

}  // namespace congvan::emit
