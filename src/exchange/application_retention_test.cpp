#include "exchange/application_retention.h"

#include <gtest/gtest.h>

#include "exchange/demand.h"
#include "exchange/demand_test_fixture.h"

namespace weltcampus::exchange {
namespace {

using store::Connection;

// The 2026 call's applications: 6 (checked, Lyon), 7 (checked, Lyon), 8 (incomplete). Its
// published run places 6 at Lyon (accepted) and 7 nowhere; the 2027 call publishes on 2027-03-20.
class ApplicationRetentionTest : public demand_testing::DemandFixture {
 protected:
  void SetUp() override {
    DemandFixture::SetUp();
    db_->database().Write([&](Connection& c) {
      const int64_t old_run =
          AddRun(c, old_call_, "published", "2026-03-20T10:00:00Z", old_accept_by_);
      Place(c, old_run, applications_[6], old_lyon_, "accepted");
      Place(c, old_run, applications_[7], std::nullopt, std::nullopt);
      c.Exec(
          "INSERT INTO application_documents (application_id, kind, file_name, media_type, "
          "size_bytes, sha256, content, uploaded_at) VALUES (:application, 'motivation_letter', "
          "'letter.pdf', 'application/pdf', 4, 'x', 'eA==', '2026-01-20T10:00:00Z')",
          store::Params().Set("application", applications_[7]));
      const int64_t run = AddRun(c, call_, "published", "2027-03-20T10:00:00Z", "2027-03-31");
      Place(c, run, applications_[0], lyon_, std::nullopt);
      Place(c, run, applications_[1], lyon_, "accepted");
    });
  }

  static int64_t AddRun(Connection& c, int64_t call, const std::string& status,
                        const std::string& published_at, const std::string& accept_by) {
    return c.Insert(
        "INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, placed, "
        "offers, places, created_at, published_at, accept_by) VALUES (:call, 1, :status, '7', "
        "'{}', 2, 1, 1, 1, :at, :at, :accept_by)",
        store::Params()
            .Set("call", call)
            .Set("status", status)
            .Set("at", published_at)
            .Set("accept_by", accept_by));
  }

  static void Place(Connection& c, int64_t run, int64_t application, std::optional<int64_t> offer,
                    std::optional<std::string> response) {
    c.Exec(
        "INSERT INTO allocation_results (run_id, application_id, offer_id, score, explanation, "
        "response) VALUES (:run, :application, :offer, 50, '[]', :response)",
        store::Params()
            .Set("run", run)
            .Set("application", application)
            .Set("offer", offer)
            .Set("response", response));
  }

  int64_t Count(const std::string& sql, int64_t id) {
    return db_->database().Read(
        [&](Connection& c) { return c.Count(sql, store::Params().Set("id", id)); });
  }

  nlohmann::json CallDemandJson(int64_t call) {
    return db_->database().Read([&](Connection& c) { return ToJson(LoadCallDemand(c, call)); });
  }
  nlohmann::json YearsJson() {
    return db_->database().Read(
        [&](Connection& c) { return ToJson(LoadDemandOverYears(c, unit_, 2026, 2027)); });
  }

  ApplicationRetentionReport Run(Date today) {
    return RunApplicationRetention(db_->database(), audit::Actor::System(), today);
  }

