#include "exchange/allocation_runs.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "auth/model.h"
#include "auth/repository.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange_quota.h"
#include "organisation/model.h"
#include "organisation/org_units.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;

const Date kBeforeClose{2027, 2, 20};
const Date kAfterClose{2027, 3, 5};  // the call's accept_by is 2027-03-31
const Date kAfterAcceptBy{2027, 4, 2};

// Three students ranked by their grade alone (100 %): Anna 1.0 → 100, Ben 2.0 → 66.67, Cem 3.0
// → 33.33; each ranks Lyon (1 place) before Porto (1 place).
class AllocationRunsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<AllocationRunsService>(db_->database());
    const int64_t quota = Quota();
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit school;
      school.name = "School of Economics";
      school.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, school);
      Programme programme;
      programme.code = "ECON-BA";
      programme.name = "Economics";
      programme.name_de = "Volkswirtschaftslehre";
      programme.org_unit_id = school.id;
      programme.isced_code = "0311";
      programme.eqf_level = 6;
      ProgrammeTable().Insert(c, programme);

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
      call.weight_grade = 100;
      call.weight_language = 0;
      call.weight_committee = 0;
      CallTable().Insert(c, call);
      call_id_ = call.id;
      lyon_ = AddOffer(c, quota, "Université de Lyon");
      porto_ = AddOffer(c, quota, "Universidade do Porto");
      const char* names[] = {"Anna", "Ben", "Cem"};
      for (int i = 0; i < 3; ++i) {
        auth::User account;
        account.email = std::string(names[i]) + "@example.org";
        account.display_name = names[i];
        account.roles.push_back({auth::Role::kStudent, std::nullopt, std::nullopt});
        auth::repository::InsertUser(c, account, std::nullopt);
        users_.push_back(account.id);
        Student student;
        student.matriculation_number = "100000" + std::to_string(i);
        student.family_name = names[i];
        student.given_name = names[i];
        student.email = account.email;
        student.programme_id = programme.id;
        student.study_semester = 4;
        student.grade_average = 1.0 + i;
        student.user_id = account.id;
        StudentTable().Insert(c, student);
        Application application;
        application.call_id = call.id;
        application.student_id = student.id;
        application.status = ApplicationStatus::kChecked;
        const int64_t id = applications::Insert(c, application);
        applications::ReplacePreferences(c, id, {lyon_, porto_});
        applications_.push_back(id);
      }
    });
  }

  int64_t Quota() {
    const auto quota =
        test_support::AddOutgoingQuota(db_->database(), "Université de Lyon", "FR", "Economics");
    agreement_id_ = quota.agreement_id;
    partnership_id_ = quota.partnership_id;
    return quota.quota_id;
  }

  int64_t AddOffer(Connection& c, int64_t quota, const char* partner) {
    Offer offer;
    offer.call_id = call_id_;
    offer.quota_id = quota;
    offer.agreement_id = agreement_id_;
    offer.partnership_id = partnership_id_;
    offer.partner_name = partner;
    offer.term = OfferTerm::kWinter;
    offer.places = 1;
    offer.months_per_place = 5;
    OfferTable().Insert(c, offer);
    return offer.id;
  }

  static audit::Actor Office() { return audit::Actor::User(1); }

  std::map<int64_t, RunResult> ResultsOf(int64_t run_id) {
    std::map<int64_t, RunResult> by_application;
    db_->database().Read([&](Connection& c) {
      for (auto& result : runs::AllResults(c, run_id)) {
        by_application[result.application_id] = std::move(result);
      }
    });
    return by_application;
  }

  // The field (or code) of a refused call; nothing written.
  std::string Refused(const std::function<void()>& change) {
    const auto before = Count("allocation_runs") + Count("allocation_results");
    try {
      change();
    } catch (const ApiError& error) {
      EXPECT_EQ(Count("allocation_runs") + Count("allocation_results"), before);
      return error.field().empty() ? std::string(CodeName(error.code())) : error.field();
    }
    return "";
  }

  int64_t Count(const std::string& table, const std::string& where = "1 = 1") {
    return db_->database().Read([&](Connection& c) {
      return c.Count("SELECT COUNT(*) AS n FROM " + table + " WHERE " + where);
    });
  }

  void SetStatus(int64_t application_id, ApplicationStatus status) {
    db_->database().Write([&](Connection& c) {
      c.Exec(
          "UPDATE applications SET status = :s WHERE id = :id",
          store::Params().Set("s", kApplicationStatusTable.Name(status)).Set("id", application_id));
    });
  }

  AllocationRun Published(Date today) {
    const auto run = service_->Start(Office(), call_id_, today);
    const auto signed_off = service_->SignOff(audit::Actor::User(2), run.id, run.version);
    return service_->Publish(Office(), run.id, signed_off.version, today);
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  std::unique_ptr<AllocationRunsService> service_;
  int64_t call_id_ = 0, agreement_id_ = 0, partnership_id_ = 0, lyon_ = 0, porto_ = 0;
  std::vector<int64_t> users_, applications_;
};

