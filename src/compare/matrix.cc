#include "compare/matrix.h"

#include "base/numbers.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "compare/diff.h"
#include "extract/references.h"
#include "text/fold.h"

namespace congvan::compare {

Matrix BuildMatrix(const std::vector<const model::Document*>& docs) {
  Matrix mx;
  mx.documents = docs;
  std::map<std::string, MatrixRow> rows;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const auto& ref : AllTasks(*docs[d])) {
      const model::Task& t = *ref.task;
      const auto& owners = model::OwnersOf(*docs[d], t);
      const auto& keys = model::OwnerKeysOf(*docs[d], t);
      for (size_t i = 0; i < owners.size(); ++i) {
        std::string key = i < keys.size() ? keys[i] : owners[i];
        auto& row = rows[key];
        if (row.cells.empty()) {
          row.key = key;
          row.owner = owners[i];
          row.cells.resize(docs.size());
        }
        MatrixCell& cell = row.cells[d];
        ++cell.tasks;
        cell.ids.push_back(ref.id);
        for (const auto& dl : t.deadlines) {
          if (!cell.nearest) {
            cell.nearest = &dl;
            continue;
          }
          bool have_due = cell.nearest->due.has_value();
          if (dl.due && (!have_due || dl.due->Last() < cell.nearest->due->Last())) cell.nearest = &dl;
        }
      }
    }
  }
  for (auto& [k, row] : rows) mx.rows.push_back(std::move(row));
  return mx;
}

bool Cites(const grammar::Grammar& g, const model::Document& d, const std::string& code) {
  std::string want = text::FoldKey(extract::NormalizeCode(g, code));
  for (const auto& r : d.references) {
    if (text::FoldKey(extract::NormalizeCode(g, r.code)) == want) return true;
  }
  return false;
}

}  // namespace congvan::compare
