// The IDOR rows of the exchange: applications, allocation results and objections, each the
// student's own and a coordinator's scope.
#include <gtest/gtest.h>

#include "fixtures.h"
#include "idor_world.h"

namespace weltcampus::api_test::idor {

// A student's application and its documents: found by the account in a call (my-application).
OwnedRecordType OwnApplicationRow() {
  OwnedRecordType type;
  type.name = "application (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Students(world, a, b);
    a->record = world.application_x;
    b->record = world.application_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
    a->where["{a_student}"] = b->where["{a_student}"] = std::to_string(world.record_x);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(ReadAs(holder.account.session, Mine(holder.where.at("{call}")), &mine));
    ASSERT_TRUE(mine["application"].is_object()) << mine.dump();
    *record = mine["application"];
    // The letter's bytes are part of the record.
    ApiClient client(holder.account.session);
    const Response letter =
        client.Get(Mine(holder.where.at("{call}")) + "/documents/motivation_letter");
    (*record)["letter_bytes"] = letter.status == 200 ? Json(letter.body) : Json(letter.status);
  };
  type.views = {"/api/v1/calls/{call}/my-application", "/api/v1/calls/{call}/my-application?id={a}",
                "/api/v1/calls/{call}/my-application?application_id={a}",
                "/api/v1/calls/{call}/my-application?student_id={a_student}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    const ExchangeWorld& world = World();
    const std::string mine = Mine(b.where.at("{call}"));
    ApiClient client(b.account.session);
    const auto is_bs = [&](const Response& answer) {
      ASSERT_TRUE(IsJson(answer, 200)) << answer;
      ASSERT_TRUE(answer.json["application"].is_object()) << answer;
      EXPECT_EQ(IdOf(answer.json["application"]), b.record) << answer;
      EXPECT_EQ(Str(answer.json["application"], "family_name"), b.marker) << answer;
      EXPECT_EQ(answer.body.find(a.marker), std::string::npos) << answer;
    };
    Json read;
    ASSERT_NO_FATAL_FAILURE(ReadAs(b.account.session, mine, &read));
    // Preferences with A's application and student smuggled into the body.
    const Json& offer = read["application"]["preferences"][0]["offer_id"];
    const Response put = client.Put(mine + "?application_id=" + std::to_string(a.record),
                                    {{"preferences", Json::array({offer})},
                                     {"application_id", a.record},
                                     {"id", a.record},
                                     {"student_id", world.record_x}},
                                    VersionOf(read["application"]));
    if (put.status != 422) {
      ASSERT_NO_FATAL_FAILURE(is_bs(put));
    }
    // The documents: B's letter is B's, a removal removes B's, an upload replaces B's.
    const std::string letter =
        mine + "/documents/motivation_letter?application_id=" + std::to_string(a.record);
    const Response download = client.Get(letter);
    ASSERT_EQ(download.status, 200) << download;
    EXPECT_EQ(download.body, world.letter_y);
    ASSERT_NO_FATAL_FAILURE(is_bs(client.Delete(letter, std::nullopt)));
    EXPECT_TRUE(IsError(client.Get(letter), 404, "not_found"))
        << "B has no letter now; A's is not shown instead";
    EXPECT_TRUE(IsError(client.Delete(letter, std::nullopt), 404, "not_found"));
    ASSERT_NO_FATAL_FAILURE(is_bs(client.PostRaw(letter, world.letter_y, "application/pdf")));
    // Withdraw and submit again: B's application.
    ASSERT_NO_FATAL_FAILURE(ReadAs(b.account.session, mine, &read));
    const Response withdrawn =
        client.PostRaw(mine + "/withdraw?application_id=" + std::to_string(a.record), "",
                       "application/json", {{"If-Match", Quoted(VersionOf(read["application"]))}});
    ASSERT_NO_FATAL_FAILURE(is_bs(withdrawn));
    EXPECT_EQ(withdrawn.json["application"]["status"], "withdrawn");
    const Response submitted =
        client.PostRaw(mine + "/submit", "", "application/json",
                       {{"If-Match", Quoted(VersionOf(withdrawn.json["application"]))}});
    ASSERT_NO_FATAL_FAILURE(is_bs(submitted));
    EXPECT_EQ(submitted.json["application"]["status"], "submitted");
  };
  const std::set<std::string> staff = {"admin", "international_office", "coordinator"};
  type.refused = {
      {{"GET", "/api/v1/applications/{id}", nullptr}, staff},
      {{"GET", "/api/v1/applications/{id}/documents/motivation_letter", nullptr}, staff},
      {{"PUT", "/api/v1/applications/{id}/score", Json{{"committee_points", 1}}}, staff},
      {{"PUT", "/api/v1/applications/{id}/completeness", Json{{"complete", true}}}, staff},
  };
  return type;
}

