// Lists: limit, cursors, totals and sorting.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// Names sort as people expect (issue 9): by Unicode collation (fixtures.h: Collate), a country by
// its name in the reader's language (English without ?lang=). Where nulls go is not in the
// contract (SQLite: first, PostgreSQL: last): only the records with a value are checked.
void ExpectSortedByString(const std::vector<Json>& items, const std::string& field,
                          bool descending) {
  std::vector<std::string> values;
  for (const Json& item : items) {
    if (item.contains(field) && item[field].is_string()) {
      values.push_back(field == "country" ? CountryNameIn(Str(item, field), "en")
                                          : Str(item, field));
    }
  }
  for (std::size_t i = 1; i < values.size(); ++i) {
    const int order = Collate(values[i - 1], values[i]);
    EXPECT_TRUE(descending ? order >= 0 : order <= 0)
        << "not sorted by " << (descending ? "-" : "") << field << ": " << values[i - 1]
        << " before " << values[i];
  }
}

TEST(Pagination, CursorWalksEveryItemExactlyOnce) {
  // Enough records for several pages even without the reference data.
  for (int i = 0; i < 12; ++i) {
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("NL"), &created));
  }
  for (const std::string sort : {"", "name", "-name", "country", "city"}) {
    SCOPED_TRACE("sort=" + sort);
    std::vector<Json> items;
    long long total = -1;
    const std::string path = sort.empty() ? kInstitutions : Query(kInstitutions, {{"sort", sort}});
    ASSERT_NO_FATAL_FAILURE(ListAll(path, 7, &items, &total));
    EXPECT_EQ(static_cast<long long>(items.size()), total);
    std::set<long long> ids;
    for (const Json& item : items) {
      EXPECT_TRUE(ids.insert(IdOf(item)).second) << "id " << IdOf(item) << " seen twice";
    }
    if (sort == "name" || sort == "-name") {
      ExpectSortedByString(items, "name", sort[0] == '-');
    } else if (sort == "country" || sort == "city") {
      ExpectSortedByString(items, sort, false);
    }
  }
}

// Issue 8: pages follow each other by the last row's sort values (keyset), so rows added and
// removed between two pages neither repeat a row nor skip one, in every order of the partner list.
TEST(Pagination, PartnersAddedAndRemovedBetweenPagesNeitherRepeatNorSkipOthers) {
  const std::string partnerships = "/api/v1/partnerships";
  for (const std::string sort : {"name", "-name", "country", "-country", "tier", "-tier",
                                 "active_agreements", "-active_agreements"}) {
    SCOPED_TRACE("sort=" + sort);
    const std::string path = Query(partnerships, {{"sort", sort}, {"country", "NL"}});
    // Enough partners in one country for several pages of 4.
    const auto make_partner = [&](const std::string& tier, Json* partnership) {
      Json institution;
      ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("NL"), &institution));
      ASSERT_NO_FATAL_FAILURE(CreateOk(
          partnerships, Json{{"institution_id", IdOf(institution)}, {"tier", tier}}, partnership));
    };
    std::vector<Json> made;
    for (int i = 0; i < 9; ++i) {
      Json partnership;
      ASSERT_NO_FATAL_FAILURE(make_partner(i % 3 == 0 ? "strategic" : "standard", &partnership));
      made.push_back(partnership);
    }
    std::vector<Json> before;
    ASSERT_NO_FATAL_FAILURE(ListAll(path, 200, &before));
    std::set<long long> removed;
    std::map<long long, int> seen;
    std::optional<std::string> cursor;
    int pages = 0;
    do {
      const Response response =
          Api().Get(path + "&limit=4" + (cursor ? "&cursor=" + UrlEncode(*cursor) : ""));
      ASSERT_TRUE(IsJson(response, 200)) << response;
      for (const Json& item : response.json["items"]) {
        ++seen[IdOf(item)];
      }
      cursor = response.json["next_cursor"].is_string()
                   ? std::optional(response.json["next_cursor"].get<std::string>())
                   : std::nullopt;
      if (cursor && !made.empty()) {
        // Remove one partnership not read yet (if it is still to come) and add one.
        const Json victim = made.back();
        made.pop_back();
        if (!seen.contains(IdOf(victim))) {
          const Response deleted = Api().Delete(
              "/api/v1/partnerships/" + std::to_string(IdOf(victim)), VersionOf(victim));
          ASSERT_EQ(deleted.status, 204) << deleted;
          removed.insert(IdOf(victim));
        }
        Json added;
        ASSERT_NO_FATAL_FAILURE(make_partner("standard", &added));
      }
    } while (cursor && ++pages < 200);
    for (const auto& [id, times] : seen) {
      EXPECT_EQ(times, 1) << "partnership " << id << " read " << times << " times";
    }
    for (const Json& item : before) {
      if (!removed.contains(IdOf(item))) {
        EXPECT_TRUE(seen.contains(IdOf(item))) << "partnership " << IdOf(item) << " was skipped";
      }
    }
  }
}

