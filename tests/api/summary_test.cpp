// The dashboard summary agrees with the lists it summarises.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

long long SummaryPlacesTotal(const Json& value) {
  if (value.is_number_integer()) {
    return value.get<long long>();
  }
  if (value.is_object()) {
    return value.value("outgoing", 0LL) + value.value("incoming", 0LL);
  }
  return 0;
}

TEST(Summary, AgreesWithPartnershipsAndAgreements) {
  const Response response = Api().Get("/api/v1/summary");
  ASSERT_TRUE(IsJson(response, 200));
  const Json& summary = response.json;
  EXPECT_EQ(summary["academic_year"], AcademicYear(CurrentAcademicYearStart())) << response;

  std::vector<Json> partnerships;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/partnerships", 200, &partnerships));
  EXPECT_EQ(summary["partners"], static_cast<long long>(partnerships.size())) << response;

  long long by_tier_sum = 0;
  ASSERT_TRUE(summary["partners_by_tier"].is_object()) << response;
  for (const char* tier : {"strategic", "transcampus", "standard"}) {
    long long count = 0;
    for (const Json& partnership : partnerships) {
      count += partnership["tier"] == tier ? 1 : 0;
    }
    EXPECT_EQ(summary["partners_by_tier"].value(tier, -1LL), count) << tier << ": " << response;
    by_tier_sum += count;
  }
  EXPECT_GE(summary["partners_by_tier"].value("transcampus", 0LL), 1);
  EXPECT_GE(summary["partners_by_tier"].value("strategic", 0LL), 2);

  long long active = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/agreements?status=active", &active));
  EXPECT_EQ(summary["active_agreements"], active) << response;

  long long places = 0;
  std::set<std::string> countries;
  for (const Json& partnership : partnerships) {
    places += SummaryPlacesTotal(partnership["places_per_year"]);
    countries.insert(Str(partnership["institution"], "country"));
  }
  ASSERT_TRUE(summary["places_per_year"].is_object()) << response;
  const long long outgoing = summary["places_per_year"].value("outgoing", -1LL);
  const long long incoming = summary["places_per_year"].value("incoming", -1LL);
  EXPECT_GE(outgoing, 0);
  EXPECT_GE(incoming, 0);
  EXPECT_EQ(outgoing + incoming, places) << "sum of the partnerships' places_per_year";
  // Interpretation: the countries of the partners.
  EXPECT_EQ(summary["countries"], static_cast<long long>(countries.size())) << response;
}

TEST(Summary, DemoHasAboutOneHundredTwentyFurtherPartnersWithReferenceData) {
  // `weltcampus demo` adds ~120 partners when ../shared/data is present (it is for these tests).
  ASSERT_TRUE(std::filesystem::exists(std::filesystem::path(WELTCAMPUS_SOURCE_ROOT) / ".." /
                                      "shared" / "data" / "eche"))
      << "no ../shared/data next to the project";
  long long standard = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/partnerships?tier=standard", &standard));
  EXPECT_GE(standard, 100);
  const Response summary = Api().Get("/api/v1/summary");
  ASSERT_TRUE(IsJson(summary, 200));
  EXPECT_GE(summary.json.value("countries", 0LL), 15) << summary;
}

TEST(Summary, CountsANewPartnerAndItsPlaces) {
  const Response before = Api().Get("/api/v1/summary");
  ASSERT_TRUE(IsJson(before, 200));
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("strategic", &partner));
  const int current = CurrentAcademicYearStart();
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "signed",
                                current, current + 1),
               &agreement));
  agreement["status"] = "active";
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk("/api/v1/agreements/" + std::to_string(IdOf(agreement)), agreement, &agreement));
  const Response after = Api().Get("/api/v1/summary");
  ASSERT_TRUE(IsJson(after, 200));
  EXPECT_EQ(after.json["partners"].get<long long>(), before.json["partners"].get<long long>() + 1);
  EXPECT_EQ(after.json["partners_by_tier"]["strategic"].get<long long>(),
            before.json["partners_by_tier"]["strategic"].get<long long>() + 1);
  EXPECT_EQ(after.json["active_agreements"].get<long long>(),
            before.json["active_agreements"].get<long long>() + 1);
  EXPECT_EQ(after.json["places_per_year"]["outgoing"].get<long long>(),
            before.json["places_per_year"]["outgoing"].get<long long>() + 3);
  EXPECT_EQ(after.json["places_per_year"]["incoming"].get<long long>(),
            before.json["places_per_year"]["incoming"].get<long long>() + 2);
}

// The country filter offers the countries the school has partners in (issue 9, defect 9), each
// with its number of partners, as the partner list counts them.
TEST(PartnerCountries, EveryPartnersCountryOnceWithItsCount) {
  const Response response = Api().Get("/api/v1/partnerships/countries");
  ASSERT_TRUE(IsJson(response, 200));
  std::vector<Json> partnerships;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/partnerships", 200, &partnerships));
  std::map<std::string, long long> expected;
  for (const Json& partnership : partnerships) {
    ++expected[partnership["institution"]["country"].get<std::string>()];
  }
  std::map<std::string, long long> answered;
  for (const Json& item : response.json["items"]) {
    answered[item["country"].get<std::string>()] = item["partners"].get<long long>();
  }
  EXPECT_EQ(answered, expected);
  EXPECT_EQ(answered.count("GB"), 1u);
  EXPECT_EQ(answered.count("AQ"), 0u);
}

}  // namespace
}  // namespace weltcampus::api_test
