// The world map's answer (issue 8, item 4): every partner in one compact answer, kept in memory by
// the server and in the browser; its ETag changes exactly when a partnership, a partner's
// institution or an agreement changes (through any server of the database, and through imports),
// and If-None-Match naming it gets a 304 without a body.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"
#include "second_server.h"

namespace weltcampus::api_test {
namespace {

const std::string kMap = "/api/v1/partnerships/map";
const std::vector<std::string> kColumns = {"id",   "tier",     "name",      "country",
                                           "city", "latitude", "longitude", "active_agreements"};

// GET the map, expecting 200 with a well-formed answer and a weak ETag.
void GetMap(const std::string& path, Json* map, std::string* etag, const Headers& headers = {}) {
  const Response response = Api().Get(path, headers);
  ASSERT_TRUE(IsJson(response, 200)) << response;
  const std::string tag = response.Header("ETag");
  ASSERT_EQ(tag.rfind("W/\"", 0), 0u) << "a weak ETag: " << tag;
  const std::string cache = response.Header("Cache-Control");
  EXPECT_NE(cache.find("no-cache"), std::string::npos) << cache;
  EXPECT_NE(cache.find("private"), std::string::npos) << cache;
  EXPECT_EQ(cache.find("no-store"), std::string::npos) << cache;
  ASSERT_TRUE(response.json["total"].is_number_integer()) << response.json.dump();
  const auto total = response.json["total"].get<size_t>();
  for (const auto& column : kColumns) {
    ASSERT_TRUE(response.json[column].is_array()) << column;
    ASSERT_EQ(response.json[column].size(), total) << column;
  }
  if (map != nullptr) {
    *map = response.json;
  }
  if (etag != nullptr) {
    *etag = tag;
  }
}

std::string MapETag(const std::string& path = kMap) {
  std::string etag;
  GetMap(path, nullptr, &etag);
  return etag;
}

// The row of a partnership in the map as an object, or null when it is not on it.
Json RowOf(const Json& map, long long partnership_id) {
  for (size_t i = 0; i < map["id"].size(); ++i) {
    if (map["id"][i].get<long long>() == partnership_id) {
      Json row = Json::object();
      for (const auto& column : kColumns) {
        row[column] = map[column][i];
      }
      return row;
    }
  }
  return nullptr;
}

Json MapRow(long long partnership_id) {
  Json map;
  GetMap(kMap, &map, nullptr);
  return RowOf(map, partnership_id);
}

std::string PathOf(const std::string& collection, const Json& record) {
  return collection + "/" + std::to_string(IdOf(record));
}

const std::string kEcheHeader =
    "Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,Website Url,"
    "Erasmus Eche Start,Erasmus Eche End\n";

std::string EcheRow(const std::string& code, const std::string& name, const std::string& city) {
  return "1," + code + ",,,\"" + name + "\",Street 1,1000," + city + ",FR,,2021-01-01,2029-12-31\n";
}

void ImportEche(const std::string& csv, Json* job) {
  const Response queued =
      Api().PostRaw(Query("/api/v1/imports/eche", {{"dry_run", "false"}, {"file_name", "map.csv"}}),
                    csv, "text/csv");
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), job));
  ASSERT_EQ(Str(*job, "status"), "succeeded") << job->dump();
}

TEST(PartnerMap, HasEveryPartnerOfTheListWithWhatTheMapShows) {
  Json map;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap, &map, nullptr));
  std::vector<Json> partners;
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/partnerships", 200, &partners, &total));
  ASSERT_EQ(map["total"].get<long long>(), total);
  ASSERT_GT(total, 3);
  for (const Json& partner : partners) {
    const Json row = RowOf(map, IdOf(partner));
    ASSERT_TRUE(row.is_object()) << "not on the map: " << partner.dump();
    const Json& institution = partner["institution"];
    EXPECT_EQ(row["tier"], partner["tier"]);
    EXPECT_EQ(row["name"], institution["name"]);
    EXPECT_EQ(row["country"], institution["country"]);
    EXPECT_EQ(row["city"], institution.value("city", Json(nullptr)));
    EXPECT_EQ(row["active_agreements"], partner["active_agreements"]);
    for (const char* coordinate : {"latitude", "longitude"}) {
      const Json& exact = institution.value(coordinate, Json(nullptr));
      if (exact.is_null()) {
        EXPECT_TRUE(row[coordinate].is_null()) << row.dump();
      } else {
        EXPECT_NEAR(row[coordinate].get<double>(), exact.get<double>(), 0.00005) << row.dump();
      }
    }
  }
  Json kings;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership(kKings, &kings));
  EXPECT_EQ(RowOf(map, IdOf(kings))["tier"], "transcampus");
}

