// Issue 9, defect 6: sorting and search as people expect. Names sort by Unicode collation (case and
// accents do not count: "aachen", "Åbo", "Berlin", "École", "Zürich"), a country by its name in the
// reader's language (?lang=de: "Österreich" among the O's, "Vereinigtes Königreich" under V), and
// a search finds "Universität" by "UNIVERSITAT", "King's" by "kings", "Wrocław" by "wroclaw".
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kPartnerships = "/api/v1/partnerships";

using Texts = std::vector<std::string>;

// Every item of a list, walked page by page (`limit` a page) with its cursors.
std::vector<Json> Walk(const std::string& collection, std::map<std::string, std::string> params,
                       int limit) {
  std::vector<Json> items;
  EXPECT_NO_FATAL_FAILURE(ListAll(Query(collection, params), limit, &items));
  return items;
}

// What follows the shared prefix of the names made by one test ("<letters> Zürich" → "Zürich").
Texts Suffixes(const std::vector<Json>& items, const std::string& prefix,
               const std::string& field = "name") {
  Texts suffixes;
  for (const Json& item : items) {
    const std::string name =
        item.contains("institution") ? Str(item["institution"], field) : Str(item, field);
    suffixes.push_back(name.starts_with(prefix) ? name.substr(prefix.size()) : name);
  }
  return suffixes;
}

Json MakeInstitution(const std::string& name, const std::string& country,
                     std::optional<std::string> city = std::nullopt) {
  Json body = NewInstitutionBody(country);
  body["name"] = name;
  if (city) {
    body["city"] = *city;
  }
  Json created;
  EXPECT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &created));
  return created;
}

Json MakePartnership(const Json& institution) {
  Json created;
  EXPECT_NO_FATAL_FAILURE(CreateOk(
      kPartnerships, Json{{"institution_id", IdOf(institution)}, {"tier", "standard"}}, &created));
  return created;
}

TEST(Collation, NamesSortWithoutRegardToCaseAndAccentsAcrossPages) {
  const std::string prefix = "Kollation " + UniqueLetters(8) + " ";
  // Created in an order that is neither the expected one nor its reverse.
  for (const std::string name : {"Zürich", "École Centrale", "aachen", "Berlin", "Åbo Akademi",
                                 "Universität 10", "Universität 2", "ecole normale"}) {
    Json partner = MakeInstitution(prefix + name, "FR");
    MakePartnership(partner);
  }
  const Texts expected{"aachen",        "Åbo Akademi",   "Berlin",         "École Centrale",
                       "ecole normale", "Universität 2", "Universität 10", "Zürich"};
  const Texts reversed(expected.rbegin(), expected.rend());
  // Page by page (keyset cursors over the collation keys) and in one page, in both directions.
  for (const int limit : {3, 50}) {
    SCOPED_TRACE("limit " + std::to_string(limit));
    EXPECT_EQ(Suffixes(Walk(kInstitutions, {{"q", prefix}, {"sort", "name"}}, limit), prefix),
              expected);
    EXPECT_EQ(Suffixes(Walk(kInstitutions, {{"q", prefix}, {"sort", "-name"}}, limit), prefix),
              reversed);
    EXPECT_EQ(Suffixes(Walk(kPartnerships, {{"q", prefix}, {"sort", "name"}}, limit), prefix),
              expected);
    EXPECT_EQ(Suffixes(Walk(kPartnerships, {{"q", prefix}, {"sort", "-name"}}, limit), prefix),
              reversed);
  }
}

TEST(Collation, CitiesSortAsPeopleExpect) {
  const std::string letters = UniqueLetters(8);
  const std::string prefix = "Stadtsortierung " + letters + " ";
  for (const std::string city : {"Zwickau", "Östersund", "Aarhus", "Évry", "lyon"}) {
    MakeInstitution(prefix + city, "FR", city);
  }
  Texts cities;
  for (const Json& item : Walk(kInstitutions, {{"q", prefix}, {"sort", "city"}}, 2)) {
    cities.push_back(Str(item, "city"));
  }
  EXPECT_EQ(cities, (Texts{"Aarhus", "Évry", "lyon", "Östersund", "Zwickau"}));
}

