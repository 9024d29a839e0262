// The store's building blocks on a real database (SQLite, and PostgreSQL under the harness).
#include <gtest/gtest.h>

#include <map>

#include "core/error.h"
#include "store/child_rows.h"
#include "store/filter.h"
#include "store/list_query.h"
#include "store/locks.h"
#include "store/references.h"
#include "store/settings.h"
#include "store/temporary_database.h"
#include "store/versioned.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

constexpr const char* kSchema = R"sql(
CREATE TABLE kit_parents (
  id {{serial_pk}},
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE kit_children (
  id {{serial_pk}},
  parent_id BIGINT NOT NULL REFERENCES kit_parents (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL
);
CREATE TABLE kit_users_of_children (
  id {{serial_pk}},
  child_id BIGINT NOT NULL REFERENCES kit_children (id)
);
)sql";

struct Child {
  int64_t id = 0;
  std::string label;
};

struct Parent {
  int64_t id = 0;
  std::string name;
  int64_t version = 1;
};

std::optional<Parent> FindParent(Connection& c, int64_t id) {
  auto row = c.QueryOne("SELECT id, name, version FROM kit_parents WHERE id = :id",
                        Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  return Parent{row->Int("id"), row->Text("name"), row->Int("version")};
}

class StoreKitTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TemporaryDatabase>(GetParam());
    db_->Exec(kSchema);
    db_->database().Write([](Connection& c) {
      for (const auto& [name, country] : std::vector<std::pair<std::string, std::string>>{
               {"Alpha", "DE"}, {"Beta", "PL"}, {"Gamma", "DE"}, {"Delta 50%", "GB"}, {"Epsilon", "DE"}}) {
        c.Exec("INSERT INTO kit_parents (name, country) VALUES (:name, :country)",
               Params().Set("name", name).Set("country", country));
      }
    });
  }

  Database& database() { return db_->database(); }

  std::vector<std::string> Labels(int64_t parent_id) {
    std::vector<std::string> labels;
    database().Read([&](Connection& c) {
      for (const auto& row : c.Query("SELECT label FROM kit_children WHERE parent_id = :p ORDER BY position",
                                     Params().Set("p", parent_id))) {
        labels.push_back(row.Text("label"));
      }
    });
    return labels;
  }

  void Sync(int64_t parent_id, std::vector<Child>& children) {
    database().Write([&](Connection& c) {
      SyncChildren(
          c, ChildTable{"kit_children", "parent_id", "Child", "children"}, parent_id, children,
          [&](Child& child, int64_t position) {
            c.Exec("UPDATE kit_children SET label = :label, position = :position WHERE id = :id",
                   Params().Set("label", child.label).Set("position", position).Set("id", child.id));
          },
          [&](Child& child, int64_t position) {
            child.id = c.Insert(
                "INSERT INTO kit_children (parent_id, position, label) VALUES (:p, :position, :label)",
                Params().Set("p", parent_id).Set("position", position).Set("label", child.label));
          });
    });
  }

  std::unique_ptr<TemporaryDatabase> db_;
};

const SortTable& Sorts() {
  static const SortTable table("kit_parents.id", {{"name", "name $"}, {"country", "country $, name $"}});
  return table;
}

TEST_P(StoreKitTest, FilterBindsOnlyTheGivenValues) {
  Filter filter;
  filter.Equal("kit_parents.country", std::optional<std::string>("DE"))
      .Equal("name", std::optional<std::string>())
      .Contains("lower(name) LIKE :q ESCAPE '\\'", "q", std::optional<std::string>("LPH"));
  EXPECT_EQ(filter.Where(), " WHERE kit_parents.country = :country AND lower(name) LIKE :q ESCAPE '\\'");
  const auto n = database().Read([&](Connection& c) {
    return c.Count("SELECT COUNT(*) AS n FROM kit_parents" + filter.Where(), filter.params());
  });
  EXPECT_EQ(n, 1);
  EXPECT_EQ(Filter().Where(), "");
}

