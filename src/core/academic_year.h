#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace weltcampus {

// An academic year runs from 1 October to 30 September and is written "2027/2028".
class AcademicYear {
 public:
  explicit AcademicYear(int first_calendar_year) : first_(first_calendar_year) {}

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