TEST(PartnerMap, ETagStaysWhileNothingChangesAndIfNoneMatchGets304) {
  Json first;
  std::string etag;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap, &first, &etag));
  Json again;
  std::string same;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap, &again, &same));
  EXPECT_EQ(same, etag);
  EXPECT_EQ(again, first);

  const Response unchanged = Api().Get(kMap, {{"If-None-Match", etag}});
  ASSERT_EQ(unchanged.status, 304) << unchanged;
  EXPECT_TRUE(unchanged.body.empty());
  EXPECT_EQ(unchanged.Header("ETag"), etag);
  EXPECT_NE(unchanged.Header("Cache-Control").find("no-cache"), std::string::npos);
  // One of several tags, the strong form of the same tag (weak comparison), and "*" all match.
  EXPECT_EQ(Api().Get(kMap, {{"If-None-Match", "W/\"map1-0-0\", " + etag}}).status, 304);
  EXPECT_EQ(Api().Get(kMap, {{"If-None-Match", etag.substr(2)}}).status, 304);
  EXPECT_EQ(Api().Get(kMap, {{"If-None-Match", "*"}}).status, 304);
  // Another tag: the whole map again.
  const Response other = Api().Get(kMap, {{"If-None-Match", "W/\"map1-0-0\""}});
  ASSERT_TRUE(IsJson(other, 200)) << other;
  EXPECT_EQ(other.json, first);

  // A filter is a map of its own, with its own tag.
  Json strategic;
  std::string strategic_etag;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap + "?tier=strategic", &strategic, &strategic_etag));
  EXPECT_NE(strategic_etag, etag);
  ASSERT_GT(strategic["total"].get<long long>(), 0);
  EXPECT_LT(strategic["total"].get<long long>(), first["total"].get<long long>());
  for (const Json& tier : strategic["tier"]) {
    EXPECT_EQ(tier, "strategic");
  }
  EXPECT_EQ(Api().Get(kMap + "?tier=strategic", {{"If-None-Match", etag}}).status, 200)
      << "the unfiltered map's tag is not the filtered map's";
}

TEST(PartnerMap, GzippedAndPlainAnswersAreTheSameMap) {
  Json plain;
  std::string plain_etag;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap, &plain, &plain_etag, {{"Accept-Encoding", "identity"}}));
  const Response gzipped = Api().Get(kMap, {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(IsJson(gzipped, 200)) << gzipped;  // the client unpacks it
  EXPECT_EQ(gzipped.Header("Content-Encoding"), "gzip");
  EXPECT_NE(gzipped.Header("Vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_EQ(gzipped.Header("ETag"), plain_etag);
  EXPECT_EQ(gzipped.json, plain);
}

// The server answers from memory; a server that has just started reads the map from the database.
// Both answers are the same, byte for byte.
TEST(PartnerMap, TheHeldAnswerIsTheFreshOne) {
  std::string etag;
  ASSERT_NO_FATAL_FAILURE(GetMap(kMap, nullptr, &etag));
  const Response held = Api().Get(kMap, {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(IsJson(held, 200)) << held;
  SecondServer fresh;
  ASSERT_NO_FATAL_FAILURE(fresh.Start(Server().db_url));
  fresh.UseSession(TestSession());
  const Response first = fresh.Request("GET", kMap, "");
  ASSERT_TRUE(IsJson(first, 200)) << first;
  EXPECT_EQ(first.body, held.body);
  EXPECT_EQ(first.Header("ETag"), etag) << "every server of the database names the map alike";
  fresh.Stop();
}

TEST(PartnerMap, ETagChangesWithAPartnershipItsInstitutionAndItsAgreements) {
  const std::string before = MapETag();
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const long long id = IdOf(partner.partnership);
  std::string etag = MapETag();
  EXPECT_NE(etag, before) << "a new partner";
  EXPECT_EQ(MapRow(id)["tier"], "standard");
  EXPECT_EQ(Api().Get(kMap, {{"If-None-Match", before}}).status, 200);

  // The partnership
  Json partnership = partner.partnership;
  partnership["tier"] = "strategic";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk(PathOf("/api/v1/partnerships", partnership), partnership, &partnership));
  std::string next = MapETag();
  EXPECT_NE(next, etag) << "a partnership's tier changed";
  EXPECT_EQ(MapRow(id)["tier"], "strategic");
  etag = next;

  // Its institution
  Json institution = partner.institution;
  institution["name"] = Unique("Renamed University");
  ASSERT_NO_FATAL_FAILURE(UpdateOk(PathOf(kInstitutions, institution), institution, &updated));
  next = MapETag();
  EXPECT_NE(next, etag) << "a partner's institution was renamed";
  EXPECT_EQ(MapRow(id)["name"], institution["name"]);
  etag = next;

  // An institution that is no partner is not on the map: its change leaves the map as it is.
  Json other;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("IT"), &other));
  other["city"] = "Bologna";
  ASSERT_NO_FATAL_FAILURE(UpdateOk(PathOf(kInstitutions, other), other, &updated));
  EXPECT_EQ(MapETag(), etag) << "an institution that is no partner changed the map's tag";

  // Its agreements: added, in force, ended, removed.
  const int year = CurrentAcademicYearStart();
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      kAgreements, NewAgreementBody(id, IdOf(partner.institution), "signed", year, year + 1),
      &agreement));
  next = MapETag();
  EXPECT_NE(next, etag) << "an agreement was added";
  EXPECT_EQ(MapRow(id)["active_agreements"], 0);
  etag = next;
  agreement["status"] = "active";
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement), agreement, &agreement));
  next = MapETag();
  EXPECT_NE(next, etag) << "an agreement came into force";
  EXPECT_EQ(MapRow(id)["active_agreements"], 1);
  etag = next;
  agreement["status"] = "expired";
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement), agreement, &agreement));
  next = MapETag();
  EXPECT_NE(next, etag) << "an agreement ended";
  EXPECT_EQ(MapRow(id)["active_agreements"], 0);
  etag = next;
  ASSERT_EQ(Api().Delete(AgreementPath(agreement), VersionOf(agreement)).status, 204);
  next = MapETag();
  EXPECT_NE(next, etag) << "an agreement was removed";
  etag = next;

  // The partnership ends.
  ASSERT_EQ(
      Api().Delete(PathOf("/api/v1/partnerships", partnership), VersionOf(partnership)).status,
      204);
  next = MapETag();
  EXPECT_NE(next, etag) << "a partnership was removed";
  EXPECT_TRUE(MapRow(id).is_null());
}

