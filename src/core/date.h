#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace weltcampus {

// A calendar date without time zone, as used for agreement periods and deadlines.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  static std::optional<Date> Parse(std::string_view iso);  // "2027-09-30"
  static Date TodayUtc();
  std::string ToString() const;
  Date AddMonths(int months) const;  // clamps the day to the target month's length
  Date AddDays(int days) const;
  auto operator<=>(const Date&) const = default;
};

bool IsLeapYear(int year);
// A day of the year as "MM-DD" (a recurring deadline: "04-15"); 02-29 is one.
bool IsMonthDay(std::string_view text);
int DaysInMonth(int year, int month);

// "2026-11-28T17:00:00Z", the form every stored timestamp takes; such strings sort by time.
std::string NowUtcTimestamp();
std::string UtcTimestamp(std::chrono::system_clock::time_point time);
// To the millisecond, "2026-11-28T17:00:00.250Z", where a second is too coarse (the login
// throttle's short blocks); such strings sort by time among themselves, not mixed with the above.
std::string UtcTimestampMillis(std::chrono::system_clock::time_point time);
// Reads both forms.
std::optional<std::chrono::system_clock::time_point> ParseUtcTimestamp(std::string_view text);

}  // namespace weltcampus
