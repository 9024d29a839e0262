#include "partners/demo_parts.h"

namespace weltcampus::partners::demo {

namespace {

const std::vector<LanguageRequirement> kEnglishB2 = {{"en", "B2"}};
const std::vector<LanguageRequirement> kGermanB1 = {{"de", "B1"}};

Institution MakeInstitution(std::string name, std::string country, std::string city,
                            std::string domain, InstitutionType type, double latitude,
                            double longitude) {
  Institution institution;
  institution.name = std::move(name);
  institution.country = std::move(country);
  institution.city = std::move(city);
  institution.website = "https://www." + domain;
  institution.hei_id = std::move(domain);
  institution.type = type;
  institution.latitude = latitude;
  institution.longitude = longitude;
  return institution;
}

// Identifiers of a charter holder as the ECHE list has them, so a later import finds the record.
void TakeEcheIdentifiers(Institution& institution, const DemoReferenceData& data) {
  if (!data.eche) {
    return;
  }
  for (const auto& row : data.eche->rows) {
    if (row.institution.erasmus_code == institution.erasmus_code) {
      institution.pic = row.institution.pic;
      institution.oid = row.institution.oid;
    }
  }
}

Partnership MakePartnership(int64_t institution_id, Tier tier, std::string since,
                            std::string objectives) {
  Partnership partnership;
  partnership.institution_id = institution_id;
  partnership.tier = tier;
  partnership.since = std::move(since);
  partnership.objectives = std::move(objectives);
  partnership.responsible_person = "Prof. Dr. Christiane Weber (Vice-Dean International Affairs)";
  return partnership;
}

void BuildKingsCollege(Context& context) {
  const auto kcl =
      AddInstitution(context, MakeInstitution("King's College London", "GB", "London", "kcl.ac.uk",
                                              InstitutionType::kUniversity, 51.5115, -0.1160));
  auto transcampus = MakePartnership(kcl, Tier::kTranscampus, "2015-06-01",
                                     "transCampus Dresden–London: joint research, teaching and "
                                     "appointments in medicine and the life sciences");
  transcampus.objectives_de =
      "transCampus Dresden–London: gemeinsame Forschung, Lehre und Berufungen in Medizin und "
      "Lebenswissenschaften";
  const auto partnership = AddPartnership(context, transcampus);
  auto framework = MakeAgreement(partnership, AgreementType::kTranscampus, AgreementStatus::kActive,
                                 "transCampus Dresden–London framework agreement", 2015,
                                 context.current_year + 3);
  framework.title_de = "Rahmenvereinbarung transCampus Dresden–London";
  framework.partner_institution_ids = {kcl};
  framework.org_unit_id = context.units.at("MED");
  framework.contacts = {{0, "transCampus Office Dresden", std::nullopt, std::nullopt, "coordinator"},
                        {0, "transCampus Office London", std::nullopt, std::nullopt, "coordinator"}};
  framework.quotas = {
      MakeQuota(Direction::kOutgoing, QuotaCategory::kClinicalElective, "0912", {7}, 4, 2.0,
                std::nullopt, kEnglishB2),
      MakeQuota(Direction::kIncoming, QuotaCategory::kClinicalElective, "0912", {7}, 4, 2.0,
                std::nullopt, kGermanB1),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kFinalYearTertial, "0912", {7}, 2, 4.0,
                std::nullopt, kEnglishB2),
      MakeQuota(Direction::kIncoming, QuotaCategory::kFinalYearTertial, "0912", {7}, 2, 4.0,
                std::nullopt, kGermanB1),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kStaffTeaching, "0912", {}, 2, std::nullopt, 5,
                kEnglishB2),
      MakeQuota(Direction::kIncoming, QuotaCategory::kStaffTeaching, "0912", {}, 2, std::nullopt, 5,
                {}),
  };
  AddAgreement(context, framework);
  auto cotutelle = MakeAgreement(
      partnership, AgreementType::kCotutelleFramework, AgreementStatus::kActive,
      "Joint doctoral supervision (cotutelle) in biomedicine", 2017, context.current_year + 2);
  cotutelle.title_de = "Gemeinsame Promotionsbetreuung (Cotutelle) in der Biomedizin";
  cotutelle.partner_institution_ids = {kcl};
  AddAgreement(context, cotutelle);
  const std::vector<
      std::tuple<JointStructureKind, const char*, const char*, const char*, const char*>>
      structures = {
          {JointStructureKind::kJointProgramme,
           "transCampus Master's programme in Regenerative Medicine",
           "Taught jointly in Dresden and London; students spend a semester at each campus.",
           "2016-10-01",
           "Gemeinsam in Dresden und London gelehrt; die Studierenden verbringen an jedem Campus "
           "ein Semester."},
          {JointStructureKind::kJointProgramme, "transCampus joint PhD programme",
           "Doctoral candidates supervised by one professor from each campus.", "2017-04-01",
           "Promovierende werden von je einer Professorin oder einem Professor beider Standorte "
           "betreut."},
          {JointStructureKind::kJointAppointment,
           "transCampus professorship in metabolic and vascular medicine",
           "Professor appointed at both universities, teaching and researching on both campuses.",
           "2015-06-01", nullptr},
          {JointStructureKind::kJointInstitute,
           "transCampus Institute for Diabetes and Endocrinology",
           "Joint research groups and shared core facilities.", "2018-01-01",
           "Gemeinsame Forschungsgruppen und geteilte zentrale Einrichtungen."},
          {JointStructureKind::kSharedAdministrativeUnit, "transCampus Office",
           "One office with staff in Dresden and London: calls, seed funding, exchange.",
           "2015-06-01", nullptr},
      };
  for (const auto& [kind, name, description, since, description_de] : structures) {
    JointStructure structure;
    structure.partnership_id = partnership;
    structure.kind = kind;
    structure.name = name;
    structure.description = description;
    structure.since = since;
    if (description_de) {
      structure.description_de = description_de;
    }
    AddJointStructure(context, structure);
  }
  AddPartnerContact(context, partnership, PartnerContactRole::kInternationalOffice,
                    "Global Engagement Office", "King's College London",
                    "global-engagement@example.org", "+44 20 0000 0000",
                    "Strand\nLondon WC2R 2LS\nUnited Kingdom");
  AddPartnerContact(context, partnership, PartnerContactRole::kFacultyCoordinator,
                    "transCampus Office London", "Faculty of Life Sciences & Medicine",
                    "transcampus-london@example.org");
  AddPartnerNote(context, partnership, 1, PartnerNoteKind::kVisit,
                 "transCampus steering committee met in Dresden: joint PhD call to open in spring, "
                 "two more clinical elective places from next year.");
  AddPartnerNote(context, partnership, 4, PartnerNoteKind::kDecision,
                 "Faculty board agreed to extend the cotutelle framework to dentistry.");
}

