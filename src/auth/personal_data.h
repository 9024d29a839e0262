#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "store/database.h"

// What other modules keep about a person who has an account (the exchange's student record): the
// person's data export (GET /api/v1/me/data, /api/v1/users/{id}/data) includes it under
// "records", and the erasure of the account (by an administrator or by the retention run) erases
// it in the same transaction. The modules register their parts once at start (cli/app.cpp), before
// the routes are registered; auth knows none of them.
namespace weltcampus::auth {

struct PersonalDataPart {
  std::string key;        // its key in the export's "records": "student_record"
  nlohmann::json schema;  // the JSON Schema of what it exports (null is always allowed: none)
  // What is kept about the account's person, or null.
  std::function<nlohmann::json(store::Connection& c, int64_t user_id)> export_data;
  // Erases it (deletes or pseudonymises, each change audited in the actor's name); nothing when
  // nothing is kept.
  std::function<void(store::Connection& c, const audit::Actor& actor, int64_t user_id)> erase;
};

// Registers a part; one of the same key is replaced (a second registration at start is harmless).
void RegisterPersonalDataPart(PersonalDataPart part);
const std::vector<PersonalDataPart>& PersonalDataParts();

// {"key": data or null, ...} of every registered part, and the erasure by every part.
nlohmann::json ExportPersonalDataParts(store::Connection& c, int64_t user_id);
void ErasePersonalDataParts(store::Connection& c, const audit::Actor& actor, int64_t user_id);
// The JSON Schema of the export's "records".
nlohmann::json PersonalDataPartsSchema();

}  // namespace weltcampus::auth
