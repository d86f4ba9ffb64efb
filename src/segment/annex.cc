#include "segment/annex.h"

#include "segment/body.h"
#include "segment/zones.h"

namespace congvan::segment {

void ParseAnnexes(const text::Lines& lines, size_t begin, size_t end, const grammar::Grammar& g,
                  model::Document& doc) {
  size_t a = NextContent(lines, begin, end, g);
  while (a < end) {
    size_t b = a + 1;
    while (b < end && !(g.Test("zone.annex_start", lines[b]) && !IsDebris(g, lines[b]))) ++b;
    model::Document part;
    part.tracing = doc.tracing;
    ParseBody(lines, a, b, g, part);
    model::Annex annex;
    annex.title = lines[a].text;
    annex.line = lines[a].number;
    for (size_t i = b; i > a; --i) {
      if (!lines[i - 1].text.empty() && !IsDebris(g, lines[i - 1])) {
        annex.end_line = lines[i - 1].number;
        break;
      }
    }
    annex.preamble = std::move(part.preamble);
    annex.preamble_line = part.preamble_line;
    annex.preamble_end_line = part.preamble_end_line;
    annex.preamble_paragraphs = std::move(part.preamble_paragraphs);
    annex.sections = std::move(part.sections);
    // An annex's closing paragraphs ("Nơi nhận" of a form, its last lines) stay its text.
    if (part.closing) {
      for (auto& p : part.closing->paragraphs) annex.preamble_paragraphs.push_back(std::move(p));
    }
    for (auto& t : part.trace) {
      doc.Trace(t.line, "annex", t.part == "preamble" ? t.rule : t.part + ":" + t.rule);
    }
    for (auto& w : part.warnings) doc.Warn(w.code, w.message, w.line);
    doc.annexes.push_back(std::move(annex));
    a = NextContent(lines, b, end, g);
  }
}

}  // namespace congvan::segment
