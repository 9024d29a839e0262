#include "partners/trends.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "core/academic_year.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_schema.h"
#include "core/paging.h"
#include "http/responses.h"
#include "partners/permissions.h"
#include "partners/repository.h"

namespace weltcampus::partners {

namespace {

using http::Request;
using http::Response;

// One statement, so that every figure comes from the same state of the register. `counting` is
// the counting agreements with their partnership's country, read once (MATERIALIZED: SQLite 3.35
// and PostgreSQL 12 on) in the table's order: nine in ten agreements count, and the status index
// (which COALESCE keeps the planner from) would fetch each row on its own. `spans` is each
// partnership's first and last counting year, `type_spans` the same per agreement type. Each part
// of the UNION answers (measure, year, key, n): the key is a country (for the regions) or an
// agreement type; the active ones count distinct partnerships, since agreements may overlap.
constexpr const char* kTrendsSql =
    "WITH RECURSIVE years(y) AS (SELECT CAST(:from AS INTEGER)"
    " UNION ALL SELECT y + 1 FROM years WHERE y < CAST(:to AS INTEGER)),"
    " counting AS MATERIALIZED (SELECT a.partnership_id AS partnership_id, a.type AS type,"
    " a.first_academic_year AS first_year, a.last_academic_year AS last_year,"
    " p.partner_country AS country FROM agreements a JOIN partnerships p ON p.id = a.partnership_id"
    " WHERE COALESCE(a.status, '') IN (:status0, :status1, :status2)),"
    " spans AS (SELECT partnership_id, country, MIN(first_year) AS first_year,"
    " MAX(last_year) AS last_year FROM counting GROUP BY partnership_id, country),"
    " type_spans AS (SELECT partnership_id, type, MIN(first_year) AS first_year,"
    " MAX(last_year) AS last_year FROM counting GROUP BY partnership_id, type)"
    " SELECT 'active' AS measure, y AS year, country AS item, COUNT(DISTINCT partnership_id) AS n"
    " FROM years JOIN counting ON first_year <= y AND last_year >= y GROUP BY y, country"
    " UNION ALL SELECT 'active_type', y, type, COUNT(DISTINCT partnership_id)"
    " FROM years JOIN counting ON first_year <= y AND last_year >= y GROUP BY y, type"
    " UNION ALL SELECT 'new', first_year, country, COUNT(*) FROM spans"
    " WHERE first_year BETWEEN :from AND :to GROUP BY first_year, country"
    " UNION ALL SELECT 'ended', last_year + 1, country, COUNT(*) FROM spans"
    " WHERE last_year BETWEEN :from - 1 AND :to - 1 GROUP BY last_year, country"
    " UNION ALL SELECT 'new_type', first_year, type, COUNT(*) FROM type_spans"
    " WHERE first_year BETWEEN :from AND :to GROUP BY first_year, type"
    " UNION ALL SELECT 'ended_type', last_year + 1, type, COUNT(*) FROM type_spans"
    " WHERE last_year BETWEEN :from - 1 AND :to - 1 GROUP BY last_year, type";

int64_t& CountOf(TrendCounts& counts, std::string_view measure) {
  if (measure.starts_with("active")) {
    return counts.active;
  }
  if (measure.starts_with("new")) {
    return counts.new_partnerships;
  }
  return counts.ended;
}

template <typename E, std::size_t N>
std::size_t PositionIn(const EnumTable<E, N>& table, E value) {
  const auto values = table.values();
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) {
      return i;
    }
  }
  throw std::logic_error("value outside its table");
}

nlohmann::json TrendCountsJson(const TrendCounts& counts) {
  return {{"active", counts.active}, {"new", counts.new_partnerships}, {"ended", counts.ended}};
}

nlohmann::json YearText(int first_calendar_year) {
  return AcademicYear(first_calendar_year).ToString();
}

int TrendYearQuery(const Request& request, const std::string& name, int otherwise) {
  const auto text = QueryText(request.query, name, 9);
  if (!text) {
    return otherwise;
  }
  const auto year = AcademicYear::Parse(*text);
  if (!year) {  // AcademicYear::Parse takes 1950/1951 .. 2200/2201
    throw ValidationError(name, "Must be an academic year such as 2027/2028");
  }
  return year->first_calendar_year();
}

