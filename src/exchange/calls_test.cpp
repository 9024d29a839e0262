#include "exchange/calls.h"

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "organisation/model.h"
#include "organisation/org_units.h"
#include "partners/repository.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;
namespace testing = store::testing;

// The field a rule refuses for; empty when it passes.
std::string Refused(const std::function<void()>& rule) {
  try {
    rule();
    return "";
  } catch (const ApiError& error) {
    return error.field();
  }
}

TEST(StayPeriod, TheHomeUniversitysSemesters) {
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kWinter).starts_on, "2027-10-01");
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kWinter).ends_on, "2028-03-31");
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kSummer).starts_on, "2028-04-01");
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kSummer).ends_on, "2028-09-30");
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kFullYear).starts_on, "2027-10-01");
  EXPECT_EQ(StayPeriodOf(2027, OfferTerm::kFullYear).ends_on, "2028-09-30");
}

TEST(NominationDeadline, TheLastSuchDayBeforeTheTermBegins) {
  const std::optional<std::string> none;
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kWinter, "04-30", none), "2027-04-30");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kFullYear, "04-30", none), "2027-04-30");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kWinter, "11-15", none), "2026-11-15");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kWinter, "09-30", none), "2027-09-30");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kWinter, "10-01", none), "2026-10-01");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kSummer, "04-30", "10-15"), "2027-10-15");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kSummer, none, "01-15"), "2028-01-15");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kSummer, none, "03-31"), "2028-03-31");
  EXPECT_EQ(NominationDeadlineOn(2026, OfferTerm::kSummer, none, "02-29"), "2027-02-28");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kSummer, none, "02-29"), "2028-02-29");
  EXPECT_EQ(NominationDeadlineOn(2027, OfferTerm::kSummer, "04-30", none), std::nullopt);
}

// A call as a client sends it, with these weights of grade, language and committee points.
nlohmann::json CallJson(int grade, int language, int committee) {
  return {{"academic_year", "2027/2028"},       {"org_unit_id", 1},
          {"title", "Erasmus+ 2027/2028"},      {"applications_open", "2027-01-04"},
          {"applications_close", "2027-02-28"}, {"selection_by", "2027-03-15"},
          {"publication_on", "2027-03-20"},     {"accept_by", "2027-03-31"},
          {"nomination_by", "2027-04-05"},      {"weight_grade", grade},
          {"weight_language", language},        {"weight_committee", committee}};
}

TEST(CallSchema, TieRulesAndDefaults) {
  nlohmann::json body = CallJson(60, 20, 20);
  body["tie_rules"] = {"first_stay_first", "first_stay_first"};
  const auto call = CallSchema().Read(body);
  EXPECT_EQ(call.academic_year, 2027);
  EXPECT_EQ(call.kind, CallKind::kPlaces);
  EXPECT_EQ(call.max_preferences, 5);
  EXPECT_EQ(call.objection_days, 7);
  EXPECT_EQ(call.committee_points_max, 10);
  ASSERT_EQ(call.tie_rules.size(), 1u);
  EXPECT_EQ(ToJson(call)["tie_rules"], nlohmann::json({"first_stay_first"}));
  body["tie_rules"] = {"oldest_first"};
  EXPECT_EQ(Refused([&] { CallSchema().Read(body); }), "tie_rules[0]");
}