TEST_P(AllocationRunsTest, ARunPlacesByScoreAndExplainsWhy) {
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  EXPECT_EQ(run.round, 1);
  EXPECT_EQ(run.status, RunStatus::kComputed);
  EXPECT_EQ(run.applicants, 3);
  EXPECT_EQ(run.placed, 2);
  EXPECT_EQ(run.offers, 2);
  EXPECT_EQ(run.places, 2);
  const auto results = ResultsOf(run.id);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results.at(applications_[0]).offer_id, lyon_);
  EXPECT_EQ(results.at(applications_[0]).preference_rank, 1);
  EXPECT_DOUBLE_EQ(results.at(applications_[0]).score, 100);
  EXPECT_EQ(results.at(applications_[1]).offer_id, porto_);
  EXPECT_EQ(results.at(applications_[1]).preference_rank, 2);
  const auto& cem = results.at(applications_[2]);
  EXPECT_FALSE(cem.offer_id);
  const auto why = nlohmann::json::parse(cem.explanation);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_EQ(why[0]["offer_id"], lyon_);
  EXPECT_EQ(why[0]["reason"], "offer_full");
  EXPECT_EQ(why[0]["cutoff"], 100.0);
  EXPECT_EQ(why[0]["own"], 33.33);
  EXPECT_EQ(why[1]["partner_name"], "Universidade do Porto");
  EXPECT_EQ(why[1]["cutoff"], 66.67);
  // The seed drawn is kept on the call; one audit entry.
  const auto call = db_->database().Read([&](Connection& c) { return FindCall(c, call_id_); });
  ASSERT_TRUE(call->lottery_seed);
  EXPECT_EQ(static_cast<uint64_t>(*call->lottery_seed), run.seed);
  EXPECT_EQ(Count("audit_log", "entity_type = 'allocation_run'"), 1);
}

// Lyon selects by interview alone (its own weights: committee points 100 %): Cem, last by grade but
// with full points, takes Lyon's place; Anna, whom Lyon turned away, takes Porto's by the call's
// grade ranking; Ben is left without a place.
TEST_P(AllocationRunsTest, AnOfferWithItsOwnWeightsRanksByThem) {
  db_->database().Write([&](Connection& c) {
    c.Exec("UPDATE calls SET committee_points_max = 10 WHERE id = :id",
           store::Params().Set("id", call_id_));
    c.Exec("UPDATE applications SET committee_points = 10 WHERE id = :id",
           store::Params().Set("id", applications_[2]));
    c.Exec(
        "UPDATE call_offers SET weight_grade = 0, weight_language = 0, weight_committee = 100 "
        "WHERE id = :id",
        store::Params().Set("id", lyon_));
  });
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  const auto results = ResultsOf(run.id);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results.at(applications_[2]).offer_id, lyon_);
  EXPECT_EQ(results.at(applications_[0]).offer_id, porto_);
  EXPECT_FALSE(results.at(applications_[1]).offer_id);
  // Lyon closed at Cem's 100 there, not at Anna's grade.
  const auto why = nlohmann::json::parse(results.at(applications_[0]).explanation);
  ASSERT_EQ(why.size(), 1u) << why;
  EXPECT_EQ(why[0]["offer_id"], lyon_);
  EXPECT_EQ(why[0]["cutoff"], 100.0);
  EXPECT_EQ(why[0]["own"], 0.0);
}

