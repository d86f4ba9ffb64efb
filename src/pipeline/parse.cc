#include "pipeline/parse.h"

#include "base/sha256.h"
#include "extract/extract.h"
#include "segment/segmenter.h"
#include "text/decode.h"
#include "text/legacy.h"
#include "text/normalize.h"

namespace congvan::pipeline {

Result<model::Document> Parse(std::string_view bytes, const std::string& path,
                              const grammar::Grammar& g, const ParseOptions& opt, text::Lines* lines_out) {
  text::DecodeOptions dopt;
  dopt.encoding = opt.encoding;
  dopt.tables = &g.LegacyTables();
  auto decoded = text::Decode(bytes, dopt);
  if (!decoded.ok()) return decoded.status();
  model::Document doc;
  doc.tracing = lines_out != nullptr;
  doc.source = {path, bytes.size(), Sha256Hex(bytes), decoded->encoding};
  doc.grammar = g.digest();
  if (decoded->guessed) {
    doc.Warn("encoding_guessed",
             "not declared: read as " + decoded->encoding + " because that decoding reads as Vietnamese",
             0);
  }
  if (decoded->nul_bytes) {
    doc.Warn("nul_bytes_removed", std::to_string(decoded->nul_bytes) + " NUL bytes dropped from the text", 0);
  }
  if (decoded->replaced) {
    doc.Warn("invalid_bytes_replaced",
             std::to_string(decoded->replaced) + " invalid UTF-8 sequences replaced by U+FFFD", 0);
  }
  text::Lines lines = text::Normalize(decoded->utf8);
  std::string().swap(decoded->utf8);  // the lines hold the text now
  if (lines_out) {
    segment::Segment(lines, g, doc);  // a copy: the caller keeps the normalized lines
  } else {
    segment::Segment(std::move(lines), g, doc);
  }
  extract::Extract(g, doc);
  doc.SummarizeWarnings();
  if (lines_out) *lines_out = std::move(lines);
  return doc;
}

}  // namespace congvan::pipeline
