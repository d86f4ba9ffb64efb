// Extract: tasks (who must do what, by when) in the numbered sections, the closing paragraph, and an
// unnumbered body.
//
// A task is a bullet, or a sentence of a non-bullet paragraph. Its owners come, in this order, from
//   1. an explicit assignment in it: "Giao X ...", "Yêu cầu X ...", "Đề nghị X ...", "trong đó X ...",
//      "Đồng thời X ...", "Đối với X cần ..." (owners.assign.*);
//   2. its subject: the sentence starts with an owner ("Sở Y tế báo cáo ...", "Sở Tài chính: tham mưu
//      ...", "Căn cứ ý kiến trên, các cơ quan ... triển khai") unless that subject is the one asking
//      ("Chủ tịch UBND tỉnh yêu cầu ...");
//   3. its section: the heading's owners ("2. Sở Y tế"), else the owner named first in the section, else
//      the enclosing section's.
// With none, in a document with addressees (Kính gửi) the task is asked of them: owners stay empty,
// owners_implied is set, and one task_owner_implied note per document counts them; without addressees a
// task_owner_missing warning names its line. A lead-in naming one owner ("... đề nghị Sở Công Thương
// thực hiện một số nội dung sau:") carries down to the items below it; "quý Sở" is the addressee.
// Which units are tasks: every unit of a directive's items; in a text of articles (laws, decrees,
// circulars, provision_kinds) and in a letter answering a question, only units naming their owner or a
// deadline; in an annex of data (a catalogue, form or table) only units naming their own owner; never
// owners.not_a_task ("Điều 40.", form blanks). Partners come from
// "phối hợp với X, Y"; deadlines from extract/deadlines.h. A person named in passing ("trực tiếp là đồng
// chí ...") sits in brackets and is never an owner. Closing and unnumbered-body sentences become tasks
// only when they name an owner or a deadline. Each section's owners are the union of its tasks' owners.
// Never fails.
#pragma once

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::extract {

void FindTasks(const grammar::Grammar& g, model::Document& doc);

// Splits a paragraph into sentences (at ". ", "! ", "? " before an upper-case letter). Exposed for tests.
std::vector<std::pair<size_t, std::string>> Sentences(std::string_view text);

}  // namespace congvan::extract
