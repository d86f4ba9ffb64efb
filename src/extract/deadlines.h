// Extract: deadlines and recurring duties in one task's text.
//
// Takes the text, the document's own date ("2021-08-04", or none) and the text's first line. Returns the
// deadlines in reading order, each with the words as printed (and where they start in the text) and
//   due     "2021-08-06" (a date; a date without a year takes the document's year), "2021-10" (a month),
//           "2021-Q4" (a quarter), or null for a pure recurrence;
//   time    "17:00" or null;
//   repeat  an RFC 5545 RRULE ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYMONTHDAY=25") or null.
// The rules are deadlines.* in grammars/deadlines.yaml, tried in file order: when two matches overlap the
// earlier rule (the more specific one) wins. A date before the document's own date is a deadline quoted
// from an earlier document, not a new one: it is dropped with a warning. Dates that follow no deadline
// word (a cited document's date, the document's own date, "24/24 giờ") never match. Never fails; a
// deadline that cannot be resolved (no year, a relative period without the document's date) keeps due
// null and adds a warning.
//
// Example:
//   FindDeadlines(g, "gửi Sở Y tế trước ngày 06/8/2021", "2021-08-04", 49, &w)
//     -> [{text: "trước ngày 06/8/2021", due: "2021-08-06", time: null, repeat: null, line: 49}]
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/grammar.h"
#include "model/document.h"

namespace congvan::extract {

std::vector<model::Deadline> FindDeadlines(const grammar::Grammar& g, std::string_view text,
                                           const std::optional<std::string>& doc_date, int line,
                                           std::vector<model::Warning>* warnings);
// The same of a span already classified (grammar::Grammar::ClassifySpan): its classes say which rules to run.
std::vector<model::Deadline> FindDeadlines(const grammar::Grammar& g, const text::Line& span,
                                           const std::optional<std::string>& doc_date, int line,
                                           std::vector<model::Warning>* warnings);

}  // namespace congvan::extract
