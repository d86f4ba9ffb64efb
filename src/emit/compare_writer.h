// Output of `congvan diff` and `congvan matrix`.
//
// WriteDiff: the diff's JSON tree (CONTRACT.md, "schema": "congvan-diff/1"): a, b {path, code,
// authority, date}; header [{field, a, b}]; owners [{owner, key, a, b, pairs [{a, b, similarity,
// changed}], only_a, only_b}] sorted by key. DiffText: the same for people, one block per owner with
// differences; with color, removed lines red, added green, changed yellow (ANSI).
// Matrix: a Markdown table, CSV (RFC 4180: CRLF, fields with ',', '"' or line breaks quoted, quotes
// doubled), or JSON ("schema": "congvan-matrix/1"). None fail.
#pragma once

#include <string>

#include "compare/diff.h"
#include "compare/matrix.h"
#include "emit/document_writer.h"
#include "emit/writer.h"

namespace congvan::emit {

void WriteDiff(const compare::DiffResult& d, Writer& w);
std::string DiffText(const compare::DiffResult& d, bool color);

std::string MatrixMarkdown(const compare::Matrix& m);
std::string MatrixCsv(const compare::Matrix& m);
void WriteMatrix(const compare::Matrix& m, Writer& w);
// With --schema 2: "congvan-diff/2" and "congvan-matrix/2", in congvan/2's shapes: documents as {path,
// authority {name, parent, inferred, line}, number {value, symbol, code, line}, date {value, line}},
// owners as {name, key}, tasks as congvan/2 task objects, pairs and only_a/only_b by task id, a matrix
// cell's `tasks` as the list of its task ids; the header field "format" is "layout".
// `grammar`: the digest of the rules in use (generator.grammar).
// `key`: a unit's canonical key (extract::OwnerKey), for partners.
void WriteDiffV2(const compare::DiffResult& d, const std::string& grammar, const KeyFn& key, Writer& w);
void WriteMatrixV2(const compare::Matrix& m, const std::string& grammar, Writer& w);

// A deadline in few words: "2021-08-06", "2021-08-06 17:00", "FREQ=DAILY 17:00".
std::string DeadlineWords(const model::Deadline& d);

}  // namespace congvan::emit
