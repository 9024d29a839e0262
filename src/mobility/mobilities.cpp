#include "mobility/mobilities.h"

#include <array>
#include <map>

#include "audit/record_changes.h"
#include "auth/repository.h"
#include "core/codes.h"
#include "core/error.h"
#include "core/json_schema.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/funding.h"
#include "exchange/students.h"
#include "organisation/repository.h"
#include "partners/repository.h"

namespace weltcampus::mobility {

namespace {

bool IsTraineeshipCategory(QuotaCategory category) {
  return category == QuotaCategory::kStudentTraineeship ||
         category == QuotaCategory::kClinicalElective ||
         category == QuotaCategory::kFinalYearTertial;
}

void CheckFunding(const Mobility& mobility) {
  const bool studies = mobility.funding_line == FundingLine::kErasmusKa131Studies;
  const bool traineeship = mobility.funding_line == FundingLine::kErasmusKa131Traineeship;
  if (mobility.funding_line == FundingLine::kErasmusKa131Staff &&
      !partners::IsStaffCategory(mobility.category)) {
    throw ValidationError("funding_line",
                          "Erasmus+ KA131 staff mobility funds staff teaching and training only");
  }
  if (!studies && !traineeship) {
    return;
  }
  if (studies && mobility.category != QuotaCategory::kStudentStudies) {
    throw ValidationError("funding_line",
                          "Erasmus+ KA131 studies fund student mobility for studies "
                          "only; a traineeship, clinical elective or tertial is "
                          "funded as a traineeship");
  }
  if (traineeship && !IsTraineeshipCategory(mobility.category)) {
    throw ValidationError("funding_line",
                          "Erasmus+ KA131 traineeships fund traineeships, clinical electives and "
                          "final-year tertials only");
  }
  const int64_t days = PlannedErasmusDays(mobility);
  if (days < kMinErasmusDays) {
    std::string message = "An Erasmus+ stay lasts at least 60 days (2 months); this one is " +
                          std::to_string(days) + " days";
    if (mobility.category == QuotaCategory::kFinalYearTertial) {
      message +=
          " (a half tertial of 8 weeks is shorter: fund it otherwise, or plan the whole "
          "tertial of 16 weeks)";
    }
    throw ValidationError("funding_line", message);
  }
}

void CheckPartner(store::Connection& c, const Mobility& mobility) {
  if (!mobility.partnership_id && !mobility.host_name) {
    throw ValidationError("partnership_id",
                          "Name the partner: a partnership of the register, or a host outside it "
                          "(host_name and host_country)");
  }
  if (!mobility.host_country) {
    throw ValidationError("host_country", "Give the host's country");
  }
  if (mobility.agreement_id) {
    const auto agreement = partners::repository::FindAgreement(c, *mobility.agreement_id);
    if (!agreement) {
      throw ValidationError("agreement_id", "No agreement with this id");
    }
    if (!mobility.partnership_id || agreement->partnership_id != *mobility.partnership_id) {
      throw ValidationError("agreement_id", "The agreement is not one of this partnership's");
    }
  }
  if (mobility.quota_id) {
    const auto quota = partners::repository::FindQuotaInContext(c, *mobility.quota_id);
    if (!quota) {
      throw ValidationError("quota_id", "No quota with this id");
    }
    if (!mobility.agreement_id || quota->agreement_id != *mobility.agreement_id) {
      throw ValidationError("quota_id", "The quota is not one of this agreement's");
    }
    if (quota->quota.category != mobility.category ||
        quota->quota.direction != mobility.direction) {
      throw ValidationError(
          "quota_id", "The quota is for " +
                          std::string(partners::kDirectionTable.Name(quota->quota.direction)) +
                          " " +
                          std::string(partners::kQuotaCategoryTable.Name(quota->quota.category)));
    }
  }
}

Mobility MobilityFound(store::Connection& c, int64_t id) {
  return store::Found(MobilityTable().Find(c, id), "Mobility");
}

TrackEvent EventFromRow(const store::Row& row) {
  TrackEvent event;
  event.id = row.Int("id");
  event.mobility_id = row.Int("mobility_id");
  event.track = row.Text("track");
  event.step = row.Text("step");
  event.from_state = row.OptionalText("from_state");
  event.to_state = row.Text("to_state");
  event.on = row.OptionalText("on_date");
  event.reason = row.OptionalText("reason");
  event.user_id = row.OptionalInt("user_id");
  event.at = row.Text("at");
  return event;
}

constexpr std::string_view kEventColumns =
    "SELECT id, mobility_id, track, step, from_state, to_state, on_date, reason, user_id, at "
    "FROM mobility_events ";

std::vector<TrackEvent> EventsOf(store::Connection& c, int64_t mobility_id) {
  std::vector<TrackEvent> events;
  for (const auto& row :
       c.Query(std::string(kEventColumns) + "WHERE mobility_id = :mobility ORDER BY id",
               store::Params().Set("mobility", mobility_id))) {
    events.push_back(EventFromRow(row));
  }
  return events;
}

}  // namespace

nlohmann::json TrackEventSchema() {
  using namespace json_schema;
  return Closed({{"id", Id()},
                 {"mobility_id", Id()},
                 {"track", Text()},
                 {"step", Text()},
                 {"from_state", NullableText()},
                 {"to_state", Text()},
                 {"on", NullableText()},
                 {"reason", NullableText()},
                 {"user_id", NullableId()},
                 {"by", NullableText()},
                 {"at", Text()}});
}

std::optional<int64_t> AccountOfMobility(store::Connection& c, const Mobility& mobility) {
  return mobility.student_id ? exchange::AccountOfStudent(c, *mobility.student_id) : std::nullopt;
}

const RecordSchema<Mobility>& MobilitySchema() {
  static const auto schema =
      RecordSchema<Mobility>("Mobility")
          .Key(&Mobility::id, &Mobility::version)
          .Enum("direction", &Mobility::direction, partners::kDirectionTable)
          .Enum("category", &Mobility::category, partners::kQuotaCategoryTable)
          .Int("student_id", &Mobility::student_id, 1, INT64_MAX)
          .Text("family_name", &Mobility::family_name, 200)
          .Text("given_name", &Mobility::given_name, 200)
          .Text("email", &Mobility::email, 254)
          .Check(IsPlausibleEmail, "Must be an e-mail address")
          .Int("partnership_id", &Mobility::partnership_id, 1, INT64_MAX)
          .Int("agreement_id", &Mobility::agreement_id, 1, INT64_MAX)
          .Int("quota_id", &Mobility::quota_id, 1, INT64_MAX)
          .Text("host_name", &Mobility::host_name, 300)
          .Text("partner_name", &Mobility::partner_name, 500)
          .Derived()
          .Text("host_country", &Mobility::host_country, 2)
          .Check(IsValidCountryCode, "Must be an ISO 3166-1 alpha-2 country code")
          .Schema({{"pattern", "^[A-Z]{2}$"}})
          .Enum("funding_line", &Mobility::funding_line, kFundingLineTable, FundingLine::kNone)
          .Text("isced_code", &Mobility::isced_code, 4)
          .Check(IsIscedCodeShape, "Must be an ISCED-F 2013 code of two to four digits")
          .Schema({{"pattern", "^[0-9]{2,4}$"}})
          .Int("eqf_level", &Mobility::eqf_level, 5, 8)
          .AcademicYearField("academic_year", &Mobility::academic_year)
          .RequiredDate("planned_start", &Mobility::planned_start)
          .RequiredDate("planned_end", &Mobility::planned_end)
          .Bool("fewer_opportunities", &Mobility::fewer_opportunities, false)
          .Date("equivalence_decided_on", &Mobility::equivalence_decided_on)
          .Enum("stay_state", &Mobility::stay_state, kStayStateTable, StayState::kNominated)
          .Derived()
          .Date("actual_start", &Mobility::actual_start)
          .Derived()
          .Date("actual_end", &Mobility::actual_end)
          .Derived()
          .Int("application_id", &Mobility::application_id, 1, INT64_MAX)
          .Derived()
          .Int("offer_id", &Mobility::offer_id, 1, INT64_MAX)
          .Derived()
          .Timestamps(&Mobility::created_at, &Mobility::updated_at);
  return schema;
}

const store::RecordTable<Mobility>& MobilityTable() {
  static const store::RecordTable<Mobility> table("mobilities", "Mobility", MobilitySchema(), {},
                                                  {{"family_name_key", "family_name"},
                                                   {"given_name_key", "given_name"},
                                                   {"partner_name_key", "partner_name"}});
  return table;
}

void WriteJson(const Mobility& mobility, JsonWriter& out) { MobilitySchema().Write(mobility, out); }
nlohmann::json ToJson(const Mobility& mobility) { return MobilitySchema().Write(mobility); }

nlohmann::json ToJson(const TrackEvent& event) {
  return {{"id", event.id},
          {"mobility_id", event.mobility_id},
          {"track", event.track},
          {"step", event.step},
          {"from_state", event.from_state ? nlohmann::json(*event.from_state) : nullptr},
          {"to_state", event.to_state},
          {"on", event.on ? nlohmann::json(*event.on) : nullptr},
          {"reason", event.reason ? nlohmann::json(*event.reason) : nullptr},
          {"user_id", event.user_id ? nlohmann::json(*event.user_id) : nullptr},
          {"by", event.by ? nlohmann::json(*event.by) : nullptr},
          {"at", event.at}};
}

nlohmann::json MobilityEnumerations() {
  nlohmann::json values;
  values[std::string(kFundingLineTable.api_name())] = kFundingLineTable.Json();
  values[std::string(kStayStateTable.api_name())] = kStayStateTable.Json();
  values[std::string(kStayStepTable.api_name())] = kStayStepTable.Json();
  return {{"enumerations", values}};
}

int64_t PlannedErasmusDays(const Mobility& mobility) {
  const auto first = Date::Parse(mobility.planned_start);
  const auto last = Date::Parse(mobility.planned_end);
  return first && last ? exchange::ErasmusDays(*first, *last) : 0;
}

std::optional<partners::Institution> PartnerInstitution(store::Connection& c,
                                                        int64_t partnership_id) {
  const auto institution_id = partners::repository::FindPartnershipInstitution(c, partnership_id);
  return institution_id ? partners::repository::FindInstitution(c, *institution_id) : std::nullopt;
}

void DeriveMobility(store::Connection& c, Mobility& mobility) {
  if (mobility.id != 0) {
    const Mobility stored = MobilityFound(c, mobility.id);
    mobility.stay_state = stored.stay_state;
    mobility.actual_start = stored.actual_start;
    mobility.actual_end = stored.actual_end;
    mobility.application_id = stored.application_id;
    mobility.offer_id = stored.offer_id;
  }
  if (mobility.student_id) {
    const auto student = exchange::StudentTable().Find(c, *mobility.student_id);
    if (!student) {
      throw ValidationError("student_id", "No student with this id");
    }
    mobility.family_name = student->family_name;
    mobility.given_name = student->given_name;
    mobility.email = student->email;
  }
  if (mobility.partnership_id) {
    const auto institution = PartnerInstitution(c, *mobility.partnership_id);
    if (!institution) {
      throw ValidationError("partnership_id", "No partnership with this id");
    }
    mobility.partner_name = institution->name;
    mobility.host_country = institution->country;
  } else {
    mobility.partner_name = mobility.host_name.value_or("");
  }
}

void CheckMobility(store::Connection& c, const Mobility& mobility) {
  if (mobility.planned_end < mobility.planned_start) {
    throw ValidationError("planned_end",
                          "The stay cannot end before it begins (" + mobility.planned_start + ")");
  }
  const bool outgoing_student =
      mobility.direction == Direction::kOutgoing && !partners::IsStaffCategory(mobility.category);
  if (!outgoing_student && mobility.student_id) {
    throw ValidationError("student_id",
                          "Only an outgoing student's mobility names a student record; give the "
                          "person's name");
  }
  if (!mobility.family_name || !mobility.given_name) {
    throw ValidationError(mobility.family_name ? "given_name" : "family_name",
                          "Give the person's family and given name");
  }
  CheckPartner(c, mobility);
  CheckFunding(mobility);
  if (mobility.equivalence_decided_on && mobility.category != QuotaCategory::kFinalYearTertial) {
    throw ValidationError("equivalence_decided_on",
                          "Only a final-year tertial has the state examination office's "
                          "equivalence decision");
  }
  if (mobility.isced_code && !organisation::repository::IscedTableEmpty(c) &&
      !organisation::repository::IscedCodeKnown(c, *mobility.isced_code)) {
    throw ValidationError("isced_code", "Not an ISCED-F 2013 field of education");
  }
}

Mobility CreateMobility(store::Connection& c, const audit::Actor& actor, Mobility mobility) {
  return audit::CreateRecord(
      c, actor, "mobility",
      [](store::Connection& c, int64_t id) { return MobilityTable().Find(c, id); },
      [&](store::Connection& c) {
        mobility.id = 0;
        DeriveMobility(c, mobility);
        CheckMobility(c, mobility);
        MobilityTable().Insert(c, mobility);
        return mobility.id;
      });
}

Mobility MobilityService::TakeStayStep(const audit::Actor& actor, int64_t id,
                                       int64_t expected_version, const StayStepRequest& request,
                                       Date today) {
  return database_.Write([&](store::Connection& c) {
    return audit::UpdateRecord(
        c, actor, "mobility", "Mobility", id, expected_version,
        [](store::Connection& c, int64_t id) { return MobilityTable().Find(c, id); },
        [&](store::Connection& c, const Mobility& current) {
          Mobility after = ApplyStayStep(current, request, today);
          MobilityTable().Update(c, after, expected_version);
          if (request.step == StayStep::kReject && current.application_id) {
            // Back to the call's waiting list: the place is free, the student in the next round.
            exchange::ReleaseAcceptedPlace(c, actor, *current.application_id);
          }
          TrackEvent event = StayEventOf(current, after, request.step);
          event.reason = request.reason;
          event.user_id = actor.user_id;
          event.at = NowUtcTimestamp();
          InsertTrackEvents(c, {event});
        });
  });
}

TrackEvent StayEventOf(const Mobility& before, const Mobility& after, StayStep step) {
  TrackEvent event;
  event.mobility_id = before.id;
  event.track = "stay";
  event.step = kStayStepTable.Name(step);
  event.from_state = std::string(kStayStateTable.Name(before.stay_state));
  event.to_state = kStayStateTable.Name(after.stay_state);
  event.on = StepDay(after, step);
  return event;
}

std::vector<store::Params> EventRows(const std::vector<TrackEvent>& events) {
  std::vector<store::Params> rows;
  rows.reserve(events.size());
  for (const auto& event : events) {
    rows.push_back(store::Params()
                       .Set("mobility_id", event.mobility_id)
                       .Set("track", event.track)
                       .Set("step", event.step)
                       .Set("from_state", event.from_state)
                       .Set("to_state", event.to_state)
                       .Set("on_date", event.on)
                       .Set("reason", event.reason)
                       .Set("user_id", event.user_id)
                       .Set("at", event.at));
  }
  return rows;
}

void InsertTrackEvents(store::Connection& c, const std::vector<TrackEvent>& events) {
  if (!events.empty()) {
    c.InsertRows("mobility_events", EventRows(events));
  }
}

Timeline MobilityService::Events(const audit::Actor& actor, int64_t id) {
  return database_.Write([&](store::Connection& c) {
    const Mobility mobility = MobilityFound(c, id);
    if (const auto person = AccountOfMobility(c, mobility)) {
      audit::RecordRead(c, actor, "mobility", std::to_string(id), person);
    }
    Timeline timeline{.events = EventsOf(c, id),
                      .allowed_steps = AllowedSteps(mobility.stay_state)};
    std::map<int64_t, std::optional<std::string>> names;
    for (auto& event : timeline.events) {
      if (!event.user_id) {
        continue;
      }
      auto known = names.find(*event.user_id);
      if (known == names.end()) {
        const auto user = auth::repository::FindUser(c, *event.user_id);
        known = names
                    .emplace(*event.user_id,
                             user ? std::optional<std::string>(user->display_name) : std::nullopt)
                    .first;
      }
      event.by = known->second;
    }
    return timeline;
  });
}

nlohmann::json MobilityService::Mine(int64_t user_id) {
  return database_.Read([&](store::Connection& c) {
    nlohmann::json answer = {{"items", nlohmann::json::array()},
                             {"events", nlohmann::json::array()}};
    const auto student = exchange::FindStudentOfUser(c, user_id);
    if (!student) {
      return answer;
    }
    store::Filter where;
    where.Equal("student_id", std::optional<int64_t>(student->id));
    for (const auto& mobility : MobilityTable().All(c, where, "planned_start DESC, id DESC")) {
      answer["items"].push_back(ToJson(mobility));
      for (const auto& event : EventsOf(c, mobility.id)) {
        answer["events"].push_back(ToJson(event));
      }
    }
    return answer;
  });
}

}  // namespace weltcampus::mobility
