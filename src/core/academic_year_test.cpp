#include "core/academic_year.h"

#include <gtest/gtest.h>

namespace weltcampus {
namespace {

TEST(AcademicYearTest, ParsesConsecutiveYears) {
  auto year = AcademicYear::Parse("2027/2028");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->first_calendar_year(), 2027);
  EXPECT_EQ(year->ToString(), "2027/2028");
}

TEST(AcademicYearTest, AcceptsTheFormsTheBrowserShows) {
  for (const char* text : {"2027/2028", "2027/28", "2027-28", "2027-2028", "2027\u201328",
                           "2027\u20132028", "2027\u201428", " 2027 / 28 ", "2027 \u2013 2028"}) {
    const auto year = AcademicYear::Parse(text);
    ASSERT_TRUE(year) << text;
    EXPECT_EQ(year->ToString(), "2027/2028") << text;
  }
  EXPECT_EQ(AcademicYear::Parse("2099/00")->ToString(), "2099/2100");
}

TEST(AcademicYearTest, RejectsMalformedOrNonConsecutive) {
  for (const char* text :
       {"2027/2029", "2027-29", "abc", "2027/2", "", "2027/2027", "202a/2028", "2027//28",
        "2027/280", "2027_28", "2027/ 2 8", "2027.28", "1949/1950", "2201/2202", "2027"}) {
    EXPECT_FALSE(AcademicYear::Parse(text)) << text;
  }
}

TEST(AcademicYearTest, StartsInOctober) {
  EXPECT_EQ(AcademicYear::Containing(Date{2026, 9, 30}).ToString(), "2025/2026");
  EXPECT_EQ(AcademicYear::Containing(Date{2026, 10, 1}).ToString(), "2026/2027");
  EXPECT_EQ(AcademicYear(2027).StartsOn().ToString(), "2027-10-01");
  EXPECT_EQ(AcademicYear(2027).EndsOn().ToString(), "2028-09-30");
}

TEST(DateTest, ParsesAndValidatesCalendar) {
  EXPECT_TRUE(Date::Parse("2028-02-29"));
  EXPECT_FALSE(Date::Parse("2027-02-29"));
  EXPECT_FALSE(Date::Parse("2027-13-01"));
  EXPECT_FALSE(Date::Parse("27-01-01"));
  EXPECT_EQ(Date::Parse("2027-01-31")->AddMonths(1).ToString(), "2027-02-28");
  EXPECT_EQ(Date::Parse("2026-11-28")->AddMonths(12).ToString(), "2027-11-28");
  EXPECT_EQ(Date::Parse("2028-02-27")->AddDays(3).ToString(), "2028-03-01");  // a leap year
  EXPECT_EQ(Date::Parse("2027-02-27")->AddDays(3).ToString(), "2027-03-02");
  EXPECT_EQ(Date::Parse("2027-01-01")->AddDays(-1).ToString(), "2026-12-31");
  EXPECT_EQ(Date::Parse("2027-03-01")->AddDays(111).ToString(), "2027-06-20");  // a tertial
}

TEST(TimestampTest, RoundTrips) {
  const auto parsed = ParseUtcTimestamp("2026-11-28T17:05:09Z");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(UtcTimestamp(*parsed), "2026-11-28T17:05:09Z");
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-28 17:05:09"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-28T25:05:09Z"));
}

TEST(TimestampTest, MillisecondsRoundTripAndSortByTime) {
  const auto parsed = ParseUtcTimestamp("2026-11-28T17:05:09.045Z");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(UtcTimestampMillis(*parsed), "2026-11-28T17:05:09.045Z");
  EXPECT_EQ(UtcTimestamp(*parsed), "2026-11-28T17:05:09Z");
  EXPECT_EQ(*parsed - *ParseUtcTimestamp("2026-11-28T17:05:09Z"), std::chrono::milliseconds(45));
  EXPECT_EQ(UtcTimestampMillis(*ParseUtcTimestamp("2026-11-28T17:05:09Z")),
            "2026-11-28T17:05:09.000Z");
  EXPECT_LT(UtcTimestampMillis(*parsed),
            UtcTimestampMillis(*parsed + std::chrono::milliseconds(1)));
  EXPECT_LT(UtcTimestampMillis(*parsed + std::chrono::milliseconds(955)),
            UtcTimestampMillis(*parsed + std::chrono::milliseconds(956)));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-28T17:05:09.04Z"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-28T17:05:09.0a5Z"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-28T17:05:09,045Z"));
}

}  // namespace
}  // namespace weltcampus
