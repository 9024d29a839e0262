#include "partners/service.h"

#include <algorithm>

#include "audit/record_changes.h"
#include "core/academic_year.h"
#include "core/error.h"
#include "organisation/repository.h"
#include "partners/joint_structures.h"
#include "partners/json.h"
#include "store/versioned.h"

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

// Checks what the agreement refers to, and puts the partnership's institution first among its
// partners (an agreement is always with at least that institution).
void PrepareAgreement(Connection& c, Agreement& agreement) {
  const auto partner = repo::FindPartnershipInstitution(c, agreement.partnership_id);
  if (!partner) {
    throw ValidationError("partnership_id", "No partnership with this id");
  }
  if (agreement.org_unit_id && !organisation::repository::FindOrgUnit(c, *agreement.org_unit_id)) {
    throw ValidationError("org_unit_id", "No organisational unit with this id");
  }
  auto& partners = agreement.partner_institution_ids;
  for (size_t i = 0; i < partners.size(); ++i) {
    if (!repo::FindInstitution(c, partners[i])) {
      throw ValidationError("partner_institution_ids[" + std::to_string(i) + "]",
                            "No institution with this id");
    }
  }
  partners.erase(std::remove(partners.begin(), partners.end(), *partner), partners.end());
  partners.insert(partners.begin(), *partner);
  const bool check_isced = !organisation::repository::IscedTableEmpty(c);
  for (size_t i = 0; i < agreement.quotas.size(); ++i) {
    const auto& code = agreement.quotas[i].isced_code;
    if (check_isced && code && !organisation::repository::IscedCodeKnown(c, *code)) {
      throw ValidationError("quotas[" + std::to_string(i) + "].isced_code",
                            "Not an ISCED-F 2013 field of education");
    }
  }
}

}  // namespace

int AcademicYearOf(Date day) { return AcademicYear::Containing(day).first_calendar_year(); }

std::vector<YearPlaces> PlacesByYear(const std::vector<Agreement>& agreements) {
  std::map<int, YearPlaces> years;
  for (const auto& agreement : agreements) {
    if (agreement.status != AgreementStatus::kActive &&
        agreement.status != AgreementStatus::kSigned &&
        agreement.status != AgreementStatus::kExpired) {
      continue;
    }
    for (int year = agreement.first_academic_year; year <= agreement.last_academic_year; ++year) {
      YearPlaces& places = years[year];
      places.academic_year = year;
      for (const auto& quota : agreement.quotas) {
        const bool outgoing = quota.direction == Direction::kOutgoing;
        (outgoing ? places.outgoing : places.incoming) += quota.places_per_year;
        (outgoing ? places.outgoing_by_category : places.incoming_by_category)[quota.category] +=
            quota.places_per_year;
      }
    }
  }
  std::vector<YearPlaces> result;
  for (auto& [year, places] : years) {
    result.push_back(std::move(places));
  }
  return result;
}

namespace {

// The partnership finder in the shape the record helpers call it: active agreements counted in
// the academic year of `today`.
auto PartnershipFinder(Date today) {
  return [year = AcademicYearOf(today)](Connection& c, int64_t id) {
    return repo::FindPartnership(c, id, year);
  };
}

}  // namespace

Institution PartnersService::GetInstitution(int64_t id) {
  return store::Found(database_.Read([&](Connection& c) { return repo::FindInstitution(c, id); }),
                      "Institution");
}

Page<Institution> PartnersService::ListInstitutions(const InstitutionFilter& filter,
                                                    const PageRequest& page) {
  return database_.Read([&](Connection& c) { return repo::ListInstitutions(c, filter, page); });
}

Institution PartnersService::CreateInstitution(const audit::Actor& actor, Institution institution) {
  return database_.Write([&](Connection& c) {
    return audit::CreateRecord(c, actor, "institution", repo::FindInstitution, [&](Connection& c) {
      institution.id = 0;
      institution.source = "manual";
      CheckErasmusCodeFree(c, institution);
      repo::InsertInstitution(c, institution);
      return institution.id;
    });
  });
}

Institution PartnersService::UpdateInstitution(const audit::Actor& actor, int64_t id,
                                               Institution institution, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    return audit::UpdateRecord(c, actor, "institution", "Institution", id, expected_version,
                               repo::FindInstitution,
                               [&](Connection& c, const Institution& current) {
                                 institution.id = id;
                                 institution.source = current.source;
                                 CheckErasmusCodeFree(c, institution);
                                 repo::UpdateInstitution(c, institution, expected_version);
                               });
  });
}

void PartnersService::DeleteInstitution(const audit::Actor& actor, int64_t id,
                                        int64_t expected_version) {
  database_.Write([&](Connection& c) {
    audit::DeleteRecord(
        c, actor, "institution", "Institution", "institutions", id, expected_version,
        repo::FindInstitution, [&](Connection& c, const Institution&) {
          if (repo::InstitutionHasPartnership(c, id) || repo::InstitutionInAgreements(c, id)) {
            throw Conflict("",
                           "This institution is a partner or named in agreements; "
                           "remove those first");
          }
        });
  });
}