// Applications as coordinators read them: those of their unit's (or field's) programmes only.
OwnedRecordType ScopedApplicationRow() {
  OwnedRecordType type;
  type.name = "application (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Coordinators(world, a, b);
    a->record = world.application_x;
    b->record = world.application_y;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(ReadAs(
        holder.account.session, "/api/v1/applications/" + std::to_string(holder.record), record));
  };
  type.by_id = {
      {"GET", "/api/v1/applications/{id}", nullptr, 200},
      {"GET", "/api/v1/applications/{id}/documents/motivation_letter", nullptr},
      {"PUT", "/api/v1/applications/{id}/score",
       Json{{"committee_points", 1}, {"office_note", "Scored by another unit"}}},
      {"PUT", "/api/v1/applications/{id}/completeness",
       Json{{"complete", false}, {"reason", "Marked by another unit"}}},
  };
  type.views = {"/api/v1/calls/{call}/applications",
                "/api/v1/calls/{call}/applications?sort=name&limit=1",
                "/api/v1/calls/{call}/applications?status=submitted",
                "/api/v1/calls/{call}/applications?format=csv"};
  return type;
}

// A student's result in a published run: found by the account; answered (accept, decline) by it.
OwnedRecordType OwnResultRow() {
  OwnedRecordType type;
  type.name = "allocation result (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Students(world, a, b);
    a->record = world.placed_x;
    b->record = world.placed_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(
        ReadAs(holder.account.session, Mine(holder.where.at("{closed}")), &mine));
    ASSERT_TRUE(mine["result"].is_object()) << mine.dump();
    EXPECT_EQ(IdOf(mine["application"]), holder.record) << mine.dump();
    *record = {{"result", mine["result"]}, {"application", mine["application"]}};
  };
  type.views = {"/api/v1/calls/{closed}/my-application",
                "/api/v1/calls/{closed}/my-application?application_id={a}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    ApiClient client(b.account.session);
    const std::string mine = Mine(b.where.at("{closed}"));
    const Response accepted =
        client.Post(mine + "/accept?application_id=" + std::to_string(a.record),
                    {{"application_id", a.record}});
    ASSERT_TRUE(IsJson(accepted, 200)) << accepted;
    EXPECT_EQ(IdOf(accepted.json["application"]), b.record) << accepted;
    EXPECT_EQ(accepted.json["result"].value("response", Json()), "accepted") << accepted;
    EXPECT_EQ(accepted.body.find(a.marker), std::string::npos) << accepted;
    EXPECT_TRUE(IsError(client.Post(mine + "/decline", Json::object()), 422, "validation_failed",
                        "response"))
        << "B answered once";
  };
  return type;
}

// Results of a run as coordinators read them: those of students within their scope only.
OwnedRecordType ScopedResultRow() {
  OwnedRecordType type;
  type.name = "allocation result (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Coordinators(world, a, b);
    a->record = world.placed_x;
    b->record = world.placed_y;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(ItemOf(
        holder.account.session, "/api/v1/allocation-runs/" + holder.where.at("{run}") + "/results",
        "application_id", holder.record, record));
  };
  type.views = {"/api/v1/allocation-runs/{run}/results",
                "/api/v1/allocation-runs/{run}/results?sort=name&placed=true",
                "/api/v1/allocation-runs/{run}/results?format=csv"};
  return type;
}

