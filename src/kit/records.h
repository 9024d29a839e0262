#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "audit/record_changes.h"
#include "auth/context.h"
#include "http/list_export.h"
#include "http/permission.h"
#include "http/responses.h"
#include "http/router.h"
#include "kit/list_filters.h"
#include "store/database.h"
#include "store/record_table.h"

// The record kit: a plain record type's list, get, create, update and delete — SQL, rules, audit
// entries, ETag/If-Match, export and OpenAPI — from its field definition and its rules. A module
// describes the type once (RecordType) and registers it (RegisterRecordRoutes); the service
// (Records) is also what the module's other code and other modules' code call.
namespace weltcampus::kit {

// A rule of the module, run inside the write's transaction; throws ApiError to refuse.
template <typename T>
using Rule = std::function<void(store::Connection& c, const T& record)>;

// Where records belong to a parent record (joint structures to a partnership), they are listed and
// added under the parent's collection, "/api/v1/partnerships/{id}/joint-structures"; the parent's
// id from the path is set in `member` (the table's parent column) and kept across updates.
template <typename T>
struct ParentOf {
  int64_t T::*member;
  std::string collection;
  // Throws 404 for a parent that does not exist.
  std::function<void(store::Connection& c, int64_t parent_id)> exists;
};

template <typename T>
struct RecordType {
  const store::RecordTable<T>& table;
  std::string entity;       // its name in the audit log: "org_unit"
  std::string path;         // its records are <path>/{id}: "/api/v1/org-units"
  std::string export_name;  // the file name of its exports: "org-units"
  http::Permission read;
  http::Permission write;
  std::string one;   // "an organisational unit", for the OpenAPI summaries
  std::string many;  // "organisational units"
  store::SortTable sorts;
  std::vector<ListFilter> filters;
  std::span<const http::ExportField> export_columns;
  // Checked before every create and update, with the record as it would be written (id 0 when
  // new).
  Rule<T> check = nullptr;
  // Run before `check` on every create and update: sets the fields the module derives from other
  // records (RecordSchema::Derived: a name copied for lists); throws ApiError to refuse.
  std::function<void(store::Connection& c, T& record)> derive = nullptr;
  // Checked before a removal, beyond the references other modules declared, which are refused
  // with 409 naming the records that use it (store::DeclareReference).
  Rule<T> check_removal = nullptr;
  // Unset: the collection is `path` itself.
  std::optional<ParentOf<T>> parent = std::nullopt;
  // Set for records about a person (a student, a student's certificate): each read of one record
  // and each export of the list is audited ("read", "export"), naming the account the record is
  // about where it has one (looked up in the reader's transaction).
  std::function<std::optional<int64_t>(store::Connection& c, const T& record)> person = nullptr;
};

// The record type's operations, each one transaction; every change audited in the actor's name.
template <typename T>
class Records {
 public:
  Records(store::Database& database, RecordType<T> type)
      : database_(database), type_(std::move(type)) {}

  const RecordType<T>& type() const { return type_; }

  T Get(int64_t id) {
    return store::Found(
        database_.Read([&](store::Connection& c) { return type_.table.Find(c, id); }),
        type_.table.what());
  }

  // Get for a reader: a record of a person is read in a transaction that records the read.
  T Read(const audit::Actor& actor, int64_t id) {
    if (!type_.person) {
      return Get(id);
    }
    return database_.Write([&](store::Connection& c) {
      auto record = store::Found(type_.table.Find(c, id), type_.table.what());
      audit::RecordRead(c, actor, type_.entity, std::to_string(id), type_.person(c, record));
      return record;
    });
  }

  // An export of a person's records (the list's filters in `query`) is recorded before it is sent.
  void AuditExport(const audit::Actor& actor, const std::map<std::string, std::string>& query) {
    if (!type_.person) {
      return;
    }
    audit::RecordExport(database_, actor, type_.entity, query);
  }

  // One page of the records the filter lets through; of one parent when the type has parents
  // (404 for a parent that does not exist).
  store::Page<T> List(store::Filter where, const PageRequest& page,
                      std::optional<int64_t> parent_id = std::nullopt) {
    if (type_.parent) {
      where.Add(type_.table.parent_column() + " = :kit_parent", "kit_parent", parent_id);
    }
    return database_.Read([&](store::Connection& c) {
      if (type_.parent) {
        type_.parent->exists(c, parent_id.value_or(0));
      }
      return type_.table.List(c, where, type_.sorts, page);
    });
  }

  T Create(const audit::Actor& actor, T record, std::optional<int64_t> parent_id = std::nullopt) {
    return database_.Write(
        [&](store::Connection& c) { return Create(c, actor, std::move(record), parent_id); });
  }

