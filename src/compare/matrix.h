// Compare stage: owners x documents (`congvan matrix`).
//
// Takes documents. Returns one row per owner key (sorted), one cell per document: how many tasks that
// owner has there and the nearest deadline among them (the earliest due date, a month or quarter
// counting as its last day; else the first recurring duty). Cites() keeps the documents that cite one
// directive ("1102/CĐ-TTg" matches a citation printed "1102/CD-TTg"). Never fails.
#pragma once

#include <string>
#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::compare {

struct MatrixCell {
  size_t tasks = 0;
  std::vector<std::string> ids;  // those tasks' ids, in reading order (congvan-matrix/2 prints them)
  const model::Deadline* nearest = nullptr;
};

struct MatrixRow {
  std::string key;
  std::string owner;  // as first printed
  std::vector<MatrixCell> cells;
};

struct Matrix {
  std::vector<const model::Document*> documents;
  std::vector<MatrixRow> rows;
};

Matrix BuildMatrix(const std::vector<const model::Document*>& docs);

bool Cites(const grammar::Grammar& g, const model::Document& d, const std::string& code);


}  // namespace congvan::compare
