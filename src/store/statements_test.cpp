// Statements prepared once per connection and kept, on a real database (SQLite, and PostgreSQL
// under the harness).
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/filter.h"
#include "store/temporary_database.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

class StatementsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TemporaryDatabase>(GetParam());
    db_->Exec(
        "CREATE TABLE st_items (id {{serial_pk}}, code TEXT NOT NULL UNIQUE, amount BIGINT, "
        "share DOUBLE PRECISION, note TEXT)");
  }
  Database& database() { return db_->database(); }

  static constexpr const char* kInsert =
      "INSERT INTO st_items (code, amount, share, note) VALUES (:code, :amount, :share, :note)";
  std::unique_ptr<TemporaryDatabase> db_;
};

TEST_P(StatementsTest, TheSameTextIsPreparedOnceAndRunsWithNewValuesEachTime) {
  database().Write([](Connection& c) {
    c.Exec(kInsert, Params().Set("code", "a").Set("amount", 1).Set("share", 0.5).SetNull("note"));
    const auto kept = c.prepared_statements();
    for (int i = 0; i < 20; ++i) {
      c.Exec(kInsert, Params()
                          .Set("code", "b" + std::to_string(i))
                          .Set("amount", int64_t{1} << (20 + i))
                          .Set("share", 0.1 * i)
                          .Set("note", "n" + std::to_string(i)));
    }
    EXPECT_EQ(c.prepared_statements(), kept);
  });
  database().Read([](Connection& c) {
    const auto rows =
        c.Query("SELECT code, amount, share, note FROM st_items WHERE amount >= :min ORDER BY id",
                Params().Set("min", int64_t{1} << 38));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].Text("code"), "b18");
    EXPECT_EQ(rows[0].Int("amount"), int64_t{1} << 38);
    EXPECT_DOUBLE_EQ(rows[1].Real("share"), 0.1 * 19);
    EXPECT_EQ(rows[1].Text("note"), "n19");
    const auto first =
        c.QueryOne("SELECT note FROM st_items WHERE code = :code", Params().Set("code", "a"));
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->IsNull("note"));
  });
}

TEST_P(StatementsTest, ValuesRoundTripAndColonsInTextOrCastsAreNoParameters) {
  database().Read([](Connection& c) {
    // One parameter used twice, a colon inside quoted text, and (PostgreSQL) a cast.
    const std::string cast = c.backend() == Backend::kPostgres ? "CAST(:v AS TEXT)" : ":v";
    const auto row = c.QueryOne(
        "SELECT " + cast + " || ' 12:30 ' || " + cast + " AS joined, ':not_a_parameter' AS literal",
        Params().Set("v", "Universität's \"x\""));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->Text("joined"), "Universität's \"x\" 12:30 Universität's \"x\"");
    EXPECT_EQ(row->Text("literal"), ":not_a_parameter");
    if (c.backend() == Backend::kPostgres) {
      EXPECT_EQ(c.QueryOne("SELECT '7'::int + :n AS n", Params().Set("n", 5))->Int("n"), 12);
    }
  });
}

TEST_P(StatementsTest, KeepsAtMostItsCapacityAndPreparesAnEvictedTextAgain) {
  database().Read([](Connection& c) {
    for (int i = 0; i < 300; ++i) {
      const auto row = c.QueryOne("SELECT " + std::to_string(i) + " AS n");
      ASSERT_TRUE(row);
      EXPECT_EQ(row->Int("n"), i);
    }
    EXPECT_LE(c.prepared_statements(), 256u);
    EXPECT_GE(c.prepared_statements(), 200u);
    EXPECT_EQ(c.QueryOne("SELECT 0 AS n")->Int("n"), 0);  // evicted long ago
  });
}

TEST_P(StatementsTest, EveryParameterMustBeGivenAndNoneBeyondThem) {
  database().Read([](Connection& c) {
    EXPECT_THROW(c.Query("SELECT :a AS a, :b AS b", Params().Set("a", 1)), std::logic_error);
    EXPECT_THROW(c.Query("SELECT :a AS a", Params().Set("a", 1).Set("c", 2)), std::logic_error);
    EXPECT_THROW(c.Query("SELECT :a AS a", Params().Set("a", 1).Set("a", 2)), std::logic_error);
    // The statement is still usable afterwards.
    EXPECT_EQ(c.QueryOne("SELECT :a AS a, :b AS b", Params().Set("a", 1).Set("b", 2))->Int("b"), 2);
  });
}

