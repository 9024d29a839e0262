#include "http/media_type.h"

#include <gtest/gtest.h>

#include <optional>

namespace weltcampus::http {
namespace {

std::string TypeOf(std::optional<std::string> header) {
  Request request;
  if (header) {
    request.headers["content-type"] = *header;
  }
  return MediaTypeOf(request);
}

TEST(MediaTypeTest, LowerCaseWithoutParametersOrSpaces) {
  EXPECT_EQ(TypeOf("application/pdf"), "application/pdf");
  EXPECT_EQ(TypeOf("Text/CSV; charset=utf-8"), "text/csv");
  EXPECT_EQ(TypeOf("  application/JSON \t;charset=UTF-8"), "application/json");
  EXPECT_EQ(TypeOf("application/octet-stream;"), "application/octet-stream");
}

TEST(MediaTypeTest, EmptyWhenNoneIsClaimed) {
  EXPECT_EQ(TypeOf(std::nullopt), "");
  EXPECT_EQ(TypeOf(""), "");
  EXPECT_EQ(TypeOf("  ; charset=utf-8"), "");
}

}  // namespace
}  // namespace weltcampus::http
