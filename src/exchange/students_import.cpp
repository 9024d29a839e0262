#include "exchange/students_import.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>

#include "interop/csv_reader.h"
#include "kit/importers.h"

namespace weltcampus::exchange {

namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return text;
}

// "2,3" (German exports) or "2.3"; anything else is left for the schema to refuse.
nlohmann::json GradeValue(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  if (text.empty()) {
    return nullptr;
  }
  try {
    size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size()) {
      return value;
    }
  } catch (const std::exception&) {
  }
  return text;
}

nlohmann::json IntValue(const std::string& text) {
  if (!text.empty() && text.size() <= 9 &&
      std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
    return std::stoll(text);
  }
  return text;
}

// ja/nein, yes/no, true/false, 1/0, x or blank.
std::optional<nlohmann::json> FlagValue(const std::string& text) {
  const std::string value = Lower(text);
  if (value.empty() || value == "nein" || value == "no" || value == "false" || value == "0") {
    return false;
  }
  if (value == "ja" || value == "yes" || value == "true" || value == "1" || value == "x") {
    return true;
  }
  return std::nullopt;
}

bool SameFields(const Student& a, const Student& b) {
  return a.family_name == b.family_name && a.given_name == b.given_name && a.email == b.email &&
         a.programme_id == b.programme_id && a.study_semester == b.study_semester &&
         a.grade_average == b.grade_average &&
         a.first_state_exam_passed == b.first_state_exam_passed;
}

}  // namespace

const std::vector<interop::ColumnSpec>& StudentColumns() {
  static const std::vector<interop::ColumnSpec> columns = {
      {"matriculation_number", "Matrikelnummer"},
      {"family_name", "Nachname"},
      {"given_name", "Vorname"},
      {"email", "E-Mail"},
      {"programme_code", "Studiengang"},
      {"study_semester", "Fachsemester"},
      {"grade_average", "Durchschnittsnote", false},
      {"first_state_exam_passed", "Erster Abschnitt bestanden", false},
  };
  return columns;
}

StudentFile ParseStudents(interop::RowReader& reader, const interop::ColumnMap& map) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) {
    throw interop::ImportFileError("the student file is empty");
  }
  const interop::CsvHeader header(fields);
  const auto at = interop::ResolveColumns(header, StudentColumns(), map);
  std::size_t width = 0;
  for (const auto& [field, column] : at) {
    width = std::max(width, column + 1);
  }
  const auto cell = [&](const std::string& field) {
    const auto it = at.find(field);
    return it == at.end() ? std::string() : interop::CleanField(fields[it->second]);
  };
  StudentFile file;
  std::set<std::string> seen;
  while (reader.Next(fields)) {
    const int line = reader.line();
    if (std::all_of(fields.begin(), fields.end(),
                    [](const std::string& f) { return interop::CleanField(f).empty(); })) {
      continue;
    }
    if (fields.size() < width) {
      file.rejected.push_back({line, "has " + std::to_string(fields.size()) + " fields"});
      continue;
    }
    nlohmann::json body = {{"matriculation_number", cell("matriculation_number")},
                           {"family_name", cell("family_name")},
                           {"given_name", cell("given_name")},
                           {"email", cell("email")},
                           {"programme_id", 1},
                           {"study_semester", IntValue(cell("study_semester"))},
                           {"grade_average", GradeValue(cell("grade_average"))}};
    const auto flag = FlagValue(cell("first_state_exam_passed"));
    if (!flag) {
      file.rejected.push_back({line, "first_state_exam_passed: \"" +
                                         cell("first_state_exam_passed") +
                                         "\" is not yes or no (ja/nein)"});
      continue;
    }
    body["first_state_exam_passed"] = *flag;
    StudentRow row;
    row.line = line;
    row.programme_code = cell("programme_code");
    try {
      row.student = StudentSchema().Read(body);
      if (row.student.grade_average && !IsGermanGrade(*row.student.grade_average)) {
        throw ValidationError("grade_average", "Must be a grade from 1.0 to 4.0 with one decimal");
      }
    } catch (const ApiError& error) {
      file.rejected.push_back({line, error.field() + ": " + error.what()});
      continue;
    }
    row.student.programme_id = 0;
    if (row.programme_code.empty()) {
      file.rejected.push_back({line, "programme_code: no programme"});
    } else if (!seen.insert(row.student.matriculation_number).second) {
      file.rejected.push_back(
          {line, "matriculation number " + row.student.matriculation_number + " appears twice"});
    } else {
      file.rows.push_back(std::move(row));
    }
  }
  return file;
}

interop::ImportReport ImportStudents(store::Connection& connection, const StudentFile& file,
                                     const interop::ImportControl& control) {
  const auto started = std::chrono::steady_clock::now();
  interop::ImportReport report;
  report.kind = "students";
  report.dry_run = control.dry_run;
  std::vector<interop::Rejection> rejected = file.rejected;
  std::map<std::string, std::optional<int64_t>> programmes;
  std::size_t done = 0;
  for (const auto& row : file.rows) {
    control.Step(done++, file.rows.size());
    auto [known, added] = programmes.try_emplace(row.programme_code);
    if (added) {
      const auto programme = FindProgrammeByCode(connection, row.programme_code);
      known->second = programme ? std::optional<int64_t>(programme->id) : std::nullopt;
    }
    if (!known->second) {
      rejected.push_back(
          {row.line, "programme_code: unknown programme \"" + row.programme_code + "\""});
      continue;
    }
    Student student = row.student;
    student.programme_id = *known->second;
    const auto existing = FindStudentByMatriculation(connection, student.matriculation_number);
    if (existing) {
      student.id = existing->id;
      student.user_id = existing->user_id;
    }
    try {
      CheckStudent(connection, student);
    } catch (const ApiError& error) {
      rejected.push_back({row.line, error.field() + ": " + error.what()});
      continue;
    }
    const std::string name = student.family_name + ", " + student.given_name;
    if (existing && SameFields(*existing, student)) {
      ++report.unchanged;
      continue;
    }
    report.changes.push_back({row.line, !existing, student.matriculation_number, name});
    if (existing) {
      ++report.updated;
      if (!control.dry_run) {
        StudentTable().Update(connection, student, existing->version);
      }
    } else {
      ++report.added;
      if (!control.dry_run) {
        StudentTable().Insert(connection, student);
      }
    }
  }
  control.Step(file.rows.size(), file.rows.size());
  std::sort(rejected.begin(), rejected.end(),
            [](const auto& a, const auto& b) { return a.line < b.line; });
  report.rejected = std::move(rejected);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

void RegisterStudentImporter() {
  kit::RegisterImporter(
      {"students", StudentColumns(),
       [](store::Database& database, const audit::Actor& actor, std::string_view content,
          const std::string& file_name, const interop::ColumnMap& columns,
          const interop::ImportControl& control) {
         const auto file = ParseStudents(*kit::OpenRows(content, file_name), columns);
         return kit::RunImport(database, actor, file_name, control, [&](store::Connection& c) {
           return ImportStudents(c, file, control);
         });
       }});
}

}  // namespace weltcampus::exchange
