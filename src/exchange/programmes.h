#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/json_writer.h"
#include "core/record_schema.h"
#include "http/router.h"
#include "store/database.h"
#include "store/record_table.h"

namespace weltcampus::exchange {

// A study programme of the school (issue 10): a record of the kit (kit/records.h) at
// /api/v1/programmes, read with exchange:read, kept with exchange:write. Its code is its own (the
// campus-management export names a student's programme by it); single-cycle programmes (medicine,
// dentistry: state examination) have 24 Erasmus months per study cycle instead of 12.
struct Programme {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string name_de;
  int64_t org_unit_id = 0;
  std::optional<std::string> isced_code;
  int64_t eqf_level = 6;
  bool single_cycle = false;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// Erasmus months a student has per study cycle in this programme.
inline int64_t ErasmusMonthsPerCycle(const Programme& programme) {
  return programme.single_cycle ? 24 : 12;
}

const RecordSchema<Programme>& ProgrammeSchema();
const store::RecordTable<Programme>& ProgrammeTable();
void WriteJson(const Programme& programme, JsonWriter& out);
nlohmann::json ToJson(const Programme& programme);

// The programme with this code, in the caller's transaction.
std::optional<Programme> FindProgrammeByCode(store::Connection& c, const std::string& code);

// The programme rules, run before every create and update: the code is its own, the unit exists,
// the ISCED-F field is one of the table (when the table is there), EQF level 5..8.
void CheckProgramme(store::Connection& c, const Programme& programme);

void RegisterProgrammeRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
