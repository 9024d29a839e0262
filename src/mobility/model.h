#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/enum_table.h"
#include "partners/model.h"

// Mobilities (issue 11): every stay of the school's people abroad and of the partners' people in
// Dresden, students and staff, Erasmus or not, as one record with separate tracks. This slice has
// the record and its stay track (mobility/stay_track.h); the learning agreement, the grant and the
// recognition are tracks of their own that come with their records.
namespace weltcampus::mobility {

using partners::Direction;
using partners::QuotaCategory;

// How a stay is funded. Erasmus+ KA131 are the programme's mobilities between programme
// countries (studies; traineeships, among them clinical electives and tertials; staff teaching and
// training); KA171 with partner countries; blended intensive programmes; short-term doctoral
// mobility.
enum class FundingLine {
  kErasmusKa131Studies,
  kErasmusKa131Traineeship,
  kErasmusKa131Staff,
  kErasmusKa171,
  kErasmusBip,
  kErasmusDoctoralShort,
  kOtherScholarship,
  kNone
};
inline constexpr EnumTable<FundingLine, 8> kFundingLineTable(
    "funding_line", {{{FundingLine::kErasmusKa131Studies, "erasmus_ka131_studies"},
                      {FundingLine::kErasmusKa131Traineeship, "erasmus_ka131_traineeship"},
                      {FundingLine::kErasmusKa131Staff, "erasmus_ka131_staff"},
                      {FundingLine::kErasmusKa171, "erasmus_ka171"},
                      {FundingLine::kErasmusBip, "erasmus_bip"},
                      {FundingLine::kErasmusDoctoralShort, "erasmus_doctoral_short"},
                      {FundingLine::kOtherScholarship, "other_scholarship"},
                      {FundingLine::kNone, "none"}}});

// The stay track's states (stay_track.h has the steps between them).
enum class StayState {
  kNominated,
  kAccepted,
  kPreparing,
  kOngoing,
  kInterrupted,
  kCompleted,
  kEndedEarly,
  kCancelled,
  kRejected
};
inline constexpr EnumTable<StayState, 9> kStayStateTable("stay_state",
                                                         {{{StayState::kNominated, "nominated"},
                                                           {StayState::kAccepted, "accepted"},
                                                           {StayState::kPreparing, "preparing"},
                                                           {StayState::kOngoing, "ongoing"},
                                                           {StayState::kInterrupted, "interrupted"},
                                                           {StayState::kCompleted, "completed"},
                                                           {StayState::kEndedEarly, "ended_early"},
                                                           {StayState::kCancelled, "cancelled"},
                                                           {StayState::kRejected, "rejected"}}});

struct Mobility {
  int64_t id = 0;
  Direction direction = Direction::kOutgoing;
  QuotaCategory category = QuotaCategory::kStudentStudies;
  // The person: an outgoing student by their student record where the school has one (names
  // copied from it), anyone else (staff, incoming people, former students) by name and e-mail.
  std::optional<int64_t> student_id;
  std::optional<std::string> family_name;  // always set once written
  std::optional<std::string> given_name;
  std::optional<std::string> email;
  // The partner: a partnership of the register (with the agreement and quota the stay uses, if
  // any), or a host outside it (a hospital abroad) by name and country.
  std::optional<int64_t> partnership_id;
  std::optional<int64_t> agreement_id;
  std::optional<int64_t> quota_id;
  std::optional<std::string> host_name;
  std::string partner_name;  // derived: the partner institution's name, or the host's
  // ISO 3166-1 alpha-2; the partner institution's when registered. Always set once written.
  std::optional<std::string> host_country;
  FundingLine funding_line = FundingLine::kNone;
  std::optional<std::string> isced_code;
  std::optional<int64_t> eqf_level;
  int academic_year = 0;
  std::string planned_start;
  std::string planned_end;
  // The entitlement to the fewer-opportunities top-up only, never its reason.
  bool fewer_opportunities = false;
  // A final-year tertial abroad: the day the state examination office decided its equivalence.
  std::optional<std::string> equivalence_decided_on;
  // Kept by the stay track, never by an edit.
  StayState stay_state = StayState::kNominated;
  std::optional<std::string> actual_start;
  std::optional<std::string> actual_end;
  // Where it came from: the application whose accepted place nominated the student.
  std::optional<int64_t> application_id;
  std::optional<int64_t> offer_id;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

}  // namespace weltcampus::mobility
