// Malformed and oversized requests: the right error, and nothing written.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"

namespace weltcampus::api_test {
namespace {

const std::vector<std::string>& Collections() {
  static const std::vector<std::string> collections = {
      "/api/v1/institutions", "/api/v1/partnerships", "/api/v1/agreements", "/api/v1/org-units"};
  return collections;
}

TEST(Errors, MalformedJsonIs400BadRequestAndWritesNothing) {
  for (const std::string& collection : Collections()) {
    SCOPED_TRACE(collection);
    long long before = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(collection, &before));
    for (const char* body :
         {"{", "{\"name\": }", "not json", "{\"name\": \"x\",}", "{\"name\": \"unterminated}"}) {
      EXPECT_TRUE(IsError(Api().PostRaw(collection, body), 400, "bad_request")) << body;
    }
    long long after = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(collection, &after));
    EXPECT_EQ(before, after);
  }
}

TEST(Errors, MalformedJsonOnPutIs400AndChangesNothing) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &created));
  const std::string path = "/api/v1/institutions/" + std::to_string(IdOf(created));
  EXPECT_TRUE(IsError(Api().PutRaw(path, "{\"name\": ", {{"If-Match", Quoted(VersionOf(created))}}),
                      400, "bad_request"));
  Json reread;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &reread));
  EXPECT_EQ(VersionOf(reread), VersionOf(created));
  EXPECT_EQ(reread["name"], created["name"]);
}

TEST(Errors, EmptyBodyIsAClientError) {
  // Contract silent; an empty body is not JSON: expect 400 bad_request.
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  EXPECT_TRUE(IsError(Api().PostRaw("/api/v1/institutions", ""), 400, "bad_request"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST(Errors, JsonThatIsNotAnObjectIsRejected) {
  // Well-formed JSON of the wrong shape: 422 validation_failed (or 400 bad_request).
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  for (const char* body :
       {"[]", "[{\"name\": \"x\", \"country\": \"DE\"}]", "42", "\"text\"", "null"}) {
    const Response response = Api().PostRaw("/api/v1/institutions", body);
    EXPECT_TRUE(IsError(response, 422, "validation_failed") ||
                IsError(response, 400, "bad_request"))
        << body << " -> " << response;
  }
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST(Errors, ControlCharactersAreRefusedNamingTheFieldAndWriteNothing) {
  // NUL, BEL and ESC in a name (issue 13, defect 7); JSON escapes, so the body is well-formed.
  for (const char* name : {"a\\u0000b", "bell\\u0007", "\\u001b[31mred"}) {
    SCOPED_TRACE(name);
    long long before = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
    const std::string body = std::string(R"({"country": "DE", "name": ")") + name + "\"}";
    EXPECT_TRUE(
        IsError(Api().PostRaw("/api/v1/institutions", body), 422, "validation_failed", "name"));
    long long after = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
    EXPECT_EQ(before, after);
  }
  // The home settings, which the public reads without signing in.
  Json home;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/settings/home", &home));
  const Response changed =
      Api().PutRaw("/api/v1/settings/home", R"({"school_name": "School\u0007 of Medicine"})",
                   {{"If-Match", Quoted(VersionOf(home))}});
  EXPECT_TRUE(IsError(changed, 422, "validation_failed", "school_name")) << changed;
  Json reread;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/settings/home", &reread));
  EXPECT_EQ(reread, home);
}

TEST(Errors, TabsAndLineBreaksAreKeptInText) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &created));
  Json partnership;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/partnerships",
                                   Json{{"institution_id", IdOf(created)},
                                        {"tier", "standard"},
                                        {"notes", "first line\n\tsecond line"}},
                                   &partnership));
  EXPECT_EQ(partnership["notes"], "first line\n\tsecond line");
}

