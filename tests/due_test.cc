// base/due.h: due dates at their precision, the last day each allows, and the ISO text both ways.
#include <doctest/doctest.h>

#include "base/due.h"

using congvan::Due;
using congvan::YearMonthDay;

TEST_CASE("due: the ISO text at each precision, and the last day it allows") {
  CHECK(Due::Day(2021, 8, 6)->Iso() == "2021-08-06");
  CHECK(Due::Day(2021, 8, 6)->By() == "2021-08-06");
  CHECK(Due::Month(2024, 2)->Iso() == "2024-02");
  CHECK(Due::Month(2024, 2)->By() == "2024-02-29");  // a leap year
  CHECK(Due::Month(2023, 2)->By() == "2023-02-28");
  CHECK(Due::Quarter(2021, 3)->Iso() == "2021-Q3");
  CHECK(Due::Quarter(2021, 3)->By() == "2021-09-30");
  CHECK(Due::Year(2026)->Iso() == "2026");
  CHECK(Due::Year(2026)->By() == "2026-12-31");
}

TEST_CASE("due: ISO weeks, across year ends") {
  CHECK(Due::Week({2025, 2, 12})->Iso() == "2025-W07");
  CHECK(Due::Week({2025, 2, 12})->By() == "2025-02-16");   // its Sunday
  CHECK(Due::Week({2021, 1, 3})->Iso() == "2020-W53");     // a Sunday still in 2020's last week
  CHECK(Due::Week({2024, 12, 30})->Iso() == "2025-W01");   // a Monday already in 2025's first week
  CHECK(Due::Week({2024, 12, 30})->By() == "2025-01-05");
}

TEST_CASE("due: Parse reads what Iso prints, and nothing else") {
  for (const char* s : {"2021-08-06", "2024-02-29", "2021-W07", "2020-W53", "2021-10", "2021-Q4", "2021"}) {
    auto d = Due::Parse(s);
    REQUIRE(d);
    CHECK(d->Iso() == s);
  }
  for (const char* s : {"2021-13", "2021-Q5", "2021-W54", "2021-W00", "2023-02-29", "abcd", "21-10", "",
                        "2021-8-6", "2021-10-1x", "2021-W7"}) {
    CHECK_FALSE(Due::Parse(s));
  }
  CHECK_FALSE(Due::Day(2023, 2, 29));
  CHECK_FALSE(Due::Month(2021, 0));
  CHECK_FALSE(Due::Quarter(2021, 5));
}

TEST_CASE("due: calendar steps") {
  CHECK(YearMonthDay{2024, 1, 31}.PlusMonths(1).Iso() == "2024-02-29");  // clamped to the month's end
  CHECK(YearMonthDay{2024, 12, 25}.PlusDays(10).Iso() == "2025-01-04");
  CHECK(YearMonthDay{2025, 2, 14}.Weekday() == 5);  // a Friday
  CHECK(YearMonthDay{2025, 2, 16}.Weekday() == 7);  // a Sunday
  CHECK(YearMonthDay{2024, 2, 28} < YearMonthDay{2024, 2, 29});
}
