#include "exchange/applications_service.h"

#include <algorithm>
#include <set>

#include "audit/record_changes.h"
#include "core/digest.h"
#include "core/error.h"
#include "exchange/application_changes.h"
#include "exchange/funding.h"
#include "exchange/programmes.h"
#include "exchange/scoring.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

namespace application_changes {

Call CallFound(store::Connection& c, int64_t call_id) {
  return store::Found(FindCall(c, call_id), "Call");
}

double CommonScoreOf(const Call& call, const Student& student, const StudentFacts& facts,
                     const Application& application) {
  return CommonScore(WeightsOf(call), ApplicantOf(student, facts, application.committee_points,
                                                  application.criteria_points))
      .total;
}

Application Written(store::Connection& c, const audit::Actor& actor, const Application& before,
                    Application after) {
  after.version = before.version;
  applications::Update(c, after);
  auto read = store::Found(applications::Find(c, before.id), "Application");
  audit::RecordChange(c, actor, "application", before.id, AuditJson(before), AuditJson(read));
  return read;
}

}  // namespace application_changes

using application_changes::CallFound;
using application_changes::CommonScoreOf;
using application_changes::Written;

namespace {

Student StudentOfUser(store::Connection& c, const std::optional<int64_t>& user_id) {
  auto student = user_id ? FindStudentOfUser(c, *user_id) : std::nullopt;
  if (!student) {
    throw NotFoundError("Student record");
  }
  return std::move(*student);
}

bool IsOpen(const Call& call, Date today) {
  const std::string day = today.ToString();
  return call.applications_open <= day && day <= call.applications_close;
}

// Every change of a student's application only inside the application period.
void CheckPeriod(const Call& call, Date today) {
  const std::string day = today.ToString();
  if (day < call.applications_open) {
    throw ValidationError("applications_open",
                          "The application period of this call opens on " + call.applications_open);
  }
  if (day > call.applications_close) {
    throw ValidationError("applications_close", "The application deadline of this call was " +
                                                    call.applications_close +
                                                    "; applications can no longer be changed");
  }
}

}  // namespace

std::vector<OfferEligibility> Eligibilities(store::Connection& c, const Call& call,
                                            const StudentFacts& facts) {
  std::vector<OfferEligibility> offers;
  for (auto& offer : OffersOfCall(c, call.id)) {
    OfferEligibility entry{std::move(offer), {}, {}};
    entry.stay = StayPeriodOf(call.academic_year, entry.offer.term);
    entry.reasons = IneligibilityReasons(facts, RequirementsOf(entry.offer, entry.stay));
    offers.push_back(std::move(entry));
  }
  return offers;
}

