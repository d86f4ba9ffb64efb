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
  char buf[128];
  // The zones of a line (segment/zones.h), by bit: "unread" when the line is in none.
  static constexpr const char* kZones[model::Coverage::kZones] = {"unread", "preface", "header", "recipients",
                                                                   "body", "tail", "annex", "debris"};
  auto zones_of = [&](const text::Line& line) {
    std::string z;
    if (line.text.empty() || line.number < 0 || static_cast<size_t>(line.number) >= doc.line_zones.size()) return z;
    for (int k = 0; k < model::Coverage::kZones; ++k) {
      if (doc.line_zones[line.number] >> k & 1) z += (z.empty() ? "" : ",") + std::string(kZones[k]);
    }
    return z;
  };
  std::snprintf(buf, sizeof buf, "%5s  %-10s %-13s %-36s %s\n", "LINE", "ZONE", "PART", "RULES", "TEXT");
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
    std::string zone = zones_of(line);
    out += zone;
    out.append(zone.size() < 10 ? 11 - zone.size() : 1, ' ');
    out += part;
    out.append(part.size() < 13 ? 14 - part.size() : 1, ' ');
    out += rules;
    out.append(rules.size() < 36 ? 37 - rules.size() : 1, ' ');
    out += line.text;
    out += "\n";
  }
  {
    const model::Coverage& c = doc.coverage;
    std::snprintf(buf, sizeof buf, "\ncoverage: %.1f%% of %d non-blank lines in a zone", 100 * c.share(), c.lines);
    out += buf;
    std::string counts;
    for (int k = 1; k < model::Coverage::kZones; ++k) {
      if (c.by_zone[k]) counts += (counts.empty() ? "" : ", ") + std::string(kZones[k]) + " " + std::to_string(c.by_zone[k]);
    }
    if (c.by_zone[0]) counts += (counts.empty() ? "" : ", ") + std::string("unread ") + std::to_string(c.by_zone[0]);
    out += (counts.empty() ? "" : " (" + counts + ")") + "\n";
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
