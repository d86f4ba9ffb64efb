#include "base/status.h"

namespace congvan {

std::string_view CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kNotFound: return "not_found";
    case Code::kIsDirectory: return "is_directory";
    case Code::kEmpty: return "empty";
    case Code::kBinary: return "binary";
    case Code::kBadEncoding: return "invalid_encoding";
    case Code::kTooLarge: return "too_large";
    case Code::kIo: return "io_error";
    case Code::kGrammar: return "grammar";
    case Code::kBadRecord: return "invalid_record";
    case Code::kUsage: return "usage";
  }
  return "unknown";
}

}  // namespace congvan
