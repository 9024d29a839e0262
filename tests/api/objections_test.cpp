// Objections to a published result (issue 10, item 4): the student (by account only) objects
// within the call's objection_days after publication, one open objection at a time; the run's
// objections are read as its results are (a coordinator's within their scope) and the committee
// answers each once at the version read; the objection is in the student's data export and goes
// with the account. And four eyes on sign-off: whoever started a run does not sign it off.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "allocation_fixture.h"

namespace weltcampus::api_test {
namespace {

std::string DaysFromToday(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                   std::chrono::days(days);
  const std::chrono::year_month_day ymd(day);
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

class ObjectionsApi : public AllocationApiTest {
 protected:
  // A student of their own (an account with a student record), so that erasing it harms no one.
  void NewStudent(Account* account, std::string* student_id) {
    ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, account));
    ASSERT_NO_FATAL_FAILURE(StudentRecordOf(*account, "Einspruch", 1.3, student_id));
  }

  // A call with two offers, the student and another applying, run by the office, signed off by
  // the committee and published: the run's id.
  void Published(const std::string& student_id, std::string* call, long long* run_id) {
    std::string lyon, porto, mine, other, other_student;
    ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", call));
    ASSERT_NO_FATAL_FAILURE(AddOffer(*call, &lyon));
    ASSERT_NO_FATAL_FAILURE(AddOffer(*call, &porto));
    ASSERT_NO_FATAL_FAILURE(OtherStudent(&other_student));
    ASSERT_NO_FATAL_FAILURE(AddApplication(*call, student_id, {lyon, porto}, "checked", &mine));
    ASSERT_NO_FATAL_FAILURE(AddApplication(*call, other_student, {lyon}, "checked", &other));
    Json run;
    ASSERT_NO_FATAL_FAILURE(StartRun(*call, &run));
    ASSERT_NO_FATAL_FAILURE(SignOff(&run));
    ASSERT_NO_FATAL_FAILURE(Publish(&run));
    *run_id = IdOf(run);
  }

  // Erika, a student of her own, in a call whose run is published.
  void PublishedForErika() {
    ASSERT_NO_FATAL_FAILURE(NewStudent(&erika_, &erika_id_));
    ASSERT_NO_FATAL_FAILURE(Published(erika_id_, &call_, &run_));
  }

  static std::string Objections(long long run) { return Run(run) + "/objections"; }
  static std::string AnswerOf(const Json& objection) {
    return "/api/v1/objections/" + std::to_string(IdOf(objection)) + "/answer";
  }

