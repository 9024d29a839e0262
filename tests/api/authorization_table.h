#pragma once
// The authorization matrix's requirement: every route of the API with the area it belongs to, and
// who may use each area as docs/api.md "Who may do what (the roles)" says. Written from the
// documentation, never from the server's own tables: the refusal tests
// (authorization_matrix_test.cpp) and the grant tests (authorization_grants_test.cpp) both read it.
#include <set>
#include <string>
#include <vector>

namespace weltcampus::api_test {

// Who may use an area.
struct Access {
  std::set<std::string> roles;      // the roles with a ✓
  bool anonymous = false;           // ✓ in the anonymous column: without a session too
  bool anonymous_loopback = false;  // "loopback": anonymous from the server's own machine only
};

struct RouteRow {
  std::string method;
  std::string path;  // as in the OpenAPI document, with {id} and {kind}
  std::string area;  // a row of the documented table
};

// The nine roles, in the documented table's column order.
const std::vector<std::string>& AllRoles();
// Every route of the API and its area.
const std::vector<RouteRow>& RouteTable();
// The areas of docs/api.md's table by name; fails the current test (and answers empty) when the
// table cannot be read. `problems` lists what is wrong with the table itself.
struct AreaTable {
  std::vector<std::pair<std::string, Access>> areas;
  std::vector<std::string> problems;
  const Access* Find(const std::string& area) const;
};
const AreaTable& DocumentedAreas();
// The access of a route's area (empty access when the area is not documented).
const Access& AccessOf(const RouteRow& row);
bool Allows(const Access& access, const std::string& role);

}  // namespace weltcampus::api_test
