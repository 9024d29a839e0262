// The institution register: CRUD, validation, Erasmus codes, concurrency control, search.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::string InstitutionPath(const Json& record) {
  return kInstitutions + "/" + std::to_string(IdOf(record));
}

bool IsUtcTimestamp(const Json& value) {
  return value.is_string() &&
         std::regex_match(value.get<std::string>(),
                          std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)"));
}

// Expects a 422 (or other error) on POST and that the register did not grow.
void ExpectInstitutionNotCreated(const Json& body, int status, const std::string& code,
                                 const std::string& field) {
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kInstitutions, &before));
  EXPECT_TRUE(IsError(Api().Post(kInstitutions, body), status, code, field)) << body.dump();
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kInstitutions, &after));
  EXPECT_EQ(before, after) << "a rejected POST changed the register: " << body.dump();
}

TEST(Institutions, CreateReadUpdateDelete) {
  const std::string letters = UniqueLetters();
  Json body = NewInstitutionBody("PL");
  body["name_local"] = Unique("Uniwersytet Testowy");
  body["erasmus_code"] = "PL " + letters + "01";
  body["pic"] = "949876543";
  body["oid"] = "E10299999";
  body["ror_id"] = "https://ror.org/0" + letters;
  body["hei_id"] = Unique("uni").substr(4) + ".example.pl";
  body["type"] = "university";
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  for (const char* field : {"name", "name_local", "country", "city", "website", "erasmus_code",
                            "pic", "oid", "ror_id", "hei_id", "type", "latitude", "longitude"}) {
    EXPECT_EQ(created[field], body[field]) << field << " in " << created.dump();
  }
  EXPECT_TRUE(IsUtcTimestamp(created["created_at"])) << created.dump();
  EXPECT_TRUE(IsUtcTimestamp(created["updated_at"])) << created.dump();

  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read, created);

  Json changed = read;
  changed["city"] = "Poznan";
  changed["website"] = "https://example.pl/";
  changed["created_at"] = "1999-01-01T00:00:00Z";  // read-only: ignored
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(InstitutionPath(created), changed, &updated));
  EXPECT_EQ(updated["city"], "Poznan");
  EXPECT_EQ(updated["website"], "https://example.pl/");
  EXPECT_EQ(updated["name"], body["name"]);
  EXPECT_EQ(updated["created_at"], created["created_at"]) << "read-only created_at was changed";
  EXPECT_GT(VersionOf(updated), VersionOf(created));
  ASSERT_TRUE(IsUtcTimestamp(updated["updated_at"]));
  EXPECT_GE(updated["updated_at"].get<std::string>(), created["updated_at"].get<std::string>());

  Json reread;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &reread));
  EXPECT_EQ(reread, updated);

  const Response deleted = Api().Delete(InstitutionPath(created), VersionOf(updated));
  EXPECT_EQ(deleted.status, 204) << deleted;
  EXPECT_TRUE(deleted.body.empty()) << deleted;
  EXPECT_TRUE(IsError(Api().Get(InstitutionPath(created)), 404, "not_found"));
  EXPECT_TRUE(
      IsError(Api().Delete(InstitutionPath(created), VersionOf(updated)), 404, "not_found"));
  EXPECT_TRUE(
      IsError(Api().Put(InstitutionPath(created), updated, VersionOf(updated)), 404, "not_found"));
}

TEST(Institutions, ErasmusCodeIsOptional) {
  Json body = NewInstitutionBody("AU");
  body.erase("erasmus_code");
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  EXPECT_TRUE(!created.contains("erasmus_code") || created["erasmus_code"].is_null())
      << created.dump();
}

TEST(Institutions, RequiredFields) {
  Json without_name = NewInstitutionBody();
  without_name.erase("name");
  ExpectInstitutionNotCreated(without_name, 422, "validation_failed", "name");
  Json blank_name = NewInstitutionBody();
  blank_name["name"] = "   ";
  ExpectInstitutionNotCreated(blank_name, 422, "validation_failed", "name");
  Json without_country = NewInstitutionBody();
  without_country.erase("country");
  ExpectInstitutionNotCreated(without_country, 422, "validation_failed", "country");
}