TEST(Errors, AKeyGivenTwiceIsABadRequestAndWritesNothing) {
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  EXPECT_TRUE(IsError(
      Api().PostRaw("/api/v1/institutions", R"({"country": "DE", "name": "One", "name": "Two"})"),
      400, "bad_request"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST(Errors, AJsonBodyOfAnotherMediaTypeIs415AndWritesNothing) {
  // Found by the outside probe (make security): text/plain, which a browser sends to another site
  // without asking first, was read as JSON.
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  const std::string body = NewInstitutionBody("DE").dump();
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    EXPECT_TRUE(
        IsError(Api().PostRaw("/api/v1/institutions", body, type), 415, "unsupported_media_type"))
        << type;
  }
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
  // JSON with its charset is JSON.
  EXPECT_EQ(Api().PostRaw("/api/v1/institutions", body, "application/json; charset=utf-8").status,
            201);
}

TEST(Errors, HomeSettingsAndOwnAccountAreChangedOnlyAtTheVersionRead) {
  // Issue 13, defect 5: both were documented with If-Match and took a missing or stale one.
  const Response home = Api().Get("/api/v1/settings/home");
  ASSERT_TRUE(IsJson(home, 200));
  const long long version = VersionOf(home.json);
  EXPECT_EQ(home.Header("ETag"), Quoted(version));
  const Json same_name = {{"school_name", home.json["school_name"]}};
  EXPECT_TRUE(IsError(Api().Put("/api/v1/settings/home", same_name, std::nullopt), 428,
                      "precondition_required"));
  EXPECT_TRUE(IsError(Api().Put("/api/v1/settings/home", same_name, version + 7), 412,
                      "precondition_failed"));
  const Response saved = Api().Put("/api/v1/settings/home", same_name, version);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  EXPECT_EQ(VersionOf(saved.json), version + 1);
  EXPECT_TRUE(
      IsError(Api().Put("/api/v1/settings/home", same_name, version), 412, "precondition_failed"))
      << "the version read before someone else's change is stale";

  const Response me = Api().Get("/api/v1/me");
  ASSERT_TRUE(IsJson(me, 200));
  const Json same_language = {{"preferred_language", me.json["preferred_language"]}};
  EXPECT_TRUE(
      IsError(Api().Put("/api/v1/me", same_language, std::nullopt), 428, "precondition_required"));
  EXPECT_TRUE(IsError(Api().Put("/api/v1/me", same_language, VersionOf(me.json) + 7), 412,
                      "precondition_failed"));
  const Response mine = Api().Put("/api/v1/me", same_language, VersionOf(me.json));
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  EXPECT_EQ(VersionOf(mine.json), VersionOf(me.json) + 1);
}

// How many answers /metrics counts for requests the server refused before routing them.
long long RefusedCount(int status) {
  ApiClient anonymous;
  const Response metrics = anonymous.Get("/metrics");
  const std::string needle = "route=\"refused\",status=\"" + std::to_string(status) + "\"} ";
  const auto at = metrics.body.find(needle);
  return at == std::string::npos ? 0 : std::stoll(metrics.body.substr(at + needle.size()));
}

TEST(Errors, HeadersOverTheLimitAre431WithTheirOwnCodeAndCounted) {
  const long long before = RefusedCount(431);
  const Response response = RawHttp("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                                    std::string(64 * 1024, 'x') + "\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(IsError(response, 431, "headers_too_large")) << response;
  EXPECT_GE(RefusedCount(431), before + 1) << "a refused request is counted in /metrics";
}

TEST(Errors, AnHttp11RequestWithoutHostIs400AndCounted) {
  const long long before = RefusedCount(400);
  const Response response = RawHttp("GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(IsError(response, 400, "bad_request")) << response;
  EXPECT_GE(RefusedCount(400), before + 1);
  // HTTP/1.0 had no Host header: still answered.
  EXPECT_EQ(RawHttp("GET /api/v1/health HTTP/1.0\r\n\r\n").status, 200);
}

std::string OversizedInstitution(std::size_t size) {
  std::string body = R"({"country": "DE", "name": ")";
  body.append(size, 'x');
  body += "\"}";
  return body;
}

TEST(Errors, BodyOverOneMebibyteIs413AndWritesNothing) {
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  const std::string body = OversizedInstitution(1024 * 1024 + 100);
  const Response response = RawHttp(
      "POST /api/v1/institutions HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
      "http://127.0.0.1\r\nContent-Type: "
      "application/json\r\nConnection: close\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n",
      body);
  EXPECT_TRUE(IsError(response, 413, "payload_too_large"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
  EXPECT_TRUE(IsJson(Api().Get("/api/v1/health"), 200));
}

TEST(Errors, ChunkedBodyOverOneMebibyteIs413) {
  // No Content-Length: the limit must hold for the bytes actually received too.
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  const std::string body = OversizedInstitution(1024 * 1024 + 100);
  std::string chunked;
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::size_t pos = 0; pos < body.size(); pos += kChunk) {
    const std::string piece = body.substr(pos, kChunk);
    char size[32];
    std::snprintf(size, sizeof(size), "%zx\r\n", piece.size());
    chunked += size + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const Response response = RawHttp(
      "POST /api/v1/institutions HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
      "http://127.0.0.1\r\nContent-Type: "
      "application/json\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n",
      chunked);
  EXPECT_TRUE(IsError(response, 413, "payload_too_large"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST(Errors, BodyJustUnderTheLimitIsNot413) {
  // 1 MiB minus a little: accepted by the size limit (the long name may still fail validation).
  const std::string body = OversizedInstitution(1024 * 1024 - 200);
  const Response response = Api().PostRaw("/api/v1/institutions", body);
  EXPECT_NE(response.status, 413) << response;
  EXPECT_NE(response.status, 0) << response;
  EXPECT_LT(response.status, 500) << response;
  if (response.status == 201) {
    Api().Delete("/api/v1/institutions/" + std::to_string(IdOf(response.json)),
                 VersionOf(response.json));
  }
}

}  // namespace
}  // namespace weltcampus::api_test
