#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace weltcampus {

// An academic year runs from 1 October to 30 September and is written "2027/2028".
class AcademicYear {
 public:
  // What Parse accepts, as a JSON Schema pattern, its description, and the longest input read.
  static constexpr std::string_view kPattern =
      "^[ \\t]*[0-9]{4}[ \\t]*(/|-|\u2013|\u2014)[ \\t]*([0-9]{2}|[0-9]{4})[ \\t]*$";
  static constexpr std::string_view kDescription =
      "Written 2027/2028; 2027/28, 2027-28, 2027-2028 and 2027\u201328 (also with spaces around "
      "the mark) are accepted as input";
  static constexpr size_t kMaxInput = 32;

  explicit AcademicYear(int first_calendar_year) : first_(first_calendar_year) {}

  // "2027/2028", "2027/28", "2027-28", "2027-2028", "2027–28" or "2027—28", with or without spaces
  // around the mark and the whole (as the browser accepts them): consecutive years, the first
  // from 1950 to 2200.
  static std::optional<AcademicYear> Parse(std::string_view text);
  static AcademicYear Containing(const Date& date);

  int first_calendar_year() const { return first_; }
  Date StartsOn() const { return Date{first_, 10, 1}; }
  Date EndsOn() const { return Date{first_ + 1, 9, 30}; }
  AcademicYear Next() const { return AcademicYear(first_ + 1); }
  std::string ToString() const;

  auto operator<=>(const AcademicYear&) const = default;

 private:
  int first_;
};

}  // namespace weltcampus
