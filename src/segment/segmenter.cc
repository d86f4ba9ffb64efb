#include "segment/segmenter.h"

#include "segment/annex.h"
#include "segment/body.h"
#include "segment/header.h"
#include "segment/infer.h"
#include "segment/layout.h"
#include "segment/recipients.h"
#include "segment/tail.h"
#include "segment/zones.h"

namespace congvan::segment {

void Segment(text::Lines input, const grammar::Grammar& g, model::Document& doc) {
  text::Lines lines = Unflatten(std::move(input), g, doc);  // the input's table is freed on return
  RejoinSplitStarters(lines, g, doc);
  g.Classify(lines);  // every line once: the stages below read each line's classes
  SeparateTailColumns(lines, g, doc);
  size_t start = SkipPreface(lines, g, doc);
  HeaderNotes notes;
  size_t header_end = ParseHeader(lines, start, g, doc, &notes);
  size_t body_begin = ParseRecipients(lines, header_end, g, doc);
  LiftFootnotes(lines, body_begin, g, doc);
  size_t annex = 0, annex_end = 0;
  size_t body_end = ParseTail(lines, body_begin, g, doc, &annex, &annex_end);
  if (body_end < body_begin) body_end = body_begin;
  ParseBody(lines, body_begin, body_end, g, doc);
  ParseAnnexes(lines, annex, annex_end, g, doc);
  ReadLateHeader(lines, header_end, annex, g, doc, &notes);
  Infer(lines, notes, g, doc);
  ZoneBounds bounds{start, header_end, body_begin, body_end, annex, annex_end};
  AssignZones(lines, bounds, notes.unread, g, doc);
}

}  // namespace congvan::segment
