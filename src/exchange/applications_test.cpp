#include "exchange/applications.h"

#include <gtest/gtest.h>

#include <memory>

#include "auth/model.h"
#include "auth/repository.h"
#include "exchange/applications_service.h"
#include "exchange_quota.h"
#include "organisation/model.h"
#include "organisation/org_units.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;

const Date kInPeriod{2027, 2, 10};
const Date kAfterDeadline{2027, 3, 1};

class ApplicationsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<ApplicationsService>(db_->database());
    const int64_t quota = Quota();
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit school;
      school.name = "School of Medicine";
      school.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, school);
      school_id_ = school.id;
      organisation::OrgUnit dentistry_unit;
      dentistry_unit.name = "Dental Clinic";
      dentistry_unit.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, dentistry_unit);
      dental_unit_id_ = dentistry_unit.id;
      Programme medicine;
      medicine.code = "MED-STEX";
      medicine.name = "Medicine";
      medicine.name_de = "Humanmedizin";
      medicine.org_unit_id = school.id;
      medicine.isced_code = "0912";
      medicine.eqf_level = 7;
      medicine.single_cycle = true;
      ProgrammeTable().Insert(c, medicine);

      auth::User account;
      account.email = "greta@example.org";
      account.display_name = "Greta";
      account.roles.push_back({auth::Role::kStudent, std::nullopt, std::nullopt});
      auth::repository::InsertUser(c, account, std::nullopt);
      user_id_ = account.id;
      Student greta;
      greta.matriculation_number = "4711234";
      greta.family_name = "Lehmann";
      greta.given_name = "Greta";
      greta.email = "greta@example.org";
      greta.programme_id = medicine.id;
      greta.study_semester = 6;
      greta.grade_average = 1.6;
      greta.first_state_exam_passed = true;
      greta.user_id = account.id;
      StudentTable().Insert(c, greta);
      LanguageCertificate english;
      english.student_id = greta.id;
      english.language = "en";
      english.cefr_level = CefrLevel::kC1;
      LanguageCertificateTable().Insert(c, english);
      LanguageCertificate french = english;
      french.language = "fr";
      french.cefr_level = CefrLevel::kB1;
      LanguageCertificateTable().Insert(c, french);

      Call call;
      call.academic_year = 2027;
      call.org_unit_id = school.id;
      call.title = "Erasmus 2027/28";
      call.applications_open = "2027-01-15";
      call.applications_close = "2027-02-28";
      call.selection_by = "2027-03-15";
      call.publication_on = "2027-03-20";
      call.accept_by = "2027-03-31";
      call.nomination_by = "2027-04-10";
      call.max_preferences = 2;
      call.weight_grade = 50;
      call.weight_language = 30;
      call.weight_committee = 20;
      call.committee_points_max = 10;
      CallTable().Insert(c, call);
      call_id_ = call.id;
      english_ = AddOffer(c, quota, "en", CefrLevel::kB2, OfferTerm::kWinter);
      french_ = AddOffer(c, quota, "fr", CefrLevel::kC1, OfferTerm::kWinter);
      summer_ = AddOffer(c, quota, "en", CefrLevel::kB1, OfferTerm::kSummer);
    });
  }

  int64_t Quota() {
    const auto quota =
        test_support::AddOutgoingQuota(db_->database(), "King's College London", "GB", "Medicine");
    agreement_id_ = quota.agreement_id;
    partnership_id_ = quota.partnership_id;
    return quota.quota_id;
  }

  int64_t AddOffer(Connection& c, int64_t quota, const char* language, CefrLevel level,
                   OfferTerm term) {
    Offer offer;
    offer.call_id = call_id_;
    offer.quota_id = quota;
    offer.agreement_id = agreement_id_;
    offer.partnership_id = partnership_id_;
    offer.partner_name = "King's College London";
    offer.term = term;
    offer.places = 1;
    offer.months_per_place = 5;
    offer.eqf_levels = {7};
    offer.language = language;
    offer.cefr_level = level;
    OfferTable().Insert(c, offer);
    return offer.id;
  }

  audit::Actor StudentActor() const { return audit::Actor::User(user_id_); }

  // The field a refused change names; the application count must stay.
  std::string Refused(const std::function<void()>& change) {
    const auto before = Count("applications") + Count("application_preferences");
    try {
      change();
    } catch (const ApiError& error) {
      EXPECT_EQ(Count("applications") + Count("application_preferences"), before);
      return error.field().empty() ? std::string(CodeName(error.code())) : error.field();
    }
    return "";
  }

  int64_t Count(const std::string& table) {
    return db_->database().Read(
        [&](Connection& c) { return c.Count("SELECT COUNT(*) AS n FROM " + table); });
  }

  static auth::Principal Coordinator(std::optional<int64_t> unit,
                                     std::optional<std::string> isced) {
    auth::Principal person;
    person.user_id = 99;
    person.roles.push_back({auth::Role::kCoordinator, unit, std::move(isced)});
    return person;
  }
  static auth::Principal Office() {
    auth::Principal person;
    person.user_id = 98;
    person.roles.push_back({auth::Role::kInternationalOffice, std::nullopt, std::nullopt});
    return person;
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  std::unique_ptr<ApplicationsService> service_;
  int64_t school_id_ = 0, dental_unit_id_ = 0, user_id_ = 0, call_id_ = 0;
  int64_t agreement_id_ = 0, partnership_id_ = 0;
  int64_t english_ = 0, french_ = 0, summer_ = 0;
};

