// Imports from the browser (issue 7, part 9): POST /api/v1/imports/{kind} queues a job; the job's
// progress, cancellation and report are under /api/v1/jobs. Files are made here per test (unique
// Erasmus codes), so the demo's register is only added to, never disturbed.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kEcheHeader =
    "Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,Website Url,"
    "Erasmus Eche Start,Erasmus Eche End\n";

std::string EcheRow(const std::string& code, const std::string& name, const std::string& country) {
  return "1," + code + ",," + ",\"" + name + "\",Street 1,1000,Town," + country + ",," +
         "2021-01-01,2029-12-31\n";
}

struct EcheFile {
  std::string csv;
  std::vector<std::string> codes;  // of the valid rows
};

// `good` valid rows; line 3 has a broken Erasmus code and line 5 an unknown country.
EcheFile MakeEcheFile(int good) {
  EcheFile file;
  file.csv = kEcheHeader;
  int line = 1;
  for (int i = 0; i < good; ++i) {
    ++line;
    if (line == 3) {
      file.csv += EcheRow("F  PARIS 063", "Broken Code School", "FR");
      ++line;
    }
    if (line == 5) {
      file.csv += EcheRow("F  " + UniqueLetters(6) + "01", "Nowhere School", "XX");
      ++line;
    }
    const std::string code = "F  " + UniqueLetters(6) + "01";
    file.codes.push_back(code);
    file.csv += EcheRow(code, Unique("Ecole test"), "FR");
  }
  return file;
}

Response PostImport(ApiClient& client, const std::string& kind, const std::string& body,
                    bool dry_run, const std::map<std::string, std::string>& extra = {},
                    const std::string& content_type = "text/csv") {
  std::map<std::string, std::string> query = {{"dry_run", dry_run ? "true" : "false"},
                                              {"file_name", "test.csv"}};
  for (const auto& [name, value] : extra) {
    query[name] = value;
  }
  return client.PostRaw(Query("/api/v1/imports/" + kind, query), body, content_type);
}

void RunEcheImport(const std::string& body, bool dry_run, Json* job) {
  const Response queued = PostImport(Api(), "eche", body, dry_run);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  EXPECT_EQ(Str(queued.json, "status"), "queued");
  EXPECT_EQ(queued.Header("Location"), "/api/v1/jobs/" + std::to_string(IdOf(queued.json)));
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), job));
}

