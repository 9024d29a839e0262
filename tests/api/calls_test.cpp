// Calls and offers (issue 10, item 2): the international office opens a call for an academic year
// with its timeline and criteria, and carves offers from the active agreements' outgoing student
// quotas of that year. Bad input is refused with a 4xx naming the field and nothing is written:
// a timeline out of order, weights not summing to 100, offers beyond a quota's places or months,
// a quota of another year, direction or an agreement not active, a nomination date after a
// partner's deadline. Students read calls and offers and change nothing.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "calls_fixture.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::string OffersOf(const Json& call) {
  return kCalls + "/" + std::to_string(IdOf(call)) + "/offers";
}

long long OfferCount(const Json& call) {
  long long total = -1;
  TotalOf(OffersOf(call), &total);
  return total;
}

TEST(Calls, TheOfficeOpensACallWithItsTimelineInOrder) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));
  EXPECT_EQ(Str(call, "kind"), "places");
  EXPECT_EQ(call["max_preferences"], 5);
  EXPECT_EQ(call["lottery_seed"], nullptr);
  EXPECT_EQ(call["tie_rules"], Json({"first_stay_first"}));

  Json bad = CallBody(unit);
  const std::string title = Str(bad, "title");
  bad["accept_by"] = Day("03-10");
  EXPECT_TRUE(IsError(Api().Post(kCalls, bad), 422, "validation_failed", "accept_by"));
  bad = CallBody(unit);
  bad["title"] = title;
  bad["nomination_by"] = Day("03-30");
  EXPECT_TRUE(IsError(Api().Post(kCalls, bad), 422, "validation_failed", "nomination_by"));
  bad = CallBody(unit);
  bad["title"] = title;
  bad["weight_committee"] = 30;
  EXPECT_TRUE(IsError(Api().Post(kCalls, bad), 422, "validation_failed", "weight_grade"));
  bad = CallBody(unit);
  bad["title"] = title;
  bad["max_preferences"] = 11;
  EXPECT_TRUE(IsError(Api().Post(kCalls, bad), 422, "validation_failed", "max_preferences"));
  bad = CallBody(unit);
  bad["title"] = title;
  bad["kind"] = "funding";
  EXPECT_TRUE(IsError(Api().Post(kCalls, bad), 422, "validation_failed", "funded_months"));
  long long total = -1;
  ASSERT_NO_FATAL_FAILURE(TotalOf(Query(kCalls, {{"q", title}}), &total));
  EXPECT_EQ(total, 0);

  // Filters and the export.
  ASSERT_NO_FATAL_FAILURE(TotalOf(Query(kCalls, {{"q", Str(call, "title")},
                                                 {"academic_year", AcademicYear(CallYear())},
                                                 {"kind", "places"}}),
                                  &total));
  EXPECT_EQ(total, 1);
  EXPECT_TRUE(IsError(Api().Get(Query(kCalls, {{"academic_year", "2027"}})), 422,
                      "validation_failed", "academic_year"));
  const Response csv = Api().Get(Query(kCalls, {{"q", Str(call, "title")}, {"format", "csv"}}));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_NE(csv.body.find(Str(call, "title")), std::string::npos) << csv.body;
}

