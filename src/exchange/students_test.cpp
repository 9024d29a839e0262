#include "exchange/students.h"

#include <gtest/gtest.h>

#include <memory>

#include "auth/model.h"
#include "auth/repository.h"
#include "exchange/students_import.h"
#include "interop/table.h"
#include "organisation/model.h"
#include "organisation/org_units.h"
#include "store/temporary_database.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;
namespace testing = store::testing;

nlohmann::json StudentBody() {
  return {{"matriculation_number", "4711234"},
          {"family_name", "Lehmann"},
          {"given_name", "Greta"},
          {"email", "s4711234@mailbox.example"},
          {"programme_id", 1},
          {"study_semester", 5},
          {"grade_average", 1.7},
          {"first_state_exam_passed", true}};
}

// The field a body is refused for; empty when it is read.
std::string RefusedField(const nlohmann::json& body) {
  try {
    const auto student = StudentSchema().Read(body);
    if (student.grade_average && !IsGermanGrade(*student.grade_average)) {
      return "grade_average (one decimal)";
    }
    return "";
  } catch (const ApiError& error) {
    return error.field();
  }
}

nlohmann::json With(const char* key, nlohmann::json value) {
  auto body = StudentBody();
  body[key] = std::move(value);
  return body;
}

TEST(StudentSchema, GradeAverageFrom1Point0To4Point0WithOneDecimal) {
  EXPECT_EQ(RefusedField(With("grade_average", 1.0)), "");
  EXPECT_EQ(RefusedField(With("grade_average", 4.0)), "");
  EXPECT_EQ(RefusedField(With("grade_average", 2.3)), "");
  EXPECT_EQ(RefusedField(With("grade_average", nullptr)), "");
  EXPECT_EQ(RefusedField(With("grade_average", 4.1)), "grade_average");
  EXPECT_EQ(RefusedField(With("grade_average", 0.9)), "grade_average");
  EXPECT_EQ(RefusedField(With("grade_average", 2.35)), "grade_average (one decimal)");
  EXPECT_EQ(RefusedField(With("grade_average", "2.3")), "grade_average");
  EXPECT_TRUE(IsGermanGrade(1.0));
  EXPECT_TRUE(IsGermanGrade(4.0));
  EXPECT_FALSE(IsGermanGrade(4.1));
  EXPECT_FALSE(IsGermanGrade(1.05));
}

TEST(StudentSchema, StudySemesterFrom1To20) {
  EXPECT_EQ(RefusedField(With("study_semester", 0)), "study_semester");
  EXPECT_EQ(RefusedField(With("study_semester", 1)), "");
  EXPECT_EQ(RefusedField(With("study_semester", 20)), "");
  EXPECT_EQ(RefusedField(With("study_semester", 21)), "study_semester");
}

TEST(StudentSchema, MatriculationNumberIsFiveToTenDigits) {
  EXPECT_EQ(RefusedField(With("matriculation_number", "12345")), "");
  EXPECT_EQ(RefusedField(With("matriculation_number", "1234567890")), "");
  EXPECT_EQ(RefusedField(With("matriculation_number", "1234")), "matriculation_number");
  EXPECT_EQ(RefusedField(With("matriculation_number", "12345678901")), "matriculation_number");
  EXPECT_EQ(RefusedField(With("matriculation_number", "47112a4")), "matriculation_number");
  EXPECT_EQ(RefusedField(With("matriculation_number", "4711 234")), "matriculation_number");
  auto without = StudentBody();
  without.erase("matriculation_number");
  EXPECT_EQ(RefusedField(without), "matriculation_number");
  EXPECT_EQ(RefusedField(With("email", "not an address")), "email");
}

TEST(LanguageCertificateSchema, CefrLevelsA1ToC2AndIsoLanguages) {
  const auto read = [](const char* language, const char* level) {
    try {
      LanguageCertificateSchema().Read({{"language", language}, {"cefr_level", level}});
      return std::string();
    } catch (const ApiError& error) {
      return error.field();
    }
  };
  for (const char* level : {"A1", "A2", "B1", "B2", "C1", "C2"}) {
    EXPECT_EQ(read("en", level), "") << level;
  }
  EXPECT_EQ(read("en", "C3"), "cefr_level");
  EXPECT_EQ(read("en", "b2"), "cefr_level");
  EXPECT_EQ(read("en", "native"), "cefr_level");
  EXPECT_EQ(read("EN", "B2"), "language");
  EXPECT_EQ(read("eng", "B2"), "language");
  EXPECT_EQ(read("xx", "B2"), "language");
}

TEST(StayAbroadSchema, MonthsFrom1To24) {
  const auto read = [](int months) {
    try {
      StayAbroadSchema().Read({{"country", "FR"}, {"months", months}, {"study_cycle", "single"}});
      return std::string();
    } catch (const ApiError& error) {
      return error.field();
    }
  };
  EXPECT_EQ(read(0), "months");
  EXPECT_EQ(read(1), "");
  EXPECT_EQ(read(24), "");
  EXPECT_EQ(read(25), "months");
}

class StudentsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TemporaryDatabase>(GetParam(), true);
    db_->database().Write([&](Connection& c) {
      organisation::OrgUnit unit;
      unit.name = "School of Medicine";
      unit.kind = organisation::OrgUnitKind::kSchool;
      organisation::OrgUnitTable().Insert(c, unit);
      Programme medicine;
      medicine.code = "MED-STEX";
      medicine.name = "Medicine";
      medicine.name_de = "Humanmedizin";
      medicine.org_unit_id = unit.id;
      medicine.eqf_level = 7;
      medicine.single_cycle = true;
      ProgrammeTable().Insert(c, medicine);
      medicine_id_ = medicine.id;
    });
  }

  interop::ImportReport Import(const std::string& csv, bool dry_run) {
    const auto rows = interop::OpenTable(csv, interop::TableFormat::kCsv, "");
    const auto file = ParseStudents(*rows);
    interop::ImportControl control;
    control.dry_run = dry_run;
    return db_->database().Write([&](Connection& c) { return ImportStudents(c, file, control); });
  }

  int64_t Count() {
    return db_->database().Read(
        [](Connection& c) { return c.Count("SELECT COUNT(*) AS n FROM students"); });
  }

  std::unique_ptr<testing::TemporaryDatabase> db_;
  int64_t medicine_id_ = 0;
};

const std::string kHeader =
    "Matrikelnummer,Nachname,Vorname,E-Mail,Studiengang,Fachsemester,Durchschnittsnote,"
    "Erster Abschnitt bestanden\n";

TEST_P(StudentsTest, TheImportReportsBadRowsAndRunsAgainWithoutDuplicates) {
  const std::string csv = kHeader +
                          "4711001,Lehmann,Greta,s4711001@mailbox.example,MED-STEX,5,\"1,7\",ja\n"
                          "4711002,Nguyen,Minh,s4711002@mailbox.example,DENT-STEX,3,\"2,0\",nein\n"
                          "4711003,Krause,Tom,s4711003@mailbox.example,MED-STEX,21,\"2,0\",nein\n"
                          "4711004,Koch,Ida,s4711004@mailbox.example,MED-STEX,2,\"4,1\",nein\n"
                          "4711001,Lehmann,Greta,s4711001@mailbox.example,MED-STEX,5,\"1,7\",ja\n"
                          "4711005,Braun,Paul,s4711005@mailbox.example,MED-STEX,1,,\n";
  const auto dry = Import(csv, true);
  EXPECT_EQ(dry.added, 2);
  EXPECT_EQ(Count(), 0);
  const auto report = Import(csv, false);
  EXPECT_EQ(report.added, 2);
  EXPECT_EQ(report.updated, 0);
  ASSERT_EQ(report.rejected.size(), 4u);
  EXPECT_EQ(report.rejected[0].line, 3);
  EXPECT_NE(report.rejected[0].reason.find("unknown programme \"DENT-STEX\""), std::string::npos)
      << report.rejected[0].reason;
  EXPECT_EQ(report.rejected[1].line, 4);
  EXPECT_NE(report.rejected[1].reason.find("study_semester"), std::string::npos);
  EXPECT_EQ(report.rejected[2].line, 5);
  EXPECT_NE(report.rejected[2].reason.find("grade_average"), std::string::npos);
  EXPECT_EQ(report.rejected[3].line, 6);
  EXPECT_NE(report.rejected[3].reason.find("appears twice"), std::string::npos);
  EXPECT_EQ(Count(), 2);

  const auto again = Import(csv, false);
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(Count(), 2);

  const auto changed = Import(
      kHeader + "4711001,Lehmann,Greta,s4711001@mailbox.example,MED-STEX,6,\"1,6\",ja\n", false);
  EXPECT_EQ(changed.updated, 1);
  const auto greta =
      db_->database().Read([](Connection& c) { return FindStudentByMatriculation(c, "4711001"); });
  ASSERT_TRUE(greta);
  EXPECT_EQ(greta->study_semester, 6);
  EXPECT_EQ(greta->grade_average, 1.6);
  EXPECT_EQ(greta->version, 2);
}

TEST_P(StudentsTest, AnAccountIsLinkedToOneStudentAndOnlyWithTheStudentRole) {
  db_->database().Write([&](Connection& c) {
    auth::User student_account;
    student_account.email = "greta@example.org";
    student_account.display_name = "Greta";
    student_account.roles.push_back({auth::Role::kStudent, std::nullopt, std::nullopt});
    auth::repository::InsertUser(c, student_account, std::nullopt);
    auth::User office_account;
    office_account.email = "office@example.org";
    office_account.display_name = "Office";
    office_account.roles.push_back({auth::Role::kInternationalOffice, std::nullopt, std::nullopt});
    auth::repository::InsertUser(c, office_account, std::nullopt);

    Student greta = StudentSchema().Read(StudentBody());
    greta.programme_id = medicine_id_;
    greta.user_id = office_account.id;
    try {
      CheckStudent(c, greta);
      ADD_FAILURE() << "an account without the student role was linked";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.field(), "user_id");
    }
    greta.user_id = student_account.id;
    CheckStudent(c, greta);
    StudentTable().Insert(c, greta);

    Student other = greta;
    other.id = 0;
    other.matriculation_number = "4711999";
    try {
      CheckStudent(c, other);
      ADD_FAILURE() << "one account was linked to two students";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.code(), ErrorCode::kConflict);
      EXPECT_EQ(error.field(), "user_id");
    }
    other.user_id.reset();
    other.matriculation_number = greta.matriculation_number;
    try {
      CheckStudent(c, other);
      ADD_FAILURE() << "two students with one matriculation number";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.field(), "matriculation_number");
    }
    const auto own = OwnStudentRecord(c, greta);
    EXPECT_EQ(own["programme"]["code"], "MED-STEX");
    EXPECT_TRUE(own["language_certificates"].empty());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, StudentsTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
