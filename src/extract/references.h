// Extract: documents cited in the text, each once.
//
// Takes the document (its subject, preamble, sections, closing). Returns, in order of first mention, each
// cited document with its kind ("Công văn", "Công điện", ...), code ("341-CV/TU"; ASCII type parts fixed
// from authority of references.yaml's code_fixes: "1102/CD-TTg" -> "1102/CĐ-TTg"), date (ISO) and issuer
// ("của Ban Thường vụ Tỉnh ủy", or "đề nghị của Bộ Y tế tại Công văn ..."), and the line of its first
// mention. "và số 10-TB/BCĐ ngày ..." inherits the kind cited just before it. A code cited twice is one
// reference (later mentions fill a missing date or issuer). The document's own code is not a reference.
// Never fails.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::extract {

void FindReferences(const grammar::Grammar& g, model::Document& doc);

// The code with its type part fixed ("1102/CD-TTg" -> "1102/CĐ-TTg") and spaces removed.
// The slug of a printed kind: the document kind its title would give ("Thông tư liên tịch" -> "thong_tu",
// grammars/header.yaml header.kind_title), else its words without marks joined by "_" ("Pháp lệnh" ->
// "phap_lenh"). Never empty for a kind with a letter.
std::string KindSlug(const grammar::Grammar& g, std::string_view printed);

std::string NormalizeCode(const grammar::Grammar& g, std::string_view code);

}  // namespace congvan::extract
