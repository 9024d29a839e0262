// The record kit on a real database (SQLite, and PostgreSQL under the harness): a record type's
// SQL from its field definition, its list filters, and the write sequence of its service.
#include "kit/records.h"

#include <gtest/gtest.h>

#include <memory>

#include "audit/audit.h"
#include "store/references.h"
#include "store/temporary_database.h"

namespace weltcampus::kit {
namespace {

using store::Backend;
using store::Connection;

enum class Level { kBachelor, kMaster };
constexpr EnumTable<Level, 2> kLevelTable("course_level", {{{Level::kBachelor, "bachelor"},
                                                            {Level::kMaster, "master"}}});

// One field of every kind a column can hold.
struct Course {
  int64_t id = 0;
  std::string title;
  Level level = Level::kBachelor;
  std::optional<Level> next_level;
  std::optional<int64_t> credits;
  std::optional<double> hours;
  bool english = false;
  std::optional<std::string> starts;
  std::optional<std::string> code;
  int year = 2027;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

const RecordSchema<Course>& CourseSchema() {
  static const auto schema = RecordSchema<Course>("Course")
                                 .Key(&Course::id, &Course::version)
                                 .Text("title", &Course::title, 100)
                                 .Enum("level", &Course::level, kLevelTable)
                                 .Enum("next_level", &Course::next_level, kLevelTable)
                                 .Int("credits", &Course::credits, 0, 60)
                                 .Number("hours", &Course::hours, 0, 1000)
                                 .Bool("english", &Course::english, false)
                                 .Date("starts", &Course::starts)
                                 .Text("code", &Course::code, 20)
                                 .Column("course_code")
                                 .AcademicYearField("year", &Course::year)
                                 .Timestamps(&Course::created_at, &Course::updated_at);
  return schema;
}

nlohmann::json ToJson(const Course& course) { return CourseSchema().Write(course); }

const store::RecordTable<Course>& CourseTable() {
  static const store::RecordTable<Course> table("kit_courses", "Course", CourseSchema());
  return table;
}

constexpr const char* kTables = R"sql(
CREATE TABLE kit_courses (
  id {{serial_pk}},
  title TEXT NOT NULL,
  level TEXT NOT NULL,
  next_level TEXT,
  credits BIGINT,
  hours DOUBLE PRECISION,
  english INTEGER NOT NULL,
  starts TEXT,
  course_code TEXT UNIQUE,
  year INTEGER NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE kit_enrolments (
  id {{serial_pk}},
  course_id BIGINT NOT NULL REFERENCES kit_courses (id)
);
)sql";

Course MakeCourse(std::string title, Level level, std::optional<int64_t> credits) {
  Course course;
  course.title = std::move(title);
  course.level = level;
  course.credits = credits;
  return course;
}

TEST(RecordSchemaColumns, EditableFieldsAreWrittenServerSetOnesOnlyRead) {
  EXPECT_EQ(CourseSchema().Columns(ColumnUse::kEditable),
            (std::vector<std::string>{"title", "level", "next_level", "credits", "hours", "english",
                                      "starts", "course_code", "year"}));
  EXPECT_EQ(CourseSchema().Columns(ColumnUse::kServerSet),
            (std::vector<std::string>{"id", "version", "created_at", "updated_at"}));
  EXPECT_EQ(CourseTable().select(),
            "SELECT id, version, created_at, updated_at, title, level, next_level, credits, hours, "
            "english, starts, course_code, year FROM kit_courses");
}

class RecordKitTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::testing::TemporaryDatabase>(GetParam(), /*migrate=*/true);
    db_->Exec(kTables);
  }

  store::Database& database() { return db_->database(); }

  int64_t Count(const std::string& sql) {
    return database().Read([&](Connection& c) { return c.Count(sql); });
  }
  int64_t AuditEntries() {
    return Count("SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'course'");
  }

