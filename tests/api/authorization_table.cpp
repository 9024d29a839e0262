#include "authorization_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace weltcampus::api_test {
namespace {

constexpr const char* kTableHeading = "## Who may do what (the roles)";

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The cells of a Markdown table row "| a | b |" (without the outer bars).
std::vector<std::string> TableCells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '|') {
      cells.push_back(Trim(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

AreaTable ReadAreas() {
  AreaTable table;
  const std::string file = std::string(WELTCAMPUS_SOURCE_ROOT) + "/docs/api.md";
  std::ifstream in(file);
  if (!in) {
    table.problems.push_back("cannot read " + file);
    return table;
  }
  std::string line;
  while (std::getline(in, line) && line != kTableHeading) {
  }
  if (!in) {
    table.problems.push_back(file + " has no section \"" + kTableHeading + "\"");
    return table;
  }
  std::vector<std::string> columns;
  while (std::getline(in, line)) {
    if (line.starts_with("## ")) {
      break;
    }
    if (!line.starts_with("|")) {
      continue;
    }
    const auto cells = TableCells(line);
    if (columns.empty()) {
      columns = cells;
      std::vector<std::string> expected = {"area", "what"};
      expected.insert(expected.end(), AllRoles().begin(), AllRoles().end());
      expected.push_back("anonymous");
      if (columns != expected) {
        table.problems.push_back(
            "the table's columns are not: area, what, the nine roles, anonymous");
        return table;
      }
      continue;
    }
    if (!cells.empty() && cells[0].starts_with("---")) {
      continue;
    }
    if (cells.size() != columns.size() || cells[0].size() < 3 || cells[0].front() != '`' ||
        cells[0].back() != '`') {
      table.problems.push_back("a row of the table is not `area` | what | a cell per column: " +
                               line);
      continue;
    }
    Access access;
    for (size_t i = 2; i < cells.size(); ++i) {
      const std::string& cell = cells[i];
      if (cell.empty()) {
        continue;
      }
      if (columns[i] == "anonymous") {
        if (cell == "✓") {
          access.anonymous = true;
        } else if (cell == "loopback") {
          access.anonymous_loopback = true;
        } else {
          table.problems.push_back("anonymous cell is neither ✓, loopback nor empty: " + line);
        }
      } else if (cell == "✓") {
        access.roles.insert(columns[i]);
      } else {
        table.problems.push_back("a role's cell is neither ✓ nor empty: " + line);
      }
    }
    const std::string name = cells[0].substr(1, cells[0].size() - 2);
    if (table.Find(name) != nullptr) {
      table.problems.push_back("area `" + name + "` twice");
    }
    table.areas.emplace_back(name, std::move(access));
  }
  if (table.areas.empty()) {
    table.problems.push_back("the section \"" + std::string(kTableHeading) + "\" has no table");
  }
  return table;
}

}  // namespace

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> roles = {
      "admin",           "international_office", "coordinator", "researcher",    "research_office",
      "welcome_officer", "management",           "student",     "incoming_guest"};
  return roles;
}

const Access* AreaTable::Find(const std::string& area) const {
  for (const auto& [name, access] : areas) {
    if (name == area) {
      return &access;
    }
  }
  return nullptr;
}

const AreaTable& DocumentedAreas() {
  static const AreaTable table = ReadAreas();
  return table;
}

const Access& AccessOf(const RouteRow& row) {
  static const Access none;
  const Access* access = DocumentedAreas().Find(row.area);
  return access != nullptr ? *access : none;
}

bool Allows(const Access& access, const std::string& role) { return access.roles.count(role) > 0; }

// Every route, in the order of docs/api.md. A route the OpenAPI document has and this table lacks
// fails EveryOpenApiRouteHasARowAndEveryRowARoute, so a new route forces a row.
const std::vector<RouteRow>& RouteTable() {
  static const std::vector<RouteRow> rows = {
      // Public
      {"GET", "/api/v1/health", "public"},
      {"GET", "/api/v1/openapi.json", "public"},
      {"GET", "/api/v1/enumerations", "public"},
      {"GET", "/api/v1/settings/home", "public"},
      {"POST", "/api/v1/auth/login", "public"},
      {"GET", "/api/v1/auth/session", "public"},
      // Any signed-in person
      {"POST", "/api/v1/auth/logout", "signed-in"},
      {"GET", "/api/v1/me", "signed-in"},
      {"PUT", "/api/v1/me", "signed-in"},
      {"PUT", "/api/v1/me/password", "signed-in"},
      {"GET", "/api/v1/me/data", "signed-in"},
      {"GET", "/api/v1/isced", "signed-in"},
      // Jobs: everyone sees (and may cancel) their own; others' read as missing (404)
      {"GET", "/api/v1/jobs", "signed-in"},
      {"GET", "/api/v1/jobs/{id}", "signed-in"},
      {"POST", "/api/v1/jobs/{id}/cancel", "signed-in"},
      {"GET", "/api/v1/jobs/{id}/report", "signed-in"},
      // Organisation: the school's units
      {"GET", "/api/v1/org-units", "register"},
      {"GET", "/api/v1/org-units/{id}", "register"},
      {"POST", "/api/v1/org-units", "register-keeping"},
      {"PUT", "/api/v1/org-units/{id}", "register-keeping"},
      {"DELETE", "/api/v1/org-units/{id}", "register-keeping"},
      // Partners: reading
      {"GET", "/api/v1/institutions", "register"},
      {"GET", "/api/v1/institutions/{id}", "register"},
      {"GET", "/api/v1/partnerships", "register"},
      {"GET", "/api/v1/partnerships/map", "register"},
      {"GET", "/api/v1/partnerships/countries", "register"},
      {"GET", "/api/v1/partnerships/{id}", "register"},
      {"GET", "/api/v1/partnerships/{id}/overview", "register"},
      {"GET", "/api/v1/partnerships/{id}/joint-structures", "register"},
      {"GET", "/api/v1/joint-structures/{id}", "register"},
      {"GET", "/api/v1/agreements", "register"},
      {"GET", "/api/v1/agreements/expiring", "register-internals"},
      {"GET", "/api/v1/agreements/{id}", "register"},
      // The partner's contacts and the office's notes: staff only
      {"GET", "/api/v1/partnerships/{id}/contacts", "register-internals"},
      {"GET", "/api/v1/partner-contacts/{id}", "register-internals"},
      {"GET", "/api/v1/partnerships/{id}/notes", "register-internals"},
      {"GET", "/api/v1/partner-notes/{id}", "register-internals"},
      {"GET", "/api/v1/agreements/{id}/documents", "register-internals"},
      {"GET", "/api/v1/agreement-documents/{id}", "register-internals"},
      {"GET", "/api/v1/agreement-documents/{id}/files", "register-internals"},
      {"GET", "/api/v1/agreement-document-files/{id}", "register-internals"},
      {"GET", "/api/v1/partnerships/{id}/history", "register-internals"},
      {"GET", "/api/v1/agreements/{id}/history", "register-internals"},
      // Partners: changing
      {"POST", "/api/v1/institutions", "register-keeping"},
      {"PUT", "/api/v1/institutions/{id}", "register-keeping"},
      {"DELETE", "/api/v1/institutions/{id}", "register-keeping"},
      {"POST", "/api/v1/partnerships", "register-keeping"},
      {"PUT", "/api/v1/partnerships/{id}", "register-keeping"},
      {"DELETE", "/api/v1/partnerships/{id}", "register-keeping"},
      {"POST", "/api/v1/partnerships/{id}/joint-structures", "register-keeping"},
      {"PUT", "/api/v1/joint-structures/{id}", "register-keeping"},
      {"DELETE", "/api/v1/joint-structures/{id}", "register-keeping"},
      {"POST", "/api/v1/partnerships/{id}/contacts", "register-keeping"},
      {"PUT", "/api/v1/partner-contacts/{id}", "register-keeping"},
      {"DELETE", "/api/v1/partner-contacts/{id}", "register-keeping"},
      {"POST", "/api/v1/partnerships/{id}/notes", "register-keeping"},
      {"PUT", "/api/v1/partner-notes/{id}", "register-keeping"},
      {"DELETE", "/api/v1/partner-notes/{id}", "register-keeping"},
      {"POST", "/api/v1/agreements/{id}/documents", "register-keeping"},
      {"PUT", "/api/v1/agreement-documents/{id}", "register-keeping"},
      {"DELETE", "/api/v1/agreement-documents/{id}", "register-keeping"},
      {"POST", "/api/v1/agreement-documents/{id}/files", "register-keeping"},
      {"POST", "/api/v1/agreements", "register-keeping"},
      {"PUT", "/api/v1/agreements/{id}", "register-keeping"},
      {"DELETE", "/api/v1/agreements/{id}", "register-keeping"},
      {"POST", "/api/v1/agreements/{id}/renewal", "register-keeping"},
      // Bulk actions on the lists: several records at once
      {"POST", "/api/v1/partnerships/bulk", "register-keeping"},
      {"POST", "/api/v1/agreements/bulk", "register-keeping"},
      // The exchange: programmes, students, their certificates and earlier stays abroad
      {"GET", "/api/v1/programmes", "exchange"},
      {"GET", "/api/v1/programmes/{id}", "exchange"},
      {"POST", "/api/v1/programmes", "exchange-keeping"},
      {"PUT", "/api/v1/programmes/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/programmes/{id}", "exchange-keeping"},
      {"GET", "/api/v1/students", "student-records"},
      {"GET", "/api/v1/students/{id}", "student-records"},
      {"GET", "/api/v1/students/{id}/language-certificates", "student-records"},
      {"GET", "/api/v1/student-language-certificates/{id}", "student-records"},
      {"GET", "/api/v1/students/{id}/stays-abroad", "student-records"},
      {"GET", "/api/v1/student-stays-abroad/{id}", "student-records"},
      {"POST", "/api/v1/students", "exchange-keeping"},
      {"PUT", "/api/v1/students/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/students/{id}", "exchange-keeping"},
      {"POST", "/api/v1/students/{id}/language-certificates", "exchange-keeping"},
      {"PUT", "/api/v1/student-language-certificates/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/student-language-certificates/{id}", "exchange-keeping"},
      {"POST", "/api/v1/students/{id}/stays-abroad", "exchange-keeping"},
      {"PUT", "/api/v1/student-stays-abroad/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/student-stays-abroad/{id}", "exchange-keeping"},
      {"GET", "/api/v1/me/student", "own-student-record"},
      {"GET", "/api/v1/mobilities", "mobilities"},
      {"GET", "/api/v1/mobilities/{id}", "mobilities"},
      {"GET", "/api/v1/mobilities/{id}/events", "mobilities"},
      {"POST", "/api/v1/mobilities", "mobilities"},
      {"PUT", "/api/v1/mobilities/{id}", "mobilities"},
      {"DELETE", "/api/v1/mobilities/{id}", "mobilities"},
      {"POST", "/api/v1/mobilities/{id}/stay", "mobilities"},
      {"GET", "/api/v1/me/mobilities", "own-mobilities"},
      // Calls for exchange places and their offers
      {"GET", "/api/v1/calls", "calls"},
      {"GET", "/api/v1/calls/{id}", "calls"},
      {"POST", "/api/v1/calls", "exchange-keeping"},
      {"PUT", "/api/v1/calls/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/calls/{id}", "exchange-keeping"},
      {"GET", "/api/v1/calls/{id}/offers", "calls"},
      {"POST", "/api/v1/calls/{id}/offers", "exchange-keeping"},
      {"GET", "/api/v1/calls/{id}/quotas", "calls"},
      {"GET", "/api/v1/offers/{id}", "calls"},
      {"PUT", "/api/v1/offers/{id}", "exchange-keeping"},
      {"DELETE", "/api/v1/offers/{id}", "exchange-keeping"},
      {"GET", "/api/v1/calls/{id}/my-application", "applying"},
      {"PUT", "/api/v1/calls/{id}/my-application", "applying"},
      {"POST", "/api/v1/calls/{id}/my-application/submit", "applying"},
      {"POST", "/api/v1/calls/{id}/my-application/withdraw", "applying"},
      {"POST", "/api/v1/calls/{id}/my-application/documents/{kind}", "applying"},
      {"GET", "/api/v1/calls/{id}/my-application/documents/{kind}", "applying"},
      {"DELETE", "/api/v1/calls/{id}/my-application/documents/{kind}", "applying"},
      {"GET", "/api/v1/calls/{id}/applications", "applications"},
      {"GET", "/api/v1/applications/{id}", "applications"},
      {"GET", "/api/v1/applications/{id}/documents/{kind}", "applications"},
      {"PUT", "/api/v1/applications/{id}/score", "applications"},
      {"PUT", "/api/v1/applications/{id}/completeness", "applications"},
      {"POST", "/api/v1/calls/{id}/allocation-runs", "allocating"},
      {"GET", "/api/v1/calls/{id}/allocation-runs", "runs"},
      {"GET", "/api/v1/allocation-runs/{id}", "runs"},
      {"GET", "/api/v1/allocation-runs/{id}/results", "runs"},
      {"GET", "/api/v1/allocation-runs/{id}/input", "allocating"},
      {"POST", "/api/v1/allocation-runs/{id}/repeat", "runs"},
      {"POST", "/api/v1/allocation-runs/{id}/sign-off", "sign-off"},
      {"POST", "/api/v1/allocation-runs/{id}/publish", "allocating"},
      {"POST", "/api/v1/calls/{id}/my-application/accept", "applying"},
      {"POST", "/api/v1/calls/{id}/my-application/decline", "applying"},
      // Objections: the student to their own result; read as the results are, answered by the
      // committee that signs rankings off (never by the office that ran the allocation).
      {"POST", "/api/v1/calls/{id}/my-application/objection", "applying"},
      {"GET", "/api/v1/allocation-runs/{id}/objections", "runs"},
      {"PUT", "/api/v1/objections/{id}/answer", "sign-off"},
      // The demand for places (counts only, nobody named): the staff who work with exchanges;
      // what-ifs on a stored run name students: those who run the allocation.
      {"GET", "/api/v1/calls/{id}/demand", "exchange"},
      {"GET", "/api/v1/exchange/demand", "exchange"},
      {"POST", "/api/v1/allocation-runs/{id}/what-if", "allocating"},
      {"GET", "/api/v1/allocation-runs/{id}/one-more-place", "allocating"},
      // The retention schedule of applications: the international office sets and runs it.
      {"GET", "/api/v1/exchange/application-retention", "allocating"},
      {"PUT", "/api/v1/exchange/application-retention", "allocating"},
      {"POST", "/api/v1/exchange/application-retention/run", "allocating"},
      // Imports of reference lists (as jobs)
      {"POST", "/api/v1/imports/{kind}", "register-keeping"},
      {"GET", "/api/v1/imports/{kind}/columns", "register-keeping"},
      {"POST", "/api/v1/imports/{kind}/header", "register-keeping"},
      // Aggregate indicators
      {"GET", "/api/v1/summary", "indicators"},
      // The partnerships over the years (the dean's home): figures without personal data, for
      // those who read the indicators.
      {"GET", "/api/v1/partnerships/trends", "indicators"},
      // Administration
      {"PUT", "/api/v1/settings/home", "administration"},
      {"GET", "/api/v1/users", "administration"},
      {"POST", "/api/v1/users", "administration"},
      {"GET", "/api/v1/users/{id}", "administration"},
      {"PUT", "/api/v1/users/{id}", "administration"},
      {"POST", "/api/v1/users/{id}/password-reset", "administration"},
      {"POST", "/api/v1/users/{id}/erasure", "administration"},
      {"GET", "/api/v1/users/{id}/data", "administration"},
      {"GET", "/api/v1/audit", "administration"},
      {"GET", "/api/v1/audit/verify", "administration"},
      {"GET", "/metrics", "metrics"},
  };
  return rows;
}

}  // namespace weltcampus::api_test
