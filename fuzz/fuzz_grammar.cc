// libFuzzer target over the grammar loader: bytes as a grammar file. It must load or fail with a
// FILE:LINE message, never crash; a grammar that loads must check its examples and parse a sample.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "grammar/grammar.h"
#include "pipeline/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace congvan;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto g = grammar::Grammar::Load({{"fuzz.yaml", text}});
  if (!g.ok()) {
    if (g.status().message().rfind("fuzz.yaml:", 0) != 0) std::abort();  // always FILE:LINE first
    return 0;
  }
  grammar::CheckExamples(**g);
  pipeline::Parse("Số: 1/UBND-VX\nHà Nội, ngày 1 tháng 2 năm 2024\nV/v thử\n1. Sở Y tế báo cáo.\n",
                  "x.txt", **g);
  return 0;
}