void BuildWroclaw(Context& context, const DemoReferenceData& data) {
  auto institution = MakeInstitution("Wroclaw Medical University", "PL", "Wrocław", "umw.edu.pl",
                                     InstitutionType::kUniversity, 51.1089, 17.0689);
  institution.name_local = "Uniwersytet Medyczny im. Piastów Śląskich we Wrocławiu";
  institution.erasmus_code = "PL WROCLAW05";
  TakeEcheIdentifiers(institution, data);
  const auto umw = AddInstitution(context, std::move(institution));
  const auto partnership = AddPartnership(
      context, MakePartnership(umw, Tier::kStrategic, "2008-10-01",
                               "Exchange of students and teachers in medicine and dentistry; "
                               "joint clinical research in the Saxon–Silesian border region"));
  AddPartnerContact(context, partnership, PartnerContactRole::kInternationalOffice,
                    "International Relations Office", "Wroclaw Medical University",
                    "international@example.org", "+48 71 000 00 00",
                    "wybrzeże L. Pasteura 1\n50-367 Wrocław\nPoland");
  AddPartnerNote(
      context, partnership, 2, PartnerNoteKind::kCall,
      "Call with the Erasmus+ coordinator: nominations for the winter semester by 15 May; "
      "Polish B1 is asked for clinical rotations only.");
  const std::vector<LanguageRequirement> to_wroclaw = {{"en", "B2"}, {"pl", "B1"}};
  auto erasmus =
      MakeAgreement(partnership, AgreementType::kErasmusIia, AgreementStatus::kActive,
                    "Erasmus+ inter-institutional agreement: Medicine and Dentistry", 2021, 2028);
  erasmus.partner_institution_ids = {umw};
  erasmus.org_unit_id = context.units.at("MED");
  erasmus.contacts = {{0, "Erasmus+ coordinator, Wroclaw Medical University", std::nullopt,
                       std::nullopt, "coordinator"}};
  erasmus.quotas = {
      MakeQuota(Direction::kOutgoing, QuotaCategory::kStudentStudies, "0912", {7}, 4, 5.0,
                std::nullopt, to_wroclaw),
      MakeQuota(Direction::kIncoming, QuotaCategory::kStudentStudies, "0912", {7}, 4, 5.0,
                std::nullopt, kGermanB1),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kStudentStudies, "0911", {7}, 2, 5.0,
                std::nullopt, to_wroclaw),
      MakeQuota(Direction::kIncoming, QuotaCategory::kStudentStudies, "0911", {7}, 2, 5.0,
                std::nullopt, kGermanB1),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kFinalYearTertial, "0912", {7}, 2, 4.0,
                std::nullopt, to_wroclaw),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kStaffTeaching, "0912", {}, 2, std::nullopt, 5,
                kEnglishB2),
      MakeQuota(Direction::kIncoming, QuotaCategory::kStaffTeaching, "0912", {}, 2, std::nullopt, 5,
                kEnglishB2),
  };
  AddAgreement(context, erasmus);
}

