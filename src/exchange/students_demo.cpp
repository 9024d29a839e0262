#include "exchange/students_demo.h"

#include <array>
#include <cstdio>
#include <optional>
#include <random>
#include <vector>

#include "auth/repository.h"
#include "exchange/demo_dice.h"
#include "exchange/programmes.h"
#include "exchange/students.h"

namespace weltcampus::exchange {

namespace {

struct ProgrammeSeed {
  const char* code;
  const char* name;
  const char* name_de;
  const char* unit;  // org unit code
  const char* isced;
  int eqf;
  bool single_cycle;
  int semesters;  // standard period of study
  int share;      // of the students, in per cent
};

// The School of Medicine's programmes (TU Dresden teaches these or their like).
constexpr std::array<ProgrammeSeed, 7> kProgrammes = {{
    {"MED-STEX", "Medicine (State Examination)", "Humanmedizin (Staatsexamen)", "MED", "0912", 7,
     true, 13, 55},
    {"DENT-STEX", "Dentistry (State Examination)", "Zahnmedizin (Staatsexamen)", "MED-ZMK", "0911",
     7, true, 11, 15},
    {"PH-MSC", "Public Health (MSc)", "Public Health (M.Sc.)", "MED", "0919", 7, false, 4, 8},
    {"MEDINF-MSC", "Medical Informatics (MSc)", "Medizinische Informatik (M.Sc.)", "MED", "0688", 7,
     false, 4, 6},
    {"MOLMED-MSC", "Molecular Medicine (MSc)", "Molekulare Medizin (M.Sc.)", "MED-PHYS", "0512", 7,
     false, 4, 6},
    {"MRS-MSC", "Medical Radiation Sciences (MSc)", "Medical Radiation Sciences (M.Sc.)", "MED-RAD",
     "0914", 7, false, 4, 4},
    {"NURS-BSC", "Nursing Science (BSc)", "Pflegewissenschaft (B.Sc.)", "MED-PFL", "0913", 6, false,
     8, 6},
}};

constexpr std::array<const char*, 40> kGivenNames = {
    "Anna",       "Lena",    "Marie",     "Sophie", "Laura",     "Johanna", "Clara",  "Paula",
    "Emma",       "Lea",     "Hannah",    "Julia",  "Charlotte", "Greta",   "Frieda", "Ida",
    "Maximilian", "Paul",    "Felix",     "Lukas",  "Jonas",     "Leon",    "Elias",  "Moritz",
    "Jakob",      "Tim",     "Niklas",    "Erik",   "Konrad",    "Tom",     "Aylin",  "Mehmet",
    "Yara",       "Nikolai", "Katarzyna", "Tomáš",  "Ana",       "Minh",    "Amira",  "Jonathan"};

constexpr std::array<const char*, 40> kFamilyNames = {
    "Müller",   "Schmidt",  "Schneider", "Fischer",    "Weber",   "Meyer",   "Wagner",  "Becker",
    "Schulz",   "Hoffmann", "Schäfer",   "Koch",       "Bauer",   "Richter", "Klein",   "Wolf",
    "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Braun",   "Krüger",  "Hofmann", "Hartmann",
    "Lange",    "Schmitt",  "Werner",    "Krause",     "Lehmann", "Köhler",  "Nguyen",  "Yılmaz",
    "Nowak",    "Novák",    "Petrov",    "Haddad",     "Seidel",  "Ullrich", "Böhme",   "Heinrich"};

// Second languages of German medical students, with the countries of the stays abroad.
constexpr std::array<const char*, 6> kLanguages = {"fr", "es", "it", "sv", "pl", "cs"};
constexpr std::array<const char*, 10> kStayCountries = {"FR", "ES", "IT", "SE", "PL",
                                                        "CZ", "GB", "US", "AT", "NO"};

using demo::Dice;

const ProgrammeSeed& DrawProgramme(Dice& dice) {
  int draw = dice.Below(100);
  for (const auto& seed : kProgrammes) {
    if (draw < seed.share) {
      return seed;
    }
    draw -= seed.share;
  }
  return kProgrammes[0];
}

void AddCertificate(store::Connection& c, int64_t student_id, const char* language, CefrLevel level,
                    const char* name, std::optional<std::string> issued_on, DemoStudents& summary) {
  LanguageCertificate certificate;
  certificate.student_id = student_id;
  certificate.language = language;
  certificate.cefr_level = level;
  if (name) {
    certificate.name = name;
  }
  certificate.issued_on = std::move(issued_on);
  LanguageCertificateTable().Insert(c, certificate);
  ++summary.language_certificates;
}

void AddStay(store::Connection& c, int64_t student_id, const char* country, int months,
             StudyCycle cycle, bool funded, DemoStudents& summary) {
  StayAbroad stay;
  stay.student_id = student_id;
  stay.country = country;
  stay.months = months;
  stay.study_cycle = cycle;
  stay.erasmus_funded = funded;
  StayAbroadTable().Insert(c, stay);
  ++summary.stays_abroad;
}

}  // namespace

int64_t DemoStudentCount(const std::string& profile) {
  if (profile == "university") {
    return 1500;
  }
  if (profile == "scale") {
    return 6000;
  }
  return 150;
}

DemoStudents BuildStudentDemo(store::Connection& c,
                              const organisation::DemoOrganisation& organisation,
                              const std::string& profile, unsigned seed,
                              const std::string& student_email) {
  DemoStudents summary;
  std::vector<int64_t> programme_ids;
  for (const auto& seed_row : kProgrammes) {
    Programme programme;
    programme.code = seed_row.code;
    programme.name = seed_row.name;
    programme.name_de = seed_row.name_de;
    programme.org_unit_id = organisation.units.at(seed_row.unit);
    if (organisation.isced_codes.empty() || organisation.isced_codes.contains(seed_row.isced)) {
      programme.isced_code = seed_row.isced;
    }
    programme.eqf_level = seed_row.eqf;
    programme.single_cycle = seed_row.single_cycle;
    ProgrammeTable().Insert(c, programme);
    programme_ids.push_back(programme.id);
    ++summary.programmes;
  }
  const auto programme_id = [&](const ProgrammeSeed& wanted) {
    return programme_ids[static_cast<size_t>(&wanted - kProgrammes.data())];
  };

  // The demo's student account: Stefan, in the seventh semester of medicine, the first section
  // of the state examination passed, English C1 and French B1, four months in Lyon without
  // Erasmus funding in his first year.
  Student stefan;
  stefan.matriculation_number = "4711001";
  stefan.family_name = "Student";
  stefan.given_name = "Stefan";
  stefan.email = "s4711001@mailbox.weltcampus.example";
  stefan.programme_id = programme_ids[0];
  stefan.study_semester = 7;
  stefan.grade_average = 1.8;
  stefan.first_state_exam_passed = true;
  if (const auto account = auth::repository::FindUserByEmail(c, student_email)) {
    stefan.user_id = account->id;
  }
  StudentTable().Insert(c, stefan);
  ++summary.students;
  AddCertificate(c, stefan.id, "en", CefrLevel::kC1, "Cambridge C1 Advanced", "2024-06-14",
                 summary);
  AddCertificate(c, stefan.id, "fr", CefrLevel::kB1, "DELF B1", "2023-03-02", summary);
  AddStay(c, stefan.id, "FR", 4, StudyCycle::kSingle, false, summary);

  Dice dice(seed);
  const int64_t count = DemoStudentCount(profile);
  for (int64_t i = 1; i < count; ++i) {
    const auto& programme = DrawProgramme(dice);
    Student student;
    char number[16];
    std::snprintf(number, sizeof number, "%07lld", static_cast<long long>(4712000 + i * 7));
    student.matriculation_number = number;
    student.given_name =
        kGivenNames[static_cast<size_t>(dice.Below(static_cast<int>(kGivenNames.size())))];
    student.family_name =
        kFamilyNames[static_cast<size_t>(dice.Below(static_cast<int>(kFamilyNames.size())))];
    student.email = "s" + student.matriculation_number + "@mailbox.weltcampus.example";
    student.programme_id = programme_id(programme);
    student.study_semester = dice.Between(1, programme.semesters);
    if (student.study_semester > 1) {
      student.grade_average = dice.Between(10, 35) / 10.0;
    }
    student.first_state_exam_passed =
        programme.single_cycle && student.study_semester >= 5 && dice.Percent(90);
    StudentTable().Insert(c, student);
    ++summary.students;
    if (dice.Percent(85)) {
      static constexpr std::array<CefrLevel, 4> kEnglish = {CefrLevel::kB1, CefrLevel::kB2,
                                                            CefrLevel::kC1, CefrLevel::kC2};
      static constexpr std::array<const char*, 4> kEnglishTests = {
          "TOEFL iBT", "IELTS Academic", "UNIcert III", "Cambridge C2 Proficiency"};
      const int level = dice.Below(4);
      AddCertificate(c, student.id, "en", kEnglish[static_cast<size_t>(level)],
                     kEnglishTests[static_cast<size_t>(dice.Below(4))],
                     std::to_string(dice.Between(2021, 2026)) + "-0" +
                         std::to_string(dice.Between(1, 9)) + "-15",
                     summary);
    }
    if (dice.Percent(30)) {
      static constexpr std::array<CefrLevel, 4> kOther = {CefrLevel::kA2, CefrLevel::kB1,
                                                          CefrLevel::kB2, CefrLevel::kC1};
      AddCertificate(
          c, student.id,
          kLanguages[static_cast<size_t>(dice.Below(static_cast<int>(kLanguages.size())))],
          kOther[static_cast<size_t>(dice.Below(4))], nullptr, std::nullopt, summary);
    }
    if (student.study_semester > 2 && dice.Percent(15)) {
      const StudyCycle cycle = programme.single_cycle ? StudyCycle::kSingle
                               : programme.eqf == 6   ? StudyCycle::kFirst
                                                      : StudyCycle::kSecond;
      AddStay(
          c, student.id,
          kStayCountries[static_cast<size_t>(dice.Below(static_cast<int>(kStayCountries.size())))],
          dice.Between(2, 10), cycle, dice.Percent(60), summary);
    }
  }
  return summary;
}

}  // namespace weltcampus::exchange
