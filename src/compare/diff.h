// Compare stage: two documents' directives, owner by owner (`congvan diff A B`).
//
// Takes two Documents. Returns the header fields whose values differ, and for every owner key found on
// either side (extract/owners.h: "Sở Y tế" = "Sở Y tế tỉnh Cao Bằng", "UBND" = "Ủy ban nhân dân"), the
// owner's tasks on each side, the pairs aligned by text similarity (greedy, best first, at least
// kMinSimilarity), and the tasks with no counterpart. A pair lists what changed: "deadlines", "partners",
// "text". Tasks that name no owner are compared under the empty key. Never fails.
//
// Example: Diff(caMau, caoBang).owners[k] for key "sở y tế" pairs "Khẩn trương triển khai Kế hoạch tiêm
// vắc xin ..." with "Khẩn trương hoàn thành việc tiêm vắc xin ...".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/document.h"

namespace congvan::compare {

inline constexpr double kMinSimilarity = 0.25;

struct TaskRef {
  const model::Task* task;
  std::string section;  // the section path ("2", "II.1"), "closing", or "body"; "annex 1: II.1" in an annex
  const char* part = "section";  // "section", "closing", "body" (congvan/2's task.part)
  std::string path;              // the section's own path for part "section" ("II.1")
  int annex = 0;                 // 1-based annex, 0 for the document's own body
  std::string id;                // its task id (model/task_ids.h): "2.a.1", "closing.1"
};

struct Pair {
  size_t a, b;  // indexes into OwnerDiff::a and ::b
  double similarity;
  std::vector<std::string> changed;  // "deadlines", "partners", "text"
};

struct OwnerDiff {
  std::string owner;  // as printed (A's spelling when both have it); "" for tasks with no owner
  std::string key;
  std::vector<TaskRef> a, b;
  std::vector<Pair> pairs;
  std::vector<size_t> only_a, only_b;
  bool Differs() const;
};

struct HeaderDiff {
  std::string field;
  model::OptString a, b;
};

struct DiffResult {
  const model::Document* a = nullptr;
  const model::Document* b = nullptr;
  std::vector<HeaderDiff> header;
  std::vector<OwnerDiff> owners;  // sorted by key
  bool Differs() const;
};

DiffResult Diff(const model::Document& a, const model::Document& b);

// Similarity of two task texts in [0, 1]: Dice coefficient of their word sets (case and tone placement
// folded). 1 for equal texts.
double Similarity(const std::string& a, const std::string& b);

// Every task of a document with where it sits and its id, in reading order (sections at any depth,
// the closing, an unnumbered body, then each annex's sections and body): the one walk that names tasks,
// shared by diff, matrix and the congvan/2 writer. WalkTasks hands each to `f` without collecting them.
void WalkTasks(const model::Document& d, const std::function<void(const TaskRef&)>& f);
std::vector<TaskRef> AllTasks(const model::Document& d);

}  // namespace congvan::compare
