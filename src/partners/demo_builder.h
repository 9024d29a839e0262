#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "organisation/demo.h"
#include "organisation/import/isced_import.h"
#include "partners/import/eche_import.h"
#include "partners/import/world_universities_import.h"
#include "store/sql.h"

namespace weltcampus::partners {

// The reference files the demo draws its partners from; each is optional.
struct DemoReferenceData {
  std::optional<partners::EcheFile> eche;
  std::optional<partners::WorldUniversitiesFile> world;
  std::optional<organisation::IscedFile> isced;
  std::map<std::string, std::pair<double, double>> coordinates;  // Erasmus code -> lat, lon
  std::vector<std::string> notes;                                // what was missing
};

// Reads eche/*.csv, hipo/world_universities_and_domains.json, isced/iscedf2013.csv and
// erasmus_2013_14/EUC_geocoded_clean.csv from the folder, whichever are there.
DemoReferenceData LoadDemoReferenceData(const std::string& data_dir);

struct DemoSettings {
  // school; university (twenty times the partners); scale (ten times university's partners, of
  // which the reference lists hold fewer than half: the rest are made up, see BuildDemo; and the
  // whole register of both lists)
  std::string profile = "school";
  int scale_partners = 24000;  // standard partners of the scale profile; tests build fewer
  unsigned seed = 2015;
  Date today;                      // agreements expire and start relative to it
};

struct DemoSummary {
  int64_t org_units = 0;
  int64_t institutions = 0;
  int64_t partnerships = 0;
  int64_t agreements = 0;
  int64_t quotas = 0;
  int64_t joint_structures = 0;
  int64_t isced_fields = 0;
};

// What is in the database that the demo would mix with; empty means the demo may run.
std::string DescribeExistingData(store::Connection& connection);

// The partners module's part of the demo (src/demo builds the whole): the home university, three
// strategic partners with SAHMRI, and the standard partners drawn from the reference data, their
// agreements held by the organisation part's units, in the caller's transaction. The same seed,
// data and day give the same database. The scale profile makes up the partners the lists lack
// (institutions with source "demo-generated", named after and placed near real ECHE institutions
// of the same city) and then imports both lists whole, as `weltcampus import` would.
DemoSummary BuildDemo(store::Connection& connection, const DemoReferenceData& data,
                      const DemoSettings& settings,
                      const organisation::DemoOrganisation& organisation);

}  // namespace weltcampus::partners
