#include "cli/access.h"

#include "audit/permissions.h"
#include "auth/permissions.h"
#include "exchange/permissions.h"
#include "imports/permissions.h"
#include "jobs/permissions.h"
#include "mobility/permissions.h"
#include "organisation/permissions.h"
#include "partners/permissions.h"
#include "system/permissions.h"

namespace weltcampus::cli {

const auth::AccessTable& Access() {
  using auth::Role;
  // Everyone signed in reads the reference tables; everyone but guests from abroad (who see
  // their own welcome case) reads the partner register and the school's units; the international
  // office keeps both. Staff also see the register's internals (partners/visibility.h); students
  // and researchers its public facts.
  // The exchange's programmes are read by the staff who work with exchanges; the student records
  // (personal data) only by the international office, and each student reads their own
  // (coordinators' scoped access comes with the applications, issue 10).
  // Calls and their offers are public facts for everyone who works with exchanges and for students.
  // Applications: each student their own; the international office all of a call's, coordinators
  // those of their unit or field (exchange/application_scope.h), both check and score them.
  // Allocation runs: the international office runs and publishes them; the committee
  // (coordinators, management) signs them off; all of them read the runs and results.
  // Mobilities: the international office keeps them and moves their tracks; each student reads
  // their own (coordinators' scoped access comes with the learning agreements they approve).
  static const auth::AccessTable table({
      {Role::kAdmin,
       {organisation::kReadReference,
        organisation::kReadOrganisation,
        organisation::kWriteOrganisation,
        partners::kReadPartners,
        partners::kWritePartners,
        partners::kReadPartnerInternals,
        partners::kReadIndicators,
        system::kManageSettings,
        auth::kManageUsers,
        audit::kReadAudit,
        system::kOperations,
        imports::kImportData,
        jobs::kSeeAllJobs,
        exchange::kReadExchange,
        exchange::kWriteExchange,
        exchange::kReadStudents,
        exchange::kReadCalls,
        exchange::kReadApplications,
        exchange::kScoreApplications,
        exchange::kAllocate,
        exchange::kSignOff,
        exchange::kReadRuns,
        exchange::kRetention,
        mobility::kReadMobility,
        mobility::kWriteMobility}},
      {Role::kInternationalOffice,
       {organisation::kReadReference, organisation::kReadOrganisation,
        organisation::kWriteOrganisation, partners::kReadPartners, partners::kWritePartners,
        partners::kReadPartnerInternals, partners::kReadIndicators, imports::kImportData,
        exchange::kReadExchange, exchange::kWriteExchange, exchange::kReadStudents,
        exchange::kReadCalls, exchange::kReadApplications, exchange::kScoreApplications,
        exchange::kAllocate, exchange::kReadRuns, exchange::kRetention, mobility::kReadMobility,
        mobility::kWriteMobility}},
      {Role::kManagement,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners,
        partners::kReadPartnerInternals, partners::kReadIndicators, exchange::kReadExchange,
        exchange::kReadCalls, exchange::kSignOff, exchange::kReadRuns}},
      {Role::kResearchOffice,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners,
        partners::kReadPartnerInternals, partners::kReadIndicators}},
      {Role::kCoordinator,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners,
        partners::kReadPartnerInternals, partners::kReadIndicators, exchange::kReadExchange,
        exchange::kReadCalls, exchange::kReadApplications, exchange::kScoreApplications,
        exchange::kSignOff, exchange::kReadRuns}},
      {Role::kResearcher,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners}},
      {Role::kWelcomeOfficer,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners,
        partners::kReadPartnerInternals}},
      {Role::kStudent,
       {organisation::kReadReference, organisation::kReadOrganisation, partners::kReadPartners,
        exchange::kReadOwnStudentRecord, exchange::kReadCalls, exchange::kApply,
        mobility::kReadOwnMobility}},
      {Role::kIncomingGuest, {organisation::kReadReference}},
  });
  return table;
}

}  // namespace weltcampus::cli
