#include "core/academic_year.h"

#include <string>

namespace weltcampus {

std::optional<AcademicYear> AcademicYear::Parse(std::string_view text) {
  if (text.size() != 9 || text[4] != '/') {
    return std::nullopt;
  }
  int first = 0;
  int second = 0;
  for (size_t i = 0; i < 9; ++i) {
    if (i == 4) {
      continue;
    }
    if (text[i] < '0' || text[i] > '9') {
      return std::nullopt;
    }
    int& target = i < 4 ? first : second;
    target = target * 10 + (text[i] - '0');
  }
  if (second != first + 1 || first < 1950 || first > 2200) {
    return std::nullopt;
  }
  return AcademicYear(first);
}

AcademicYear AcademicYear::Containing(const Date& date) {
  return AcademicYear(date.month >= 10 ? date.year : date.year - 1);
}

std::string AcademicYear::ToString() const {
  return std::to_string(first_) + "/" + std::to_string(first_ + 1);
}

}  // namespace weltcampus