// An indexed search on SQLite (FTS5 phrase) can be written as its LIKE instead, the rest of the
// filter and its values unchanged; on PostgreSQL, and for short texts, it is the LIKE already.
TEST_P(StoreKitTest, AnIndexedSearchHasItsLikeAsAlternative) {
  Filter filter;
  filter.Equal("kit_parents.country", std::optional<std::string>("DE"))
      .IndexedContains(GetParam(), "search LIKE :q ESCAPE '\\'", "id IN (fts MATCH :q)", "q",
                       std::optional<std::string>("Universität"))
      .Equal("kind", std::optional<std::string>("x"));
  const auto scan = filter.ScanAlternative();
  if (GetParam() == Backend::kPostgres) {
    EXPECT_EQ(
        filter.Where(),
        " WHERE kit_parents.country = :country AND search LIKE :q ESCAPE '\\' AND kind = :kind");
    EXPECT_FALSE(scan.has_value());
    return;
  }
  EXPECT_EQ(filter.Where(),
            " WHERE kit_parents.country = :country AND id IN (fts MATCH :q) AND kind = :kind");
  ASSERT_TRUE(scan.has_value());
  EXPECT_EQ(
      scan->Where(),
      " WHERE kit_parents.country = :country AND search LIKE :q ESCAPE '\\' AND kind = :kind");
  std::map<std::string, StoredValue> values;
  for (const auto& entry : scan->params().entries()) {
    values[entry.name] = entry.value;
  }
  EXPECT_EQ(values.at("q"), StoredValue(std::string("%universitat%")));
  EXPECT_EQ(values.at("country"), StoredValue(std::string("DE")));
  EXPECT_EQ(values.at("kind"), StoredValue(std::string("x")));
  Filter short_search;
  short_search.IndexedContains(GetParam(), "search LIKE :q", "fts :q", "q",
                               std::optional<std::string>("ü"));
  EXPECT_EQ(short_search.Where(), " WHERE search LIKE :q");
  EXPECT_FALSE(short_search.ScanAlternative().has_value());
}

TEST_P(StoreKitTest, SearchEscapesWildcards) {
  Filter filter;
  filter.Contains("lower(name) LIKE :q ESCAPE '\\'", "q", std::optional<std::string>("50%"));
  const auto n = database().Read([&](Connection& c) {
    return c.Count("SELECT COUNT(*) AS n FROM kit_parents" + filter.Where(), filter.params());
  });
  EXPECT_EQ(n, 1);
}

TEST_P(StoreKitTest, ListPageSortsPagesAndCounts) {
  std::map<std::string, std::string> query = {{"sort", "-country"}, {"limit", "2"}};
  auto page = Sorts().PageFrom(query);
  const auto first = database().Read([&](Connection& c) {
    return ListPage(c, {"SELECT id, name FROM kit_parents", "FROM kit_parents"}, Filter(), Sorts(), page,
                    [](const Row& row) { return row.Text("name"); });
  });
  EXPECT_EQ(first.total, 5);
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0], "Beta");       // PL
  EXPECT_EQ(first.items[1], "Delta 50%");  // GB
  page.offset = 4;
  const auto last = database().Read([&](Connection& c) {
    return ListPage(c, {"SELECT id, name FROM kit_parents", "FROM kit_parents"}, Filter(), Sorts(), page,
                    [](const Row& row) { return row.Text("name"); });
  });
  ASSERT_EQ(last.items.size(), 1u);
  EXPECT_EQ(last.items[0], "Alpha");
}

TEST_P(StoreKitTest, SortTableRefusesUnknownNamesAndListsItsValues) {
  try {
    Sorts().PageFrom({{"sort", "password"}});
    FAIL() << "an unknown sort was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.field(), "sort");
    EXPECT_EQ(error.code(), ErrorCode::kValidationFailed);
  }
  EXPECT_EQ(Sorts().ApiValues(), (std::vector<std::string>{"name", "-name", "country", "-country"}));
  EXPECT_EQ(Sorts().OrderBy(Sorts().PageFrom({{"sort", "-country"}})),
            " ORDER BY country DESC, name DESC, kit_parents.id DESC");
}

TEST_P(StoreKitTest, ASortTableCanListNewestFirstUnlessTheRequestSortsItself) {
  const SortTable newest("kit_parents.id", {{"created", "kit_parents.id $"}},
                         DefaultOrder::kDescending);
  EXPECT_EQ(newest.OrderBy(newest.PageFrom({})),
            " ORDER BY kit_parents.id DESC, kit_parents.id DESC");
  EXPECT_EQ(newest.OrderBy(newest.PageFrom({{"sort", "created"}})),
            " ORDER BY kit_parents.id ASC, kit_parents.id ASC");
  EXPECT_EQ(newest.OrderBy(newest.PageFrom({{"sort", "-created"}})),
            " ORDER BY kit_parents.id DESC, kit_parents.id DESC");
  EXPECT_EQ(Sorts().OrderBy(Sorts().PageFrom({})), " ORDER BY name ASC, kit_parents.id ASC");
}

