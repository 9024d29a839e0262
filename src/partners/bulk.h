#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "audit/audit.h"
#include "core/date.h"
#include "http/router.h"
#include "partners/model.h"
#include "partners/service.h"
#include "store/database.h"

// Bulk actions on the lists (issue 9, offices ask 7): one field set on several partnerships or
// agreements at once, all or nothing in one transaction. Each record goes through the same rules,
// write and audit entry as its single PUT (PartnersService::Update...In); a record that has the
// value already is left alone and reported as unchanged.
namespace weltcampus::partners {

// At most this many records in one bulk action.
inline constexpr size_t kMaxBulkItems = 200;

// A record the client read, at the version it read.
struct BulkItem {
  int64_t id = 0;
  int64_t version = 0;
};

struct PartnershipBulkChange {
  std::vector<BulkItem> items;
  std::optional<Tier> tier;
};

struct AgreementBulkChange {
  std::vector<BulkItem> items;
  std::optional<AgreementStatus> status;
  std::optional<int> last_academic_year;  // the calendar year it starts in
};

template <typename T>
struct BulkResult {
  std::vector<int64_t> changed;
  std::vector<int64_t> unchanged;
  std::vector<T> items;  // every record of the request as it is now, in the request's order
};

// The bodies {"items": [{"id", "version"}], "set": {...}}: 1 to kMaxBulkItems items, ids unique,
// at least one field in "set" and no other.
PartnershipBulkChange PartnershipBulkChangeFromJson(const nlohmann::json& body);
AgreementBulkChange AgreementBulkChangeFromJson(const nlohmann::json& body);

// One transaction: 404 naming the ids not found, 412 naming those changed since they were read,
// 422 naming each record whose change breaks a rule (`failures`; the field as items[i].<field>).
BulkResult<Partnership> ChangePartnerships(store::Database& database, PartnersService& service,
                                           const audit::Actor& actor, Date today,
                                           const PartnershipBulkChange& change);
BulkResult<Agreement> ChangeAgreements(store::Database& database, PartnersService& service,
                                       const audit::Actor& actor,
                                       const AgreementBulkChange& change);

// POST /api/v1/partnerships/bulk and POST /api/v1/agreements/bulk (partners:write).
void RegisterBulkRoutes(http::Router& router, store::Database& database,
                        std::shared_ptr<PartnersService> service);

}  // namespace weltcampus::partners
