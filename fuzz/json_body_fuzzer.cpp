// A request body as every write route reads it: ParseJsonBody (JSON, no key twice, no control
// characters, a bounded depth) and then a record schema with every kind of field the modules use
// (core/record_schema.h). A body is either refused with an ApiError (a 4xx) or read into a record;
// anything else escaping would be a 500. A record that was read is written back as JSON, and that
// JSON must read again into the same record: what the server stores, it can answer and take back.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_table.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_writer.h"
#include "core/record_schema.h"

namespace weltcampus {
namespace {

enum class Colour { kRed, kGreen, kBlue };
constexpr EnumTable<Colour, 3> kColours(
    "colour", {{{Colour::kRed, "red"}, {Colour::kGreen, "green"}, {Colour::kBlue, "blue"}}});

struct Child {
  std::string name;
  std::optional<int64_t> months;
};

struct Record {
  std::string title;
  std::optional<std::string> notes;
  int64_t places = 0;
  int64_t preferences = 3;
  std::optional<int64_t> erasmus_months;
  std::optional<double> grade;
  double share = 0;
  bool active = false;
  Colour colour = Colour::kRed;
  Colour tier = Colour::kGreen;
  std::optional<Colour> optional_colour;
  std::optional<std::string> starts_on;
  std::string ends_on;
  int academic_year = 0;
  std::vector<uint8_t> eqf_levels;
  std::vector<int64_t> ids;
  std::vector<Colour> colours;
  std::vector<Child> children;
};

const RecordSchema<Child>& ChildSchema() {
  static const auto schema = [] {
    RecordSchema<Child> s("FuzzChild");
    s.Text("name", &Child::name, 40).Int("months", &Child::months, 0, 24);
    return s;
  }();
  return schema;
}

const RecordSchema<Record>& Schema() {
  static const auto schema = [] {
    RecordSchema<Record> s("FuzzRecord");
    s.Text("title", &Record::title, 200)
        .Text("notes", &Record::notes, 4000)
        .Int("places", &Record::places, 0, 1000)
        .Int("preferences", &Record::preferences, 1, 10, 3)
        .Int("erasmus_months", &Record::erasmus_months, 0, 24)
        .Number("grade", &Record::grade, 1.0, 4.0)
        .Number("share", &Record::share, 0.0, 100.0)
        .Bool("active", &Record::active, true)
        .Enum("colour", &Record::colour, kColours)
        .Enum("tier", &Record::tier, kColours, Colour::kGreen)
        .Enum("optional_colour", &Record::optional_colour, kColours)
        .Date("starts_on", &Record::starts_on)
        .RequiredDate("ends_on", &Record::ends_on)
        .AcademicYearField("academic_year", &Record::academic_year)
        .IntList("eqf_levels", &Record::eqf_levels, 1, 8, 8)
        .IntList("ids", &Record::ids, 1, INT64_MAX, 100)
        .EnumList("colours", &Record::colours, kColours, 3)
        .List("children", &Record::children, ChildSchema(), 20);
    return s;
  }();
  return schema;
}

std::string Written(const Record& record) {
  std::string text;
  JsonWriter out(text);
  Schema().Write(record, out);
  return text;
}

}  // namespace
}  // namespace weltcampus

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weltcampus;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  Record record;
  try {
    record = Schema().Read(ParseJsonBody(body));
  } catch (const ApiError&) {
    return 0;  // refused with a 4xx, as it may be
  }
  const std::string first = Written(record);
  const std::string second = Written(Schema().Read(ParseJsonBody(first)));
  if (first != second) {
    __builtin_trap();  // a stored record that does not read back as itself
  }
  return 0;
}