TEST(Institutions, WrongTypesAre422WithTheField) {
  const std::vector<std::pair<std::string, Json>> cases = {{"name", 42},
                                                           {"name", Json::array({"a"})},
                                                           {"country", 49},
                                                           {"latitude", "north"},
                                                           {"longitude", true},
                                                           {"erasmus_code", 5},
                                                           {"type", Json::object()}};
  for (const auto& [field, value] : cases) {
    Json body = NewInstitutionBody();
    body[field] = value;
    ExpectInstitutionNotCreated(body, 422, "validation_failed", field);
  }
}

TEST(Institutions, UnknownTypeIs422) {
  Json body = NewInstitutionBody();
  body["type"] = "college";
  ExpectInstitutionNotCreated(body, 422, "validation_failed", "type");
}

TEST(Institutions, InvalidCountryIs422) {
  for (const char* country : {"DEU", "d", "12", "", "Germany"}) {
    Json body = NewInstitutionBody();
    body["country"] = country;
    ExpectInstitutionNotCreated(body, 422, "validation_failed", "country");
  }
}

TEST(Institutions, CoordinatesOutOfRangeAre422) {
  Json body = NewInstitutionBody();
  body["latitude"] = 91.0;
  ExpectInstitutionNotCreated(body, 422, "validation_failed", "latitude");
  body = NewInstitutionBody();
  body["longitude"] = -180.5;
  ExpectInstitutionNotCreated(body, 422, "validation_failed", "longitude");
}

TEST(Institutions, InvalidErasmusCodesAre422) {
  for (const char* code : {"PLWROCLAW99",      // no space after a two-letter country
                           "PL  WROCLAW99",    // two spaces after a two-letter country
                           "D DRESDEN99",      // one space after a one-letter country
                           "pl wroclaw99",     // lower case
                           "PL WROCLAW9",      // one digit
                           "PL WROCLAW9999",   // four digits
                           "PL WROCLAW",       // no digits
                           "PL W99",           // one-letter city
                           "PL -WROCLAW99",    // starts with a hyphen
                           "PL WROCLAW-99",    // ends with a hyphen
                           "IRL DUBLIN99",     // IRL takes no space
                           "PL WROCŁAW99"}) {  // non-ASCII
    Json body = NewInstitutionBody("PL");
    body["erasmus_code"] = code;
    SCOPED_TRACE(std::string("erasmus_code \"") + code + "\"");
    ExpectInstitutionNotCreated(body, 422, "validation_failed", "erasmus_code");
  }
}

TEST(Institutions, ErasmusCodeWithSurroundingSpacesIsRejectedOrTrimmed) {
  // Contract silent: trimming input is a fair normalisation, storing the spaces is not.
  const std::string letters = UniqueLetters(6);
  for (const std::string& code : {" PL " + letters + "11", "PL " + letters + "12 "}) {
    Json body = NewInstitutionBody("PL");
    body["erasmus_code"] = code;
    const Response response = Api().Post(kInstitutions, body);
    if (response.status == 201) {
      EXPECT_EQ(response.json["erasmus_code"], code.substr(code[0] == ' ' ? 1 : 0, code.size() - 1))
          << response;
    } else {
      EXPECT_TRUE(IsError(response, 422, "validation_failed", "erasmus_code"));
    }
  }
}

TEST(Institutions, ValidErasmusCodeFormsAreAcceptedVerbatim) {
  const std::string l = UniqueLetters(5);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"D  " + l + "02", "DE"},
      {"PL " + l + "05", "PL"},
      {"IRL" + l + "02", "IE"},
      {"LUX" + l + "01", "LU"},
      {"F  " + l.substr(0, 2) + "-" + l.substr(2) + "10", "FR"},
      {"E  " + l + "123", "ES"}};
  for (const auto& [code, country] : cases) {
    Json body = NewInstitutionBody(country);
    body["erasmus_code"] = code;
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created)) << code;
    EXPECT_EQ(created["erasmus_code"], code);
    Json read;
    ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
    EXPECT_EQ(read["erasmus_code"], code) << "code not stored verbatim";
  }
}

TEST(Institutions, DuplicateErasmusCodeIs409OnCreate) {
  Json body = NewInstitutionBody("PL");
  body["erasmus_code"] = "PL WROCLAW05";  // Wroclaw Medical University, in the demo data
  ExpectInstitutionNotCreated(body, 409, "conflict", "erasmus_code");
}

