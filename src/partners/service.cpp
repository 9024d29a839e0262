#include "partners/service.h"

#include <algorithm>

#include "auth/audit.h"
#include "core/academic_year.h"
#include "core/error.h"
#include "partners/json.h"

namespace weltcampus::partners {

namespace repo = repository;
using store::Connection;

namespace {

ApiError Conflict(std::string field, std::string message) {
  return ApiError(ErrorCode::kConflict, std::move(message), std::move(field));
}

void CheckErasmusCodeFree(Connection& c, const Institution& institution) {
  if (!institution.erasmus_code) {
    return;
  }
  auto owner = repo::FindInstitutionIdByErasmusCode(c, *institution.erasmus_code);
  if (owner && *owner != institution.id) {
    throw Conflict("erasmus_code", "Another institution already has the Erasmus code " +
                                       *institution.erasmus_code);
  }
}

void CheckOrgUnitReferences(Connection& c, const OrgUnit& unit) {
  if (unit.parent_id) {
    if (!repo::FindOrgUnit(c, *unit.parent_id)) {
      throw ValidationError("parent_id", "No organisational unit with this id");
    }
    if (unit.id != 0) {
      const auto chain = repo::OrgUnitAncestors(c, *unit.parent_id);
      if (std::find(chain.begin(), chain.end(), unit.id) != chain.end()) {
        throw ValidationError("parent_id", "A unit cannot be placed below itself");
      }
    }
  }
  if (unit.code) {
    auto owner = repo::FindOrgUnitIdByCode(c, *unit.code);
    if (owner && *owner != unit.id) {
      throw Conflict("code", "Another organisational unit already has the code " + *unit.code);
    }
  }
}

void CheckPartnershipReferences(Connection& c, const Partnership& partnership) {
  if (!repo::FindInstitution(c, partnership.institution_id)) {
    throw ValidationError("institution_id", "No institution with this id");
  }
  auto existing = repo::FindPartnershipIdByInstitution(c, partnership.institution_id);
  if (existing && *existing != partnership.id) {
    throw Conflict("institution_id", "This institution is already a partner");
  }
}

// Checks what the agreement refers to, and puts the partnership's institution first among its
// partners (an agreement is always with at least that institution).
void PrepareAgreement(Connection& c, Agreement& agreement) {
  auto partnership = repo::FindPartnership(c, agreement.partnership_id, CurrentAcademicYear());
  if (!partnership) {
    throw ValidationError("partnership_id", "No partnership with this id");
  }
  if (agreement.org_unit_id && !repo::FindOrgUnit(c, *agreement.org_unit_id)) {
    throw ValidationError("org_unit_id", "No organisational unit with this id");
  }
  auto& partners = agreement.partner_institution_ids;
  for (size_t i = 0; i < partners.size(); ++i) {
    if (!repo::FindInstitution(c, partners[i])) {
      throw ValidationError("partner_institution_ids[" + std::to_string(i) + "]",
                            "No institution with this id");
    }
  }
  partners.erase(std::remove(partners.begin(), partners.end(), partnership->institution_id),
                 partners.end());
  partners.insert(partners.begin(), partnership->institution_id);
  const bool check_isced = !repo::IscedTableEmpty(c);
  for (size_t i = 0; i < agreement.quotas.size(); ++i) {
    const auto& code = agreement.quotas[i].isced_code;
    if (check_isced && code && !repo::IscedCodeKnown(c, *code)) {
      throw ValidationError("quotas[" + std::to_string(i) + "].isced_code",
                            "Not an ISCED-F 2013 field of education");
    }
  }
}

}  // namespace

int CurrentAcademicYear() { return AcademicYear::Containing(Date::TodayUtc()).first_calendar_year(); }

std::vector<YearPlaces> PlacesByYear(const std::vector<Agreement>& agreements) {
  std::map<int, YearPlaces> years;
  for (const auto& agreement : agreements) {
    if (agreement.status != "active" && agreement.status != "signed" && agreement.status != "expired") {
      continue;
    }
    for (int year = agreement.first_academic_year; year <= agreement.last_academic_year; ++year) {
      YearPlaces& places = years[year];
      places.academic_year = year;
      for (const auto& quota : agreement.quotas) {
        (quota.direction == "outgoing" ? places.outgoing : places.incoming) += quota.places_per_year;
        places.by_category[quota.category] += quota.places_per_year;
      }
    }
  }
  std::vector<YearPlaces> result;
  for (auto& [year, places] : years) {
    result.push_back(std::move(places));
  }
  return result;
}

Institution PartnersService::GetInstitution(int64_t id) {
  auto institution = database_.Read([&](Connection& c) { return repo::FindInstitution(c, id); });
  if (!institution) {
    throw NotFoundError("Institution");
  }
  return *institution;
}

Page<Institution> PartnersService::ListInstitutions(const InstitutionFilter& filter,
                                                    const PageRequest& page) {
  auto [items, total] =
      database_.Read([&](Connection& c) { return repo::ListInstitutions(c, filter, page); });
  return {std::move(items), total};
}

Institution PartnersService::CreateInstitution(Institution institution) {
  return database_.Write([&](Connection& c) {
    institution.id = 0;
    institution.source = "manual";
    CheckErasmusCodeFree(c, institution);
    repo::InsertInstitution(c, institution);
    auto created = *repo::FindInstitution(c, institution.id);
    auth::RecordChange(c, "institution", created.id, nullptr, ToJson(created));
    return created;
  });
}

Institution PartnersService::UpdateInstitution(int64_t id, Institution institution,
                                               int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto current = repo::FindInstitution(c, id);
    if (!current) {
      throw NotFoundError("Institution");
    }
    institution.id = id;
    institution.source = current->source;
    CheckErasmusCodeFree(c, institution);
    repo::UpdateInstitution(c, institution, expected_version);
    auto updated = *repo::FindInstitution(c, id);
    auth::RecordChange(c, "institution", id, ToJson(*current), ToJson(updated));
    return updated;
  });
}

