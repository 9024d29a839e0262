#include "partners/visibility.h"

#include <algorithm>

#include "auth/context.h"
#include "core/error.h"
#include "partners/permissions.h"

namespace weltcampus::partners {

namespace {

constexpr AgreementStatus kPublicStatus = AgreementStatus::kActive;

ApiError OnlyActive(std::string field) {
  return ApiError(ErrorCode::kForbidden, "Only active agreements are shown to you",
                  std::move(field));
}

}  // namespace

Audience AudienceOf(const http::Request& request) {
  const auth::Principal* principal = auth::PrincipalOf(request);
  return principal && principal->Has(kReadPartnerInternals) ? Audience::kStaff : Audience::kPublic;
}

void Restrict(AgreementFilter& filter, Audience audience) {
  if (audience == Audience::kStaff) {
    return;
  }
  if (filter.status && *filter.status != kPublicStatus) {
    throw OnlyActive("status");
  }
  if (filter.ends_before || filter.only_in_force) {
    throw ApiError(ErrorCode::kForbidden, "The renewals worklist is for the international office");
  }
  filter.status = kPublicStatus;
}

void Restrict(PartnershipFilter& filter, Audience audience) {
  if (audience == Audience::kStaff) {
    return;
  }
  if (filter.agreement_status && *filter.agreement_status != kPublicStatus) {
    throw OnlyActive("agreement_status");
  }
  if (filter.agreement_type) {
    filter.agreement_status = kPublicStatus;
  }
}

bool Visible(const Agreement& agreement, Audience audience) {
  return audience == Audience::kStaff || agreement.status == kPublicStatus;
}

void Redact(Partnership& partnership, Audience audience) {
  if (audience == Audience::kPublic) {
    partnership.notes.reset();
  }
}

void Redact(Agreement& agreement, Audience audience) {
  if (audience == Audience::kPublic) {
    agreement.contacts.clear();
    agreement.children_json.clear();
    // A renewal in preparation is a draft: the links are the office's.
    agreement.predecessor_id.reset();
    agreement.successor_id.reset();
  }
}

void Redact(PartnerOverview& overview, Audience audience) {
  if (audience == Audience::kStaff) {
    return;
  }
  Redact(overview.partnership, audience);
  std::erase_if(overview.agreements,
                [audience](const Agreement& agreement) { return !Visible(agreement, audience); });
  for (auto& agreement : overview.agreements) {
    Redact(agreement, audience);
  }
  overview.places_by_year = PlacesByYear(overview.agreements);
}

}  // namespace weltcampus::partners