TEST(Institutions, DuplicateErasmusCodeIs409OnUpdate) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("PL"), &created));
  Json changed = created;
  changed["erasmus_code"] = "PL WROCLAW05";
  EXPECT_TRUE(IsError(Api().Put(InstitutionPath(created), changed, VersionOf(created)), 409,
                      "conflict", "erasmus_code"));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read, created) << "a rejected PUT changed the record";
}

TEST(Institutions, InvalidUpdateChangesNothing) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody(), &created));
  Json changed = created;
  changed["city"] = "Should not be stored";
  changed["type"] = "kindergarten";
  EXPECT_TRUE(IsError(Api().Put(InstitutionPath(created), changed, VersionOf(created)), 422,
                      "validation_failed", "type"));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read, created);
}

// "the body also has current_version": at the top level or inside "error" (the contract's words
// allow both; the web app reads both).
long long CurrentVersion(const Response& response) {
  const Json& body = response.json;
  if (body.is_object() && body.contains("current_version") &&
      body["current_version"].is_number_integer()) {
    return body["current_version"].get<long long>();
  }
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("current_version") &&
      body["error"]["current_version"].is_number_integer()) {
    return body["error"]["current_version"].get<long long>();
  }
  return -1;
}

TEST(Institutions, StaleIfMatchIs412WithCurrentVersion) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody(), &created));
  Json first_edit = created;
  first_edit["city"] = "First editor";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(InstitutionPath(created), first_edit, &updated));

  Json second_edit = created;  // based on the old version
  second_edit["city"] = "Second editor";
  const Response stale = Api().Put(InstitutionPath(created), second_edit, VersionOf(created));
  ASSERT_TRUE(IsError(stale, 412, "precondition_failed"));
  EXPECT_EQ(CurrentVersion(stale), VersionOf(updated)) << stale;
  // ... and who changed what, and when, so that the editor can say so and merge field by field.
  Json me;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/me", &me));
  const Json error = stale.json["error"];
  EXPECT_EQ(error["changed_by"], me["display_name"]) << stale;
  EXPECT_EQ(error["changed_fields"], Json::array({"city"})) << stale;
  ASSERT_TRUE(error["changed_at"].is_string()) << stale;
  EXPECT_EQ(error["changed_at"].get<std::string>().substr(0, 10),
            updated["updated_at"].get<std::string>().substr(0, 10));

  const Response stale_delete = Api().Delete(InstitutionPath(created), VersionOf(created));
  ASSERT_TRUE(IsError(stale_delete, 412, "precondition_failed"));
  EXPECT_EQ(CurrentVersion(stale_delete), VersionOf(updated)) << stale_delete;

  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read["city"], "First editor");
  EXPECT_EQ(VersionOf(read), VersionOf(updated));
}

TEST(Institutions, MissingIfMatchIs428) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody(), &created));
  Json changed = created;
  changed["city"] = "No precondition";
  EXPECT_TRUE(IsError(Api().Put(InstitutionPath(created), changed, std::nullopt), 428,
                      "precondition_required"));
  EXPECT_TRUE(
      IsError(Api().Delete(InstitutionPath(created), std::nullopt), 428, "precondition_required"));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read, created);
}

TEST(Institutions, MalformedIfMatchIsRejected) {
  // Contract silent: an If-Match that is no version cannot match: 412 (or 400/428), never a write.
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody(), &created));
  Json changed = created;
  changed["city"] = "Garbage precondition";
  const Response response =
      Api().PutRaw(InstitutionPath(created), changed.dump(), {{"If-Match", "\"not-a-version\""}});
  EXPECT_TRUE(response.status == 412 || response.status == 400 || response.status == 428)
      << response;
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read, created);
}

bool ContainsId(const std::vector<Json>& items, long long id) {
  for (const Json& item : items) {
    if (IdOf(item) == id) {
      return true;
    }
  }
  return false;
}