TEST(PartnerMap, AnImportChangesTheETagWhenItChangesAPartnersInstitution) {
  Json institution_body = NewInstitutionBody("FR");
  const std::string code = "F  " + UniqueLetters(6) + "01";
  institution_body["erasmus_code"] = code;
  institution_body["city"] = nullptr;
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, institution_body, &institution));
  Json partnership;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/partnerships",
               Json{{"institution_id", IdOf(institution)}, {"tier", "standard"}}, &partnership));
  const std::string etag = MapETag();
  EXPECT_TRUE(MapRow(IdOf(partnership))["city"].is_null());

  // Institutions that are no partners: the map stays.
  Json job;
  ASSERT_NO_FATAL_FAILURE(ImportEche(
      kEcheHeader + EcheRow("F  " + UniqueLetters(6) + "01", Unique("Ecole map"), "Nantes"), &job));
  EXPECT_EQ(job["result"]["added"], 1) << job.dump();
  EXPECT_EQ(MapETag(), etag) << "an import that added no partner changed the map's tag";

  // The partner's own row fills in its city.
  ASSERT_NO_FATAL_FAILURE(
      ImportEche(kEcheHeader + EcheRow(code, Str(institution, "name"), "Lyon"), &job));
  EXPECT_EQ(job["result"]["updated"], 1) << job.dump();
  EXPECT_NE(MapETag(), etag) << "an import changed a partner's institution";
  EXPECT_EQ(MapRow(IdOf(partnership))["city"], "Lyon");
}

// Several servers share one database: a change made through one is seen by every other at once.
TEST(PartnerMap, AChangeThroughOneServerIsSeenByEveryOther) {
  SecondServer other;
  ASSERT_NO_FATAL_FAILURE(other.Start(Server().db_url));
  other.UseSession(TestSession());
  const Response first = other.Request("GET", kMap, "");
  ASSERT_TRUE(IsJson(first, 200)) << first;
  const std::string etag = first.Header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(other.Request("GET", kMap, "", "If-None-Match: " + etag + "\r\n").status, 304);

  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("transcampus", &partner));
  const Response after = other.Request("GET", kMap, "", "If-None-Match: " + etag + "\r\n");
  ASSERT_TRUE(IsJson(after, 200)) << "a partner added through the first server: " << after;
  EXPECT_NE(after.Header("ETag"), etag);
  EXPECT_EQ(RowOf(after.json, IdOf(partner.partnership))["tier"], "transcampus");
  other.Stop();
}

}  // namespace
}  // namespace weltcampus::api_test