TEST_P(StatementsTest, AFailedStatementLeavesTheConnectionAndItsStatementsUsable) {
  database().Write([](Connection& c) {
    c.Exec(kInsert,
           Params().Set("code", "x").Set("amount", 1).Set("share", 1.0).Set("note", "first"));
  });
  // A duplicate code: the unique index refuses it, a conflict (409) for the client.
  try {
    database().Write([](Connection& c) {
      c.Exec(kInsert,
             Params().Set("code", "x").Set("amount", 2).Set("share", 1.0).Set("note", "second"));
    });
    ADD_FAILURE() << "the duplicate was written";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kConflict);
  }
  // A transaction given up by the caller leaves nothing behind and no statement half-run.
  EXPECT_THROW(database().Write([](Connection& c) {
    c.Exec(kInsert,
           Params().Set("code", "y").Set("amount", 3).Set("share", 1.0).Set("note", "third"));
    c.Query("SELECT id FROM st_items");
    throw std::runtime_error("given up");
  }),
               std::runtime_error);
  database().Write([](Connection& c) {
    c.Exec(kInsert,
           Params().Set("code", "z").Set("amount", 4).Set("share", 1.0).Set("note", "fourth"));
  });
  database().Read([](Connection& c) {
    std::vector<std::string> codes;
    for (const auto& row : c.Query("SELECT code FROM st_items ORDER BY code")) {
      codes.push_back(row.Text("code"));
    }
    EXPECT_EQ(codes, (std::vector<std::string>{"x", "z"}));
  });
}

// A search's plan depends on its text; on PostgreSQL it runs as an unnamed statement, planned with
// its values each time, while other statements are prepared on the server and kept.
TEST_P(StatementsTest, AStatementPlannedForItsValuesIsNotPreparedOnTheServer) {
  database().Write([](Connection& c) {
    for (const char* code : {"alpha", "beta", "alphabet"}) {
      c.Exec(kInsert,
             Params().Set("code", code).Set("amount", 1).Set("share", 0.5).SetNull("note"));
    }
  });
  const std::string search = "SELECT code FROM st_items WHERE code LIKE :q ORDER BY code";
  const std::string by_code = "SELECT code FROM st_items WHERE code = :code";
  database().Read([&](Connection& c) {
    for (const char* pattern : {"alpha%", "%bet%", "alpha%"}) {
      std::vector<std::string> codes;
      for (const auto& row : c.Query(search, Params().Set("q", pattern).PlanForValues())) {
        codes.push_back(row.Text("code"));
      }
      EXPECT_EQ(codes, std::string(pattern) == "%bet%"
                           ? std::vector<std::string>({"alphabet", "beta"})
                           : std::vector<std::string>({"alpha", "alphabet"}));
    }
    EXPECT_EQ(c.Query(by_code, Params().Set("code", "beta")).size(), 1u);
    if (c.backend() != Backend::kPostgres) {
      return;
    }
    const auto on_server = [&](const std::string& sql) {
      return c.Count("SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE statement = :sql",
                     Params().Set("sql", sql));
    };
    EXPECT_EQ(on_server("SELECT code FROM st_items WHERE code LIKE $1 ORDER BY code"), 0);
    EXPECT_EQ(on_server("SELECT code FROM st_items WHERE code = $1"), 1);
  });
  Filter filter;
  filter.Equal("kind", std::optional<std::string>("x"));
  EXPECT_FALSE(filter.params().plans_for_values());
  filter.Contains("code LIKE :q", "q", std::optional<std::string>("alp"));
  EXPECT_TRUE(filter.params().plans_for_values());
  EXPECT_TRUE(Params().Append(filter.params()).plans_for_values());
}

TEST_P(StatementsTest, InsertRowsAddsManyRowsWithFewStatementsAndAnswersTheirIds) {
  database().Write([](Connection& c) {
    EXPECT_TRUE(c.InsertRows("st_items", {}).empty());
    std::vector<Params> rows;
    for (int i = 0; i < 120; ++i) {  // three statements: 50, 50 and 20 rows
      rows.push_back(Params()
                         .Set("code", "r" + std::to_string(i))
                         .Set("amount", i)
                         .Set("share", i % 2 ? std::optional<double>(0.25) : std::nullopt)
                         .Set("note", "it's :amount"));
    }
    const auto kept = c.prepared_statements();
    const auto answered = c.InsertRows("st_items", rows, "id, amount");
    EXPECT_EQ(c.prepared_statements(), kept + 2);
    ASSERT_EQ(answered.size(), 120u);
    for (const auto& row : answered) {
      const auto stored =
          c.QueryOne("SELECT code, amount, share, note FROM st_items WHERE id = :id",
                     Params().Set("id", row.Int("id")));
      ASSERT_TRUE(stored);
      EXPECT_EQ(stored->Int("amount"), row.Int("amount"));
      EXPECT_EQ(stored->Text("code"), "r" + std::to_string(row.Int("amount")));
      EXPECT_EQ(stored->IsNull("share"), row.Int("amount") % 2 == 0);
      EXPECT_EQ(stored->Text("note"), "it's :amount");
    }
    EXPECT_THROW(c.InsertRows("st_items", {Params().Set("code", "x").Set("amount", 1),
                                           Params().Set("amount", 2).Set("code", "y")}),
                 std::logic_error);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, StatementsTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::store