// The answers in memory, per range, while the partner map's version stays (repository::MapVersion:
// counted by every write of a partnership, a partner's institution or an agreement, through any
// server of the database): the dean's home then costs one small read, not the grouped statement
// over every agreement (about half a second at 44,000 agreements on SQLite).
class TrendsCache {
 public:
  std::optional<std::string> Find(const repository::MapVersion& version, int from, int to) {
    std::lock_guard lock(mutex_);
    if (version.version != version_ || version.database_id != database_id_) {
      return std::nullopt;
    }
    const auto found = answers_.find({from, to});
    if (found == answers_.end()) {
      return std::nullopt;
    }
    return found->second;
  }

  void Keep(const repository::MapVersion& version, int from, int to, std::string answer) {
    std::lock_guard lock(mutex_);
    if (version.version != version_ || version.database_id != database_id_) {
      if (version.database_id == database_id_ && version.version < version_) {
        return;  // read before a newer answer was kept
      }
      answers_.clear();
      version_ = version.version;
      database_id_ = version.database_id;
    }
    if (answers_.size() >= kMaxEntries) {
      answers_.clear();
    }
    answers_[{from, to}] = std::move(answer);
  }

 private:
  static constexpr std::size_t kMaxEntries = 32;
  std::mutex mutex_;
  int64_t version_ = -1;
  std::string database_id_;
  std::map<std::pair<int, int>, std::string> answers_;
};

}  // namespace

PartnershipTrends LoadPartnershipTrends(store::Connection& c, int from, int to) {
  if (to < from || to - from >= kMaxTrendYears) {
    throw std::invalid_argument("a range of trend years out of bounds");
  }
  PartnershipTrends trends;
  trends.from = from;
  trends.to = to;
  for (int year = from; year <= to; ++year) {
    TrendYear entry;
    entry.academic_year = year;
    trends.years.push_back(entry);
  }
  store::Params params;
  params.Set("from", from).Set("to", to);
  static_assert(kCountedStatuses.size() == 3, "the statement names three statuses");
  for (std::size_t i = 0; i < kCountedStatuses.size(); ++i) {
    params.Set("status" + std::to_string(i), kAgreementStatusTable.Name(kCountedStatuses[i]));
  }
  for (const auto& row : c.Query(kTrendsSql, params)) {
    const int year = static_cast<int>(row.Int("year"));
    if (year < from || year > to) {
      continue;  // the recursive years never leave the range; spans are filtered to it
    }
    TrendYear& entry = trends.years[static_cast<std::size_t>(year - from)];
    const std::string measure = row.Text("measure");
    const std::string item = row.Text("item");
    const int64_t n = row.Int("n");
    if (measure.ends_with("_type")) {
      CountOf(entry.by_type[PositionIn(kAgreementTypeTable, kAgreementTypeTable.FromStored(item))],
              measure) += n;
      continue;
    }
    const auto region = RegionOfCountry(item);
    if (!region) {
      throw std::runtime_error("a partnership's country '" + item + "' has no world region");
    }
    CountOf(entry.by_region[PositionIn(kWorldRegionTable, *region)], measure) += n;
    CountOf(entry.total, measure) += n;
  }
  return trends;
}

nlohmann::json ToJson(const PartnershipTrends& trends) {
  nlohmann::json years = nlohmann::json::array();
  for (const auto& year : trends.years) {
    nlohmann::json regions = nlohmann::json::object();
    for (std::size_t i = 0; i < year.by_region.size(); ++i) {
      regions[std::string(kWorldRegionTable.names()[i])] = TrendCountsJson(year.by_region[i]);
    }
    nlohmann::json types = nlohmann::json::object();
    for (std::size_t i = 0; i < year.by_type.size(); ++i) {
      types[std::string(kAgreementTypeTable.names()[i])] = TrendCountsJson(year.by_type[i]);
    }
    nlohmann::json entry = TrendCountsJson(year.total);
    entry["academic_year"] = YearText(year.academic_year);
    entry["by_region"] = std::move(regions);
    entry["by_type"] = std::move(types);
    years.push_back(std::move(entry));
  }
  nlohmann::json statuses = nlohmann::json::array();
  for (auto status : kCountedStatuses) {
    statuses.push_back(kAgreementStatusTable.Name(status));
  }
  return {{"from", YearText(trends.from)},
          {"to", YearText(trends.to)},
          {"counted_statuses", std::move(statuses)},
          {"years", std::move(years)}};
}

