#include "exchange/funding.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace weltcampus::exchange {
namespace {

int64_t Days(const char* first, const char* last) {
  return ErasmusDays(*Date::Parse(first), *Date::Parse(last));
}

// The months rule (30/360, first and last day included), written out per case.
TEST(FundingMonths, WholeMonthsAndDaysOverThirty) {
  EXPECT_EQ(Days("2027-03-01", "2027-04-30"), 60);   // 30 × 1 + (30 − 1) + 1
  EXPECT_EQ(Days("2027-03-15", "2027-05-14"), 60);   // 30 × 2 + (14 − 15) + 1
  EXPECT_EQ(Days("2027-03-01", "2027-03-31"), 30);   // the 31st counts as the 30th
  EXPECT_EQ(Days("2027-02-01", "2027-02-28"), 30);   // February's last day counts as the 30th
  EXPECT_EQ(Days("2028-02-01", "2028-02-29"), 30);   // also in a leap year
  EXPECT_EQ(Days("2027-02-01", "2027-03-31"), 60);   // 59 days by the calendar
  EXPECT_EQ(Days("2027-10-01", "2028-09-30"), 360);  // a whole year
  EXPECT_EQ(Days("2027-03-02", "2027-03-02"), 1);
  EXPECT_EQ(Days("2027-03-02", "2027-03-01"), 0);
  EXPECT_DOUBLE_EQ(MonthsOfDays(110), 3.67);  // 3 months and 20 days
  EXPECT_DOUBLE_EQ(MonthsOfDays(60), 2.0);
}

TEST(FundingMonths, ATertialIsLongEnoughAndAHalfTertialIsNot) {
  // 16 weeks from Monday 1 March 2027 to Sunday 20 June 2027: 112 days by the calendar.
  EXPECT_EQ(Days("2027-03-01", "2027-06-20"), 110);
  // 8 weeks from 1 March to 25 April: 56 days by the calendar, 55 as Erasmus counts.
  EXPECT_EQ(Days("2027-03-01", "2027-04-25"), 55);
}

nlohmann::json StayJson() {
  return {{"category", "final_year_tertial"},
          {"host", "Hôpital Européen"},
          {"city", "Lyon"},
          {"country", "FR"},
          {"starts_on", "2027-11-01"},
          {"ends_on", "2028-02-20"}};
}

void ExpectRefused(const nlohmann::json& stay, const std::string& field) {
  try {
    ReadPlannedStay(stay);
    FAIL() << "accepted " << stay.dump();
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kValidationFailed) << error.what();
    EXPECT_EQ(error.field(), field) << error.what();
  }
}

TEST(FundingStay, ReadsAStayAndCountsItsDays) {
  const auto stay = ReadPlannedStay(StayJson());
  EXPECT_EQ(stay.category, StayCategory::kFinalYearTertial);
  EXPECT_EQ(stay.host, "Hôpital Européen");
  EXPECT_EQ(stay.days, 110);
  EXPECT_EQ(ToJson(stay)["months"], 3.67);
}

TEST(FundingStay, RefusesBadStaysNamingTheField) {
  auto stay = StayJson();
  stay["category"] = "holiday";
  ExpectRefused(stay, "stay.category");
  stay = StayJson();
  stay.erase("host");
  ExpectRefused(stay, "stay.host");
  stay = StayJson();
  stay["country"] = "XX";
  ExpectRefused(stay, "stay.country");
  stay = StayJson();
  stay["starts_on"] = "2027-02-30";
  ExpectRefused(stay, "stay.starts_on");
  stay = StayJson();
  stay["ends_on"] = "2027-10-31";
  ExpectRefused(stay, "stay.ends_on");
  stay = StayJson();
  stay["starts_on"] = "2027-10-01";
  stay["ends_on"] = "2028-10-01";  // 361 days
  ExpectRefused(stay, "stay.ends_on");
  ExpectRefused(nlohmann::json::array(), "stay");
}

StudentFacts Medic(int64_t months_used) {
  StudentFacts student;
  student.eqf_level = 7;
  student.single_cycle = true;
  if (months_used > 0) {
    student.stays = {{months_used, StudyCycle::kSingle, false}};
  }
  return student;
}

PlannedStay Stay(const char* first, const char* last,
                 StayCategory category = StayCategory::kClinicalElective) {
  PlannedStay stay;
  stay.category = category;
  stay.starts_on = first;
  stay.ends_on = last;
  stay.days = Days(first, last);
  return stay;
}

