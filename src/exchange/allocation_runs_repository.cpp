#include <string_view>

#include "auth/repository.h"
#include "core/error.h"
#include "exchange/allocation_runs.h"
#include "exchange/application_scope.h"
#include "store/versioned.h"

// The SQL of allocation runs and their results (exchange's own tables).
namespace weltcampus::exchange::runs {

namespace {

constexpr std::string_view kRunColumns =
    "SELECT id, call_id, round, status, seed, applicants, placed, offers, places, created_by, "
    "created_at, signed_off_by, signed_off_at, published_at, accept_by, budget_days, "
    "days_granted, version "
    "FROM allocation_runs";

std::string NameOf(store::Connection& c, const std::optional<int64_t>& user_id) {
  if (!user_id) {
    return "System";
  }
  const auto user = auth::repository::FindUser(c, *user_id);
  return user ? user->display_name : "User " + std::to_string(*user_id);
}

AllocationRun RunFromRow(store::Connection& c, const store::Row& row) {
  AllocationRun run;
  run.id = row.Int("id");
  run.call_id = row.Int("call_id");
  run.round = row.Int("round");
  run.status = kRunStatusTable.FromStored(row.Text("status"));
  run.seed = std::stoull(row.Text("seed"));
  run.applicants = row.Int("applicants");
  run.placed = row.Int("placed");
  run.offers = row.Int("offers");
  run.places = row.Int("places");
  run.created_by = row.OptionalInt("created_by");
  run.created_by_name = NameOf(c, run.created_by);
  run.created_at = row.Text("created_at");
  run.signed_off_by = row.OptionalInt("signed_off_by");
  if (run.signed_off_by) {
    run.signed_off_by_name = NameOf(c, run.signed_off_by);
  }
  run.signed_off_at = row.OptionalText("signed_off_at");
  run.published_at = row.OptionalText("published_at");
  run.accept_by = row.OptionalText("accept_by");
  run.budget_days = row.OptionalInt("budget_days");
  run.days_granted = row.OptionalInt("days_granted");
  run.version = row.Int("version");
  return run;
}

constexpr std::string_view kResultFrom =
    " FROM allocation_results r JOIN applications a ON a.id = r.application_id "
    "JOIN students s ON s.id = a.student_id LEFT JOIN call_offers o ON o.id = r.offer_id";
constexpr std::string_view kResultColumns =
    "SELECT r.id, r.run_id, r.application_id, r.offer_id, r.preference_rank, r.score, "
    "r.explanation, r.response, r.responded_at, r.days_granted, s.matriculation_number, "
    "s.family_name, "
    "s.given_name, s.programme_id, o.partner_name, o.term";

RunResult ResultFromRow(const store::Row& row) {
  RunResult r;
  r.id = row.Int("id");
  r.run_id = row.Int("run_id");
  r.application_id = row.Int("application_id");
  r.offer_id = row.OptionalInt("offer_id");
  r.preference_rank = row.OptionalInt("preference_rank");
  r.score = row.Real("score");
  r.explanation = row.Text("explanation");
  r.days_granted = row.OptionalInt("days_granted");
  if (const auto response = row.OptionalText("response")) {
    r.response = kPlaceResponseTable.FromStored(*response);
  }
  r.responded_at = row.OptionalText("responded_at");
  r.matriculation_number = row.Text("matriculation_number");
  r.family_name = row.Text("family_name");
  r.given_name = row.Text("given_name");
  r.programme_id = row.Int("programme_id");
  r.partner_name = row.OptionalText("partner_name").value_or("");
  if (const auto term = row.OptionalText("term")) {
    r.term = kOfferTermTable.FromStored(*term);
  }
  return r;
}

}  // namespace

std::optional<AllocationRun> Find(store::Connection& c, int64_t id) {
  const auto row =
      c.QueryOne(std::string(kRunColumns) + " WHERE id = :id", store::Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  return RunFromRow(c, *row);
}

std::vector<AllocationRun> OfCall(store::Connection& c, int64_t call_id) {
  std::vector<AllocationRun> list;
  for (const auto& row :
       c.Query(std::string(kRunColumns) + " WHERE call_id = :call ORDER BY id DESC",
               store::Params().Set("call", call_id))) {
    list.push_back(RunFromRow(c, row));
  }
  return list;
}

std::string Input(store::Connection& c, int64_t run_id) {
  const auto row = c.QueryOne("SELECT input FROM allocation_runs WHERE id = :id",
                              store::Params().Set("id", run_id));
  if (!row) {
    throw NotFoundError("Allocation run");
  }
  return row->Text("input");
}

void Insert(store::Connection& c, AllocationRun& run, const std::string& input,
            const std::vector<RunResult>& results) {
  run.id = c.Insert(
      "INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, placed, "
      "offers, places, created_by, created_at, budget_days, days_granted, version) VALUES (:call, "
      ":round, :status, :seed, :input, :applicants, :placed, :offers, :places, :by, :at, "
      ":budget_days, :days_granted, 1)",
      store::Params()
          .Set("call", run.call_id)
          .Set("round", run.round)
          .Set("status", kRunStatusTable.Name(run.status))
          .Set("seed", std::to_string(run.seed))
          .Set("input", input)
          .Set("applicants", run.applicants)
          .Set("placed", run.placed)
          .Set("offers", run.offers)
          .Set("places", run.places)
          .Set("by", run.created_by)
          .Set("at", run.created_at)
          .Set("budget_days", run.budget_days)
          .Set("days_granted", run.days_granted));
  std::vector<store::Params> rows;
  for (const auto& result : results) {
    rows.push_back(store::Params()
                       .Set("run_id", run.id)
                       .Set("application_id", result.application_id)
                       .Set("offer_id", result.offer_id)
                       .Set("preference_rank", result.preference_rank)
                       .Set("score", result.score)
                       .Set("days_granted", result.days_granted)
                       .Set("explanation", result.explanation));
  }
  if (!rows.empty()) {
    c.InsertRows("allocation_results", rows);
  }
}

std::vector<int64_t> Supersede(store::Connection& c, int64_t call_id, int64_t round) {
  const auto params = store::Params()
                          .Set("call", call_id)
                          .Set("round", round)
                          .Set("published", kRunStatusTable.Name(RunStatus::kPublished))
                          .Set("superseded", kRunStatusTable.Name(RunStatus::kSuperseded));
  std::vector<int64_t> ids;
  for (const auto& row : c.Query("SELECT id FROM allocation_runs WHERE call_id = :call AND "
                                 "round = :round AND status <> :published AND status <> "
                                 ":superseded ORDER BY id",
                                 params)) {
    ids.push_back(row.Int("id"));
  }
  c.Exec(
      "UPDATE allocation_runs SET status = :superseded, version = version + 1 WHERE call_id = "
      ":call AND round = :round AND status <> :published AND status <> :superseded",
      params);
  return ids;
}

void Update(store::Connection& c, const AllocationRun& run) {
  store::RequireChanged(
      c.Exec("UPDATE allocation_runs SET status = :status, signed_off_by = :signed_by, "
             "signed_off_at = :signed_at, published_at = :published, accept_by = :accept_by, "
             "version = version + 1 WHERE id = :id AND version = :version",
             store::Params()
                 .Set("status", kRunStatusTable.Name(run.status))
                 .Set("signed_by", run.signed_off_by)
                 .Set("signed_at", run.signed_off_at)
                 .Set("published", run.published_at)
                 .Set("accept_by", run.accept_by)
                 .Set("id", run.id)
                 .Set("version", run.version)),
      c, "allocation_runs", run.id, "Allocation run");
}

const store::SortTable& ResultSorts() {
  static const store::SortTable sorts(
      "r.id", {{"score", "r.score DESC $"}, {"name", "s.family_name_key $, s.given_name_key $"}});
  return sorts;
}

store::Page<RunResult> Results(store::Connection& c, const ResultFilter& filter,
                               const PageRequest& page) {
  store::Filter where;
  where.Add("r.run_id = :run", "run", std::optional<int64_t>(filter.run_id));
  if (filter.placed) {
    // Placed: a place, or funded days (a funding call).
    where.Add(*filter.placed ? "(r.offer_id IS NOT NULL OR r.days_granted > 0)"
                             : "(r.offer_id IS NULL AND COALESCE(r.days_granted, 0) = 0)");
  }
  where.Add("r.offer_id = :offer", "offer", filter.offer_id);
  RestrictToScope(where, filter.programmes, "s.programme_id");
  const store::ListSql sql{std::string(kResultColumns) + std::string(kResultFrom),
                           std::string(kResultFrom)};
  return store::ListPage(c, sql, where, ResultSorts(), page, ResultFromRow);
}

std::vector<RunResult> AllResults(store::Connection& c, int64_t run_id) {
  std::vector<RunResult> list;
  for (const auto& row : c.Query(std::string(kResultColumns) + std::string(kResultFrom) +
                                     " WHERE r.run_id = :run ORDER BY r.application_id",
                                 store::Params().Set("run", run_id))) {
    list.push_back(ResultFromRow(row));
  }
  return list;
}

std::optional<RunResult> PublishedResultOf(store::Connection& c, int64_t application_id) {
  const auto row = c.QueryOne(
      std::string(kResultColumns) + std::string(kResultFrom) +
          " JOIN allocation_runs ru ON ru.id = r.run_id WHERE r.application_id = :application "
          "AND ru.status = :published ORDER BY ru.id DESC LIMIT 1",
      store::Params()
          .Set("application", application_id)
          .Set("published", kRunStatusTable.Name(RunStatus::kPublished)));
  if (!row) {
    return std::nullopt;
  }
  return ResultFromRow(*row);
}

void SetResponse(store::Connection& c, int64_t result_id, PlaceResponse response,
                 const std::string& at) {
  c.Exec("UPDATE allocation_results SET response = :response, responded_at = :at WHERE id = :id",
         store::Params()
             .Set("response", kPlaceResponseTable.Name(response))
             .Set("at", at)
             .Set("id", result_id));
}

std::vector<PublishedPlace> PublishedOfCall(store::Connection& c, int64_t call_id) {
  std::vector<PublishedPlace> list;
  for (const auto& row : c.Query(
           "SELECT ru.round, ru.accept_by, r.application_id, r.offer_id, r.days_granted, "
           "r.response "
           "FROM allocation_results r JOIN allocation_runs ru ON ru.id = r.run_id "
           "WHERE ru.call_id = :call AND ru.status = :published ORDER BY ru.id, r.application_id",
           store::Params()
               .Set("call", call_id)
               .Set("published", kRunStatusTable.Name(RunStatus::kPublished)))) {
    PublishedPlace place;
    place.round = row.Int("round");
    place.accept_by = row.OptionalText("accept_by");
    place.application_id = row.Int("application_id");
    place.offer_id = row.OptionalInt("offer_id");
    place.days_granted = row.OptionalInt("days_granted").value_or(0);
    if (const auto response = row.OptionalText("response")) {
      place.response = kPlaceResponseTable.FromStored(*response);
    }
    list.push_back(place);
  }
  return list;
}

int64_t CountApplications(store::Connection& c, int64_t call_id, std::string_view status) {
  return c.Count(
      "SELECT COUNT(*) AS n FROM applications WHERE call_id = :call AND status = :status",
      store::Params().Set("call", call_id).Set("status", status));
}

}  // namespace weltcampus::exchange::runs
