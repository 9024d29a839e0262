#include "core/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace weltcampus {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) {
    return 29;
  }
  return kDays[month - 1];
}

std::optional<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
    return std::nullopt;
  }
  auto digits = [&](size_t from, size_t count) -> std::optional<int> {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') {
        return std::nullopt;
      }
      value = value * 10 + (iso[i] - '0');
    }
    return value;
  };
  auto year = digits(0, 4);
  auto month = digits(5, 2);
  auto day = digits(8, 2);
  if (!year || !month || !day || *year < 1900 || *month < 1 || *month > 12 || *day < 1 ||
      *day > DaysInMonth(*year, *month)) {
    return std::nullopt;
  }
  return Date{*year, *month, *day};
}

Date Date::TodayUtc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

Date Date::AddMonths(int months) const {
  int total = year * 12 + (month - 1) + months;
  Date result{total / 12, total % 12 + 1, day};
  result.day = std::min(day, DaysInMonth(result.year, result.month));
  return result;
}

Date Date::AddDays(int days) const {
  const std::chrono::sys_days shifted =
      std::chrono::sys_days(std::chrono::year(year) / month / day) + std::chrono::days(days);
  const std::chrono::year_month_day ymd(shifted);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string NowUtcTimestamp() { return UtcTimestamp(std::chrono::system_clock::now()); }

std::string UtcTimestamp(std::chrono::system_clock::time_point time) {
  const std::time_t now = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace weltcampus

namespace weltcampus {

std::string UtcTimestampMillis(std::chrono::system_clock::time_point time) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(time - seconds).count();
  std::string text = UtcTimestamp(seconds);
  char fraction[8];
  std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis));
  text.replace(text.size() - 1, 1, fraction);
  return text;
}

std::optional<std::chrono::system_clock::time_point> ParseUtcTimestamp(std::string_view text) {
  // "...SS.mmmZ": the milliseconds, then the rest as the whole-second form.
  if (text.size() == 24 && text[19] == '.' && text[23] == 'Z') {
    int millis = 0;
    for (size_t k = 20; k < 23; ++k) {
      if (text[k] < '0' || text[k] > '9') {
        return std::nullopt;
      }
      millis = millis * 10 + (text[k] - '0');
    }
    const auto whole = ParseUtcTimestamp(std::string(text.substr(0, 19)) + "Z");
    return whole ? std::optional(*whole + std::chrono::milliseconds(millis)) : std::nullopt;
  }
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  const auto date = Date::Parse(text.substr(0, 10));
  int parts[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    const char high = text[11 + 3 * k];
    const char low = text[12 + 3 * k];
    if (high < '0' || high > '9' || low < '0' || low > '9') {
      return std::nullopt;
    }
    parts[k] = (high - '0') * 10 + (low - '0');
  }
  if (!date || parts[0] > 23 || parts[1] > 59 || parts[2] > 59) {
    return std::nullopt;
  }
  const std::chrono::sys_days day = std::chrono::year_month_day{
      std::chrono::year{date->year}, std::chrono::month{static_cast<unsigned>(date->month)},
      std::chrono::day{static_cast<unsigned>(date->day)}};
  return std::chrono::system_clock::time_point(day) + std::chrono::hours(parts[0]) +
         std::chrono::minutes(parts[1]) + std::chrono::seconds(parts[2]);
}

bool IsMonthDay(std::string_view text) {
  if (text.size() != 5 || text[2] != '-') {
    return false;
  }
  for (const size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  const int month = (text[0] - '0') * 10 + (text[1] - '0');
  const int day = (text[3] - '0') * 10 + (text[4] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(2028, month);
}

}  // namespace weltcampus