TEST(CallSchema, OptionalCriteriaWithCodesWeightsAndMaximums) {
  nlohmann::json body = CallJson(50, 20, 20);
  body["criteria"] = {{{"code", "engagement"},
                       {"name", "Social engagement"},
                       {"name_de", "Soziales Engagement"},
                       {"weight", 10}}};
  const auto call = CallSchema().Read(body);
  ASSERT_EQ(call.criteria.size(), 1u);
  EXPECT_EQ(call.criteria[0].code, "engagement");
  EXPECT_EQ(call.criteria[0].weight, 10);
  EXPECT_EQ(call.criteria[0].points_max, 10);  // the default
  EXPECT_EQ(WeightOfMainCriteria(call), 90);
  EXPECT_EQ(ToJson(call)["criteria"][0]["name_de"], "Soziales Engagement");
  body["criteria"][0]["code"] = "Engagement";
  EXPECT_EQ(Refused([&] { CallSchema().Read(body); }), "criteria[0].code");
  body["criteria"][0]["code"] = "engagement";
  body["criteria"][0]["weight"] = 0;
  EXPECT_EQ(Refused([&] { CallSchema().Read(body); }), "criteria[0].weight");
  body["criteria"][0]["weight"] = 10;
  body["criteria"] = nlohmann::json::array();
  for (int i = 0; i <= static_cast<int>(kMaxCallCriteria); ++i) {
    body["criteria"].push_back({{"code", "c" + std::to_string(i)}, {"name", "C"}, {"weight", 1}});
  }
  EXPECT_EQ(Refused([&] { CallSchema().Read(body); }), "criteria");
}

class CallsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TemporaryDatabase>(GetParam(), true);
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit school;
      school.name = "School of Medicine";
      school.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, school);
      school_ = school.id;
      organisation::OrgUnit clinic;
      clinic.name = "Clinic of Surgery";
      clinic.parent_id = school.id;
      clinic.kind = organisation::OrgUnitKind::kClinic;
      organisation::OrgUnitTable().Insert(c, clinic);
      clinic_ = clinic.id;
      organisation::OrgUnit other;
      other.name = "School of Law";
      other.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, other);
      other_unit_ = other.id;

      partners::Institution lyon;
      lyon.name = "Université de Lyon";
      lyon.country = "FR";
      partners::repository::InsertInstitution(c, lyon);
      partners::Partnership partnership;
      partnership.institution_id = lyon.id;
      partnership.nomination_deadline_winter = "04-01";
      partnership.nomination_deadline_summer = "10-15";
      partners::repository::InsertPartnership(c, partnership);
      partnership_ = partnership.id;

      studies_ =
          AddAgreement(c, partners::AgreementStatus::kActive, 2025, 2029, clinic_,
                       partners::Direction::kOutgoing, partners::QuotaCategory::kStudentStudies);
      incoming_ =
          AddAgreement(c, partners::AgreementStatus::kActive, 2025, 2029, std::nullopt,
                       partners::Direction::kIncoming, partners::QuotaCategory::kStudentStudies);
      staff_ =
          AddAgreement(c, partners::AgreementStatus::kActive, 2025, 2029, std::nullopt,
                       partners::Direction::kOutgoing, partners::QuotaCategory::kStaffTeaching);
      expired_ =
          AddAgreement(c, partners::AgreementStatus::kExpired, 2020, 2024, std::nullopt,
                       partners::Direction::kOutgoing, partners::QuotaCategory::kStudentStudies);
      earlier_ =
          AddAgreement(c, partners::AgreementStatus::kActive, 2022, 2026, std::nullopt,
                       partners::Direction::kOutgoing, partners::QuotaCategory::kStudentStudies);
      other_units_ =
          AddAgreement(c, partners::AgreementStatus::kActive, 2025, 2029, other_unit_,
                       partners::Direction::kOutgoing, partners::QuotaCategory::kStudentStudies);

      Call call = NewCall();
      CheckCall(c, call);
      CallTable().Insert(c, call);
      call_ = call.id;
    });
  }

  // An agreement with one quota: 4 places of 5 months, EQF 6 and 7, field 09, English at B2.
  int64_t AddAgreement(Connection& c, partners::AgreementStatus status, int first, int last,
                       std::optional<int64_t> unit, partners::Direction direction,
                       partners::QuotaCategory category) {
    partners::Agreement agreement;
    agreement.partnership_id = partnership_;
    agreement.status = status;
    agreement.first_academic_year = first;
    agreement.last_academic_year = last;
    agreement.ends_on = std::to_string(last + 1) + "-09-30";
    agreement.org_unit_id = unit;
    partners::Quota quota;
    quota.direction = direction;
    quota.category = category;
    quota.isced_code = "09";
    quota.eqf_levels = {6, 7};
    quota.places_per_year = 4;
    quota.months_per_place = 5;
    quota.languages = {{"en", "B2"}};
    agreement.quotas = {quota};
    partners::repository::InsertAgreement(c, agreement);
    return agreement.quotas.front().id;
  }

  Call NewCall() const {
    Call call;
    call.academic_year = 2027;
    call.org_unit_id = school_;
    call.title = "Erasmus+ studies 2027/2028";
    call.applications_open = "2027-01-04";
    call.applications_close = "2027-02-28";
    call.selection_by = "2027-03-12";
    call.publication_on = "2027-03-15";
    call.accept_by = "2027-03-25";
    call.nomination_by = "2027-03-31";
    return call;
  }

  // A winter offer of one place from the studies quota with weights of its own.
  Offer WeighedOffer(int64_t grade, int64_t language, int64_t committee) const {
    Offer offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
    offer.weight_grade = grade;
    offer.weight_language = language;
    offer.weight_committee = committee;
    return offer;
  }

  Offer NewOffer(int64_t quota, OfferTerm term, int64_t places, double months) const {
    Offer offer;
    offer.call_id = call_;
    offer.quota_id = quota;
    offer.term = term;
    offer.places = places;
    offer.months_per_place = months;
    return offer;
  }

  // The field the offer is refused for, or "" once it is stored.
  std::string Carve(Offer offer) {
    return db_->database().Write([&](Connection& c) {
      try {
        DeriveOffer(c, offer);
        CheckOffer(c, offer);
        OfferTable().Insert(c, offer);
        last_ = offer;
        return std::string();
      } catch (const ApiError& error) {
        return error.field() + ": " + error.what();
      }
    });
  }

  std::string FieldOf(const std::string& refusal) { return refusal.substr(0, refusal.find(':')); }

  std::unique_ptr<testing::TemporaryDatabase> db_;
  int64_t school_ = 0, clinic_ = 0, other_unit_ = 0, partnership_ = 0, call_ = 0;
  int64_t studies_ = 0, incoming_ = 0, staff_ = 0, expired_ = 0, earlier_ = 0, other_units_ = 0;
  Offer last_;
};

