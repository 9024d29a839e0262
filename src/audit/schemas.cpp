#include "audit/schemas.h"

#include "core/json_schema.h"

namespace weltcampus::audit {

using namespace json_schema;

NamedSchema AuditEntrySchema() {
  return {
      "AuditEntry",
      Closed(
          {{"id", Id()},
           {"at", Text()},
           {"actor_user_id", NullableId()},
           {"actor", Text()},
           {"actor_name", NullableText()},
           {"action", Text()},
           {"entity_type", NullableText()},
           {"entity_id", NullableText()},
           {"subject_user_id", NullableId()},
           {"before", {{"description", "the record before the change (any JSON, null for none)"}}},
           {"after", {{"description", "the record after the change (any JSON, null for none)"}}},
           {"client_address", Text()},
           {"request_id", Text()},
           {"hash", Text()}})};
}

NamedSchema HistoryEntrySchema() {
  return {
      "HistoryEntry",
      Closed({{"id", Id()},
              {"at", Text()},
              {"actor_name", NullableText()},
              {"action", Text()},
              {"before", {{"description", "the record before the change (null when created)"}}},
              {"after", {{"description", "the record after the change (null when deleted)"}}}})};
}

NamedSchema AuditVerificationSchema() {
  return {"AuditVerification", Closed({{"intact", Bool()},
                                       {"entries", Count()},
                                       {"anchors", Count()},
                                       {"first_broken_id", NullableId()},
                                       {"problem", Text()}})};
}

}  // namespace weltcampus::audit