  RecordType<Course> Type(Rule<Course> check = nullptr, Rule<Course> check_removal = nullptr) {
    return {.table = CourseTable(),
            .entity = "course",
            .path = "/api/v1/courses",
            .export_name = "courses",
            .read = http::kAuthenticated,
            .write = http::kAuthenticated,
            .one = "a course",
            .many = "courses",
            .sorts = store::SortTable("id", {{"title", "title $"}, {"credits", "credits $"}}),
            .filters = {Search("q", {"title", "course_code"}, 100),
                        EnumFilter("level", "level", kLevelTable),
                        IntFilter("credits", "credits", 0, 60)},
            .export_columns = {},
            .check = std::move(check),
            .check_removal = std::move(check_removal)};
  }

  std::unique_ptr<store::testing::TemporaryDatabase> db_;
  const audit::Actor office_{7, "192.0.2.1", "req-1"};
};

TEST_P(RecordKitTest, EveryKindOfFieldIsWrittenAndReadBack) {
  Course course = MakeCourse("Anatomy", Level::kMaster, 6);
  course.next_level = Level::kBachelor;
  course.hours = 42.5;
  course.english = true;
  course.starts = "2027-10-01";
  course.code = "ANA-1";
  course.year = 2028;
  database().Write([&](Connection& c) { CourseTable().Insert(c, course); });
  ASSERT_GT(course.id, 0);
  EXPECT_EQ(course.version, 1);

  const auto read =
      database().Read([&](Connection& c) { return CourseTable().Find(c, course.id); });
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->title, "Anatomy");
  EXPECT_EQ(read->level, Level::kMaster);
  EXPECT_EQ(read->next_level, Level::kBachelor);
  EXPECT_EQ(read->credits, 6);
  EXPECT_EQ(read->hours, 42.5);
  EXPECT_TRUE(read->english);
  EXPECT_EQ(read->starts, "2027-10-01");
  EXPECT_EQ(read->code, "ANA-1");
  EXPECT_EQ(read->year, 2028);
  EXPECT_EQ(read->version, 1);
  EXPECT_FALSE(read->created_at.empty());

  Course empty = MakeCourse("Histology", Level::kBachelor, std::nullopt);
  database().Write([&](Connection& c) { CourseTable().Insert(c, empty); });
  const auto blank =
      database().Read([&](Connection& c) { return CourseTable().Find(c, empty.id); });
  ASSERT_TRUE(blank.has_value());
  EXPECT_FALSE(blank->next_level || blank->credits || blank->hours || blank->starts || blank->code);
  EXPECT_FALSE(blank->english);
  EXPECT_FALSE(database().Read([&](Connection& c) { return CourseTable().Find(c, 999); }));
}

TEST_P(RecordKitTest, ListFiltersSortAndCount) {
  database().Write([&](Connection& c) {
    for (auto course :
         {MakeCourse("Anatomy", Level::kBachelor, 10),
          MakeCourse("Biochemistry", Level::kBachelor, 8),
          MakeCourse("Cardiology", Level::kMaster, 6), MakeCourse("Dermatology", Level::kMaster, 6),
          MakeCourse("Anaesthesia 100%", Level::kMaster, 4)}) {
      CourseTable().Insert(c, course);
    }
  });
  Records<Course> records(database(), Type());
  const auto titles = [&](const Query& query) {
    const auto page = records.type().sorts.PageFrom(query);
    const auto result = records.List(FilterOf(records.type().filters, query), page);
    std::vector<std::string> out;
    for (const auto& course : result.items) {
      out.push_back(course.title);
    }
    out.push_back("total " + std::to_string(result.total));
    return out;
  };
  EXPECT_EQ(titles({}), (std::vector<std::string>{"Anaesthesia 100%", "Anatomy", "Biochemistry",
                                                  "Cardiology", "Dermatology", "total 5"}));
  EXPECT_EQ(titles({{"level", "master"}, {"sort", "-title"}}),
            (std::vector<std::string>{"Dermatology", "Cardiology", "Anaesthesia 100%", "total 3"}));
  EXPECT_EQ(titles({{"q", "ANA"}}),
            (std::vector<std::string>{"Anaesthesia 100%", "Anatomy", "total 2"}));
  EXPECT_EQ(titles({{"q", "100%"}}), (std::vector<std::string>{"Anaesthesia 100%", "total 1"}));
  EXPECT_EQ(titles({{"credits", "6"}, {"limit", "1"}}),
            (std::vector<std::string>{"Cardiology", "total 2"}));
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"level", "doctorate"}, {"credits", "61"}, {"credits", "six"}, {"sort", "hours"}}) {
    try {
      titles({{name, value}});
      ADD_FAILURE() << name << "=" << value << " was accepted";
    } catch (const ApiError& error) {
      EXPECT_EQ(HttpStatus(error.code()) / 100, 4) << name;
      EXPECT_EQ(error.field(), name);
    }
  }
}

