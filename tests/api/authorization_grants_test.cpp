// The authorization matrix's grants (issue 13): every cell docs/api.md's table allows — a role (or
// anonymous) on a route — gets a 2xx on a valid request: a real record, a valid body, the current
// version. The refusals are authorization_matrix_test.cpp's. Every route of the table needs a valid
// request here, so a new route forces one.
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"
#include "grants_requests.h"

// Named (not anonymous): the API tests are compiled in unity batches, where these short names would
// meet other files' own.
namespace weltcampus::api_test::grants {

// Every valid request, one per route: the platform's, the partner register's, the exchange's.
const Requests& ValidRequests() {
  static const Requests requests = [] {
    Requests all;
    for (Requests part :
         {PlatformRequests(), PartnerRequests(), ExchangeRequests(), MobilityRequests()}) {
      for (auto& [route, request] : part) {
        const bool added = all.emplace(route, std::move(request)).second;
        EXPECT_TRUE(added) << route.first << " " << route.second << " has two valid requests";
      }
    }
    return all;
  }();
  return requests;
}

}  // namespace weltcampus::api_test::grants

namespace weltcampus::api_test {
namespace {

using grants::ValidRequests;

class AuthorizationGrants : public GrantsApi {};

TEST_F(AuthorizationGrants, EveryAllowedCellAnswers2xxToAValidRequest) {
  const auto& valid = ValidRequests();
  int granted = 0;
  // Signing out ends the person's session: last.
  std::vector<RouteRow> routes = RouteTable();
  std::stable_partition(routes.begin(), routes.end(),
                        [](const RouteRow& row) { return row.path != "/api/v1/auth/logout"; });
  for (const RouteRow& row : routes) {
    const auto request = valid.find({row.method, row.path});
    if (request == valid.end()) {
      ADD_FAILURE() << row.method << " " << row.path
                    << " has no valid request in grants_platform.cpp, grants_partners.cpp or "
                       "grants_exchange.cpp: add one";
      continue;
    }
    const Access& access = AccessOf(row);
    std::vector<Cell> cells;
    for (const std::string& role : AllRoles()) {
      if (Allows(access, role)) {
        cells.push_back({role, &people_[role]});
      }
    }
    if (access.anonymous || access.anonymous_loopback) {
      cells.push_back({"anonymous", nullptr});
    }
    EXPECT_FALSE(cells.empty()) << row.method << " " << row.path << ": nobody may use it";
    for (const Cell& cell : cells) {
      Response answer;
      request->second(*this, cell, &answer);
      EXPECT_TRUE(answer.status >= 200 && answer.status < 300)
          << cell.role << " on " << row.method << " " << row.path
          << ": a valid request must be granted, got " << answer;
      ++granted;
    }
  }
  for (const auto& [route, request] : valid) {
    bool known = false;
    for (const RouteRow& row : routes) {
      known = known || (row.method == route.first && row.path == route.second);
    }
    EXPECT_TRUE(known) << route.first << " " << route.second << " is not in the route table";
  }
  EXPECT_GT(granted, 300);
}

}  // namespace
}  // namespace weltcampus::api_test
