#include "exchange/demand.h"

#include <gtest/gtest.h>

#include <memory>

#include "organisation/model.h"
#include "organisation/org_units.h"
#include "partners/service.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;

// A small unit with two places calls (2026, 2027) at one partner (and a second partnership), and
// applications whose preferences give known counts.
class DemandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), true);
    const int64_t quota = Quota();
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit school;
      school.name = "School of Medicine";
      school.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, school);
      unit_ = school.id;
      organisation::OrgUnit other;
      other.name = "Law School";
      other.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, other);
      other_unit_ = other.id;
      Programme medicine;
      medicine.code = "MED";
      medicine.name = "Medicine";
      medicine.name_de = "Humanmedizin";
      medicine.org_unit_id = school.id;
      medicine.isced_code = "0912";
      medicine.eqf_level = 7;
      ProgrammeTable().Insert(c, medicine);
      for (int i = 0; i < 6; ++i) {
        Student student;
        student.matriculation_number = "47110" + std::to_string(i);
        student.family_name = "Student";
        student.given_name = std::to_string(i);
        student.email = "s" + std::to_string(i) + "@example.org";
        student.programme_id = medicine.id;
        student.study_semester = 4;
        StudentTable().Insert(c, student);
        students_.push_back(student.id);
      }
      call_ = AddCall(c, 2027, unit_);
      old_call_ = AddCall(c, 2026, unit_);
      other_call_ = AddCall(c, 2027, other_unit_);
      lyon_ = AddOffer(c, call_, quota, partnership_, "Lyon", 2, 1);  // 3 places
      lyon_summer_ = AddOffer(c, call_, quota, partnership_, "Lyon", 1, 0, OfferTerm::kSummer);
      oslo_ = AddOffer(c, call_, quota, partnership_ + 1000, "Oslo", 0, 0);
      old_lyon_ = AddOffer(c, old_call_, quota, partnership_, "Lyon", 1, 0);
      other_lyon_ = AddOffer(c, other_call_, quota, partnership_, "Lyon", 1, 0);
      // Counted: submitted and checked; not: draft, incomplete, withdrawn.
      Apply(c, call_, 0, "submitted", {lyon_, oslo_});
      Apply(c, call_, 1, "checked", {lyon_, lyon_summer_});
      Apply(c, call_, 2, "checked", {oslo_, lyon_});
      Apply(c, call_, 3, "checked", {lyon_summer_});
      Apply(c, call_, 4, "draft", {lyon_, oslo_});
      Apply(c, call_, 5, "withdrawn", {lyon_});
      Apply(c, old_call_, 0, "checked", {old_lyon_});
      Apply(c, old_call_, 1, "checked", {old_lyon_});
      Apply(c, old_call_, 2, "incomplete", {old_lyon_});
      Apply(c, other_call_, 0, "checked", {other_lyon_});
    });
  }

  int64_t Quota() {
    partners::PartnersService partners(db_->database());
    const auto actor = audit::Actor::System();
    partners::Institution institution;
    institution.name = "Université de Lyon";
    institution.country = "FR";
    institution = partners.CreateInstitution(actor, institution);
    partners::Partnership partnership;
    partnership.institution_id = institution.id;
    partnership = partners.CreatePartnership(actor, Date{2026, 12, 3}, partnership);
    partners::Agreement agreement;
    agreement.partnership_id = partnership.id;
    agreement.title = "Medicine";
    agreement.type = partners::AgreementType::kErasmusIia;
    agreement.status = partners::AgreementStatus::kSigned;
    agreement.first_academic_year = 2025;
    agreement.last_academic_year = 2028;
    agreement.ends_on = "2029-09-30";
    agreement.partner_institution_ids = {institution.id};
    partners::Quota quota;
    quota.direction = partners::Direction::kOutgoing;
    quota.category = partners::QuotaCategory::kStudentStudies;
    quota.places_per_year = 10;
    quota.months_per_place = 5;
    agreement.quotas.push_back(quota);
    agreement = partners.CreateAgreement(actor, agreement);
    partnership_ = partnership.id;
    return agreement.quotas.at(0).id;
  }

  static int64_t AddCall(Connection& c, int year, int64_t unit) {
    Call call;
    call.academic_year = year;
    call.org_unit_id = unit;
    call.title = "Erasmus " + std::to_string(year);
    const std::string y = std::to_string(year);
    call.applications_open = y + "-01-15";
    call.applications_close = y + "-02-28";
    call.selection_by = y + "-03-15";
    call.publication_on = y + "-03-20";
    call.accept_by = y + "-03-31";
    call.nomination_by = y + "-04-10";
    CallTable().Insert(c, call);
    return call.id;
  }

  static int64_t AddOffer(Connection& c, int64_t call, int64_t quota, int64_t partnership,
                          const std::string& name, int64_t places, int64_t extra,
                          OfferTerm term = OfferTerm::kWinter) {
    Offer offer;
    offer.call_id = call;
    offer.quota_id = quota;
    offer.agreement_id = 1;
    offer.partnership_id = partnership;
    offer.partner_name = name;
    offer.term = term;
    offer.places = places;
    offer.extra_places = extra;
    offer.months_per_place = 5;
    OfferTable().Insert(c, offer);
    return offer.id;
  }

  void Apply(Connection& c, int64_t call, int student, const std::string& status,
             const std::vector<int64_t>& offers) {
    const int64_t id = c.Insert(
        "INSERT INTO applications (call_id, student_id, status, created_at, updated_at) VALUES "
        "(:call, :student, :status, '2027-01-20T10:00:00Z', '2027-01-20T10:00:00Z')",
        store::Params()
            .Set("call", call)
            .Set("student", students_.at(static_cast<size_t>(student)))
            .Set("status", status));
    applications_.push_back(id);
    for (size_t i = 0; i < offers.size(); ++i) {
      c.Exec(
          "INSERT INTO application_preferences (application_id, position, offer_id) VALUES "
          "(:application, :position, :offer)",
          store::Params()
              .Set("application", id)
              .Set("position", static_cast<int64_t>(i + 1))
              .Set("offer", offers[i]));
    }
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  int64_t unit_ = 0, other_unit_ = 0, partnership_ = 0;
  int64_t call_ = 0, old_call_ = 0, other_call_ = 0;
  int64_t lyon_ = 0, lyon_summer_ = 0, oslo_ = 0, old_lyon_ = 0, other_lyon_ = 0;
  std::vector<int64_t> students_;
  std::vector<int64_t> applications_;  // in the order applied
};

