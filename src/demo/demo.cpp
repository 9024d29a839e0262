#include "demo/demo.h"

#include "auth/demo_accounts.h"
#include "system/settings.h"

namespace weltcampus::demo {

partners::DemoSummary Build(store::Connection& connection, const partners::DemoReferenceData& data,
                            const partners::DemoSettings& settings) {
  system::SaveHomeSettings(
      connection, {"Technische Universität Dresden", "School of Medicine Carl Gustav Carus",
                   "D  DRESDEN02", "tu-dresden.de", "DE", "Technische Universität Dresden",
                   "Medizinische Fakultät Carl Gustav Carus"});
  const auto organisation = organisation::BuildDemo(connection, data.isced);
  auto summary = partners::BuildDemo(connection, data, settings, organisation);
  auth::CreateDemoAccounts(connection);
  return summary;
}

}  // namespace weltcampus::demo
