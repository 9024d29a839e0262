#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/academic_year.h"
#include "core/date.h"
#include "core/enum_table.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_writer.h"
#include "core/stored_row.h"

namespace weltcampus {

// A JSON Schema (2020-12) with the name it has under components/schemas of the OpenAPI document.
struct NamedSchema {
  std::string name;
  nlohmann::json schema;
};

// How a field is kept in its record's row (store/record_table.h): written and read back, only read
// back (the id, version, timestamps and other fields the server sets), or not in the row at all (a
// list of child records, a nested record).
enum class ColumnUse { kNone, kEditable, kServerSet };

// A list answer {items: [item], next_cursor: string|null, total: integer}, named "<item>Page".
inline NamedSchema PageSchema(const NamedSchema& item) {
  return {item.name + "Page",
          {{"type", "object"},
           {"required", {"items", "next_cursor", "total"}},
           {"additionalProperties", false},
           {"properties",
            {{"items", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/" + item.name}}}}},
             {"next_cursor", {{"type", {"string", "null"}}}},
             {"total", {{"type", "integer"}, {"minimum", 0}}}}}}};
}

// The one definition of a record type's JSON: a list of fields, each tied to a member of T by a
// pointer-to-member. From it come the reading of a client's JSON (type, length, range, enumeration,
// the field's own check; every failure names the field, with its path inside nested objects), the
// writing of T as JSON, and the JSON Schemas of both for the OpenAPI document. So the document
// cannot drift from what the server reads and writes. The same fields name the record's columns
// (a field's key unless .Column() says otherwise), so a plain record needs no SQL of its own.
//
//   const RecordSchema<OrgUnit> schema = RecordSchema<OrgUnit>("OrgUnit")
//       .Key(&OrgUnit::id, &OrgUnit::version)
//       .Int("parent_id", &OrgUnit::parent_id, 1, INT64_MAX)
//       .Text("name", &OrgUnit::name, 300)
//       .Enum("kind", &OrgUnit::kind, kOrgUnitKindTable);
//
// Conventions: a field given as std::optional is optional in input (missing, null and blank read as
// "not given") and null in output; any other field is required in input (unless it has a default)
// and always present in output. ReadOnly() fields are written, never read. Rules across fields
// ("give both latitude and longitude") stay in the module's input code, after Read.
template <typename T>
class RecordSchema {
 public:
  explicit RecordSchema(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }

  // --- field kinds ---

  RecordSchema& Text(std::string key, std::string T::*member, size_t max_length) {
    Field field = Scalar(std::move(key), "string", /*optional=*/false, {{"maxLength", max_length}});
    field.input_extra = {{"minLength", 1}};
    field.read = [member, max_length](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.RequiredString(self.key, max_length);
      self.Check(in, record.*member);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  RecordSchema& Text(std::string key, std::optional<std::string> T::*member, size_t max_length) {
    Field field = Scalar(std::move(key), "string", /*optional=*/true, {{"maxLength", max_length}});
    field.read = [member, max_length](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalString(self.key, max_length);
      if (record.*member) {
        self.Check(in, *(record.*member));
      }
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  RecordSchema& Int(std::string key, int64_t T::*member, int64_t min, int64_t max) {
    Field field = Scalar(std::move(key), "integer", false, Range(min, max));
    field.read = [member, min, max](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.RequiredInt(self.key, min, max);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // A whole number that a missing or null input leaves at `default_value`.
  RecordSchema& Int(std::string key, int64_t T::*member, int64_t min, int64_t max,
                    int64_t default_value) {
    Field field = Scalar(std::move(key), "integer", false, Range(min, max));
    field.has_default = true;
    field.input_extra = {{"default", default_value}};
    field.read = [member, min, max, default_value](const Field& self, const JsonInput& in,
                                                   T& record) {
      record.*member = in.OptionalInt(self.key, min, max).value_or(default_value);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  RecordSchema& Int(std::string key, std::optional<int64_t> T::*member, int64_t min, int64_t max) {
    Field field = Scalar(std::move(key), "integer", true, Range(min, max));
    field.read = [member, min, max](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalInt(self.key, min, max);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  RecordSchema& Number(std::string key, std::optional<double> T::*member, double min, double max) {
    Field field = Scalar(std::move(key), "number", true, {{"minimum", min}, {"maximum", max}});
    field.read = [member, min, max](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalNumber(self.key, min, max);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // A number the client must give.
  RecordSchema& Number(std::string key, double T::*member, double min, double max) {
    Field field = Scalar(std::move(key), "number", false, {{"minimum", min}, {"maximum", max}});
    field.read = [member, min, max](const Field& self, const JsonInput& in, T& record) {
      const auto value = in.OptionalNumber(self.key, min, max);
      if (!value) {
        throw ValidationError(in.FieldName(self.key), "Required");
      }
      record.*member = *value;
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  RecordSchema& Bool(std::string key, bool T::*member, bool default_value) {
    Field field = Scalar(std::move(key), "boolean", false, {});
    field.has_default = true;
    field.input_extra = {{"default", default_value}};
    field.read = [member, default_value](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalBool(self.key).value_or(default_value);
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // A value of an enumeration, read and written by its name in `table`; required in input.
  template <typename E, std::size_t N>
  RecordSchema& Enum(std::string key, E T::*member, const EnumTable<E, N>& table) {
    Field field = Scalar(std::move(key), "string", false, {{"enum", table.Json()}});
    field.read = [member, table](const Field& self, const JsonInput& in, T& record) {
      record.*member = *table.Parse(in.RequiredEnum(self.key, table.names()));
    };
    field.write = [member, table](const T& record, JsonWriter& out) {
      out.String(table.Name(record.*member));
    };
    StoreEnumIn(field, member, table);
    return Add(std::move(field));
  }

  // An enumeration value that a missing or null input leaves at `default_value`.
  template <typename E, std::size_t N>
  RecordSchema& Enum(std::string key, E T::*member, const EnumTable<E, N>& table, E default_value) {
    Field field = Scalar(std::move(key), "string", false, {{"enum", table.Json()}});
    field.has_default = true;
    field.input_extra = {{"default", std::string(table.Name(default_value))}};
    field.read = [member, table, default_value](const Field& self, const JsonInput& in, T& record) {
      const auto name = in.OptionalEnum(self.key, table.names());
      record.*member = name ? *table.Parse(*name) : default_value;
    };
    field.write = [member, table](const T& record, JsonWriter& out) {
      out.String(table.Name(record.*member));
    };
    StoreEnumIn(field, member, table);
    return Add(std::move(field));
  }

  // An optional enumeration value: missing, null and blank read as "not given"; null in output.
  template <typename E, std::size_t N>
  RecordSchema& Enum(std::string key, std::optional<E> T::*member, const EnumTable<E, N>& table) {
    Field field = Scalar(std::move(key), "string", true, {{"enum", table.Json()}});
    field.read = [member, table](const Field& self, const JsonInput& in, T& record) {
      const auto name = in.OptionalEnum(self.key, table.names());
      record.*member = name ? table.Parse(*name) : std::nullopt;
    };
    field.write = [member, table](const T& record, JsonWriter& out) {
      out.Value(table.Name(record.*member));
    };
    StoreEnumIn(field, member, table);
    return Add(std::move(field));
  }

  // An ISO 8601 date ("2027-09-30"), optional.
  RecordSchema& Date(std::string key, std::optional<std::string> T::*member) {
    Field field = Scalar(std::move(key), "string", true, {{"format", "date"}});
    field.read = [member](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalString(self.key, 10);
      if (record.*member && !weltcampus::Date::Parse(*(record.*member))) {
        throw ValidationError(in.FieldName(self.key), "Must be a date such as 2027-09-30");
      }
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // An ISO 8601 date the client must give.
  RecordSchema& RequiredDate(std::string key, std::string T::*member) {
    Field field = Scalar(std::move(key), "string", false, {{"format", "date"}});
    field.read = [member](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.RequiredString(self.key, 10);
      if (!weltcampus::Date::Parse(record.*member)) {
        throw ValidationError(in.FieldName(self.key), "Must be a date such as 2027-09-30");
      }
    };
    field.write = Plain(member);
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // An ISO 8601 date the server sets (always present in output).
  RecordSchema& Date(std::string key, std::string T::*member) {
    Field field = Scalar(std::move(key), "string", false, {{"format", "date"}});
    field.read_only = true;
    field.write = Plain(member);
    StoreIn(field, member);
    field.column = ColumnUse::kServerSet;
    return Add(std::move(field));
  }

  // An academic year, written "2027/2028" in JSON, its first calendar year (2027) in T; required.
  // Input may also be written as the browser shows it (AcademicYear::Parse).
  RecordSchema& AcademicYearField(std::string key, int T::*member) {
    Field field = Scalar(std::move(key), "string", false,
                         {{"pattern", std::string(AcademicYear::kPattern)},
                          {"description", std::string(AcademicYear::kDescription)}});
    field.read = [member](const Field& self, const JsonInput& in, T& record) {
      const auto year = AcademicYear::Parse(in.RequiredString(self.key, AcademicYear::kMaxInput));
      if (!year) {
        throw ValidationError(in.FieldName(self.key), "Must be an academic year such as 2027/2028");
      }
      record.*member = year->first_calendar_year();
    };
    field.write = [member](const T& record, JsonWriter& out) {
      out.String(AcademicYear(record.*member).ToString());
    };
    StoreIn(field, member);
    return Add(std::move(field));
  }

  // A list of whole numbers (ids, levels); duplicates are dropped, the order kept.
  template <typename I>
  RecordSchema& IntList(std::string key, std::vector<I> T::*member, int64_t min, int64_t max,
                        size_t max_items) {
    Field field = Scalar(std::move(key), "array", false,
                         {{"maxItems", max_items}, {"items", {{"type", "integer"}}}});
    field.value_extra["items"].update(Range(min, max));
    field.has_default = true;
    field.optional_input = true;
    field.read = [member, min, max, max_items](const Field& self, const JsonInput& in, T& record) {
      const auto& items = in.OptionalArray(self.key, max_items);
      auto& out = record.*member;
      out.clear();
      for (size_t i = 0; i < items.size(); ++i) {
        // Checked in the JSON's own 64-bit type, so that 2^32 + 7 is refused, not narrowed to 7.
        const nlohmann::json& item = items[i];
        const bool whole = item.is_number_integer() &&
                           !(item.is_number_unsigned() && item.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX));
        if (!whole || item.get<int64_t>() < min || item.get<int64_t>() > max) {
          throw ValidationError(in.FieldName(self.key, i),
                                self.check_message.empty()
                                    ? "Must be a whole number from " + std::to_string(min) +
                                          " to " + std::to_string(max)
                                    : self.check_message);
        }
        const auto value = static_cast<I>(item.get<int64_t>());
        if (std::find(out.begin(), out.end(), value) == out.end()) {
          out.push_back(value);
        }
      }
    };
    field.write = Plain(member);
    field.list_to_column = [member](const T& record) {
      std::string text;
      for (const auto value : record.*member) {
        text += (text.empty() ? "" : ",") + std::to_string(value);
      }
      return StoredValue(text);
    };
    field.list_from_column = [member](const StoredRow& row, std::string_view column, T& record) {
      auto& out = record.*member;
      out.clear();
      const std::string text = row.OptionalText(column).value_or("");
      size_t start = 0;
      while (start < text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        out.push_back(static_cast<I>(std::stoll(text.substr(start, end - start))));
        start = end + 1;
      }
    };
    return Add(std::move(field));
  }

  // A list of values of an enumeration, by their names; duplicates are dropped, the order kept;
  // missing or null reads as empty. Kept in its row as the names separated by commas.
  template <typename E, std::size_t N>
  RecordSchema& EnumList(std::string key, std::vector<E> T::*member, const EnumTable<E, N>& table,
                         size_t max_items) {
    Field field =
        Scalar(std::move(key), "array", false,
               {{"maxItems", max_items}, {"items", {{"type", "string"}, {"enum", table.Json()}}}});
    field.has_default = true;
    field.optional_input = true;
    field.read = [member, table, max_items](const Field& self, const JsonInput& in, T& record) {
      const auto& items = in.OptionalArray(self.key, max_items);
      auto& out = record.*member;
      out.clear();
      for (size_t i = 0; i < items.size(); ++i) {
        const auto value =
            items[i].is_string() ? table.Parse(items[i].template get<std::string>()) : std::nullopt;
        if (!value) {
          throw ValidationError(in.FieldName(self.key, i), "Not one of the allowed values");
        }
        if (std::find(out.begin(), out.end(), *value) == out.end()) {
          out.push_back(*value);
        }
      }
    };
    field.write = [member, table](const T& record, JsonWriter& out) {
      out.BeginArray();
      for (const auto value : record.*member) {
        out.String(table.Name(value));
      }
      out.EndArray();
    };
    field.column = ColumnUse::kEditable;
    field.to_column = [member, table](const T& record) {
      std::string text;
      for (const auto value : record.*member) {
        text += (text.empty() ? "" : ",") + std::string(table.Name(value));
      }
      return StoredValue(text);
    };
    field.from_column = [member, table](const StoredRow& row, std::string_view column, T& record) {
      auto& out = record.*member;
      out.clear();
      const std::string text = row.OptionalText(column).value_or("");
      size_t start = 0;
      while (start < text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        out.push_back(table.FromStored(text.substr(start, end - start)));
        start = end + 1;
      }
    };
    return Add(std::move(field));
  }

  // A list of child records, each read and written by `item`; missing or null reads as empty.
  template <typename C>
  RecordSchema& List(std::string key, std::vector<C> T::*member, const RecordSchema<C>& item,
                     size_t max_items) {
    Field field = Scalar(std::move(key), "array", false, {{"maxItems", max_items}});
    field.has_default = true;
    field.optional_input = true;
    field.child_output = item.OutputSchema();
    field.child_input = item.InputSchema();
    field.read = [member, item, max_items](const Field& self, const JsonInput& in, T& record) {
      const auto& items = in.OptionalArray(self.key, max_items);
      auto& out = record.*member;
      out.clear();
      for (size_t i = 0; i < items.size(); ++i) {
        out.push_back(item.Read(items[i], in.FieldName(self.key, i)));
      }
    };
    field.write = [member, item](const T& record, JsonWriter& out) {
      out.BeginArray();
      for (const auto& child : record.*member) {
        item.Write(child, out);
      }
      out.EndArray();
    };
    // Kept in its row (StoredAsText) as the JSON array it is written as, read back by `item`.
    field.list_to_column = [write = field.write](const T& record) {
      std::string text;
      JsonWriter out(text);
      write(record, out);
      return StoredValue(text);
    };
    field.list_from_column = [member, item](const StoredRow& row, std::string_view column,
                                            T& record) {
      auto& out = record.*member;
      out.clear();
      const std::string text = row.OptionalText(column).value_or("");
      if (text.empty()) {
        return;
      }
      const auto stored = nlohmann::json::parse(text);
      for (const auto& child : stored) {
        out.push_back(item.Read(child));
      }
    };
    return Add(std::move(field));
  }

  // A nested record the server writes (never read), e.g. the institution of a partnership.
  template <typename C>
  RecordSchema& Object(std::string key, C T::*member, const RecordSchema<C>& schema) {
    Field field;
    field.key = std::move(key);
    field.read_only = true;
    field.child_output = schema.OutputSchema();
    field.write = [member, schema](const T& record, JsonWriter& out) {
      schema.Write(record.*member, out);
    };
    return Add(std::move(field));
  }

  // The id of a child record, kept across edits of its parent: given for an existing child,
  // absent (0 in T) for a new one. Always written.
  RecordSchema& ChildId(std::string key, int64_t T::*member) {
    Field field = Scalar(std::move(key), "integer", false, {{"minimum", 1}});
    field.optional_input = true;
    field.read = [member](const Field& self, const JsonInput& in, T& record) {
      record.*member = in.OptionalInt(self.key, 1, INT64_MAX).value_or(0);
    };
    field.write = Plain(member);
    return Add(std::move(field));
  }

  // A record's `id` and `version`, which the server sets.
  RecordSchema& Key(int64_t T::*id, int64_t T::*version) {
    Int("id", id, 1, INT64_MAX).ReadOnly();
    return Int("version", version, 1, INT64_MAX).ReadOnly();
  }

  // `created_at` and `updated_at`, which the server sets.
  RecordSchema& Timestamps(std::string T::*created_at, std::string T::*updated_at) {
    Text("created_at", created_at, 40).ReadOnly();
    return Text("updated_at", updated_at, 40).ReadOnly();
  }

  // --- modifiers of the field added last ---

  // Written, never read, marked readOnly in the schema.
  RecordSchema& ReadOnly() {
    Last().read_only = true;
    if (Last().column == ColumnUse::kEditable) {
      Last().column = ColumnUse::kServerSet;
    }
    return *this;
  }
  // Kept in a column of another name than its key.
  RecordSchema& Column(std::string column) {
    Last().column_name = std::move(column);
    return *this;
  }
  // A list kept in a column of its row (a plain record's list; records with child rows keep theirs
  // as rows): an IntList as the numbers separated by commas, a List of child records as its JSON.
  RecordSchema& StoredAsText() {
    Field& field = Last();
    if (!field.list_to_column) {
      throw std::logic_error("StoredAsText on a field that is no IntList or List in " + name_);
    }
    field.column = ColumnUse::kEditable;
    field.to_column = field.list_to_column;
    field.from_column = field.list_from_column;
    return *this;
  }
  // Written, never read, but kept in the row with every write: a value the module derives from
  // other records (a name copied for lists), set before the write (kit::RecordType::derive).
  RecordSchema& Derived() {
    Last().read_only = true;
    return *this;
  }
  // Not a column of the record's row (a value the module computes or joins in).
  RecordSchema& NotStored() {
    Last().column = ColumnUse::kNone;
    return *this;
  }
  // A check of a text value the type and length do not express, with the message when it fails.
  RecordSchema& Check(std::function<bool(std::string_view)> check, std::string message) {
    Last().check = std::move(check);
    Last().check_message = std::move(message);
    return *this;
  }
  // Only the message, for the kinds whose check is built in (IntList).
  RecordSchema& Message(std::string message) {
    Last().check_message = std::move(message);
    return *this;
  }
  // More schema keywords (pattern, format, description), for input and output alike.
  RecordSchema& Schema(const nlohmann::json& keywords) {
    Last().value_extra.update(keywords);
    return *this;
  }

  // --- use ---

  // Reads a client's JSON object; `path` prefixes the field names of nested records.
  T Read(const nlohmann::json& body, const std::string& path = {}) const {
    T record{};
    ReadInto(body, record, path);
    return record;
  }
  void ReadInto(const nlohmann::json& body, T& record, const std::string& path = {}) const {
    const JsonInput in(body, path);
    for (const auto& field : fields_) {
      if (!field.read_only) {
        field.read(field, in, record);
      }
    }
  }

  // Writes the record as JSON text, its fields in their order.
  void Write(const T& record, JsonWriter& out) const {
    out.BeginObject();
    for (const auto& field : fields_) {
      out.WrittenKey(field.key_text);
      field.write(record, out);
    }
    out.EndObject();
  }
  // Writes only the fields named in `keys`, as members of an object the caller has begun: the
  // text of a part of the record that is kept to be written again (WriteWith).
  void WriteFields(const T& record, JsonWriter& out, std::span<const std::string_view> keys) const {
    for (const auto& field : fields_) {
      if (std::find(keys.begin(), keys.end(), field.key) != keys.end()) {
        out.WrittenKey(field.key_text);
        field.write(record, out);
      }
    }
  }
  // Writes the record with the fields named in `keys` given as text WriteFields wrote before.
  void WriteWith(const T& record, JsonWriter& out, std::span<const std::string_view> keys,
                 std::string_view members) const {
    out.BeginObject();
    for (const auto& field : fields_) {
      if (std::find(keys.begin(), keys.end(), field.key) == keys.end()) {
        out.WrittenKey(field.key_text);
        field.write(record, out);
      }
    }
    out.WrittenMembers(members);
    out.EndObject();
  }
  // The record as a JSON value (an audit entry's before and after, an export's row): its text
  // read back, so that there is one way to write each kind of field.
  nlohmann::json Write(const T& record) const {
    std::string text;
    JsonWriter out(text);
    Write(record, out);
    return nlohmann::json::parse(text);
  }

  // What the server answers: every field present, optional ones null, read-only ones marked.
  nlohmann::json OutputSchema() const {
    nlohmann::json properties = nlohmann::json::object();
    nlohmann::json required = nlohmann::json::array();
    for (const auto& field : fields_) {
      nlohmann::json schema = field.child_output.is_null() || field.type == "array"
                                  ? field.ValueSchema(field.optional_output, false)
                                  : field.child_output;
      if (field.type == "array" && !field.child_output.is_null()) {
        schema["items"] = field.child_output;
      }
      if (field.read_only) {
        schema["readOnly"] = true;
      }
      properties[field.key] = std::move(schema);
      required.push_back(field.key);
    }
    return {{"type", "object"},
            {"required", required},
            {"additionalProperties", false},
            {"properties", properties}};
  }

  // What a client sends: the editable fields; read-only ones may be sent back and are ignored.
  nlohmann::json InputSchema() const {
    nlohmann::json properties = nlohmann::json::object();
    nlohmann::json required = nlohmann::json::array();
    for (const auto& field : fields_) {
      if (field.read_only) {
        continue;
      }
      const bool optional = field.optional_output || field.optional_input || field.has_default;
      nlohmann::json schema = field.ValueSchema(optional, true);
      if (!field.child_input.is_null()) {
        schema["items"] = field.child_input;
      }
      properties[field.key] = std::move(schema);
      if (!optional) {
        required.push_back(field.key);
      }
    }
    nlohmann::json schema = {{"type", "object"}, {"properties", properties}};
    if (!required.empty()) {
      schema["required"] = required;
    }
    return schema;
  }

  // --- storage: what store::RecordTable builds a record type's SQL from ---

  // The columns of the fields of one use, in the order of the fields.
  std::vector<std::string> Columns(ColumnUse use) const {
    std::vector<std::string> columns;
    for (const auto& field : fields_) {
      if (field.column == use) {
        columns.push_back(field.ColumnName());
      }
    }
    return columns;
  }
  // The values of the editable columns, in the same order as Columns(ColumnUse::kEditable).
  std::vector<StoredValue> EditableValues(const T& record) const {
    std::vector<StoredValue> values;
    for (const auto& field : fields_) {
      if (field.column == ColumnUse::kEditable) {
        values.push_back(field.to_column(record));
      }
    }
    return values;
  }
  // The value of one stored column (a parent's id, which only an insert writes).
  StoredValue ColumnValue(const T& record, std::string_view column) const {
    for (const auto& field : fields_) {
      if (field.column != ColumnUse::kNone && field.ColumnName() == column) {
        return field.to_column(record);
      }
    }
    throw std::logic_error("no column " + std::string(column) + " in " + name_);
  }
  // A record from a row holding every stored column.
  T Load(const StoredRow& row) const {
    T record{};
    for (const auto& field : fields_) {
      if (field.column != ColumnUse::kNone) {
        field.from_column(row, field.ColumnName(), record);
      }
    }
    return record;
  }

  NamedSchema Output() const { return {name_, OutputSchema()}; }
  NamedSchema Input() const { return {name_ + "Input", InputSchema()}; }

 private:
  struct Field {
    std::string key;
    std::string key_text;         // the key as JSON writes it, `"key":`
    std::string type;             // JSON Schema type of a present value
    bool optional_output = false;  // null in output when not set
    bool optional_input = false;   // may be left out of input although never null in output
    bool has_default = false;
    bool read_only = false;
    nlohmann::json value_extra = nlohmann::json::object();  // keywords of the value
    nlohmann::json input_extra = nlohmann::json::object();  // keywords for input only
    nlohmann::json child_output;  // nested record: its schemas
    nlohmann::json child_input;
    std::function<bool(std::string_view)> check;
    std::string check_message;
    std::function<void(const Field&, const JsonInput&, T&)> read;
    std::function<void(const T&, JsonWriter&)> write;
    ColumnUse column = ColumnUse::kNone;
    std::string column_name;  // empty: the key
    std::function<StoredValue(const T&)> to_column;
    std::function<void(const StoredRow&, std::string_view, T&)> from_column;
    // A list's column (IntList, List), used when StoredAsText() keeps it in the row.
    std::function<StoredValue(const T&)> list_to_column;
    std::function<void(const StoredRow&, std::string_view, T&)> list_from_column;

    const std::string& ColumnName() const { return column_name.empty() ? key : column_name; }

    void Check(const JsonInput& in, std::string_view value) const {
      if (check && !check(value)) {
        throw ValidationError(in.FieldName(key), check_message);
      }
    }

    nlohmann::json ValueSchema(bool nullable, bool input) const {
      nlohmann::json schema = value_extra;
      if (nullable) {
        schema["type"] = {type, "null"};
        if (schema.contains("enum")) {
          schema["enum"].push_back(nullptr);
        }
      } else {
        schema["type"] = type;
      }
      if (input) {
        schema.update(input_extra);
      }
      return schema;
    }
  };

  static nlohmann::json Range(int64_t min, int64_t max) {
    nlohmann::json range = {{"minimum", min}};
    if (max != INT64_MAX) {
      range["maximum"] = max;
    }
    return range;
  }

  // Writes the member as it is: JsonWriter::Value knows texts, numbers, optionals and lists.
  template <typename M>
  static std::function<void(const T&, JsonWriter&)> Plain(M T::*member) {
    return [member](const T& record, JsonWriter& out) { out.Value(record.*member); };
  }

  template <typename M>
  static void StoreIn(Field& field, M T::*member) {
    field.column = ColumnUse::kEditable;
    field.to_column = [member](const T& record) { return stored::Of(record.*member); };
    field.from_column = [member](const StoredRow& row, std::string_view column, T& record) {
      stored::Load(row, column, record.*member);
    };
  }

  template <typename E, std::size_t N>
  static void StoreEnumIn(Field& field, E T::*member, const EnumTable<E, N>& table) {
    field.column = ColumnUse::kEditable;
    field.to_column = [member, table](const T& record) {
      return StoredValue(std::string(table.Name(record.*member)));
    };
    field.from_column = [member, table](const StoredRow& row, std::string_view column, T& record) {
      record.*member = table.FromStored(row.OptionalText(column).value_or(""));
    };
  }

  template <typename E, std::size_t N>
  static void StoreEnumIn(Field& field, std::optional<E> T::*member, const EnumTable<E, N>& table) {
    field.column = ColumnUse::kEditable;
    field.to_column = [member, table](const T& record) {
      const auto name = table.Name(record.*member);
      return name ? StoredValue(std::string(*name)) : StoredValue{};
    };
    field.from_column = [member, table](const StoredRow& row, std::string_view column, T& record) {
      const auto name = row.OptionalText(column);
      record.*member = name ? std::optional<E>(table.FromStored(*name)) : std::nullopt;
    };
  }

  static Field Scalar(std::string key, std::string type, bool optional, nlohmann::json extra) {
    Field field;
    field.key = std::move(key);
    field.type = std::move(type);
    field.optional_output = optional;
    field.value_extra = extra.is_null() ? nlohmann::json::object() : std::move(extra);
    return field;
  }

  RecordSchema& Add(Field field) {
    for (const auto& existing : fields_) {
      if (existing.key == field.key) {
        throw std::logic_error("field " + field.key + " defined twice in " + name_);
      }
    }
    field.key_text = JsonWriter::KeyText(field.key);
    fields_.push_back(std::move(field));
    return *this;
  }

  Field& Last() {
    if (fields_.empty()) {
      throw std::logic_error("a modifier before any field in " + name_);
    }
    return fields_.back();
  }

  std::string name_;
  std::vector<Field> fields_;
};

}  // namespace weltcampus
