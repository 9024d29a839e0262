// Allocation runs (issue 10, item 5): the office runs a call's allocation on its checked
// applications, the committee signs the run off at the version read, the office publishes it, and
// each student (by account only) sees their result and accepts or declines the place once; the
// refused cases name their field and write nothing.
#include <string>
#include <vector>

#include "allocation_fixture.h"

namespace weltcampus::api_test {
namespace {

class AllocationRunsApi : public AllocationApiTest {};

TEST_F(AllocationRunsApi, RunSignOffPublishAndTheStudentAnswersOnce) {
  std::string call, lyon, porto, mine, other, other_student;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &lyon));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &porto));
  ASSERT_NO_FATAL_FAILURE(OtherStudent(&other_student));
  ASSERT_NO_FATAL_FAILURE(AddApplication(call, student_id_, {lyon, porto}, "checked", &mine));
  ASSERT_NO_FATAL_FAILURE(AddApplication(call, other_student, {lyon, porto}, "checked", &other));
  ApiClient office(office_);
  ApiClient coordinator(coordinator_);
  ApiClient student(student_);

  const Response started = office.Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(started, 201)) << started;
  const Json run = started.json;
  EXPECT_EQ(run["round"], 1);
  EXPECT_EQ(run["status"], "computed");
  EXPECT_EQ(run["applicants"], 2);
  EXPECT_EQ(run["placed"], 2);
  EXPECT_EQ(run["places"], 2);
  EXPECT_TRUE(run["signed_off_by"].is_null());
  const long long id = IdOf(run);

  const Response listed = coordinator.Get(Runs(call));
  ASSERT_TRUE(IsJson(listed, 200)) << listed;
  ASSERT_EQ(listed.json["items"].size(), 1u);
  EXPECT_EQ(IdOf(listed.json["items"][0]), id);
  // The runs as a file, as the list has them.
  const Response csv = coordinator.Get(Query(Runs(call), {{"format", "csv"}}));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u) << csv.Header("content-type");
  EXPECT_NE(csv.Header("content-disposition").find("allocation-runs-"), std::string::npos);
  EXPECT_NE(csv.body.find("Run ID,Round,Status,Applicants,Placed,Offers,Places,Seed,Run by"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("\n" + std::to_string(id) + ",1,computed,2,2,2,2," +
                          run["seed"].get<std::string>() + ","),
            std::string::npos)
      << csv.body;
  const Response results = Api().Get(Run(id) + "/results");
  ASSERT_TRUE(IsJson(results, 200)) << results;
  EXPECT_EQ(results.json["total"], 2);
  for (const auto& result : results.json["items"]) {
    EXPECT_FALSE(result["offer"].is_null()) << result;
    EXPECT_TRUE(result["response"].is_null()) << result;
  }
  const Response unplaced = Api().Get(Query(Run(id) + "/results", {{"placed", "false"}}));
  ASSERT_TRUE(IsJson(unplaced, 200)) << unplaced;
  EXPECT_EQ(unplaced.json["total"], 0);
  const Response at_lyon = Api().Get(Query(Run(id) + "/results", {{"offer_id", lyon}}));
  ASSERT_TRUE(IsJson(at_lyon, 200)) << at_lyon;
  EXPECT_EQ(at_lyon.json["total"], 1);

  const Response input = office.Get(Run(id) + "/input");
  ASSERT_TRUE(IsJson(input, 200)) << input;
  ASSERT_EQ(input.json["offers"].size(), 2u);
  EXPECT_EQ(input.json["offers"][0]["id"], "o" + lyon);
  ASSERT_EQ(input.json["applicants"].size(), 2u);
  EXPECT_EQ(input.json["applicants"][0]["id"], "a" + mine);
  EXPECT_EQ(std::to_string(input.json["seed"].get<unsigned long long>()), run["seed"]);
  const Response repeated = coordinator.Post(Run(id) + "/repeat", Json::object());
  ASSERT_TRUE(IsJson(repeated, 200)) << repeated;
  EXPECT_EQ(repeated.json["identical"], true);

  // Before sign-off nothing is published; the student sees no result yet.
  EXPECT_TRUE(IsError(office.Post(Run(id) + "/publish", Json::object(), IfMatch(VersionOf(run))),
                      422, "validation_failed", "status"));
  Response read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  EXPECT_TRUE(read.json["result"].is_null());
  EXPECT_TRUE(IsError(student.Post(Mine(call) + "/accept", Json::object()), 422,
                      "validation_failed", "offer"));

  EXPECT_TRUE(
      IsError(coordinator.Post(Run(id) + "/sign-off", Json::object(), IfMatch(VersionOf(run) + 1)),
              412, "precondition_failed"));
  const Response signed_off =
      coordinator.Post(Run(id) + "/sign-off", Json::object(), IfMatch(VersionOf(run)));
  ASSERT_TRUE(IsJson(signed_off, 200)) << signed_off;
  EXPECT_EQ(signed_off.json["status"], "signed_off");
  EXPECT_FALSE(signed_off.json["signed_off_by"].is_null());
  const Response published =
      office.Post(Run(id) + "/publish", Json::object(), IfMatch(VersionOf(signed_off.json)));
  ASSERT_TRUE(IsJson(published, 200)) << published;
  EXPECT_EQ(published.json["status"], "published");
  EXPECT_EQ(published.json["accept_by"], "2999-12-31");

  read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  const Json result = read.json["result"];
  ASSERT_FALSE(result.is_null()) << read;
  EXPECT_EQ(result["run_id"], id);
  EXPECT_FALSE(result["offer"].is_null());
  EXPECT_TRUE(result["can_respond"].get<bool>());
  EXPECT_EQ(result["accept_by"], "2999-12-31");

  // Another student reaches only their own (they have no application in this call).
  Account stranger;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &stranger));
  ApiClient stranger_client(stranger.session);
  EXPECT_TRUE(
      IsError(stranger_client.Post(Mine(call) + "/accept", Json::object()), 404, "not_found"));

  const Response accepted = student.Post(Mine(call) + "/accept", Json::object());
  ASSERT_TRUE(IsJson(accepted, 200)) << accepted;
  EXPECT_EQ(accepted.json["result"]["response"], "accepted");
  EXPECT_FALSE(accepted.json["result"]["can_respond"].get<bool>());
  EXPECT_TRUE(IsError(student.Post(Mine(call) + "/decline", Json::object()), 422,
                      "validation_failed", "response"));
  const Response after =
      Api().Get(Query(Run(id) + "/results", {{"offer_id", result["offer"]["id"].dump()}}));
  ASSERT_TRUE(IsJson(after, 200)) << after;
  ASSERT_EQ(after.json["total"], 1);
  EXPECT_EQ(after.json["items"][0]["response"], "accepted");

  // The next round waits for the last day to answer.
  EXPECT_TRUE(
      IsError(office.Post(Runs(call), Json::object()), 422, "validation_failed", "accept_by"));
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(
      AllAuditEntries("entity_type=allocation_run&entity_id=" + std::to_string(id), &entries));
  EXPECT_EQ(entries.size(), 3u);
}

