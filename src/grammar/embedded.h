// The default grammars (grammars/*.yaml), compiled into the binary by cmake/embed_grammars.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace congvan::grammar {

struct SourceFile {
  std::string_view name;  // file name, "header.yaml"
  std::string_view text;  // its bytes
};

const std::vector<SourceFile>& EmbeddedGrammars();

}  // namespace congvan::grammar
