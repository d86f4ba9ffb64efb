// Severities of the warning codes (model/warning_codes.h): a lookup in the one list.
#include "model/warning_codes.h"

namespace congvan::model {

Severity SeverityOf(std::string_view code) {
  for (const auto& w : kWarningCodes) {
    if (w.code == code) return w.severity;
  }
  return Severity::kWarning;
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      break;
  }
  return "warning";
}

}  // namespace congvan::model