  Account erika_;
  std::string erika_id_, call_;
  long long run_ = 0;
};

TEST_F(ObjectionsApi, TheStudentObjectsOnceTheCommitteeAnswersOnceTheStudentReadsTheAnswer) {
  ASSERT_NO_FATAL_FAILURE(PublishedForErika());
  const std::string& call = call_;
  const long long run = run_;
  ApiClient student(erika_.session);
  const std::string objection_path = Mine(call) + "/objection";

  Response read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  ASSERT_TRUE(read.json["objections"].is_object()) << read;
  EXPECT_TRUE(read.json["objections"]["can_object"].get<bool>());
  EXPECT_EQ(read.json["objections"]["until"], DaysFromToday(7));
  EXPECT_EQ(read.json["objections"]["items"].size(), 0u);

  EXPECT_TRUE(
      IsError(student.Post(objection_path, Json::object()), 422, "validation_failed", "text"));
  EXPECT_TRUE(
      IsError(student.Post(objection_path, {{"text", "  \n "}}), 422, "validation_failed", "text"));
  EXPECT_TRUE(IsError(student.Post(objection_path, {{"text", std::string(4001, 'x')}}), 422,
                      "validation_failed", "text"));
  const std::string words = Unique("My language certificate was not counted");
  const Response objected = student.Post(objection_path, {{"text", words}});
  ASSERT_TRUE(IsJson(objected, 200)) << objected;
  const Json mine = objected.json["objections"];
  EXPECT_FALSE(mine["can_object"].get<bool>());
  ASSERT_EQ(mine["items"].size(), 1u) << mine.dump();
  EXPECT_EQ(mine["items"][0]["text"], words);
  EXPECT_EQ(mine["items"][0]["status"], "open");
  EXPECT_TRUE(mine["items"][0]["answer"].is_null());
  // One open objection at a time; nobody else objects for this student.
  EXPECT_TRUE(IsError(student.Post(objection_path, {{"text", "Again"}}), 409, "conflict"));
  Account stranger;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &stranger));
  EXPECT_TRUE(IsError(ApiClient(stranger.session).Post(objection_path, {{"text", "Not mine"}}), 404,
                      "not_found"));

  // The office reads the run's objections (and exports them); the student answers nothing.
  ApiClient office(office_);
  const Response listed = office.Get(Objections(run));
  ASSERT_TRUE(IsJson(listed, 200)) << listed;
  ASSERT_EQ(listed.json["total"], 1);
  const Json objection = listed.json["items"][0];
  EXPECT_EQ(objection["text"], words);
  EXPECT_EQ(objection["student"]["family_name"], "Einspruch");
  EXPECT_EQ(objection["run_id"], run);
  EXPECT_FALSE(objection["partner_name"].is_null()) << objection.dump();
  const Response open = office.Get(Query(Objections(run), {{"status", "answered"}}));
  ASSERT_TRUE(IsJson(open, 200)) << open;
  EXPECT_EQ(open.json["total"], 0);
  const Response csv = office.Get(Query(Objections(run), {{"format", "csv"}}));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_NE(csv.body.find(words), std::string::npos) << csv;
  const Json answer = {{"decision", "upheld"}, {"answer", "Your C1 certificate counts: rescored."}};
  EXPECT_TRUE(
      IsError(student.Put(AnswerOf(objection), answer, VersionOf(objection)), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(office.Put(AnswerOf(objection), answer, VersionOf(objection)), 403, "forbidden"));

  // A coordinator without a scope sees none and answers none; one of the student's unit does.
  ApiClient unscoped(coordinator_);
  const Response none = unscoped.Get(Objections(run));
  ASSERT_TRUE(IsJson(none, 200)) << none;
  EXPECT_EQ(none.json["total"], 0);
  EXPECT_TRUE(
      IsError(unscoped.Put(AnswerOf(objection), answer, VersionOf(objection)), 404, "not_found"));
  Account scoped;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"coordinator"}, &scoped));
  const std::string bump =
      "; UPDATE users SET version = version + 1 WHERE id = " + std::to_string(scoped.id);
  ASSERT_NO_FATAL_FAILURE(ExecSql("UPDATE user_roles SET org_unit_id = " + unit_ +
                                  " WHERE user_id = " + std::to_string(scoped.id) + bump));
  ApiClient in_scope(scoped.session);
  const Response seen = in_scope.Get(Objections(run));
  ASSERT_TRUE(IsJson(seen, 200)) << seen;
  EXPECT_EQ(seen.json["total"], 1);
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE user_roles SET org_unit_id = NULL, isced_code = '0411' "
              "WHERE user_id = " +
              std::to_string(scoped.id) + bump));
  EXPECT_TRUE(
      IsError(in_scope.Put(AnswerOf(objection), answer, VersionOf(objection)), 404, "not_found"));

  // The committee answers at the version read, once.
  Session dean_session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("management", &dean_session));
  ApiClient dean(dean_session);
  EXPECT_TRUE(IsError(dean.Put(AnswerOf(objection), answer, VersionOf(objection) + 1), 412,
                      "precondition_failed"));
  EXPECT_TRUE(IsError(
      dean.Put(AnswerOf(objection), {{"decision", "maybe"}, {"answer", "x"}}, VersionOf(objection)),
      422, "validation_failed", "decision"));
  EXPECT_TRUE(IsError(dean.Put(AnswerOf(objection), {{"decision", "rejected"}, {"answer", " "}},
                               VersionOf(objection)),
                      422, "validation_failed", "answer"));
  const Response answered = dean.Put(AnswerOf(objection), answer, VersionOf(objection));
  ASSERT_TRUE(IsJson(answered, 200)) << answered;
  EXPECT_EQ(answered.json["status"], "answered");
  EXPECT_EQ(answered.json["decision"], "upheld");
  EXPECT_EQ(answered.json["answer"], answer["answer"]);
  EXPECT_FALSE(answered.json["answered_by"].is_null());
  EXPECT_FALSE(answered.json["answered_at"].is_null());
  const Response again = dean.Put(AnswerOf(objection), {{"decision", "rejected"}, {"answer", "No"}},
                                  VersionOf(answered.json));
  EXPECT_TRUE(IsError(again, 409, "conflict")) << again;

  // The student reads the answer, and may object again within the period.
  read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  const Json after = read.json["objections"];
  ASSERT_EQ(after["items"].size(), 1u) << after.dump();
  EXPECT_EQ(after["items"][0]["status"], "answered");
  EXPECT_EQ(after["items"][0]["decision"], "upheld");
  EXPECT_EQ(after["items"][0]["answer"], answer["answer"]);
  EXPECT_TRUE(after["can_object"].get<bool>());

  // Two audit entries, without the student's words or the committee's.
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries(
      "entity_type=objection&entity_id=" + std::to_string(IdOf(objection)), &entries));
  ASSERT_EQ(entries.size(), 2u);
  for (const Json& entry : entries) {
    EXPECT_EQ(entry.dump().find(words), std::string::npos) << entry.dump();
    EXPECT_EQ(entry.dump().find("rescored"), std::string::npos) << entry.dump();
  }
  // Newest first: the answer, then the objection.
  EXPECT_EQ(entries[0]["after"].value("decision", ""), "upheld") << entries[0].dump();
  EXPECT_EQ(entries[1].value("action", ""), "create") << entries[1].dump();

  // The objection is the student's personal data: in the account's data export.
  const Response data = student.Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200)) << data;
  const Json& exported = data.json["records"]["allocation_objections"];
  ASSERT_TRUE(exported.is_array()) << data;
  ASSERT_EQ(exported.size(), 1u) << exported.dump();
  EXPECT_EQ(exported[0]["text"], words);
  EXPECT_EQ(exported[0]["answer"], answer["answer"]);
}