TEST_P(ApplicationsTest, TheStudentSeesEveryOfferWithItsEligibility) {
  const auto mine = service_->Mine(user_id_, call_id_, kInPeriod);
  EXPECT_TRUE(mine.open);
  EXPECT_FALSE(mine.application);
  ASSERT_EQ(mine.offers.size(), 3u);
  for (const auto& entry : mine.offers) {
    if (entry.offer.id == french_) {
      ASSERT_EQ(entry.reasons.size(), 1u);
      EXPECT_EQ(entry.reasons[0].code, ReasonCode::kLanguage);
      EXPECT_EQ(entry.reasons[0].details["held"], "B1");
    } else {
      EXPECT_TRUE(entry.reasons.empty());
    }
  }
  EXPECT_FALSE(service_->Mine(user_id_, call_id_, kAfterDeadline).open);
}

TEST_P(ApplicationsTest, BadPreferencesAreRefusedNamingTheProblemAndNothingIsWritten) {
  const auto save = [&](std::vector<int64_t> offers, Date today = kInPeriod) {
    return Refused(
        [&] { service_->SavePreferences(StudentActor(), call_id_, today, offers, std::nullopt); });
  };
  EXPECT_EQ(save({english_, french_}), "preferences[1]");             // not eligible
  EXPECT_EQ(save({english_, english_}), "preferences[1]");            // twice
  EXPECT_EQ(save({english_, summer_, 999999}), "preferences");        // too many (2)
  EXPECT_EQ(save({999999}), "preferences[0]");                        // not of this call
  EXPECT_EQ(save({english_}, kAfterDeadline), "applications_close");  // after the deadline
  EXPECT_EQ(save({english_}, Date{2027, 1, 14}), "applications_open");
  EXPECT_EQ(Count("applications"), 0);
  EXPECT_EQ(Count("audit_log WHERE entity_type = 'application'"), 0);
  // Someone without a student record has no application.
  EXPECT_EQ(Refused([&] {
              service_->SavePreferences(audit::Actor::User(12345), call_id_, kInPeriod, {english_},
                                        std::nullopt);
            }),
            "not_found");
}

