// Extract: deadlines and recurring duties in one task's text.
//
// Takes the text, the document's own date ("2021-08-04", or none) and the text's first line. Returns the
// deadlines in reading order, each with the words as printed (and where they start in the text) and
//   due     a typed Due (base/due.h) at the precision printed: a day, an ISO week, a month, a quarter, a
//           year; null for a pure recurrence or when it cannot be resolved;
//   time    "17:00" or null ("3 giờ chiều" is 15:00);
//   repeat  an RFC 5545 RRULE ("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;INTERVAL=3") or null.
// Resolved against the document date (never the clock): a date without a year takes the document's year,
// or the next when that would fall before the document; "trong tháng 6", "quý III" the next on or after
// the document's month or quarter; "tháng này", "quý tới", "năm nay", "tuần tới", "thứ Năm tuần tới",
// "ngày mai", "hôm nay" from the document's own day (weeks run Monday to Sunday); "trong 10 ngày",
// "trong 3 tháng tới" count from it ("kể từ ngày ký/ban hành" is the same; months keep the day, clamped
// to the month's end); "N ngày làm việc" counts Monday to Friday from the next day, without a holiday
// calendar; a time with no date is due that day. A period counted from a date printed ("kể từ ngày
// 01/7/2024") counts from it; one counted from an event whose date is not given ("kể từ ngày nhận được
// văn bản") keeps due null with a warning. A recurrence followed by its first
// occurrence ("định kỳ hằng quý, kỳ báo cáo đầu tiên trước ngày 15/4/2025") is one deadline with both.
// Not deadlines: anything that resolves before the document date (dropped with `deadline_past`),
// periods just past ("trong 10 ngày qua", "quý I vừa qua"), rates ("8 giờ trong một ngày"), campaign
// spans ("Từ ngày ... đến hết ngày ..."), and dates after no deadline word (a cited document's date,
// an effective date, "24/24 giờ").
// The rules are deadlines.* in grammars/deadlines.yaml, tried in file order: when two matches overlap the
// earlier rule (the more specific one) wins. Never fails.
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
