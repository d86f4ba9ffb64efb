#include "extract/extract.h"

#include "extract/references.h"
#include "extract/tasks.h"

namespace congvan::extract {
namespace {

// Frees the paragraphs of the sections under `sections` (their text stays in each section's `text`).
void DropParagraphs(std::vector<model::Section>& sections) {
  for (auto& s : sections) {
    std::vector<model::Paragraph>().swap(s.paragraphs);
    DropParagraphs(s.sections);
  }
}

}  // namespace

void Extract(const grammar::Grammar& g, model::Document& doc) {
  FindReferences(g, doc);
  FindTasks(g, doc);
  // The paragraphs were read for references and tasks and are not printed: freed here, so writing a
  // long document holds only what it prints (a file of short numbered lines peaked at its tasks, its
  // paragraphs and its output together).
  std::vector<model::Paragraph>().swap(doc.preamble_paragraphs);
  DropParagraphs(doc.sections);
  if (doc.closing) std::vector<model::Paragraph>().swap(doc.closing->paragraphs);
  for (auto& a : doc.annexes) {
    std::vector<model::Paragraph>().swap(a.preamble_paragraphs);
    DropParagraphs(a.sections);
  }
}

}  // namespace congvan::extract
