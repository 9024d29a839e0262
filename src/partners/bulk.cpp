#include "partners/bulk.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "auth/context.h"
#include "core/academic_year.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_schema.h"
#include "core/json_writer.h"
#include "http/responses.h"
#include "partners/input.h"
#include "partners/json.h"
#include "partners/permissions.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

namespace repo = repository;
using store::Connection;

namespace {

std::string IdList(const std::vector<int64_t>& ids) {
  std::string text;
  for (const auto id : ids) {
    text += (text.empty() ? "" : ", ") + std::to_string(id);
  }
  return text;
}

std::vector<BulkItem> ItemsFromJson(const JsonInput& in) {
  const auto& list = in.OptionalArray("items", kMaxBulkItems);
  if (list.empty()) {
    throw ValidationError("items", "Name at least one record");
  }
  std::vector<BulkItem> items;
  std::set<int64_t> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    const JsonInput item(list[i], in.FieldName("items", i));
    BulkItem read{item.RequiredInt("id", 1, INT64_MAX), item.RequiredInt("version", 1, INT64_MAX)};
    if (!seen.insert(read.id).second) {
      throw ValidationError(item.FieldName("id"), "This record is named twice");
    }
    items.push_back(read);
  }
  return items;
}

// The "set" object: only the given keys, at least one of them.
JsonInput SetFromJson(const nlohmann::json& body, std::initializer_list<std::string_view> keys) {
  const auto set = body.find("set");
  if (set == body.end() || !set->is_object() || set->empty()) {
    throw ValidationError(
        "set", "Name at least one field to set: " + [&] {
          std::string names;
          for (auto key : keys) {
            names += (names.empty() ? "" : ", ") + std::string(key);
          }
          return names;
        }());
  }
  for (const auto& [key, value] : set->items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      throw ValidationError("set." + key, "Cannot be set on several records at once");
    }
  }
  return JsonInput(*set, "set");
}

// The change of every item, all or nothing inside the caller's transaction. `find(c, id)` loads a
// record, `apply(record)` sets the fields and answers whether anything changed, `update(c, id,
// record, version)` is the single PUT's rules, write and audit entry.
template <typename T, typename Find, typename Apply, typename Update>
BulkResult<T> ChangeAll(Connection& c, std::string_view what, const std::vector<BulkItem>& items,
                        Find find, Apply apply, Update update) {
  std::vector<T> current;
  std::vector<int64_t> missing;
  std::vector<int64_t> stale;
  for (const auto& item : items) {
    auto record = find(c, item.id);
    if (!record) {
      missing.push_back(item.id);
    } else if (record->version != item.version) {
      stale.push_back(item.id);
    } else {
      current.push_back(std::move(*record));
    }
  }
  const auto named = [what](const std::vector<int64_t>& ids) {
    return std::string(what) + (ids.size() > 1 ? "s " : " ") + IdList(ids);
  };
  if (!missing.empty()) {
    throw ApiError(ErrorCode::kNotFound, named(missing) + " not found; nothing was changed")
        .WithDetail("record_ids", missing);
  }
  if (!stale.empty()) {
    throw ApiError(ErrorCode::kPreconditionFailed,
                   named(stale) + " changed by someone else since read; nothing was changed")
        .WithDetail("record_ids", stale);
  }
  BulkResult<T> result;
  nlohmann::json failures = nlohmann::json::array();
  std::vector<int64_t> at_fault;
  for (size_t i = 0; i < items.size(); ++i) {
    T changed = current[i];
    if (!apply(changed)) {
      result.unchanged.push_back(items[i].id);
      result.items.push_back(std::move(current[i]));
      continue;
    }
    const std::string prefix = "items[" + std::to_string(i) + "]";
    try {
      result.items.push_back(update(c, items[i].id, std::move(changed), items[i].version));
      result.changed.push_back(items[i].id);
    } catch (const ApiError& error) {
      const std::string field = error.field().empty() ? prefix : prefix + "." + error.field();
      if (error.code() != ErrorCode::kValidationFailed) {
        // Not a rule of the record's fields (a conflict the database found): the transaction
        // may no longer be usable, so the first one ends it.
        ApiError renamed(error.code(),
                         std::string(what) + " " + std::to_string(items[i].id) + ": " +
                             error.what() + "; nothing was changed",
                         field);
        for (const auto& [key, value] : error.details().items()) {
          renamed.WithDetail(key, value);
        }
        throw renamed.WithDetail("record_ids", std::vector<int64_t>{items[i].id});
      }
      // A broken rule is the service's own check, not a failed statement: the transaction stays
      // usable, so the others are still checked (the answer names every record at fault), and
      // then all of it is rolled back.
      failures.push_back({{"id", items[i].id}, {"field", field}, {"message", error.what()}});
      at_fault.push_back(items[i].id);
    }
  }
  if (!failures.empty()) {
    throw ValidationError(failures.front()["field"].get<std::string>(),
                          named(at_fault) + " cannot be changed so; nothing was changed. " +
                              std::string(what) + " " + std::to_string(at_fault.front()) + ": " +
                              failures.front()["message"].get<std::string>())
        .WithDetail("failures", failures)
        .WithDetail("record_ids", at_fault);
  }
  return result;
}

}  // namespace

