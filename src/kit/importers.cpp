#include "kit/importers.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>

#include "interop/text_file.h"

namespace weltcampus::kit {

namespace {

std::mutex& ImportersMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, Importer, std::less<>>& Importers() {
  static std::map<std::string, Importer, std::less<>> importers;
  return importers;
}

// One audit entry per import with its totals: the rows themselves are public reference data.
interop::ImportReport Audited(store::Connection& c, const audit::Actor& actor,
                              const std::string& file_name, interop::ImportReport report) {
  audit::AuditEntry entry;
  entry.action = "import";
  entry.entity_type = "reference_data";
  entry.entity_id = report.kind;
  entry.after = {{"file", file_name},
                 {"added", report.added},
                 {"updated", report.updated},
                 {"unchanged", report.unchanged},
                 {"rejected", report.rejected.size()}};
  audit::RecordAudit(c, actor, std::move(entry));
  return report;
}

}  // namespace

void RegisterImporter(Importer importer) {
  std::lock_guard lock(ImportersMutex());
  auto kind = importer.kind;
  Importers().insert_or_assign(std::move(kind), std::move(importer));
}

const Importer* FindImporter(std::string_view kind) {
  std::lock_guard lock(ImportersMutex());
  const auto found = Importers().find(kind);
  // Registered at start and never removed, so the pointer stays valid.
  return found == Importers().end() ? nullptr : &found->second;
}

std::vector<std::string> ImporterKinds() {
  std::lock_guard lock(ImportersMutex());
  std::vector<std::string> kinds;
  for (const auto& [kind, importer] : Importers()) {
    kinds.push_back(kind);
  }
  return kinds;
}

interop::ImportReport RunImport(
    store::Database& database, const audit::Actor& actor, const std::string& file_name,
    const interop::ImportControl& control,
    const std::function<interop::ImportReport(store::Connection& c)>& import) {
  if (control.dry_run) {
    return database.Read([&](store::Connection& c) { return import(c); });
  }
  return database.Write(
      [&](store::Connection& c) { return Audited(c, actor, file_name, import(c)); });
}

std::unique_ptr<interop::RowReader> OpenRows(std::string_view content,
                                             const std::string& file_name) {
  return interop::OpenTable(content, interop::DetectTableFormat(content, file_name), file_name);
}

interop::ImportReport ImportFile(store::Database& database, const audit::Actor& actor,
                                 const std::string& kind, const std::string& path,
                                 const interop::ImportControl& control) {
  const Importer* importer = FindImporter(kind);
  if (importer == nullptr) {
    throw std::invalid_argument("nothing imports lists of the kind " + kind);
  }
  const std::string content = interop::ReadTextFile(path);
  return importer->import(database, actor, content, std::filesystem::path(path).filename().string(),
                          {}, control);
}

}  // namespace weltcampus::kit