TEST_P(AllocationRunsTest, ThePartnersExtraPlacesArePartOfTheOffersPlacesNotOnTop) {
  // Lyon's one place is the partner's extra one (CheckOffer: extra places are part of places).
  db_->database().Write([&](Connection& c) {
    c.Exec("UPDATE call_offers SET extra_places = 1 WHERE id = :id",
           store::Params().Set("id", lyon_));
  });
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  EXPECT_EQ(run.places, 2);
  EXPECT_EQ(run.placed, 2);
  EXPECT_FALSE(ResultsOf(run.id).at(applications_[2]).offer_id) << "Lyon took two";
}

TEST_P(AllocationRunsTest, ARunIsRefusedBeforeTheDeadlineWhileUncheckedAndWithoutApplicants) {
  EXPECT_EQ(Refused([&] { service_->Start(Office(), call_id_, kBeforeClose); }),
            "applications_close");
  SetStatus(applications_[1], ApplicationStatus::kSubmitted);
  try {
    service_->Start(Office(), call_id_, kAfterClose);
    ADD_FAILURE() << "a run with a submitted application";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.field(), "applications");
    EXPECT_NE(std::string(error.what()).find('1'), std::string::npos) << error.what();
  }
  for (const int64_t id : applications_) {
    SetStatus(id, ApplicationStatus::kWithdrawn);
  }
  EXPECT_EQ(Refused([&] { service_->Start(Office(), call_id_, kAfterClose); }), "applications");
  EXPECT_EQ(Refused([&] { service_->Start(Office(), 9999, kAfterClose); }), "not_found");
  const auto call = db_->database().Read([&](Connection& c) { return FindCall(c, call_id_); });
  EXPECT_FALSE(call->lottery_seed);
}

TEST_P(AllocationRunsTest, ANewRunSupersedesTheRoundsRunsWithTheSameSeed) {
  const auto first = service_->Start(Office(), call_id_, kAfterClose);
  const auto signed_off = service_->SignOff(audit::Actor::User(2), first.id, first.version);
  const auto second = service_->Start(Office(), call_id_, kAfterClose);
  EXPECT_EQ(second.seed, first.seed);
  EXPECT_EQ(second.round, 1);
  EXPECT_EQ(service_->Get(first.id).status, RunStatus::kSuperseded);
  EXPECT_EQ(service_->OfCall(call_id_).front().id, second.id);
  // A superseded run is no longer signed off or published.
  EXPECT_EQ(
      Refused([&] { service_->Publish(Office(), first.id, signed_off.version + 1, kAfterClose); }),
      "status");
  db_->database().Read([&](Connection& c) {
    EXPECT_EQ(LatestRunId(c, call_id_), second.id);
    const auto instance = RunInstance(c, second.id);
    EXPECT_EQ(instance.application_ids, applications_);
    EXPECT_EQ(instance.offer_ids, (std::vector<int64_t>{lyon_, porto_}));
    EXPECT_EQ(instance.instance.seed, first.seed);
    EXPECT_EQ(instance.instance.offers.at(0).capacity, 1);
    EXPECT_THROW(RunInstance(c, 9999), ApiError);
  });
  EXPECT_TRUE(service_->Repeat(second.id));
  // A stored result changed behind the run's back is told apart.
  db_->database().Write([&](Connection& c) {
    c.Exec("UPDATE allocation_results SET offer_id = NULL WHERE run_id = :run",
           store::Params().Set("run", second.id));
  });
  EXPECT_FALSE(service_->Repeat(second.id));
}