  // Within the caller's transaction (a demo, an import, another module's operation).
  T Create(store::Connection& c, const audit::Actor& actor, T record,
           std::optional<int64_t> parent_id = std::nullopt) const {
    if (type_.parent) {
      type_.parent->exists(c, parent_id.value_or(0));
      record.*(type_.parent->member) = parent_id.value_or(0);
    }
    return audit::CreateRecord(c, actor, type_.entity, Finder(), [&](store::Connection& c) {
      record.id = 0;
      Check(c, record);
      type_.table.Insert(c, record);
      return record.id;
    });
  }

  T Update(const audit::Actor& actor, int64_t id, T record, int64_t expected_version) {
    return database_.Write([&](store::Connection& c) {
      return audit::UpdateRecord(c, actor, type_.entity, type_.table.what(), id, expected_version,
                                 Finder(), [&](store::Connection& c, const T& current) {
                                   record.id = id;
                                   if (type_.parent) {
                                     record.*(type_.parent->member) =
                                         current.*(type_.parent->member);
                                   }
                                   Check(c, record);
                                   type_.table.Update(c, record, expected_version);
                                 });
    });
  }

  void Delete(const audit::Actor& actor, int64_t id, int64_t expected_version) {
    database_.Write([&](store::Connection& c) {
      audit::DeleteRecord(c, actor, type_.entity, type_.table.what(), type_.table.table(), id,
                          expected_version, Finder(), [&](store::Connection& c, const T& current) {
                            if (type_.check_removal) {
                              type_.check_removal(c, current);
                            }
                          });
    });
  }

 private:
  auto Finder() const {
    return [this](store::Connection& c, int64_t id) { return type_.table.Find(c, id); };
  }
  void Check(store::Connection& c, T& record) const {
    if (type_.derive) {
      type_.derive(c, record);
    }
    if (type_.check) {
      type_.check(c, record);
    }
  }

  store::Database& database_;
  RecordType<T> type_;
};

// GET <path> (a page with the type's filters and sorts, or ?format=csv|xlsx), POST <path>,
// GET/PUT/DELETE <path>/{id}; read needs `read`, the rest `write`.
template <typename T>
std::shared_ptr<Records<T>> RegisterRecordRoutes(http::Router& router, store::Database& database,
                                                 RecordType<T> type) {
  auto records = std::make_shared<Records<T>>(database, std::move(type));
  const RecordType<T>& t = records->type();
  const auto& schema = t.table.schema();
  const std::string collection = t.parent ? t.parent->collection : t.path;
  // The parent's id in the collection's path, for records of a parent.
  const auto parent_of = [records](const http::Request& request) {
    return records->type().parent ? std::optional<int64_t>(request.PathId("id")) : std::nullopt;
  };
  auto& list =
      router
          .Add("GET", collection, t.read, "List the " + t.many,
               [records, parent_of](const http::Request& request) {
                 const auto& type = records->type();
                 const auto page =
                     type.sorts.PageFrom(request.query, http::RequestLanguage(request));
                 if (http::ExportFormatOf(request)) {
                   records->AuditExport(auth::ActorOf(request), request.query);
                 }
                 return http::ListOrExport(request, page, type.export_name, type.export_columns,
                                           [records, where = FilterOf(type.filters, request.query),
                                            parent = parent_of(request)](const PageRequest& p) {
                                             return records->List(where, p, parent);
                                           });
               })
          .ReturnsPage(schema.Output())
          .Paged(t.sorts.ApiValues());
  for (const auto& filter : t.filters) {
    list.Query(filter.name, filter.schema);
  }
  router
      .Add("POST", collection, t.write, "Add " + t.one,
           [records, parent_of](const http::Request& request) {
             const auto& type = records->type();
             return http::CreatedResponse(
                 records->Create(auth::ActorOf(request),
                                 type.table.schema().Read(request.JsonBody()), parent_of(request)),
                 type.path);
           })
      .Accepts(schema.Input())
      .Returns(201, schema.Output());
  router
      .Add("GET", t.path + "/{id}", t.read, "Read " + t.one,
           [records](const http::Request& request) {
             return http::RecordResponse(
                 records->Read(auth::ActorOf(request), request.PathId("id")));
           })
      .Returns(200, schema.Output());
  router
      .Add("PUT", t.path + "/{id}", t.write, "Change " + t.one,
           [records](const http::Request& request) {
             const auto version = request.RequiredIfMatch();
             return http::RecordResponse(
                 records->Update(auth::ActorOf(request), request.PathId("id"),
                                 records->type().table.schema().Read(request.JsonBody()), version));
           })
      .Accepts(schema.Input())
      .Returns(200, schema.Output());
  router
      .Add("DELETE", t.path + "/{id}", t.write, "Remove " + t.one,
           [records](const http::Request& request) {
             records->Delete(auth::ActorOf(request), request.PathId("id"),
                             request.RequiredIfMatch());
             return http::Response::NoContent();
           })
      .ReturnsNothing(204);
  return records;
}

}  // namespace weltcampus::kit