Partnership PartnersService::GetPartnership(int64_t id, Date today) {
  return store::Found(
      database_.Read([&](Connection& c) { return PartnershipFinder(today)(c, id); }),
      "Partnership");
}

Page<Partnership> PartnersService::ListPartnerships(const PartnershipFilter& filter,
                                                    const PageRequest& page, Date today) {
  return database_.Read([&](Connection& c) {
    return repo::ListPartnerships(c, filter, page, AcademicYearOf(today));
  });
}

std::vector<MapPoint> PartnersService::ListMapPoints(const PartnershipFilter& filter) {
  return database_.Read([&](Connection& c) { return repo::ListMapPoints(c, filter); });
}

repository::MapVersion PartnersService::GetMapVersion() {
  return database_.Read([&](Connection& c) { return repo::ReadMapVersion(c); });
}

VersionedMap PartnersService::LoadMap(const PartnershipFilter& filter) {
  return database_.Read([&](Connection& c) {
    VersionedMap map;
    map.version = repo::ReadMapVersion(c);
    map.points = repo::ListMapPoints(c, filter);
    return map;
  });
}

void PartnersService::CheckPartnershipReferences(Connection& c,
                                                 const Partnership& partnership) const {
  const auto institution = repo::FindInstitution(c, partnership.institution_id);
  if (!institution) {
    throw ValidationError("institution_id", "No institution with this id");
  }
  if (is_home_ && is_home_(c, *institution)) {
    throw ValidationError("institution_id",
                          "This is the school's own university; it cannot be its own partner");
  }
  auto existing = repo::FindPartnershipIdByInstitution(c, partnership.institution_id);
  if (existing && *existing != partnership.id) {
    throw Conflict("institution_id", "This institution is already a partner");
  }
}

Partnership PartnersService::CreatePartnership(const audit::Actor& actor, Date today,
                                               Partnership partnership) {
  return database_.Write([&](Connection& c) {
    return audit::CreateRecord(c, actor, "partnership", PartnershipFinder(today),
                               [&](Connection& c) {
                                 partnership.id = 0;
                                 CheckPartnershipReferences(c, partnership);
                                 repo::InsertPartnership(c, partnership);
                                 return partnership.id;
                               });
  });
}

Partnership PartnersService::UpdatePartnership(const audit::Actor& actor, Date today, int64_t id,
                                               Partnership partnership, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    return UpdatePartnershipIn(c, actor, today, id, std::move(partnership), expected_version);
  });
}

Partnership PartnersService::UpdatePartnershipIn(Connection& c, const audit::Actor& actor,
                                                 Date today, int64_t id, Partnership partnership,
                                                 int64_t expected_version) {
  return audit::UpdateRecord(c, actor, "partnership", "Partnership", id, expected_version,
                             PartnershipFinder(today), [&](Connection& c, const Partnership&) {
                               partnership.id = id;
                               CheckPartnershipReferences(c, partnership);
                               repo::UpdatePartnership(c, partnership, expected_version);
                             });
}

void PartnersService::DeletePartnership(const audit::Actor& actor, Date today, int64_t id,
                                        int64_t expected_version) {
  database_.Write([&](Connection& c) {
    audit::DeleteRecord(
        c, actor, "partnership", "Partnership", "partnerships", id, expected_version,
        PartnershipFinder(today), [&](Connection& c, const Partnership&) {
          const auto dependants = repo::PartnershipDependants(c, id);
          if (!dependants.empty()) {
            std::string list;
            for (const auto& name : dependants) {
              list += (list.empty() ? "" : ", ") + name;
            }
            throw Conflict("", "This partnership still has " + list + "; end or remove those first")
                .WithDetail("referenced_by", dependants);
          }
          // audit::DeleteRecord removes the row itself, not the repository.
          repo::CountMapChange(c);
        });
  });
}

PartnerOverview PartnersService::GetOverview(int64_t partnership_id, Date today) {
  return database_.Read([&](Connection& c) {
    PartnerOverview overview;
    overview.partnership = store::Found(PartnershipFinder(today)(c, partnership_id), "Partnership");
    AgreementFilter filter;
    filter.partnership_id = partnership_id;
    PageRequest all;
    all.limit = 1000;
    all.sort = "last_academic_year";
    all.descending = true;
    overview.agreements = repo::ListAgreements(c, filter, all).items;
    overview.places_by_year = PlacesByYear(overview.agreements);
    overview.joint_structures = JointStructuresOf(c, partnership_id);
    return overview;
  });
}

