// The deadlines as an iCalendar stream (RFC 5545), for `congvan parse --format ics`.
//
// One VCALENDAR for the whole run: IcsBegin(), then IcsDocument() per document, then IcsEnd().
// Each dated deadline is a VTODO with DUE (a date, or a floating local date-time when a time is given;
// a month or quarter is due on its last day); each recurring duty is a VEVENT starting on the document's
// date with its RRULE. SUMMARY names the owners and the task; DESCRIPTION holds the deadline's words, the
// document's code and the line. UIDs are a hash of the document's bytes, the task's line and the
// deadline's words, so they are stable across runs; DTSTAMP is the document's date for the same reason.
// Text is escaped and lines are folded at 75 octets without splitting a UTF-8 character. Never fails;
// a deadline with neither a due date nor a recurrence is skipped.
#pragma once

#include <string>

#include "model/document.h"

namespace congvan::emit {

std::string IcsBegin();
std::string IcsDocument(const model::Document& doc);
std::string IcsEnd();

}  // namespace congvan::emit