TEST_P(ApplicationsTest, PreferencesAreKeptInOrderAndChangedOnlyAtTheVersionRead) {
  auto mine = service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {summer_, english_},
                                        std::nullopt);
  ASSERT_TRUE(mine.application);
  ASSERT_EQ(mine.application->preferences.size(), 2u);
  EXPECT_EQ(mine.application->preferences[0].offer_id, summer_);
  EXPECT_EQ(mine.application->preferences[0].rank, 1);
  EXPECT_EQ(mine.application->preferences[1].offer_id, english_);
  EXPECT_EQ(mine.application->status, ApplicationStatus::kDraft);
  // 0.5 × 80 + 0.3 × 80 (C1) + 0.2 × 0
  EXPECT_DOUBLE_EQ(mine.application->score, 64);
  const int64_t version = mine.application->version;
  EXPECT_EQ(Refused([&] {
              service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_},
                                        std::nullopt);
            }),
            "precondition_required");
  EXPECT_EQ(Refused([&] {
              service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_},
                                        version + 1);
            }),
            "precondition_failed");
  mine = service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_}, version);
  ASSERT_EQ(mine.application->preferences.size(), 1u);
  EXPECT_EQ(Count("application_preferences"), 1);
  EXPECT_EQ(Count("audit_log WHERE entity_type = 'application'"), 2);
}

TEST_P(ApplicationsTest, SubmitWithdrawAndTheOfficesCheck) {
  auto mine = service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {}, std::nullopt);
  EXPECT_EQ(Refused([&] {
              service_->Submit(StudentActor(), call_id_, kInPeriod, mine.application->version);
            }),
            "preferences");
  mine = service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_},
                                   mine.application->version);
  mine = service_->Submit(StudentActor(), call_id_, kInPeriod, mine.application->version);
  EXPECT_EQ(mine.application->status, ApplicationStatus::kSubmitted);
  EXPECT_TRUE(mine.application->submitted_at);
  const int64_t id = mine.application->id;

  const auto office = Office();
  const auto actor = audit::Actor::User(98);
  int64_t version = mine.application->version;
  EXPECT_EQ(Refused([&] {
              service_->CheckCompleteness(actor, office, id, version, false, std::nullopt);
            }),
            "reason");
  auto application =
      service_->CheckCompleteness(actor, office, id, version, false, "No motivation letter");
  EXPECT_EQ(application.status, ApplicationStatus::kIncomplete);
  EXPECT_EQ(application.completeness_note, "No motivation letter");
  // The student mends it before the deadline: submitted again, for a new check.
  mine = service_->PutDocument(StudentActor(), call_id_, kInPeriod,
                               ApplicationDocumentKind::kMotivationLetter, "letter.pdf",
                               "%PDF-1.7\n%%EOF\n");
  EXPECT_EQ(mine.application->status, ApplicationStatus::kSubmitted);
  ASSERT_EQ(mine.application->documents.size(), 1u);
  EXPECT_EQ(mine.application->documents[0].file_name, "letter.pdf");
  EXPECT_EQ(
      service_->MyDocument(user_id_, call_id_, ApplicationDocumentKind::kMotivationLetter).second,
      "%PDF-1.7\n%%EOF\n");
  application =
      service_->CheckCompleteness(actor, office, id, mine.application->version, true, std::nullopt);
  EXPECT_EQ(application.status, ApplicationStatus::kChecked);
  EXPECT_FALSE(application.completeness_note);
  // Withdrawn, then nothing more after the deadline.
  mine = service_->Withdraw(StudentActor(), call_id_, kInPeriod, application.version);
  EXPECT_EQ(mine.application->status, ApplicationStatus::kWithdrawn);
  version = mine.application->version;
  EXPECT_EQ(Refused([&] { service_->Submit(StudentActor(), call_id_, kAfterDeadline, version); }),
            "applications_close");
  EXPECT_EQ(Refused([&] { service_->Score(actor, office, id, version, 5, {}, std::nullopt); }),
            "status");  // a withdrawn application is not scored
}

TEST_P(ApplicationsTest, CommitteePointsWithinTheCallsRangeChangeTheScore) {
  auto mine =
      service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_}, std::nullopt);
  const int64_t id = mine.application->id;
  EXPECT_EQ(Refused([&] {
              service_->Score(audit::Actor::User(98), Office(), id, mine.application->version, 5,
                              {}, std::nullopt);
            }),
            "status");  // a draft is not scored
  mine = service_->Submit(StudentActor(), call_id_, kInPeriod, mine.application->version);
  const int64_t version = mine.application->version;
  for (const int64_t points : {-1, 11}) {
    EXPECT_EQ(Refused([&] {
                service_->Score(audit::Actor::User(98), Office(), id, version, points, {},
                                std::nullopt);
              }),
              "committee_points");
  }
  // Scored after the deadline: selection follows the application period.
  const auto scored =
      service_->Score(audit::Actor::User(98), Office(), id, version, 10, {}, "Convincing letter");
  EXPECT_EQ(scored.committee_points, 10);
  EXPECT_EQ(scored.office_note, "Convincing letter");
  EXPECT_DOUBLE_EQ(scored.score, 84);  // 40 + 24 + 20
}

