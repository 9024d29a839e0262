// Conditional GET: If-None-Match against an entity tag (RFC 9110 13.1.2), and the 304 answer.
#include <gtest/gtest.h>

#include "http/message.h"

namespace weltcampus::http {
namespace {

Request WithIfNoneMatch(const std::string& value) {
  Request request;
  request.method = "GET";
  request.headers["if-none-match"] = value;
  return request;
}

TEST(IfNoneMatch, ComparesWeaklyAndAcceptsAListOrAStar) {
  const std::string tag = "W/\"map1-7-00ff\"";
  EXPECT_TRUE(WithIfNoneMatch(tag).IfNoneMatchHas(tag));
  EXPECT_TRUE(WithIfNoneMatch("\"map1-7-00ff\"").IfNoneMatchHas(tag)) << "weak comparison";
  EXPECT_TRUE(WithIfNoneMatch("W/\"a\", " + tag).IfNoneMatchHas(tag));
  EXPECT_TRUE(WithIfNoneMatch(" W/\"a\" ,\t" + tag + " ").IfNoneMatchHas(tag));
  EXPECT_TRUE(WithIfNoneMatch("*").IfNoneMatchHas(tag));
  EXPECT_FALSE(WithIfNoneMatch("W/\"map1-6-00ff\"").IfNoneMatchHas(tag));
  EXPECT_FALSE(WithIfNoneMatch("W/\"map1-7-00ff").IfNoneMatchHas(tag)) << "a cut tag";
  EXPECT_FALSE(WithIfNoneMatch(", ,").IfNoneMatchHas(tag));
  EXPECT_FALSE(Request{}.IfNoneMatchHas(tag)) << "no header";
}

TEST(IfNoneMatch, NotModifiedHasTheTagAndNoBody) {
  const Response response = Response::NotModified("W/\"x\"");
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.body.empty());
  EXPECT_TRUE(response.content_type.empty());
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "ETag");
  EXPECT_EQ(response.headers[0].second, "W/\"x\"");
}

}  // namespace
}  // namespace weltcampus::http
