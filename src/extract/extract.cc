#include "extract/extract.h"

#include "extract/references.h"
#include "extract/tasks.h"

namespace congvan::extract {

void Extract(const grammar::Grammar& g, model::Document& doc) {
  FindReferences(g, doc);
  FindTasks(g, doc);
}

}  // namespace congvan::extract
