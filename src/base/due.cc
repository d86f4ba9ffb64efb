#include "base/due.h"

#include <chrono>
#include <cstdio>

#include "base/dates.h"
#include "base/numbers.h"

namespace congvan {
namespace {

using namespace std::chrono;

year_month_day Ymd(const YearMonthDay& d) {
  return year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
}

YearMonthDay From(const year_month_day& d) {
  return {int(d.year()), static_cast<int>(unsigned(d.month())), static_cast<int>(unsigned(d.day()))};
}

bool InRange(int y) { return y >= 1000 && y <= 9999; }

// The Monday of ISO week 1 of ISO year y (the week holding 4 January).
sys_days IsoWeekOne(int y) {
  sys_days jan4{year{y} / January / 4};
  weekday wd{jan4};
  int from_monday = static_cast<int>(wd.iso_encoding()) - 1;
  return jan4 - days{from_monday};
}

}  // namespace

std::string YearMonthDay::Iso() const { return IsoDate(year, month, day).value_or(""); }

std::optional<YearMonthDay> YearMonthDay::FromIso(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = ParseInt(iso.substr(0, 4)), m = ParseInt(iso.substr(5, 2)), d = ParseInt(iso.substr(8, 2));
  if (!ValidDate(y, m, d)) return std::nullopt;
  return YearMonthDay{y, m, d};
}

YearMonthDay YearMonthDay::PlusDays(int n) const { return From(year_month_day{sys_days{Ymd(*this)} + days{n}}); }

YearMonthDay YearMonthDay::PlusMonths(int n) const {
  year_month_day d = Ymd(*this) + months{n};
  if (!d.ok()) d = d.year() / d.month() / last;
  return From(d);
}

int YearMonthDay::Weekday() const { return static_cast<int>(weekday{sys_days{Ymd(*this)}}.iso_encoding()); }

std::optional<Due> Due::Day(int y, int m, int d) {
  if (!ValidDate(y, m, d)) return std::nullopt;
  Due due;
  due.precision = Precision::kDay;
  due.year = y;
  due.month = m;
  due.day = d;
  return due;
}

std::optional<Due> Due::Week(const YearMonthDay& any) {
  if (!ValidDate(any.year, any.month, any.day)) return std::nullopt;
  sys_days day{Ymd(any)};
  int y = any.year + 1;
  while (day < IsoWeekOne(y)) --y;  // the ISO year: the latest whose week 1 starts on or before the day
  Due due;
  due.precision = Precision::kWeek;
  due.year = y;
  due.week = static_cast<int>((day - IsoWeekOne(y)).count() / 7) + 1;
  if (!InRange(y)) return std::nullopt;
  return due;
}

std::optional<Due> Due::Month(int y, int m) {
  if (!InRange(y) || m < 1 || m > 12) return std::nullopt;
  Due due;
  due.precision = Precision::kMonth;
  due.year = y;
  due.month = m;
  return due;
}

std::optional<Due> Due::Quarter(int y, int q) {
  if (!InRange(y) || q < 1 || q > 4) return std::nullopt;
  Due due;
  due.precision = Precision::kQuarter;
  due.year = y;
  due.quarter = q;
  return due;
}

std::optional<Due> Due::Year(int y) {
  if (!InRange(y)) return std::nullopt;
  Due due;
  due.precision = Precision::kYear;
  due.year = y;
  return due;
}

std::optional<Due> Due::Parse(std::string_view s) {
  if (s.size() == 10) {
    auto d = YearMonthDay::FromIso(s);
    return d ? Day(*d) : std::nullopt;
  }
  if (s.size() < 4) return std::nullopt;
  for (int i = 0; i < 4; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  int y = ParseInt(s.substr(0, 4));
  if (s.size() == 4) return Year(y);
  if (s.size() == 7 && s[4] == '-' && s[5] == 'Q') {
    auto q = Quarter(y, ParseInt(s.substr(6, 1)));
    return q && q->Iso() == s ? q : std::nullopt;
  }
  if (s.size() == 7 && s[4] == '-') {
    auto m = Month(y, ParseInt(s.substr(5, 2)));
    return m && m->Iso() == s ? m : std::nullopt;
  }
  if (s.size() == 8 && s[4] == '-' && s[5] == 'W') {
    int w = ParseInt(s.substr(6, 2));
    if (w < 1 || w > 53) return std::nullopt;
    auto due = Week(From(year_month_day{IsoWeekOne(y) + days{7 * (w - 1)}}));
    return due && due->Iso() == s ? due : std::nullopt;
  }
  return std::nullopt;
}

std::string Due::Iso() const {
  char buf[32];
  switch (precision) {
    case Precision::kDay:
      return IsoDate(year, month, day).value_or("");
    case Precision::kWeek:
      std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
      return buf;
    case Precision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      return buf;
    case Precision::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year, quarter);
      return buf;
    case Precision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      return buf;
  }
  return "";
}

YearMonthDay Due::Last() const {
  switch (precision) {
    case Precision::kDay:
      return {year, month, day};
    case Precision::kWeek:
      return From(year_month_day{IsoWeekOne(year) + days{7 * (week - 1) + 6}});
    case Precision::kMonth:
      return From(year_month_day{year_month_day_last{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} / last}});
    case Precision::kQuarter:
      return From(year_month_day{year_month_day_last{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(3 * quarter)} / last}});
    case Precision::kYear:
      return {year, 12, 31};
  }
  return {};
}

}  // namespace congvan
