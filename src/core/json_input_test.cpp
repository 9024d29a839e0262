#include "core/json_input.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"

namespace weltcampus {
namespace {

// The answer ParseJsonBody refuses a body with: its code and the field it names.
std::pair<ErrorCode, std::string> RefusalOf(std::string_view body) {
  try {
    ParseJsonBody(body);
  } catch (const ApiError& error) {
    return {error.code(), error.field()};
  }
  return {ErrorCode::kInternal, "accepted"};
}

TEST(ParseJsonBodyTest, RefusesAKeyGivenTwiceInOneObject) {
  EXPECT_EQ(RefusalOf(R"({"name": "a", "name": "b"})").first, ErrorCode::kBadRequest);
  EXPECT_EQ(RefusalOf(R"({"quotas": [{"places": 1, "places": 2}]})").first, ErrorCode::kBadRequest);
  EXPECT_EQ(RefusalOf(R"({"a": {"b": 1}, "a": {"c": 2}})").first, ErrorCode::kBadRequest);
  // The same key in different objects is no duplicate.
  EXPECT_EQ(ParseJsonBody(R"({"a": {"name": 1}, "b": {"name": 2}, "name": 3})")["a"]["name"], 1);
  EXPECT_EQ(ParseJsonBody(R"([{"id": 1}, {"id": 2}])")[1]["id"], 2);
}

TEST(ParseJsonBodyTest, RefusesControlCharactersNamingTheField) {
  EXPECT_EQ(RefusalOf(R"({"name": "a\u0000b"})"),
            std::make_pair(ErrorCode::kValidationFailed, std::string("name")));
  EXPECT_EQ(RefusalOf(R"({"name": "bell\u0007"})").second, "name");
  EXPECT_EQ(RefusalOf(R"({"quotas": [{"note": "ok"}, {"note": "\u001b[31mred"}]})").second,
            "quotas[1].note");
  EXPECT_EQ(RefusalOf(R"({"tags": ["x", "\u0001"]})").second, "tags[1]");
  EXPECT_EQ(RefusalOf(R"({"a\u0000": 1})").second, "body");
  EXPECT_EQ(RefusalOf("{\"name\": \"raw\x1b\"}").first, ErrorCode::kBadRequest)
      << "a raw control character is not JSON at all";
}

TEST(ParseJsonBodyTest, KeepsTabsLineBreaksAndEveryOtherCharacter) {
  const auto parsed = ParseJsonBody(
      R"({"note": "line one\nline two\r\n\tindented", "name": "Universität Wrocław 東京 \u007f"})");
  EXPECT_EQ(parsed["note"], "line one\nline two\r\n\tindented");
  EXPECT_EQ(parsed["name"], "Universität Wrocław 東京 \x7f");
}

std::string Nested(std::size_t levels, std::string_view open, std::string_view close) {
  std::string body;
  for (std::size_t i = 0; i < levels; ++i) {
    body += open;
  }
  body += "1";
  for (std::size_t i = 0; i < levels; ++i) {
    body += close;
  }
  return body;
}

TEST(ParseJsonBodyTest, RefusesNestingDeeperThanTheLimit) {
  const auto levels = static_cast<std::size_t>(kMaxJsonDepth);
  EXPECT_NO_THROW(ParseJsonBody(Nested(levels, "[", "]")));
  EXPECT_NO_THROW(ParseJsonBody(Nested(levels, "{\"a\":", "}")));
  EXPECT_EQ(RefusalOf(Nested(levels + 1, "[", "]")).first, ErrorCode::kBadRequest);
  EXPECT_EQ(RefusalOf(Nested(levels + 1, "{\"a\":", "}")).first, ErrorCode::kBadRequest);
  // A body of the largest size the server takes, nested all the way: refused, not a stack overflow.
  EXPECT_EQ(RefusalOf(Nested(512 * 1024, "[", "]")).first, ErrorCode::kBadRequest);
  EXPECT_EQ(RefusalOf(std::string(1024 * 1024, '[')).first, ErrorCode::kBadRequest);
}

TEST(ParseJsonBodyTest, MalformedJsonIsABadRequest) {
  EXPECT_EQ(RefusalOf("{").first, ErrorCode::kBadRequest);
  EXPECT_EQ(RefusalOf("").first, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace weltcampus
