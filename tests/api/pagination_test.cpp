// Lists: limit, cursors, totals and sorting.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// Collation is not in the contract: accept byte order or case-insensitive order.
std::string Folded(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

template <typename Key>
bool SortedBy(const std::vector<Json>& items, Key key, bool descending) {
  for (std::size_t i = 1; i < items.size(); ++i) {
    const auto a = key(items[i - 1]);
    const auto b = key(items[i]);
    if (descending ? a < b : b < a) {
      return false;
    }
  }
  return true;
}

// Where nulls go is not in the contract either (SQLite: first, PostgreSQL: last): only the
// records with a value are checked.
void ExpectSortedByString(const std::vector<Json>& items, const std::string& field,
                          bool descending) {
  std::vector<Json> with_value;
  for (const Json& item : items) {
    if (item.contains(field) && item[field].is_string()) {
      with_value.push_back(item);
    }
  }
  const auto raw = [&](const Json& j) { return Str(j, field); };
  const auto folded = [&](const Json& j) { return Folded(Str(j, field)); };
  EXPECT_TRUE(SortedBy(with_value, raw, descending) || SortedBy(with_value, folded, descending))
      << "not sorted by " << (descending ? "-" : "") << field;
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
