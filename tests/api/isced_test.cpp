// ISCED-F 2013 reference data.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "api_client.h"

namespace weltcampus::api_test {
namespace {

TEST(Isced, MedicineIs0912WithGermanLabel) {
  const Response response = Api().Get("/api/v1/isced?q=Medicine");
  ASSERT_TRUE(IsJson(response, 200));
  bool found = false;
  for (const Json& item : response.json["items"]) {
    if (item["code"] == "0912") {
      found = true;
      EXPECT_EQ(item["level"], "detailed");
      EXPECT_EQ(item["label_en"], "Medicine");
      EXPECT_EQ(item["label_de"], "Medizin");
    }
  }
  EXPECT_TRUE(found) << response;
}

TEST(Isced, AllCodesAndLevels) {
  const Response all = Api().Get("/api/v1/isced");
  ASSERT_TRUE(IsJson(all, 200));
  EXPECT_EQ(all.json["items"].size(), 220u) << "all 220 ISCED-F 2013 codes, unpaged";
  const std::map<std::string, std::size_t> expected = {
      {"broad", 12}, {"narrow", 58}, {"detailed", 150}};
  for (const auto& [level, count] : expected) {
    const Response response = Api().Get("/api/v1/isced?level=" + level);
    ASSERT_TRUE(IsJson(response, 200));
    EXPECT_EQ(response.json["items"].size(), count) << level;
    for (const Json& item : response.json["items"]) {
      EXPECT_EQ(item["level"], level) << item.dump();
    }
  }
  EXPECT_TRUE(IsError(Api().Get("/api/v1/isced?level=huge"), 422, "validation_failed", "level"));
}

TEST(Isced, SearchesGermanLabelsAndCodes) {
  const Response by_german = Api().Get("/api/v1/isced?q=Zahnmedizin");
  ASSERT_TRUE(IsJson(by_german, 200));
  bool dental = false;
  for (const Json& item : by_german.json["items"]) {
    dental = dental || item["code"] == "0911";
  }
  EXPECT_TRUE(dental) << by_german;
  const Response by_code = Api().Get("/api/v1/isced?q=091");
  ASSERT_TRUE(IsJson(by_code, 200));
  bool narrow = false;
  for (const Json& item : by_code.json["items"]) {
    narrow = narrow || item["code"] == "091";
  }
  EXPECT_TRUE(narrow) << by_code;
}

}  // namespace
}  // namespace weltcampus::api_test
