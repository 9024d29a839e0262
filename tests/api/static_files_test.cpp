// The web folder: files are served, nothing outside it ever is.
#include <gtest/gtest.h>

#include <string>

#include "api_client.h"
#include "raw_http.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

TEST(StaticFiles, ServesIndexAndAssets) {
  const Response index = Api().Get("/");
  ASSERT_EQ(index.status, 200) << index;
  EXPECT_NE(index.body.find(kIndexMarker), std::string::npos) << index;
  EXPECT_EQ(index.Header("Content-Type").rfind("text/html", 0), 0u) << index;

  const Response asset = Api().Get("/assets/app.js");
  ASSERT_EQ(asset.status, 200) << asset;
  EXPECT_NE(asset.body.find(kAssetMarker), std::string::npos) << asset;
  EXPECT_NE(asset.Header("Content-Type").find("javascript"), std::string::npos) << asset;
}

TEST(StaticFiles, ClientSideRoutesFallBackToIndexOrAre404) {
  // Contract silent: a single-page app's deep link (/partners/12) should load index.html.
  const Response response = Api().Get("/partners/12");
  EXPECT_TRUE((response.status == 200 && response.body.find(kIndexMarker) != std::string::npos) ||
              response.status == 404)
      << response;
}

TEST(StaticFiles, PathTraversalNeverLeavesTheWebFolder) {
  // secret.txt sits next to the web folder; /etc/passwd is the classic target.
  const char* targets[] = {
      "/../secret.txt",
      "/../../etc/passwd",
      "/../../../../../../../../etc/passwd",
      "/%2e%2e/secret.txt",
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/..%2fsecret.txt",
      "/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/assets/../../secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/assets/..%5c..%5csecret.txt",
      "/..\\..\\secret.txt",
      "/%252e%252e/secret.txt",
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/./../secret.txt",
      "/.%2e/secret.txt",
      "/....//....//secret.txt",
      "/assets/app.js/../../../secret.txt",
      "/%c0%ae%c0%ae/secret.txt",
      "/index.html%00/../../secret.txt",
  };
  for (const char* target : targets) {
    const Response response = RawGet(target);
    SCOPED_TRACE(target);
    EXPECT_TRUE(response.status == 404 || response.status == 400 ||
                (response.status == 200 && response.body.find(kIndexMarker) != std::string::npos))
        << response;
    EXPECT_EQ(response.body.find(kSecretMarker), std::string::npos) << "LEAKED: " << response;
    EXPECT_EQ(response.body.find("root:x:0:0"), std::string::npos) << "LEAKED: " << response;
  }
  EXPECT_TRUE(IsJson(Api().Get("/api/v1/health"), 200)) << "server unhealthy after traversal";
}

TEST(StaticFiles, MissingAssetIs404NotIndex) {
  // Contract silent: a missing file with an extension is a broken link, not an app route.
  const Response response = Api().Get("/assets/missing-file.js");
  EXPECT_EQ(response.status, 404) << response;
}

}  // namespace
}  // namespace weltcampus::api_test
