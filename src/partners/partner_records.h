#pragma once

#include "http/router.h"
#include "partners/model.h"
#include "store/database.h"
#include "store/record_table.h"

namespace weltcampus::partners {

// A partnership's contacts at the partner and the office's dated notes, record types of the kit
// (kit/records.h) for staff only (partners:internal to read, partners:write to change): listed and
// added under /api/v1/partnerships/{id}/contacts and /notes, each at /api/v1/partner-contacts/{id}
// and /api/v1/partner-notes/{id}. A note may name one of the partnership's agreements
// (?agreement_id= lists an agreement's notes).
const store::RecordTable<PartnerContact>& PartnerContactTable();
const store::RecordTable<PartnerNote>& PartnerNoteTable();
void RegisterPartnerRecordRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::partners
