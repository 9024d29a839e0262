// The partnerships over the years (GET /api/v1/partnerships/trends, the dean's home): which
// agreements count, what active, new and ended mean, the regions and types, the range.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kTrends = "/api/v1/partnerships/trends";

// A partnership with a new institution in `country`.
void CreatePartnerIn(const std::string& country, PartnerFixture* out) {
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody(country), &out->institution));
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      "/api/v1/partnerships",
      Json{{"institution_id", IdOf(out->institution)}, {"tier", "standard"}}, &out->partnership));
}

// An agreement of `type` over first..last brought to `status` by the allowed moves.
void CreateAgreement(const PartnerFixture& partner, const std::string& type, int first, int last,
                     const std::string& status) {
  const bool initial = status == "draft" || status == "in_negotiation" || status == "signed";
  Json body = NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution),
                               initial ? status : "signed", first, last);
  body["type"] = type;
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &agreement));
  std::vector<std::string> moves;
  if (status == "active" || status == "expired") {
    moves.push_back("active");
  }
  if (status == "expired") {
    moves.push_back("expired");
  }
  if (status == "terminated") {
    moves.push_back("terminated");
  }
  for (const auto& move : moves) {
    agreement["status"] = move;
    ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement), agreement, &agreement));
  }
}

void GetTrends(const std::string& query, Json* trends) {
  const Response response = Api().Get(kTrends + query);
  ASSERT_TRUE(IsJson(response, 200)) << response;
  *trends = response.json;
}

// (year, a figure's path) -> count, e.g. {2005, "active"}, {2005, "by_region/oceania/new"}.
using Figures = std::map<std::pair<int, std::string>, long long>;

Figures FiguresOf(const Json& trends) {
  Figures figures;
  for (const Json& year : trends["years"]) {
    const int start = std::stoi(year["academic_year"].get<std::string>().substr(0, 4));
    for (const char* measure : {"active", "new", "ended"}) {
      figures[{start, measure}] = year[measure].get<long long>();
      for (const char* group : {"by_region", "by_type"}) {
        for (const auto& [key, counts] : year[group].items()) {
          figures[{start, std::string(group) + "/" + key + "/" + measure}] =
              counts[measure].get<long long>();
        }
      }
    }
  }
  return figures;
}

// after - before, without the figures that stayed.
Figures Difference(const Figures& before, const Figures& after) {
  Figures difference;
  for (const auto& [key, value] : after) {
    const auto found = before.find(key);
    const long long change = value - (found == before.end() ? 0 : found->second);
    if (change != 0) {
      difference[key] = change;
    }
  }
  return difference;
}

// Partners made here, with years long past, and the exact change they make to every figure of
// 2003/2004 .. 2010/2011.
TEST(PartnerTrends, CountsActiveNewAndEndedByRegionAndType) {
  const std::string range = "?from=2003/2004&to=2010/2011";
  Json before;
  ASSERT_NO_FATAL_FAILURE(GetTrends(range, &before));
  ASSERT_EQ(before["years"].size(), 8u) << before;

  // Oceania: bilateral 2004-2006 (expired), then Erasmus 2006-2008 (active).
  PartnerFixture one;
  ASSERT_NO_FATAL_FAILURE(CreatePartnerIn("NZ", &one));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(one, "bilateral_exchange", 2004, 2006, "expired"));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(one, "erasmus_iia", 2006, 2008, "active"));
  // Latin America: bilateral 2005 and 2007-2009 (signed), a gap in 2006 that a draft and a
  // negotiation do not fill.
  PartnerFixture two;
  ASSERT_NO_FATAL_FAILURE(CreatePartnerIn("BR", &two));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(two, "bilateral_exchange", 2005, 2005, "signed"));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(two, "bilateral_exchange", 2007, 2009, "signed"));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(two, "bilateral_exchange", 2006, 2006, "draft"));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(two, "erasmus_iia", 2010, 2011, "in_negotiation"));
  // Europe: only a terminated agreement and a draft, which never count.
  PartnerFixture three;
  ASSERT_NO_FATAL_FAILURE(CreatePartnerIn("DE", &three));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(three, "erasmus_iia", 2004, 2010, "terminated"));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(three, "erasmus_iia", 2005, 2006, "draft"));
  // Oceania: Erasmus 2001-2002, ended in the range's first year.
  PartnerFixture four;
  ASSERT_NO_FATAL_FAILURE(CreatePartnerIn("NZ", &four));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(four, "erasmus_iia", 2001, 2002, "expired"));
  // Northern America: joint degree 2010-2012, beyond the range's end.
  PartnerFixture five;
  ASSERT_NO_FATAL_FAILURE(CreatePartnerIn("US", &five));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(five, "joint_degree", 2010, 2012, "signed"));

  Json after;
  ASSERT_NO_FATAL_FAILURE(GetTrends(range, &after));
  EXPECT_EQ(after["from"], "2003/2004");
  EXPECT_EQ(after["to"], "2010/2011");
  EXPECT_EQ(after["counted_statuses"], Json::array({"signed", "active", "expired"}));

  const Figures expected = {
      // 2003: four ended (its last year was 2002).
      {{2003, "ended"}, 1},
      {{2003, "by_region/oceania/ended"}, 1},
      {{2003, "by_type/erasmus_iia/ended"}, 1},
      // 2004: one begins.
      {{2004, "active"}, 1},
      {{2004, "new"}, 1},
      {{2004, "by_region/oceania/active"}, 1},
      {{2004, "by_region/oceania/new"}, 1},
      {{2004, "by_type/bilateral_exchange/active"}, 1},
      {{2004, "by_type/bilateral_exchange/new"}, 1},
      // 2005: two begins.
      {{2005, "active"}, 2},
      {{2005, "new"}, 1},
      {{2005, "by_region/oceania/active"}, 1},
      {{2005, "by_region/latin_america_caribbean/active"}, 1},
      {{2005, "by_region/latin_america_caribbean/new"}, 1},
      {{2005, "by_type/bilateral_exchange/active"}, 2},
      {{2005, "by_type/bilateral_exchange/new"}, 1},
      // 2006: two's gap (neither ended nor active); one in both types, new in Erasmus.
      {{2006, "active"}, 1},
      {{2006, "by_region/oceania/active"}, 1},
      {{2006, "by_type/bilateral_exchange/active"}, 1},
      {{2006, "by_type/erasmus_iia/active"}, 1},
      {{2006, "by_type/erasmus_iia/new"}, 1},
      // 2007: two again (not new); one's bilateral agreement ended in 2006.
      {{2007, "active"}, 2},
      {{2007, "by_region/oceania/active"}, 1},
      {{2007, "by_region/latin_america_caribbean/active"}, 1},
      {{2007, "by_type/bilateral_exchange/active"}, 1},
      {{2007, "by_type/bilateral_exchange/ended"}, 1},
      {{2007, "by_type/erasmus_iia/active"}, 1},
      // 2008
      {{2008, "active"}, 2},
      {{2008, "by_region/oceania/active"}, 1},
      {{2008, "by_region/latin_america_caribbean/active"}, 1},
      {{2008, "by_type/bilateral_exchange/active"}, 1},
      {{2008, "by_type/erasmus_iia/active"}, 1},
      // 2009: one ended.
      {{2009, "active"}, 1},
      {{2009, "ended"}, 1},
      {{2009, "by_region/oceania/ended"}, 1},
      {{2009, "by_region/latin_america_caribbean/active"}, 1},
      {{2009, "by_type/bilateral_exchange/active"}, 1},
      {{2009, "by_type/erasmus_iia/ended"}, 1},
      // 2010: two ended (its negotiation does not count), five begins.
      {{2010, "active"}, 1},
      {{2010, "new"}, 1},
      {{2010, "ended"}, 1},
      {{2010, "by_region/latin_america_caribbean/ended"}, 1},
      {{2010, "by_region/northern_america/active"}, 1},
      {{2010, "by_region/northern_america/new"}, 1},
      {{2010, "by_type/bilateral_exchange/ended"}, 1},
      {{2010, "by_type/joint_degree/active"}, 1},
      {{2010, "by_type/joint_degree/new"}, 1},
  };
  EXPECT_EQ(Difference(FiguresOf(before), FiguresOf(after)), expected);
}

