// Collation keys (core/collation.h) in a real database (SQLite, and PostgreSQL under the harness):
// both order them as people expect names ordered, page by page, and a sort by a name that differs
// per language ('{lang}' in a SortKey) follows the page's language.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/collation.h"
#include "core/error.h"
#include "store/list_query.h"
#include "store/temporary_database.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

const SortTable& CollationSorts() {
  static const SortTable table(
      "t.id", {{"name", "t.name_key $"}, {"country", "t.country_key_{lang} $, t.name_key $"}});
  return table;
}

class CollationKeysTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TemporaryDatabase>(GetParam());
    // {{bytewise}}: PostgreSQL's "C" collation, whatever the server's locale.
    db_->Exec(
        "CREATE TABLE ck_items (id {{serial_pk}}, name TEXT NOT NULL, country TEXT NOT NULL, "
        "name_key TEXT{{bytewise}} NOT NULL, country_key_en TEXT{{bytewise}} NOT NULL, "
        "country_key_de TEXT{{bytewise}} NOT NULL)");
    db_->database().Write([&](Connection& c) {
      for (const auto& [name, country] :
           std::vector<std::pair<std::string, std::string>>{{"Zürich", "CH"},
                                                            {"École Centrale", "FR"},
                                                            {"aachen", "DE"},
                                                            {"Berlin", "DE"},
                                                            {"Åbo Akademi", "FI"},
                                                            {"Graz", "AT"},
                                                            {"London", "GB"}}) {
        c.Insert(
            "INSERT INTO ck_items (name, country, name_key, country_key_en, country_key_de) "
            "VALUES (:name, :country, :key, :en, :de)",
            Params()
                .Set("name", name)
                .Set("country", country)
                .Set("key", CollationKey(name))
                .Set("en", CountryCollationKey(country, "en"))
                .Set("de", CountryCollationKey(country, "de")));
      }
    });
  }

  // A page of two names, in the sort and language asked for, after the cursor if one is given.
  Page<std::string> ReadPage(const std::string& sort, const std::string& language,
                             const std::string& cursor = "") {
    std::map<std::string, std::string> query{{"sort", sort}, {"limit", "2"}};
    if (!cursor.empty()) {
      query["cursor"] = cursor;
    }
    return ReadPage(CollationSorts().PageFrom(query, language));
  }
  Page<std::string> ReadPage(const PageRequest& page) {
    return db_->database().Read([&](Connection& c) {
      return ListPage(c, {"SELECT t.id, t.name FROM ck_items t", "FROM ck_items t"}, Filter(),
                      CollationSorts(), page, [](const Row& row) { return row.Text("name"); });
    });
  }

  // The names of the whole list, read two rows a page through the key cursors.
  std::vector<std::string> Walk(const std::string& sort, const std::string& language) {
    PageRequest page = CollationSorts().PageFrom({{"sort", sort}, {"limit", "2"}}, language);
    std::vector<std::string> names;
    for (int pages = 0; pages < 20; ++pages) {
      const auto result = ReadPage(page);
      names.insert(names.end(), result.items.begin(), result.items.end());
      if (!result.next_cursor) {
        break;
      }
      page = NextPageRequest(page, *result.next_cursor);
    }
    return names;
  }

  std::unique_ptr<TemporaryDatabase> db_;
};

TEST_P(CollationKeysTest, NamesSortWithoutRegardToCaseAndAccents) {
  using Names = std::vector<std::string>;
  const Names expected{"aachen", "Åbo Akademi", "Berlin", "École Centrale",
                       "Graz",   "London",      "Zürich"};
  EXPECT_EQ(Walk("name", "en"), expected);
  EXPECT_EQ(Walk("-name", "de"), Names(expected.rbegin(), expected.rend()));
}

TEST_P(CollationKeysTest, CountriesSortByTheirNameInThePagesLanguage) {
  using Names = std::vector<std::string>;
  // Austria, Finland, France, Germany (aachen, Berlin), Switzerland, United Kingdom
  EXPECT_EQ(Walk("country", "en"), (Names{"Graz", "Åbo Akademi", "École Centrale", "aachen",
                                          "Berlin", "Zürich", "London"}));
  // Deutschland, Finnland, Frankreich, Österreich, Schweiz, Vereinigtes Königreich
  EXPECT_EQ(Walk("country", "de"), (Names{"aachen", "Berlin", "Åbo Akademi", "École Centrale",
                                          "Graz", "Zürich", "London"}));
  // An unknown language is the default's.
  EXPECT_EQ(Walk("country", "fr"), Walk("country", "en"));
}

TEST_P(CollationKeysTest, ACursorOfAnotherLanguageIsRefusedWhereTheOrderDependsOnIt) {
  const auto german = ReadPage("country", "de");
  ASSERT_TRUE(german.next_cursor);
  try {
    ReadPage("country", "en", *german.next_cursor);
    ADD_FAILURE() << "a cursor of the German country order was taken for the English one";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.field(), "cursor");
  }
  EXPECT_EQ(ReadPage("country", "de", *german.next_cursor).items.size(), 2u);
  // The name's order is the same in every language: its cursors serve both.
  const auto by_name = ReadPage("name", "de");
  ASSERT_TRUE(by_name.next_cursor);
  EXPECT_EQ(ReadPage("name", "en", *by_name.next_cursor).items,
            (std::vector<std::string>{"Berlin", "École Centrale"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, CollationKeysTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::store
