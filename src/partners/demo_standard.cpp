#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "core/academic_year.h"
#include "partners/demo_parts.h"

namespace weltcampus::partners::demo {

namespace {

constexpr std::array<std::string_view, 20> kOverseasCountries = {
    "US", "CA", "JP", "CN", "TZ", "VN", "BR", "KR", "IN", "MX",
    "ZA", "IL", "TH", "AR", "CL", "AU", "NZ", "SG", "GH", "UG"};

// Fictitious people: the demo must not put real names into anyone's database.
constexpr std::array<std::string_view, 10> kCoordinators = {
    "Dr. Anna Hoffmann",     "Prof. Dr. Jens Richter", "Dr. Katrin Schulze", "Dr. Martin Krause",
    "Prof. Dr. Sabine Lehmann", "Dr. Thomas Neumann",  "Dr. Julia Schmidt",  "Dr. Felix Wagner",
    "Prof. Dr. Ulrike Fischer", "Dr. Paul Zimmermann"};

constexpr std::array<std::string_view, 8> kClinics = {"MED-IM1", "MED-IM3", "MED-PAED", "MED-NEURO",
                                                      "MED-GYN", "MED-VTG", "MED-ANE", "MED-AM"};

struct Candidate {
  Institution institution;
  int score = 0;  // 3 medical university, 2 other university, 1 anything else
};

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool ContainsAny(const std::string& text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

bool IsMedical(const std::string& lower_name) {
  return ContainsAny(lower_name, {"medical", "medicine", "medizin", "médecine", "medecine",
                                  "lekarsk", "medycz", "medicin", "semmelweis", "orvos",
                                  "health sciences", "bio medico"}) &&
         !ContainsAny(lower_name, {"veterin", "allatorvos", "tierärzt"});
}

bool IsUniversity(const std::string& lower_name) {
  return ContainsAny(lower_name, {"univ", "egyetem", "uniwersytet", "yliopisto", "hochschule"});
}

std::vector<Candidate> EuropeanCandidates(const DemoReferenceData& data) {
  std::vector<Candidate> candidates;
  if (!data.eche) {
    return candidates;
  }
  std::unordered_map<std::string, int> domain_uses;
  for (const auto& row : data.eche->rows) {
    if (row.domain) {
      ++domain_uses[*row.domain];
    }
  }
  for (const auto& row : data.eche->rows) {
    const auto& code = *row.institution.erasmus_code;
    // German institutions are not exchange partners of a German school.
    if (row.institution.country == "DE" || kReservedErasmusCodes.contains(code) ||
        (row.domain && kReservedDomains.contains(*row.domain))) {
      continue;
    }
    Candidate candidate{row.institution, 1};
    // As the ECHE import would store it, so that importing the list later updates, not duplicates.
    if (row.domain && domain_uses[*row.domain] == 1) {
      candidate.institution.hei_id = row.domain;
    }
    if (auto point = data.coordinates.find(code); point != data.coordinates.end()) {
      candidate.institution.latitude = point->second.first;
      candidate.institution.longitude = point->second.second;
    }
    const auto name = Lower(row.institution.name);
    candidate.score = IsUniversity(name) ? (IsMedical(name) ? 3 : 2) : 1;
    if (IsMedical(name) && candidate.score == 1) {
      candidate.score = 2;  // a medical school without "university" in its name
    }
    candidates.push_back(std::move(candidate));
  }
  return candidates;
}

std::vector<Candidate> OverseasCandidates(const DemoReferenceData& data) {
  std::vector<Candidate> candidates;
  if (!data.world) {
    return candidates;
  }
  for (const auto& row : data.world->rows) {
    const auto& country = row.institution.country;
    if (std::find(kOverseasCountries.begin(), kOverseasCountries.end(), country) ==
            kOverseasCountries.end() ||
        (row.institution.hei_id && kReservedDomains.contains(*row.institution.hei_id))) {
      continue;
    }
    const auto name = Lower(row.institution.name);
    candidates.push_back({row.institution, IsMedical(name) ? 3 : 2});
  }
  return candidates;
}

// Best score first, in random order within a score.
std::vector<Candidate> Ranked(Context& context, std::vector<Candidate> candidates) {
  context.random.Shuffle(candidates);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  return candidates;
}

// Takes `count` overseas institutions spread over the countries in turn, medical schools first.
std::vector<Candidate> SpreadOverCountries(std::vector<Candidate> ranked, std::size_t count) {
  std::map<std::string, std::vector<Candidate>> by_country;
  for (auto& candidate : ranked) {
    by_country[candidate.institution.country].push_back(std::move(candidate));
  }
  std::vector<Candidate> chosen;
  for (std::size_t round = 0; chosen.size() < count; ++round) {
    bool any = false;
    for (const auto country : kOverseasCountries) {
      auto it = by_country.find(std::string(country));
      if (it != by_country.end() && round < it->second.size() && chosen.size() < count) {
        chosen.push_back(std::move(it->second[round]));
        any = true;
      }
    }
    if (!any) {
      break;
    }
  }
  return chosen;
}

std::string LocalLanguage(std::string_view country) {
  static const std::map<std::string_view, std::string_view> kLanguages = {
      {"AT", "de"}, {"BE", "fr"}, {"BG", "bg"}, {"HR", "hr"}, {"CY", "el"}, {"CZ", "cs"},
      {"DK", "da"}, {"EE", "et"}, {"FI", "fi"}, {"FR", "fr"}, {"GR", "el"}, {"HU", "hu"},
      {"IE", "en"}, {"IT", "it"}, {"LV", "lv"}, {"LT", "lt"}, {"LU", "fr"}, {"MT", "en"},
      {"NL", "nl"}, {"PL", "pl"}, {"PT", "pt"}, {"RO", "ro"}, {"SK", "sk"}, {"SI", "sl"},
      {"ES", "es"}, {"SE", "sv"}, {"NO", "no"}, {"IS", "is"}, {"TR", "tr"}, {"RS", "sr"},
      {"MK", "mk"}, {"AL", "sq"}, {"BA", "bs"}, {"ME", "sr"}, {"XK", "sq"}, {"LI", "de"},
      {"BR", "pt"}, {"MX", "es"}, {"AR", "es"}, {"CL", "es"}, {"JP", "ja"}, {"CN", "zh"}};
  const auto it = kLanguages.find(country);
  return it == kLanguages.end() ? "en" : std::string(it->second);
}

// What our students going there must speak: English, the local language, or both.
std::vector<LanguageRequirement> OutgoingLanguages(Context& context, std::string_view country) {
  const auto local = LocalLanguage(country);
  if (local == "en") {
    return {{"en", "B2"}};
  }
  const int draw = context.random.Below(10);
  if (draw < 5) {
    return {{"en", "B2"}};
  }
  if (draw < 8) {
    return {{local, "B1"}};
  }
  return {{"en", "B2"}, {local, "B1"}};
}

// Clinical teaching in Dresden is in German.
std::vector<LanguageRequirement> IncomingLanguages(Context& context) {
  return {{"de", context.random.Percent(20) ? "B2" : "B1"}};
}

// Status and academic years of one agreement, with some ending within the coming year.
void DrawStatusAndYears(Context& context, Agreement& agreement, int programme_start) {
  const int year = context.current_year;
  const int draw = context.random.Below(100);
  if (draw < 72) {
    agreement.status = AgreementStatus::kActive;
    agreement.first_academic_year = std::min(year, context.random.Between(programme_start, year));
    agreement.last_academic_year = draw < 14 ? year : year + context.random.Between(1, 4);
  } else if (draw < 80) {
    agreement.status = AgreementStatus::kSigned;
    agreement.first_academic_year = year + 1;
    agreement.last_academic_year = year + context.random.Between(3, 6);
  } else if (draw < 87) {
    agreement.status = AgreementStatus::kInNegotiation;
    agreement.first_academic_year = year + 1;
    agreement.last_academic_year = year + context.random.Between(4, 7);
  } else if (draw < 92) {
    agreement.status = AgreementStatus::kDraft;
    agreement.first_academic_year = year + 1;
    agreement.last_academic_year = year + context.random.Between(4, 7);
  } else {
    agreement.status = AgreementStatus::kExpired;
    agreement.first_academic_year = context.random.Between(2014, 2016);
    agreement.last_academic_year = context.random.Between(2019, year - 1);
  }
  agreement.ends_on = AcademicYear(agreement.last_academic_year).EndsOn().ToString();
}

void AddStudyQuotas(Context& context, Agreement& agreement, const std::string& country,
                    const std::string& isced, std::vector<int> eqf) {
  const int places = context.random.Between(1, 4);
  const double months = context.random.Percent(50) ? 5.0 : 10.0;
  agreement.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kStudentStudies, isced,
                                       eqf, places, months, std::nullopt,
                                       OutgoingLanguages(context, country)));
  const int incoming = std::max(1, places + context.random.Between(-1, 1));
  agreement.quotas.push_back(MakeQuota(Direction::kIncoming, QuotaCategory::kStudentStudies, isced,
                                       eqf, incoming, months, std::nullopt,
                                       IncomingLanguages(context)));
}

void AddElectiveQuotas(Context& context, Agreement& agreement, const std::string& country) {
  const int places = context.random.Between(1, 4);
  const double months = context.random.Between(1, 3);
  agreement.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kClinicalElective,
                                       "0912", {7}, places, months, std::nullopt,
                                       OutgoingLanguages(context, country)));
  agreement.quotas.push_back(MakeQuota(Direction::kIncoming, QuotaCategory::kClinicalElective,
                                       "0912", {7}, places, months, std::nullopt,
                                       IncomingLanguages(context)));
}