TEST(Imports, DryRunReportsBrokenRowsWithLineAndReasonAndWritesNothing) {
  const auto file = MakeEcheFile(4);
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  Json job;
  ASSERT_NO_FATAL_FAILURE(RunEcheImport(file.csv, true, &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  const Json& result = job["result"];
  EXPECT_EQ(result["dry_run"], true);
  EXPECT_EQ(result["added"], 4);
  EXPECT_EQ(result["rejected"], 2);
  ASSERT_EQ(result["rejected_rows"].size(), 2u);
  EXPECT_EQ(result["rejected_rows"][0]["line"], 3);
  EXPECT_NE(Str(result["rejected_rows"][0], "reason").find("Erasmus code"), std::string::npos);
  EXPECT_EQ(result["rejected_rows"][1]["line"], 5);
  EXPECT_NE(Str(result["rejected_rows"][1], "reason").find("country"), std::string::npos);
  ASSERT_EQ(result["added_rows"].size(), 4u);
  EXPECT_EQ(Str(result["added_rows"][0], "key"), file.codes[0]);
  EXPECT_EQ(job["progress"]["done"], job["progress"]["total"]);
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(after, before);
  EXPECT_EQ(InstitutionsWithCode(file.codes[0]), 0);

  // The report to download: every row with its outcome.
  ASSERT_EQ(job["has_report"], true);
  const Response report = Api().Get(Str(job, "report_url"));
  ASSERT_EQ(report.status, 200) << report;
  EXPECT_NE(report.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(report.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(report.body.find("3,rejected,,,"), std::string::npos) << report.body;
  EXPECT_NE(report.body.find(",added," + file.codes[1]), std::string::npos) << report.body;
}

TEST(Imports, ApplyAddsRowsWithOneAuditEntryAndARerunAddsNoDuplicates) {
  const auto file = MakeEcheFile(3);
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  Json job;
  ASSERT_NO_FATAL_FAILURE(RunEcheImport(file.csv, false, &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["dry_run"], false);
  EXPECT_EQ(job["result"]["added"], 3);
  EXPECT_EQ(job["result"]["rejected"], 2);
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(after, before + 3);
  for (const auto& code : file.codes) {
    EXPECT_EQ(InstitutionsWithCode(code), 1) << code;
  }
  const Response audit =
      Api().Get(Query("/api/v1/audit", {{"action", "import"}, {"entity_type", "reference_data"}}));
  ASSERT_TRUE(IsJson(audit, 200)) << audit;
  ASSERT_GE(audit.json["items"].size(), 1u);
  const Json& entry = audit.json["items"][0];
  EXPECT_EQ(entry["after"]["added"], 3) << entry.dump();
  EXPECT_EQ(entry["after"]["file"], "test.csv");
  EXPECT_EQ(entry["actor_user_id"], SignedInUserId(TestSession()));

  Json again;
  ASSERT_NO_FATAL_FAILURE(RunEcheImport(file.csv, false, &again));
  ASSERT_EQ(Str(again, "status"), "succeeded") << again.dump();
  EXPECT_EQ(again["result"]["added"], 0);
  EXPECT_EQ(again["result"]["updated"], 0);
  EXPECT_EQ(again["result"]["unchanged"], 3);
  long long after_again = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after_again));
  EXPECT_EQ(after_again, after);
}

TEST(Imports, ACancelledImportWritesNothing) {
  // Big enough to be caught while it runs: twenty thousand rows.
  std::string csv = kEcheHeader;
  std::string first_code;
  for (int i = 0; i < 20000; ++i) {
    const std::string code = "F  " + UniqueLetters(7) + "01";
    if (first_code.empty()) {
      first_code = code;
    }
    csv += EcheRow(code, "Cancelled School " + std::to_string(i), "FR");
  }
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  const Response queued = PostImport(Api(), "eche", csv, false);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  const std::string path = "/api/v1/jobs/" + std::to_string(IdOf(queued.json));
  // Cancel once it runs.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    const Response answer = Api().Get(path);
    ASSERT_TRUE(IsJson(answer, 200)) << answer;
    ASSERT_EQ(Str(answer.json, "status") == "queued" || Str(answer.json, "status") == "running",
              true)
        << "the job ended before it could be cancelled: " << answer;
    if (Str(answer.json, "status") == "running") {
      break;
    }
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const Response cancel = Api().PostRaw(path + "/cancel", "");
  ASSERT_TRUE(IsJson(cancel, 202)) << cancel;
  EXPECT_EQ(cancel.json["cancel_requested"], true);
  Json job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &job));
  EXPECT_EQ(Str(job, "status"), "cancelled") << job.dump();
  EXPECT_EQ(job["has_report"], false);
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(after, before);
  EXPECT_EQ(InstitutionsWithCode(first_code), 0);
  // An ended job cannot be cancelled again.
  EXPECT_TRUE(IsError(Api().PostRaw(path + "/cancel", ""), 409, "conflict"));
}

TEST(Imports, AQueuedJobCancelledAtOnceNeverRuns) {
  const auto file = MakeEcheFile(2);
  const Response queued = PostImport(Api(), "eche", file.csv, false);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  const std::string path = "/api/v1/jobs/" + std::to_string(IdOf(queued.json));
  const Response cancel = Api().PostRaw(path + "/cancel", "");
  // Queued (cancelled at once) or already running (stops at its next batch); or, with a very fast
  // runner, already writing its changes or finished (409). An accepted cancel wrote nothing.
  Json job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &job));
  if (cancel.status == 202) {
    EXPECT_EQ(Str(job, "status"), "cancelled") << job.dump();
    EXPECT_EQ(InstitutionsWithCode(file.codes[0]), 0);
  } else {
    EXPECT_TRUE(IsError(cancel, 409, "conflict"));
  }
}

