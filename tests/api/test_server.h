#pragma once

#include <string>

namespace weltcampus::api_test {

// The one server process all tests of this binary talk to (started by a global test environment).
struct TestServer {
  std::string host = "127.0.0.1";
  int port = 0;
  std::string db_url;   // what the server was started with
  std::string backend;  // "sqlite" or "postgresql"
  std::string temp_dir;
  std::string web_dir;       // the folder given to --web
  std::string binary;        // the weltcampus executable
  std::string version_text;  // output of `weltcampus --version`
};

// Valid once the global environment is set up.
const TestServer& Server();

// The environment variable's value, or the fallback if it is unset or empty.
std::string EnvOr(const char* name, const std::string& fallback);
// postgresql://user@host:port/postgres?x=y -> the same URL with the database name replaced.
std::string WithDatabase(const std::string& url, const std::string& database);

// Markers written into files of the test's web folder and next to it (outside it).
inline constexpr const char* kIndexMarker = "WELTCAMPUS-INDEX-MARKER-7f3a";
inline constexpr const char* kAssetMarker = "WELTCAMPUS-ASSET-MARKER-91c2";
inline constexpr const char* kSecretMarker = "WELTCAMPUS-SECRET-MARKER-d40e";

}  // namespace weltcampus::api_test
