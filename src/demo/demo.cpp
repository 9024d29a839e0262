#include "demo/demo.h"

#include "auth/demo_accounts.h"
#include "exchange/funding_demo.h"
#include "system/settings.h"

namespace weltcampus::demo {

Summary Build(store::Connection& connection, const partners::DemoReferenceData& data,
              const partners::DemoSettings& settings) {
  system::SaveHomeSettings(
      connection, {"Technische Universität Dresden", "School of Medicine Carl Gustav Carus",
                   "D  DRESDEN02", "tu-dresden.de", "DE", "Technische Universität Dresden",
                   "Medizinische Fakultät Carl Gustav Carus"});
  const auto organisation = organisation::BuildDemo(connection, data.isced);
  Summary summary;
  static_cast<partners::DemoSummary&>(summary) =
      partners::BuildDemo(connection, data, settings, organisation);
  auth::CreateDemoAccounts(connection);
  summary.students = exchange::BuildStudentDemo(connection, organisation, settings.profile,
                                                settings.seed, "student@weltcampus.example");
  // This year's call before next year's, which stays the newest.
  summary.history =
      exchange::BuildAllocationHistoryCall(connection, organisation, settings.seed, settings.today);
  summary.calls = exchange::BuildCallDemo(connection, organisation, settings.profile, settings.seed,
                                          settings.today);
  summary.applications = exchange::BuildApplicationDemo(connection, settings.seed);
  const auto funding = exchange::BuildFundingDemo(connection, settings.seed);
  summary.applications.applications += funding.applications;
  summary.applications.submitted += funding.submitted;
  return summary;
}

}  // namespace weltcampus::demo