Agreement PartnersService::GetAgreement(int64_t id) {
  return store::Found(database_.Read([&](Connection& c) { return repo::FindAgreement(c, id); }),
                      "Agreement");
}

Page<Agreement> PartnersService::ListAgreements(const AgreementFilter& filter,
                                                const PageRequest& page,
                                                repo::AgreementChildren children) {
  return database_.Read(
      [&](Connection& c) { return repo::ListAgreements(c, filter, page, children); });
}

Agreement PartnersService::CreateAgreement(const audit::Actor& actor, Agreement agreement) {
  if (std::find(kInitialStatuses.begin(), kInitialStatuses.end(), agreement.status) ==
      kInitialStatuses.end()) {
    throw ValidationError("status", "A new agreement starts as draft, in_negotiation or signed");
  }
  if (std::any_of(agreement.quotas.begin(), agreement.quotas.end(),
                  [](const Quota& quota) { return quota.id != 0; }) ||
      std::any_of(agreement.contacts.begin(), agreement.contacts.end(),
                  [](const Contact& contact) { return contact.id != 0; })) {
    throw ValidationError("quotas", "A new agreement's quotas and contacts have no ids yet");
  }
  return database_.Write([&](Connection& c) {
    return audit::CreateRecord(c, actor, "agreement", repo::FindAgreement, [&](Connection& c) {
      agreement.id = 0;
      PrepareAgreement(c, agreement);
      repo::InsertAgreement(c, agreement);
      return agreement.id;
    });
  });
}

Agreement PartnersService::UpdateAgreement(const audit::Actor& actor, int64_t id,
                                           Agreement agreement, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    return UpdateAgreementIn(c, actor, id, std::move(agreement), expected_version);
  });
}

Agreement PartnersService::UpdateAgreementIn(Connection& c, const audit::Actor& actor, int64_t id,
                                             Agreement agreement, int64_t expected_version) {
  return audit::UpdateRecord(
      c, actor, "agreement", "Agreement", id, expected_version, repo::FindAgreement,
      [&](Connection& c, const Agreement& current) {
        if (!IsAllowedTransition(current.status, agreement.status)) {
          throw ValidationError(
              "status", "An agreement cannot go from " +
                            std::string(kAgreementStatusTable.Name(current.status)) + " to " +
                            std::string(kAgreementStatusTable.Name(agreement.status)));
        }
        agreement.id = id;
        PrepareAgreement(c, agreement);
        repo::UpdateAgreement(c, agreement, expected_version);
      });
}

void PartnersService::DeleteAgreement(const audit::Actor& actor, int64_t id,
                                      int64_t expected_version) {
  database_.Write([&](Connection& c) {
    const auto current = audit::LoadForChangeNamed(c, "agreement", id, repo::FindAgreement(c, id),
                                                   expected_version, "Agreement");
    repo::DeleteAgreement(c, id, expected_version);
    audit::RecordChange(c, actor, "agreement", id, ToJson(current), nullptr);
  });
}

Agreement PartnersService::RenewAgreement(const audit::Actor& actor, int64_t id) {
  return database_.Write([&](Connection& c) {
    const auto current = store::Found(repo::FindAgreement(c, id), "Agreement");
    if (current.successor_id) {
      throw Conflict("", "This agreement has been renewed already: agreement " +
                             std::to_string(*current.successor_id));
    }
    if (current.status != AgreementStatus::kSigned && current.status != AgreementStatus::kActive &&
        current.status != AgreementStatus::kExpired) {
      throw ValidationError("status",
                            "Only a signed, active or expired agreement can be renewed, not a " +
                                std::string(kAgreementStatusTable.Name(current.status)) + " one");
    }
    Agreement successor = current;
    const int years = current.last_academic_year - current.first_academic_year + 1;
    successor.id = 0;
    successor.status = AgreementStatus::kDraft;
    successor.first_academic_year = current.last_academic_year + 1;
    successor.last_academic_year = current.last_academic_year + years;
    successor.ends_on = AcademicYear(successor.last_academic_year).EndsOn().ToString();
    successor.predecessor_id = current.id;
    successor.successor_id.reset();
    for (auto& quota : successor.quotas) {
      quota.id = 0;
    }
    for (auto& contact : successor.contacts) {
      contact.id = 0;
    }
    return audit::CreateRecord(c, actor, "agreement", repo::FindAgreement, [&](Connection& c) {
      PrepareAgreement(c, successor);
      repo::InsertAgreement(c, successor);
      return successor.id;
    });
  });
}

std::vector<std::pair<std::string, int64_t>> PartnersService::ListPartnerCountries() {
  return database_.Read([&](Connection& c) { return repo::PartnerCountries(c); });
}

repository::Summary PartnersService::GetSummary(Date today) {
  return database_.Read([&](Connection& c) { return repo::LoadSummary(c, AcademicYearOf(today)); });
}

}  // namespace weltcampus::partners
