#include "core/academic_year.h"

#include <algorithm>
#include <string>

namespace weltcampus {

namespace {

// The digits of `text` as a number when all of them are digits and there are `count`.
std::optional<int> Digits(std::string_view text, size_t count) {
  if (text.size() != count) {
    return std::nullopt;
  }
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<AcademicYear> AcademicYear::Parse(std::string_view text) {
  const auto skip_spaces = [&text] {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
      text.remove_prefix(1);
    }
  };
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  skip_spaces();
  const auto first = Digits(text.substr(0, std::min<size_t>(4, text.size())), 4);
  if (!first || *first < 1950 || *first > 2200) {
    return std::nullopt;
  }
  text.remove_prefix(4);
  skip_spaces();
  bool marked = false;
  for (const std::string_view mark : {"/", "-", "\u2013", "\u2014"}) {
    if (text.starts_with(mark)) {
      text.remove_prefix(mark.size());
      marked = true;
      break;
    }
  }
  if (!marked) {
    return std::nullopt;
  }
  skip_spaces();
  const auto second = text.size() == 2 ? Digits(text, 2) : Digits(text, 4);
  if (!second) {
    return std::nullopt;
  }
  const int expected = text.size() == 2 ? (*first + 1) % 100 : *first + 1;
  return *second == expected ? std::optional(AcademicYear(*first)) : std::nullopt;
}

AcademicYear AcademicYear::Containing(const Date& date) {
  return AcademicYear(date.month >= 10 ? date.year : date.year - 1);
}

std::string AcademicYear::ToString() const {
  return std::to_string(first_) + "/" + std::to_string(first_ + 1);
}

}  // namespace weltcampus
