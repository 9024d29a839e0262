#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_table.h"
#include "exchange/students.h"

// Eligibility as rules with reasons (issue 10, item 3): whether an offer is open to a student,
// and if not, every reason why. A pure function of plain facts: no I/O, no clock (the stay's
// dates come with the offer). The applications' service gathers the facts from the records.
namespace weltcampus::exchange {

// The study cycle a student is in now, as Erasmus counts months: the single cycle in medicine
// and dentistry; otherwise by the programme's EQF level (5 and 6: first, 7: second, 8: third).
StudyCycle CurrentStudyCycle(bool single_cycle, int64_t eqf_level);

struct StudentFacts {
  int64_t eqf_level = 6;                  // of the student's programme
  std::optional<std::string> isced_code;  // of the student's programme (ISCED-F, "0912")
  bool single_cycle = false;              // medicine, dentistry: 24 Erasmus months
  int64_t study_semester = 1;
  bool first_state_exam_passed = false;
  struct Certificate {
    std::string language;  // ISO 639-1
    CefrLevel level = CefrLevel::kB2;
  };
  std::vector<Certificate> certificates;
  struct EarlierStay {
    int64_t months = 0;
    StudyCycle cycle = StudyCycle::kFirst;
    bool erasmus_funded = false;
  };
  std::vector<EarlierStay> stays;
  // The last day of enrolment when the student has announced the end (ISO date); none: enrolled.
  std::optional<std::string> enrolled_until;
};

struct OfferRequirements {
  std::vector<int> eqf_levels;            // the levels the offer is for; empty: any
  std::optional<std::string> isced_code;  // the programme's field must begin with it
  std::optional<std::string> language;    // ISO 639-1
  std::optional<CefrLevel> cefr_level;    // with a language: at least this level (else A1)
  bool requires_first_state_exam = false;
  double months = 0;      // the stay's length in months
  std::string starts_on;  // the stay (ISO dates)
  std::string ends_on;
};

// The last two are of funding calls' stays (exchange/funding.h).
enum class ReasonCode {
  kLevel,
  kField,
  kLanguage,
  kStateExam,
  kErasmusMonths,
  kEnrolment,
  kStayLength,
  kAcademicYear
};
inline constexpr EnumTable<ReasonCode, 8> kReasonCodeTable(
    "ineligibility_reason", {{{ReasonCode::kLevel, "level"},
                              {ReasonCode::kField, "field"},
                              {ReasonCode::kLanguage, "language"},
                              {ReasonCode::kStateExam, "state_exam"},
                              {ReasonCode::kErasmusMonths, "erasmus_months"},
                              {ReasonCode::kEnrolment, "enrolment"},
                              {ReasonCode::kStayLength, "stay_length"},
                              {ReasonCode::kAcademicYear, "academic_year"}}});

// Why an offer is not open: a stable code, its numbers (e.g. {"months_left": 3,
// "months_needed": 5}, {"held": "B1", "required": "B2"}) and a sentence in English and German.
struct IneligibilityReason {
  ReasonCode code = ReasonCode::kLevel;
  nlohmann::json details = nlohmann::json::object();
  std::string message_en;
  std::string message_de;
};

// Erasmus months a student has left in their current cycle (may be negative when earlier stays
// already went beyond it; never below what the data says).
int64_t ErasmusMonthsLeft(const StudentFacts& student);

// Every reason that makes the offer not open to the student, in the order of ReasonCode; empty:
// eligible.
std::vector<IneligibilityReason> IneligibilityReasons(const StudentFacts& student,
                                                      const OfferRequirements& offer);

nlohmann::json ToJson(const IneligibilityReason& reason);
// The JSON Schema of one reason, for the OpenAPI document.
nlohmann::json IneligibilityReasonSchema();

}  // namespace weltcampus::exchange