// Sorting by country: by the country's name in the reader's language, English without ?lang=.
TEST(Collation, CountriesSortByTheirNameInTheReadersLanguage) {
  const std::string prefix = "Laendersortierung " + UniqueLetters(8) + " ";
  for (const std::string country : {"GB", "AT", "DE", "CH", "ES", "NL"}) {
    MakePartnership(MakeInstitution(prefix + country, country));
  }
  const auto countries = [&](const std::string& collection,
                             std::map<std::string, std::string> params, int limit) {
    params["q"] = prefix;
    Texts codes;
    for (const Json& item : Walk(collection, params, limit)) {
      codes.push_back(item.contains("institution") ? Str(item["institution"], "country")
                                                      : Str(item, "country"));
    }
    return codes;
  };
  // Austria, Germany, Netherlands, Spain, Switzerland, United Kingdom
  const Texts english{"AT", "DE", "NL", "ES", "CH", "GB"};
  // Deutschland, Niederlande, Österreich, Schweiz, Spanien, Vereinigtes Königreich
  const Texts german{"DE", "NL", "AT", "CH", "ES", "GB"};
  for (const std::string& collection : {kInstitutions, kPartnerships}) {
    SCOPED_TRACE(collection);
    for (const int limit : {2, 50}) {
      EXPECT_EQ(countries(collection, {{"sort", "country"}}, limit), english);
      EXPECT_EQ(countries(collection, {{"sort", "country"}, {"lang", "en"}}, limit), english);
      EXPECT_EQ(countries(collection, {{"sort", "country"}, {"lang", "de"}}, limit), german);
      EXPECT_EQ(countries(collection, {{"sort", "-country"}, {"lang", "de"}}, limit),
                Texts(german.rbegin(), german.rend()));
    }
  }
  // The names the test expects are ICU's (what the server sorts by), checked independently here.
  EXPECT_EQ(CountryNameIn("AT", "de"), "Österreich");
  EXPECT_EQ(CountryNameIn("GB", "de"), "Vereinigtes Königreich");

  // The browser's Accept-Language decides without ?lang=, as for an export's column names.
  const Response german_browser =
      Api().Get(Query(kInstitutions, {{"q", prefix}, {"sort", "country"}}),
                {{"Accept-Language", "de-DE,de;q=0.9"}});
  ASSERT_TRUE(IsJson(german_browser, 200)) << german_browser;
  ASSERT_EQ(german_browser.json["items"].size(), german.size());
  EXPECT_EQ(german_browser.json["items"][0]["country"], "DE");

  // A cursor of the German order does not continue an English one.
  const Response first = Api().Get(
      Query(kInstitutions, {{"q", prefix}, {"sort", "country"}, {"lang", "de"}, {"limit", "2"}}));
  ASSERT_TRUE(IsJson(first, 200)) << first;
  ASSERT_TRUE(first.json["next_cursor"].is_string()) << first;
  EXPECT_TRUE(IsError(Api().Get(Query(kInstitutions, {{"q", prefix},
                                                      {"sort", "country"},
                                                      {"lang", "en"},
                                                      {"limit", "2"},
                                                      {"cursor", Str(first.json, "next_cursor")}})),
                      422, "validation_failed", "cursor"));
}

TEST(Collation, AgreementsSortByTheTitleTheReaderSees) {
  const std::string prefix = "Titelsortierung " + UniqueLetters(8) + " ";
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  // English title, German title: a German reader sees the German one where there is one.
  const std::vector<std::pair<std::string, std::optional<std::string>>> titles{
      {"Zebra", "Apfel"}, {"Ölberg", std::nullopt}, {"oase", "Zitrone"}, {"Birke", std::nullopt}};
  for (const auto& [title, title_de] : titles) {
    Json body = NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "signed",
                                 year, year + 1);
    body["title"] = prefix + title;
    if (title_de) {
      body["title_de"] = prefix + *title_de;
    }
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  }
  const auto sorted = [&](const std::string& lang) {
    Texts shown;
    for (const Json& item :
         Walk(kAgreements, {{"q", prefix}, {"sort", "title"}, {"lang", lang}}, 3)) {
      const bool german = lang == "de" && item["title_de"].is_string();
      shown.push_back(Str(item, german ? "title_de" : "title").substr(prefix.size()));
    }
    return shown;
  };
  EXPECT_EQ(sorted("en"), (Texts{"Birke", "oase", "Ölberg", "Zebra"}));
  EXPECT_EQ(sorted("de"), (Texts{"Apfel", "Birke", "Ölberg", "Zitrone"}));
}

TEST(Collation, ContactsAndPeopleSortByName) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const std::string contacts =
      "/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership)) + "/contacts";
  for (const std::string name : {"Zoë Zimmer", "émile Roux", "anna Berg", "Özdemir Ayşe"}) {
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(
        contacts, Json{{"role", "international_office"}, {"name", name}, {"email", nullptr}},
        &created));
  }
  Texts names;
  for (const Json& item : Walk(contacts, {{"sort", "name"}}, 2)) {
    names.push_back(Str(item, "name"));
  }
  EXPECT_EQ(names, (Texts{"anna Berg", "émile Roux", "Özdemir Ayşe", "Zoë Zimmer"}));
}

// The search finds names whatever their case, accents and apostrophes, on both databases.
TEST(Collation, SearchFindsUniversitaetKingsAndWroclawAlike) {
  const std::string letters = UniqueLetters(8);
  const Json created = MakeInstitution("Universität Suchtest " + letters, "DE");
  const auto ids_for = [](const std::string& collection, const std::string& q) {
    std::set<long long> ids;
    for (const Json& item : Walk(collection, {{"q", q}}, 200)) {
      ids.insert(item.contains("institution") ? IdOf(item["institution"]) : IdOf(item));
    }
    return ids;
  };
  EXPECT_EQ(ids_for(kInstitutions, "UNIVERSITAT SUCHTEST " + letters),
            std::set<long long>{IdOf(created)});
  EXPECT_EQ(ids_for(kInstitutions, "universität suchtest " + letters),
            std::set<long long>{IdOf(created)});

  Json kings;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership(kKings, &kings));
  Json wroclaw;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership("Wroc", &wroclaw));
  for (const std::string& collection : {kInstitutions, kPartnerships}) {
    SCOPED_TRACE(collection);
    EXPECT_TRUE(ids_for(collection, "kings").contains(IdOf(kings["institution"])));
    EXPECT_TRUE(ids_for(collection, "King's").contains(IdOf(kings["institution"])));
    const auto plain = ids_for(collection, "wroclaw");
    EXPECT_TRUE(plain.contains(IdOf(wroclaw["institution"])));
    EXPECT_EQ(plain, ids_for(collection, "Wrocław"));
    EXPECT_EQ(plain, ids_for(collection, "WROCŁAW"));
  }
}

}  // namespace
}  // namespace weltcampus::api_test
