// The IDOR rows of people's own records: the account, the student record, an import job.
#include <gtest/gtest.h>

#include "fixtures.h"
#include "idor_table.h"
#include "idor_world.h"

namespace weltcampus::api_test::idor {

// The account itself: found by the session (/me); by id only through the administrator's routes.
OwnedRecordType AccountRow() {
  OwnedRecordType type;
  type.name = "account";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    for (Holder* holder : {a, b}) {
      ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &holder->account));
      holder->record = holder->account.id;
      holder->marker = holder->account.email;
    }
    a->where = {{"{a}", std::to_string(a->record)}};
    b->where = a->where;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(ReadAs(holder.account.session, "/api/v1/me", record));
  };
  type.views = {"/api/v1/me",      "/api/v1/me?id={a}",      "/api/v1/me?user_id={a}",
                "/api/v1/me/data", "/api/v1/me/data?id={a}", "/api/v1/me/data?user_id={a}"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    // PUT /me with A's id, e-mail and a role in the body changes B's own name at most.
    ApiClient client(b.account.session);
    Json me;
    ASSERT_NO_FATAL_FAILURE(ReadAs(b.account.session, "/api/v1/me", &me));
    const Response put = client.Put("/api/v1/me",
                                    Json{{"id", a.account.id},
                                         {"email", a.account.email},
                                         {"display_name", "Changed by someone else"},
                                         {"preferred_language", "de"},
                                         {"roles", Json::array({"admin"})}},
                                    VersionOf(me));
    ASSERT_TRUE(put.status == 200 || put.status == 422) << put;
    const Response session = client.Get("/api/v1/auth/session");
    ASSERT_TRUE(IsJson(session, 200)) << session;
    EXPECT_EQ(IdOf(session.json["user"]), b.account.id) << session;
    EXPECT_EQ(Str(session.json["user"], "email"), b.account.email)
        << "PUT /api/v1/me must not change one's own e-mail to someone else's: " << session;
    EXPECT_EQ(session.json["user"]["roles"], Json::array({"student"}))
        << "PUT /api/v1/me must not grant roles: " << session;
    EXPECT_EQ(SignedInUserId(a.account.session), a.account.id) << "A's session must survive";
  };
  const std::set<std::string> admin = {"admin"};
  type.refused = {
      {{"GET", "/api/v1/users/{id}", nullptr}, admin},
      {{"GET", "/api/v1/users/{id}/data", nullptr}, admin},
      {{"PUT", "/api/v1/users/{id}",
        Json{{"email", "hijacked@example.org"},
             {"display_name", "Hijacked"},
             {"preferred_language", "de"},
             {"active", false},
             {"roles", Json::array({"admin"})}}},
       admin},
      {{"POST", "/api/v1/users/{id}/password-reset", Json::object()}, admin},
      {{"POST", "/api/v1/users/{id}/erasure", Json::object()}, admin},
  };
  return type;
}

// A student's own record: found by the account (/me/student), never by an id.
OwnedRecordType StudentRecordRow() {
  OwnedRecordType type;
  type.name = "student record";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Students(world, a, b);
    a->record = world.record_x;
    b->record = world.record_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(ReadAs(holder.account.session, "/api/v1/me/student", record));
  };
  type.views = {"/api/v1/me/student",
                "/api/v1/me/student?id={a}",
                "/api/v1/me/student?student_id={a}",
                "/api/v1/me/student?format=json",
                "/api/v1/me/student?format=csv&id={a}",
                "/api/v1/me/data",
                "/api/v1/me/data?student_id={a}"};
  const std::set<std::string> office = {"admin", "international_office"};
  type.refused = {
      {{"GET", "/api/v1/students/{id}", nullptr}, office},
      {{"GET", "/api/v1/students/{id}/language-certificates", nullptr}, office},
      {{"GET", "/api/v1/students/{id}/stays-abroad", nullptr}, office},
      {{"PUT", "/api/v1/students/{id}", Json{{"family_name", "Hijacked"}}}, office},
      {{"DELETE", "/api/v1/students/{id}", nullptr}, office},
  };
  return type;
}

// An import job: its owner's (and, with jobs:all, the administrators'), never another's.
OwnedRecordType ImportJobRow() {
  OwnedRecordType type;
  type.name = "import job";
  type.role = "international_office";
  type.make = [](Holder* a, Holder* b) {
    for (Holder* holder : {a, b}) {
      ASSERT_NO_FATAL_FAILURE(CreateAccount({"international_office"}, &holder->account));
      holder->marker = "idor-" + UniqueLetters(8) + ".csv";
      // A dry run of two rows, one of them broken: a finished job with a report.
      const std::string csv =
          "Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,"
          "Website Url,Erasmus Eche Start,Erasmus Eche End\n"
          "1,F  " +
          UniqueLetters(6) + "01,,,\"" + Unique("Ecole IDOR") +
          "\",Street 1,1000,Town,FR,,2021-01-01,2029-12-31\n"
          "2,F  PARIS 063,,,\"Broken Code School\",Street 1,1000,Town,FR,,2021-01-01,2029-12-31\n";
      ApiClient client(holder->account.session);
      const Response queued = client.PostRaw(
          Query("/api/v1/imports/eche", {{"dry_run", "true"}, {"file_name", holder->marker}}), csv,
          "text/csv");
      ASSERT_TRUE(IsJson(queued, 202)) << queued;
      holder->record = IdOf(queued.json);
      Json job;
      ASSERT_NO_FATAL_FAILURE(WaitForJob(holder->record, &job, client));
      ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
      ASSERT_EQ(job["has_report"], true) << job.dump();
    }
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(
        ReadAs(holder.account.session, "/api/v1/jobs/" + std::to_string(holder.record), record));
    ApiClient client(holder.account.session);
    const Response report = client.Get("/api/v1/jobs/" + std::to_string(holder.record) + "/report");
    ASSERT_EQ(report.status, 200) << report;
    (*record)["report_bytes"] = report.body;
  };
  type.by_id = {
      {"GET", "/api/v1/jobs/{id}", nullptr, 200},
      {"POST", "/api/v1/jobs/{id}/cancel", Json::object(), 409},
      {"GET", "/api/v1/jobs/{id}/report", nullptr, 200},
  };
  type.views = {"/api/v1/jobs", "/api/v1/jobs?all=true", "/api/v1/jobs?limit=1"};
  return type;
}

}  // namespace weltcampus::api_test::idor