TEST_P(CallsTest, TheTimelineIsInOrderAndTheWeightsSumTo100) {
  db_->database().Read([&](Connection& c) {
    Call call = NewCall();
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "");
    call.accept_by = "2027-03-14";
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "accept_by");
    call = NewCall();
    call.nomination_by = "2027-03-24";
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "nomination_by");
    call = NewCall();
    call.applications_close = call.applications_open;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "");
    call = NewCall();
    call.weight_grade = 51;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "weight_grade");
    call = NewCall();
    call.org_unit_id = 9999;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "org_unit_id");
    call = NewCall();
    call.kind = CallKind::kFunding;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "funded_months");
    call.funded_months = 40;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "");
  });
}

TEST_P(CallsTest, AnOffersOwnWeightsAreAllThreeSummingTo100OrNone) {
  Offer partial = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  partial.weight_committee = 100;
  EXPECT_EQ(FieldOf(Carve(partial)), "weight_grade");
  const auto refusal = Carve(WeighedOffer(50, 30, 30));
  EXPECT_EQ(FieldOf(refusal), "weight_grade");
  EXPECT_NE(refusal.find("not 110"), std::string::npos) << refusal;
  EXPECT_EQ(Carve(WeighedOffer(0, 0, 100)), "");
  const auto stored =
      db_->database().Read([&](Connection& c) { return OfferTable().Find(c, last_.id); });
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->weight_committee, 100);
  EXPECT_EQ(stored->weight_grade, 0);
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kSummer, 1, 5)), "") << "no weights: the call's";
}