TEST(Calls, OffersAreCarvedWithinTheQuotasPlacesAndMonths) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  QuotaFixture quotas;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() - 1, CallYear() + 1, &quotas));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));

  Json offer;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(OffersOf(call), OfferBody(quotas.outgoing, "full_year", 2, 12), &offer));
  EXPECT_EQ(offer["call_id"], IdOf(call));
  EXPECT_EQ(offer["agreement_id"], IdOf(quotas.agreement));
  EXPECT_EQ(offer["partnership_id"], IdOf(quotas.partner.partnership));
  EXPECT_EQ(Str(offer, "partner_name"), Str(quotas.partner.institution, "name"));
  EXPECT_EQ(offer["eqf_levels"], Json({7}));
  EXPECT_EQ(Str(offer, "isced_code"), "0912");
  EXPECT_EQ(Str(offer, "language"), "en");
  EXPECT_EQ(Str(offer, "cefr_level"), "B2");

  // Beyond the quota's 3 places, unless the partner agreed to more.
  const Response beyond = Api().Post(OffersOf(call), OfferBody(quotas.outgoing, "summer", 2, 5));
  EXPECT_TRUE(IsError(beyond, 422, "validation_failed", "places")) << beyond;
  // Beyond the quota's months (3 places of 10 months): 24 taken, 12 more would be 36.
  const Response months =
      Api().Post(OffersOf(call), OfferBody(quotas.outgoing, "full_year", 1, 12));
  EXPECT_TRUE(IsError(months, 422, "validation_failed", "months_per_place")) << months;
  // A semester lasts at most 6 months.
  const Response semester = Api().Post(OffersOf(call), OfferBody(quotas.outgoing, "summer", 1, 7));
  EXPECT_TRUE(IsError(semester, 422, "validation_failed", "months_per_place")) << semester;
  Json extra = OfferBody(quotas.outgoing, "summer", 2, 5);
  extra["extra_places"] = 1;
  Json second;
  ASSERT_NO_FATAL_FAILURE(CreateOk(OffersOf(call), extra, &second));
  // Only narrowing the quota's eligibility.
  Json wider = OfferBody(quotas.outgoing, "winter", 1, 5);
  wider["eqf_levels"] = {6, 7};
  EXPECT_TRUE(IsError(Api().Post(OffersOf(call), wider), 422, "validation_failed", "eqf_levels"));
  EXPECT_EQ(OfferCount(call), 2);

  // What is left of the quota, for the office.
  const Response usable = Api().Get(kCalls + "/" + std::to_string(IdOf(call)) + "/quotas");
  ASSERT_TRUE(IsJson(usable, 200)) << usable;
  bool found = false;
  for (const auto& quota : usable.json["items"]) {
    if (quota["quota_id"] == quotas.outgoing) {
      found = true;
      EXPECT_EQ(quota["places_per_year"], 3);
      EXPECT_EQ(quota["carved"], 3);
      EXPECT_EQ(quota["withheld"], 0);
      EXPECT_EQ(quota["months_used"].get<double>(), 29.0);
      EXPECT_EQ(quota["months_available"].get<double>(), 30.0);
    }
    EXPECT_NE(quota["quota_id"], quotas.incoming);
  }
  EXPECT_TRUE(found) << usable;

  // Nor can the agreement's edit take the quota below what the year's offers take: 3 places of
  // 10 months, 3 places and 29 months carved.
  for (const auto& [field, value] :
       std::vector<std::pair<std::string, Json>>{{"places_per_year", 2}, {"months_per_place", 9}}) {
    Json smaller = quotas.agreement;
    for (auto& quota : smaller["quotas"]) {
      if (IdOf(quota) == quotas.outgoing) {
        quota[field] = value;
      }
    }
    const Response refused = Api().Put(AgreementPath(smaller), smaller, VersionOf(smaller));
    EXPECT_TRUE(IsError(refused, 409, "conflict", "quotas")) << field << ": " << refused;
    EXPECT_NE(refused.body.find(std::to_string(IdOf(second))), std::string::npos) << refused;
  }
  Json unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(quotas.agreement), &unchanged));
  EXPECT_EQ(unchanged["version"], quotas.agreement["version"]);

  // The quota stays while an offer uses it; the call while it has offers.
  Json agreement = quotas.agreement;
  Json kept = Json::array();
  for (const auto& quota : agreement["quotas"]) {
    if (IdOf(quota) != quotas.outgoing) {
      kept.push_back(quota);
    }
  }
  agreement["quotas"] = kept;
  const Response removal = Api().Put(AgreementPath(agreement), agreement, VersionOf(agreement));
  EXPECT_TRUE(IsError(removal, 409, "conflict")) << removal;
  EXPECT_TRUE(IsError(Api().Delete(kCalls + "/" + std::to_string(IdOf(call)), VersionOf(call)), 409,
                      "conflict"));
  // An offer is removed, and then the call.
  ASSERT_EQ(
      Api().Delete("/api/v1/offers/" + std::to_string(IdOf(second)), VersionOf(second)).status,
      204);
  ASSERT_EQ(Api().Delete("/api/v1/offers/" + std::to_string(IdOf(offer)), VersionOf(offer)).status,
            204);
  EXPECT_EQ(Api().Delete(kCalls + "/" + std::to_string(IdOf(call)), VersionOf(call)).status, 204);
}

TEST(Calls, OnlyOutgoingStudentQuotasOfAgreementsActiveInTheCallsYear) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));
  QuotaFixture active;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() - 1, CallYear() + 1, &active));
  QuotaFixture later;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() + 1, CallYear() + 3, &later));
  QuotaFixture signed_only;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("signed", CallYear() - 1, CallYear() + 1, &signed_only));

  const Response incoming = Api().Post(OffersOf(call), OfferBody(active.incoming, "winter", 1, 5));
  EXPECT_TRUE(IsError(incoming, 422, "validation_failed", "quota_id")) << incoming;
  const Response other_year = Api().Post(OffersOf(call), OfferBody(later.outgoing, "winter", 1, 5));
  EXPECT_TRUE(IsError(other_year, 422, "validation_failed", "quota_id")) << other_year;
  EXPECT_NE(other_year.json["error"].value("message", "").find(AcademicYear(CallYear())),
            std::string::npos)
      << other_year;
  const Response inactive =
      Api().Post(OffersOf(call), OfferBody(signed_only.outgoing, "winter", 1, 5));
  EXPECT_TRUE(IsError(inactive, 422, "validation_failed", "quota_id")) << inactive;
  EXPECT_TRUE(IsError(Api().Post(OffersOf(call), OfferBody(987654321, "winter", 1, 5)), 422,
                      "validation_failed", "quota_id"));
  EXPECT_EQ(OfferCount(call), 0);

  // A funding call has no offers.
  Json funding = CallBody(unit);
  funding["kind"] = "funding";
  funding["funded_months"] = 60;
  Json funding_call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, funding, &funding_call));
  EXPECT_TRUE(
      IsError(Api().Post(OffersOf(funding_call), OfferBody(active.outgoing, "winter", 1, 5)), 422,
              "validation_failed", "call_id"));
  EXPECT_EQ(OfferCount(funding_call), 0);
  EXPECT_TRUE(
      IsError(Api().Post(kCalls + "/987654321/offers", OfferBody(active.outgoing, "winter", 1, 5)),
              404, "not_found"));
}

