#include "mobility/mobility_demo.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "core/academic_year.h"
#include "exchange/allocation_runs.h"
#include "exchange/applications.h"
#include "exchange/demo_dice.h"
#include "exchange/funding.h"
#include "mobility/mobilities.h"
#include "mobility/nominations.h"
#include "partners/repository.h"

namespace weltcampus::mobility {

namespace {

using exchange::demo::Dice;
using partners::Agreement;
using partners::Quota;

// The people of the past stays: the school's former students and staff, and the partners' people.
constexpr std::array<const char*, 24> kGivenNames = {
    "Agnieszka", "Pierre", "Lucía",   "Giulia", "Sven",   "Eva",   "Tomasz", "Camille",
    "Mateo",     "Ingrid", "Oliver",  "Chloé",  "Jan",    "Marta", "Aoife",  "Daniel",
    "Sofia",     "Lars",   "Henrike", "Moritz", "Isabel", "Kenji", "Noor",   "Ruth"};
constexpr std::array<const char*, 24> kFamilyNames = {
    "Kowalczyk", "Dubois",  "García", "Rossi",    "Lindberg", "Horváth", "Wiśniewski", "Martin",
    "Fernández", "Hansen",  "Smith",  "Lefèvre",  "Dvořák",   "Costa",   "Murphy",     "Keller",
    "Ferreira",  "Nilsson", "Vogel",  "Albrecht", "Santos",   "Tanaka",  "Haddad",     "Engel"};

// Hosts outside the register where the school's students organise traineeships and clinical
// electives themselves (the funding calls' stays): name, country.
constexpr std::array<std::pair<const char*, const char*>, 8> kHosts = {{
    {"Karolinska Institutet, Department of Neuroscience", "SE"},
    {"Institut Pasteur", "FR"},
    {"Hospital Universitario La Paz", "ES"},
    {"Universitätsspital Zürich", "CH"},
    {"Groote Schuur Hospital", "ZA"},
    {"Tribhuvan University Teaching Hospital", "NP"},
    {"Rigshospitalet", "DK"},
    {"Hospital Israelita Albert Einstein", "BR"},
}};

std::string Timestamp(Date day) { return day.ToString() + "T09:00:00Z"; }

Date Day(int year, int month, int day) { return Date{year, month, day}; }

// A mobility replayed through the stay track's own rules: each step as the office takes it, on
// its day; then written with its timeline.
class Replay {
 public:
  explicit Replay(Mobility mobility) : mobility_(std::move(mobility)) {}

  void Take(StayStep step, Date day, std::optional<std::string> reason = std::nullopt,
            std::optional<Date> until = std::nullopt) {
    StayStepRequest request;
    request.step = step;
    if (RecordsDay(step)) {
      request.on = day.ToString();
    }
    request.reason = std::move(reason);
    if (until) {
      request.until = until->ToString();
    }
    Mobility after = ApplyStayStep(mobility_, request, day);
    TrackEvent event = StayEventOf(mobility_, after, step);
    event.reason = request.reason;
    event.at = Timestamp(day);
    events_.push_back(std::move(event));
    mobility_ = std::move(after);
  }

  void Write(store::Connection& c, Date created, DemoMobilities& made) {
    MobilityTable().Insert(c, mobility_);
    c.Exec("UPDATE mobilities SET created_at = :created, updated_at = :updated WHERE id = :id",
           store::Params()
               .Set("created", Timestamp(created))
               .Set("updated", events_.empty() ? Timestamp(created) : events_.back().at)
               .Set("id", mobility_.id));
    for (auto& event : events_) {
      event.mobility_id = mobility_.id;
    }
    InsertTrackEvents(c, events_);
    made.events += static_cast<int64_t>(events_.size());
  }

  Mobility& mobility() { return mobility_; }