namespace {

MyApplication Assemble(store::Connection& c, const Call& call, const Student& student, Date today) {
  MyApplication mine;
  mine.call = call;
  mine.open = IsOpen(call, today);
  mine.application = applications::FindOfStudent(c, call.id, student.id);
  if (call.kind == CallKind::kFunding) {
    if (mine.application && mine.application->stay) {
      const auto& stay = *mine.application->stay;
      mine.stay = StayEligibility{stay.days, FundingIneligibilityReasons(StudentFactsOf(c, student),
                                                                         stay, call.academic_year)};
    }
  } else {
    mine.offers = Eligibilities(c, call, StudentFactsOf(c, student));
  }
  if (mine.application) {
    mine.result = MyResultOf(c, mine.application->id, today);
  }
  if (mine.result) {
    mine.objections = MyObjectionsOf(c, call, *mine.result, today);
  }
  return mine;
}

// The student's application as it is now (404 without one) at the version the client read.
Application MineForChange(store::Connection& c, const Call& call, const Student& student,
                          std::optional<int64_t> expected_version) {
  auto current = applications::FindOfStudent(c, call.id, student.id);
  if (!current) {
    throw NotFoundError("Application");
  }
  if (!expected_version) {
    throw ApiError(ErrorCode::kPreconditionRequired,
                   "Send If-Match with the version of the application you read");
  }
  return audit::LoadForChangeNamed(c, "application", current->id, std::move(current),
                                   *expected_version, "Application");
}

// The student's application in the call at the version read (412/428), or none yet (a first save
// needs no version).
std::optional<Application> ExistingForChange(store::Connection& c, const Call& call,
                                             const Student& student,
                                             std::optional<int64_t> expected_version) {
  if (!applications::FindOfStudent(c, call.id, student.id)) {
    return std::nullopt;
  }
  return MineForChange(c, call, student, expected_version);
}

// Makes the student's application (a draft, scored as of now) with these preferences or this stay,
// and records it.
Application Created(store::Connection& c, const audit::Actor& actor, const Call& call,
                    const Student& student, const StudentFacts& facts,
                    const std::vector<int64_t>& offer_ids, std::optional<PlannedStay> stay) {
  Application fresh;
  fresh.call_id = call.id;
  fresh.student_id = student.id;
  fresh.score = CommonScoreOf(call, student, facts, fresh);
  fresh.stay = std::move(stay);
  const int64_t id = applications::Insert(c, fresh);
  if (!offer_ids.empty()) {
    applications::ReplacePreferences(c, id, offer_ids);
  }
  auto created = store::Found(applications::Find(c, id), "Application");
  audit::RecordChange(c, actor, "application", id, nullptr, AuditJson(created));
  return created;
}

// The student's application, made (as a draft without preferences) when there is none yet.
Application MineOrNew(store::Connection& c, const audit::Actor& actor, const Call& call,
                      const Student& student, const StudentFacts& facts) {
  if (auto current = applications::FindOfStudent(c, call.id, student.id)) {
    return std::move(*current);
  }
  return Created(c, actor, call, student, facts, {}, std::nullopt);
}

// A student's change brings a withdrawn application back as a draft, and one the office has
// checked back to submitted (the check is of what was there before).
ApplicationStatus AfterStudentChange(ApplicationStatus status) {
  switch (status) {
    case ApplicationStatus::kWithdrawn:
      return ApplicationStatus::kDraft;
    case ApplicationStatus::kChecked:
    case ApplicationStatus::kIncomplete:
      return ApplicationStatus::kSubmitted;
    default:
      return status;
  }
}

// A call for places takes preferences, a funding call a planned stay.
void CheckShape(const Call& call, bool stay) {
  if (call.kind == CallKind::kFunding && !stay) {
    throw ValidationError("stay",
                          "This call funds a traineeship you organise yourself: describe the stay "
                          "(\"stay\"); it has no offers to rank");
  }
  if (call.kind == CallKind::kPlaces && stay) {
    throw ValidationError("preferences",
                          "This call allocates places at partners: rank its offers "
                          "(\"preferences\"); it takes no stay of your own");
  }
}

void CheckPreferences(const Call& call, const std::vector<OfferEligibility>& offers,
                      const std::vector<int64_t>& offer_ids) {
  if (static_cast<int64_t>(offer_ids.size()) > call.max_preferences) {
    throw ValidationError("preferences",
                          "This call takes at most " + std::to_string(call.max_preferences) +
                              " preferences, not " + std::to_string(offer_ids.size()));
  }
  std::set<int64_t> seen;
  for (size_t i = 0; i < offer_ids.size(); ++i) {
    const std::string field = "preferences[" + std::to_string(i) + "]";
    const int64_t id = offer_ids[i];
    if (!seen.insert(id).second) {
      throw ValidationError(field, "Offer " + std::to_string(id) + " is ranked twice");
    }
    const auto offer = std::find_if(offers.begin(), offers.end(),
                                    [id](const OfferEligibility& o) { return o.offer.id == id; });
    if (offer == offers.end()) {
      throw ValidationError(field, "Offer " + std::to_string(id) + " is not an offer of this call");
    }
    if (!offer->reasons.empty()) {
      std::string why;
      for (const auto& reason : offer->reasons) {
        why += (why.empty() ? "" : " ") + reason.message_en;
      }
      throw ValidationError(field, "You are not eligible for offer " + std::to_string(id) + " (" +
                                       offer->offer.partner_name + "): " + why);
    }
  }
}

}  // namespace

MyApplication ApplicationsService::Mine(int64_t user_id, int64_t call_id, Date today) {
  return database_.Read([&](store::Connection& c) {
    const auto student = StudentOfUser(c, user_id);
    return Assemble(c, CallFound(c, call_id), student, today);
  });
}

namespace {

// The frame of every change of a student's own application: the student by account, the call,
// its application period, one transaction, and the screen's answer afterwards.
template <typename Change>
MyApplication ChangeOwn(store::Database& database, const audit::Actor& actor, int64_t call_id,
                        Date today, Change change) {
  return database.Write([&](store::Connection& c) {
    const auto student = StudentOfUser(c, actor.user_id);
    const auto call = CallFound(c, call_id);
    CheckPeriod(call, today);
    change(c, call, student);
    return Assemble(c, call, student, today);
  });
}

}  // namespace

MyApplication ApplicationsService::SavePreferences(const audit::Actor& actor, int64_t call_id,
                                                   Date today,
                                                   const std::vector<int64_t>& offer_ids,
                                                   std::optional<int64_t> expected_version) {
  return ChangeOwn(database_, actor, call_id, today,
                   [&](store::Connection& c, const Call& call, const Student& student) {
                     // The version first (412/428 before any rule of the body is looked at).
                     const auto existing = ExistingForChange(c, call, student, expected_version);
                     CheckShape(call, false);
                     const auto facts = StudentFactsOf(c, student);
                     CheckPreferences(call, Eligibilities(c, call, facts), offer_ids);
                     if (!existing) {
                       Created(c, actor, call, student, facts, offer_ids, std::nullopt);
                       return;
                     }
                     const auto& before = *existing;
                     applications::ReplacePreferences(c, before.id, offer_ids);
                     auto after = before;
                     after.status = AfterStudentChange(before.status);
                     after.score = CommonScoreOf(call, student, facts, after);
                     Written(c, actor, before, after);
                   });
}

