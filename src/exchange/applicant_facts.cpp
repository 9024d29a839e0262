// The student as eligibility and the score see them, and an offer's requirements (issue 10,
// item 3): for the student's application, the office's scoring and the allocation and funding
// runs.
#include "exchange/applications_service.h"
#include "exchange/programmes.h"
#include "exchange/students.h"

namespace weltcampus::exchange {

OfferRequirements RequirementsOf(const Offer& offer, const StayPeriod& stay) {
  OfferRequirements requirements;
  requirements.eqf_levels = offer.eqf_levels;
  requirements.isced_code = offer.isced_code;
  requirements.language = offer.language;
  requirements.cefr_level = offer.cefr_level;
  requirements.requires_first_state_exam = offer.requires_first_state_exam;
  requirements.months = offer.months_per_place;
  requirements.starts_on = stay.starts_on;
  requirements.ends_on = stay.ends_on;
  return requirements;
}

Applicant ApplicantOf(const Student& student, const StudentFacts& facts,
                      std::optional<int64_t> committee_points,
                      const CriteriaPoints& criteria_points) {
  Applicant applicant;
  applicant.grade_average = student.grade_average;
  for (const auto& certificate : facts.certificates) {
    applicant.certificates.emplace_back(certificate.language, certificate.level);
  }
  applicant.committee_points = committee_points;
  applicant.criteria_points = criteria_points;
  applicant.earlier_stay_abroad = !facts.stays.empty();
  applicant.study_semester = student.study_semester;
  return applicant;
}

StudentFacts StudentFactsOf(store::Connection& c, const Student& student) {
  const auto programme = store::Found(ProgrammeTable().Find(c, student.programme_id), "Programme");
  StudentFacts facts;
  facts.eqf_level = programme.eqf_level;
  facts.isced_code = programme.isced_code;
  facts.single_cycle = programme.single_cycle;
  facts.study_semester = student.study_semester;
  facts.first_state_exam_passed = student.first_state_exam_passed;
  facts.enrolled_until = student.enrolled_until;
  for (const auto& certificate : CertificatesOfStudent(c, student.id)) {
    facts.certificates.push_back({certificate.language, certificate.cefr_level});
  }
  for (const auto& stay : StaysAbroadOfStudent(c, student.id)) {
    facts.stays.push_back({stay.months, stay.study_cycle, stay.erasmus_funded});
  }
  return facts;
}

}  // namespace weltcampus::exchange
