#pragma once

#include <functional>
#include <string>

#include "partners/model.h"
#include "store/sql.h"

// Checks other modules run on a stored quota that an agreement's edit changes: the exchange
// module's offers carved from a quota must still fit its places and months a year. A module that
// uses quotas declares its check when it starts (DeclareQuotaCheck), and the agreement's write runs
// every check on each changed quota inside its transaction, after the quota is written, without
// knowing the module; a check throws ApiError (409 naming what uses the quota) to refuse, and
// nothing is written.
namespace weltcampus::partners {

using QuotaCheck = std::function<void(store::Connection& c, const Quota& quota)>;

// `name` ("exchange offers") keeps a module from declaring its check twice (routes registered
// again).
void DeclareQuotaCheck(std::string name, QuotaCheck check);
void RunQuotaChecks(store::Connection& c, const Quota& quota);

}  // namespace weltcampus::partners
