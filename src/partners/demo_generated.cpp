#include <fmt/format.h>

#include <array>
#include <string_view>

#include "partners/demo_parts.h"
#include "partners/import/institution_type.h"

namespace weltcampus::partners::demo {

namespace {

// Names a school of this kind might have; `{}` is the city.
constexpr std::array<std::string_view, 16> kNamePatterns = {"{} University of Health Sciences",
                                                            "{} Medical University",
                                                            "{} School of Nursing",
                                                            "{} University of Applied Sciences",
                                                            "{} Institute of Biomedicine",
                                                            "{} College of Dentistry",
                                                            "{} Academy of Medicine",
                                                            "{} Institute of Public Health",
                                                            "{} Polytechnic Institute",
                                                            "{} University of Technology",
                                                            "{} School of Pharmacy",
                                                            "{} University of Life Sciences",
                                                            "{} Academy of Fine Arts",
                                                            "{} School of Economics",
                                                            "{} College of Education",
                                                            "{} Institute of Sport Sciences"};

// ECHE cities come as "Baden" or "DORNBIRN": upper-case words become "Dornbirn" (ASCII letters
// only; others are kept as written).
std::string CityName(std::string_view city) {
  // "La Zubia, Granada", "Kraków (Cracow)": the first name only.
  city = city.substr(0, city.find_first_of(",("));
  while (!city.empty() && city.back() == ' ') {
    city.remove_suffix(1);
  }
  bool has_lower = false;
  for (const char c : city) {
    has_lower = has_lower || (c >= 'a' && c <= 'z');
  }
  std::string name(city);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') {
    name[0] = static_cast<char>(name[0] - 'a' + 'A');  // "guadalajara"
  }
  if (has_lower) {
    return name;
  }
  bool word_start = true;
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z' && !word_start) {
      c = static_cast<char>(c - 'A' + 'a');
    }
    word_start = c == ' ' || c == '-' || c == '\'';
  }
  return name;
}

struct Place {
  std::string country;
  std::string city;
  double latitude;
  double longitude;
};

// Where real partner schools are: European institutions of the ECHE list with a known position,
// outside Germany as the real partners are.
std::vector<Place> Places(const DemoReferenceData& data) {
  std::vector<Place> places;
  if (!data.eche) {
    return places;
  }
  for (const auto& row : data.eche->rows) {
    const auto& institution = row.institution;
    if (institution.country == "DE" || !institution.city || institution.city->empty()) {
      continue;
    }
    const auto point = data.coordinates.find(*institution.erasmus_code);
    if (point != data.coordinates.end()) {
      places.push_back({institution.country, CityName(*institution.city), point->second.first,
                        point->second.second});
    }
  }
  return places;
}

}  // namespace

std::vector<Institution> GenerateInstitutions(Context& context, const DemoReferenceData& data,
                                              std::size_t count,
                                              std::set<std::string> names_in_use) {
  std::vector<Institution> generated;
  const auto places = Places(data);
  if (places.empty()) {
    return generated;
  }
  generated.reserve(count);
  while (generated.size() < count) {
    const auto& place = context.random.Pick(places);
    const int first = context.random.Below(static_cast<int>(kNamePatterns.size()));
    std::string name;
    for (std::size_t i = 0; i < kNamePatterns.size() && name.empty(); ++i) {
      auto candidate = fmt::format(
          fmt::runtime(kNamePatterns[(static_cast<std::size_t>(first) + i) % kNamePatterns.size()]),
          place.city);
      if (!names_in_use.contains(candidate)) {
        name = std::move(candidate);
      }
    }
    for (int campus = 2; name.empty(); ++campus) {
      auto candidate =
          fmt::format(fmt::runtime(kNamePatterns[static_cast<std::size_t>(first)]), place.city) +
          fmt::format(", Campus {}", campus);
      if (!names_in_use.contains(candidate)) {
        name = std::move(candidate);
      }
    }
    names_in_use.insert(name);
    Institution institution;
    institution.name = name;
    institution.country = place.country;
    institution.city = place.city;
    institution.type = GuessInstitutionType(name, InstitutionType::kOther);
    // Within about 3 km of a real school in the same city, so inside its country.
    institution.latitude = place.latitude + context.random.Between(-300, 300) / 10000.0;
    institution.longitude = place.longitude + context.random.Between(-300, 300) / 10000.0;
    institution.source = kGeneratedSource;
    generated.push_back(std::move(institution));
  }
  return generated;
}

}  // namespace weltcampus::partners::demo