std::vector<std::string> StayCodes(const std::vector<IneligibilityReason>& reasons) {
  std::vector<std::string> codes;
  for (const auto& reason : reasons) {
    codes.emplace_back(kReasonCodeTable.Name(reason.code));
  }
  return codes;
}

using Strings = std::vector<std::string>;

TEST(FundingEligibility, SixtyDaysAreEnoughAndFiftyNineAreNot) {
  EXPECT_TRUE(
      FundingIneligibilityReasons(Medic(0), Stay("2028-03-01", "2028-04-30"), 2027).empty());
  const auto reasons =
      FundingIneligibilityReasons(Medic(0), Stay("2028-03-02", "2028-04-30"), 2027);
  ASSERT_EQ(StayCodes(reasons), Strings{"stay_length"});
  EXPECT_EQ(reasons[0].details["days"], 59);
  EXPECT_NE(reasons[0].message_en.find("at least 60 days"), std::string::npos);
  EXPECT_EQ(reasons[0].message_en.find("tertial"), std::string::npos);
}

TEST(FundingEligibility, AHalfTertialIsToldWhyItIsTooShort) {
  const auto reasons = FundingIneligibilityReasons(
      Medic(0), Stay("2028-03-01", "2028-04-25", StayCategory::kFinalYearTertial), 2027);
  ASSERT_EQ(StayCodes(reasons), Strings{"stay_length"});
  EXPECT_NE(reasons[0].message_en.find("half tertial of 8 weeks is shorter than the 60 days"),
            std::string::npos)
      << reasons[0].message_en;
  EXPECT_NE(reasons[0].message_de.find("halbes Tertial von 8 Wochen"), std::string::npos);
  EXPECT_TRUE(FundingIneligibilityReasons(
                  Medic(0), Stay("2028-03-01", "2028-06-20", StayCategory::kFinalYearTertial), 2027)
                  .empty());
}

TEST(FundingEligibility, MonthsLeftAtTheirBoundaries) {
  const auto two_months = Stay("2028-03-01", "2028-04-30");  // 2.0 months
  EXPECT_EQ(StayCodes(FundingIneligibilityReasons(Medic(24), two_months, 2027)),
            Strings{"erasmus_months"});  // 0 left
  const auto one_left = FundingIneligibilityReasons(Medic(23), two_months, 2027);
  ASSERT_EQ(StayCodes(one_left), Strings{"erasmus_months"});
  EXPECT_EQ(one_left[0].details["months_left"], 1);
  EXPECT_TRUE(FundingIneligibilityReasons(Medic(22), two_months, 2027).empty());  // exactly 2
  // 61 days (2.03 months) with exactly 2 left is too long.
  EXPECT_EQ(
      StayCodes(FundingIneligibilityReasons(Medic(22), Stay("2028-03-01", "2028-05-01"), 2027)),
      Strings{"erasmus_months"});
}

TEST(FundingEligibility, EnrolmentThroughoutAndTheCallsYear) {
  auto student = Medic(0);
  student.enrolled_until = "2028-04-29";
  EXPECT_EQ(StayCodes(FundingIneligibilityReasons(student, Stay("2028-03-01", "2028-04-30"), 2027)),
            Strings{"enrolment"});
  student.enrolled_until = "2028-04-30";
  EXPECT_TRUE(FundingIneligibilityReasons(student, Stay("2028-03-01", "2028-04-30"), 2027).empty());
  // The academic year 2027/2028 runs from 1 October 2027 to 30 September 2028.
  EXPECT_TRUE(
      FundingIneligibilityReasons(Medic(0), Stay("2027-10-01", "2027-11-30"), 2027).empty());
  EXPECT_TRUE(
      FundingIneligibilityReasons(Medic(0), Stay("2028-08-01", "2028-09-30"), 2027).empty());
  EXPECT_EQ(
      StayCodes(FundingIneligibilityReasons(Medic(0), Stay("2027-09-30", "2027-11-30"), 2027)),
      Strings{"academic_year"});
  const auto late = FundingIneligibilityReasons(Medic(0), Stay("2028-08-15", "2028-10-14"), 2027);
  ASSERT_EQ(StayCodes(late), Strings{"academic_year"});
  EXPECT_NE(late[0].message_de.find("Studienjahr 2027/2028"), std::string::npos);
}

}  // namespace
}  // namespace weltcampus::exchange