TEST_P(AllocationRunsTest, ASecondRunWhileOneComputesIsAConflict) {
  const RunningCall computing(call_id_);
  EXPECT_EQ(Refused([&] { service_->Start(Office(), call_id_, kAfterClose); }), "conflict");
}

TEST_P(AllocationRunsTest, SignOffAndPublishInTurnAtTheVersionRead) {
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  EXPECT_EQ(Refused([&] { service_->Publish(Office(), run.id, run.version, kAfterClose); }),
            "status");
  EXPECT_EQ(Refused([&] { service_->SignOff(audit::Actor::User(2), run.id, run.version + 5); }),
            "precondition_failed");
  const auto signed_off = service_->SignOff(audit::Actor::User(2), run.id, run.version);
  EXPECT_EQ(signed_off.status, RunStatus::kSignedOff);
  EXPECT_EQ(signed_off.signed_off_by, 2);
  EXPECT_TRUE(signed_off.signed_off_at);
  EXPECT_EQ(Refused([&] { service_->SignOff(audit::Actor::User(2), run.id, signed_off.version); }),
            "status");
  const auto published = service_->Publish(Office(), run.id, signed_off.version, kAfterClose);
  EXPECT_EQ(published.status, RunStatus::kPublished);
  EXPECT_EQ(published.accept_by, "2027-03-31");
  EXPECT_EQ(Count("audit_log", "entity_type = 'allocation_run'"), 3);
}

TEST_P(AllocationRunsTest, StudentsAnswerTheirPlaceUntilAcceptBy) {
  ApplicationsService applications(db_->database());
  EXPECT_FALSE(applications.Mine(users_[0], call_id_, kAfterClose).result);
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  EXPECT_FALSE(applications.Mine(users_[0], call_id_, kAfterClose).result);
  EXPECT_EQ(Refused([&] {
              service_->Respond(audit::Actor::User(users_[0]), call_id_, kAfterClose,
                                PlaceResponse::kAccepted);
            }),
            "offer");
  const auto signed_off = service_->SignOff(audit::Actor::User(2), run.id, run.version);
  service_->Publish(Office(), run.id, signed_off.version, kAfterClose);

  auto anna = applications.Mine(users_[0], call_id_, kAfterClose).result;
  ASSERT_TRUE(anna);
  EXPECT_TRUE(anna->can_respond);
  EXPECT_EQ(anna->result.offer_id, lyon_);
  EXPECT_EQ(anna->run.accept_by, "2027-03-31");
  service_->Respond(audit::Actor::User(users_[0]), call_id_, Date{2027, 3, 31},
                    PlaceResponse::kAccepted);
  anna = applications.Mine(users_[0], call_id_, kAfterClose).result;
  EXPECT_EQ(anna->result.response, PlaceResponse::kAccepted);
  EXPECT_FALSE(anna->can_respond);
  // Lyon keeps the place Anna accepted: an offer cannot drop below its accepted places.
  db_->database().Read([&](Connection& c) {
    auto lyon = *OfferTable().Find(c, lyon_);
    lyon.places = 0;
    try {
      CheckOffer(c, lyon);
      ADD_FAILURE() << "Lyon's accepted place was given up";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.code(), ErrorCode::kConflict);
      EXPECT_EQ(error.field(), "places");
    }
    lyon.places = 1;
    EXPECT_NO_THROW(CheckOffer(c, lyon));
  });
  EXPECT_EQ(Refused([&] {
              service_->Respond(audit::Actor::User(users_[0]), call_id_, kAfterClose,
                                PlaceResponse::kDeclined);
            }),
            "response");
  // Ben is too late: his place has lapsed.
  EXPECT_EQ(Refused([&] {
              service_->Respond(audit::Actor::User(users_[1]), call_id_, kAfterAcceptBy,
                                PlaceResponse::kAccepted);
            }),
            "accept_by");
  const auto ben = applications.Mine(users_[1], call_id_, kAfterAcceptBy).result;
  EXPECT_EQ(ben->result.response, PlaceResponse::kLapsed);
  EXPECT_FALSE(ben->can_respond);
  // Cem has no place to answer.
  const auto cem = applications.Mine(users_[2], call_id_, kAfterClose).result;
  ASSERT_TRUE(cem);
  EXPECT_FALSE(cem->result.offer_id);
  EXPECT_FALSE(cem->can_respond);
  EXPECT_EQ(Refused([&] {
              service_->Respond(audit::Actor::User(users_[2]), call_id_, kAfterClose,
                                PlaceResponse::kAccepted);
            }),
            "offer");
  EXPECT_EQ(Count("audit_log", "entity_type = 'application'"), 1);
}

