#include "exchange/calls.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/codes.h"
#include "organisation/repository.h"

namespace weltcampus::exchange {

StayPeriod StayPeriodOf(int academic_year, OfferTerm term) {
  const std::string year = std::to_string(academic_year);
  const std::string next = std::to_string(academic_year + 1);
  switch (term) {
    case OfferTerm::kWinter:
      return {year + "-10-01", next + "-03-31"};
    case OfferTerm::kSummer:
      return {next + "-04-01", next + "-09-30"};
    case OfferTerm::kFullYear:
      break;
  }
  return {year + "-10-01", next + "-09-30"};
}

namespace {

bool IsCriterionCode(std::string_view code) {
  if (code.empty() || code.size() > 40 || code[0] < 'a' || code[0] > 'z') {
    return false;
  }
  return std::all_of(code.begin(), code.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

const RecordSchema<CallCriterion>& CallCriterionSchema() {
  static const auto schema =
      RecordSchema<CallCriterion>("CallCriterion")
          .Text("code", &CallCriterion::code, 40)
          .Check(IsCriterionCode,
                 "Must be a short code of small letters, digits and _, beginning with a letter")
          .Schema({{"pattern", "^[a-z][a-z0-9_]*$"}})
          .Text("name", &CallCriterion::name, 200)
          .Text("name_de", &CallCriterion::name_de, 200)
          .Int("weight", &CallCriterion::weight, 1, 100)
          .Int("points_max", &CallCriterion::points_max, 1, 100, 10);
  return schema;
}

}  // namespace

int64_t WeightOfMainCriteria(const Call& call) {
  int64_t rest = 100;
  for (const auto& criterion : call.criteria) {
    rest -= criterion.weight;
  }
  return rest;
}

const RecordSchema<Call>& CallSchema() {
  static const auto schema =
      RecordSchema<Call>("Call")
          .Key(&Call::id, &Call::version)
          .AcademicYearField("academic_year", &Call::academic_year)
          .Int("org_unit_id", &Call::org_unit_id, 1, INT64_MAX)
          .Enum("kind", &Call::kind, kCallKindTable, CallKind::kPlaces)
          .Text("title", &Call::title, 300)
          .Text("title_de", &Call::title_de, 300)
          .RequiredDate("applications_open", &Call::applications_open)
          .RequiredDate("applications_close", &Call::applications_close)
          .RequiredDate("selection_by", &Call::selection_by)
          .RequiredDate("publication_on", &Call::publication_on)
          .RequiredDate("accept_by", &Call::accept_by)
          .RequiredDate("nomination_by", &Call::nomination_by)
          .Int("max_preferences", &Call::max_preferences, 1, 10, 5)
          .Int("objection_days", &Call::objection_days, 0, 30, 7)
          .Int("weight_grade", &Call::weight_grade, 0, 100)
          .Int("weight_language", &Call::weight_language, 0, 100)
          .Int("weight_committee", &Call::weight_committee, 0, 100)
          .Int("committee_points_max", &Call::committee_points_max, 1, 100, 10)
          .List("criteria", &Call::criteria, CallCriterionSchema(), kMaxCallCriteria)
          .StoredAsText()
          .EnumList("tie_rules", &Call::tie_rules, kTieRuleTable, kTieRuleTable.names().size())
          .Int("funded_months", &Call::funded_months, 1, 100000)
          .Int("lottery_seed", &Call::lottery_seed, INT64_MIN, INT64_MAX)
          .ReadOnly()
          .Timestamps(&Call::created_at, &Call::updated_at);
  return schema;
}

const RecordSchema<Offer>& OfferSchema() {
  static const auto schema =
      RecordSchema<Offer>("Offer")
          .Key(&Offer::id, &Offer::version)
          .Int("call_id", &Offer::call_id, 1, INT64_MAX)
          .ReadOnly()
          .Int("quota_id", &Offer::quota_id, 1, INT64_MAX)
          .Int("agreement_id", &Offer::agreement_id, 1, INT64_MAX)
          .Derived()
          .Int("partnership_id", &Offer::partnership_id, 1, INT64_MAX)
          .Derived()
          .Text("partner_name", &Offer::partner_name, 500)
          .Derived()
          .Enum("term", &Offer::term, kOfferTermTable)
          .Int("places", &Offer::places, 1, 1000)
          .Int("extra_places", &Offer::extra_places, 0, 1000, 0)
          .Number("months_per_place", &Offer::months_per_place, 0.5, 12)
          .IntList("eqf_levels", &Offer::eqf_levels, 5, 8, 4)
          .StoredAsText()
          .Text("isced_code", &Offer::isced_code, 4)
          .Check(IsIscedCodeShape, "Must be an ISCED-F 2013 code of two to four digits")
          .Schema({{"pattern", "^[0-9]{2,4}$"}})
          .Text("language", &Offer::language, 2)
          .Check(IsValidLanguageCode, "Must be an ISO 639-1 language code such as en")
          .Schema({{"pattern", "^[a-z]{2}$"}})
          .Enum("cefr_level", &Offer::cefr_level, kCefrLevelTable)
          .Bool("requires_first_state_exam", &Offer::requires_first_state_exam, false)
          .Int("weight_grade", &Offer::weight_grade, 0, 100)
          .Int("weight_language", &Offer::weight_language, 0, 100)
          .Int("weight_committee", &Offer::weight_committee, 0, 100)
          .Timestamps(&Offer::created_at, &Offer::updated_at);
  return schema;
}

const store::RecordTable<Call>& CallTable() {
  // Sorted by title in the reader's language (the German title, else the English one).
  static const store::RecordTable<Call> table(
      "calls", "Call", CallSchema(), {},
      {{"title_key_en", "title"}, {"title_key_de", "title_de", "title"}});
  return table;
}

const store::RecordTable<Offer>& OfferTable() {
  static const store::RecordTable<Offer> table("call_offers", "Offer", OfferSchema(), "call_id",
                                               {{"partner_name_key", "partner_name"}});
  return table;
}

void WriteJson(const Call& call, JsonWriter& out) { CallSchema().Write(call, out); }
void WriteJson(const Offer& offer, JsonWriter& out) { OfferSchema().Write(offer, out); }
nlohmann::json ToJson(const Call& call) { return CallSchema().Write(call); }
nlohmann::json ToJson(const Offer& offer) { return OfferSchema().Write(offer); }

std::optional<Call> FindCall(store::Connection& c, int64_t id) { return CallTable().Find(c, id); }

std::vector<Offer> OffersOfCall(store::Connection& c, int64_t call_id) {
  store::Filter where;
  where.Equal("call_id", std::optional<int64_t>(call_id));
  return OfferTable().All(c, where, "partner_name_key, id");
}

std::optional<Offer> FindOffer(store::Connection& c, int64_t id) {
  return OfferTable().Find(c, id);
}

void CheckCall(store::Connection& c, const Call& call) {
  const std::array<std::pair<const char*, const std::string*>, 6> timeline = {{
      {"applications_open", &call.applications_open},
      {"applications_close", &call.applications_close},
      {"selection_by", &call.selection_by},
      {"publication_on", &call.publication_on},
      {"accept_by", &call.accept_by},
      {"nomination_by", &call.nomination_by},
  }};
  for (size_t i = 1; i < timeline.size(); ++i) {
    if (*timeline[i].second < *timeline[i - 1].second) {
      throw ValidationError(timeline[i].first, std::string("Must not be before ") +
                                                   timeline[i - 1].first + " (" +
                                                   *timeline[i - 1].second + ")");
    }
  }
  for (size_t i = 0; i < call.criteria.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (call.criteria[j].code == call.criteria[i].code) {
        throw ValidationError(
            "criteria[" + std::to_string(i) + "].code",
            "Another criterion of this call has the code " + call.criteria[i].code);
      }
    }
  }
  const int64_t main = call.weight_grade + call.weight_language + call.weight_committee;
  if (main != WeightOfMainCriteria(call)) {
    throw ValidationError(
        "weight_grade",
        call.criteria.empty()
            ? "The weights of grade, language and committee points must sum to 100, not " +
                  std::to_string(main)
            : "The weights of grade, language, committee points and the optional criteria must "
              "sum to 100, not " +
                  std::to_string(main + 100 - WeightOfMainCriteria(call)));
  }
  if (call.kind == CallKind::kFunding && !call.funded_months) {
    throw ValidationError("funded_months", "A funding call needs its budget of funded months");
  }
  if (call.kind == CallKind::kPlaces && call.funded_months) {
    throw ValidationError("funded_months", "Only a funding call has a budget of funded months");
  }
  if (!organisation::repository::FindOrgUnit(c, call.org_unit_id)) {
    throw ValidationError("org_unit_id", "No organisational unit with this id");
  }
  if (call.id != 0) {
    CheckCallAgainstOffers(c, call);
  }
}

nlohmann::json CallEnumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kCallKindTable.api_name())] = kCallKindTable.Json();
  values[std::string(kOfferTermTable.api_name())] = kOfferTermTable.Json();
  values[std::string(kTieRuleTable.api_name())] = kTieRuleTable.Json();
  return {{"enumerations", values}};
}

}  // namespace weltcampus::exchange