 private:
  Mobility mobility_;
  std::vector<TrackEvent> events_;
};

struct Span {
  Date start;
  Date end;
};

// When a stay of the category in academic year `year` lies: semesters for studies, spring and
// summer months for traineeships and clinical electives (one or two months), the tertials of the
// final year (16 weeks from mid-May or mid-November), a working week for staff.
Span DrawSpan(Dice& dice, QuotaCategory category, int year) {
  switch (category) {
    case QuotaCategory::kStudentStudies: {
      const int draw = dice.Below(10);
      if (draw < 6) {
        return {Day(year, 10, 1), Day(year + 1, 3, 31)};
      }
      return draw < 9 ? Span{Day(year + 1, 4, 1), Day(year + 1, 9, 30)}
                      : Span{Day(year, 10, 1), Day(year + 1, 9, 30)};
    }
    case QuotaCategory::kStudentTraineeship: {
      const Date start = Day(year + 1, dice.Between(3, 7), 1);
      return {start, start.AddMonths(dice.Between(2, 3)).AddDays(-1)};
    }
    case QuotaCategory::kClinicalElective: {
      constexpr std::array<int, 4> kMonths = {2, 3, 8, 9};
      const Date start = Day(year + 1, kMonths[static_cast<size_t>(dice.Below(4))], 1);
      return {start, start.AddDays(dice.Percent(20) ? 59 : 29)};
    }
    case QuotaCategory::kFinalYearTertial: {
      const Date start = dice.Percent(50) ? Day(year, 11, 15) : Day(year + 1, 5, 15);
      return {start, start.AddDays(111)};
    }
    case QuotaCategory::kStaffTeaching:
    case QuotaCategory::kStaffTraining: {
      const Date start = dice.Percent(50) ? Day(year, 11, dice.Between(2, 20))
                                          : Day(year + 1, dice.Between(4, 6), dice.Between(2, 20));
      return {start, start.AddDays(4)};
    }
  }
  return {Day(year, 10, 1), Day(year + 1, 3, 31)};
}

int64_t ErasmusDaysOf(const Span& span) { return exchange::ErasmusDays(span.start, span.end); }

// The funding line an agreement gives a stay: Erasmus+ through an Erasmus agreement where the stay
// is long enough (staff weeks always), scholarships of the school's own programmes otherwise.
FundingLine DrawFunding(Dice& dice, const Agreement& agreement, QuotaCategory category,
                        const Span& span) {
  if (agreement.type == partners::AgreementType::kErasmusIia &&
      (partners::IsStaffCategory(category) || ErasmusDaysOf(span) >= kMinErasmusDays)) {
    return ErasmusLineOf(agreement.institution_country, category);
  }
  const int scholarship = agreement.type == partners::AgreementType::kClinicalElectives ? 30 : 60;
  return dice.Percent(scholarship) ? FundingLine::kOtherScholarship : FundingLine::kNone;
}

Mobility PersonAt(Dice& dice, const Agreement& agreement, const Quota& quota, int year) {
  Mobility mobility;
  mobility.direction = quota.direction;
  mobility.category = quota.category;
  mobility.given_name = kGivenNames[static_cast<size_t>(dice.Below(kGivenNames.size()))];
  mobility.family_name = kFamilyNames[static_cast<size_t>(dice.Below(kFamilyNames.size()))];
  mobility.partnership_id = agreement.partnership_id;
  mobility.agreement_id = agreement.id;
  mobility.quota_id = quota.id;
  mobility.partner_name = agreement.institution_name;
  mobility.host_country = agreement.institution_country;
  mobility.isced_code = quota.isced_code;
  if (!quota.eqf_levels.empty()) {
    mobility.eqf_level =
        quota
            .eqf_levels[static_cast<size_t>(dice.Below(static_cast<int>(quota.eqf_levels.size())))];
  }
  mobility.academic_year = year;
  return mobility;
}

void Plan(Mobility& mobility, const Span& span) {
  mobility.planned_start = span.start.ToString();
  mobility.planned_end = span.end.ToString();
  if (mobility.category == QuotaCategory::kFinalYearTertial &&
      mobility.direction == Direction::kOutgoing) {
    mobility.equivalence_decided_on = span.start.AddDays(-60).ToString();
  }
}

// A past stay, to its end: completed mostly (some extended by two months), some ended early for
// force majeure, cancelled before they began, or rejected by the partner.
void ReplayPast(Dice& dice, Replay& replay, const Span& span) {
  const int draw = dice.Below(100);
  if (draw < 3) {
    replay.Take(StayStep::kReject, span.start.AddDays(-100),
                "The partner had no room in the programme");
    return;
  }
  replay.Take(StayStep::kAccept, span.start.AddDays(-90));
  if (draw < 9) {
    replay.Take(StayStep::kCancel, span.start.AddDays(-30), "Withdrew for personal reasons");
    return;
  }
  replay.Take(StayStep::kPrepare, span.start.AddDays(-45));
  replay.Take(StayStep::kStart, span.start);
  if (draw < 12) {
    const Date middle =
        span.start.AddDays(static_cast<int>(std::max<int64_t>(1, ErasmusDaysOf(span) / 2)));
    replay.Take(StayStep::kEndEarly, middle, "Force majeure: the host suspended the programme");
    return;
  }
  Date end = span.end;
  if (draw < 16 && replay.mobility().category == QuotaCategory::kStudentStudies) {
    end = span.end.AddMonths(2);
    replay.Take(StayStep::kExtend, span.start.AddDays(60), std::nullopt, end);
  }
  replay.Take(StayStep::kComplete, end);
}

// A past stay planned for its span, replayed to its end and written, entered 120 days before it.
void WritePast(store::Connection& c, Dice& dice, Mobility mobility, const Span& span,
               DemoMobilities& made) {
  Plan(mobility, span);
  Replay replay(std::move(mobility));
  ReplayPast(dice, replay, span);
  replay.Write(c, span.start.AddDays(-120), made);
}

// The people a quota sent or received in a year: each of its places filled with a chance.
int DrawPeople(Dice& dice, const Quota& quota) {
  const int chance = quota.direction == Direction::kOutgoing ? 45 : 35;
  int people = 0;
  for (int64_t place = 0; place < quota.places_per_year; ++place) {
    people += dice.Percent(chance) ? 1 : 0;
  }
  return people;
}

bool Covers(const Agreement& agreement, int year) {
  return agreement.first_academic_year <= year && agreement.last_academic_year >= year;
}

int64_t BuildPast(store::Connection& c, Dice& dice, const std::vector<Agreement>& agreements,
                  int year, DemoMobilities& made) {
  int64_t count = 0;
  for (int past = year - 10; past < year; ++past) {
    for (const auto& agreement : agreements) {
      if (!Covers(agreement, past)) {
        continue;
      }
      for (const auto& quota : agreement.quotas) {
        for (int person = DrawPeople(dice, quota); person > 0; --person) {
          Mobility mobility = PersonAt(dice, agreement, quota, past);
          Span span = DrawSpan(dice, quota.category, past);
          const bool erasmus = agreement.type == partners::AgreementType::kErasmusIia &&
                               IsErasmusProgrammeCountry(agreement.institution_country);
          if (erasmus && quota.direction == Direction::kOutgoing &&
              quota.category == QuotaCategory::kStudentStudies && dice.Percent(6)) {
            // A blended intensive programme's week abroad, or a doctoral candidate's short stay.
            const bool doctoral = dice.Percent(35);
            span.start = Day(past + 1, doctoral ? 6 : 7, dice.Between(1, 14));
            span.end = span.start.AddDays(doctoral ? 13 : 4);
            mobility.funding_line =
                doctoral ? FundingLine::kErasmusDoctoralShort : FundingLine::kErasmusBip;
            if (doctoral) {
              mobility.eqf_level = 8;
            }
          } else {
            mobility.funding_line = DrawFunding(dice, agreement, quota.category, span);
          }
          mobility.fewer_opportunities = quota.direction == Direction::kOutgoing &&
                                         !partners::IsStaffCategory(quota.category) &&
                                         mobility.funding_line != FundingLine::kNone &&
                                         dice.Percent(15);
          WritePast(c, dice, std::move(mobility), span, made);
          ++count;
        }
      }
    }
  }
  return count;
}

// Stays the school's people organised themselves at hosts outside the register, some each past
// year: students' traineeships (Erasmus+ in the programme's countries, else a scholarship or none)
// and clinical electives, staff's training (job shadowing).
int64_t BuildSelfOrganised(store::Connection& c, Dice& dice, int year, DemoMobilities& made) {
  int64_t count = 0;
  for (int past = year - 10; past < year; ++past) {
    for (int person = dice.Between(3, 6); person > 0; --person) {
      const auto& host = kHosts[static_cast<size_t>(dice.Below(kHosts.size()))];
      Mobility mobility;
      mobility.direction = Direction::kOutgoing;
      const int kind = dice.Below(10);
      mobility.category = kind < 5   ? QuotaCategory::kStudentTraineeship
                          : kind < 8 ? QuotaCategory::kClinicalElective
                                     : QuotaCategory::kStaffTraining;
      mobility.given_name = kGivenNames[static_cast<size_t>(dice.Below(kGivenNames.size()))];
      mobility.family_name = kFamilyNames[static_cast<size_t>(dice.Below(kFamilyNames.size()))];
      mobility.host_name = host.first;
      mobility.partner_name = host.first;
      mobility.host_country = host.second;
      mobility.academic_year = past;
      Span span = DrawSpan(dice, mobility.category, past);
      if (mobility.category == QuotaCategory::kStaffTraining) {
        mobility.funding_line = IsErasmusProgrammeCountry(host.second)
                                    ? FundingLine::kErasmusKa131Staff
                                    : FundingLine::kNone;
      } else if (mobility.category == QuotaCategory::kStudentTraineeship &&
                 IsErasmusProgrammeCountry(host.second)) {
        mobility.funding_line = FundingLine::kErasmusKa131Traineeship;
        mobility.fewer_opportunities = dice.Percent(15);
      } else {
        mobility.funding_line =
            dice.Percent(50) ? FundingLine::kOtherScholarship : FundingLine::kNone;
      }
      WritePast(c, dice, std::move(mobility), span, made);
      ++count;
    }
  }
  return count;
}

// This year's accepted places of the allocation history, nominated and moved on as far as today
// allows: most stays ongoing since the semester began, one interrupted, one cancelled, one
// rejected by the partner.
int64_t NominateHistory(store::Connection& c, int64_t call_id, Date today, DemoMobilities& made) {
  const auto call = exchange::FindCall(c, call_id);
  if (!call) {
    return 0;
  }
  const Date nominated = *Date::Parse(call->nomination_by);
  int64_t count = 0;
  for (const auto& place : exchange::runs::PublishedOfCall(c, call_id)) {
    if (place.response != exchange::PlaceResponse::kAccepted || !place.offer_id) {
      continue;
    }
    const auto application = exchange::applications::Find(c, place.application_id);
    if (!application) {
      continue;
    }
    exchange::AcceptedPlace accepted;
    accepted.application_id = application->id;
    accepted.student_id = application->student_id;
    accepted.call = &*call;
    accepted.offer = exchange::FindOffer(c, *place.offer_id);
    auto mobility = NominationOf(c, accepted);
    if (!mobility) {
      continue;
    }
    DeriveMobility(c, *mobility);
    const Date start = *Date::Parse(mobility->planned_start);
    Plan(*mobility, {start, *Date::Parse(mobility->planned_end)});
    Replay replay(std::move(*mobility));
    const int64_t kind = count % 10;
    if (kind == 3) {
      replay.Take(StayStep::kReject, nominated.AddDays(20),
                  "The partner's programme is full this semester");
    } else {
      replay.Take(StayStep::kAccept, nominated.AddDays(14));
      if (kind == 7) {
        replay.Take(StayStep::kCancel, start.AddDays(-20), "Withdrew for personal reasons");
      } else if (start <= today) {
        replay.Take(StayStep::kPrepare, start.AddDays(-45));
        replay.Take(StayStep::kStart, start);
        const Date break_day = std::min(start.AddDays(30), today);
        if (kind == 5 && start < break_day) {
          replay.Take(StayStep::kInterrupt, break_day, "Personal reasons; the partner agreed");
        }
      }
    }
    replay.Write(c, nominated, made);
    ++count;
  }
  return count;
}

// A quota of this year's agreements of the direction and category, with its agreement.
std::optional<std::pair<Agreement, Quota>> QuotaOf(const std::vector<Agreement>& agreements,
                                                   int year, Direction direction,
                                                   QuotaCategory category, int skip) {
  for (const auto& agreement : agreements) {
    if (agreement.status != partners::AgreementStatus::kActive || !Covers(agreement, year)) {
      continue;
    }
    for (const auto& quota : agreement.quotas) {
      if (quota.direction == direction && quota.category == category && quota.places_per_year > 0 &&
          skip-- == 0) {
        return std::make_pair(agreement, quota);
      }
    }
  }
  return std::nullopt;
}

// This year's stays the office entered itself, one in each state the track knows, dated around
// today.
int64_t BuildCurrent(store::Connection& c, Dice& dice, const std::vector<Agreement>& agreements,
                     int year, Date today, DemoMobilities& made) {
  int64_t count = 0;
  const auto add = [&](Direction direction, QuotaCategory category, int skip, Span span,
                       const std::function<void(Replay&)>& steps) {
    const auto found = QuotaOf(agreements, year, direction, category, skip);
    if (!found) {
      return;
    }
    Mobility mobility = PersonAt(dice, found->first, found->second, year);
    mobility.funding_line = DrawFunding(dice, found->first, category, span);
    Plan(mobility, span);
    Replay replay(std::move(mobility));
    steps(replay);
    replay.Write(c, std::min(today, span.start).AddDays(-60), made);
    ++count;
  };
  const Date winter = Day(year, 10, 1);
  const Date summer = Day(year + 1, 4, 1);
  const auto ongoing = [winter](Replay& r) {
    r.Take(StayStep::kAccept, winter.AddDays(-120));
    r.Take(StayStep::kPrepare, winter.AddDays(-60));
    r.Take(StayStep::kStart, winter);
  };
  add(Direction::kIncoming, QuotaCategory::kStudentStudies, 0, {winter, Day(year + 1, 3, 31)},
      ongoing);
  add(Direction::kIncoming, QuotaCategory::kStudentStudies, 1, {winter, Day(year + 1, 9, 30)},
      ongoing);
  add(Direction::kIncoming, QuotaCategory::kStudentStudies, 2, {summer, Day(year + 1, 9, 30)},
      [](Replay&) {});
  add(Direction::kIncoming, QuotaCategory::kStudentStudies, 3, {summer, Day(year + 1, 9, 30)},
      [today](Replay& r) { r.Take(StayStep::kAccept, today.AddDays(-7)); });
  add(Direction::kOutgoing, QuotaCategory::kStaffTeaching, 0,
      {today.AddDays(-14), today.AddDays(-10)}, [today](Replay& r) {
        r.Take(StayStep::kAccept, today.AddDays(-60));
        r.Take(StayStep::kPrepare, today.AddDays(-30));
        r.Take(StayStep::kStart, today.AddDays(-14));
        r.Take(StayStep::kComplete, today.AddDays(-10));
      });
  add(Direction::kIncoming, QuotaCategory::kStaffTeaching, 0,
      {today.AddDays(-30), today.AddDays(-26)}, [today](Replay& r) {
        r.Take(StayStep::kAccept, today.AddDays(-80));
        r.Take(StayStep::kPrepare, today.AddDays(-40));
        r.Take(StayStep::kStart, today.AddDays(-30));
        r.Take(StayStep::kComplete, today.AddDays(-26));
      });
  add(Direction::kOutgoing, QuotaCategory::kStaffTeaching, 1,
      {today.AddDays(21), today.AddDays(25)},
      [today](Replay& r) { r.Take(StayStep::kAccept, today.AddDays(-5)); });
  add(Direction::kOutgoing, QuotaCategory::kFinalYearTertial, 0,
      {today.AddDays(60), today.AddDays(171)}, [today](Replay& r) {
        r.Take(StayStep::kAccept, today.AddDays(-25));
        r.Take(StayStep::kPrepare, today.AddDays(-10));
      });
  add(Direction::kOutgoing, QuotaCategory::kClinicalElective, 0,
      {Day(year + 1, 3, 1), Day(year + 1, 3, 30)}, [](Replay&) {});
  add(Direction::kOutgoing, QuotaCategory::kStudentStudies, 0,
      {today.AddDays(-50), today.AddDays(40)}, [today](Replay& r) {
        r.Take(StayStep::kAccept, today.AddDays(-120));
        r.Take(StayStep::kPrepare, today.AddDays(-80));
        r.Take(StayStep::kStart, today.AddDays(-50));
        r.Take(StayStep::kEndEarly, today.AddDays(-5),
               "Force majeure: the partner closed its campus");
      });
  return count;
}

}  // namespace

DemoMobilities BuildMobilityDemo(store::Database& database, int64_t history_call_id, unsigned seed,
                                 Date today) {
  return database.Write([&](store::Connection& c) {
    DemoMobilities made;
    Dice dice(seed + 70);
    const int year = AcademicYear::Containing(today).first_calendar_year();
    const auto agreements = partners::repository::AgreementsWhere(
        c,
        "a.status IN ('active', 'expired', 'terminated') AND a.first_academic_year <= :last AND "
        "a.last_academic_year >= :first",
        store::Params()
            .Set("first", static_cast<int64_t>(year - 10))
            .Set("last", static_cast<int64_t>(year)));
    made.past = BuildPast(c, dice, agreements, year, made);
    made.past += BuildSelfOrganised(c, dice, year, made);
    made.current = NominateHistory(c, history_call_id, today, made);
    made.current += BuildCurrent(c, dice, agreements, year, today, made);
    return made;
  });
}

}  // namespace weltcampus::mobility