PartnershipBulkChange PartnershipBulkChangeFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  PartnershipBulkChange change;
  change.items = ItemsFromJson(in);
  const JsonInput set = SetFromJson(body, {"tier"});
  change.tier = kTierTable.Parse(set.RequiredEnum("tier", kTiers));
  return change;
}

AgreementBulkChange AgreementBulkChangeFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  AgreementBulkChange change;
  change.items = ItemsFromJson(in);
  const JsonInput set = SetFromJson(body, {"status", "last_academic_year"});
  if (set.Has("status")) {
    change.status = kAgreementStatusTable.Parse(set.RequiredEnum("status", kAgreementStatuses));
  }
  if (set.Has("last_academic_year")) {
    const auto text = set.RequiredString("last_academic_year", AcademicYear::kMaxInput);
    const auto year = AcademicYear::Parse(text);
    if (!year) {
      throw ValidationError(set.FieldName("last_academic_year"),
                            "Must be an academic year such as 2027/2028");
    }
    change.last_academic_year = year->first_calendar_year();
  }
  return change;
}

BulkResult<Partnership> ChangePartnerships(store::Database& database, PartnersService& service,
                                           const audit::Actor& actor, Date today,
                                           const PartnershipBulkChange& change) {
  return database.Write([&](Connection& c) {
    return ChangeAll<Partnership>(
        c, "Partnership", change.items,
        [year = AcademicYearOf(today)](Connection& c, int64_t id) {
          return repo::FindPartnership(c, id, year);
        },
        [&](Partnership& partnership) {
          const bool differs = change.tier && partnership.tier != *change.tier;
          partnership.tier = change.tier.value_or(partnership.tier);
          return differs;
        },
        [&](Connection& c, int64_t id, Partnership partnership, int64_t version) {
          return service.UpdatePartnershipIn(c, actor, today, id, std::move(partnership), version);
        });
  });
}

BulkResult<Agreement> ChangeAgreements(store::Database& database, PartnersService& service,
                                       const audit::Actor& actor,
                                       const AgreementBulkChange& change) {
  return database.Write([&](Connection& c) {
    return ChangeAll<Agreement>(
        c, "Agreement", change.items, repo::FindAgreement,
        [&](Agreement& agreement) {
          bool differs = false;
          if (change.status && agreement.status != *change.status) {
            agreement.status = *change.status;
            differs = true;
          }
          if (change.last_academic_year &&
              agreement.last_academic_year != *change.last_academic_year) {
            agreement.last_academic_year = *change.last_academic_year;
            differs = true;
          }
          return differs;
        },
        [&](Connection& c, int64_t id, Agreement agreement, int64_t version) {
          CheckAgreementFields(agreement);
          return service.UpdateAgreementIn(c, actor, id, std::move(agreement), version);
        });
  });
}