TEST_F(AllocationRunsApi, RunsAreRefusedWithTheirReason) {
  ApiClient office(office_);
  std::string open_call, offer, application;
  ASSERT_NO_FATAL_FAILURE(AddCall("2999-01-31", &open_call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(open_call, &offer));
  EXPECT_TRUE(IsError(office.Post(Runs(open_call), Json::object()), 422, "validation_failed",
                      "applications_close"));

  std::string call;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &offer));
  EXPECT_TRUE(
      IsError(office.Post(Runs(call), Json::object()), 422, "validation_failed", "applications"));
  ASSERT_NO_FATAL_FAILURE(AddApplication(call, student_id_, {offer}, "submitted", &application));
  const Response waiting = office.Post(Runs(call), Json::object());
  EXPECT_TRUE(IsError(waiting, 422, "validation_failed", "applications"));
  EXPECT_NE(waiting.body.find("1 submitted"), std::string::npos) << waiting;
  const Response none = office.Get(Runs(call));
  ASSERT_TRUE(IsJson(none, 200)) << none;
  EXPECT_EQ(none.json["items"].size(), 0u);
  EXPECT_TRUE(IsError(office.Post(Runs("999999999"), Json::object()), 404, "not_found"));
  EXPECT_TRUE(IsError(office.Get(Run(999999999)), 404, "not_found"));
}

}  // namespace
}  // namespace weltcampus::api_test