TEST_P(RecordKitTest, WritesRunTheRulesAndLeaveOneAuditEntryEach) {
  std::vector<int64_t> checked_ids;
  Records<Course> records(database(), Type([&](Connection&, const Course& course) {
                            checked_ids.push_back(course.id);
                            if (course.title == "Alchemy") {
                              throw ValidationError("title", "Not a subject of medicine");
                            }
                          }));
  const Course created = records.Create(office_, MakeCourse("Anatomy", Level::kBachelor, 10));
  EXPECT_EQ(created.version, 1);
  EXPECT_EQ(checked_ids, std::vector<int64_t>{0});  // a new record is checked before it has an id
  EXPECT_EQ(AuditEntries(), 1);

  EXPECT_THROW(records.Create(office_, MakeCourse("Alchemy", Level::kBachelor, 1)), ApiError);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM kit_courses"), 1);
  EXPECT_EQ(AuditEntries(), 1);

  Course changed = created;
  changed.title = "Human anatomy";
  const Course updated = records.Update(office_, created.id, changed, 1);
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.title, "Human anatomy");
  EXPECT_EQ(records.Get(created.id).title, "Human anatomy");
  EXPECT_EQ(AuditEntries(), 2);

  // A stale version is refused before the rules are looked at: 412, not the rule's 422.
  changed.title = "Alchemy";
  try {
    records.Update(office_, created.id, changed, 1);
    ADD_FAILURE() << "a stale update was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPreconditionFailed);
  }
  EXPECT_THROW(records.Update(office_, 999, changed, 1), ApiError);
  EXPECT_THROW(records.Get(999), ApiError);
  EXPECT_EQ(AuditEntries(), 2);
}

TEST_P(RecordKitTest, RemovalIsRefusedByTheRulesAndByOtherRecordsThatUseIt) {
  store::DeclareReference({"kit_courses", "kit_enrolments", "course_id", "enrolment"});
  Records<Course> records(database(), Type(nullptr, [](Connection&, const Course& course) {
                            if (course.english) {
                              throw ApiError(ErrorCode::kConflict, "English courses stay");
                            }
                          }));
  Course english = MakeCourse("Anatomy", Level::kBachelor, 10);
  english.english = true;
  english = records.Create(office_, english);
  const Course used = records.Create(office_, MakeCourse("Biochemistry", Level::kBachelor, 8));
  const Course free = records.Create(office_, MakeCourse("Cardiology", Level::kMaster, 6));
  database().Write([&](Connection& c) {
    c.Exec("INSERT INTO kit_enrolments (course_id) VALUES (:id)",
           store::Params().Set("id", used.id));
  });

  EXPECT_THROW(records.Delete(office_, english.id, 1), ApiError);
  try {
    records.Delete(office_, used.id, 1);
    ADD_FAILURE() << "a course in use was removed";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kConflict);
    EXPECT_EQ(error.details().value("referenced_by", nlohmann::json()).dump(), "[\"enrolment 1\"]");
  }
  try {
    records.Delete(office_, free.id, 2);
    ADD_FAILURE() << "a stale removal was accepted";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kPreconditionFailed);
  }
  EXPECT_EQ(AuditEntries(), 3);
  records.Delete(office_, free.id, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) AS n FROM kit_courses"), 2);
  EXPECT_EQ(AuditEntries(), 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordKitTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::kit