TEST(InstitutionSearch, ByErasmusCodeNameCityLocalNameAndHeiId) {
  Json wroclaw_by_code;
  {
    const Response response = Api().Get(Query(kInstitutions, {{"q", "PL WROCLAW05"}}));
    ASSERT_TRUE(IsJson(response, 200));
    ASSERT_GE(response.json["items"].size(), 1u) << response;
    bool found = false;
    for (const Json& item : response.json["items"]) {
      if (Str(item, "erasmus_code") == "PL WROCLAW05") {
        found = true;
        wroclaw_by_code = item;
        EXPECT_EQ(item["country"], "PL");
        EXPECT_NE(Str(item, "name").find("Wroc"), std::string::npos) << item.dump();
      }
    }
    EXPECT_TRUE(found) << response;
  }
  {
    // Case-insensitive search (contract silent; what a user expects).
    const Response response = Api().Get(Query(kInstitutions, {{"q", "college london"}}));
    ASSERT_TRUE(IsJson(response, 200));
    bool found = false;
    for (const Json& item : response.json["items"]) {
      found = found || (NameHas(item, kKings) && item["country"] == "GB");
    }
    EXPECT_TRUE(found) << response;
  }
  Json body = NewInstitutionBody("IT");
  const std::string letters = UniqueLetters(8);
  body["city"] = "City" + letters;
  body["name_local"] = "Universita " + letters + "x";
  body["hei_id"] = "hei" + UniqueLetters(8) + ".example.it";
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  for (const std::string& q :
       {body["city"].get<std::string>(), "Universita " + letters, body["hei_id"].get<std::string>(),
        body["name"].get<std::string>()}) {
    const Response response = Api().Get(Query(kInstitutions, {{"q", q}}));
    ASSERT_TRUE(IsJson(response, 200));
    EXPECT_EQ(response.json["total"], 1) << "q=" << q << ": " << response;
    ASSERT_EQ(response.json["items"].size(), 1u) << "q=" << q << ": " << response;
    EXPECT_EQ(IdOf(response.json["items"][0]), IdOf(created));
  }
  const Response nothing = Api().Get(Query(kInstitutions, {{"q", "zzq" + UniqueLetters(10)}}));
  ASSERT_TRUE(IsJson(nothing, 200));
  EXPECT_EQ(nothing.json["total"], 0);
  EXPECT_TRUE(nothing.json["items"].empty());
  EXPECT_TRUE(nothing.json["next_cursor"].is_null());
}

TEST(Institutions, UnicodeRoundTrip) {
  Json body = NewInstitutionBody("PL");
  body["name"] = Unique("Uniwersytet Medyczny we Wrocławiu – Zażółć gęślą jaźń 医科大学 😀");
  body["name_local"] = "Ludwig-Maximilians-Universität München";
  body["city"] = "Wrocław";
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(InstitutionPath(created), &read));
  EXPECT_EQ(read["name"], body["name"]);
  EXPECT_EQ(read["name_local"], body["name_local"]);
  EXPECT_EQ(read["city"], "Wrocław");
}

TEST(InstitutionSearch, NonAsciiNamesAreFoundInAnyCase) {
  // Contract silent; a German school's users type "münchen" and expect "München".
  Json body = NewInstitutionBody("DE");
  const std::string letters = UniqueLetters(8);
  body["name"] = "Technische Universität München " + letters;
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  // Accents folded too (issue 8): "universitat munchen" finds "Universität München", also
  // through a term inside a word and in a composed form of another letter.
  for (const std::string& q : {"Universität München " + letters, "universität münchen " + letters,
                               "UNIVERSITÄT MÜNCHEN " + letters, "universitat munchen " + letters,
                               "UNIVERSITAT MUNCHEN " + letters,
                               "niversitat m" + std::string("u\u0308") + "nchen " + letters}) {
    const Response response = Api().Get(Query(kInstitutions, {{"q", q}}));
    ASSERT_TRUE(IsJson(response, 200));
    EXPECT_EQ(response.json["total"], 1) << "q=" << q << ": " << response;
  }
}

// Issue 8: search by a trigram index (SQLite FTS5, PostgreSQL pg_trgm) finds any part of a word,
// in any case and with or without accents, and follows renames and removals.
TEST(InstitutionSearch, FindsAnyPartOfAWordAndFollowsRenamesAndRemovals) {
  Json body = NewInstitutionBody("DE");
  const std::string letters = UniqueLetters(10);
  body["name"] = "Universität Qx" + letters;
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  const auto total_for = [](const std::string& q) {
    const Response response = Api().Get(Query(kInstitutions, {{"q", q}}));
    EXPECT_TRUE(IsJson(response, 200)) << response;
    return response.json.value("total", -1LL);
  };
  for (const std::string& q : {"niversität qx" + letters, "NIVERSITÄT QX" + letters,
                               "niversitat qx" + letters, "x" + letters}) {
    EXPECT_EQ(total_for(q), 1) << "q=" << q;
  }
  Json renamed = created;
  renamed["name"] = "Hochschule Qy" + letters;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(InstitutionPath(created), renamed, &updated));
  EXPECT_EQ(total_for("niversität qx" + letters), 0);
  EXPECT_EQ(total_for("niversitat qx" + letters), 0);
  EXPECT_EQ(total_for("ochschule qy" + letters), 1);
  const Response deleted = Api().Delete(InstitutionPath(created), VersionOf(updated));
  ASSERT_EQ(deleted.status, 204) << deleted;
  EXPECT_EQ(total_for("qy" + letters), 0);
}

