#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enum_table.h"
#include "exchange/eligibility.h"

// Funding-only calls (issue 10, item 6; docs/allocation.md "Funding-only calls"): Erasmus+
// traineeship rounds for stays the students organise themselves — clinical electives, final-year
// tertials and other traineeships at hospitals abroad, no agreement needed. An application to such
// a call plans one stay instead of ranking offers. Pure: the months rule, the stay's checks and its
// eligibility for funding, no I/O and no clock.
namespace weltcampus::exchange {

enum class StayCategory { kClinicalElective, kFinalYearTertial, kTraineeship };
inline constexpr EnumTable<StayCategory, 3> kStayCategoryTable(
    "stay_category", {{{StayCategory::kClinicalElective, "clinical_elective"},
                       {StayCategory::kFinalYearTertial, "final_year_tertial"},
                       {StayCategory::kTraineeship, "traineeship"}}});

// The stay a student plans in an application to a funding call.
struct PlannedStay {
  StayCategory category = StayCategory::kClinicalElective;
  std::string host;  // the host organisation (a hospital, a practice, a lab)
  std::string city;
  std::string country;    // ISO 3166-1 alpha-2
  std::string starts_on;  // first and last day, ISO dates
  std::string ends_on;
  int64_t days = 0;  // as Erasmus counts them (ErasmusDays), derived
};

// An Erasmus+ traineeship lasts at least 2 months, counted as 60 days (Programme Guide, student
// mobility for traineeships: "from 2 to 12 months"), and at most 12 months.
inline constexpr int64_t kMinTraineeshipDays = 60;
inline constexpr int64_t kMaxTraineeshipDays = 360;
inline constexpr std::size_t kMaxStayText = 200;

// The months rule, as the Erasmus+ grant calculators count a stay (30/360: every month has 30
// days): from the first to the last day inclusive, days = 360 × years + 30 × months + (d2 − d1) + 1
// between the two dates, where a day 31 counts as 30 and the last day of February as 30 when the
// stay ends on it. So 1 March – 30 April is 60 days (2 months), 15 March – 14 May is 60 days, 1 –
// 28 February 2027 is 30 days; the months asked for are whole months plus days / 30, i.e. days / 30
// (110 days: 3 months and 20 days, 3.67 months). 0 when the last day is before the first.
int64_t ErasmusDays(const Date& first, const Date& last);
// Days / 30 to two decimals, for showing (the budget is kept in days, never in rounded months).
double MonthsOfDays(int64_t days);

// Reads and checks a planned stay from its JSON object (field names "stay.host" etc.): every text
// given and at most kMaxStayText, a category of kStayCategoryTable, a country code, two ISO dates,
// the last not before the first and the stay at most 12 months; sets `days`. ApiError 422 naming
// the field otherwise.
PlannedStay ReadPlannedStay(const nlohmann::json& object);
nlohmann::json ToJson(const PlannedStay& stay);
nlohmann::json PlannedStaySchema();
nlohmann::json PlannedStayInputSchema();

// Whether the stay can be funded as an Erasmus+ traineeship of the call's academic year, with every
// reason why not (empty: eligible), each with a sentence in English and German:
//   stay_length     fewer than 60 days (for a final-year tertial: that a half tertial of 8 weeks is
//                   shorter than the 60 days a traineeship needs);
//   erasmus_months  the stay's months beyond the Erasmus months left in the student's cycle
//                   (ErasmusMonthsLeft; equal is eligible);
//   enrolment       the student's enrolment ends before the stay does;
//   academic_year   the stay does not lie within the call's academic year, 1 October to 30
//                   September (the year whose budget funds it).
std::vector<IneligibilityReason> FundingIneligibilityReasons(const StudentFacts& student,
                                                             const PlannedStay& stay,
                                                             int academic_year);

}  // namespace weltcampus::exchange