MyApplication ApplicationsService::SaveStay(const audit::Actor& actor, int64_t call_id, Date today,
                                            PlannedStay stay,
                                            std::optional<int64_t> expected_version) {
  return ChangeOwn(database_, actor, call_id, today,
                   [&](store::Connection& c, const Call& call, const Student& student) {
                     const auto existing = ExistingForChange(c, call, student, expected_version);
                     CheckShape(call, true);
                     const auto facts = StudentFactsOf(c, student);
                     if (!existing) {
                       Created(c, actor, call, student, facts, {}, std::move(stay));
                       return;
                     }
                     const auto& before = *existing;
                     auto after = before;
                     after.stay = std::move(stay);
                     after.status = AfterStudentChange(before.status);
                     after.score = CommonScoreOf(call, student, facts, after);
                     Written(c, actor, before, after);
                   });
}

namespace {

// What a submission needs: ranked offers, or a stay Erasmus+ can fund (every reason otherwise).
void CheckComplete(store::Connection& c, const Call& call, const Student& student,
                   const Application& application) {
  if (call.kind == CallKind::kPlaces) {
    if (application.preferences.empty()) {
      throw ValidationError("preferences", "Rank at least one offer before submitting");
    }
    return;
  }
  if (!application.stay) {
    throw ValidationError("stay", "Describe the stay you plan before submitting");
  }
  const auto reasons = FundingIneligibilityReasons(StudentFactsOf(c, student), *application.stay,
                                                   call.academic_year);
  if (!reasons.empty()) {
    std::string why;
    for (const auto& reason : reasons) {
      why += (why.empty() ? "" : " ") + reason.message_en;
    }
    throw ValidationError("stay", "Erasmus+ cannot fund this stay: " + why);
  }
}

}  // namespace

MyApplication ApplicationsService::Submit(const audit::Actor& actor, int64_t call_id, Date today,
                                          int64_t expected_version) {
  return ChangeOwn(
      database_, actor, call_id, today,
      [&](store::Connection& c, const Call& call, const Student& student) {
        const auto before = MineForChange(c, call, student, expected_version);
        if (before.status == ApplicationStatus::kSubmitted ||
            before.status == ApplicationStatus::kChecked) {
          throw ApiError(ErrorCode::kConflict, "This application is already submitted", "status");
        }
        CheckComplete(c, call, student, before);
        auto after = before;
        after.status = ApplicationStatus::kSubmitted;
        after.submitted_at = NowUtcTimestamp();
        after.completeness_note.reset();
        Written(c, actor, before, after);
      });
}

MyApplication ApplicationsService::Withdraw(const audit::Actor& actor, int64_t call_id, Date today,
                                            int64_t expected_version) {
  return ChangeOwn(database_, actor, call_id, today,
                   [&](store::Connection& c, const Call& call, const Student& student) {
                     const auto before = MineForChange(c, call, student, expected_version);
                     if (before.status == ApplicationStatus::kWithdrawn) {
                       throw ApiError(ErrorCode::kConflict, "This application is already withdrawn",
                                      "status");
                     }
                     auto after = before;
                     after.status = ApplicationStatus::kWithdrawn;
                     Written(c, actor, before, after);
                   });
}

MyApplication ApplicationsService::PutDocument(const audit::Actor& actor, int64_t call_id,
                                               Date today, ApplicationDocumentKind kind,
                                               std::string file_name, const std::string& bytes) {
  return ChangeOwn(database_, actor, call_id, today,
                   [&](store::Connection& c, const Call& call, const Student& student) {
                     const auto before =
                         MineOrNew(c, actor, call, student, StudentFactsOf(c, student));
                     ApplicationDocument facts;
                     facts.kind = kind;
                     facts.file_name = std::move(file_name);
                     facts.media_type = "application/pdf";
                     facts.size_bytes = static_cast<int64_t>(bytes.size());
                     facts.sha256 = Sha256Hex(bytes);
                     facts.uploaded_at = NowUtcTimestamp();
                     applications::PutDocument(c, before.id, facts, bytes);
                     auto after = before;
                     after.status = AfterStudentChange(before.status);
                     Written(c, actor, before, after);
                   });
}

MyApplication ApplicationsService::RemoveDocument(const audit::Actor& actor, int64_t call_id,
                                                  Date today, ApplicationDocumentKind kind) {
  return ChangeOwn(database_, actor, call_id, today,
                   [&](store::Connection& c, const Call& call, const Student& student) {
                     auto before = applications::FindOfStudent(c, call.id, student.id);
                     if (!before || !applications::RemoveDocument(c, before->id, kind)) {
                       throw NotFoundError("Document");
                     }
                     auto after = *before;
                     after.status = AfterStudentChange(before->status);
                     Written(c, actor, *before, after);
                   });
}

std::pair<std::string, std::string> ApplicationsService::MyDocument(int64_t user_id,
                                                                    int64_t call_id,
                                                                    ApplicationDocumentKind kind) {
  return database_.Read([&](store::Connection& c) {
    const auto student = StudentOfUser(c, user_id);
    const auto application = applications::FindOfStudent(c, call_id, student.id);
    auto document =
        application ? applications::DocumentBytes(c, application->id, kind) : std::nullopt;
    return store::Found(std::move(document), "Document");
  });
}

}  // namespace weltcampus::exchange