TEST(Imports, TheColumnMapReadsOtherHeadersAndIsRememberedPerKind) {
  const std::string code = "F  " + UniqueLetters(6) + "01";
  const std::string csv =
      "Code,Pic,Oid,Name,Town,Land,Web\n" + code + ",,,Mapped School,Lyon,FR,\n";
  const Json columns = {{"erasmus_code", "Code"}, {"pic", "Pic"},   {"oid", "Oid"},
                        {"name", "Name"},         {"city", "Town"}, {"country", "Land"},
                        {"website", "Web"}};
  // Without the map the file lacks the list's columns: the job fails and says which.
  Json failed;
  const Response plain = PostImport(Api(), "eche", csv, true, {{"columns", Json::object().dump()}});
  ASSERT_TRUE(IsJson(plain, 202)) << plain;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(plain.json), &failed));
  EXPECT_EQ(Str(failed, "status"), "failed");
  EXPECT_NE(Str(failed, "message").find("Erasmus Code"), std::string::npos) << failed.dump();

  const Response queued = PostImport(Api(), "eche", csv, true, {{"columns", columns.dump()}});
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  Json job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["added"], 1);
  EXPECT_EQ(Str(job["result"]["added_rows"][0], "name"), "Mapped School");

  Json remembered;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/imports/eche/columns", &remembered));
  EXPECT_EQ(remembered["columns"], columns);
  EXPECT_EQ(remembered["remembered"], true);
  EXPECT_EQ(remembered["default_columns"]["erasmus_code"], "Erasmus Code");
  EXPECT_EQ(remembered["fields"].size(), 7u);

  // Back to the list's own headers for the other tests.
  const Response reset = PostImport(Api(), "eche", kEcheHeader, true,
                                    {{"columns", remembered["default_columns"].dump()}});
  ASSERT_TRUE(IsJson(reset, 202)) << reset;
  Json reset_job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(reset.json), &reset_job));
}

TEST(Imports, RequestsAreCheckedBeforeAnyJobIsQueued) {
  EXPECT_TRUE(IsError(PostImport(Api(), "phone-book", "a\n", true), 404, "not_found"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", "", true), 422, "validation_failed", "file"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", "a,b\n", true, {}, "application/json"), 422,
                      "validation_failed", "file"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", std::string("a,\xff\xfe\n"), true), 422,
                      "validation_failed", "file"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", "a\n", true, {{"columns", "[1]"}}), 422,
                      "validation_failed", "columns"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", "a\n", true, {{"columns", R"({"colour":"x"})"}}),
                      422, "validation_failed", "columns.colour"));
  EXPECT_TRUE(IsError(PostImport(Api(), "eche", "a\n", true, {{"dry_run", "maybe"}}), 422,
                      "validation_failed", "dry_run"));
  EXPECT_TRUE(IsError(Api().Get("/api/v1/imports/phone-book/columns"), 404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get("/api/v1/jobs/987654321"), 404, "not_found"));
}

TEST(Imports, TheWholeEcheListFitsTheUploadLimit) {
  const std::string path =
      std::string(WELTCAMPUS_SOURCE_ROOT) + "/../shared/data/eche/eche_2026-04-08.csv";
  FILE* in = std::fopen(path.c_str(), "rb");
  ASSERT_NE(in, nullptr) << "no ECHE list at " << path;
  std::string csv;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, in)) > 0;) {
    csv.append(buffer, n);
  }
  std::fclose(in);
  // Twice the list (the second half rejected as repeated codes) is still accepted.
  const Response queued = PostImport(Api(), "eche", csv + csv.substr(csv.find('\n') + 1), true);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  Json job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["rows"], 2 * 6142);
  EXPECT_LE(job["result"]["rejected_rows"].size(), job["result"]["rows_listed"].get<size_t>());
}

TEST(Imports, StudentsMayNotImportAndSeeOnlyTheirOwnJobs) {
  const auto file = MakeEcheFile(1);
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  ApiClient as_student(student);
  EXPECT_TRUE(IsError(PostImport(as_student, "eche", file.csv, true), 403, "forbidden"));
  EXPECT_TRUE(IsError(as_student.Get("/api/v1/imports/eche/columns"), 403, "forbidden"));

  Json job;
  ASSERT_NO_FATAL_FAILURE(RunEcheImport(file.csv, true, &job));
  const std::string path = "/api/v1/jobs/" + std::to_string(IdOf(job));
  EXPECT_TRUE(IsError(as_student.Get(path), 404, "not_found"));
  EXPECT_TRUE(IsError(as_student.Get(path + "/report"), 404, "not_found"));
  EXPECT_TRUE(IsError(as_student.PostRaw(path + "/cancel", ""), 404, "not_found"));
  const Response own = as_student.Get("/api/v1/jobs");
  ASSERT_TRUE(IsJson(own, 200)) << own;
  EXPECT_EQ(own.json["total"], 0);

  // The international office sees its own jobs; the admin (the suite's user) sees this one.
  Session office;
  ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office));
  ApiClient as_office(office);
  EXPECT_TRUE(IsError(as_office.Get(path), 404, "not_found"));
  const Response mine = Api().Get("/api/v1/jobs");
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  ASSERT_GE(mine.json["items"].size(), 1u);
  EXPECT_EQ(IdOf(mine.json["items"][0]), IdOf(job));
  EXPECT_TRUE(mine.json["items"][0]["result"].is_null());
}

}  // namespace
}  // namespace weltcampus::api_test
