// A request's query string as every list route reads it: ParseQuery (percent-decoding), the page
// (limit, cursor, sort) and the filters (text, whole number, yes/no, enumeration). A bad query is
// refused with an ApiError (a 4xx); anything else escaping would be a 500. The next page's cursor
// that the server then writes must be one it reads again.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/paging.h"
#include "http/message.h"

namespace {

constexpr std::array<std::string_view, 4> kSortable = {"name", "country", "active_agreements",
                                                       "ends_on"};
constexpr std::array<std::string_view, 3> kStatuses = {"planned", "active", "expired"};

void ReadList(const std::map<std::string, std::string>& query) {
  using namespace weltcampus;
  PageRequest page = PageRequest::FromQuery(query, kSortable);
  QueryText(query, "q", 200);
  QueryText(query, "country", 2);
  QueryInt(query, "academic_year", 1990, 2100);
  QueryInt(query, "org_unit_id", 1, INT64_MAX);
  QueryBool(query, "include_inactive");
  QueryEnum(query, "status", kStatuses);
  // The cursor of the page after this one, for a list of a few sizes (the largest a table holds).
  for (const int64_t total : {int64_t{0}, int64_t{1}, int64_t{1000}, INT64_MAX}) {
    if (const auto next = page.NextCursor(total)) {
      NextPageRequest(page, *next);
    }
  }
  if (page.after) {
    NextPageRequest(page, KeyCursor(page, (*page.after)["k"]));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  weltcampus::http::PercentDecode(text, false);
  try {
    ReadList(weltcampus::http::ParseQuery(text));
  } catch (const weltcampus::ApiError&) {
  }
  return 0;
}
