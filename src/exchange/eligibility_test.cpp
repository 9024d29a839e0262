#include "exchange/eligibility.h"

#include <gtest/gtest.h>

namespace weltcampus::exchange {
namespace {

StudentFacts Medic() {
  StudentFacts student;
  student.eqf_level = 7;
  student.isced_code = "0912";
  student.single_cycle = true;
  student.study_semester = 6;
  student.first_state_exam_passed = true;
  student.certificates = {{"en", CefrLevel::kB2}, {"fr", CefrLevel::kB1}};
  return student;
}

OfferRequirements Offer() {
  OfferRequirements offer;
  offer.eqf_levels = {7};
  offer.isced_code = "09";
  offer.language = "en";
  offer.cefr_level = CefrLevel::kB2;
  offer.months = 5;
  offer.starts_on = "2027-10-01";
  offer.ends_on = "2028-03-31";
  return offer;
}

std::vector<std::string> Codes(const std::vector<IneligibilityReason>& reasons) {
  std::vector<std::string> codes;
  for (const auto& reason : reasons) {
    codes.emplace_back(kReasonCodeTable.Name(reason.code));
  }
  return codes;
}

using Strings = std::vector<std::string>;

TEST(Eligibility, AStudentWhoMeetsEveryRequirementIsEligible) {
  EXPECT_TRUE(IneligibilityReasons(Medic(), Offer()).empty());
}

TEST(Eligibility, EveryReasonIsNamedInOrder) {
  StudentFacts student;
  student.eqf_level = 6;
  student.isced_code = "0411";
  student.stays = {{12, StudyCycle::kFirst, true}};
  student.enrolled_until = "2028-02-28";
  auto offer = Offer();
  offer.requires_first_state_exam = true;
  EXPECT_EQ(Codes(IneligibilityReasons(student, offer)),
            (Strings{"level", "field", "language", "state_exam", "erasmus_months", "enrolment"}));
}

TEST(Eligibility, LevelAtItsEdges) {
  auto offer = Offer();
  offer.eqf_levels = {6, 7};
  EXPECT_TRUE(IneligibilityReasons(Medic(), offer).empty());
  offer.eqf_levels = {6};
  const auto reasons = IneligibilityReasons(Medic(), offer);
  ASSERT_EQ(Codes(reasons), Strings{"level"});
  EXPECT_EQ(reasons[0].details["held"], 7);
  EXPECT_EQ(reasons[0].details["required"], nlohmann::json::array({6}));
  offer.eqf_levels = {8};
  EXPECT_EQ(Codes(IneligibilityReasons(Medic(), offer)), Strings{"level"});
  offer.eqf_levels = {};  // any level
  EXPECT_TRUE(IneligibilityReasons(Medic(), offer).empty());
}

TEST(Eligibility, FieldMustBeginWithTheOffersCode) {
  auto offer = Offer();
  for (const char* code : {"0", "09", "091", "0912", ""}) {
    offer.isced_code = code;
    EXPECT_TRUE(IneligibilityReasons(Medic(), offer).empty()) << code;
  }
  for (const char* code : {"0913", "092", "1", "09121"}) {
    offer.isced_code = code;
    EXPECT_EQ(Codes(IneligibilityReasons(Medic(), offer)), Strings{"field"}) << code;
  }
  auto student = Medic();
  student.isced_code.reset();
  offer.isced_code = "09";
  const auto reasons = IneligibilityReasons(student, offer);
  ASSERT_EQ(Codes(reasons), Strings{"field"});
  EXPECT_TRUE(reasons[0].details["held"].is_null());
  offer.isced_code.reset();
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
}

TEST(Eligibility, ACertificateOneLevelShortIsNotEnough) {
  auto offer = Offer();
  offer.language = "fr";
  offer.cefr_level = CefrLevel::kB2;
  const auto reasons = IneligibilityReasons(Medic(), offer);
  ASSERT_EQ(Codes(reasons), Strings{"language"});
  EXPECT_EQ(reasons[0].details["held"], "B1");
  EXPECT_EQ(reasons[0].details["required"], "B2");
  EXPECT_EQ(reasons[0].details["language"], "fr");
  EXPECT_NE(reasons[0].message_en.find("B2"), std::string::npos);
  EXPECT_NE(reasons[0].message_de.find("Niveau B2"), std::string::npos);
  offer.cefr_level = CefrLevel::kB1;  // exactly the level held
  EXPECT_TRUE(IneligibilityReasons(Medic(), offer).empty());
  offer.cefr_level = CefrLevel::kA2;
  EXPECT_TRUE(IneligibilityReasons(Medic(), offer).empty());
}

TEST(Eligibility, TheBestCertificateOfTheLanguageCounts) {
  auto student = Medic();
  student.certificates.push_back({"fr", CefrLevel::kC1});
  auto offer = Offer();
  offer.language = "fr";
  offer.cefr_level = CefrLevel::kC1;
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
}

TEST(Eligibility, NoCertificateOfTheLanguage) {
  auto offer = Offer();
  offer.language = "es";
  offer.cefr_level.reset();  // any level, but a certificate
  const auto reasons = IneligibilityReasons(Medic(), offer);
  ASSERT_EQ(Codes(reasons), Strings{"language"});
  EXPECT_TRUE(reasons[0].details["held"].is_null());
  EXPECT_EQ(reasons[0].details["required"], "A1");
}

TEST(Eligibility, StateExamOnlyWhereRequired) {
  auto student = Medic();
  student.first_state_exam_passed = false;
  auto offer = Offer();
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
  offer.requires_first_state_exam = true;
  EXPECT_EQ(Codes(IneligibilityReasons(student, offer)), Strings{"state_exam"});
  student.first_state_exam_passed = true;
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
}

TEST(Eligibility, ErasmusMonthsLeftExactlyZeroAndOne) {
  StudentFacts student;  // first cycle: 12 months
  student.eqf_level = 6;
  student.stays = {{11, StudyCycle::kFirst, true}};
  OfferRequirements offer;
  offer.months = 1;
  EXPECT_EQ(ErasmusMonthsLeft(student), 1);
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
  offer.months = 1.5;
  EXPECT_EQ(Codes(IneligibilityReasons(student, offer)), Strings{"erasmus_months"});
  offer.months = 2;
  auto reasons = IneligibilityReasons(student, offer);
  ASSERT_EQ(Codes(reasons), Strings{"erasmus_months"});
  EXPECT_EQ(reasons[0].details["months_left"], 1);
  EXPECT_EQ(reasons[0].details["months_needed"], 2.0);

  student.stays.push_back({1, StudyCycle::kFirst, false});
  EXPECT_EQ(ErasmusMonthsLeft(student), 0);
  offer.months = 1;
  reasons = IneligibilityReasons(student, offer);
  ASSERT_EQ(Codes(reasons), Strings{"erasmus_months"});
  EXPECT_EQ(reasons[0].details["months_left"], 0);
  EXPECT_NE(reasons[0].message_en.find("0 Erasmus months left"), std::string::npos);
}

TEST(Eligibility, UnfundedStaysCountOtherCyclesDoNot) {
  StudentFacts student;
  student.eqf_level = 7;  // second cycle
  student.stays = {{10, StudyCycle::kFirst, true}, {4, StudyCycle::kSecond, false}};
  EXPECT_EQ(ErasmusMonthsLeft(student), 8);
  OfferRequirements offer;
  offer.months = 8;
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
  offer.months = 9;
  const auto reasons = IneligibilityReasons(student, offer);
  ASSERT_EQ(Codes(reasons), Strings{"erasmus_months"});
  EXPECT_EQ(reasons[0].details["months_left"], 8);
  EXPECT_EQ(reasons[0].details["months_needed"], 9.0);
  EXPECT_EQ(reasons[0].details["months_per_cycle"], 12);
}

TEST(Eligibility, SingleCycleProgrammesHaveTwentyFourMonths) {
  auto student = Medic();
  student.stays = {{12, StudyCycle::kSingle, true}, {7, StudyCycle::kSingle, false}};
  EXPECT_EQ(ErasmusMonthsLeft(student), 5);
  auto offer = Offer();
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());  // 5 months needed, 5 left
  student.stays.push_back({1, StudyCycle::kSingle, false});
  EXPECT_EQ(Codes(IneligibilityReasons(student, offer)), Strings{"erasmus_months"});
  EXPECT_EQ(CurrentStudyCycle(true, 7), StudyCycle::kSingle);
  EXPECT_EQ(CurrentStudyCycle(false, 5), StudyCycle::kFirst);
  EXPECT_EQ(CurrentStudyCycle(false, 6), StudyCycle::kFirst);
  EXPECT_EQ(CurrentStudyCycle(false, 7), StudyCycle::kSecond);
  EXPECT_EQ(CurrentStudyCycle(false, 8), StudyCycle::kThird);
}

TEST(Eligibility, EnrolmentThroughoutTheStay) {
  auto student = Medic();
  auto offer = Offer();  // ends 2028-03-31
  student.enrolled_until = "2028-03-31";
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
  student.enrolled_until = "2028-03-30";
  const auto reasons = IneligibilityReasons(student, offer);
  ASSERT_EQ(Codes(reasons), Strings{"enrolment"});
  EXPECT_EQ(reasons[0].details["enrolled_until"], "2028-03-30");
  EXPECT_EQ(reasons[0].details["stay_ends_on"], "2028-03-31");
  student.enrolled_until.reset();  // no end announced: enrolled
  EXPECT_TRUE(IneligibilityReasons(student, offer).empty());
}

TEST(Eligibility, ReasonsAsJson) {
  auto offer = Offer();
  offer.eqf_levels = {6};
  const auto json = ToJson(IneligibilityReasons(Medic(), offer).at(0));
  EXPECT_EQ(json["code"], "level");
  EXPECT_TRUE(json["message"].is_string());
  EXPECT_TRUE(json["message_de"].is_string());
}

}  // namespace
}  // namespace weltcampus::exchange