TEST_P(DemandTest, ACallsOffersCountSubmittedAndCheckedApplicationsOnly) {
  const auto demand = db_->database().Read([&](Connection& c) { return LoadCallDemand(c, call_); });
  EXPECT_FALSE(demand.run_id);
  ASSERT_EQ(demand.offers.size(), 3u);
  // By partner name, then id.
  const auto& lyon = demand.offers[0];
  const auto& summer = demand.offers[1];
  const auto& oslo = demand.offers[2];
  EXPECT_EQ(lyon.offer_id, lyon_);
  EXPECT_EQ(lyon.places, 3);
  EXPECT_EQ(lyon.first_preference, 2);  // students 0 and 1; not the draft nor the withdrawn
  EXPECT_EQ(lyon.any_preference, 3);    // and student 2's second choice
  EXPECT_EQ(summer.offer_id, lyon_summer_);
  EXPECT_EQ(summer.term, OfferTerm::kSummer);
  EXPECT_EQ(summer.first_preference, 1);
  EXPECT_EQ(summer.any_preference, 2);
  EXPECT_EQ(oslo.offer_id, oslo_);
  EXPECT_EQ(oslo.partnership_id, partnership_ + 1000);
  EXPECT_EQ(oslo.places, 0);
  EXPECT_EQ(oslo.first_preference, 1);
  EXPECT_EQ(oslo.any_preference, 2);
  EXPECT_FALSE(lyon.placed);
  EXPECT_FALSE(lyon.left_empty);

  const auto json = ToJson(demand);
  EXPECT_EQ(json["offers"][0]["oversubscription"], 0.67);
  EXPECT_TRUE(json["offers"][2]["oversubscription"].is_null());  // no places
  EXPECT_EQ(json["totals"]["places"], 4);
  EXPECT_EQ(json["totals"]["first_preference"], 4);
  EXPECT_EQ(json["totals"]["any_preference"], 7);
  EXPECT_EQ(json["totals"]["oversubscription"], 1.0);
  EXPECT_TRUE(json["totals"]["placed"].is_null());
}

TEST_P(DemandTest, AMissingCallIsNotFound) {
  EXPECT_THROW(db_->database().Read([&](Connection& c) { return LoadCallDemand(c, 999999); }),
               ApiError);
}