void AddStaffQuotas(Context& context, Agreement& agreement) {
  const int places = context.random.Between(1, 2);
  agreement.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kStaffTeaching, "0912",
                                       {}, places, std::nullopt, 5, {{"en", "B2"}}));
  agreement.quotas.push_back(MakeQuota(Direction::kIncoming, QuotaCategory::kStaffTeaching, "0912",
                                       {}, places, std::nullopt, 5, {{"en", "B2"}}));
}

Agreement EuropeanAgreement(Context& context, int64_t partnership, int64_t institution,
                            const std::string& country) {
  Agreement agreement = MakeAgreement(partnership, AgreementType::kErasmusIia,
                                      AgreementStatus::kActive, "", 2021, 2021);
  agreement.partner_institution_ids = {institution};
  agreement.org_unit_id = context.units.at("MED");
  DrawStatusAndYears(context, agreement, 2021);
  std::string subjects = "Medicine";
  AddStudyQuotas(context, agreement, country, "0912", {7});
  if (context.random.Percent(30)) {
    AddStudyQuotas(context, agreement, country, "0911", {7});
    subjects += ", Dentistry";
  }
  if (context.random.Percent(15)) {
    AddStudyQuotas(context, agreement, country, "0913", {6});
    subjects += ", Nursing";
  }
  if (context.random.Percent(20)) {
    agreement.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kFinalYearTertial,
                                         "0912", {7}, context.random.Between(1, 2), 4.0,
                                         std::nullopt, OutgoingLanguages(context, country)));
  }
  if (context.random.Percent(15)) {
    AddElectiveQuotas(context, agreement, country);
  }
  if (context.random.Percent(40)) {
    AddStaffQuotas(context, agreement);
  }
  agreement.title = "Erasmus+ inter-institutional agreement: " + subjects;
  return agreement;
}

