#include "partners/input.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace weltcampus::partners {
namespace {

nlohmann::json ValidAgreement() {
  return {{"partnership_id", 1},
          {"type", "erasmus_iia"},
          {"first_academic_year", "2026/2027"},
          {"last_academic_year", "2028/2029"},
          {"quotas",
           {{{"direction", "outgoing"},
             {"category", "student_studies"},
             {"isced_code", "0912"},
             {"eqf_levels", {7, 7}},
             {"places_per_year", 2},
             {"months_per_place", 10},
             {"languages", {{{"language", "pl"}, {"cefr", "B1"}}}}}}}};
}

std::string FieldOf(const nlohmann::json& body) {
  try {
    AgreementFromJson(body);
  } catch (const ApiError& error) {
    return error.field();
  }
  return "(accepted)";
}

TEST(AgreementInputTest, ReadsAValidAgreement) {
  const Agreement agreement = AgreementFromJson(ValidAgreement());
  EXPECT_EQ(agreement.first_academic_year, 2026);
  EXPECT_EQ(agreement.last_academic_year, 2028);
  EXPECT_EQ(agreement.ends_on, "2029-09-30");
  EXPECT_EQ(agreement.type, AgreementType::kErasmusIia);
  EXPECT_EQ(agreement.status, AgreementStatus::kDraft);
  ASSERT_EQ(agreement.quotas.size(), 1u);
  EXPECT_EQ(agreement.quotas[0].direction, Direction::kOutgoing);
  EXPECT_EQ(agreement.quotas[0].category, QuotaCategory::kStudentStudies);
  EXPECT_EQ(agreement.quotas[0].eqf_levels, std::vector<int>{7});
  EXPECT_EQ(agreement.quotas[0].languages[0].cefr, "B1");
}

TEST(AgreementInputTest, NamesTheFieldAtFault) {
  auto body = ValidAgreement();
  body["last_academic_year"] = "2025/2026";
  EXPECT_EQ(FieldOf(body), "last_academic_year");
  body = ValidAgreement();
  body["first_academic_year"] = "2027/2029";
  EXPECT_EQ(FieldOf(body), "first_academic_year");
  body = ValidAgreement();
  body["quotas"][0]["places_per_year"] = -1;
  EXPECT_EQ(FieldOf(body), "quotas[0].places_per_year");
  body = ValidAgreement();
  body["quotas"][0]["languages"][0]["cefr"] = "D1";
  EXPECT_EQ(FieldOf(body), "quotas[0].languages[0].cefr");
  body = ValidAgreement();
  body["type"] = "friendship";
  EXPECT_EQ(FieldOf(body), "type");
  body = ValidAgreement();
  body["partnership_id"] = "one";
  EXPECT_EQ(FieldOf(body), "partnership_id");
  body = ValidAgreement();
  body["quotas"][0]["days_per_place"] = 5;
  EXPECT_EQ(FieldOf(body), "quotas[0].days_per_place");
}

TEST(AgreementStatusTest, FollowsTheLifeCycle) {
  using enum AgreementStatus;
  EXPECT_TRUE(IsAllowedTransition(kDraft, kInNegotiation));
  EXPECT_TRUE(IsAllowedTransition(kInNegotiation, kSigned));
  EXPECT_TRUE(IsAllowedTransition(kSigned, kActive));
  EXPECT_TRUE(IsAllowedTransition(kActive, kExpired));
  EXPECT_TRUE(IsAllowedTransition(kActive, kTerminated));
  EXPECT_TRUE(IsAllowedTransition(kActive, kActive));
  EXPECT_FALSE(IsAllowedTransition(kDraft, kActive));
  EXPECT_FALSE(IsAllowedTransition(kExpired, kActive));
  EXPECT_FALSE(IsAllowedTransition(kTerminated, kDraft));
  EXPECT_FALSE(IsAllowedTransition(kSigned, kDraft));
}

// The web application's editor reads the life cycle from /api/v1/enumerations by name.
TEST(AgreementStatusTest, IsPublishedByName) {
  const auto published = Enumerations();
  EXPECT_EQ(published["agreement_status_transitions"],
            nlohmann::json({{"draft", {"in_negotiation", "terminated"}},
                            {"in_negotiation", {"draft", "signed", "terminated"}},
                            {"signed", {"active", "terminated"}},
                            {"active", {"expired", "terminated"}},
                            {"expired", nlohmann::json::array()},
                            {"terminated", nlohmann::json::array()}}));
  EXPECT_EQ(published["initial_agreement_statuses"],
            nlohmann::json({"draft", "in_negotiation", "signed"}));
  EXPECT_EQ(published["staff_quota_categories"],
            nlohmann::json({"staff_teaching", "staff_training"}));
  EXPECT_EQ(
      published["enumerations"]["agreement_status"],
      nlohmann::json({"draft", "in_negotiation", "signed", "active", "expired", "terminated"}));
}

TEST(InstitutionInputTest, ErasmusCodeIsOptionalButValidated) {
  nlohmann::json body = {{"name", "Flinders University"}, {"country", "AU"}};
  EXPECT_FALSE(InstitutionFromJson(body).erasmus_code);
  body["erasmus_code"] = "PL WROCLAW05";
  EXPECT_EQ(*InstitutionFromJson(body).erasmus_code, "PL WROCLAW05");
  body["erasmus_code"] = "PL  WROCLAW05";
  EXPECT_THROW(InstitutionFromJson(body), ApiError);
  body.erase("erasmus_code");
  body["country"] = "UK";
  EXPECT_THROW(InstitutionFromJson(body), ApiError);
}

}  // namespace
}  // namespace weltcampus::partners