TEST_P(StoreKitTest, VersionedUpdateAndDeleteRefuseStaleVersions) {
  const int64_t version = database().Write([](Connection& c) {
    return VersionedUpdate(c, "kit_parents", "Parent", 1, 1, "name = :name", Params().Set("name", "A2"));
  });
  EXPECT_EQ(version, 2);
  try {
    database().Write([](Connection& c) {
      VersionedUpdate(c, "kit_parents", "Parent", 1, 1, "name = :name", Params().Set("name", "A3"));
    });
    FAIL() << "a stale version was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPreconditionFailed);
    EXPECT_EQ(error.details()["current_version"], 2);
  }
  EXPECT_THROW(database().Write([](Connection& c) { VersionedDelete(c, "kit_parents", "Parent", 1, 1); }),
               ApiError);
  database().Write([](Connection& c) { VersionedDelete(c, "kit_parents", "Parent", 1, 2); });
  try {
    database().Write([](Connection& c) { VersionedDelete(c, "kit_parents", "Parent", 1, 2); });
    FAIL() << "a missing record was deleted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
}

TEST_P(StoreKitTest, LoadForChangeAnswers404Then412) {
  database().Read([](Connection& c) {
    EXPECT_EQ(LoadForChange(FindParent(c, 2), 1, "Parent").name, "Beta");
    try {
      LoadForChange(FindParent(c, 2), 7, "Parent");
      FAIL();
    } catch (const ApiError& error) {
      EXPECT_EQ(error.code(), ErrorCode::kPreconditionFailed);
    }
    try {
      LoadForChange(FindParent(c, 99), 1, "Parent");
      FAIL();
    } catch (const ApiError& error) {
      EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    }
  });
}

TEST_P(StoreKitTest, ChildrenKeepTheirIdsAcrossEdits) {
  std::vector<Child> children = {{0, "one"}, {0, "two"}, {0, "three"}};
  Sync(1, children);
  const int64_t two = children[1].id;
  const int64_t three = children[2].id;
  ASSERT_GT(two, 0);
  // Keep "three" (changed, moved first), keep "two", drop "one", add "four".
  std::vector<Child> edited = {{three, "three!"}, {two, "two"}, {0, "four"}};
  Sync(1, edited);
  EXPECT_EQ(edited[0].id, three);
  EXPECT_EQ(edited[1].id, two);
  EXPECT_GT(edited[2].id, three);
  EXPECT_EQ(Labels(1), (std::vector<std::string>{"three!", "two", "four"}));
}

TEST_P(StoreKitTest, ChildOfAnotherParentIsRefusedAndNothingIsWritten) {
  std::vector<Child> of_two = {{0, "theirs"}};
  Sync(2, of_two);
  std::vector<Child> mine = {{0, "mine"}};
  Sync(1, mine);
  std::vector<Child> stolen = {{of_two[0].id, "stolen"}};
  try {
    Sync(1, stolen);
    FAIL() << "a child of another parent was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(error.field(), "children[0].id");
  }
  EXPECT_EQ(Labels(1), (std::vector<std::string>{"mine"}));
  EXPECT_EQ(Labels(2), (std::vector<std::string>{"theirs"}));
}

TEST_P(StoreKitTest, ReferencedChildIsNotRemovedAndItsUsersAreNamed) {
  std::vector<Child> children = {{0, "used"}, {0, "free"}};
  Sync(3, children);
  DeclareReference({"kit_children", "kit_users_of_children", "child_id", "user-of-child"});
  database().Write([&](Connection& c) {
    c.Exec("INSERT INTO kit_users_of_children (child_id) VALUES (:id)", Params().Set("id", children[0].id));
  });
  std::vector<Child> without_used = {{children[1].id, "free"}};
  try {
    Sync(3, without_used);
    FAIL() << "a referenced child was removed";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kConflict);
    EXPECT_EQ(error.field(), "children");
    ASSERT_EQ(error.details()["referenced_by"].size(), 1u);
    EXPECT_EQ(error.details()["referenced_by"][0], "user-of-child 1");
  }
  EXPECT_EQ(Labels(3), (std::vector<std::string>{"used", "free"}));
}

TEST_P(StoreKitTest, ForeignKeyViolationIsAConflict) {
  try {
    database().Write([](Connection& c) {
      c.Exec("INSERT INTO kit_children (parent_id, position, label) VALUES (999, 0, 'orphan')");
    });
    FAIL() << "an orphan was written";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kConflict);
  }
}

TEST_P(StoreKitTest, SettingsAreKeptAndReplaced) {
  db_->Exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)");
  database().Write([](Connection& c) {
    EXPECT_FALSE(GetSetting(c, "home.school_name"));
    SetSetting(c, "home.school_name", "Medizinische Fakultät");
    SetSetting(c, "home.school_name", "School of Medicine");
  });
  database().Read([](Connection& c) { EXPECT_EQ(GetSetting(c, "home.school_name"), "School of Medicine"); });
}

TEST_P(StoreKitTest, AdvisoryLockIsHeldForTheTransaction) {
  // On PostgreSQL the lock is real; on SQLite a no-op. Either way the transaction completes.
  database().Write([](Connection& c) { LockForThisTransaction(c, LockKey::kJobs); });
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreKitTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::store