TEST_P(AllocationRunsTest, RoundTwoTakesTheFreePlacesAndTheUnplaced) {
  Published(kAfterClose);
  // Anna declines Lyon; Ben keeps Porto; Cem had nothing.
  service_->Respond(audit::Actor::User(users_[0]), call_id_, kAfterClose, PlaceResponse::kDeclined);
  service_->Respond(audit::Actor::User(users_[1]), call_id_, kAfterClose, PlaceResponse::kAccepted);
  EXPECT_EQ(Refused([&] { service_->Start(Office(), call_id_, kAfterClose); }), "accept_by");
  const auto second = service_->Start(Office(), call_id_, kAfterAcceptBy);
  EXPECT_EQ(second.round, 2);
  EXPECT_EQ(second.applicants, 1);
  EXPECT_EQ(second.places, 1);
  const auto results = ResultsOf(second.id);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results.at(applications_[2]).offer_id, lyon_);
  // Published late, the round gives as many days to answer as the call does (11).
  const auto signed_off = service_->SignOff(audit::Actor::User(2), second.id, second.version);
  const auto published = service_->Publish(Office(), second.id, signed_off.version, kAfterAcceptBy);
  EXPECT_EQ(published.accept_by, "2027-04-13");
  const auto cem = ApplicationsService(db_->database()).Mine(users_[2], call_id_, kAfterAcceptBy);
  ASSERT_TRUE(cem.result);
  EXPECT_EQ(cem.result->run.round, 2);
  EXPECT_TRUE(cem.result->can_respond);
}

TEST_P(AllocationRunsTest, ACoordinatorSeesTheResultsOfTheirScope) {
  const auto run = service_->Start(Office(), call_id_, kAfterClose);
  PageRequest page;
  page.limit = 50;
  auth::Principal outsider;
  outsider.user_id = 99;
  outsider.roles.push_back({auth::Role::kCoordinator, std::nullopt, "09"});
  auth::Principal insider = outsider;
  insider.roles[0].isced_code = "031";
  auth::Principal management;
  management.user_id = 97;
  management.roles.push_back({auth::Role::kManagement, std::nullopt, std::nullopt});
  runs::ResultFilter filter;
  filter.run_id = run.id;
  EXPECT_EQ(service_->Results(outsider, filter, page, kAfterClose).total, 0);
  EXPECT_EQ(service_->Results(insider, filter, page, kAfterClose).total, 3);
  EXPECT_EQ(service_->Results(management, filter, page, kAfterClose).total, 3);
  filter.placed = false;
  const auto unplaced = service_->Results(management, filter, page, kAfterClose);
  ASSERT_EQ(unplaced.total, 1);
  EXPECT_EQ(unplaced.items.at(0).application_id, applications_[2]);
  filter.placed.reset();
  filter.offer_id = porto_;
  EXPECT_EQ(service_->Results(management, filter, page, kAfterClose).total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AllocationRunsTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