TEST(Calls, TheCallsNominationDateKeepsThePartnersDeadline) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  QuotaFixture quotas;
  // Nominations for the winter semester by 1 April, for the summer by 15 October.
  ASSERT_NO_FATAL_FAILURE(CreateQuotas(
      "active", CallYear() - 1, CallYear() + 1, &quotas,
      {{"nomination_deadline_winter", "04-01"}, {"nomination_deadline_summer", "10-15"}}));
  EXPECT_EQ(Str(quotas.partner.partnership, "nomination_deadline_winter"), "04-01");
  Json bad_partner = quotas.partner.partnership;
  bad_partner["nomination_deadline_summer"] = "13-01";
  EXPECT_TRUE(IsError(Api().Put("/api/v1/partnerships/" + std::to_string(IdOf(bad_partner)),
                                bad_partner, VersionOf(bad_partner)),
                      422, "validation_failed", "nomination_deadline_summer"));

  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));  // nominates by 5 April
  const Response winter = Api().Post(OffersOf(call), OfferBody(quotas.outgoing, "winter", 1, 5));
  EXPECT_TRUE(IsError(winter, 422, "validation_failed", "term")) << winter;
  const std::string message = winter.json["error"].value("message", "");
  EXPECT_NE(message.find(Str(quotas.partner.institution, "name")), std::string::npos) << message;
  EXPECT_NE(message.find("winter"), std::string::npos) << message;
  EXPECT_NE(message.find(Day("04-01")), std::string::npos) << message;
  const Response full_year =
      Api().Post(OffersOf(call), OfferBody(quotas.outgoing, "full_year", 1, 10));
  EXPECT_TRUE(IsError(full_year, 422, "validation_failed", "term")) << full_year;
  EXPECT_EQ(OfferCount(call), 0);

  // The summer deadline is in October: an offer, and then the call cannot move its nomination
  // date past it.
  Json summer;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(OffersOf(call), OfferBody(quotas.outgoing, "summer", 1, 5), &summer));
  Json moved = call;
  moved["nomination_by"] = Day("10-20");
  const Response late =
      Api().Put(kCalls + "/" + std::to_string(IdOf(call)), moved, VersionOf(call));
  EXPECT_TRUE(IsError(late, 422, "validation_failed", "nomination_by")) << late;
  moved["nomination_by"] = Day("10-15");
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(kCalls + "/" + std::to_string(IdOf(call)), moved, &updated));
}

// An offer keeps its partner's name for its list; renaming the institution renames it there too
// (partners::DeclarePartnerNameCopy), and the list sorts by the new name.
TEST(Calls, AnOfferShowsItsPartnersNewNameAfterARename) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  QuotaFixture first;
  QuotaFixture second;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() - 1, CallYear() + 1, &first));
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() - 1, CallYear() + 1, &second));
  Json institution = first.partner.institution;
  institution["name"] = Unique("Aaaa renamed university");
  ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/institutions/" + std::to_string(IdOf(institution)),
                                   institution, &institution));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));
  Json offer;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(OffersOf(call), OfferBody(first.outgoing, "summer", 1, 5), &offer));
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(OffersOf(call), OfferBody(second.outgoing, "summer", 1, 5), &offer));
  const auto names = [&] {
    const Response list = Api().Get(OffersOf(call) + "?sort=partner");
    std::vector<std::string> found;
    EXPECT_TRUE(IsJson(list, 200)) << list;
    for (const auto& item : list.json["items"]) {
      found.push_back(Str(item, "partner_name"));
    }
    return found;
  };
  EXPECT_EQ(names(), (std::vector<std::string>{Str(institution, "name"),
                                               Str(second.partner.institution, "name")}));

  institution["name"] = Unique("Zzzz renamed university");
  ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/institutions/" + std::to_string(IdOf(institution)),
                                   institution, &institution));
  EXPECT_EQ(names(), (std::vector<std::string>{Str(second.partner.institution, "name"),
                                               Str(institution, "name")}));
}

TEST(Calls, StudentsReadCallsAndOffersAndChangeNothing) {
  long long unit = 0;
  ASSERT_NO_FATAL_FAILURE(AnyOrgUnit(&unit));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kCalls, CallBody(unit), &call));
  Session session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &session));
  ApiClient student(session);
  const Response read = student.Get(kCalls + "/" + std::to_string(IdOf(call)));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  EXPECT_TRUE(IsJson(student.Get(OffersOf(call)), 200));
  EXPECT_TRUE(IsError(student.Post(kCalls, CallBody(unit)), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(student.Post(OffersOf(call), OfferBody(1, "winter", 1, 5)), 403, "forbidden"));
}

}  // namespace
}  // namespace weltcampus::api_test
