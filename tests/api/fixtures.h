#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api_client.h"

namespace weltcampus::api_test {

// Names and codes unique within this run (several tests create records in one database).
std::string Unique(std::string_view prefix);
// A small but well-formed PDF whose title is `title`: header, one object, a cross-reference table
// and the end marker.
std::string SmallPdf(const std::string& title);
// `count` upper-case letters, unique per call within this run.
std::string UniqueLetters(std::size_t count = 6);
// A unique password the server's dictionary check accepts: the unique letters are interleaved
// with digits, since cracklib refuses runs like "ABCDEF" that a counter can produce.
std::string UniquePassword(const std::string& words);

long long IdOf(const Json& record);
long long VersionOf(const Json& record);

// Collections several suites use, and an agreement's own path.
inline const std::string kAgreements = "/api/v1/agreements";
inline const std::string kInstitutions = "/api/v1/institutions";
std::string AgreementPath(const Json& agreement);

// Academic year that contains today (it starts on 1 October), e.g. "2026/2027".
int CurrentAcademicYearStart();
std::string AcademicYear(int start_year);

// POST and expect 201; `created` receives the body. Checks Location and ETag.
void CreateOk(const std::string& collection, const Json& body, Json* created);
// GET and expect 200 with JSON.
void GetOk(const std::string& path, Json* record);
// GET a list and return its `total` (fails the test on a non-list answer).
void TotalOf(const std::string& path, long long* total);
// Walks all pages (following next_cursor) with the given page size.
void ListAll(const std::string& path, int limit, std::vector<Json>* items,
             long long* total = nullptr);

// Builders for valid request bodies.
Json NewInstitutionBody(std::string_view country = "FR");
Json NewQuota(std::string_view direction, std::string_view category, int places);
Json NewAgreementBody(long long partnership_id, long long institution_id, std::string_view status,
                      int first_year, int last_year);

// Makes a fresh institution, a partnership with it and returns both.
struct PartnerFixture {
  Json institution;
  Json partnership;
};
void CreatePartner(std::string_view tier, PartnerFixture* out);

// The demo partnership whose institution name contains every `|`-separated part of `name_parts`
// (e.g. "King|College London": the apostrophe may be typographic).
void FindDemoPartnership(std::string_view name_parts, Json* partnership);
bool NameHas(const Json& institution, std::string_view name_parts);
inline constexpr std::string_view kKings = "King|College London";

// The order people expect names in, as the lists sort them (checked here with ICU directly, not the
// server's code): Unicode collation's root order, case ignored, accents breaking ties only, numbers
// by their value. Negative, zero or positive as strcmp.
int Collate(const std::string& a, const std::string& b);
// The country's name (ISO code) in "en" or "de", as ICU names it.
std::string CountryNameIn(const std::string& code, const std::string& language);

// PUT the record back with a change, expecting 200, returning the new body.
void UpdateOk(const std::string& path, const Json& record, Json* updated);

// Polls an import job until it has ended (or 120 s have passed); `job` receives its last state.
void WaitForJob(long long id, Json* job, ApiClient& client = Api());
// How many institutions the register finds for a search (e.g. an Erasmus code).
long long InstitutionsWithCode(const std::string& code);

}  // namespace weltcampus::api_test
