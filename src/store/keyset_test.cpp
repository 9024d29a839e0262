// Keyset paging through store::ListPage on a real database (SQLite, and PostgreSQL under the
// harness): every sort, both directions, keys with NULLs and ties, rows added and removed between
// pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "store/list_query.h"
#include "store/temporary_database.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

struct KeysetItem {
  int64_t id;
  std::string name;
};

const SortTable& KeysetSorts() {
  // A nullable key (city), a key with many ties (kind), an expression, a fixed direction.
  static const SortTable table("t.id",
                               {{"name", "t.name $"},
                                {"city", "t.city $, t.name $"},
                                {"kind", "CASE t.kind WHEN 'b' THEN 0 ELSE 1 END $, t.name ASC"},
                                {"size", "t.size $"}});
  return table;
}

class KeysetTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TemporaryDatabase>(GetParam());
    db_->Exec(
        "CREATE TABLE ks_items (id {{serial_pk}}, name TEXT NOT NULL, city TEXT, kind TEXT NOT "
        "NULL, size BIGINT NOT NULL)");
    for (int i = 0; i < 40; ++i) {
      Add("item " + std::to_string(i % 13),
          i % 4 == 0 ? std::nullopt : std::optional("c" + std::to_string(i % 5)),
          i % 3 == 0 ? "b" : "a", i % 6);
    }
  }

  int64_t Add(const std::string& name, std::optional<std::string> city, const std::string& kind,
              int64_t size) {
    return db_->database().Write([&](Connection& c) {
      return c.Insert(
          "INSERT INTO ks_items (name, city, kind, size) VALUES (:name, :city, :kind, :size)",
          Params().Set("name", name).Set("city", city).Set("kind", kind).Set("size", size));
    });
  }

  Page<KeysetItem> Read(const PageRequest& page) {
    return db_->database().Read([&](Connection& c) {
      return ListPage(c, {"SELECT t.id, t.name FROM ks_items t", "FROM ks_items t"}, Filter(),
                      KeysetSorts(), page, [](const Row& row) {
                        return KeysetItem{row.Int("id"), row.Text("name")};
                      });
    });
  }

  // The whole list in one query, in the list's order.
  std::vector<int64_t> AllInOrder(const PageRequest& page) {
    PageRequest all = page;
    all.limit = 1000;
    all.after.reset();
    std::vector<int64_t> ids;
    for (const auto& item : Read(all).items) {
      ids.push_back(item.id);
    }
    return ids;
  }

  // Walks the list page by page; between pages `between(page_number)` may change rows.
  template <typename Between>
  std::vector<int64_t> Walk(PageRequest page, Between between) {
    std::vector<int64_t> ids;
    for (int n = 0; n < 100; ++n) {
      const auto result = Read(page);
      for (const auto& item : result.items) {
        ids.push_back(item.id);
      }
      if (!result.next_cursor) {
        return ids;
      }
      between(n);
      const std::string sort = (page.descending ? "-" : "") + page.sort;
      page.after =
          PageRequest::FromQuery({{"cursor", *result.next_cursor}, {"sort", sort}},
                                 std::vector<std::string_view>{"name", "city", "kind", "size"})
              .after;
      EXPECT_TRUE(page.after.has_value()) << *result.next_cursor;
    }
    ADD_FAILURE() << "the walk did not end";
    return ids;
  }

  std::unique_ptr<TemporaryDatabase> db_;
};

std::vector<PageRequest> EveryOrder() {
  std::vector<PageRequest> pages;
  for (const char* sort : {"name", "city", "kind", "size"}) {
    for (bool descending : {false, true}) {
      PageRequest page;
      page.sort = sort;
      page.descending = descending;
      page.limit = 7;
      pages.push_back(page);
    }
  }
  return pages;
}

TEST_P(KeysetTest, EveryOrderWalksEveryRowOnceInTheOrderOfOneQuery) {
  for (const auto& page : EveryOrder()) {
    SCOPED_TRACE(std::string(page.descending ? "-" : "") + page.sort);
    EXPECT_EQ(Walk(page, [](int) {}), AllInOrder(page));
  }
}

TEST_P(KeysetTest, RowsAddedOrRemovedBetweenPagesNeitherRepeatNorSkipOthers) {
  for (const auto& page : EveryOrder()) {
    SCOPED_TRACE(std::string(page.descending ? "-" : "") + page.sort);
    const auto before = AllInOrder(page);
    std::set<int64_t> removed;
    std::set<int64_t> added;
    const auto walked = Walk(page, [&](int n) {
      // Remove a row not yet read (the last of the list), and add one that sorts anywhere.
      const auto now = AllInOrder(page);
      removed.insert(now.back());
      db_->database().Write([&](Connection& c) {
        c.Exec("DELETE FROM ks_items WHERE id = :id", Params().Set("id", now.back()));
      });
      added.insert(Add("item " + std::to_string(n * 7 % 13),
                       n % 2 ? std::nullopt : std::optional<std::string>("c9"), n % 2 ? "a" : "b",
                       n % 6));
    });
    std::map<int64_t, int> seen;
    for (int64_t id : walked) {
      ++seen[id];
    }
    for (const auto& [id, times] : seen) {
      EXPECT_EQ(times, 1) << "row " << id << " read " << times << " times";
    }
    for (int64_t id : before) {
      if (!removed.contains(id)) {
        EXPECT_TRUE(seen.contains(id)) << "row " << id << " was skipped";
      }
    }
    // The walked rows are in the list's order as it is now.
    const auto after = AllInOrder(page);
    std::vector<int64_t> expected;
    for (int64_t id : after) {
      if (seen.contains(id)) {
        expected.push_back(id);
      }
    }
    std::vector<int64_t> walked_present;
    for (int64_t id : walked) {
      if (std::find(after.begin(), after.end(), id) != after.end()) {
        walked_present.push_back(id);
      }
    }
    EXPECT_EQ(walked_present, expected);
  }
}

TEST_P(KeysetTest, ACursorOfAnotherOrderIsRefused) {
  PageRequest page;
  page.sort = "name";
  page.limit = 5;
  const auto first = Read(page);
  ASSERT_TRUE(first.next_cursor);
  const std::vector<std::string_view> sorts{"name", "city", "kind", "size"};
  PageRequest other =
      PageRequest::FromQuery({{"cursor", *first.next_cursor}, {"sort", "-name"}}, sorts);
  try {
    Read(other);
    ADD_FAILURE() << "a cursor of ?sort=name was taken for ?sort=-name";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.field(), "cursor");
  }
  // A numeric cursor (rows to skip) still reads.
  PageRequest skip = PageRequest::FromQuery({{"cursor", "5"}, {"sort", "name"}}, sorts);
  const auto second = Read(skip);
  PageRequest keyed =
      PageRequest::FromQuery({{"cursor", *first.next_cursor}, {"sort", "name"}}, sorts);
  const auto same = Read(keyed);
  ASSERT_EQ(second.items.size(), same.items.size());
  for (std::size_t i = 0; i < same.items.size(); ++i) {
    EXPECT_EQ(second.items[i].id, same.items[i].id);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, KeysetTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::store
