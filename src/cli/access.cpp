#include "cli/access.h"

#include "audit/permissions.h"
#include "auth/permissions.h"
#include "imports/permissions.h"
#include "jobs/permissions.h"
#include "partners/permissions.h"
#include "system/permissions.h"

namespace weltcampus::cli {

const auth::AccessTable& Access() {
  using auth::Role;
  // Everyone signed in reads the reference tables; everyone but guests from abroad (who see
  // their own welcome case) reads the partner register.
  static const auth::AccessTable table({
      {Role::kAdmin,
       {partners::kReadReference, partners::kReadPartners, partners::kWritePartners,
        partners::kReadIndicators, system::kManageSettings, auth::kManageUsers, audit::kReadAudit,
        system::kOperations, imports::kImportData, jobs::kSeeAllJobs}},
      {Role::kInternationalOffice,
       {partners::kReadReference, partners::kReadPartners, partners::kWritePartners,
        partners::kReadIndicators, imports::kImportData}},
      {Role::kManagement,
       {partners::kReadReference, partners::kReadPartners, partners::kReadIndicators}},
      {Role::kResearchOffice,
       {partners::kReadReference, partners::kReadPartners, partners::kReadIndicators}},
      {Role::kCoordinator,
       {partners::kReadReference, partners::kReadPartners, partners::kReadIndicators}},
      {Role::kResearcher, {partners::kReadReference, partners::kReadPartners}},
      {Role::kWelcomeOfficer, {partners::kReadReference, partners::kReadPartners}},
      {Role::kStudent, {partners::kReadReference, partners::kReadPartners}},
      {Role::kIncomingGuest, {partners::kReadReference}},
  });
  return table;
}

}  // namespace weltcampus::cli
