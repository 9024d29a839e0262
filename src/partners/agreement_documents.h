#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_writer.h"
#include "core/record_schema.h"
#include "http/router.h"
#include "partners/model.h"
#include "store/database.h"
#include "store/record_table.h"

namespace weltcampus::partners {

// Documents on an agreement (the signed agreement, amendments, annexes): a record type of the kit
// (kit/records.h) for staff only (partners:internal to read, partners:write to change), listed and
// added under /api/v1/agreements/{id}/documents, each at /api/v1/agreement-documents/{id}. Its
// files are PDF versions, uploaded one at a time with POST /api/v1/agreement-documents/{id}/files
// (the file as the body), listed newest first under the same path and downloaded from
// /api/v1/agreement-document-files/{id}. A PDF is told by its bytes (http/pdf_upload.h), never
// by its name or the type the client claims; a file is at most kMaxDocumentBytes, a document has at
// most kMaxDocumentVersions versions. The document keeps its newest version's facts (server-set).
inline constexpr std::size_t kMaxDocumentBytes = 10 * 1024 * 1024;
inline constexpr int64_t kMaxDocumentVersions = 50;
// The path of an upload, for the server's larger body limit (http::ServerOptions::upload_paths).
inline constexpr std::string_view kDocumentUploadPath = "/api/v1/agreement-documents/*/files";

const store::RecordTable<AgreementDocument>& AgreementDocumentTable();
const RecordSchema<AgreementDocumentFile>& AgreementDocumentFileSchema();
void WriteJson(const AgreementDocument& document, JsonWriter& out);
nlohmann::json ToJson(const AgreementDocument& document);

void RegisterAgreementDocumentRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::partners
