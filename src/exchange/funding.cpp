#include "exchange/funding.h"

#include <cmath>

#include "core/codes.h"
#include "core/error.h"
#include "core/json_input.h"

namespace weltcampus::exchange {

namespace {

// The day as 30/360 counts it: 31 → 30, and the last day of February → 30 when `last_day_rule`.
int Day360(const Date& date, bool last_day_rule) {
  if (date.day == 31) {
    return 30;
  }
  if (last_day_rule && date.month == 2 && date.day == DaysInMonth(date.year, 2)) {
    return 30;
  }
  return date.day;
}

Date StayDate(const JsonInput& input, const char* key) {
  const auto text = input.RequiredString(key, 10);
  const auto date = Date::Parse(text);
  if (!date || date->ToString() != text) {
    throw ValidationError(input.FieldName(key), "Give a date as YYYY-MM-DD, not \"" + text + "\"");
  }
  return *date;
}

std::string DaysText(int64_t days) { return std::to_string(days); }

IneligibilityReason StayLengthReason(const PlannedStay& stay) {
  nlohmann::json details = {{"days", stay.days}, {"days_needed", kMinTraineeshipDays}};
  std::string en = "This stay lasts " + DaysText(stay.days) +
                   " days as Erasmus counts them (every month 30 days); an Erasmus traineeship "
                   "needs at least " +
                   DaysText(kMinTraineeshipDays) + " days (2 months).";
  std::string de = "Dieser Aufenthalt dauert nach Erasmus-Zählung (jeder Monat 30 Tage) " +
                   DaysText(stay.days) + " Tage; ein Erasmus-Praktikum muss mindestens " +
                   DaysText(kMinTraineeshipDays) + " Tage (2 Monate) dauern.";
  if (stay.category == StayCategory::kFinalYearTertial) {
    en +=
        " A final-year tertial lasts 16 weeks; a half tertial of 8 weeks is shorter than the 60 "
        "days an Erasmus traineeship needs, so only a whole tertial abroad can be funded.";
    de +=
        " Ein PJ-Tertial dauert 16 Wochen; ein halbes Tertial von 8 Wochen ist kürzer als die 60 "
        "Tage, die ein Erasmus-Praktikum braucht: Gefördert werden kann nur ein ganzes Tertial "
        "im Ausland.";
  }
  return {ReasonCode::kStayLength, std::move(details), std::move(en), std::move(de)};
}

}  // namespace

int64_t ErasmusDays(const Date& first, const Date& last) {
  if (last < first) {
    return 0;
  }
  const int d1 = Day360(first, false);
  const int d2 = Day360(last, true);
  return 360 * int64_t{last.year - first.year} + 30 * int64_t{last.month - first.month} +
         (d2 - d1) + 1;
}

double MonthsOfDays(int64_t days) {
  return std::round(static_cast<double>(days) / 30.0 * 100) / 100;
}

PlannedStay ReadPlannedStay(const nlohmann::json& object) {
  if (!object.is_object()) {
    throw ValidationError("stay", "Describe the stay as an object");
  }
  const JsonInput input(object, "stay");
  PlannedStay stay;
  stay.category =
      kStayCategoryTable.FromStored(input.RequiredEnum("category", kStayCategoryTable.names()));
  stay.host = input.RequiredString("host", kMaxStayText);
  stay.city = input.RequiredString("city", kMaxStayText);
  const auto country = input.RequiredString("country", 2);
  if (!IsValidCountryCode(country)) {
    throw ValidationError(
        input.FieldName("country"),
        "Give the country as an ISO 3166-1 alpha-2 code (\"FR\"), not \"" + country + "\"");
  }
  stay.country = country;
  const Date first = StayDate(input, "starts_on");
  const Date last = StayDate(input, "ends_on");
  if (last < first) {
    throw ValidationError(input.FieldName("ends_on"),
                          "The last day of the stay is before its first day");
  }
  stay.starts_on = first.ToString();
  stay.ends_on = last.ToString();
  stay.days = ErasmusDays(first, last);
  if (stay.days > kMaxTraineeshipDays) {
    throw ValidationError(input.FieldName("ends_on"),
                          "An Erasmus traineeship lasts at most 12 months (360 days); this stay "
                          "lasts " +
                              DaysText(stay.days) + " days");
  }
  return stay;
}

nlohmann::json ToJson(const PlannedStay& stay) {
  return {{"category", kStayCategoryTable.Name(stay.category)},
          {"host", stay.host},
          {"city", stay.city},
          {"country", stay.country},
          {"starts_on", stay.starts_on},
          {"ends_on", stay.ends_on},
          {"days", stay.days},
          {"months", MonthsOfDays(stay.days)}};
}

nlohmann::json PlannedStaySchema() {
  const nlohmann::json text = {{"type", "string"}};
  const nlohmann::json date = {{"type", "string"}, {"format", "date"}};
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required",
           {"category", "host", "city", "country", "starts_on", "ends_on", "days", "months"}},
          {"properties",
           {{"category", {{"type", "string"}, {"enum", kStayCategoryTable.Json()}}},
            {"host", text},
            {"city", text},
            {"country", text},
            {"starts_on", date},
            {"ends_on", date},
            {"days", {{"type", "integer"}}},
            {"months", {{"type", "number"}}}}}};
}

nlohmann::json PlannedStayInputSchema() {
  const nlohmann::json text = {{"type", "string"}, {"maxLength", kMaxStayText}};
  const nlohmann::json date = {{"type", "string"}, {"format", "date"}};
  return {{"type", "object"},
          {"required", {"category", "host", "city", "country", "starts_on", "ends_on"}},
          {"properties",
           {{"category", {{"type", "string"}, {"enum", kStayCategoryTable.Json()}}},
            {"host", text},
            {"city", text},
            {"country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}},
            {"starts_on", date},
            {"ends_on", date}}}};
}

std::vector<IneligibilityReason> FundingIneligibilityReasons(const StudentFacts& student,
                                                             const PlannedStay& stay,
                                                             int academic_year) {
  std::vector<IneligibilityReason> reasons;
  if (stay.days < kMinTraineeshipDays) {
    reasons.push_back(StayLengthReason(stay));
  }
  // The months left and the enrolment as for an offer (eligibility.cpp), with the stay's months.
  OfferRequirements requirements;
  requirements.months = static_cast<double>(stay.days) / 30.0;
  requirements.starts_on = stay.starts_on;
  requirements.ends_on = stay.ends_on;
  for (auto& reason : IneligibilityReasons(student, requirements)) {
    reasons.push_back(std::move(reason));
  }
  const std::string from = std::to_string(academic_year) + "-10-01";
  const std::string to = std::to_string(academic_year + 1) + "-09-30";
  if (stay.starts_on < from || stay.ends_on > to) {
    const std::string year =
        std::to_string(academic_year) + "/" + std::to_string(academic_year + 1);
    reasons.push_back(
        {ReasonCode::kAcademicYear,
         {{"from", from}, {"to", to}, {"starts_on", stay.starts_on}, {"ends_on", stay.ends_on}},
         "This call funds stays of the academic year " + year + ", from " + from + " to " + to +
             "; this stay runs from " + stay.starts_on + " to " + stay.ends_on + ".",
         "Diese Ausschreibung fördert Aufenthalte im Studienjahr " + year + ", vom " + from +
             " bis " + to + "; dieser Aufenthalt dauert vom " + stay.starts_on + " bis " +
             stay.ends_on + "."});
  }
  return reasons;
}

}  // namespace weltcampus::exchange