  std::string old_accept_by_ = "2026-03-31";
};

TEST_P(ApplicationRetentionTest, DeletesTheApplicationsWithoutAnAcceptedPlaceAndKeepsTheCounts) {
  const auto old_demand = CallDemandJson(old_call_);
  const auto years = YearsJson();
  ASSERT_EQ(old_demand["offers"][0]["first_preference"], 2);  // 6 and 7 (8 is incomplete)
  ASSERT_EQ(old_demand["offers"][0]["placed"], 1);

  const auto report = Run(Date{2027, 3, 21});
  ASSERT_EQ(report.calls.size(), 1u);  // 2027 has no later call; the law school's neither
  EXPECT_EQ(report.calls[0].call_id, old_call_);
  EXPECT_EQ(report.calls[0].applications, 3);
  EXPECT_EQ(report.calls[0].deleted, 2);
  EXPECT_EQ(report.calls[0].kept, 1);
  EXPECT_EQ(report.deleted, 2);

  // The accepted one stays whole; the others go with their preferences, documents and results.
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE id = :id", applications_[6]), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM application_preferences WHERE application_id = :id",
                  applications_[6]),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM allocation_results WHERE application_id = :id",
                  applications_[6]),
            1);
  for (const int64_t gone : {applications_[7], applications_[8]}) {
    EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE id = :id", gone), 0);
    EXPECT_EQ(
        Count("SELECT COUNT(*) AS n FROM application_preferences WHERE application_id = :id", gone),
        0);
    EXPECT_EQ(
        Count("SELECT COUNT(*) AS n FROM allocation_results WHERE application_id = :id", gone), 0);
    EXPECT_EQ(
        Count("SELECT COUNT(*) AS n FROM application_documents WHERE application_id = :id", gone),
        0);
  }
  // The 2027 call and the law school's are untouched.
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", call_), 6);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", other_call_), 1);

  // The demand reads the kept counts: the call's and the years' figures are as before.
  EXPECT_EQ(CallDemandJson(old_call_), old_demand);
  EXPECT_EQ(YearsJson(), years);

  // One audit entry with the counts, nobody named; a second run purges nothing more.
  const auto audit = db_->database().Read([](Connection& c) {
    return c.Query(
        "SELECT after_json FROM audit_log WHERE action = 'retention' AND entity_type = "
        "'applications' "
        "ORDER BY id");
  });
  ASSERT_EQ(audit.size(), 1u);
  const auto after = nlohmann::json::parse(audit[0].Text("after_json"));
  EXPECT_EQ(after["deleted"], 2);
  EXPECT_EQ(after["calls"][0]["call_id"], old_call_);
  EXPECT_EQ(audit[0].Text("after_json").find("Student"), std::string::npos);
  EXPECT_TRUE(Run(Date{2027, 3, 22}).calls.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 1);
  EXPECT_EQ(CallDemandJson(old_call_), old_demand);
}

TEST_P(ApplicationRetentionTest, WaitsForTheOfficesDelayAfterTheLaterCallsResults) {
  db_->database().Write([](Connection& c) { SaveRetentionSchedule(c, {2, 2}); });
  EXPECT_EQ(db_->database()
                .Read([](Connection& c) { return LoadRetentionSchedule(c); })
                .months_after_later_results,
            2);
  EXPECT_TRUE(Run(Date{2027, 5, 19}).calls.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 3);
  EXPECT_EQ(Run(Date{2027, 5, 20}).calls.size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 1);
}

TEST_P(ApplicationRetentionTest, WaitsWhileAPublishedPlaceCanStillBeAnswered) {
  db_->database().Write([&](Connection& c) {
    c.Exec("UPDATE allocation_runs SET accept_by = '2027-06-30' WHERE call_id = :call",
           store::Params().Set("call", old_call_));
  });
  EXPECT_TRUE(Run(Date{2027, 6, 30}).calls.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 3);
  EXPECT_EQ(Run(Date{2027, 7, 1}).calls.size(), 1u);
}

TEST_P(ApplicationRetentionTest, NothingIsDueWithoutALaterCallsPublishedResults) {
  db_->database().Write([&](Connection& c) {
    c.Exec("UPDATE allocation_runs SET status = 'signed_off' WHERE call_id = :call",
           store::Params().Set("call", call_));
  });
  EXPECT_TRUE(Run(Date{2030, 1, 1}).calls.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :id", old_call_), 3);
  EXPECT_EQ(RetentionSchedule{}.months_after_later_results, 0);  // the default: at once
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationRetentionTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
