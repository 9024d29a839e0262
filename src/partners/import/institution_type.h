#pragma once

#include <string_view>

#include "partners/model.h"

namespace weltcampus::partners {

// The register's institution type guessed from a name in any of the common European languages
// ("CENTRE HOSPITALIER ...", "Fachhochschule ...", "UNIWERSYTET ..."); `otherwise` when nothing
// fits.
InstitutionType GuessInstitutionType(std::string_view name, InstitutionType otherwise);

}  // namespace weltcampus::partners
