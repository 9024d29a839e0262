#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/collation.h"
#include "core/date.h"
#include "core/paging.h"
#include "core/record_schema.h"
#include "store/filter.h"
#include "store/list_query.h"
#include "store/sql.h"
#include "store/versioned.h"

namespace weltcampus::store {

// The SQL of a plain record type, built once from its field definition (core/record_schema.h):
// the table has `id`, `version`, `created_at`, `updated_at` and one column per stored field. A
// record type with child rows or joins keeps a repository of its own and uses the kit's parts.
//
//   const RecordTable<OrgUnit> table("org_units", "Organisational unit", OrgUnitSchema());
//   table.Find(c, 7); table.List(c, filter, sorts, page); table.Insert(c, unit);
// A collation key (core/collation.h) that a table keeps beside a text column for the lists that
// sort by it: `column` holds CollationKey(source), or of `fallback` where the source is NULL (a
// German name, else the English one); NULL when both are. Written with every insert and update.
struct CollationKeyColumn {
  std::string column;
  std::string source;
  std::string fallback = {};
};

template <typename T>
class RecordTable {
 public:
  // `what` names a record in messages ("Organisational unit not found"). A record that belongs
  // to another (a joint structure to its partnership) names its `parent_column`, a read-only
  // field that an insert writes and an update never changes.
  RecordTable(std::string table, std::string what, const RecordSchema<T>& schema,
              std::string parent_column = {}, std::vector<CollationKeyColumn> keys = {})
      : table_(std::move(table)),
        what_(std::move(what)),
        schema_(schema),
        editable_(schema.Columns(ColumnUse::kEditable)),
        parent_column_(std::move(parent_column)),
        keys_(std::move(keys)) {
    std::string selected;
    for (const auto& column : schema_.Columns(ColumnUse::kServerSet)) {
      selected += (selected.empty() ? "" : ", ") + column;
    }
    std::string names;
    std::string values;
    for (const auto& column : editable_) {
      selected += (selected.empty() ? "" : ", ") + column;
      names += column + ", ";
      values += ":" + column + ", ";
      assignments_ += (assignments_.empty() ? "" : ", ") + column + " = :" + column;
    }
    for (const auto& key : keys_) {
      names += key.column + ", ";
      values += ":" + key.column + ", ";
      assignments_ += ", " + key.column + " = :" + key.column;
    }
    if (!parent_column_.empty()) {
      names += parent_column_ + ", ";
      values += ":" + parent_column_ + ", ";
    }
    select_ = "SELECT " + selected + " FROM " + table_;
    insert_ = "INSERT INTO " + table_ + " (" + names + "version, created_at, updated_at) VALUES (" +
              values + "1, :at, :at)";
  }

  const std::string& table() const { return table_; }
  const std::string& what() const { return what_; }
  const RecordSchema<T>& schema() const { return schema_; }
  const std::string& parent_column() const { return parent_column_; }
  // "SELECT <every stored column> FROM <table>", for a module's own queries of whole records.
  const std::string& select() const { return select_; }

  T FromRow(const Row& row) const { return schema_.Load(row); }

  std::optional<T> Find(Connection& c, int64_t id) const {
    auto row = c.QueryOne(select_ + " WHERE id = :id", Params().Set("id", id));
    return row ? std::optional<T>(FromRow(*row)) : std::nullopt;
  }

  // One page of the records the filter lets through, in the order of `sort`.
  Page<T> List(Connection& c, const Filter& filter, const SortTable& sort,
               const PageRequest& page) const {
    return ListPage(c, {select_, "FROM " + table_}, filter, sort, page,
                    [this](const Row& row) { return FromRow(row); });
  }

  // Every record the filter lets through, in the order of `order_by` (a literal: "kind, name").
  std::vector<T> All(Connection& c, const Filter& filter, std::string_view order_by) const {
    std::vector<T> records;
    for (const auto& row : c.Query(select_ + filter.Where() + " ORDER BY " + std::string(order_by),
                                   filter.params())) {
      records.push_back(FromRow(row));
    }
    return records;
  }

  // Inserts the record at version 1; sets its id and version.
  void Insert(Connection& c, T& record) const {
    Params values = Values(record);
    if (!parent_column_.empty()) {
      values.SetStored(parent_column_, schema_.ColumnValue(record, parent_column_));
    }
    record.id = c.Insert(insert_, values.Set("at", NowUtcTimestamp()));
    record.version = 1;
  }

  // Writes the editable fields of the record at the version the client read (404/412 otherwise).
  void Update(Connection& c, T& record, int64_t expected_version) const {
    record.version = VersionedUpdate(c, table_, what_, record.id, expected_version, assignments_,
                                     Values(record));
  }

  // Removes a record at the version the client read; refused with 409 while other records point
  // at it (store::DeclareReference).
  void Delete(Connection& c, int64_t id, int64_t expected_version) const {
    VersionedDelete(c, table_, what_, id, expected_version);
  }

  // Writes the collation keys of every record where they differ from the stored ones (a code
  // migration, when the keys are new or their order changed).
  void WriteCollationKeys(Connection& c) const {
    if (keys_.empty()) {
      return;
    }
    std::string columns;
    std::string assignments;
    for (const auto& key : keys_) {
      columns += ", " + key.column;
      assignments += (assignments.empty() ? "" : ", ") + key.column + " = :" + key.column;
    }
    // "SELECT <every stored column>, <keys> FROM <table>"
    const std::string from = " FROM " + table_;
    const std::string select = select_.substr(0, select_.size() - from.size()) + columns + from;
    for (const auto& row : c.Query(select)) {
      const T record = FromRow(row);
      Params params;
      bool differs = false;
      for (const auto& key : keys_) {
        const auto value = KeyOf(record, key);
        differs = differs || value != row.OptionalText(key.column);
        params.Set(key.column, value);
      }
      if (differs) {
        c.Exec("UPDATE " + table_ + " SET " + assignments + " WHERE id = :id",
               params.Set("id", row.Int("id")));
      }
    }
  }

 private:
  std::optional<std::string> KeyOf(const T& record, const CollationKeyColumn& key) const {
    for (const auto& source : {key.source, key.fallback}) {
      if (source.empty()) {
        continue;
      }
      const StoredValue value = schema_.ColumnValue(record, source);
      if (const auto* text = std::get_if<std::string>(&value)) {
        return CollationKey(*text);
      }
    }
    return std::nullopt;
  }

  Params Values(const T& record) const {
    Params params;
    auto values = schema_.EditableValues(record);
    for (size_t i = 0; i < editable_.size(); ++i) {
      params.SetStored(editable_[i], std::move(values[i]));
    }
    for (const auto& key : keys_) {
      params.Set(key.column, KeyOf(record, key));
    }
    return params;
  }

  std::string table_;
  std::string what_;
  const RecordSchema<T>& schema_;
  std::vector<std::string> editable_;
  std::string parent_column_;
  std::vector<CollationKeyColumn> keys_;
  std::string select_;
  std::string insert_;
  std::string assignments_;
};

}  // namespace weltcampus::store