Agreement OverseasAgreement(Context& context, int64_t partnership, int64_t institution,
                            const std::string& country) {
  const bool electives = context.random.Percent(50);
  Agreement agreement = MakeAgreement(
      partnership,
      electives ? AgreementType::kClinicalElectives : AgreementType::kBilateralExchange,
      AgreementStatus::kActive, "", 2021, 2021);
  agreement.partner_institution_ids = {institution};
  DrawStatusAndYears(context, agreement, context.current_year - 6);
  if (electives) {
    agreement.title = "Clinical electives (Famulatur)";
    agreement.org_unit_id = context.units.at(std::string(kClinics[static_cast<std::size_t>(
        context.random.Below(static_cast<int>(kClinics.size())))]));
    AddElectiveQuotas(context, agreement, country);
    if (context.random.Percent(30)) {
      agreement.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kFinalYearTertial,
                                           "0912", {7}, context.random.Between(1, 2), 4.0,
                                           std::nullopt, OutgoingLanguages(context, country)));
    }
  } else {
    agreement.title = "Student exchange agreement: Medicine";
    agreement.org_unit_id = context.units.at("MED");
    AddStudyQuotas(context, agreement, country, "0912", {7});
    if (context.random.Percent(50)) {
      AddElectiveQuotas(context, agreement, country);
    }
    if (context.random.Percent(20)) {
      AddStaffQuotas(context, agreement);
    }
  }
  return agreement;
}

