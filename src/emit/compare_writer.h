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
#include "emit/writer.h"

namespace congvan::emit {

void WriteDiff(const compare::DiffResult& d, Writer& w);
std::string DiffText(const compare::DiffResult& d, bool color);

std::string MatrixMarkdown(const compare::Matrix& m);
std::string MatrixCsv(const compare::Matrix& m);
void WriteMatrix(const compare::Matrix& m, Writer& w);

// A deadline in few words: "2021-08-06", "2021-08-06 17:00", "FREQ=DAILY 17:00".
std::string DeadlineWords(const model::Deadline& d);

}  // namespace congvan::emit
