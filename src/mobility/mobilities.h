#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "core/date.h"
#include "core/json_writer.h"
#include "core/record_schema.h"
#include "http/router.h"
#include "mobility/model.h"
#include "mobility/stay_track.h"
#include "store/database.h"
#include "store/record_table.h"

// Mobilities as records of the kit (kit/records.h) at /api/v1/mobilities (mobility:read,
// mobility:write), with their stay track: POST /api/v1/mobilities/{id}/stay takes one step
// (stay_track.h) at the version read, and /events lists the steps taken. A student reads their own
// at /api/v1/me/mobilities. docs/mobility.md has the rules.
namespace weltcampus::mobility {

const RecordSchema<Mobility>& MobilitySchema();
const store::RecordTable<Mobility>& MobilityTable();
void WriteJson(const Mobility& mobility, JsonWriter& out);
nlohmann::json ToJson(const Mobility& mobility);
nlohmann::json MobilityEnumerations();

// An Erasmus+ stay for studies or a traineeship lasts at least two months (Programme Guide:
// "from 2 to 12 months"), counted as 60 days the programme's way (30/360).
inline constexpr int64_t kMinErasmusDays = 60;
// The planned stay's days as Erasmus counts them (exchange::ErasmusDays); 0 for dates that are
// none.
int64_t PlannedErasmusDays(const Mobility& mobility);
// The partner institution of a partnership of the register, or none.
std::optional<partners::Institution> PartnerInstitution(store::Connection& c,
                                                        int64_t partnership_id);

// Sets what the record derives: the student's names, the partner's name and country, and on an
// update the track's fields and the origin as stored (an edit never moves a track).
void DeriveMobility(store::Connection& c, Mobility& mobility);
// The record's rules, before every create and update (422 naming the field, 404-free).
void CheckMobility(store::Connection& c, const Mobility& mobility);

// A step of a track, as the mobility's timeline shows it.
struct TrackEvent {
  int64_t id = 0;
  int64_t mobility_id = 0;
  std::string track;  // "stay"
  std::string step;
  std::optional<std::string> from_state;
  std::string to_state;
  std::optional<std::string> on;
  std::optional<std::string> reason;
  std::optional<int64_t> user_id;
  std::optional<std::string> by;  // the account's display name, in the office's timeline
  std::string at;
};
nlohmann::json ToJson(const TrackEvent& event);

// A mobility's timeline: the steps taken, and those its stay may take now (for the screens'
// buttons: the rule stays here).
struct Timeline {
  std::vector<TrackEvent> events;
  std::vector<StayStep> allowed_steps;
};
nlohmann::json TrackEventSchema();

// The event of a step of the stay track (without its reason, actor and time), and the events
// written in one statement per 50 (the demo replays whole tracks).
TrackEvent StayEventOf(const Mobility& before, const Mobility& after, StayStep step);
void InsertTrackEvents(store::Connection& c, const std::vector<TrackEvent>& events);

// The account the mobility is about (an outgoing student's), for the audit of staff reads.
std::optional<int64_t> AccountOfMobility(store::Connection& c, const Mobility& mobility);

class MobilityService {
 public:
  explicit MobilityService(store::Database& database) : database_(database) {}

  Mobility TakeStayStep(const audit::Actor& actor, int64_t id, int64_t expected_version,
                        const StayStepRequest& request, Date today);
  Timeline Events(const audit::Actor& actor, int64_t id);
  // The signed-in student's mobilities with their steps, newest first; none without a record.
  nlohmann::json Mine(int64_t user_id);

 private:
  store::Database& database_;
};

// Within the caller's transaction: the new mobility and its first step ("nominate").
Mobility CreateMobility(store::Connection& c, const audit::Actor& actor, Mobility mobility);

void RegisterMobilityRoutes(http::Router& router, store::Database& database);
void RegisterMobilityPersonalData();

}  // namespace weltcampus::mobility
