#include "exchange/applications_demo.h"

#include <algorithm>
#include <random>

#include "core/date.h"
#include "core/digest.h"
#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange/demo_dice.h"
#include "exchange/scoring.h"

namespace weltcampus::exchange {

namespace {

using demo::Dice;

std::string LetterPdf(const Student& student) {
  return "%PDF-1.4\n1 0 obj\n<< /Title (Motivation letter of " + student.given_name + " " +
         student.family_name + ") >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n";
}

// A status in roughly the shares a call has a week after its deadline.
ApplicationStatus DrawStatus(Dice& dice) {
  const int draw = dice.Below(100);
  if (draw < 10) {
    return ApplicationStatus::kDraft;
  }
  if (draw < 50) {
    return ApplicationStatus::kSubmitted;
  }
  if (draw < 85) {
    return ApplicationStatus::kChecked;
  }
  return draw < 93 ? ApplicationStatus::kIncomplete : ApplicationStatus::kWithdrawn;
}

}  // namespace

DemoApplications BuildApplicationDemo(store::Connection& c, unsigned seed) {
  DemoApplications summary;
  store::Filter places;
  places.Add("kind = 'places'");
  const auto calls = CallTable().All(c, places, "id");
  if (calls.empty()) {
    return summary;
  }
  const Call& call = calls.back();
  const auto offers = OffersOfCall(c, call.id);
  const auto weights = WeightsOf(call);
  Dice dice(seed + 10);
  for (const auto& student : StudentTable().All(c, store::Filter(), "id")) {
    const auto facts = StudentFactsOf(c, student);
    std::vector<int64_t> open;
    for (const auto& offer : offers) {
      const auto stay = StayPeriodOf(call.academic_year, offer.term);
      if (IneligibilityReasons(facts, RequirementsOf(offer, stay)).empty()) {
        open.push_back(offer.id);
      }
    }
    for (size_t i = open.size(); i > 1; --i) {  // Fisher-Yates with the demo's dice
      std::swap(open[i - 1], open[static_cast<size_t>(dice.Below(static_cast<int>(i)))]);
    }
    const auto wanted = std::min<size_t>(
        open.size(), 1 + static_cast<size_t>(dice.Below(static_cast<int>(call.max_preferences))));
    open.resize(wanted);

    Application application;
    application.call_id = call.id;
    application.student_id = student.id;
    // The demo student keeps a draft to go on with.
    // Someone with no offer open to them has only looked (a draft without preferences).
    application.status =
        student.user_id || open.empty() ? ApplicationStatus::kDraft : DrawStatus(dice);
    const bool sent = application.status != ApplicationStatus::kDraft;
    if (sent) {
      application.submitted_at =
          call.applications_open.substr(0, 8) + (dice.Below(2) == 0 ? "15" : "27") + "T10:00:00Z";
    }
    if (application.status == ApplicationStatus::kChecked) {
      application.committee_points = dice.Below(static_cast<int>(call.committee_points_max) + 1);
      // The call's optional criteria too, from the student's id (no draw: the dice's sequence,
      // and so the rest of the demo, stays as it was).
      for (const auto& criterion : call.criteria) {
        application.criteria_points[criterion.code] = student.id % (criterion.points_max + 1);
      }
    }
    if (application.status == ApplicationStatus::kIncomplete) {
      application.completeness_note = "No language certificate";
    }
    application.score =
        CommonScore(weights, ApplicantOf(student, facts, application.committee_points,
                                         application.criteria_points))
            .total;
    const int64_t id = applications::Insert(c, application);
    applications::ReplacePreferences(c, id, open);
    if (sent) {
      const std::string letter = LetterPdf(student);
      ApplicationDocument document;
      document.kind = ApplicationDocumentKind::kMotivationLetter;
      document.file_name = "motivation-letter.pdf";
      document.media_type = "application/pdf";
      document.size_bytes = static_cast<int64_t>(letter.size());
      document.sha256 = Sha256Hex(letter);
      document.uploaded_at = *application.submitted_at;
      applications::PutDocument(c, id, document, letter);
      ++summary.submitted;
    }
    ++summary.applications;
  }
  return summary;
}

}  // namespace weltcampus::exchange
