#pragma once

#include "http/message.h"
#include "partners/model.h"
#include "partners/service.h"

namespace weltcampus::partners {

// What of the partner register a reader sees, decided here field by field for every answer of
// the register (records, lists, exports, the partner page and the map). Staff (who hold
// kReadPartnerInternals) see everything. The public (students, researchers: everyone else who
// reads the register) see the active agreements and the public facts: no partnership notes, no
// agreement that is not active, no renewals worklist, no contacts' names, e-mail addresses or
// telephone numbers.
enum class Audience { kStaff, kPublic };

Audience AudienceOf(const http::Request& request);

// A list's filter narrowed to what the audience sees: for the public, the agreements are the
// active ones (the partner list's agreement filters included). Asking for others, or for the
// renewals worklist (ends_before), is refused (403).
void Restrict(AgreementFilter& filter, Audience audience);
void Restrict(PartnershipFilter& filter, Audience audience);

bool Visible(const Agreement& agreement, Audience audience);
// The record without what the audience does not see. An agreement's kept children text
// (children_json) holds its contacts: for the public it is dropped, so an agreement to redact must
// carry its child records.
void Redact(Partnership& partnership, Audience audience);
void Redact(Agreement& agreement, Audience audience);
// The partner page: the partnership and the agreements the audience sees, and the places per year
// of those agreements only.
void Redact(PartnerOverview& overview, Audience audience);

}  // namespace weltcampus::partners