namespace {

NamedSchema BulkChangeSchema(std::string name, nlohmann::json set_properties) {
  using namespace json_schema;
  nlohmann::json item = Input({{"id", Id()}, {"version", Id()}}, {"id", "version"});
  item["additionalProperties"] = false;
  nlohmann::json items = ArrayOf(std::move(item));
  items["minItems"] = 1;
  items["maxItems"] = kMaxBulkItems;
  items["description"] = "The records at the versions the client read; each id once";
  nlohmann::json set = {{"type", "object"},
                        {"minProperties", 1},
                        {"additionalProperties", false},
                        {"properties", std::move(set_properties)}};
  nlohmann::json schema =
      Input({{"items", std::move(items)}, {"set", std::move(set)}}, {"items", "set"});
  schema["description"] =
      "Set the same fields on several records, all or nothing; each changed record is audited as "
      "by its own PUT";
  return {std::move(name), std::move(schema)};
}

NamedSchema BulkResultSchema(std::string name, nlohmann::json record) {
  using namespace json_schema;
  return {std::move(name), Closed({{"changed", ArrayOf(Id())},
                                   {"unchanged", ArrayOf(Id())},
                                   {"items", ArrayOf(std::move(record))}})};
}

template <typename T>
http::Response BulkResponse(const BulkResult<T>& result) {
  std::string text;
  JsonWriter out(text);
  out.BeginObject().Key("changed").BeginArray();
  for (const auto id : result.changed) {
    out.Int(id);
  }
  out.EndArray().Key("unchanged").BeginArray();
  for (const auto id : result.unchanged) {
    out.Int(id);
  }
  out.EndArray().Key("items").BeginArray();
  for (const auto& record : result.items) {
    http::WriteRecord(record, out);
  }
  out.EndArray().EndObject();
  return http::Response::JsonText(200, std::move(text));
}

}  // namespace

void RegisterBulkRoutes(http::Router& router, store::Database& database,
                        std::shared_ptr<PartnersService> service) {
  router
      .Add("POST", "/api/v1/partnerships/bulk", kWritePartners,
           "Set the tier of several partnerships at once (all or nothing)",
           [&database, service](const http::Request& request) {
             return BulkResponse(
                 ChangePartnerships(database, *service, auth::ActorOf(request), Date::TodayUtc(),
                                    PartnershipBulkChangeFromJson(request.JsonBody())));
           })
      .Accepts(BulkChangeSchema("PartnershipBulkChange",
                                {{"tier", {{"type", "string"}, {"enum", kTierTable.Json()}}}}))
      .Returns(200, BulkResultSchema("PartnershipBulkResult", PartnershipSchema().OutputSchema()))
      .Fails({404, 412});
  router
      .Add("POST", "/api/v1/agreements/bulk", kWritePartners,
           "Set the status or the last academic year of several agreements at once (all or "
           "nothing; status transitions are checked)",
           [&database, service](const http::Request& request) {
             return BulkResponse(ChangeAgreements(database, *service, auth::ActorOf(request),
                                                  AgreementBulkChangeFromJson(request.JsonBody())));
           })
      .Accepts(BulkChangeSchema(
          "AgreementBulkChange",
          {{"status", {{"type", "string"}, {"enum", kAgreementStatusTable.Json()}}},
           {"last_academic_year",
            {{"type", "string"},
             {"pattern", std::string(AcademicYear::kPattern)},
             {"description", std::string(AcademicYear::kDescription)}}}}))
      .Returns(200, BulkResultSchema("AgreementBulkResult", AgreementSchema().OutputSchema()))
      .Fails({404, 412});
}

}  // namespace weltcampus::partners
