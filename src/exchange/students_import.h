#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exchange/students.h"
#include "interop/column_map.h"
#include "interop/import_report.h"
#include "interop/table.h"
#include "store/sql.h"

// The import of students from a campus-management export (kind "students"): CSV or XLSX, one
// student a row, the programme named by its code. The matriculation number is the key, so that the
// import runs again without duplicates: a known number updates the student (keeping the account
// link, the certificates and the stays abroad), a new one adds a student. A row that cannot be
// imported (a field out of its limits, an unknown programme, a number twice) is reported with its
// line and reason; the others are applied in one transaction (kit::RunImport).
namespace weltcampus::exchange {

struct StudentRow {
  int line = 0;
  std::string programme_code;
  Student student;  // programme_id still 0
};

struct StudentFile {
  std::vector<StudentRow> rows;
  std::vector<interop::Rejection> rejected;
};

// The fields and their default headers (a German campus-management export: Matrikelnummer,
// Nachname, Vorname, E-Mail, Studiengang, Fachsemester, Durchschnittsnote, Erster Abschnitt
// bestanden).
const std::vector<interop::ColumnSpec>& StudentColumns();

// Reads and checks the rows (every field by the student record's own rules).
StudentFile ParseStudents(interop::RowReader& rows, const interop::ColumnMap& columns = {});

// Adds or updates the students, in the caller's transaction (writes nothing in a dry run).
interop::ImportReport ImportStudents(store::Connection& connection, const StudentFile& file,
                                     const interop::ImportControl& control = {});

// Registers the importer kind "students" (kit/importers.h).
void RegisterStudentImporter();

}  // namespace weltcampus::exchange
