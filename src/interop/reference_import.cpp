#include "interop/reference_import.h"

#include <stdexcept>

#include "interop/eche_import.h"
#include "interop/isced_import.h"
#include "interop/text_file.h"
#include "interop/world_universities_import.h"

namespace weltcampus::interop {

ImportReport ImportReferenceFile(store::Database& database, const std::string& kind,
                                 const std::string& path) {
  const std::string text = ReadTextFile(path);
  if (kind == "eche") {
    const auto file = ParseEche(text);
    return database.Write([&](store::Connection& c) { return ImportEche(c, file); });
  }
  if (kind == "world-universities") {
    const auto file = ParseWorldUniversities(text);
    return database.Write([&](store::Connection& c) { return ImportWorldUniversities(c, file); });
  }
  if (kind == "isced") {
    const auto file = ParseIsced(text);
    return database.Write([&](store::Connection& c) { return ImportIsced(c, file); });
  }
  throw std::invalid_argument("unknown kind of reference data: " + kind);
}

}  // namespace weltcampus::interop
