#pragma once
// Calls and offers made through the API (calls_test.cpp, authorization_grants_test.cpp): a call's
// body with its timeline in next academic year, and a fresh partner with an active agreement whose
// quotas offers can be carved from.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {

inline const std::string kCalls = "/api/v1/calls";

inline int CallYear() { return CurrentAcademicYearStart() + 1; }

inline std::string Day(const char* month_day) {
  return std::to_string(CallYear()) + "-" + month_day;
}

inline void AnyOrgUnit(long long* id) {
  const Response units = Api().Get("/api/v1/org-units?limit=1");
  ASSERT_TRUE(IsJson(units, 200)) << units;
  ASSERT_FALSE(units.json["items"].empty()) << units;
  *id = IdOf(units.json["items"][0]);
}

inline Json CallBody(long long org_unit_id) {
  return {{"academic_year", AcademicYear(CallYear())},
          {"org_unit_id", org_unit_id},
          {"title", Unique("Erasmus+ studies")},
          {"title_de", "Erasmus+ Studium"},
          {"applications_open", Day("01-04")},
          {"applications_close", Day("02-28")},
          {"selection_by", Day("03-15")},
          {"publication_on", Day("03-20")},
          {"accept_by", Day("03-31")},
          {"nomination_by", Day("04-05")},
          {"weight_grade", 60},
          {"weight_language", 20},
          {"weight_committee", 20},
          {"tie_rules", {"first_stay_first"}}};
}

// A fresh partner (with nomination deadlines when given) and an agreement of `status` from
// `first` to `last` with an outgoing (3 places of 10 months, EQF 7, field 0912, English B2) and an
// incoming student quota.
struct QuotaFixture {
  PartnerFixture partner;
  Json agreement;
  long long outgoing = 0;
  long long incoming = 0;
};
inline void CreateQuotas(std::string_view status, int first, int last, QuotaFixture* out,
                         const Json& deadlines = Json::object()) {
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &out->partner));
  if (!deadlines.empty()) {
    Json partnership = out->partner.partnership;
    partnership.update(deadlines);
    ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/partnerships/" + std::to_string(IdOf(partnership)),
                                     partnership, &out->partner.partnership));
  }
  // A new agreement starts as signed at most; it is then made active.
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(out->partner.partnership), IdOf(out->partner.institution),
                                status == "active" ? "signed" : status, first, last),
               &out->agreement));
  if (status == "active") {
    Json active = out->agreement;
    active["status"] = "active";
    ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(active), active, &out->agreement));
  }
  for (const auto& quota : out->agreement["quotas"]) {
    (Str(quota, "direction") == "outgoing" ? out->outgoing : out->incoming) = IdOf(quota);
  }
  ASSERT_NE(out->outgoing, 0) << out->agreement;
}

inline Json OfferBody(long long quota_id, const char* term, int places, double months) {
  return {{"quota_id", quota_id}, {"term", term}, {"places", places}, {"months_per_place", months}};
}

}  // namespace weltcampus::api_test