TEST(InstitutionSearch, SqlAndLikeMetacharactersAreLiteral) {
  for (const char* q : {"%", "_", "' OR 1=1 --", "\\", "%%%"}) {
    const Response response = Api().Get(Query(kInstitutions, {{"q", q}}));
    ASSERT_TRUE(IsJson(response, 200)) << q;
    long long all = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(kInstitutions, &all));
    EXPECT_LT(response.json["total"].get<long long>(), all)
        << "q=" << q << " matched everything: wildcard not escaped";
  }
}

TEST(InstitutionFilters, ByCountry) {
  std::vector<Json> polish;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"country", "PL"}}), 200, &polish));
  ASSERT_FALSE(polish.empty());
  bool has_wroclaw = false;
  for (const Json& item : polish) {
    EXPECT_EQ(item["country"], "PL") << item.dump();
    has_wroclaw = has_wroclaw || Str(item, "erasmus_code") == "PL WROCLAW05";
  }
  EXPECT_TRUE(has_wroclaw);
}

TEST(InstitutionFilters, ByType) {
  Json body = NewInstitutionBody();
  body["type"] = "hospital";
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  std::vector<Json> hospitals;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"type", "hospital"}}), 200, &hospitals));
  EXPECT_TRUE(ContainsId(hospitals, IdOf(created)));
  for (const Json& item : hospitals) {
    EXPECT_EQ(item["type"], "hospital") << item.dump();
  }
  EXPECT_TRUE(IsError(Api().Get(Query(kInstitutions, {{"type", "castle"}})), 422,
                      "validation_failed", "type"));
}

TEST(InstitutionFilters, HasErasmusCodeSplitsTheRegister) {
  long long all = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kInstitutions, &all));
  std::vector<Json> with_code;
  std::vector<Json> without_code;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kInstitutions, {{"has_erasmus_code", "true"}}), 200, &with_code));
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kInstitutions, {{"has_erasmus_code", "false"}}), 200, &without_code));
  EXPECT_EQ(static_cast<long long>(with_code.size() + without_code.size()), all);
  for (const Json& item : with_code) {
    EXPECT_TRUE(item["erasmus_code"].is_string() &&
                !item["erasmus_code"].get<std::string>().empty())
        << item.dump();
  }
  for (const Json& item : without_code) {
    EXPECT_TRUE(!item.contains("erasmus_code") || item["erasmus_code"].is_null()) << item.dump();
  }
  EXPECT_FALSE(with_code.empty());
  EXPECT_FALSE(without_code.empty()) << "King's College London and Flinders have no Erasmus code";
  EXPECT_TRUE(IsError(Api().Get(Query(kInstitutions, {{"has_erasmus_code", "maybe"}})), 422,
                      "validation_failed", "has_erasmus_code"));
}

TEST(InstitutionFilters, PartnerMatchesThePartnerships) {
  std::vector<Json> partnerships;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/partnerships", 200, &partnerships));
  std::set<long long> partner_ids;
  for (const Json& partnership : partnerships) {
    partner_ids.insert(partnership["institution_id"].get<long long>());
  }
  std::vector<Json> partners;
  std::vector<Json> others;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"partner", "true"}}), 200, &partners));
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"partner", "false"}}), 200, &others));
  std::set<long long> listed;
  for (const Json& item : partners) {
    listed.insert(IdOf(item));
  }
  EXPECT_EQ(listed, partner_ids);
  for (const Json& item : others) {
    EXPECT_EQ(partner_ids.count(IdOf(item)), 0u) << item.dump();
  }
}

}  // namespace
}  // namespace weltcampus::api_test
