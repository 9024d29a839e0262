#include "cli/app.h"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit.h"
#include "audit/routes.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "auth/routes.h"
#include "cli/access.h"
#include "exchange/allocation_runs_routes.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/applications.h"
#include "exchange/applications_privacy.h"
#include "exchange/applications_routes.h"
#include "exchange/calls.h"
#include "exchange/demand.h"
#include "exchange/objections.h"
#include "exchange/objections_routes.h"
#include "exchange/students.h"
#include "exchange/students_import.h"
#include "exchange/what_if.h"
#include "imports/routes.h"
#include "jobs/routes.h"
#include "mobility/mobilities.h"
#include "mobility/nominations.h"
#include "organisation/import/importers.h"
#include "organisation/model.h"
#include "organisation/org_units.h"
#include "organisation/routes.h"
#include "partners/agreement_documents.h"
#include "partners/import/importers.h"
#include "partners/joint_structures.h"
#include "partners/model.h"
#include "partners/partner_records.h"
#include "partners/repository.h"
#include "partners/routes.h"
#include "store/migrations.h"
#include "system/routes.h"
#include "system/settings.h"

namespace weltcampus::cli {

namespace {

// The collation keys every list sorts names by (0019_collation_keys.sql), written for the stored
// rows of every module.
void WriteAllCollationKeys(store::Connection& c) {
  partners::repository::WriteCollationKeys(c);
  partners::PartnerContactTable().WriteCollationKeys(c);
  partners::JointStructureTable().WriteCollationKeys(c);
  partners::AgreementDocumentTable().WriteCollationKeys(c);
  organisation::OrgUnitTable().WriteCollationKeys(c);
  auth::repository::WriteUserNameKeys(c);
}

}  // namespace

std::vector<std::string> MigrateDatabase(store::Database& database) {
  auto applied = store::Migrate(
      database, {{"0009_search_refold", partners::repository::RefoldSearchTexts},
                 {"0013_agreement_children_text", partners::repository::KeepAllChildrenTexts},
                 // Apostrophes are no longer part of the search text.
                 {"0014_search_refold_apostrophes", partners::repository::RefoldSearchTexts},
                 // Names and countries sort by collation keys (0019_collation_keys.sql).
                 {"0019_collation_keys_fill", WriteAllCollationKeys}});
  // A log written before the audit chain was keyed is keyed once (audit/chain.h).
  database.Write([](store::Connection& c) { audit::UpgradeChain(c); });
  return applied;
}

nlohmann::json AllEnumerations() {
  nlohmann::json all = partners::Enumerations();
  all["enumerations"].update(organisation::Enumerations()["enumerations"]);
  all["enumerations"].update(exchange::StudentEnumerations()["enumerations"]);
  all["enumerations"].update(exchange::CallEnumerations()["enumerations"]);
  all["enumerations"].update(exchange::ApplicationEnumerations()["enumerations"]);
  all["enumerations"].update(exchange::AllocationRunEnumerations()["enumerations"]);
  all["enumerations"].update(exchange::ObjectionEnumerations()["enumerations"]);
  all["enumerations"].update(mobility::MobilityEnumerations()["enumerations"]);
  const nlohmann::json roles = auth::Enumerations();
  all["enumerations"].update(roles["enumerations"]);
  all["scoped_roles"] = roles["scoped_roles"];
  return all;
}

void RegisterAllImporters() {
  organisation::RegisterImporters();
  partners::RegisterImporters();
  exchange::RegisterStudentImporter();
}

// Objections and applications before the student record: they find the student by the account,
// which the student record's part unlinks.
void RegisterPersonalDataParts() {
  // A mobility finds its student by the account, which the student record's erasure unlinks.
  mobility::RegisterMobilityPersonalData();
  exchange::RegisterObjectionPersonalData();
  exchange::RegisterApplicationPersonalData();
  exchange::RegisterStudentPersonalData();
}

RetentionReports RunRetentionSchedule(store::Database& database, int inactive_days, Date today) {
  RetentionReports reports;
  reports.accounts =
      auth::AuthService(database).RunRetention(std::chrono::hours(24 * inactive_days));
  reports.applications = exchange::RunApplicationRetention(database, audit::Actor::System(), today);
  return reports;
}

namespace {

// An Erasmus code or hei-id as compared: without spaces ("D  DRESDEN01" is "DDRESDEN01"), in
// upper case.
std::string CodeKey(std::string_view code) {
  std::string key;
  for (char c : code) {
    if (c != ' ') {
      key += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

// The school's own university, by the Erasmus code or hei-id of the home settings.
bool IsHomeInstitution(store::Connection& c, const partners::Institution& institution) {
  const auto home = system::LoadHomeSettings(c);
  const auto same = [](const std::optional<std::string>& code, const std::string& home_code) {
    return code && !CodeKey(home_code).empty() && CodeKey(*code) == CodeKey(home_code);
  };
  return same(institution.erasmus_code, home.erasmus_code) || same(institution.hei_id, home.hei_id);
}

}  // namespace

void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                       jobs::JobRunner& job_runner) {
  RegisterPersonalDataParts();
  auth::RegisterRoutes(router, database, Access());
  audit::RegisterRoutes(router, database);
  system::RegisterRoutes(router, database, metrics, AllEnumerations());
  organisation::RegisterRoutes(router, database);
  partners::RegisterRoutes(router, database, IsHomeInstitution);
  exchange::RegisterStudentRoutes(router, database);
  exchange::RegisterCallRoutes(router, database);
  exchange::RegisterApplicationRoutes(router, database);
  exchange::RegisterAllocationRunRoutes(router, database);
  exchange::RegisterObjectionRoutes(router, database);
  exchange::RegisterDemandRoutes(router, database);
  exchange::RegisterWhatIfRoutes(router, database);
  exchange::RegisterApplicationRetentionRoutes(router, database);
  mobility::RegisterMobilityRoutes(router, database);
  mobility::RegisterNominations();
  jobs::RegisterRoutes(router, database);
  RegisterAllImporters();
  imports::RegisterRoutes(router, database, [&job_runner] { job_runner.Wake(); });
  imports::RegisterJobs(job_runner, database);
}

}  // namespace weltcampus::cli
