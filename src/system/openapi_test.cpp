#include "system/openapi.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include <unistd.h>

#include "cli/app.h"
#include "http/metrics.h"
#include "jobs/runner.h"
#include "store/temporary_database.h"

namespace weltcampus::system {
namespace {

// The document of the whole route table, as the server serves it.
class OpenApiDocumentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new store::testing::TemporaryDatabase(store::Backend::kSqlite);
    router_ = new http::Router;
    metrics_ = new http::Metrics;
    jobs_ = new jobs::JobRunner(database_->database(), {});
    cli::RegisterAllRoutes(*router_, database_->database(), *metrics_, *jobs_);
    document_ = new nlohmann::json(BuildOpenApi(*router_));
  }
  static void TearDownTestSuite() {
    delete document_;
    delete jobs_;
    delete router_;
    delete metrics_;
    delete database_;
  }

  static store::testing::TemporaryDatabase* database_;
  static http::Router* router_;
  static http::Metrics* metrics_;
  static jobs::JobRunner* jobs_;
  static nlohmann::json* document_;
};

store::testing::TemporaryDatabase* OpenApiDocumentTest::database_ = nullptr;
http::Router* OpenApiDocumentTest::router_ = nullptr;
http::Metrics* OpenApiDocumentTest::metrics_ = nullptr;
jobs::JobRunner* OpenApiDocumentTest::jobs_ = nullptr;
nlohmann::json* OpenApiDocumentTest::document_ = nullptr;

TEST_F(OpenApiDocumentTest, EveryRouteDeclaresItsBodies) {
  for (const auto& route : router_->routes()) {
    const std::string name = route.method + " " + route.pattern;
    bool success = false;
    for (const auto& [status, body] : route.responses) {
      success = success || (status >= 200 && status < 300);
    }
    EXPECT_TRUE(success) << name << " declares no success response (.Returns)";
    if (route.method == "PUT") {
      EXPECT_FALSE(route.request_schema.empty()) << name << " declares no request body (.Accepts)";
    }
  }
}

TEST_F(OpenApiDocumentTest, EveryReferenceResolves) {
  const std::string text = document_->dump();
  const std::regex ref(R"re("\$ref":"#/([^"]*)")re");
  int refs = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator();
       ++it) {
    ++refs;
    const std::string pointer = "/" + (*it)[1].str();
    EXPECT_TRUE(document_->contains(nlohmann::json::json_pointer(pointer))) << "unresolved $ref #" << pointer;
  }
  EXPECT_GT(refs, 100);
}

TEST_F(OpenApiDocumentTest, EveryErrorStatusAnswersTheErrorSchema) {
  for (const auto& [path, item] : (*document_)["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      for (const auto& [status, response] : operation["responses"].items()) {
        if (status == "default" || status.front() == '4' || (status.front() == '5' && status != "503")) {
          EXPECT_EQ(response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/Error")
              << method << " " << path << " " << status;
        }
      }
    }
  }
}

TEST_F(OpenApiDocumentTest, DescribesRecordsFromTheirFieldDefinitions) {
  const auto& schemas = (*document_)["components"]["schemas"];
  const auto& agreement = schemas["Agreement"]["properties"];
  EXPECT_EQ(agreement["status"]["enum"].size(), 6u);
  EXPECT_EQ(agreement["title"]["type"], nlohmann::json({"string", "null"}));
  EXPECT_EQ(agreement["ends_on"]["readOnly"], true);
  EXPECT_EQ(agreement["quotas"]["items"]["properties"]["id"]["type"], "integer");
  EXPECT_TRUE(schemas["AgreementInput"]["required"].size() >= 4);
  EXPECT_EQ(schemas["PartnershipInput"]["properties"]["tier"]["enum"],
            nlohmann::json({"transcampus", "strategic", "standard"}));
  EXPECT_EQ(schemas["User"]["properties"]["roles"]["items"]["properties"]["role"]["enum"].size(), 9u);
  const auto& list = (*document_)["paths"]["/api/v1/agreements"]["get"]["responses"]["200"];
  EXPECT_EQ(list["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/AgreementPage");
  const auto& put = (*document_)["paths"]["/api/v1/agreements/{id}"]["put"];
  EXPECT_EQ(put["requestBody"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/AgreementInput");
  for (const char* status : {"401", "403", "404", "409", "412", "422", "428"}) {
    EXPECT_TRUE(put["responses"].contains(status)) << status;
  }
}

TEST(OpenApiRouteTest, AnExportIsAnotherContentTypeOfTheSameAnswer) {
  http::Router router;
  const NamedSchema item{"Thing", {{"type", "object"}}};
  router
      .Add("GET", "/api/v1/things", http::Permission{"things:read"}, "Things",
           [](const http::Request&) { return http::Response::NoContent(); })
      .ReturnsPage(item)
      .ReturnsAlso(200, "text/csv; charset=utf-8")
      .Fails({429});
  const auto document = BuildOpenApi(router);
  const auto& responses = document["paths"]["/api/v1/things"]["get"]["responses"];
  EXPECT_EQ(responses["200"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ThingPage");
  EXPECT_TRUE(responses["200"]["content"].contains("text/csv; charset=utf-8"));
  EXPECT_TRUE(responses.contains("429"));
  EXPECT_TRUE(document["components"]["schemas"].contains("Thing"));
  EXPECT_TRUE(document["components"]["schemas"].contains("ThingPage"));
}

TEST(OpenApiRouteTest, TwoDifferentSchemasOfOneNameAreRefused) {
  http::Router router;
  router
      .Add("GET", "/api/v1/a", http::kPublic, "A",
           [](const http::Request&) { return http::Response::NoContent(); })
      .Returns(200, NamedSchema{"Same", {{"type", "object"}}});
  router
      .Add("GET", "/api/v1/b", http::kPublic, "B",
           [](const http::Request&) { return http::Response::NoContent(); })
      .Returns(200, NamedSchema{"Same", {{"type", "string"}}});
  EXPECT_THROW(BuildOpenApi(router), std::logic_error);
}

// ajv (the validator the API tests use on every answer) compiles every schema of the document.
// Needs node and `npm ci` (make test installs both first); without them the test fails rather than
// passing unchecked.
TEST_F(OpenApiDocumentTest, AjvCompilesTheDocument) {
  const std::filesystem::path root = WELTCAMPUS_SOURCE_DIR;
  const auto script = root / "tests/api/validate-responses.mjs";
  const auto ajv = root / "node_modules/ajv/package.json";
  ASSERT_EQ(std::system("node --version > /dev/null 2>&1"), 0) << "node is missing";
  ASSERT_TRUE(std::filesystem::exists(ajv)) << "node_modules/ajv is missing: run npm ci";
  const auto file = std::filesystem::temp_directory_path() /
                    ("weltcampus-openapi-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << document_->dump();
  const std::string command = "node '" + script.string() + "' --document '" + file.string() + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(file);
  EXPECT_EQ(status, 0) << command;
}

}  // namespace
}  // namespace weltcampus::system
