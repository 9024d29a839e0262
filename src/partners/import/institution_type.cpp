#include "partners/import/institution_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace weltcampus::partners {

namespace {

// Checked in this order: "Universitätsklinikum" is a hospital, "University of Applied Sciences"
// not a university. Lower case; non-ASCII letters stay as they are, so both spellings are listed.
constexpr std::array<std::string_view, 13> kHospital = {
    "hospital",   "hôpital", "hopital", "hospitalier", "klinikum",  "szpital", "ospedale",
    "ziekenhuis", "sjukhus", "clinic ", "kórház",      "nemocnice", "bolnica"};
constexpr std::array<std::string_view, 10> kAppliedSciences = {"applied sciences",
                                                               "fachhochschule",
                                                               "hochschule für angewandte",
                                                               "hochschule fur angewandte",
                                                               "hogeschool",
                                                               "ammattikorkeakoulu",
                                                               "university college",
                                                               "polytechnic",
                                                               "technische hochschule",
                                                               "wyższa szkoła"};
constexpr std::array<std::string_view, 12> kUniversity = {
    "universit",          "univerzit",      "uniwersytet", "egyetem",    "yliopisto",
    "politecnico",        "politechnika",   "universidad", "università", "technische universit",
    "school of medicine", "medical academy"};
constexpr std::array<std::string_view, 4> kResearch = {"research institute", "forschungszentrum",
                                                       "max-planck", "fraunhofer"};

template <std::size_t N>
bool ContainsAny(const std::string& text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

}  // namespace

InstitutionType GuessInstitutionType(std::string_view name, InstitutionType otherwise) {
  std::string text(name);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  text += ' ';
  if (ContainsAny(text, kHospital)) {
    return InstitutionType::kHospital;
  }
  if (ContainsAny(text, kAppliedSciences) || text.starts_with("fh ") ||
      text.find(" fh ") != std::string::npos) {
    return InstitutionType::kUniversityOfAppliedSciences;
  }
  if (ContainsAny(text, kUniversity)) {
    return InstitutionType::kUniversity;
  }
  if (ContainsAny(text, kResearch)) {
    return InstitutionType::kResearchInstitute;
  }
  return otherwise;
}

}  // namespace weltcampus::partners
