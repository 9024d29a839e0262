#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/enum_table.h"

namespace weltcampus::organisation {

// The organisation's shared data, which every module refers to: the school's units (agreements
// are held by one, coordinators look after one; later courses, staff and projects belong to one)
// and the ISCED-F 2013 fields of education (quotas, coordinators' scopes, later courses and
// theses name one).

enum class OrgUnitKind { kSchool, kDepartment, kClinic, kInstitute, kOffice };
inline constexpr EnumTable<OrgUnitKind, 5> kOrgUnitKindTable(
    "org_unit_kind", {{{OrgUnitKind::kSchool, "school"},
                       {OrgUnitKind::kDepartment, "department"},
                       {OrgUnitKind::kClinic, "clinic"},
                       {OrgUnitKind::kInstitute, "institute"},
                       {OrgUnitKind::kOffice, "office"}}});

// The school itself, its departments, clinics and institutes, as a tree.
struct OrgUnit {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string name;
  std::optional<std::string> name_de;
  OrgUnitKind kind = OrgUnitKind::kDepartment;
  std::optional<std::string> code;
  int64_t version = 1;
};

// The levels of ISCED-F 2013: the length of a code tells its level (2 digits broad, 3 narrow,
// 4 detailed).
inline constexpr std::array<std::string_view, 3> kIscedLevels = {"broad", "narrow", "detailed"};

// A field of education of ISCED-F 2013 (reference data).
struct IscedField {
  std::string code;
  std::string level;  // broad, narrow, detailed
  std::string label_en;
  std::optional<std::string> label_de;
};

// The module's enumerations, for GET /api/v1/enumerations.
nlohmann::json Enumerations();

}  // namespace weltcampus::organisation