NamedSchema PartnershipTrendsSchema() {
  using json_schema::ArrayOf;
  using json_schema::Closed;
  using json_schema::Count;
  const nlohmann::json year_text = {{"type", "string"}, {"pattern", "^[0-9]{4}/[0-9]{4}$"}};
  const nlohmann::json counts = Closed({{"active", Count()}, {"new", Count()}, {"ended", Count()}});
  nlohmann::json regions = nlohmann::json::object();
  for (auto name : kWorldRegionTable.names()) {
    regions[std::string(name)] = counts;
  }
  nlohmann::json types = nlohmann::json::object();
  for (auto name : kAgreementTypeTable.names()) {
    types[std::string(name)] = counts;
  }
  nlohmann::json year = Closed({{"academic_year", year_text},
                                {"active", Count()},
                                {"new", Count()},
                                {"ended", Count()},
                                {"by_region", Closed(regions)},
                                {"by_type", Closed(types)}});
  nlohmann::json schema =
      Closed({{"from", year_text},
              {"to", year_text},
              {"counted_statuses", ArrayOf({{"enum", kAgreementStatusTable.Json()}})},
              {"years", ArrayOf(std::move(year))}});
  schema["description"] =
      "Partnerships per academic year, from..to. Counted are agreements that are or were in force "
      "(counted_statuses: signed, active, expired); drafts, negotiations and terminated agreements "
      "never count. For a year Y, active: partnerships with a counted agreement covering Y (first "
      "academic year <= Y <= last); new: those whose first counted agreement begins in Y; ended: "
      "those whose last counted agreement's last year was Y - 1, with none later. A gap between "
      "two agreements makes a partnership inactive in the gap, not ended and new again. by_region: "
      "the partner institution's world region (UN M49 from its country: europe, asia, africa, "
      "northern_america, latin_america_caribbean, oceania, antarctica), adding up to the totals. "
      "by_type: the same counts over each agreement type's agreements alone; a partnership with "
      "two types counts in both. Years after the current one count what is known today.";
  return {"PartnershipTrends", std::move(schema)};
}

void RegisterTrendsRoutes(http::Router& router, store::Database& database) {
  auto cache = std::make_shared<TrendsCache>();
  router
      .Add("GET", "/api/v1/partnerships/trends", kReadIndicators,
           "Partnerships per academic year: active, new and ended, by world region and agreement "
           "type",
           [&database, cache](const Request& request) {
             const int current = AcademicYear::Containing(Date::TodayUtc()).first_calendar_year();
             const int to = TrendYearQuery(request, "to", current);
             const int from = TrendYearQuery(request, "from", to - (kDefaultTrendYears - 1));
             if (from > to) {
               throw ValidationError("from", "Must not be after to");
             }
             if (to - from >= kMaxTrendYears) {
               throw ValidationError(
                   "to", "At most " + std::to_string(kMaxTrendYears) + " academic years at once");
             }
             // The version first: the figures read after it are at least as new.
             std::string body = database.Read([&](store::Connection& c) {
               const auto version = repository::ReadMapVersion(c);
               if (auto kept = cache->Find(version, from, to)) {
                 return std::move(*kept);
               }
               std::string answer = ToJson(LoadPartnershipTrends(c, from, to)).dump();
               cache->Keep(version, from, to, answer);
               return answer;
             });
             return Response::JsonText(200, std::move(body));
           })
      .Query("from", {{"type", "string"},
                      {"pattern", "^[0-9]{4}/[0-9]{4}$"},
                      {"description", "first academic year; default: 9 years before to"}})
      .Query("to", {{"type", "string"},
                    {"pattern", "^[0-9]{4}/[0-9]{4}$"},
                    {"description",
                     "last academic year; default: the current one; at most 30 "
                     "years from..to"}})
      .Returns(200, PartnershipTrendsSchema());
}

}  // namespace weltcampus::partners
