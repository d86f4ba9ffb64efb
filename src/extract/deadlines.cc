#include "extract/deadlines.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "base/dates.h"
#include "base/due.h"
#include "base/numbers.h"
#include "grammar/prefilter.h"
#include "text/fold.h"

namespace congvan::extract {
namespace {




std::optional<std::string> Clock(const grammar::Match& m) {
  int h = ParseInt(m.Group("hour"));
  if (h < 0) return std::nullopt;
  int mi = m.Has("minute") ? ParseInt(m.Group("minute")) : 0;
  // "3 giờ chiều" is 15:00, "7 giờ tối" 19:00, "1 giờ trưa" 13:00; "sáng" keeps the hour.
  std::string part = m.Has("ampm") ? text::FoldKey(m.Group("ampm")) : "";
  if ((part == text::FoldKey("chiều") || part == text::FoldKey("tối")) && h < 12) h += 12;
  if (part == text::FoldKey("trưa") && h < 6) h += 12;
  if (part == text::FoldKey("đêm") && h >= 6 && h < 12) h += 12;
  if (part == text::FoldKey("đêm") && h == 12) h = 0;  // "12 giờ đêm": midnight
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
  return std::string(buf);
}

std::string ByDay(const grammar::Match& m) {
  if (m.Has("sunday")) return "SU";
  std::string w = text::FoldKey(m.Group("weekday"));
  static const std::vector<std::pair<std::string, std::string>> kDays = {
      {"hai", "MO"}, {"ba", "TU"}, {"tư", "WE"}, {"năm", "TH"}, {"sáu", "FR"}, {"bảy", "SA"},
      {"2", "MO"},   {"3", "TU"},  {"4", "WE"},  {"5", "TH"},   {"6", "FR"},   {"7", "SA"}};
  for (const auto& [k, v] : kDays) {
    if (text::FoldKey(k) == w) return v;
  }
  return "";
}

// 1 Monday .. 7 Sunday, or 0.
int WeekdayNumber(const grammar::Match& m) {
  static const char* kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  std::string by = ByDay(m);
  for (int i = 0; i < 7; ++i) {
    if (by == kDays[i]) return i + 1;
  }
  return 0;
}

// "10", "mười", "ba" -> 10, 10, 3 (a word's place in the grammar's count_words); -1 otherwise.
int Count(const grammar::Grammar& g, std::string_view n) {
  if (!n.empty() && n[0] >= '0' && n[0] <= '9') return ParseInt(n);
  const auto& words = g.List("count_words");
  std::string key = text::FoldKey(n);
  for (size_t i = 0; i < words.size(); ++i) {
    if (key == text::FoldKey(words[i])) return static_cast<int>(i) + 1;
  }
  return -1;
}

// The n-th working day (Monday to Friday; no holiday calendar) after `from`.
YearMonthDay AddWorkingDays(YearMonthDay from, int n) {
  while (n > 0) {
    from = from.PlusDays(1);
    if (from.Weekday() <= 5) --n;
  }
  return from;
}

int Quarter(std::string_view q) {
  if (q == "I" || q == "1") return 1;
  if (q == "II" || q == "2") return 2;
  if (q == "III" || q == "3") return 3;
  if (q == "IV" || q == "4") return 4;
  return 0;
}

}  // namespace

std::vector<model::Deadline> FindDeadlines(const grammar::Grammar& g, std::string_view text,
                                           const std::optional<std::string>& doc_date, int line,
                                           std::vector<model::Warning>* warnings) {
  text::Line span{std::string(text)};
  g.ClassifySpan(&span);
  return FindDeadlines(g, span, doc_date, line, warnings);
}

std::vector<model::Deadline> FindDeadlines(const grammar::Grammar& g, const text::Line& span,
                                           const std::optional<std::string>& doc_date, int line,
                                           std::vector<model::Warning>* warnings) {
  std::string_view text = span.text;
  int doc_year = doc_date ? ParseInt(doc_date->substr(0, 4)) : -1;
  // The document's own day, read once: every relative form and the past check count from it.
  const std::optional<YearMonthDay> doc_day = doc_date ? YearMonthDay::FromIso(*doc_date) : std::nullopt;
  // Accept matches rule by rule in file order; a later rule's match that overlaps an accepted one loses.
  struct Hit {
    size_t begin, end;
    grammar::Match m;
  };
  std::vector<Hit> accepted;
  // The accepted spans, which never overlap, ordered by (begin, end): a new match is checked against its
  // neighbour only, not against every accepted hit (quadratic in one long sentence, issue 13).
  std::set<std::pair<size_t, size_t>> spans;
  auto overlaps_accepted = [&](size_t b, size_t e) {
    // The accepted span that starts last before e ends last among those (they are disjoint); it
    // overlaps [b, e) exactly when any of them does.
    auto it = spans.lower_bound({e, 0});
    if (it == spans.begin()) return false;
    --it;
    return b < it->second && it->first < e;
  };
  for (const grammar::Rule* rule : g.MatchingRules("deadlines", span)) {
    size_t start = 0;
    const RE2* re = rule->re.get();
    const int n = re->NumberOfCapturingGroups() + 1;
    while (start < text.size()) {
      // The rest of the span must hold one of the rule's literals for another match.
      if (!grammar::MayMatch(rule->any_of, text.substr(start))) break;
      grammar::Match m;
      re2::StringPiece sp[grammar::kMaxGroups + 1];
      if (!re->Match(re2::StringPiece(text.data(), text.size()), start, text.size(), RE2::UNANCHORED, sp, n)) {
        break;
      }
      m.rule = rule;
      for (int i = 0; i < n; ++i) {
        m.groups.emplace_back(sp[i].data() ? std::string_view(sp[i].data(), sp[i].size()) : "");
      }
      size_t b = sp[0].data() - text.data(), e = b + sp[0].size();
      // "trước 2 hội nghị", "chậm nhất 1 giai đoạn": an "h" or "g" that starts a word is no clock.
      bool word_after = e < text.size() && e > 0 && (text[e - 1] == 'h' || text[e - 1] == 'g') &&
                        !(text[e] == ' ' || text[e] == ',' || text[e] == '.' || text[e] == ';' || text[e] == ')' ||
                          text[e] == '\'' || (text[e] >= '0' && text[e] <= '9'));
      if (word_after) {
        start = e > start ? e : start + 1;
        continue;
      }
      if (!overlaps_accepted(b, e)) {
        accepted.push_back({b, e, m});
        spans.insert({b, e});
      }
      start = e > start ? e : start + 1;
    }
  }
  std::sort(accepted.begin(), accepted.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  std::vector<model::Deadline> out;
  for (const auto& h : accepted) {
    const grammar::Match& m = h.m;
    model::Deadline d;
    d.text = std::string(text.substr(h.begin, h.end - h.begin));
    d.offset = h.begin;
    while (!d.text.empty() && (d.text.back() == ' ' || d.text.back() == ',')) d.text.pop_back();
    d.line = line;
    d.rule = m.rule->id;
    d.time = Clock(m);
    const std::string& kind = m.rule->value;
    if (kind == "period") continue;  // "Từ ngày ... đến hết ngày ...": a span, not a deadline
    auto warn = [&](const std::string& code, const std::string& msg) {
      if (warnings) warnings->push_back({code, msg + ": \"" + d.text + "\"", line});
    };
    if (kind == "date") {
      if (m.Has("not_date")) continue;  // "không quá 1/3 thời gian", "trước 3-5 ngày": not a date
      int day = ParseInt(m.Group("day")), month = ParseInt(m.Group("month"));
      bool has_year = m.Has("year");
      int year = has_year ? ParseInt(m.Group("year")) : doc_year;
      if (year < 0) {
        warn("deadline_year_unknown", "a deadline without a year in a document without a date");
      } else if (!ValidDate(year, month, day)) {
        warn("deadline_invalid", "not a calendar date");
        continue;
      } else {
        d.due = Due::Day(year, month, day);
        // "trước ngày 05/01" in a December document is next January.
        if (!has_year && doc_day && d.due->Last() < *doc_day && ValidDate(year + 1, month, day)) {
          d.due = Due::Day(year + 1, month, day);
        }
        if (doc_day && d.due->Last() < *doc_day) {
          warn("deadline_past", "a date before the document's own date, read as quoted, not as a deadline");
          continue;
        }
      }
    } else if (kind == "span_end") {  // "Thời gian thực hiện: Từ tháng 5/2024 đến quý III/2024"
      int y = ParseInt(m.Group("year"));
      d.due = m.Has("quarter") ? Due::Quarter(y, Quarter(m.Group("quarter"))) : Due::Month(y, ParseInt(m.Group("month")));
      if (!d.due || (doc_day && d.due->Last() < *doc_day)) continue;
    } else if (kind == "month" || kind == "quarter" || kind == "year" || kind == "week" ||
               kind == "relative_day" || kind == "time_only") {
      if (m.Has("past")) continue;  // "trong tháng 6 năm ngoái": a past period
      // Named from "now" (no year, "này", "tới", a weekday of this week): counted from the document date.
      bool relative = kind == "week" || kind == "relative_day" || kind == "time_only" || m.Has("rel") ||
                      (kind != "year" && !m.Has("year"));
      if (relative && !doc_day) {
        warn("deadline_unresolved", "a deadline named from the document's date, which is unknown");
        out.push_back(std::move(d));
        continue;
      }
      std::string rel = m.Has("rel") ? text::FoldKey(m.Group("rel")) : "";
      bool next = !rel.empty() && rel != text::FoldKey("này") && rel != text::FoldKey("nay");
      std::string which = m.Has("which") ? text::FoldKey(m.Group("which")) : "";
      bool next_week = !which.empty() && which != text::FoldKey("này");
      if (kind == "month") {
        int y = 0, mo = 0;
        if (m.Has("month")) {
          mo = ParseInt(m.Group("month"));
          y = m.Has("year") ? ParseInt(m.Group("year")) : doc_day->year + (mo < doc_day->month ? 1 : 0);
        } else {
          YearMonthDay first = next ? YearMonthDay{doc_day->year, doc_day->month, 1}.PlusMonths(1)
                                    : YearMonthDay{doc_day->year, doc_day->month, 1};
          y = first.year;
          mo = first.month;
        }
        d.due = Due::Month(y, mo);
        // "Vào tháng 3, Sở ... đã tổ chức kiểm tra": a past month told, not next year's.
        if (!m.Has("year") && m.Has("month") && mo < doc_day->month && text.find(" đã ") != std::string_view::npos) continue;
      } else if (kind == "quarter") {
        int y = 0, q = 0;
        if (m.Has("quarter")) {
          q = Quarter(m.Group("quarter"));
          int doc_q = doc_day ? (doc_day->month + 2) / 3 : 0;
          y = m.Has("year") ? ParseInt(m.Group("year")) : doc_day->year + (q < doc_q ? 1 : 0);
          if (!m.Has("year") && q < doc_q && text.find(" đã ") != std::string_view::npos) continue;  // told, past
        } else {
          q = (doc_day->month + 2) / 3 + (next ? 1 : 0);
          y = doc_day->year + (q > 4 ? 1 : 0);
          if (q > 4) q = 1;
        }
        d.due = Due::Quarter(y, q);
      } else if (kind == "year") {
        d.due = Due::Year(m.Has("year") ? ParseInt(m.Group("year")) : doc_day->year + (next ? 1 : 0));
      } else if (kind == "week") {
        d.due = Due::Week(doc_day->PlusDays(next_week ? 7 : 0));
      } else if (kind == "time_only") {
        d.due = Due::Day(*doc_day);
      } else {  // relative_day
        std::string day = m.Has("rel_day") ? text::FoldKey(m.Group("rel_day")) : "";
        YearMonthDay due = *doc_day;
        if (day.find(text::FoldKey("mai")) != std::string::npos) {
          due = doc_day->PlusDays(1);
        } else if (day.find(text::FoldKey("kia")) != std::string::npos ||
                   day.find(text::FoldKey("mốt")) != std::string::npos) {
          due = doc_day->PlusDays(2);
        } else if (day.empty()) {  // "thứ Năm tuần tới": that weekday of this week or the next
          int wd = WeekdayNumber(m);
          if (wd == 0) continue;
          due = doc_day->PlusDays(wd - doc_day->Weekday() + (next_week ? 7 : 0));
        }
        d.due = Due::Day(due);
      }
      if (!d.due) continue;
      if (doc_day && d.due->Last() < *doc_day) {
        warn("deadline_past", "a date before the document's own date, read as quoted, not as a deadline");
        continue;
      }
      if (kind == "quarter" && m.Has("quarter2")) {  // "Quý IV/2024 và Quý I/2025": two deadlines
        model::Deadline second = d;
        second.due = Due::Quarter(ParseInt(m.Group("year2")), Quarter(m.Group("quarter2")));
        out.push_back(std::move(d));
        if (second.due) out.push_back(std::move(second));
        continue;
      }
    } else if (kind == "daily") {
      d.repeat = "FREQ=DAILY";
    } else if (kind == "weekly") {
      std::string by = ByDay(m);
      d.repeat = by.empty() ? "FREQ=WEEKLY" : "FREQ=WEEKLY;BYDAY=" + by;
    } else if (kind == "monthly") {
      d.repeat = m.Has("day") ? "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(ParseInt(m.Group("day")))
                              : "FREQ=MONTHLY";
    } else if (kind == "yearly_date") {
      d.repeat = "FREQ=YEARLY;BYMONTH=" + std::to_string(ParseInt(m.Group("month"))) +
                 ";BYMONTHDAY=" + std::to_string(ParseInt(m.Group("day")));
    } else if (kind == "yearly") {
      d.repeat = "FREQ=YEARLY";
    } else if (kind == "yearly_month") {
      d.repeat = "FREQ=YEARLY;BYMONTH=" + std::to_string(ParseInt(m.Group("month")));
    } else if (kind == "quarterly") {
      int every = m.Has("every_n") ? ParseInt(m.Group("every_n")) : m.Has("every_m") ? ParseInt(m.Group("every_m")) : 3;
      if (every <= 0) continue;
      d.repeat = every == 1 ? "FREQ=MONTHLY" : "FREQ=MONTHLY;INTERVAL=" + std::to_string(every);
    } else if (kind == "relative") {
      if (m.Has("past")) continue;  // "trong 10 ngày qua": the period just past
      if (m.Has("rate")) continue;  // "8 giờ trong một ngày": a rate, not a period to act in
      std::string from = m.Has("from") ? text::FoldKey(m.Group("from")) : "";
      bool from_document = from.empty() || from == text::FoldKey("ký") || from == text::FoldKey("ban hành");
      int n = Count(g, m.Group("n"));
      std::optional<YearMonthDay> base = doc_day;
      // "trong 30 ngày kể từ ngày 01/7/2024": counted from the date printed.
      if (!from_document) {
        int part[3] = {0, 0, 0}, k = 0;
        bool digits = false;
        for (char ch : m.Group("from")) {
          if (ch >= '0' && ch <= '9') {
            part[k] = part[k] * 10 + (ch - '0');
            digits = true;
          } else if ((ch == '/' || ch == '.' || ch == '-') && digits && k < 2) {
            ++k;
            digits = false;
          } else {
            break;
          }
        }
        if (k == 2 && digits && ValidDate(part[2], part[1], part[0])) {
          base = YearMonthDay{part[2], part[1], part[0]};
          from_document = true;
        }
      }
      if (!from_document) {
        warn("deadline_unresolved", "a period counted from an event whose date is not given");
      } else if (!base) {
        warn("deadline_unresolved", "a period counted from the document's date, which is unknown");
      } else if (n > 0) {
        std::string unit = text::FoldKey(m.Group("unit"));
        YearMonthDay due = *base;
        if (unit == text::FoldKey("tháng")) {
          due = base->PlusMonths(n);
        } else if (m.Has("working")) {
          due = AddWorkingDays(*base, unit == text::FoldKey("tuần") ? 5 * n : n);
        } else {
          due = base->PlusDays(unit == text::FoldKey("tuần") ? 7 * n : n);
        }
        d.due = Due::Day(due);
        if (doc_day && d.due && d.due->Last() < *doc_day) {
          warn("deadline_past", "a date before the document's own date, read as quoted, not as a deadline");
          continue;
        }
      }
    }
    // A recurrence and then, in so many words, its first occurrence: one deadline with both.
    if (d.due && !d.repeat && !out.empty() && out.back().repeat && !out.back().due) {
      size_t prev_end = out.back().offset + out.back().text.size();
      if (prev_end <= h.begin && g.Test("common.first_occurrence", text.substr(prev_end, h.begin - prev_end))) {
        out.back().due = d.due;
        if (d.time) out.back().time = d.time;
        continue;
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace congvan::extract
