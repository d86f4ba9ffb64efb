// A deadline's due date at the precision the text gives (issue 11): a day ("trước ngày 06/8/2021"), an
// ISO week ("trong tuần tới"), a month ("trong tháng 10/2021"), a quarter ("trong quý IV/2021") or a
// year ("trong năm 2026"). Made once by the deadline reader; the writers, iCalendar, diff and matrix read
// its fields and never re-parse a string.
//
//   Iso()   "2021-08-06", "2021-W07", "2021-10", "2021-Q4", "2021"
//   By()    the last calendar day it allows, "YYYY-MM-DD": the day itself, the week's Sunday, the
//           month's or quarter's last day, 31 December
//   Parse() the inverse of Iso() (for congvan JSON read back by diff and matrix); nothing for any other
//           text.
// Every Due made by the factories is a real calendar date or period; they return nothing otherwise.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace congvan {

struct YearMonthDay {
  int year = 0, month = 0, day = 0;
  bool operator==(const YearMonthDay& o) const { return year == o.year && month == o.month && day == o.day; }
  bool operator<(const YearMonthDay& o) const {
    return year != o.year ? year < o.year : month != o.month ? month < o.month : day < o.day;
  }
  std::string Iso() const;  // "2021-08-06"
  // From "2021-08-06"; nothing when it is not a calendar date.
  static std::optional<YearMonthDay> FromIso(std::string_view iso);
  YearMonthDay PlusDays(int n) const;
  YearMonthDay PlusMonths(int n) const;  // the same day of month, clamped to the month's last day
  int Weekday() const;                   // 1 Monday .. 7 Sunday
};

struct Due {
  enum class Precision { kDay, kWeek, kMonth, kQuarter, kYear };
  Precision precision = Precision::kDay;
  int year = 0;
  int month = 0;    // kDay, kMonth
  int day = 0;      // kDay
  int week = 0;     // kWeek: the ISO week (its year is `year`, the ISO week-numbering year)
  int quarter = 0;  // kQuarter: 1..4

  static std::optional<Due> Day(int year, int month, int day);
  static std::optional<Due> Day(const YearMonthDay& d) { return Day(d.year, d.month, d.day); }
  static std::optional<Due> Week(const YearMonthDay& any_day_of_it);
  static std::optional<Due> Month(int year, int month);
  static std::optional<Due> Quarter(int year, int quarter);
  static std::optional<Due> Year(int year);
  static std::optional<Due> Parse(std::string_view iso);

  std::string Iso() const;
  YearMonthDay Last() const;  // the last calendar day it allows
  std::string By() const { return Last().Iso(); }
  bool operator==(const Due& o) const { return Iso() == o.Iso(); }
};

}  // namespace congvan