void PartnersService::DeleteInstitution(int64_t id, int64_t expected_version) {
  database_.Write([&](Connection& c) {
    auto current = repo::FindInstitution(c, id);
    if (!current) {
      throw NotFoundError("Institution");
    }
    if (repo::InstitutionHasPartnership(c, id) || repo::InstitutionInAgreements(c, id)) {
      throw Conflict("", "This institution is a partner or named in agreements; remove those first");
    }
    repo::DeleteInstitution(c, id, expected_version);
    auth::RecordChange(c, "institution", id, ToJson(*current), nullptr);
  });
}

OrgUnit PartnersService::GetOrgUnit(int64_t id) {
  auto unit = database_.Read([&](Connection& c) { return repo::FindOrgUnit(c, id); });
  if (!unit) {
    throw NotFoundError("Organisational unit");
  }
  return *unit;
}

std::vector<OrgUnit> PartnersService::ListOrgUnits(const std::optional<std::string>& q) {
  return database_.Read([&](Connection& c) { return repo::ListOrgUnits(c, q); });
}

OrgUnit PartnersService::CreateOrgUnit(OrgUnit unit) {
  return database_.Write([&](Connection& c) {
    unit.id = 0;
    CheckOrgUnitReferences(c, unit);
    repo::InsertOrgUnit(c, unit);
    auth::RecordChange(c, "org_unit", unit.id, nullptr, ToJson(unit));
    return unit;
  });
}

OrgUnit PartnersService::UpdateOrgUnit(int64_t id, OrgUnit unit, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto current = repo::FindOrgUnit(c, id);
    if (!current) {
      throw NotFoundError("Organisational unit");
    }
    unit.id = id;
    CheckOrgUnitReferences(c, unit);
    repo::UpdateOrgUnit(c, unit, expected_version);
    auth::RecordChange(c, "org_unit", id, ToJson(*current), ToJson(unit));
    return unit;
  });
}

