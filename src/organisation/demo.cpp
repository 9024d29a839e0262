#include "organisation/demo.h"

#include <array>

#include "organisation/org_units.h"
#include "organisation/repository.h"

namespace weltcampus::organisation {

namespace {

struct UnitSeed {
  const char* code;
  const char* parent;  // code of the parent unit
  OrgUnitKind kind;
  const char* name;
  const char* name_de;
};

// A German medical faculty's clinics and institutes, as the university hospital names them.
constexpr std::array<UnitSeed, 20> kUnits = {{
    {"MED", nullptr, OrgUnitKind::kSchool, "School of Medicine Carl Gustav Carus",
     "Medizinische Fakultät Carl Gustav Carus"},
    {"MED-IO", "MED", OrgUnitKind::kOffice, "International Office of the School of Medicine",
     "Referat Internationales der Medizinischen Fakultät"},
    {"MED-IM1", "MED", OrgUnitKind::kClinic, "Department of Internal Medicine I",
     "Medizinische Klinik und Poliklinik I"},
    {"MED-IM3", "MED", OrgUnitKind::kClinic, "Department of Internal Medicine III",
     "Medizinische Klinik und Poliklinik III"},
    {"MED-PAED", "MED", OrgUnitKind::kClinic, "Department of Paediatrics",
     "Klinik und Poliklinik für Kinder- und Jugendmedizin"},
    {"MED-NEURO", "MED", OrgUnitKind::kClinic, "Department of Neurology",
     "Klinik und Poliklinik für Neurologie"},
    {"MED-PSY", "MED", OrgUnitKind::kClinic, "Department of Psychiatry and Psychotherapy",
     "Klinik und Poliklinik für Psychiatrie und Psychotherapie"},
    {"MED-GYN", "MED", OrgUnitKind::kClinic, "Department of Obstetrics and Gynaecology",
     "Klinik und Poliklinik für Frauenheilkunde und Geburtshilfe"},
    {"MED-VTG", "MED", OrgUnitKind::kClinic,
     "Department of Visceral, Thoracic and Vascular Surgery",
     "Klinik und Poliklinik für Viszeral-, Thorax- und Gefäßchirurgie"},
    {"MED-ANE", "MED", OrgUnitKind::kClinic,
     "Department of Anaesthesiology and Intensive Care Medicine",
     "Klinik für Anästhesiologie und Intensivtherapie"},
    {"MED-RAD", "MED", OrgUnitKind::kClinic, "Department of Radiotherapy and Radiation Oncology",
     "Klinik und Poliklinik für Strahlentherapie und Radioonkologie"},
    {"MED-DERM", "MED", OrgUnitKind::kClinic, "Department of Dermatology",
     "Klinik und Poliklinik für Dermatologie"},
    {"MED-ZMK", "MED", OrgUnitKind::kDepartment,
     "Centre for Dental, Oral and Maxillofacial Medicine",
     "Zentrum für Zahn-, Mund- und Kieferheilkunde"},
    {"MED-ZMK-ZE", "MED-ZMK", OrgUnitKind::kClinic,
     "Department of Operative and Paediatric Dentistry",
     "Poliklinik für Zahnerhaltung mit Bereich Kinderzahnheilkunde"},
    {"MED-ANAT", "MED", OrgUnitKind::kInstitute, "Institute of Anatomy", "Institut für Anatomie"},
    {"MED-PHYS", "MED", OrgUnitKind::kInstitute, "Institute of Physiology",
     "Institut für Physiologie"},
    {"MED-PHARM", "MED", OrgUnitKind::kInstitute, "Institute of Pharmacology and Toxicology",
     "Institut für Pharmakologie und Toxikologie"},
    {"MED-MIBI", "MED", OrgUnitKind::kInstitute, "Institute of Medical Microbiology and Virology",
     "Institut für Medizinische Mikrobiologie und Virologie"},
    {"MED-AM", "MED", OrgUnitKind::kInstitute, "Institute of General Practice",
     "Institut für Allgemeinmedizin"},
    {"MED-PFL", "MED", OrgUnitKind::kInstitute, "Institute of Nursing Science",
     "Institut für Pflegewissenschaft"},
}};

}  // namespace

DemoOrganisation BuildDemo(store::Connection& connection, const std::optional<IscedFile>& isced) {
  DemoOrganisation demo;
  if (isced) {
    const auto report = ImportIsced(connection, *isced);
    demo.isced_fields = report.added + report.updated + report.unchanged;
    for (const auto& row : isced->rows) {
      demo.isced_codes.insert(row.field.code);
    }
  }
  for (const auto& seed : kUnits) {
    OrgUnit unit;
    unit.code = seed.code;
    unit.kind = seed.kind;
    unit.name = seed.name;
    unit.name_de = seed.name_de;
    if (seed.parent) {
      unit.parent_id = demo.units.at(seed.parent);
    }
    OrgUnitTable().Insert(connection, unit);
    demo.units[seed.code] = unit.id;
    ++demo.org_units;
  }
  return demo;
}

}  // namespace weltcampus::organisation
