#include "core/paging.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"

namespace weltcampus {
namespace {

constexpr std::array<std::string_view, 2> kPagingSortable = {"name", "country"};

TEST(PagingTest, ACursorSkippingAlmostAllRowsEndsTheListWithoutOverflow) {
  const std::map<std::string, std::string> query = {{"cursor", std::to_string(INT64_MAX - 10)},
                                                    {"limit", "200"}};
  const PageRequest page = PageRequest::FromQuery(query, kPagingSortable);
  EXPECT_EQ(page.offset, INT64_MAX - 10);
  EXPECT_EQ(page.NextCursor(100), std::nullopt);
  EXPECT_EQ(page.NextCursor(INT64_MAX), std::nullopt);
}

TEST(PagingTest, TheNextCursorSkipsOnePageMore) {
  PageRequest page;
  page.limit = 50;
  page.offset = 100;
  EXPECT_EQ(page.NextCursor(151), "150");
  EXPECT_EQ(page.NextCursor(150), std::nullopt);
  EXPECT_EQ(page.NextCursor(0), std::nullopt);
}

std::string QueryTextRefusal(const std::string& value) {
  try {
    QueryText({{"q", value}}, "q", 200);
  } catch (const ApiError& error) {
    return error.field() + ": " + error.what();
  }
  return "accepted";
}

TEST(PagingTest, QueryTextIsUtf8WithoutControlCharacters) {
  EXPECT_EQ(QueryText({{"q", "Universität 東京"}}, "q", 200), "Universität 東京");
  // What percent-decoding makes of %FF, %ED%A0%80 (a surrogate), %00, %0A and %7F.
  const std::vector<std::string> bad_values = {"\xFF", "a\xED\xA0\x80", std::string("a\0b", 3),
                                               "a\nb", "\x7F"};
  for (const std::string& bad : bad_values) {
    EXPECT_EQ(QueryTextRefusal(bad), "q: Must be UTF-8 text without control characters") << bad;
  }
}

}  // namespace
}  // namespace weltcampus
