#include "emit/ics.h"

#include "base/numbers.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

#include "base/sha256.h"

namespace congvan::emit {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
std::string Fold(const std::string& line) {
  std::string out;
  size_t width = 0;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string Compact(const std::string& date) {  // "2021-08-06" -> "20210806"
  std::string out;
  for (char c : date) {
    if (c != '-') out += c;
  }
  return out;
}

// The last day of a month ("2021-10") or quarter ("2021-Q4"), or the date itself.
std::string Summary(const model::Task& t) {
  std::string owners;
  for (const auto& o : t.owners) owners += (owners.empty() ? "" : ", ") + o;
  std::string text = t.text;
  if (text.size() > 160) {
    size_t cut = 160;  // at a character boundary: never inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return (owners.empty() ? "(người nhận)" : owners) + ": " + text;
}

void Components(const model::Document& doc, const model::Task& t, size_t task_index, std::string* out) {
  std::string code = doc.code.value_or(doc.source.path);
  std::string stamp = doc.date ? Compact(*doc.date) + "T000000Z" : "19700101T000000Z";
  for (size_t k = 0; k < t.deadlines.size(); ++k) {
    const auto& d = t.deadlines[k];
    if (!d.due && !d.repeat) continue;
    std::string uid = Sha256Hex(doc.source.sha256 + "|" + std::to_string(task_index) + "|" +
                                std::to_string(k) + "|" + d.text)
                          .substr(0, 32) + "@congvan";
    std::string desc = d.text + " — " + code + ", dòng " + std::to_string(d.line);
    std::string time = d.time ? "T" + d.time->substr(0, 2) + d.time->substr(3, 2) + "00" : "";
    if (d.repeat) {
      std::string start = doc.date ? Compact(*doc.date) : "19700101";
      *out += "BEGIN:VEVENT\r\n";
      *out += Fold("UID:" + uid);
      *out += Fold("DTSTAMP:" + stamp);
      *out += Fold(time.empty() ? "DTSTART;VALUE=DATE:" + start : "DTSTART:" + start + time);
      *out += Fold("RRULE:" + *d.repeat);
      *out += Fold("SUMMARY:" + Escape(Summary(t)));
      *out += Fold("DESCRIPTION:" + Escape(desc));
      *out += "END:VEVENT\r\n";
    } else {
      std::string due = d.due->Last().Iso();
      due.erase(std::remove(due.begin(), due.end(), '-'), due.end());  // "20210806"
      *out += "BEGIN:VTODO\r\n";
      *out += Fold("UID:" + uid);
      *out += Fold("DTSTAMP:" + stamp);
      *out += Fold(time.empty() ? "DUE;VALUE=DATE:" + due : "DUE:" + due + time);
      *out += Fold("SUMMARY:" + Escape(Summary(t)));
      *out += Fold("DESCRIPTION:" + Escape(desc));
      *out += "END:VTODO\r\n";
    }
  }
}

}  // namespace

std::string IcsBegin() {
  return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//congvan//congvan " CONGVAN_VERSION "//VI\r\n"
         "CALSCALE:GREGORIAN\r\n";
}

std::string IcsEnd() { return "END:VCALENDAR\r\n"; }

std::string IcsDocument(const model::Document& doc) {
  std::string out;
  size_t index = 0;  // the task's position in the document: part of its deadlines' UIDs
  std::function<void(const model::Section&)> walk = [&](const model::Section& s) {
    for (const auto& t : s.tasks) Components(doc, t, index++, &out);
    for (const auto& c : s.sections) walk(c);
  };
  for (const auto& s : doc.sections) walk(s);
  if (doc.closing) {
    for (const auto& t : doc.closing->tasks) Components(doc, t, index++, &out);
  }
  for (const auto& t : doc.tasks) Components(doc, t, index++, &out);
  for (const auto& a : doc.annexes) {
    for (const auto& s : a.sections) walk(s);
  }
  return out;
}

}  // namespace congvan::emit
