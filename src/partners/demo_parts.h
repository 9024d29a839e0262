#pragma once

// Shared by the demo builder's files only.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "partners/demo_builder.h"
#include "partners/demo_random.h"
#include "partners/model.h"

namespace weltcampus::partners::demo {

struct Context {
  store::Connection& connection;
  DemoRandom random;
  int current_year;                     // academic year containing today
  std::set<std::string> isced_codes;    // the imported table, empty when there is none
  std::map<std::string, int64_t> units; // org unit code -> id
  DemoSummary summary;
};

// Partnerships and agreements go in without their counts (repository::KeptCounts): BuildDemo
// recounts once at the end.
int64_t AddInstitution(Context& context, Institution institution);
int64_t AddPartnership(Context& context, Partnership partnership);
void AddAgreement(Context& context, Agreement agreement);
void AddJointStructure(Context& context, JointStructure structure);
void AddPartnerContact(Context& context, int64_t partnership_id, PartnerContactRole role,
                       const char* name, const char* unit, const char* email,
                       const char* phone = nullptr, const char* address = nullptr);
// A note dated `months_ago` months before the current academic year's September (always past).
void AddPartnerNote(Context& context, int64_t partnership_id, int months_ago, PartnerNoteKind kind,
                    const char* text);

Quota MakeQuota(Direction direction, QuotaCategory category, std::optional<std::string> isced,
                std::vector<int> eqf_levels, int places, std::optional<double> months,
                std::optional<int64_t> days, std::vector<LanguageRequirement> languages);
// An agreement running over academic years first..last (calendar years they start in).
Agreement MakeAgreement(int64_t partnership_id, AgreementType type, AgreementStatus status,
                        std::string title, int first, int last);

// The home university in the register.
void BuildHome(Context& context, const DemoReferenceData& data);
// King's College London, Wroclaw Medical University, Flinders University with SAHMRI.
void BuildStrategicPartners(Context& context, const DemoReferenceData& data);
// `count` partners drawn from the reference lists, skipping Erasmus codes and domains in use; when
// the lists hold fewer and `generate_missing` is set, the rest are made-up institutions
// (GenerateInstitutions).
void BuildStandardPartners(Context& context, const DemoReferenceData& data, int count,
                           bool extra_agreements, bool generate_missing);

// The `source` of institutions the demo made up: they exist in no list and nowhere else.
inline constexpr std::string_view kGeneratedSource = "demo-generated";

// `count` plausible European institutions that do not exist, with names not in `names_in_use`
// ("Tartu School of Nursing"), each placed within about 3 km of a real ECHE institution with a
// known position in the same city and country (outside Germany). Empty without the ECHE list and
// its coordinates.
std::vector<Institution> GenerateInstitutions(Context& context, const DemoReferenceData& data,
                                              std::size_t count,
                                              std::set<std::string> names_in_use);

// Erasmus codes and web domains the home and strategic institutions took.
inline const std::set<std::string> kReservedErasmusCodes = {"D  DRESDEN02", "PL WROCLAW05"};
inline const std::set<std::string> kReservedDomains = {"tu-dresden.de", "kcl.ac.uk", "umw.edu.pl",
                                                       "flinders.edu.au", "sahmri.org.au",
                                                       "sahmri.com"};

}  // namespace weltcampus::partners::demo
