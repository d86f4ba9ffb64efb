// Task ids: a name for every task that is the same whenever the same document is read, so diff and
// matrix (and a reader) can point at one: "2.a.1" (the first task of item 2.a), "closing.1", "body.3"
// (a body without numbered items), "annex1/II.2.1" (the first annex's item II.2). The id is the task's
// holder and its 1-based place there; a holder printed twice (two items numbered alike) is "2~2" the
// second time, so no two tasks share an id. Computed where it is printed, not stored per task (a file of
// 160,000 one-line items would carry 32 bytes more per task).
//
// Usage: walk the document in reading order (sections depth first, the closing, the body, then each
// annex's) with one TaskIds; for each holder call Section()/Part() once, then Id(holder, i). The one
// walk that does so is compare::WalkTasks; the congvan/2 loader names the holders it places tasks in
// the same way. Cannot fail.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/document.h"

namespace congvan::model {

class TaskIds {
 public:
  // The holder name of a section (its path) in a document part: prefix "" or "annex1/".
  std::string Section(std::string_view prefix, const model::Section& s);
  // "closing" or "body", with the annex prefix.
  static std::string Part(std::string_view prefix, std::string_view part) { return std::string(prefix) + std::string(part); }
  static std::string Id(const std::string& holder, size_t index) { return holder + "." + std::to_string(index + 1); }
  static std::string AnnexPrefix(size_t annex_index) { return "annex" + std::to_string(annex_index + 1) + "/"; }

 private:
  std::unordered_map<std::string, int> seen_;  // section holders named so far, by times seen
};

}  // namespace congvan::model