TEST_F(ObjectionsApi, TheLastDayOfThePeriodIsAllowedAndTheDayAfterIsNot) {
  ASSERT_NO_FATAL_FAILURE(PublishedForErika());
  const std::string& call = call_;
  const long long run = run_;
  ApiClient student(erika_.session);
  const auto published = [&](int days_ago) {
    ExecSql("UPDATE allocation_runs SET published_at = '" + DaysFromToday(-days_ago) +
            "T09:00:00Z' WHERE id = " + std::to_string(run));
  };

  // Published eight days ago, with seven days to object: too late.
  ASSERT_NO_FATAL_FAILURE(published(8));
  Response read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  EXPECT_FALSE(read.json["objections"]["can_object"].get<bool>());
  EXPECT_EQ(read.json["objections"]["until"], DaysFromToday(-1));
  const Response late = student.Post(Mine(call) + "/objection", {{"text", "Too late?"}});
  EXPECT_TRUE(IsError(late, 422, "validation_failed", "objection_until")) << late;
  EXPECT_NE(late.body.find(DaysFromToday(-1)), std::string::npos) << late;

  // Seven days ago: today is the last day.
  ASSERT_NO_FATAL_FAILURE(published(7));
  read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  EXPECT_TRUE(read.json["objections"]["can_object"].get<bool>());
  EXPECT_EQ(read.json["objections"]["until"], DaysFromToday(0));
  const Response in_time = student.Post(Mine(call) + "/objection", {{"text", "Just in time"}});
  ASSERT_TRUE(IsJson(in_time, 200)) << in_time;
  EXPECT_EQ(in_time.json["objections"]["items"].size(), 1u);

  // Before any publication nothing can be objected to.
  std::string unpublished;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &unpublished));
  std::string offer, application;
  ASSERT_NO_FATAL_FAILURE(AddOffer(unpublished, &offer));
  ASSERT_NO_FATAL_FAILURE(AddApplication(unpublished, erika_id_, {offer}, "checked", &application));
  EXPECT_TRUE(IsError(student.Post(Mine(unpublished) + "/objection", {{"text", "Early"}}), 422,
                      "validation_failed", "result"));
}

// Four eyes: an administrator holds both permissions, yet does not sign off a run they started.
TEST_F(ObjectionsApi, WhoStartedARunDoesNotSignItOff) {
  std::string call, offer, application;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &offer));
  ASSERT_NO_FATAL_FAILURE(AddApplication(call, student_id_, {offer}, "checked", &application));
  const Response started = Api().Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(started, 201)) << started;
  const std::string sign_off = Run(IdOf(started.json)) + "/sign-off";
  const Response refused = Api().Post(sign_off, Json::object(), IfMatch(VersionOf(started.json)));
  ASSERT_TRUE(IsError(refused, 403, "forbidden")) << refused;
  EXPECT_EQ(refused.json["error"]["reason"], "four_eyes") << refused;
  const Response unchanged = Api().Get(Run(IdOf(started.json)));
  ASSERT_TRUE(IsJson(unchanged, 200)) << unchanged;
  EXPECT_EQ(unchanged.json["status"], "computed");
  const Response signed_off =
      ApiClient(coordinator_).Post(sign_off, Json::object(), IfMatch(VersionOf(started.json)));
  ASSERT_TRUE(IsJson(signed_off, 200)) << signed_off;
  EXPECT_EQ(signed_off.json["status"], "signed_off");
}

}  // namespace
}  // namespace weltcampus::api_test
