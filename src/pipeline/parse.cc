#include "pipeline/parse.h"

#include "base/sha256.h"
#include "extract/extract.h"
#include "segment/segmenter.h"
#include "text/decode.h"
#include "text/normalize.h"

namespace congvan::pipeline {

Result<model::Document> Parse(std::string_view bytes, const std::string& path,
                              const grammar::Grammar& g) {
  auto decoded = text::Decode(bytes);
  if (!decoded.ok()) return decoded.status();
  model::Document doc;
  doc.source = {path, bytes.size(), Sha256Hex(bytes), decoded->encoding};
  text::Lines lines = text::Normalize(decoded->utf8);
  segment::Segment(lines, g, doc);
  extract::Extract(g, doc);
  return doc;
}

}  // namespace congvan::pipeline
