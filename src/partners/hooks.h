#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "partners/model.h"
#include "store/sql.h"

// What other modules hook into the partner register's writes, declared when a module starts and
// run inside the write's transaction without the partners module knowing the module.
namespace weltcampus::partners {

// Checks on a stored quota that an agreement's edit changes: the exchange module's offers carved
// from a quota must still fit its places and months a year. The agreement's write runs every check
// on each changed quota after the quota is written; a check throws ApiError (409 naming what uses
// the quota) to refuse, and nothing is written. `name` ("exchange offers") keeps a module from
// declaring its check twice.
using QuotaCheck = std::function<void(store::Connection& c, const Quota& quota)>;
void DeclareQuotaCheck(std::string name, QuotaCheck check);
void RunQuotaChecks(store::Connection& c, const Quota& quota);

// Copies of a partner's name that other modules keep for sorting and showing (the exchange's
// offers), refreshed where the partner register refreshes its own copies (repository::
// CopyPartnerName): after an institution is changed or a partnership moved to another institution,
// with the partnership's current name and collation key. (The copies of every partnership are
// rewritten only by migration 0019, before any other module kept one.)
struct PartnerName {
  int64_t partnership_id = 0;
  std::string name;
  std::string name_key;
};
using PartnerNameCopy = std::function<void(store::Connection& c, const PartnerName& partner)>;
void DeclarePartnerNameCopy(std::string name, PartnerNameCopy copy);
void RunPartnerNameCopies(store::Connection& c, const PartnerName& partner);

}  // namespace weltcampus::partners
