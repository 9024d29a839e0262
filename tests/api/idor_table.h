// The rows of the IDOR tests (idor_test.cpp) and what they share: one OwnedRecordType per record
// type with an owner or a row-level scope; the rows of people's own records in
// idor_rows_people.cpp, those of the exchange in idor_rows_exchange.cpp (on the records of
// idor_world.h).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"

namespace weltcampus::api_test::idor {

// An id no record has (the reference answer for every by-id route).
inline const std::string kMissingId = "987654321";

// One of a row's two people and their own record.
struct Holder {
  Account account;
  long long record = -1;
  // A text this person's views show (a name, a file name) and the other's must never show.
  std::string marker;
  // Path parameters other than {id}: "{call}", "{run}".
  std::map<std::string, std::string> where;
};

// A request by id: `{id}` in the path is the record's id; POST, PUT and DELETE carry If-Match
// with the version of A's record as A read it (so that a missing row-level check would change
// A's record, not fail on a stale version).
struct ByIdRequest {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;
  Json body;  // for POST/PUT
  // The answer B gets for B's own record (0: not tried, e.g. a change).
  int own_status = 0;
};

// A route the permission layer refuses to every role but `allowed`, whatever the id.
struct PermissionRefusal {
  ByIdRequest request;
  std::set<std::string> allowed;
};

struct OwnedRecordType {
  std::string name;
  std::string role;  // of both people
  // Makes both people, each with their own record.
  std::function<void(Holder* a, Holder* b)> make;
  // The record as its holder reads it (to prove that nothing changed).
  std::function<void(const Holder& holder, Json* record)> read;
  // Every route that reaches a record of this type by id (row level: 404 for another's).
  std::vector<ByIdRequest> by_id;
  // Views of B's own (paths with {call}, {run}; ids smuggled in): B's marker, never A's.
  std::vector<std::string> views;
  // The routes without an id (found by the account) used by B: they reach B's record only.
  std::function<void(const Holder& a, const Holder& b)> own_routes;
  // By-id routes this role's permission does not include (403 to every role but `allowed`).
  std::vector<PermissionRefusal> refused;
};

// GET as `session`, expecting JSON 200.
void ReadAs(const Session& session, const std::string& path, Json* body);
// The list's item whose `key` is `id` (every page).
void ItemOf(const Session& session, const std::string& list, const std::string& key, long long id,
            Json* item);
// The student's application in a call.
std::string Mine(const std::string& call);

// The rows.
OwnedRecordType AccountRow();
OwnedRecordType StudentRecordRow();
OwnedRecordType ImportJobRow();
OwnedRecordType OwnApplicationRow();
OwnedRecordType ScopedApplicationRow();
OwnedRecordType OwnResultRow();
OwnedRecordType ScopedResultRow();
OwnedRecordType OwnObjectionRow();
OwnedRecordType ScopedObjectionRow();

}  // namespace weltcampus::api_test::idor