TEST_P(DemandTest, OverTheYearsPerPartnerOfTheUnitsOwnCalls) {
  const auto demand = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2025, 2028); });
  EXPECT_EQ(demand.from, 2025);
  ASSERT_EQ(demand.partners.size(), 2u);
  // Lyon: two years, the older over-subscribed (2 first preferences, 1 place); Oslo: one year,
  // over-subscribed too, and first preferences without any places rank it above Lyon.
  const auto& oslo = demand.partners[0];
  EXPECT_EQ(oslo.partner_name, "Oslo");
  EXPECT_EQ(oslo.oversubscribed_years, 1);
  ASSERT_EQ(oslo.years.size(), 1u);
  const auto& lyon = demand.partners[1];
  EXPECT_EQ(lyon.partnership_id, partnership_);
  EXPECT_EQ(lyon.oversubscribed_years, 1);
  ASSERT_EQ(lyon.years.size(), 2u);
  EXPECT_EQ(lyon.years[0].academic_year, 2026);
  EXPECT_EQ(lyon.years[0].places, 1);
  EXPECT_EQ(lyon.years[0].first_preference, 2);  // not the incomplete one
  EXPECT_EQ(lyon.years[0].any_preference, 2);
  EXPECT_EQ(lyon.years[1].academic_year, 2027);  // both offers of the call, not the law school's
  EXPECT_EQ(lyon.years[1].places, 4);
  EXPECT_EQ(lyon.years[1].first_preference, 3);
  EXPECT_EQ(lyon.years[1].any_preference, 5);
  EXPECT_FALSE(lyon.years[1].placed);

  const auto only_2027 = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2027, 2027); });
  ASSERT_EQ(only_2027.partners.size(), 2u);
  // Oslo over-subscribed, Lyon (3 first preferences for 4 places) not.
  EXPECT_EQ(only_2027.partners[0].partner_name, "Oslo");
  EXPECT_EQ(only_2027.partners[1].oversubscribed_years, 0);
  EXPECT_EQ(ToJson(only_2027)["partners"][1]["years"][0]["academic_year"], "2027/2028");
}

TEST_P(DemandTest, ARangeTooLongOrReversedOrAnUnknownUnitIsRefusedNamingTheField) {
  const auto field = [&](int64_t unit, int from, int to) {
    try {
      db_->database().Read([&](Connection& c) { return LoadDemandOverYears(c, unit, from, to); });
    } catch (const ApiError& error) {
      return error.field();
    }
    return std::string();
  };
  EXPECT_EQ(field(unit_, 2027, 2026), "from_year");
  EXPECT_EQ(field(unit_, 2015, 2026), "to_year");
  EXPECT_EQ(field(unit_, 2016, 2026), "");  // 10 apart
  EXPECT_EQ(field(999999, 2026, 2027), "org_unit_id");
}

TEST_P(DemandTest, TheLatestRunThatIsNotSupersededGivesPlacedAndLeftEmpty) {
  int64_t run = 0;
  db_->database().Write([&](Connection& c) {
    const auto add_run = [&](const char* status) {
      return c.Insert(
          "INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, placed, "
          "offers, places, created_at) VALUES (:call, 1, :status, '7', '{}', 3, 3, 3, 4, "
          "'2027-03-01T10:00:00Z')",
          store::Params().Set("call", call_).Set("status", std::string(status)));
    };
    const auto place = [&](int64_t in, int64_t application, std::optional<int64_t> offer) {
      c.Exec(
          "INSERT INTO allocation_results (run_id, application_id, offer_id, score, explanation) "
          "VALUES (:run, :application, :offer, 50, '[]')",
          store::Params().Set("run", in).Set("application", application).Set("offer", offer));
    };
    run = add_run("computed");
    place(run, applications_[0], lyon_);
    place(run, applications_[1], lyon_);
    place(run, applications_[2], std::nullopt);
    place(run, applications_[3], lyon_summer_);
    const int64_t later = add_run("superseded");  // newer, but superseded: not counted
    place(later, applications_[0], oslo_);
  });
  const auto demand = db_->database().Read([&](Connection& c) { return LoadCallDemand(c, call_); });
  EXPECT_EQ(demand.run_id, run);
  ASSERT_EQ(demand.offers.size(), 3u);
  EXPECT_EQ(demand.offers[0].placed, 2);
  EXPECT_EQ(demand.offers[0].left_empty, 1);
  EXPECT_EQ(demand.offers[1].placed, 1);
  EXPECT_EQ(demand.offers[1].left_empty, 0);
  EXPECT_EQ(demand.offers[2].placed, 0);
  EXPECT_EQ(demand.offers[2].left_empty, 0);
  EXPECT_EQ(ToJson(demand)["totals"]["placed"], 3);
  EXPECT_EQ(ToJson(demand)["totals"]["left_empty"], 1);

  const auto years = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2026, 2027); });
  ASSERT_EQ(years.partners.size(), 2u);
  const auto& lyon = years.partners[1];
  ASSERT_EQ(lyon.years.size(), 2u);
  EXPECT_FALSE(lyon.years[0].placed);  // 2026: no run
  EXPECT_FALSE(lyon.years[0].left_empty);
  EXPECT_EQ(lyon.years[1].placed, 3);
  EXPECT_EQ(lyon.years[1].left_empty, 1);
  EXPECT_EQ(years.partners[0].years[0].placed, 0);  // Oslo: no places, none placed
}

TEST(Oversubscription, IsFirstPreferencesPerPlaceToTwoDecimals) {
  EXPECT_EQ(Oversubscription(2, 3), 0.67);
  EXPECT_EQ(Oversubscription(5, 2), 2.5);
  EXPECT_EQ(Oversubscription(0, 4), 0.0);
  EXPECT_FALSE(Oversubscription(3, 0));
}

INSTANTIATE_TEST_SUITE_P(Backends, DemandTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
