// Partner overview and the places a partnership offers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// places_per_year is "outgoing+incoming": accept a number or an {outgoing, incoming} object.
long long OverviewPlacesTotal(const Json& value) {
  if (value.is_number_integer()) {
    return value.get<long long>();
  }
  if (value.is_object()) {
    return value.value("outgoing", 0LL) + value.value("incoming", 0LL);
  }
  return -1;
}

// Creates an agreement and moves it to active.
void CreateActiveAgreement(const PartnerFixture& partner, int first_year, int last_year,
                           Json* agreement) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "signed",
                                first_year, last_year),
               &created));
  created["status"] = "active";
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk("/api/v1/agreements/" + std::to_string(IdOf(created)), created, agreement));
}

TEST(PartnershipPlaces, CountOnlyActiveAgreementsOfThisAcademicYear) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int current = CurrentAcademicYearStart();
  Json active;
  ASSERT_NO_FATAL_FAILURE(CreateActiveAgreement(partner, current - 1, current + 1, &active));
  Json draft;  // 3 + 2 places, but a draft
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft",
                                current, current + 1),
               &draft));
  Json future;  // active later: starts next academic year
  ASSERT_NO_FATAL_FAILURE(CreateActiveAgreement(partner, current + 1, current + 2, &future));
  Json partnership;
  ASSERT_NO_FATAL_FAILURE(
      GetOk("/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership)), &partnership));
  EXPECT_EQ(OverviewPlacesTotal(partnership["places_per_year"]), 5) << partnership.dump();
  EXPECT_EQ(partnership["active_agreements"], 2) << partnership.dump();
}

TEST(PartnerOverview, OfANewPartnerWithOneActiveAgreement) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int current = CurrentAcademicYearStart();
  Json active;
  ASSERT_NO_FATAL_FAILURE(CreateActiveAgreement(partner, current, current + 1, &active));
  const Response response =
      Api().Get("/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership)) + "/overview");
  ASSERT_TRUE(IsJson(response, 200));
  const Json& overview = response.json;
  EXPECT_EQ(IdOf(overview["partnership"]), IdOf(partner.partnership)) << response;
  ASSERT_TRUE(overview["agreements"].is_array()) << response;
  ASSERT_EQ(overview["agreements"].size(), 1u) << response;
  EXPECT_EQ(IdOf(overview["agreements"][0]), IdOf(active));
  EXPECT_EQ(overview["agreements"][0]["quotas"].size(), 2u) << response;
  ASSERT_TRUE(overview["joint_structures"].is_array()) << response;
  EXPECT_TRUE(overview["joint_structures"].empty());
  ASSERT_TRUE(overview["places_by_year"].is_array()) << response;
  bool found = false;
  for (const Json& year : overview["places_by_year"]) {
    if (year["academic_year"] == AcademicYear(current)) {
      found = true;
      EXPECT_EQ(year["outgoing"], 3) << year.dump();
      EXPECT_EQ(year["incoming"], 2) << year.dump();
      // each direction apart, by category
      EXPECT_EQ(year["outgoing_by_category"], Json({{"student_studies", 3}})) << year.dump();
      EXPECT_EQ(year["incoming_by_category"], Json({{"student_studies", 2}})) << year.dump();
    }
    if (year["academic_year"] == AcademicYear(current + 2)) {
      EXPECT_EQ(year.value("outgoing", 0) + year.value("incoming", 0), 0)
          << "places after the agreement ended: " << year.dump();
    }
  }
  EXPECT_TRUE(found) << "no places for " << AcademicYear(current) << ": " << response;
}

TEST(PartnerOverview, KingsCollegeTransCampus) {
  Json kings;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership(kKings, &kings));
  const Response response =
      Api().Get("/api/v1/partnerships/" + std::to_string(IdOf(kings)) + "/overview");
  ASSERT_TRUE(IsJson(response, 200));
  const Json& overview = response.json;
  EXPECT_EQ(IdOf(overview["partnership"]), IdOf(kings));
  EXPECT_EQ(overview["partnership"]["tier"], "transcampus");
  ASSERT_TRUE(overview["agreements"].is_array());
  EXPECT_FALSE(overview["agreements"].empty()) << response;
  bool has_transcampus_agreement = false;
  for (const Json& agreement : overview["agreements"]) {
    EXPECT_EQ(agreement["partnership_id"], IdOf(kings)) << agreement.dump();
    has_transcampus_agreement = has_transcampus_agreement || agreement["type"] == "transcampus";
  }
  EXPECT_TRUE(has_transcampus_agreement) << response;
  ASSERT_TRUE(overview["joint_structures"].is_array());
  EXPECT_GE(overview["joint_structures"].size(), 2u) << "the transCampus has several: " << response;
  for (const Json& structure : overview["joint_structures"]) {
    EXPECT_EQ(structure["partnership_id"], IdOf(kings)) << structure.dump();
  }
  ASSERT_TRUE(overview["places_by_year"].is_array());
  for (const Json& year : overview["places_by_year"]) {
    EXPECT_TRUE(year["academic_year"].is_string()) << year.dump();
    EXPECT_GE(year.value("outgoing", -1), 0) << year.dump();
    EXPECT_GE(year.value("incoming", -1), 0) << year.dump();
  }
}

TEST(PartnerOverview, MissingPartnershipIs404) {
  EXPECT_TRUE(IsError(Api().Get("/api/v1/partnerships/999999/overview"), 404, "not_found"));
}

}  // namespace
}  // namespace weltcampus::api_test