// Older or side agreements: the predecessor under the previous Erasmus+ programme, or research.
void AddHistory(Context& context, int64_t partnership, int64_t institution, bool european,
                bool extra_agreements) {
  if (european && context.random.Percent(extra_agreements ? 60 : 25)) {
    auto previous =
        MakeAgreement(partnership, AgreementType::kErasmusIia, AgreementStatus::kExpired,
                      "Erasmus+ inter-institutional agreement 2014–2021: Medicine", 2014, 2020);
    previous.partner_institution_ids = {institution};
    previous.org_unit_id = context.units.at("MED");
    previous.quotas.push_back(MakeQuota(Direction::kOutgoing, QuotaCategory::kStudentStudies,
                                        "0912", {7}, context.random.Between(1, 3), 5.0,
                                        std::nullopt, {{"en", "B2"}}));
    AddAgreement(context, previous);
  }
  if (extra_agreements && context.random.Percent(40)) {
    auto research =
        MakeAgreement(partnership,
                      context.random.Percent(50) ? AgreementType::kResearchMemorandum
                                                 : AgreementType::kCotutelleFramework,
                      AgreementStatus::kActive, "Research cooperation", context.current_year - 2,
                      context.current_year + context.random.Between(1, 4));
    research.partner_institution_ids = {institution};
    AddAgreement(context, research);
  }
}

void AddPartner(Context& context, Institution institution, bool european, bool extra_agreements) {
  const std::string country = institution.country;
  const auto institution_id = AddInstitution(context, std::move(institution));
  Partnership partnership;
  partnership.institution_id = institution_id;
  partnership.tier = Tier::kStandard;
  partnership.responsible_person = std::string(kCoordinators[static_cast<std::size_t>(
      context.random.Below(static_cast<int>(kCoordinators.size())))]);
  partnership.objectives = european ? "Erasmus+ student and staff exchange"
                                    : "Student exchange and clinical electives";
  const auto partnership_id = AddPartnership(context, partnership);
  auto agreement = european ? EuropeanAgreement(context, partnership_id, institution_id, country)
                            : OverseasAgreement(context, partnership_id, institution_id, country);
  AddAgreement(context, agreement);
  AddHistory(context, partnership_id, institution_id, european, extra_agreements);
}

}  // namespace

void BuildStandardPartners(Context& context, const DemoReferenceData& data, int count,
                           bool extra_agreements, bool generate_missing) {
  const auto wanted = static_cast<std::size_t>(count);
  auto european = Ranked(context, EuropeanCandidates(data));
  auto overseas = SpreadOverCountries(Ranked(context, OverseasCandidates(data)), wanted / 4);
  const std::size_t european_count = std::min(european.size(), wanted - overseas.size());
  european.resize(european_count);
  std::vector<Institution> generated;
  if (generate_missing && european.size() + overseas.size() < wanted) {
    std::set<std::string> names;
    if (data.eche) {
      for (const auto& row : data.eche->rows) {
        names.insert(row.institution.name);
      }
    }
    if (data.world) {
      for (const auto& row : data.world->rows) {
        names.insert(row.institution.name);
      }
    }
    generated = GenerateInstitutions(context, data, wanted - european.size() - overseas.size(),
                                     std::move(names));
  }
  for (auto& candidate : european) {
    AddPartner(context, std::move(candidate.institution), true, extra_agreements);
  }
  for (auto& candidate : overseas) {
    AddPartner(context, std::move(candidate.institution), false, extra_agreements);
  }
  for (auto& institution : generated) {
    AddPartner(context, std::move(institution), true, extra_agreements);
  }
}

}  // namespace weltcampus::partners::demo
