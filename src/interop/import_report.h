#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace weltcampus::interop {

// A row of an input file that was not imported, and why.
struct Rejection {
  int line = 0;  // line in the file where the row starts
  std::string reason;
};

// A row that adds a record or changes one (or, in a dry run, would).
struct RowChange {
  int line = 0;
  bool added = false;  // otherwise: updated
  std::string key;     // Erasmus code, domain or ISCED-F code
  std::string name;
};

// What an import did: every row of the file is counted in exactly one of the four outcomes.
struct ImportReport {
  std::string kind;
  bool dry_run = false;
  int64_t added = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  std::vector<Rejection> rejected;
  std::vector<RowChange> changes;  // the added and updated rows, in file order
  double seconds = 0;

  int64_t rows() const {
    return added + updated + unchanged + static_cast<int64_t>(rejected.size());
  }
};

// The file cannot be imported at all (not CSV, a column missing): the message is for the person
// who chose the file.
class ImportFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown between two batches of rows when the import was cancelled; nothing is kept.
class ImportCancelled : public std::runtime_error {
 public:
  ImportCancelled() : std::runtime_error("the import was cancelled") {}
};

// How an import runs: for real or as a dry run that writes nothing, whom it tells its progress,
// and whom it asks whether to stop. The command line and the server's jobs use the same importers
// with different controls.
struct ImportControl {
  bool dry_run = false;
  std::function<void(std::size_t done, std::size_t total)> progress;
  std::function<bool()> cancelled;
  std::size_t batch = 250;

  // Called before each row (done = rows finished so far): at every batch boundary it reports
  // progress and throws ImportCancelled when asked to stop.
  void Step(std::size_t done, std::size_t total) const {
    if (done % batch != 0 && done != total) {
      return;
    }
    if (cancelled && cancelled()) {
      throw ImportCancelled();
    }
    if (progress) {
      progress(done, total);
    }
  }
};

// The lines printed at the end of an import: totals first, then each rejected row.
std::string FormatReport(const ImportReport& report);

// The whole report as CSV (line, outcome, key, name, reason), rows in file order, for download.
std::string ReportCsv(const ImportReport& report);

}  // namespace weltcampus::interop