TEST_P(CallsTest, OptionalCriteriaShareTheWeightsAndAreKeptWithTheCall) {
  db_->database().Write([&](Connection& c) {
    Call call = *FindCall(c, call_);
    call.criteria = {{"engagement", "Social engagement", "Soziales Engagement", 10, 5}};
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "weight_grade");  // 50 + 25 + 25 + 10
    call.weight_grade = 40;
    call.criteria.push_back({"engagement", "Interview", std::nullopt, 5, 10});
    call.weight_language = 20;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "criteria[1].code");
    call.criteria[1].code = "interview";
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "");
    CallTable().Update(c, call, call.version);
  });
  const auto stored = db_->database().Read([&](Connection& c) { return *FindCall(c, call_); });
  ASSERT_EQ(stored.criteria.size(), 2u);
  EXPECT_EQ(stored.criteria[0].name_de, "Soziales Engagement");
  EXPECT_EQ(stored.criteria[0].points_max, 5);
  EXPECT_EQ(stored.criteria[1].code, "interview");
  EXPECT_FALSE(stored.criteria[1].name_de);
  EXPECT_EQ(WeightOfMainCriteria(stored), 85);

  // An offer's own weights share the 85 the criteria leave.
  const auto refusal = Carve(WeighedOffer(0, 0, 100));
  EXPECT_EQ(FieldOf(refusal), "weight_grade");
  EXPECT_NE(refusal.find("sum to 85"), std::string::npos) << refusal;
  EXPECT_EQ(Carve(WeighedOffer(0, 0, 85)), "");
  // Then the call cannot change its criteria's weights under that offer.
  db_->database().Write([&](Connection& c) {
    Call call = *FindCall(c, call_);
    call.criteria.pop_back();
    call.weight_grade = 45;
    try {
      CheckCall(c, call);
      ADD_FAILURE() << "the offer's weights no longer sum to what the call leaves";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.field(), "weight_grade");
      EXPECT_NE(std::string(error.what()).find("offer " + std::to_string(last_.id)),
                std::string::npos)
          << error.what();
    }
  });
}

TEST_P(CallsTest, OffersStayWithinTheQuotasPlacesOverTheYear) {
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kWinter, 3, 5)), "");
  EXPECT_EQ(last_.partner_name, "Université de Lyon");
  EXPECT_EQ(last_.partnership_id, partnership_);
  const auto refusal = Carve(NewOffer(studies_, OfferTerm::kSummer, 2, 5));
  EXPECT_EQ(FieldOf(refusal), "places");
  EXPECT_NE(refusal.find("4 places a year"), std::string::npos) << refusal;
  // The partner agreed to one more: 2 places of which 1 beyond the quota.
  Offer with_extra = NewOffer(studies_, OfferTerm::kSummer, 2, 5);
  with_extra.extra_places = 1;
  EXPECT_EQ(Carve(with_extra), "");
  with_extra.extra_places = 3;
  EXPECT_EQ(FieldOf(Carve(with_extra)), "extra_places");
  // A second call of the same year shares the quota.
  db_->database().Write([&](Connection& c) {
    Call second = NewCall();
    second.title = "Remaining places";
    CallTable().Insert(c, second);
    call_ = second.id;
  });
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kSummer, 1, 5))), "places");
  const auto usable =
      db_->database().Read([&](Connection& c) { return UsableQuotas(c, *FindCall(c, call_)); });
  ASSERT_EQ(usable.size(), 1u);
  EXPECT_EQ(usable[0].quota_id, studies_);
  EXPECT_EQ(usable[0].places_per_year, 4);
  EXPECT_EQ(usable[0].carved, 4);
  EXPECT_EQ(usable[0].carved_in_call, 0);
  EXPECT_EQ(usable[0].withheld, 0);
  EXPECT_DOUBLE_EQ(usable[0].months_used, 20);
  EXPECT_EQ(usable[0].months_available, 20);
}

TEST_P(CallsTest, OffersStayWithinTheQuotasMonthsAndTheTerm) {
  // 4 places of 5 months: 20 months a year.
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kWinter, 2, 5)), "");
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kFullYear, 2, 6))), "months_per_place");
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 7))), "months_per_place");
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 1.5))), "months_per_place");
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kFullYear, 1, 10)), "");
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 0.5))), "months_per_place");
}