// Every year has every region and type; the regions add up to the totals.
TEST(PartnerTrends, RegionsAddUpAndTheDefaultIsTenYearsToThisOne) {
  Json trends;
  ASSERT_NO_FATAL_FAILURE(GetTrends("", &trends));
  const int current = CurrentAcademicYearStart();
  EXPECT_EQ(trends["from"], AcademicYear(current - 9));
  EXPECT_EQ(trends["to"], AcademicYear(current));
  ASSERT_EQ(trends["years"].size(), 10u);
  long long active_this_year = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    const Json& year = trends["years"][i];
    EXPECT_EQ(year["academic_year"], AcademicYear(current - 9 + static_cast<int>(i)));
    EXPECT_EQ(year["by_region"].size(), 7u);
    EXPECT_EQ(year["by_type"].size(), 7u);
    for (const char* measure : {"active", "new", "ended"}) {
      long long regions = 0;
      for (const auto& [region, counts] : year["by_region"].items()) {
        regions += counts[measure].get<long long>();
      }
      EXPECT_EQ(regions, year[measure].get<long long>()) << year["academic_year"] << measure;
    }
    active_this_year = year["active"].get<long long>();
  }
  // The demo has partnerships with active agreements this year.
  EXPECT_GT(active_this_year, 0);

  Json one_year;
  ASSERT_NO_FATAL_FAILURE(GetTrends("?from=2020/2021&to=2020/2021", &one_year));
  EXPECT_EQ(one_year["years"].size(), 1u);
  Json only_to;
  ASSERT_NO_FATAL_FAILURE(GetTrends("?to=2020/2021", &only_to));
  EXPECT_EQ(only_to["from"], "2011/2012");
  Json longest;
  ASSERT_NO_FATAL_FAILURE(GetTrends("?from=1991/1992&to=2020/2021", &longest));
  EXPECT_EQ(longest["years"].size(), 30u);
}

TEST(PartnerTrends, RefusesABadRange) {
  for (const char* query :
       {"?from=2020", "?from=2020/2022", "?to=20x0/2021", "?from=2021/2022&to=2020/2021",
        "?from=1990/1991&to=2020/2021", "?from=1800/1801&to=1801/1802", "?to=9999/10000"}) {
    const Response response = Api().Get(kTrends + query);
    EXPECT_EQ(response.status, 422) << query << ": " << response;
    EXPECT_TRUE(response.json.contains("error")) << query;
  }
}

// The dean (management) reads it; a student does not (the authorization matrix has every role).
TEST(PartnerTrends, TheDeanReadsItAStudentDoesNot) {
  Session dean;
  ASSERT_NO_FATAL_FAILURE(DemoSession("management", &dean));
  ApiClient dean_client(dean);
  EXPECT_EQ(dean_client.Get(kTrends).status, 200);
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  ApiClient student_client(student);
  EXPECT_TRUE(IsError(student_client.Get(kTrends), 403, "forbidden"));
}

}  // namespace
}  // namespace weltcampus::api_test
