#include "partners/hooks.h"

#include "core/named_hooks.h"

namespace weltcampus::partners {

namespace {

NamedHooks<store::Connection&, const Quota&>& QuotaChecks() {
  static NamedHooks<store::Connection&, const Quota&> checks;
  return checks;
}

NamedHooks<store::Connection&, const PartnerName&>& PartnerNameCopies() {
  static NamedHooks<store::Connection&, const PartnerName&> copies;
  return copies;
}

}  // namespace

void DeclareQuotaCheck(std::string name, QuotaCheck check) {
  QuotaChecks().Declare(std::move(name), std::move(check));
}

void RunQuotaChecks(store::Connection& c, const Quota& quota) { QuotaChecks().Run(c, quota); }

void DeclarePartnerNameCopy(std::string name, PartnerNameCopy copy) {
  PartnerNameCopies().Declare(std::move(name), std::move(copy));
}

void RunPartnerNameCopies(store::Connection& c, const PartnerName& partner) {
  PartnerNameCopies().Run(c, partner);
}

}  // namespace weltcampus::partners