TEST(Pagination, ACursorOfAnotherOrderOrAForgedOneIsRefused) {
  const Response first = Api().Get(Query(kInstitutions, {{"sort", "name"}, {"limit", "2"}}));
  ASSERT_TRUE(IsJson(first, 200));
  ASSERT_TRUE(first.json["next_cursor"].is_string()) << first;
  const std::string cursor = first.json["next_cursor"].get<std::string>();
  const Response other =
      Api().Get(Query(kInstitutions, {{"sort", "-name"}, {"limit", "2"}, {"cursor", cursor}}));
  EXPECT_TRUE(IsError(other, 422, "validation_failed")) << other;
  for (const std::string& forged :
       std::vector<std::string>{"kAAAA", "k" + std::string(5000, 'A'), "k!!", "keyJzIjoxfQ"}) {
    const Response response = Api().Get(Query(kInstitutions, {{"cursor", forged}}));
    EXPECT_TRUE(response.status == 400 || response.status == 422) << forged << " -> " << response;
  }
}

TEST(Pagination, SortedPagesEqualOneBigPage) {
  std::vector<Json> small_pages;
  std::vector<Json> big_page;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"sort", "-name"}}), 5, &small_pages));
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"sort", "-name"}}), 200, &big_page));
  ASSERT_EQ(small_pages.size(), big_page.size());
  for (std::size_t i = 0; i < small_pages.size(); ++i) {
    EXPECT_EQ(IdOf(small_pages[i]), IdOf(big_page[i])) << "position " << i;
  }
}

TEST(Pagination, FiltersApplyAcrossPages) {
  std::vector<Json> items;
  long long total = -1;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kInstitutions, {{"country", "NL"}}), 3, &items, &total));
  EXPECT_GE(total, 12);
  EXPECT_EQ(static_cast<long long>(items.size()), total);
  for (const Json& item : items) {
    EXPECT_EQ(item["country"], "NL");
  }
}

TEST(Pagination, DefaultLimitIs50) {
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kInstitutions, &total));
  const Response response = Api().Get(kInstitutions);
  ASSERT_TRUE(IsJson(response, 200));
  EXPECT_EQ(static_cast<long long>(response.json["items"].size()), std::min<long long>(total, 50));
  EXPECT_EQ(response.json["total"], total);
  EXPECT_EQ(response.json["next_cursor"].is_null(), total <= 50) << response;
}

TEST(Pagination, LimitBoundsAre1To200) {
  const Response max = Api().Get(kInstitutions + "?limit=200");
  ASSERT_TRUE(IsJson(max, 200));
  EXPECT_LE(max.json["items"].size(), 200u);
  const Response one = Api().Get(kInstitutions + "?limit=1");
  ASSERT_TRUE(IsJson(one, 200));
  EXPECT_EQ(one.json["items"].size(), 1u);
  // Out of range: the contract says 1..200; a user expects a 422 naming the parameter.
  for (const char* limit : {"0", "201", "-5", "abc", "1e3"}) {
    EXPECT_TRUE(
        IsError(Api().Get(kInstitutions + "?limit=" + limit), 422, "validation_failed", "limit"))
        << "limit=" << limit;
  }
}

TEST(Pagination, GarbageCursorIsAClientError) {
  // Contract silent (cursor is opaque): 400 or 422, never 500 or a silent first page.
  for (const char* cursor : {"garbage", "%00%01", "9999999999999999999999"}) {
    const Response response = Api().Get(kInstitutions + "?cursor=" + cursor);
    EXPECT_TRUE(IsError(response, 400, "bad_request") ||
                IsError(response, 422, "validation_failed"))
        << "cursor=" << cursor << " -> " << response;
  }
}

TEST(Pagination, UnknownSortFieldIs422) {
  for (const char* sort : {"password", "-", "name;drop table institutions", "--name"}) {
    EXPECT_TRUE(IsError(Api().Get(Query(kInstitutions, {{"sort", sort}})), 422, "validation_failed",
                        "sort"))
        << "sort=" << sort;
  }
}

}  // namespace
}  // namespace weltcampus::api_test