void PartnersService::DeleteOrgUnit(int64_t id, int64_t expected_version) {
  database_.Write([&](Connection& c) {
    auto current = repo::FindOrgUnit(c, id);
    if (!current) {
      throw NotFoundError("Organisational unit");
    }
    if (repo::OrgUnitInUse(c, id)) {
      throw Conflict("", "This unit has sub-units or agreements; move or remove those first");
    }
    repo::DeleteOrgUnit(c, id, expected_version);
    auth::RecordChange(c, "org_unit", id, ToJson(*current), nullptr);
  });
}

Partnership PartnersService::GetPartnership(int64_t id) {
  auto partnership =
      database_.Read([&](Connection& c) { return repo::FindPartnership(c, id, CurrentAcademicYear()); });
  if (!partnership) {
    throw NotFoundError("Partnership");
  }
  return *partnership;
}

Page<Partnership> PartnersService::ListPartnerships(const PartnershipFilter& filter,
                                                    const PageRequest& page) {
  auto [items, total] = database_.Read(
      [&](Connection& c) { return repo::ListPartnerships(c, filter, page, CurrentAcademicYear()); });
  return {std::move(items), total};
}

std::vector<MapPoint> PartnersService::ListMapPoints(const PartnershipFilter& filter) {
  return database_.Read([&](Connection& c) { return repo::ListMapPoints(c, filter); });
}

Partnership PartnersService::CreatePartnership(Partnership partnership) {
  return database_.Write([&](Connection& c) {
    partnership.id = 0;
    CheckPartnershipReferences(c, partnership);
    repo::InsertPartnership(c, partnership);
    auto created = *repo::FindPartnership(c, partnership.id, CurrentAcademicYear());
    auth::RecordChange(c, "partnership", created.id, nullptr, ToJson(created));
    return created;
  });
}

Partnership PartnersService::UpdatePartnership(int64_t id, Partnership partnership,
                                               int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto current = repo::FindPartnership(c, id, CurrentAcademicYear());
    if (!current) {
      throw NotFoundError("Partnership");
    }
    partnership.id = id;
    CheckPartnershipReferences(c, partnership);
    repo::UpdatePartnership(c, partnership, expected_version);
    auto updated = *repo::FindPartnership(c, id, CurrentAcademicYear());
    auth::RecordChange(c, "partnership", id, ToJson(*current), ToJson(updated));
    return updated;
  });
}

void PartnersService::DeletePartnership(int64_t id, int64_t expected_version) {
  database_.Write([&](Connection& c) {
    auto current = repo::FindPartnership(c, id, CurrentAcademicYear());
    if (!current) {
      throw NotFoundError("Partnership");
    }
    if (repo::PartnershipHasDependants(c, id)) {
      throw Conflict("", "This partnership has agreements or joint structures; remove those first");
    }
    repo::DeletePartnership(c, id, expected_version);
    auth::RecordChange(c, "partnership", id, ToJson(*current), nullptr);
  });
}

PartnerOverview PartnersService::GetOverview(int64_t partnership_id) {
  return database_.Read([&](Connection& c) {
    auto partnership = repo::FindPartnership(c, partnership_id, CurrentAcademicYear());
    if (!partnership) {
      throw NotFoundError("Partnership");
    }
    AgreementFilter filter;
    filter.partnership_id = partnership_id;
    PageRequest all;
    all.limit = 1000;
    all.sort = "last_academic_year";
    all.descending = true;
    PartnerOverview overview;
    overview.partnership = std::move(*partnership);
    overview.agreements = repo::ListAgreements(c, filter, all).first;
    overview.places_by_year = PlacesByYear(overview.agreements);
    overview.joint_structures = repo::ListJointStructures(c, partnership_id);
    return overview;
  });
}

Agreement PartnersService::GetAgreement(int64_t id) {
  auto agreement = database_.Read([&](Connection& c) { return repo::FindAgreement(c, id); });
  if (!agreement) {
    throw NotFoundError("Agreement");
  }
  return *agreement;
}

Page<Agreement> PartnersService::ListAgreements(const AgreementFilter& filter, const PageRequest& page) {
  auto [items, total] = database_.Read([&](Connection& c) { return repo::ListAgreements(c, filter, page); });
  return {std::move(items), total};
}

