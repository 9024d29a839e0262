#pragma once

#include <string>
#include <string_view>

namespace weltcampus::partners {

// The register's institution type guessed from a name in any of the common European languages
// ("CENTRE HOSPITALIER ...", "Fachhochschule ...", "UNIWERSYTET ..."); `otherwise` when nothing
// fits.
std::string GuessInstitutionType(std::string_view name, std::string_view otherwise);

}  // namespace weltcampus::partners
