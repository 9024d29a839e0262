#include "exchange/eligibility.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace weltcampus::exchange {

namespace {

std::string Level(CefrLevel level) { return std::string(kCefrLevelTable.Name(level)); }

std::string Number(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) {
    return std::to_string(static_cast<int64_t>(std::llround(value)));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string GermanNumber(double value) {
  auto text = Number(value);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string LevelList(const std::vector<int>& levels) {
  std::string text;
  for (const int level : levels) {
    text += (text.empty() ? "" : ", ") + std::to_string(level);
  }
  return text;
}

IneligibilityReason Reason(ReasonCode code, nlohmann::json details, std::string en,
                           std::string de) {
  return {code, std::move(details), std::move(en), std::move(de)};
}

// The highest level the student holds in a language, if any.
std::optional<CefrLevel> HeldLevel(const StudentFacts& student, const std::string& language) {
  std::optional<CefrLevel> best;
  for (const auto& certificate : student.certificates) {
    if (certificate.language == language && (!best || certificate.level > *best)) {
      best = certificate.level;
    }
  }
  return best;
}

}  // namespace

StudyCycle CurrentStudyCycle(bool single_cycle, int64_t eqf_level) {
  if (single_cycle) {
    return StudyCycle::kSingle;
  }
  if (eqf_level >= 8) {
    return StudyCycle::kThird;
  }
  return eqf_level == 7 ? StudyCycle::kSecond : StudyCycle::kFirst;
}

// The Erasmus+ rule (Programme Guide, student mobility: "up to 12 months per cycle of study,
// independently of the number and type of mobility activities; participation with zero-grant EU
// funds counts towards this maximum; in one-cycle programmes such as medicine up to 24 months"):
// the months of every earlier stay abroad in the student's current cycle count, funded or not (the
// record's `erasmus_funded` does not matter); stays of another cycle (a bachelor's before this
// master's) do not.
int64_t ErasmusMonthsLeft(const StudentFacts& student) {
  const StudyCycle cycle = CurrentStudyCycle(student.single_cycle, student.eqf_level);
  int64_t used = 0;
  for (const auto& stay : student.stays) {
    if (stay.cycle == cycle) {
      used += stay.months;
    }
  }
  return (student.single_cycle ? 24 : 12) - used;
}

std::vector<IneligibilityReason> IneligibilityReasons(const StudentFacts& student,
                                                      const OfferRequirements& offer) {
  std::vector<IneligibilityReason> reasons;
  if (!offer.eqf_levels.empty() && std::find(offer.eqf_levels.begin(), offer.eqf_levels.end(),
                                             student.eqf_level) == offer.eqf_levels.end()) {
    const auto levels = LevelList(offer.eqf_levels);
    reasons.push_back(
        Reason(ReasonCode::kLevel, {{"held", student.eqf_level}, {"required", offer.eqf_levels}},
               "This offer is for EQF level " + levels + "; your programme is at level " +
                   std::to_string(student.eqf_level) + ".",
               "Dieses Angebot gilt für EQR-Niveau " + levels + "; Ihr Studiengang hat Niveau " +
                   std::to_string(student.eqf_level) + "."));
  }
  if (offer.isced_code && !offer.isced_code->empty() &&
      (!student.isced_code || !student.isced_code->starts_with(*offer.isced_code))) {
    const std::string held = student.isced_code.value_or("");
    reasons.push_back(
        Reason(ReasonCode::kField,
               {{"held", student.isced_code ? nlohmann::json(held) : nlohmann::json()},
                {"required", *offer.isced_code}},
               "This offer is for the field of education " + *offer.isced_code +
                   (held.empty() ? "; your programme names no field."
                                 : "; your programme is in " + held + "."),
               "Dieses Angebot gilt für das Studienfeld " + *offer.isced_code +
                   (held.empty() ? "; Ihr Studiengang nennt kein Studienfeld."
                                 : "; Ihr Studiengang gehört zu " + held + ".")));
  }
  if (offer.language && !offer.language->empty()) {
    const CefrLevel required = offer.cefr_level.value_or(CefrLevel::kA1);
    const auto held = HeldLevel(student, *offer.language);
    if (!held || *held < required) {
      const std::string held_text = held ? Level(*held) : "";
      reasons.push_back(Reason(
          ReasonCode::kLanguage,
          {{"language", *offer.language},
           {"held", held ? nlohmann::json(held_text) : nlohmann::json()},
           {"required", Level(required)}},
          "This offer needs a language certificate for " + *offer.language + " at level " +
              Level(required) + " or above; " +
              (held ? "yours is " + held_text + "." : "you have none for this language."),
          "Dieses Angebot verlangt ein Sprachzertifikat für " + *offer.language + " auf Niveau " +
              Level(required) + " oder höher; " +
              (held ? "Ihres hat " + held_text + "." : "Sie haben keines für diese Sprache.")));
    }
  }
  if (offer.requires_first_state_exam && !student.first_state_exam_passed) {
    reasons.push_back(Reason(ReasonCode::kStateExam, {{"required", "first_section_passed"}},
                             "This offer needs the first section of the state examination "
                             "passed.",
                             "Dieses Angebot setzt den bestandenen Ersten Abschnitt der "
                             "Ärztlichen bzw. Zahnärztlichen Prüfung voraus."));
  }
  const int64_t left = ErasmusMonthsLeft(student);
  // A small tolerance: months come as tenths (4.5), never closer than that to a whole number.
  if (offer.months > static_cast<double>(left) + 1e-9) {
    const int64_t shown = std::max<int64_t>(left, 0);
    reasons.push_back(Reason(
        ReasonCode::kErasmusMonths,
        {{"months_left", shown},
         {"months_needed", offer.months},
         {"months_per_cycle", student.single_cycle ? 24 : 12}},
        "This stay takes " + Number(offer.months) + " months; you have " + std::to_string(shown) +
            " Erasmus months left in your study cycle.",
        "Dieser Aufenthalt dauert " + GermanNumber(offer.months) + " Monate; Ihnen bleiben " +
            std::to_string(shown) + " Erasmus-Monate in Ihrem Studienzyklus."));
  }
  // ISO dates compare as text.
  if (student.enrolled_until && !offer.ends_on.empty() && *student.enrolled_until < offer.ends_on) {
    reasons.push_back(
        Reason(ReasonCode::kEnrolment,
               {{"enrolled_until", *student.enrolled_until}, {"stay_ends_on", offer.ends_on}},
               "You are enrolled until " + *student.enrolled_until + "; the stay ends on " +
                   offer.ends_on + ", and you must be enrolled throughout.",
               "Sie sind bis " + *student.enrolled_until +
                   " eingeschrieben; der Aufenthalt endet am " + offer.ends_on +
                   ", und Sie müssen während des ganzen Aufenthalts eingeschrieben sein."));
  }
  return reasons;
}

nlohmann::json ToJson(const IneligibilityReason& reason) {
  return {{"code", kReasonCodeTable.Name(reason.code)},
          {"details", reason.details},
          {"message", reason.message_en},
          {"message_de", reason.message_de}};
}

nlohmann::json IneligibilityReasonSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"code", "details", "message", "message_de"}},
          {"properties",
           {{"code", {{"type", "string"}, {"enum", kReasonCodeTable.Json()}}},
            {"details", {{"type", "object"}}},
            {"message", {{"type", "string"}}},
            {"message_de", {{"type", "string"}}}}}};
}

}  // namespace weltcampus::exchange
