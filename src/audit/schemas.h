#pragma once

#include "core/record_schema.h"

namespace weltcampus::audit {

// The JSON Schemas of the audit log's answers, beside their writer (ToJson in audit.cpp).
NamedSchema AuditEntrySchema();
NamedSchema AuditVerificationSchema();
NamedSchema HistoryEntrySchema();

}  // namespace weltcampus::audit
