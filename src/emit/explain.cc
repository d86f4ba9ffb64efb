#include "emit/explain.h"

#include <map>
#include <vector>

#include "text/decode.h"
#include "text/normalize.h"

namespace congvan::explain {

std::string Render(const text::Lines& lines, const model::Document& doc) {
  std::map<int, std::vector<const model::TraceEntry*>> by_line;
  for (const auto& t : doc.trace) by_line[t.line].push_back(&t);
  std::string out;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%5s  %-13s %-36s %s\n", "LINE", "PART", "RULES", "TEXT");
  out += buf;
  for (const auto& line : lines) {
    std::string part, rules;
    auto it = by_line.find(line.number);
    if (it != by_line.end()) {
      for (const auto* t : it->second) {
        if (part.find(t->part) == std::string::npos) part += (part.empty() ? "" : ",") + t->part;
        if (rules.find(t->rule) == std::string::npos) rules += (rules.empty() ? "" : " ") + t->rule;
      }
    } else if (line.text.empty()) {
      part = "";
    } else {
      part = "-";
    }
    std::snprintf(buf, sizeof buf, "%5d  ", line.number);
    out += buf;
    out += part;
    out.append(part.size() < 13 ? 14 - part.size() : 1, ' ');
    out += rules;
    out.append(rules.size() < 36 ? 37 - rules.size() : 1, ' ');
    out += line.text;
    out += "\n";
  }
  if (!doc.warnings.empty()) out += "\nwarnings:\n";
  for (const auto& w : doc.warnings) {
    std::snprintf(buf, sizeof buf, "%5d  ", w.line);
    out += buf;
    out += w.code + ": " + w.message + "\n";
  }
  return out;
}

}  // namespace congvan::explain