Agreement PartnersService::CreateAgreement(Agreement agreement) {
  if (std::find(kInitialStatuses.begin(), kInitialStatuses.end(), agreement.status) ==
      kInitialStatuses.end()) {
    throw ValidationError("status", "A new agreement starts as draft, in_negotiation or signed");
  }
  return database_.Write([&](Connection& c) {
    agreement.id = 0;
    PrepareAgreement(c, agreement);
    repo::InsertAgreement(c, agreement);
    auto created = *repo::FindAgreement(c, agreement.id);
    auth::RecordChange(c, "agreement", created.id, nullptr, ToJson(created));
    return created;
  });
}

Agreement PartnersService::UpdateAgreement(int64_t id, Agreement agreement, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto current = repo::FindAgreement(c, id);
    if (!current) {
      throw NotFoundError("Agreement");
    }
    if (!IsAllowedTransition(current->status, agreement.status)) {
      throw ValidationError("status", "An agreement cannot go from " + current->status + " to " +
                                          agreement.status);
    }
    agreement.id = id;
    PrepareAgreement(c, agreement);
    repo::UpdateAgreement(c, agreement, expected_version);
    auto updated = *repo::FindAgreement(c, id);
    auth::RecordChange(c, "agreement", id, ToJson(*current), ToJson(updated));
    return updated;
  });
}

void PartnersService::DeleteAgreement(int64_t id, int64_t expected_version) {
  database_.Write([&](Connection& c) {
    auto current = repo::FindAgreement(c, id);
    if (!current) {
      throw NotFoundError("Agreement");
    }
    repo::DeleteAgreement(c, id, expected_version);
    auth::RecordChange(c, "agreement", id, ToJson(*current), nullptr);
  });
}

std::vector<JointStructure> PartnersService::ListJointStructures(int64_t partnership_id) {
  return database_.Read([&](Connection& c) {
    if (!repo::FindPartnership(c, partnership_id, CurrentAcademicYear())) {
      throw NotFoundError("Partnership");
    }
    return repo::ListJointStructures(c, partnership_id);
  });
}

JointStructure PartnersService::GetJointStructure(int64_t id) {
  auto structure = database_.Read([&](Connection& c) { return repo::FindJointStructure(c, id); });
  if (!structure) {
    throw NotFoundError("Joint structure");
  }
  return *structure;
}

JointStructure PartnersService::CreateJointStructure(int64_t partnership_id, JointStructure structure) {
  return database_.Write([&](Connection& c) {
    if (!repo::FindPartnership(c, partnership_id, CurrentAcademicYear())) {
      throw NotFoundError("Partnership");
    }
    structure.id = 0;
    structure.partnership_id = partnership_id;
    repo::InsertJointStructure(c, structure);
    auth::RecordChange(c, "joint_structure", structure.id, nullptr, ToJson(structure));
    return structure;
  });
}

JointStructure PartnersService::UpdateJointStructure(int64_t id, JointStructure structure,
                                                     int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto current = repo::FindJointStructure(c, id);
    if (!current) {
      throw NotFoundError("Joint structure");
    }
    structure.id = id;
    structure.partnership_id = current->partnership_id;
    repo::UpdateJointStructure(c, structure, expected_version);
    auth::RecordChange(c, "joint_structure", id, ToJson(*current), ToJson(structure));
    return structure;
  });
}

void PartnersService::DeleteJointStructure(int64_t id, int64_t expected_version) {
  database_.Write([&](Connection& c) {
    auto current = repo::FindJointStructure(c, id);
    if (!current) {
      throw NotFoundError("Joint structure");
    }
    repo::DeleteJointStructure(c, id, expected_version);
    auth::RecordChange(c, "joint_structure", id, ToJson(*current), nullptr);
  });
}

repository::Summary PartnersService::GetSummary() {
  return database_.Read([](Connection& c) { return repo::LoadSummary(c, CurrentAcademicYear()); });
}

}  // namespace weltcampus::partners
