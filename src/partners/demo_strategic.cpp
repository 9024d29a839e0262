#include "partners/demo_parts.h"

namespace weltcampus::partners::demo {

namespace {

const std::vector<LanguageRequirement> kEnglishB2 = {{"en", "B2"}};
const std::vector<LanguageRequirement> kGermanB1 = {{"de", "B1"}};

Institution MakeInstitution(std::string name, std::string country, std::string city,
                            std::string domain, std::string type, double latitude,
                            double longitude) {
  Institution institution;
  institution.name = std::move(name);
  institution.country = std::move(country);
  institution.city = std::move(city);
  institution.website = "https://www." + domain;
  institution.hei_id = std::move(domain);
  institution.type = std::move(type);
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

Partnership MakePartnership(int64_t institution_id, std::string tier, std::string since,
                            std::string objectives) {
  Partnership partnership;
  partnership.institution_id = institution_id;
  partnership.tier = std::move(tier);
  partnership.since = std::move(since);
  partnership.objectives = std::move(objectives);
  partnership.responsible_person = "Prof. Dr. Christiane Weber (Vice-Dean International Affairs)";
  return partnership;
}

void BuildKingsCollege(Context& context) {
  const auto kcl = AddInstitution(
      context, MakeInstitution("King's College London", "GB", "London", "kcl.ac.uk", "university",
                               51.5115, -0.1160));
  const auto partnership = AddPartnership(
      context, MakePartnership(kcl, "transcampus", "2015-06-01",
                               "transCampus Dresden–London: joint research, teaching and "
                               "appointments in medicine and the life sciences"));
  auto framework = MakeAgreement(partnership, "transcampus", "active",
                                 "transCampus Dresden–London framework agreement", 2015,
                                 context.current_year + 3);
  framework.partner_institution_ids = {kcl};
  framework.org_unit_id = context.units.at("MED");
  framework.contacts = {{0, "transCampus Office Dresden", std::nullopt, std::nullopt, "coordinator"},
                        {0, "transCampus Office London", std::nullopt, std::nullopt, "coordinator"}};
  framework.quotas = {
      MakeQuota("outgoing", "clinical_elective", "0912", {7}, 4, 2.0, std::nullopt, kEnglishB2),
      MakeQuota("incoming", "clinical_elective", "0912", {7}, 4, 2.0, std::nullopt, kGermanB1),
      MakeQuota("outgoing", "final_year_tertial", "0912", {7}, 2, 4.0, std::nullopt, kEnglishB2),
      MakeQuota("incoming", "final_year_tertial", "0912", {7}, 2, 4.0, std::nullopt, kGermanB1),
      MakeQuota("outgoing", "staff_teaching", "0912", {}, 2, std::nullopt, 5, kEnglishB2),
      MakeQuota("incoming", "staff_teaching", "0912", {}, 2, std::nullopt, 5, {}),
  };
  AddAgreement(context, framework);
  auto cotutelle = MakeAgreement(partnership, "cotutelle_framework", "active",
                                 "Joint doctoral supervision (cotutelle) in biomedicine", 2017,
                                 context.current_year + 2);
  cotutelle.partner_institution_ids = {kcl};
  AddAgreement(context, cotutelle);
  const std::vector<std::tuple<const char*, const char*, const char*, const char*>> structures = {
      {"joint_programme", "transCampus Master's programme in Regenerative Medicine",
       "Taught jointly in Dresden and London; students spend a semester at each campus.",
       "2016-10-01"},
      {"joint_programme", "transCampus joint PhD programme",
       "Doctoral candidates supervised by one professor from each campus.", "2017-04-01"},
      {"joint_appointment", "transCampus professorship in metabolic and vascular medicine",
       "Professor appointed at both universities, teaching and researching on both campuses.",
       "2015-06-01"},
      {"joint_institute", "transCampus Institute for Diabetes and Endocrinology",
       "Joint research groups and shared core facilities.", "2018-01-01"},
      {"shared_administrative_unit", "transCampus Office",
       "One office with staff in Dresden and London: calls, seed funding, exchange.", "2015-06-01"},
  };
  for (const auto& [kind, name, description, since] : structures) {
    JointStructure structure;
    structure.partnership_id = partnership;
    structure.kind = kind;
    structure.name = name;
    structure.description = description;
    structure.since = since;
    AddJointStructure(context, structure);
  }
}

void BuildWroclaw(Context& context, const DemoReferenceData& data) {
  auto institution = MakeInstitution("Wroclaw Medical University", "PL", "Wrocław", "umw.edu.pl",
                                     "university", 51.1089, 17.0689);
  institution.name_local = "Uniwersytet Medyczny im. Piastów Śląskich we Wrocławiu";
  institution.erasmus_code = "PL WROCLAW05";
  TakeEcheIdentifiers(institution, data);
  const auto umw = AddInstitution(context, std::move(institution));
  const auto partnership = AddPartnership(
      context, MakePartnership(umw, "strategic", "2008-10-01",
                               "Exchange of students and teachers in medicine and dentistry; "
                               "joint clinical research in the Saxon–Silesian border region"));
  const std::vector<LanguageRequirement> to_wroclaw = {{"en", "B2"}, {"pl", "B1"}};
  auto erasmus = MakeAgreement(partnership, "erasmus_iia", "active",
                               "Erasmus+ inter-institutional agreement: Medicine and Dentistry",
                               2021, 2028);
  erasmus.partner_institution_ids = {umw};
  erasmus.org_unit_id = context.units.at("MED");
  erasmus.contacts = {{0, "Erasmus+ coordinator, Wroclaw Medical University", std::nullopt,
                       std::nullopt, "coordinator"}};
  erasmus.quotas = {
      MakeQuota("outgoing", "student_studies", "0912", {7}, 4, 5.0, std::nullopt, to_wroclaw),
      MakeQuota("incoming", "student_studies", "0912", {7}, 4, 5.0, std::nullopt, kGermanB1),
      MakeQuota("outgoing", "student_studies", "0911", {7}, 2, 5.0, std::nullopt, to_wroclaw),
      MakeQuota("incoming", "student_studies", "0911", {7}, 2, 5.0, std::nullopt, kGermanB1),
      MakeQuota("outgoing", "final_year_tertial", "0912", {7}, 2, 4.0, std::nullopt, to_wroclaw),
      MakeQuota("outgoing", "staff_teaching", "0912", {}, 2, std::nullopt, 5, kEnglishB2),
      MakeQuota("incoming", "staff_teaching", "0912", {}, 2, std::nullopt, 5, kEnglishB2),
  };
  AddAgreement(context, erasmus);
}

void BuildFlinders(Context& context) {
  const auto flinders = AddInstitution(
      context, MakeInstitution("Flinders University", "AU", "Adelaide", "flinders.edu.au",
                               "university", -35.0212, 138.5714));
  const auto sahmri = AddInstitution(
      context,
      MakeInstitution("South Australian Health and Medical Research Institute (SAHMRI)", "AU",
                      "Adelaide", "sahmri.org.au", "research_institute", -34.9209, 138.5866));
  const auto partnership = AddPartnership(
      context, MakePartnership(flinders, "strategic", "2012-03-01",
                               "Clinical electives and research stays in Adelaide; joint "
                               "research with SAHMRI on ageing and chronic disease"));
  auto exchange = MakeAgreement(partnership, "clinical_electives", "active",
                                "Clinical electives and research placements in Adelaide", 2022,
                                context.current_year + 2);
  exchange.partner_institution_ids = {flinders, sahmri};
  exchange.org_unit_id = context.units.at("MED");
  exchange.quotas = {
      MakeQuota("outgoing", "clinical_elective", "0912", {7}, 4, 2.0, std::nullopt, kEnglishB2),
      MakeQuota("incoming", "clinical_elective", "0912", {7}, 4, 2.0, std::nullopt, kGermanB1),
      MakeQuota("outgoing", "final_year_tertial", "0912", {7}, 2, 4.0, std::nullopt, kEnglishB2),
      MakeQuota("outgoing", "staff_teaching", "0912", {}, 1, std::nullopt, 5, kEnglishB2),
  };
  AddAgreement(context, exchange);
  auto research = MakeAgreement(partnership, "research_memorandum", "active",
                                "Memorandum of understanding on research cooperation", 2019,
                                context.current_year);
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
