#include "partners/partner_records.h"

#include "kit/records.h"
#include "partners/export_columns.h"
#include "partners/json.h"
#include "partners/permissions.h"
#include "partners/repository.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

namespace {

template <typename T>
kit::ParentOf<T> OfPartnership(int64_t T::*member, std::string collection) {
  return {.member = member,
          .collection = std::move(collection),
          .exists = [](store::Connection& c, int64_t id) {
            if (!repository::FindPartnershipInstitution(c, id)) {
              throw NotFoundError("Partnership");
            }
          }};
}

// A note about an agreement is about one of its own partnership's.
void CheckNote(store::Connection& c, const PartnerNote& note) {
  if (!note.agreement_id) {
    return;
  }
  const auto agreement = repository::FindAgreement(c, *note.agreement_id);
  if (!agreement || agreement->partnership_id != note.partnership_id) {
    throw ValidationError("agreement_id", "Not an agreement of this partnership");
  }
}

}  // namespace

const store::RecordTable<PartnerContact>& PartnerContactTable() {
  static const store::RecordTable<PartnerContact> table("partner_contacts", "Contact",
                                                        PartnerContactSchema(), "partnership_id",
                                                        {{"name_key", "name"}});
  return table;
}

const store::RecordTable<PartnerNote>& PartnerNoteTable() {
  static const store::RecordTable<PartnerNote> table("partner_notes", "Note", PartnerNoteSchema(),
                                                     "partnership_id");
  return table;
}

void RegisterPartnerRecordRoutes(http::Router& router, store::Database& database) {
  kit::RegisterRecordRoutes<PartnerContact>(
      router, database,
      {.table = PartnerContactTable(),
       .entity = "partner_contact",
       .path = "/api/v1/partner-contacts",
       .export_name = "partner-contacts",
       .read = kReadPartnerInternals,
       .write = kWritePartners,
       .one = "a contact at a partner",
       .many = "contacts at a partner",
       .sorts = store::SortTable("id", {{"role", "role $, name_key $"}, {"name", "name_key $"}}),
       .filters = {kit::Search("q", {"name", "unit", "email"}, 200),
                   kit::EnumFilter("role", "role", kPartnerContactRoleTable)},
       .export_columns = kPartnerContactExport,
       .parent =
           OfPartnership(&PartnerContact::partnership_id, "/api/v1/partnerships/{id}/contacts")});
  kit::RegisterRecordRoutes<PartnerNote>(
      router, database,
      {.table = PartnerNoteTable(),
       .entity = "partner_note",
       .path = "/api/v1/partner-notes",
       .export_name = "partner-notes",
       .read = kReadPartnerInternals,
       .write = kWritePartners,
       .one = "a note about a partner",
       .many = "notes about a partner, newest first",
       .sorts =
           store::SortTable("id", {{"noted_on", "noted_on $"}}, store::DefaultOrder::kDescending),
       .filters = {kit::Search("q", {"text"}, 200),
                   kit::EnumFilter("kind", "kind", kPartnerNoteKindTable),
                   kit::IntFilter("agreement_id", "agreement_id", 1, INT64_MAX)},
       .export_columns = kPartnerNoteExport,
       .check = CheckNote,
       .parent = OfPartnership(&PartnerNote::partnership_id, "/api/v1/partnerships/{id}/notes")});
}

}  // namespace weltcampus::partners