TEST_P(ApplicationsTest, PointsForTheCallsOptionalCriteriaWithinEachMaximumChangeTheScore) {
  // The call weighs social engagement with 10 % of its own (grade 40, language 30, committee 20).
  db_->database().Write([&](Connection& c) {
    auto call = *FindCall(c, call_id_);
    call.weight_grade = 40;
    call.criteria = {{"engagement", "Social engagement", "Soziales Engagement", 10, 5}};
    CheckCall(c, call);
    CallTable().Update(c, call, call.version);
  });
  auto mine =
      service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_}, std::nullopt);
  const int64_t id = mine.application->id;
  mine = service_->Submit(StudentActor(), call_id_, kInPeriod, mine.application->version);
  const int64_t version = mine.application->version;
  const auto score = [&](CriteriaPoints points) {
    return service_->Score(audit::Actor::User(98), Office(), id, version, 10, std::move(points),
                           std::nullopt);
  };
  EXPECT_EQ(Refused([&] { score({{"interview", 3}}); }), "criteria_points.interview");
  EXPECT_EQ(Refused([&] { score({{"engagement", 6}}); }), "criteria_points.engagement");
  EXPECT_EQ(Refused([&] { score({{"engagement", -1}}); }), "criteria_points.engagement");
  // 1.6 → grade part 80, C1 → language part 80, committee 10 of 10, engagement 5 of 5 (or none).
  auto scored = score({{"engagement", 5}});
  EXPECT_EQ(scored.criteria_points, (CriteriaPoints{{"engagement", 5}}));
  EXPECT_DOUBLE_EQ(scored.score, 86);  // 32 + 24 + 20 + 10
  EXPECT_EQ(service_->Get(audit::Actor::User(98), Office(), id).criteria_points,
            (CriteriaPoints{{"engagement", 5}}));
  scored =
      service_->Score(audit::Actor::User(98), Office(), id, scored.version, 10, {}, std::nullopt);
  EXPECT_TRUE(scored.criteria_points.empty());
  EXPECT_DOUBLE_EQ(scored.score, 76);  // not yet given: 0
}

TEST_P(ApplicationsTest, ACoordinatorSeesOnlyTheirUnitOrField) {
  const auto mine =
      service_->SavePreferences(StudentActor(), call_id_, kInPeriod, {english_}, std::nullopt);
  const int64_t id = mine.application->id;
  const auto listed = [&](const auth::Principal& person) {
    applications::ListFilter filter;
    filter.call_id = call_id_;
    PageRequest page;
    page.limit = 50;
    return service_->List(person, filter, page).total;
  };
  // By unit (the programme's), by field (0912 begins with 091), and by neither.
  for (const auto& person :
       {Coordinator(school_id_, std::nullopt), Coordinator(std::nullopt, "091"), Office()}) {
    EXPECT_EQ(service_->Get(audit::Actor::User(99), person, id).id, id);
    EXPECT_EQ(listed(person), 1);
  }
  for (const auto& person :
       {Coordinator(dental_unit_id_, std::nullopt), Coordinator(std::nullopt, "0911"),
        Coordinator(std::nullopt, std::nullopt)}) {
    EXPECT_EQ(Refused([&] { service_->Get(audit::Actor::User(99), person, id); }), "not_found");
    EXPECT_EQ(listed(person), 0);
    EXPECT_EQ(Refused([&] {
                service_->Score(audit::Actor::User(99), person, id, mine.application->version, 1,
                                {}, std::nullopt);
              }),
              "not_found");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationsTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
