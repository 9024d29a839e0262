#include "partners/agreement_documents.h"

#include <map>
#include <set>

#include "audit/audit.h"
#include "auth/context.h"
#include "auth/repository.h"
#include "core/base64.h"
#include "core/digest.h"
#include "core/error.h"
#include "core/paging.h"
#include "core/text.h"
#include "http/pdf_upload.h"
#include "http/responses.h"
#include "kit/records.h"
#include "partners/export_columns.h"
#include "partners/permissions.h"
#include "partners/repository.h"
#include "store/references.h"

namespace weltcampus::partners {

namespace {

constexpr std::string_view kPdfMediaType = "application/pdf";
constexpr std::size_t kMaxFileNameInput = 1000;
constexpr std::size_t kMaxFileName = http::kMaxPdfFileName;
const std::string kFilesPath = "/api/v1/agreement-document-files";

const RecordSchema<AgreementDocument>& DocumentSchema() {
  using D = AgreementDocument;
  static const auto schema =
      RecordSchema<D>("AgreementDocument")
          .Key(&D::id, &D::version)
          .Int("agreement_id", &D::agreement_id, 1, INT64_MAX)
          .ReadOnly()
          .Text("title", &D::title, 200)
          .Enum("kind", &D::kind, kAgreementDocumentKindTable)
          .Int("file_count", &D::file_count, 0, kMaxDocumentVersions)
          .ReadOnly()
          .Int("latest_file_id", &D::latest_file_id, 1, INT64_MAX)
          .ReadOnly()
          .Text("latest_file_name", &D::latest_file_name, kMaxFileName)
          .ReadOnly()
          .Int("latest_size_bytes", &D::latest_size_bytes, 1, kMaxDocumentBytes)
          .ReadOnly()
          .Text("latest_uploaded_at", &D::latest_uploaded_at, 40)
          .ReadOnly()
          .Timestamps(&D::created_at, &D::updated_at);
  return schema;
}

AgreementDocumentFile FileFromRow(const store::Row& row) {
  AgreementDocumentFile file;
  file.id = row.Int("id");
  file.document_id = row.Int("document_id");
  file.number = row.Int("number");
  file.file_name = row.Text("file_name");
  file.media_type = row.Text("media_type");
  file.size_bytes = row.Int("size_bytes");
  file.sha256 = row.Text("sha256");
  file.uploaded_by_id = row.OptionalInt("uploaded_by");
  file.uploaded_at = row.Text("uploaded_at");
  return file;
}

constexpr std::string_view kFileColumns =
    "SELECT id, document_id, number, file_name, media_type, size_bytes, sha256, uploaded_by, "
    "uploaded_at FROM agreement_document_files";

// The uploaders' names, one query per person (a document has few).
void NameUploaders(store::Connection& c, std::vector<AgreementDocumentFile>& files) {
  std::map<int64_t, std::optional<std::string>> names;
  for (auto& file : files) {
    if (!file.uploaded_by_id) {
      continue;
    }
    auto [it, added] = names.try_emplace(*file.uploaded_by_id);
    if (added) {
      if (const auto user = auth::repository::FindUser(c, *file.uploaded_by_id)) {
        it->second = user->display_name;
      }
    }
    file.uploaded_by = it->second;
  }
}

std::vector<AgreementDocumentFile> FilesOf(store::Connection& c, int64_t document_id) {
  std::vector<AgreementDocumentFile> files;
  for (const auto& row :
       c.Query(std::string(kFileColumns) + " WHERE document_id = :id ORDER BY number DESC",
               store::Params().Set("id", document_id))) {
    files.push_back(FileFromRow(row));
  }
  NameUploaders(c, files);
  return files;
}

AgreementDocument FindDocumentForChange(store::Connection& c, int64_t id) {
  return store::Found(AgreementDocumentTable().Find(c, id), "Document");
}

// Adds the bytes as the document's next version and keeps its newest version's facts on it: one
// transaction, one audit entry for the document (before and after name the file, never its bytes).
AgreementDocumentFile AddFile(store::Database& database, const audit::Actor& actor,
                              int64_t document_id, std::string file_name,
                              const std::string& bytes) {
  return database.Write([&](store::Connection& c) {
    const auto before = FindDocumentForChange(c, document_id);
    if (before.file_count >= kMaxDocumentVersions) {
      throw ApiError(ErrorCode::kConflict,
                     "A document keeps at most " + std::to_string(kMaxDocumentVersions) +
                         " versions; add a new document instead",
                     "file");
    }
    AgreementDocumentFile file;
    file.document_id = document_id;
    file.number = before.file_count + 1;
    file.file_name = std::move(file_name);
    file.media_type = std::string(kPdfMediaType);
    file.size_bytes = static_cast<int64_t>(bytes.size());
    file.sha256 = Sha256Hex(bytes);
    file.uploaded_by_id = actor.user_id;
    file.uploaded_at = NowUtcTimestamp();
    file.id = c.Insert(
        "INSERT INTO agreement_document_files (document_id, number, file_name, media_type, "
        "size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES (:document, :number, "
        ":name, :type, :size, :sha, :content, :by, :at)",
        store::Params()
            .Set("document", document_id)
            .Set("number", file.number)
            .Set("name", file.file_name)
            .Set("type", file.media_type)
            .Set("size", file.size_bytes)
            .Set("sha", file.sha256)
            .Set("content", ToBase64(bytes))
            .Set("by", file.uploaded_by_id)
            .Set("at", file.uploaded_at));
    store::VersionedUpdate(c, "agreement_documents", "Document", document_id, before.version,
                           "file_count = :count, latest_file_id = :file, latest_file_name = :name, "
                           "latest_size_bytes = :size, latest_uploaded_at = :uploaded_at",
                           store::Params()
                               .Set("count", file.number)
                               .Set("file", file.id)
                               .Set("name", file.file_name)
                               .Set("size", file.size_bytes)
                               .Set("uploaded_at", file.uploaded_at));
    const auto after = FindDocumentForChange(c, document_id);
    audit::RecordChange(c, actor, "agreement_document", document_id, ToJson(before), ToJson(after));
    std::vector<AgreementDocumentFile> one{file};
    NameUploaders(c, one);
    return one.front();
  });
}

}  // namespace

const store::RecordTable<AgreementDocument>& AgreementDocumentTable() {
  static const store::RecordTable<AgreementDocument> table("agreement_documents", "Document",
                                                           DocumentSchema(), "agreement_id",
                                                           {{"title_key", "title"}});
  return table;
}

const RecordSchema<AgreementDocumentFile>& AgreementDocumentFileSchema() {
  using F = AgreementDocumentFile;
  static const auto schema = RecordSchema<F>("AgreementDocumentFile")
                                 .Int("id", &F::id, 1, INT64_MAX)
                                 .ReadOnly()
                                 .Int("document_id", &F::document_id, 1, INT64_MAX)
                                 .ReadOnly()
                                 .Int("number", &F::number, 1, kMaxDocumentVersions)
                                 .ReadOnly()
                                 .Text("file_name", &F::file_name, kMaxFileName)
                                 .ReadOnly()
                                 .Text("media_type", &F::media_type, 100)
                                 .ReadOnly()
                                 .Int("size_bytes", &F::size_bytes, 1, kMaxDocumentBytes)
                                 .ReadOnly()
                                 .Text("sha256", &F::sha256, 64)
                                 .ReadOnly()
                                 .Text("uploaded_by", &F::uploaded_by, 300)
                                 .ReadOnly()
                                 .Text("uploaded_at", &F::uploaded_at, 40)
                                 .ReadOnly();
  return schema;
}

void WriteJson(const AgreementDocument& document, JsonWriter& out) {
  DocumentSchema().Write(document, out);
}

nlohmann::json ToJson(const AgreementDocument& document) {
  return DocumentSchema().Write(document);
}

void RegisterAgreementDocumentRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference({"agreements", "agreement_documents", "agreement_id", "document"});
  kit::RegisterRecordRoutes<AgreementDocument>(
      router, database,
      {.table = AgreementDocumentTable(),
       .entity = "agreement_document",
       .path = "/api/v1/agreement-documents",
       .export_name = "agreement-documents",
       .read = kReadPartnerInternals,
       .write = kWritePartners,
       .one = "a document of an agreement (its title and kind; the files are its versions)",
       .many = "documents of an agreement",
       .sorts = store::SortTable("id", {{"kind", "kind $, title_key $"}, {"title", "title_key $"}}),
       .filters = {kit::Search("q", {"title", "latest_file_name"}, 200),
                   kit::EnumFilter("kind", "kind", kAgreementDocumentKindTable)},
       .export_columns = kAgreementDocumentExport,
       .parent = kit::ParentOf<AgreementDocument>{.member = &AgreementDocument::agreement_id,
                                                  .collection = "/api/v1/agreements/{id}/documents",
                                                  .exists = [](store::Connection& c, int64_t id) {
                                                    if (!repository::FindAgreement(c, id)) {
                                                      throw NotFoundError("Agreement");
                                                    }
                                                  }}});
  router
      .Add("POST", "/api/v1/agreement-documents/{id}/files", kWritePartners,
           "Upload the next version of a document: a PDF file as the body (told by its bytes)",
           [&database](const http::Request& request) {
             http::CheckPdfUpload(request, kMaxDocumentBytes);
             const auto name = http::PdfFileName(
                 QueryText(request.query, "file_name", kMaxFileNameInput).value_or(""));
             const auto file = AddFile(database, auth::ActorOf(request), request.PathId("id"), name,
                                       request.body);
             return http::Response::Json(201, AgreementDocumentFileSchema().Write(file))
                 .WithHeader("Location", kFilesPath + "/" + std::to_string(file.id));
           })
      .Body({std::string(kPdfMediaType)})
      .Query("file_name", {{"type", "string"}, {"maxLength", kMaxFileNameInput}})
      .Returns(201, AgreementDocumentFileSchema().Output())
      .Fails({404, 409, 413});
  router
      .Add("GET", "/api/v1/agreement-documents/{id}/files", kReadPartnerInternals,
           "The versions of a document, newest first (without their bytes)",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             const auto files = database.Read([&](store::Connection& c) {
               FindDocumentForChange(c, id);
               return FilesOf(c, id);
             });
             nlohmann::json items = nlohmann::json::array();
             for (const auto& file : files) {
               items.push_back(AgreementDocumentFileSchema().Write(file));
             }
             return http::Response::Json(200, {{"items", items},
                                               {"next_cursor", nullptr},
                                               {"total", static_cast<int64_t>(files.size())}});
           })
      .ReturnsPage(AgreementDocumentFileSchema().Output());
  router
      .Add("GET", kFilesPath + "/{id}", kReadPartnerInternals,
           "Download one version of a document (the PDF as an attachment)",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             auto row = database.Read([&](store::Connection& c) {
               return c.QueryOne(
                   "SELECT file_name, media_type, sha256, content FROM agreement_document_files "
                   "WHERE id = :id",
                   store::Params().Set("id", id));
             });
             if (!row) {
               throw NotFoundError("File");
             }
             auto bytes = FromBase64(row->Text("content"));
             if (Sha256Hex(bytes) != row->Text("sha256")) {
               throw ApiError(ErrorCode::kInternal, "The stored file is damaged");
             }
             http::Response response;
             response.status = 200;
             response.content_type = row->Text("media_type");
             response.body = std::move(bytes);
             return std::move(response.WithAttachment(row->Text("file_name"))
                                  .WithHeader("ETag", "\"" + row->Text("sha256") + "\"")
                                  .WithHeader("Cache-Control", "private, no-store")
                                  .WithHeader("Content-Security-Policy", "sandbox"));
           })
      .ReturnsContent(200, std::string(kPdfMediaType), "The file's bytes");
}

}  // namespace weltcampus::partners
