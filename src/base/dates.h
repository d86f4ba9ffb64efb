// Calendar dates as the output prints them ("2021-08-06"), checked against the calendar.
#pragma once

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace congvan {

inline bool ValidDate(int y, int m, int d) {
  using namespace std::chrono;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}.ok();
}

// "2021-08-06", or nothing when the day does not exist ("31 tháng 2").
inline std::optional<std::string> IsoDate(int y, int m, int d) {
  if (!ValidDate(y, m, d)) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

}  // namespace congvan