// A student's objection to their result: made and read by the account only.
OwnedRecordType OwnObjectionRow() {
  OwnedRecordType type;
  type.name = "objection (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Students(world, a, b);
    a->record = world.objection_x;
    a->marker = world.objection_text_x;
    ASSERT_NO_FATAL_FAILURE(Objection(world, world.student_y, world.objection_text_y, &b->record));
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(
        ReadAs(holder.account.session, Mine(holder.where.at("{closed}")), &mine));
    ASSERT_TRUE(mine["objections"].is_object()) << mine.dump();
    *record = mine["objections"];
  };
  type.views = {"/api/v1/calls/{closed}/my-application",
                "/api/v1/calls/{closed}/my-application?objection_id={a}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    const ExchangeWorld& world = World();
    ApiClient client(b.account.session);
    const std::string mine = Mine(b.where.at("{closed}"));
    // While B's objection is open, B objects no further (A's open one is not B's).
    const std::string again = world.objection_text_y + " again";
    EXPECT_TRUE(IsError(client.Post(mine + "/objection", {{"text", again}}), 409, "conflict"));
    // Once the committee has answered B's, B objects again: one open objection at a time is
    // counted among B's own, never A's (which stays open).
    Session committee_session;
    ASSERT_NO_FATAL_FAILURE(DemoSession("management", &committee_session));
    Json objection;
    ASSERT_NO_FATAL_FAILURE(ItemOf(committee_session,
                                   "/api/v1/allocation-runs/" + b.where.at("{run}") + "/objections",
                                   "id", b.record, &objection));
    if (objection["status"] == "open") {
      const Response answered =
          ApiClient(committee_session)
              .Put("/api/v1/objections/" + std::to_string(b.record) + "/answer",
                   {{"decision", "rejected"}, {"answer", "No reason found"}}, VersionOf(objection));
      ASSERT_TRUE(IsJson(answered, 200)) << answered;
    }
    const Response objected =
        client.Post(mine + "/objection?objection_id=" + std::to_string(a.record),
                    {{"text", again}, {"id", a.record}, {"application_id", a.record}});
    ASSERT_TRUE(IsJson(objected, 200)) << objected;
    Json read;
    ASSERT_NO_FATAL_FAILURE(ReadAs(b.account.session, mine, &read));
    ASSERT_EQ(read["objections"]["items"].size(), 2u) << read.dump();
    for (const Json& item : read["objections"]["items"]) {
      EXPECT_TRUE(item["text"] == world.objection_text_y || item["text"] == again) << item.dump();
      EXPECT_NE(IdOf(item), a.record) << item.dump();
    }
  };
  type.refused = {
      {{"PUT", "/api/v1/objections/{id}/answer",
        Json{{"decision", "upheld"}, {"answer", "Answered by someone without the right"}}},
       {"admin", "coordinator", "management"}},
  };
  return type;
}

// Objections as coordinators read and answer them: those of students within their scope only.
OwnedRecordType ScopedObjectionRow() {
  OwnedRecordType type;
  type.name = "objection (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = World();
    ASSERT_TRUE(world.made);
    Coordinators(world, a, b);
    a->record = world.objection_x;
    ASSERT_NO_FATAL_FAILURE(Objection(world, world.student_y, world.objection_text_y, &b->record));
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(
        ItemOf(holder.account.session,
               "/api/v1/allocation-runs/" + holder.where.at("{run}") + "/objections", "id",
               holder.record, record));
  };
  type.by_id = {
      {"PUT", "/api/v1/objections/{id}/answer",
       Json{{"decision", "rejected"}, {"answer", "Answered by another unit's coordinator"}}},
  };
  type.views = {"/api/v1/allocation-runs/{run}/objections",
                "/api/v1/allocation-runs/{run}/objections?sort=name",
                "/api/v1/allocation-runs/{run}/objections?format=csv"};
  return type;
}

}  // namespace weltcampus::api_test::idor