void BuildFlinders(Context& context) {
  const auto flinders = AddInstitution(
      context, MakeInstitution("Flinders University", "AU", "Adelaide", "flinders.edu.au",
                               InstitutionType::kUniversity, -35.0212, 138.5714));
  const auto sahmri = AddInstitution(
      context, MakeInstitution("South Australian Health and Medical Research Institute (SAHMRI)",
                               "AU", "Adelaide", "sahmri.org.au",
                               InstitutionType::kResearchInstitute, -34.9209, 138.5866));
  const auto partnership = AddPartnership(
      context, MakePartnership(flinders, Tier::kStrategic, "2012-03-01",
                               "Clinical electives and research stays in Adelaide; joint "
                               "research with SAHMRI on ageing and chronic disease"));
  auto exchange = MakeAgreement(
      partnership, AgreementType::kClinicalElectives, AgreementStatus::kActive,
      "Clinical electives and research placements in Adelaide", 2022, context.current_year + 2);
  exchange.partner_institution_ids = {flinders, sahmri};
  exchange.org_unit_id = context.units.at("MED");
  exchange.quotas = {
      MakeQuota(Direction::kOutgoing, QuotaCategory::kClinicalElective, "0912", {7}, 4, 2.0,
                std::nullopt, kEnglishB2),
      MakeQuota(Direction::kIncoming, QuotaCategory::kClinicalElective, "0912", {7}, 4, 2.0,
                std::nullopt, kGermanB1),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kFinalYearTertial, "0912", {7}, 2, 4.0,
                std::nullopt, kEnglishB2),
      MakeQuota(Direction::kOutgoing, QuotaCategory::kStaffTeaching, "0912", {}, 1, std::nullopt, 5,
                kEnglishB2),
  };
  AddAgreement(context, exchange);
  auto research = MakeAgreement(
      partnership, AgreementType::kResearchMemorandum, AgreementStatus::kActive,
      "Memorandum of understanding on research cooperation", 2019, context.current_year);
  research.partner_institution_ids = {flinders, sahmri};
  AddAgreement(context, research);
}

}  // namespace

void BuildStrategicPartners(Context& context, const DemoReferenceData& data) {
  BuildKingsCollege(context);
  BuildWroclaw(context, data);
  BuildFlinders(context);
}

}  // namespace weltcampus::partners::demo