TEST_P(CallsTest, EligibilityDefaultsFromTheQuotaAndOnlyNarrowsIt) {
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 5)), "");
  EXPECT_EQ(last_.eqf_levels, (std::vector<int>{6, 7}));
  EXPECT_EQ(last_.isced_code, "09");
  EXPECT_EQ(last_.language, "en");
  EXPECT_EQ(last_.cefr_level, CefrLevel::kB2);

  Offer offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  offer.eqf_levels = {7};
  offer.isced_code = "0912";
  offer.cefr_level = CefrLevel::kC1;
  offer.requires_first_state_exam = true;
  EXPECT_EQ(Carve(offer), "");
  EXPECT_EQ(last_.eqf_levels, (std::vector<int>{7}));
  EXPECT_EQ(last_.isced_code, "0912");
  EXPECT_EQ(last_.cefr_level, CefrLevel::kC1);

  offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  offer.eqf_levels = {6, 8};
  EXPECT_EQ(FieldOf(Carve(offer)), "eqf_levels");
  offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  offer.isced_code = "0312";
  EXPECT_EQ(FieldOf(Carve(offer)), "isced_code");
  offer.isced_code = "0";
  EXPECT_EQ(FieldOf(Carve(offer)), "isced_code");
  offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  offer.language = "fr";
  EXPECT_EQ(FieldOf(Carve(offer)), "language");
  offer = NewOffer(studies_, OfferTerm::kWinter, 1, 5);
  offer.cefr_level = CefrLevel::kB1;
  EXPECT_EQ(FieldOf(Carve(offer)), "cefr_level");
}

TEST_P(CallsTest, OnlyOutgoingStudentQuotasOfActiveAgreementsOfTheYearAndUnit) {
  for (const int64_t quota :
       {incoming_, staff_, expired_, earlier_, other_units_, static_cast<int64_t>(99999)}) {
    const auto refusal = Carve(NewOffer(quota, OfferTerm::kWinter, 1, 5));
    EXPECT_EQ(FieldOf(refusal), "quota_id") << quota << " " << refusal;
  }
  EXPECT_NE(Carve(NewOffer(earlier_, OfferTerm::kWinter, 1, 5)).find("2027/2028"),
            std::string::npos);
  EXPECT_EQ(db_->database().Read(
                [](Connection& c) { return c.Count("SELECT COUNT(*) AS n FROM call_offers"); }),
            0);
}

TEST_P(CallsTest, AFundingCallHasNoOffers) {
  db_->database().Write([&](Connection& c) {
    Call funding = NewCall();
    funding.kind = CallKind::kFunding;
    funding.funded_months = 30;
    CallTable().Insert(c, funding);
    call_ = funding.id;
  });
  EXPECT_EQ(FieldOf(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 5))), "call_id");
  const auto usable =
      db_->database().Read([&](Connection& c) { return UsableQuotas(c, *FindCall(c, call_)); });
  EXPECT_TRUE(usable.empty());
}

TEST_P(CallsTest, ThePartnersNominationDeadlineBoundsTheCallsNominationDate) {
  // Lyon wants nominations for the winter by 1 April, for the summer by 15 October.
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 5)), "");
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kSummer, 1, 5)), "");
  db_->database().Write([&](Connection& c) {
    Call call = *FindCall(c, call_);
    call.nomination_by = "2027-04-01";
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "");
    call.nomination_by = "2027-04-02";
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "nomination_by");
    call = *FindCall(c, call_);
    call.kind = CallKind::kFunding;
    call.funded_months = 10;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "kind");
    call = *FindCall(c, call_);
    call.academic_year = 2028;
    EXPECT_EQ(Refused([&] { CheckCall(c, call); }), "academic_year");
    Call late = NewCall();
    late.nomination_by = "2027-04-10";
    late.title = "Late";
    CallTable().Insert(c, late);
    call_ = late.id;
  });
  const auto refusal = Carve(NewOffer(studies_, OfferTerm::kWinter, 1, 5));
  EXPECT_EQ(FieldOf(refusal), "term");
  EXPECT_NE(refusal.find("Université de Lyon"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("winter semester"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("2027-04-01"), std::string::npos) << refusal;
  EXPECT_EQ(Carve(NewOffer(studies_, OfferTerm::kSummer, 1, 5)), "");
}

INSTANTIATE_TEST_SUITE_P(Backends, CallsTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
