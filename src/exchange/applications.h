#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/enum_table.h"
#include "core/record_schema.h"
#include "exchange/calls.h"
#include "exchange/eligibility.h"
#include "exchange/funding.h"
#include "exchange/scoring.h"
#include "store/list_query.h"
#include "store/sql.h"

// Students' applications in a call (issue 10, item 4): a student ranks offers of the call (at
// most its max_preferences, each one they are eligible for), uploads a motivation letter and a
// language certificate (PDF), submits or withdraws, all inside the application period; the office
// checks formal completeness and gives committee points. One application per student and call.
// The rules are in applications_service.h, the routes in applications_routes.h, the coordinators'
// scope in application_scope.h.
namespace weltcampus::exchange {

enum class ApplicationStatus { kDraft, kSubmitted, kChecked, kIncomplete, kWithdrawn };
inline constexpr EnumTable<ApplicationStatus, 5> kApplicationStatusTable(
    "application_status", {{{ApplicationStatus::kDraft, "draft"},
                            {ApplicationStatus::kSubmitted, "submitted"},
                            {ApplicationStatus::kChecked, "checked"},
                            {ApplicationStatus::kIncomplete, "incomplete"},
                            {ApplicationStatus::kWithdrawn, "withdrawn"}}});

enum class ApplicationDocumentKind { kMotivationLetter, kLanguageCertificate };
inline constexpr EnumTable<ApplicationDocumentKind, 2> kApplicationDocumentKindTable(
    "application_document_kind",
    {{{ApplicationDocumentKind::kMotivationLetter, "motivation_letter"},
      {ApplicationDocumentKind::kLanguageCertificate, "language_certificate"}}});

// A document's facts (its bytes are read only for a download).
struct ApplicationDocument {
  int64_t id = 0;
  ApplicationDocumentKind kind = ApplicationDocumentKind::kMotivationLetter;
  std::string file_name;
  std::string media_type;
  int64_t size_bytes = 0;
  std::string sha256;
  std::string uploaded_at;
};

struct ApplicationPreference {
  int64_t rank = 1;  // 1: most wanted
  int64_t offer_id = 0;
  std::string partner_name;
  OfferTerm term = OfferTerm::kWinter;
};

struct Application {
  int64_t id = 0;
  int64_t call_id = 0;
  int64_t student_id = 0;
  // The student, for the office's lists (from the student record).
  std::string matriculation_number;
  std::string family_name;
  std::string given_name;
  int64_t programme_id = 0;
  ApplicationStatus status = ApplicationStatus::kDraft;
  std::optional<std::string> submitted_at;
  std::optional<int64_t> committee_points;
  CriteriaPoints criteria_points;  // the call's optional criteria (exchange/scoring.h)
  std::optional<std::string> office_note;
  std::optional<std::string> completeness_note;  // why it is incomplete
  double score = 0;  // the call's common score at the last write (exchange/scoring.h)
  std::vector<ApplicationPreference> preferences;  // a call for places
  std::optional<PlannedStay> stay;                 // a funding call (exchange/funding.h)
  std::vector<ApplicationDocument> documents;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::size_t kMaxApplicationDocumentBytes = 5 * 1024 * 1024;
inline constexpr std::size_t kMaxOfficeNote = 2000;
// The upload path, for the server's larger body limit (http::ServerOptions::upload_paths).
inline constexpr std::string_view kApplicationUploadPath =
    "/api/v1/calls/*/my-application/documents/";

nlohmann::json ToJson(const Application& application);
// The application as its audit entries keep it: no names (the student is its student_id), no free
// text (a note's length and digest show that it was there and whether it changed), documents
// without their file names — what the retention deletes does not live on in the hash-chained log.
nlohmann::json AuditJson(const Application& application);
nlohmann::json ToJson(const ApplicationDocument& document);
NamedSchema ApplicationSchema();
// The enumerations of applications and eligibility, for GET /api/v1/enumerations.
nlohmann::json ApplicationEnumerations();

// ---- Repository (exchange's own tables; the caller's transaction) ------------------------------

namespace applications {

std::optional<Application> Find(store::Connection& c, int64_t id);
std::optional<Application> FindOfStudent(store::Connection& c, int64_t call_id, int64_t student_id);
// One page of a call's applications: only students of `programmes` when given (a coordinator's
// scope), of a status, ranking an offer; sorted by name, score or submission.
struct ListFilter {
  int64_t call_id = 0;
  std::optional<std::vector<int64_t>> programmes;
  std::optional<ApplicationStatus> status;
  std::optional<int64_t> offer_id;
};
const store::SortTable& Sorts();
store::Page<Application> List(store::Connection& c, const ListFilter& filter,
                              const PageRequest& page);

int64_t Insert(store::Connection& c, const Application& application);
// Writes the application's own columns at the version read (412 when it changed meanwhile).
void Update(store::Connection& c, const Application& application);
void ReplacePreferences(store::Connection& c, int64_t application_id,
                        const std::vector<int64_t>& offer_ids);
void PutDocument(store::Connection& c, int64_t application_id, const ApplicationDocument& facts,
                 const std::string& bytes);
bool RemoveDocument(store::Connection& c, int64_t application_id, ApplicationDocumentKind kind);
// The file name and bytes (checked against the stored digest), or none.
std::optional<std::pair<std::string, std::string>> DocumentBytes(store::Connection& c,
                                                                 int64_t application_id,
                                                                 ApplicationDocumentKind kind);

// A checked application of a call as a run takes it: the student, the committee's points, and the
// offers ranked (a call of places) or the stay planned (a funding call). In id order; only the ids
// in `only` when given (a later round's applicants).
struct Checked {
  int64_t id = 0;
  int64_t student_id = 0;
  std::optional<int64_t> committee_points;
  CriteriaPoints criteria_points;
  std::vector<int64_t> preferences;
  std::optional<PlannedStay> stay;
};
std::vector<Checked> CheckedOfCall(store::Connection& c, int64_t call_id,
                                   const std::optional<std::set<int64_t>>& only);

// How a run's stored input names applications ("a17") and offers ("o5"), and the id a key names
// (500 when a stored input names something else: it was written by the server alone).
std::string ApplicationKey(int64_t id);
std::string OfferKey(int64_t id);
int64_t IdOfKey(const std::string& key);

}  // namespace applications

}  // namespace weltcampus::exchange
