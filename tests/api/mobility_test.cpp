// Mobilities (issue 11): a student who accepts a place is nominated (the mobility names the
// partner, agreement, quota, offer and semester); the office moves the stay track step by step at
// the version read and enters the mobilities no allocation made (staff, incoming, a tertial at a
// hospital). Every refusal names its field and writes nothing.
#include <string>

#include "allocation_fixture.h"

namespace weltcampus::api_test {
namespace {

const std::string kMobilities = "/api/v1/mobilities";

std::string MobilityPath(long long id) { return kMobilities + "/" + std::to_string(id); }

class MobilityApi : public AllocationApiTest {
 protected:
  // A step of the stay track at the mobility's version; the mobility as answered.
  Response Step(const Json& mobility, const Json& body) {
    return ApiClient(office_).Post(MobilityPath(IdOf(mobility)) + "/stay", body,
                                   IfMatch(VersionOf(mobility)));
  }
  void StepOk(Json* mobility, const Json& body, const std::string& state) {
    const Response answered = Step(*mobility, body);
    ASSERT_TRUE(IsJson(answered, 200)) << answered;
    EXPECT_EQ(answered.json["stay_state"], state) << body;
    *mobility = answered.json;
  }
  const std::string staff_name_ = Unique("Weber");
  Json StaffBody() {
    return {{"direction", "outgoing"},
            {"category", "staff_teaching"},
            {"family_name", staff_name_},
            {"given_name", "Anna"},
            {"email", "anna.weber@example.org"},
            {"partnership_id", std::stoll(quota_[2])},
            {"funding_line", "none"},
            {"academic_year", "2027/2028"},
            {"planned_start", "2027-11-08"},
            {"planned_end", "2027-11-12"}};
  }
};

TEST_F(MobilityApi, AcceptingAPlaceNominatesTheStudentAndTheStayRunsToItsEnd) {
  std::string call, offer, application, category;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &offer));
  ASSERT_NO_FATAL_FAILURE(AddApplication(call, student_id_, {offer}, "checked", &application));
  ASSERT_NO_FATAL_FAILURE(SqlOne("SELECT category FROM quotas WHERE id = " + quota_[0], &category));
  Json run;
  ASSERT_NO_FATAL_FAILURE(StartRun(call, &run));
  ASSERT_NO_FATAL_FAILURE(SignOff(&run));
  ASSERT_NO_FATAL_FAILURE(Publish(&run));
  ApiClient office(office_);
  ApiClient student(student_);
  // No nomination before the student accepts.
  const auto of_application = [&] {
    std::vector<Json> items;
    ListAll(Query(kMobilities, {{"student_id", student_id_}}), 50, &items);
    std::vector<Json> found;
    for (const auto& item : items) {
      if (item["application_id"] == std::stoll(application)) {
        found.push_back(item);
      }
    }
    return found;
  };
  EXPECT_TRUE(of_application().empty());
  const Response accepted = student.Post(Mine(call) + "/accept", Json::object());
  ASSERT_TRUE(IsJson(accepted, 200)) << accepted;

  const auto nominated = of_application();
  ASSERT_EQ(nominated.size(), 1u);
  Json mobility = nominated[0];
  EXPECT_EQ(mobility["direction"], "outgoing");
  EXPECT_EQ(mobility["category"], category);
  EXPECT_EQ(mobility["student_id"], std::stoll(student_id_));
  EXPECT_EQ(mobility["partnership_id"], std::stoll(quota_[2]));
  EXPECT_EQ(mobility["agreement_id"], std::stoll(quota_[1]));
  EXPECT_EQ(mobility["quota_id"], std::stoll(quota_[0]));
  EXPECT_EQ(mobility["offer_id"], std::stoll(offer));
  EXPECT_EQ(mobility["academic_year"], "2027/2028");
  EXPECT_EQ(mobility["planned_start"], "2027-10-01");  // the offer's winter semester
  EXPECT_EQ(mobility["planned_end"], "2028-03-31");
  EXPECT_EQ(mobility["stay_state"], "nominated");
  EXPECT_FALSE(mobility["family_name"].get<std::string>().empty());
  EXPECT_FALSE(mobility["partner_name"].get<std::string>().empty());
  EXPECT_EQ(mobility["host_country"].get<std::string>().size(), 2u);

  // The student sees it as their own.
  Response mine = student.Get("/api/v1/me/mobilities");
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  bool listed = false;
  for (const auto& item : mine.json["items"]) {
    listed = listed || item["id"] == mobility["id"];
  }
  EXPECT_TRUE(listed) << mine;

  // Steps out of order, stale versions and bad days are refused and change nothing.
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "complete"}}), 422, "validation_failed", "step"));
  const Response fresh = office.Get(MobilityPath(IdOf(mobility)) + "/events");
  ASSERT_TRUE(IsJson(fresh, 200)) << fresh;
  EXPECT_EQ(fresh.json["items"], Json::array());
  EXPECT_EQ(fresh.json["allowed_steps"], Json::array({"accept", "reject", "cancel"}));
  EXPECT_TRUE(IsError(office.Post(MobilityPath(IdOf(mobility)) + "/stay", {{"step", "accept"}},
                                  IfMatch(VersionOf(mobility) + 1)),
                      412, "precondition_failed"));
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "reject"}}), 422, "validation_failed", "reason"));
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "warp"}}), 422, "validation_failed", "step"));
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "accept"}}, "accepted"));
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "prepare"}}, "preparing"));
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "start"}, {"on", "1 October"}}), 422,
                      "validation_failed", "on"));
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "start"}, {"on", "2027-10-02"}}, "ongoing"));
  EXPECT_EQ(mobility["actual_start"], "2027-10-02");
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "extend"}, {"until", "2028-02-28"}}), 422,
                      "validation_failed", "until"));
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility, {{"step", "extend"}, {"until", "2028-07-31"}}, "ongoing"));
  EXPECT_EQ(mobility["planned_end"], "2028-07-31");
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "complete"}, {"on", "2027-09-30"}}), 422,
                      "validation_failed", "on"));
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility, {{"step", "complete"}, {"on", "2028-07-30"}}, "completed"));
  EXPECT_EQ(mobility["actual_end"], "2028-07-30");
  const Response final_step = Step(mobility, {{"step", "cancel"}, {"reason", "too late"}});
  EXPECT_TRUE(IsError(final_step, 422, "validation_failed", "step"));
  EXPECT_NE(final_step.body.find("final"), std::string::npos) << final_step;

  // An edit never moves the track: the stay stays completed.
  Json edited = mobility;
  edited["stay_state"] = "nominated";
  edited["actual_end"] = nullptr;
  edited["fewer_opportunities"] = true;
  const Response updated = office.Put(MobilityPath(IdOf(mobility)), edited, VersionOf(mobility));
  ASSERT_TRUE(IsJson(updated, 200)) << updated;
  EXPECT_EQ(updated.json["stay_state"], "completed");
  EXPECT_EQ(updated.json["actual_end"], "2028-07-30");
  EXPECT_EQ(updated.json["fewer_opportunities"], true);
  EXPECT_TRUE(IsError(office.Delete(MobilityPath(IdOf(mobility)), VersionOf(updated.json)), 409,
                      "conflict", "stay_state"));

  // The timeline: each step once, in order, with its day.
  const Response events = office.Get(MobilityPath(IdOf(mobility)) + "/events");
  ASSERT_TRUE(IsJson(events, 200)) << events;
  const std::vector<std::string> steps = {"accept", "prepare", "start", "extend", "complete"};
  ASSERT_EQ(events.json["items"].size(), steps.size()) << events;
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(events.json["items"][i]["step"], steps[i]);
    EXPECT_EQ(events.json["items"][i]["track"], "stay");
  }
  EXPECT_EQ(events.json["items"][0]["from_state"], "nominated");
  EXPECT_FALSE(events.json["items"][0]["by"].get<std::string>().empty());  // the office's name
  EXPECT_EQ(events.json["items"][2]["on"], "2027-10-02");
  EXPECT_EQ(events.json["items"][4]["to_state"], "completed");
  EXPECT_EQ(events.json["allowed_steps"], Json::array());
  mine = student.Get("/api/v1/me/mobilities");
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  int own_events = 0;
  for (const auto& event : mine.json["events"]) {
    own_events += event["mobility_id"] == mobility["id"] ? 1 : 0;
  }
  EXPECT_EQ(own_events, 5);

  // Students never reach the office's list or another's record.
  EXPECT_TRUE(IsError(student.Get(kMobilities), 403, "forbidden"));
  EXPECT_TRUE(IsError(student.Get(MobilityPath(IdOf(mobility))), 403, "forbidden"));
}

TEST_F(MobilityApi, AFinalYearTertialAbroadNeedsTheEquivalenceDecisionBeforeDeparture) {
  ApiClient office(office_);
  Json tertial = {{"direction", "outgoing"},
                  {"category", "final_year_tertial"},
                  {"student_id", std::stoll(student_id_)},
                  {"host_name", "Kantonsspital Aarau"},
                  {"host_country", "CH"},
                  {"funding_line", "erasmus_ka131_traineeship"},
                  {"academic_year", "2026/2027"},
                  {"planned_start", "2027-03-01"},
                  {"planned_end", "2027-04-25"}};
  // A half tertial of 8 weeks (1 March – 25 April: 56 calendar days, 55 as Erasmus counts them,
  // every month 30 days) is too short for an Erasmus+ traineeship, and the answer says so.
  const Response half = office.Post(kMobilities, tertial);
  EXPECT_TRUE(IsError(half, 422, "validation_failed", "funding_line"));
  EXPECT_NE(half.body.find("55 days"), std::string::npos) << half;
  EXPECT_NE(half.body.find("half tertial"), std::string::npos) << half;
  tertial["planned_end"] = "2027-06-20";  // the whole tertial, 16 weeks
  tertial["funding_line"] = "erasmus_ka131_studies";
  EXPECT_TRUE(IsError(office.Post(kMobilities, tertial), 422, "validation_failed", "funding_line"));
  tertial["funding_line"] = "erasmus_ka131_traineeship";
  const Response created = office.Post(kMobilities, tertial);
  ASSERT_TRUE(IsJson(created, 201)) << created;
  Json mobility = created.json;
  EXPECT_EQ(mobility["partner_name"], "Kantonsspital Aarau");
  EXPECT_EQ(mobility["stay_state"], "nominated");
  EXPECT_TRUE(mobility["equivalence_decided_on"].is_null());
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "accept"}}, "accepted"));
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "prepare"}}, "preparing"));
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "start"}, {"on", "2027-03-01"}}), 422,
                      "validation_failed", "equivalence_decided_on"));
  Json decided = mobility;
  decided["equivalence_decided_on"] = "2027-01-15";
  const Response updated = office.Put(MobilityPath(IdOf(mobility)), decided, VersionOf(mobility));
  ASSERT_TRUE(IsJson(updated, 200)) << updated;
  mobility = updated.json;
  EXPECT_EQ(mobility["stay_state"], "preparing");
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "start"}, {"on", "2027-03-01"}}, "ongoing"));
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility, {{"step", "interrupt"}, {"reason", "Hospital closed for two weeks"}},
             "interrupted"));
  ASSERT_NO_FATAL_FAILURE(StepOk(&mobility, {{"step", "resume"}}, "ongoing"));
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility,
             {{"step", "end_early"}, {"on", "2027-05-31"}, {"reason", "Force majeure: evacuation"}},
             "ended_early"));
  EXPECT_EQ(mobility["actual_end"], "2027-05-31");

  // Only a tertial has an equivalence decision.
  Json studies = tertial;
  studies["category"] = "clinical_elective";
  studies["equivalence_decided_on"] = "2027-01-15";
  EXPECT_TRUE(IsError(office.Post(kMobilities, studies), 422, "validation_failed",
                      "equivalence_decided_on"));
}

TEST_F(MobilityApi, StaffAndIncomingMobilitiesAndTheRefusedOnes) {
  ApiClient office(office_);
  // Staff teaching abroad, by name under the partnership.
  const Response staff = office.Post(kMobilities, StaffBody());
  ASSERT_TRUE(IsJson(staff, 201)) << staff;
  EXPECT_EQ(staff.json["family_name"], staff_name_);
  EXPECT_TRUE(staff.json["student_id"].is_null());
  EXPECT_TRUE(staff.json["application_id"].is_null());
  EXPECT_FALSE(staff.json["partner_name"].get<std::string>().empty());
  // An incoming student from the same partner.
  Json incoming = StaffBody();
  incoming["direction"] = "incoming";
  incoming["category"] = "student_studies";
  incoming["family_name"] = "Kowalska";
  incoming["planned_start"] = "2027-10-01";
  incoming["planned_end"] = "2028-02-28";
  const Response in = office.Post(kMobilities, incoming);
  ASSERT_TRUE(IsJson(in, 201)) << in;
  EXPECT_EQ(in.json["direction"], "incoming");

  // Refusals, each naming its field.
  const auto refused = [&](Json body, const std::string& field) {
    const Response answered = office.Post(kMobilities, body);
    EXPECT_TRUE(IsError(answered, 422, "validation_failed", field)) << body;
  };
  Json body = StaffBody();
  body["student_id"] = std::stoll(student_id_);
  refused(body, "student_id");
  body = StaffBody();
  body.erase("family_name");
  refused(body, "family_name");
  body = StaffBody();
  body["planned_end"] = "2027-11-01";
  refused(body, "planned_end");
  body = StaffBody();
  body.erase("partnership_id");
  refused(body, "partnership_id");
  body["host_name"] = "Hôpital de la Croix-Rousse";
  refused(body, "host_country");
  body = StaffBody();
  body["partnership_id"] = 999999999;
  refused(body, "partnership_id");
  std::string other_agreement;
  ASSERT_NO_FATAL_FAILURE(SqlOne(
      "SELECT id FROM agreements WHERE partnership_id <> " + quota_[2] + " ORDER BY id LIMIT 1",
      &other_agreement));
  body = StaffBody();
  body["agreement_id"] = std::stoll(other_agreement);
  refused(body, "agreement_id");
  std::string student_quota;
  ASSERT_NO_FATAL_FAILURE(SqlOne("SELECT id FROM quotas WHERE agreement_id = " + quota_[1] +
                                     " AND category <> 'staff_teaching' ORDER BY id LIMIT 1",
                                 &student_quota));
  body = StaffBody();
  body["agreement_id"] = std::stoll(quota_[1]);
  body["quota_id"] = std::stoll(student_quota);
  refused(body, "quota_id");
  body = StaffBody();
  body["email"] = "not an address";
  refused(body, "email");
  body = StaffBody();
  body["academic_year"] = "2027";
  refused(body, "academic_year");
  body = StaffBody();
  body["funding_line"] = "erasmus_ka131_studies";
  refused(body, "funding_line");
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(
      TotalOf(Query(kMobilities, {{"partnership_id", quota_[2]}, {"q", staff_name_}}), &total));
  EXPECT_EQ(total, 1);  // none of the refused ones was written

  // Cancelled with a reason; a nominated one may be removed, with its steps.
  Json mobility = in.json;
  EXPECT_TRUE(IsError(Step(mobility, {{"step", "cancel"}}), 422, "validation_failed", "reason"));
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility, {{"step", "cancel"}, {"reason", "The partner withdrew"}}, "cancelled"));
  const Response removed = office.Delete(MobilityPath(IdOf(staff.json)), VersionOf(staff.json));
  EXPECT_EQ(removed.status, 204) << removed;
  EXPECT_EQ(office.Get(MobilityPath(IdOf(staff.json))).status, 404);

  // Lists filter by direction, category and state.
  ASSERT_NO_FATAL_FAILURE(
      TotalOf(Query(kMobilities,
                    {{"direction", "incoming"}, {"stay_state", "cancelled"}, {"q", "Kowalska"}}),
              &total));
  EXPECT_GE(total, 1);
  EXPECT_TRUE(IsError(office.Get(Query(kMobilities, {{"stay_state", "gone"}})), 422,
                      "validation_failed", "stay_state"));
}

TEST_F(MobilityApi, AStudentsMobilitiesAreInTheirDataAndOutliveTheirErasureWithoutTheirName) {
  Account person;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &person));
  const std::string family_name = Unique("Lindqvist");
  std::string student;
  ASSERT_NO_FATAL_FAILURE(StudentRecordOf(person, family_name, 1.7, &student));
  Json body = StaffBody();
  body.erase("family_name");
  body.erase("given_name");
  body.erase("email");
  body["category"] = "student_studies";
  body["student_id"] = std::stoll(student);
  body["planned_start"] = "2027-10-01";
  body["planned_end"] = "2028-03-31";
  const Response created = ApiClient(office_).Post(kMobilities, body);
  ASSERT_TRUE(IsJson(created, 201)) << created;
  EXPECT_EQ(created.json["family_name"], family_name);  // from the student record
  EXPECT_EQ(created.json["email"], person.email);
  Json mobility = created.json;
  ASSERT_NO_FATAL_FAILURE(
      StepOk(&mobility, {{"step", "reject"}, {"reason", "The partner has no room this term"}},
             "rejected"));

  const Response data = ApiClient(person.session).Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200)) << data;
  ASSERT_EQ(data.json["records"]["mobilities"].size(), 1u) << data;
  EXPECT_EQ(data.json["records"]["mobilities"][0]["id"], mobility["id"]);

  const std::string path = "/api/v1/users/" + std::to_string(person.id);
  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &user));
  const Response erased =
      Api().Post(path + "/erasure", Json::object(), {{"If-Match", Quoted(VersionOf(user))}});
  ASSERT_TRUE(IsJson(erased, 200)) << erased;
  Json after;
  ASSERT_NO_FATAL_FAILURE(GetOk(MobilityPath(IdOf(mobility)), &after));
  EXPECT_EQ(after["family_name"], "Erased");
  EXPECT_TRUE(after["email"].is_null());
  EXPECT_EQ(after["stay_state"], "rejected");  // the figures still count it
  EXPECT_EQ(after.dump().find(family_name), std::string::npos) << after;
  const Response events = Api().Get(MobilityPath(IdOf(mobility)) + "/events");
  ASSERT_TRUE(IsJson(events, 200)) << events;
  ASSERT_EQ(events.json["items"].size(), 1u);
  EXPECT_TRUE(events.json["items"][0]["reason"].is_null()) << events;
}

TEST_F(MobilityApi, APartnersRejectionPutsTheStudentBackOnTheCallsWaitingList) {
  std::string call, first, second, application;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &call));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &first));
  ASSERT_NO_FATAL_FAILURE(AddOffer(call, &second));
  ASSERT_NO_FATAL_FAILURE(
      AddApplication(call, student_id_, {first, second}, "checked", &application));
  Json run;
  ASSERT_NO_FATAL_FAILURE(StartRun(call, &run));
  ASSERT_NO_FATAL_FAILURE(SignOff(&run));
  ASSERT_NO_FATAL_FAILURE(Publish(&run));
  ApiClient student(student_);
  ASSERT_TRUE(IsJson(student.Post(Mine(call) + "/accept", Json::object()), 200));
  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kMobilities, {{"student_id", student_id_}}), 50, &items));
  Json mobility;
  for (const auto& item : items) {
    if (item["application_id"] == std::stoll(application)) {
      mobility = item;
    }
  }
  ASSERT_TRUE(mobility.is_object()) << "the accepted place nominated the student";
  EXPECT_EQ(mobility["offer_id"], std::stoll(first));

  // The partner does not accept the nomination: the place is given back.
  ASSERT_NO_FATAL_FAILURE(StepOk(
      &mobility, {{"step", "reject"}, {"reason", "The partner's programme is full"}}, "rejected"));
  const Response mine = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  EXPECT_EQ(mine.json["result"]["response"], "released") << mine;
  EXPECT_FALSE(mine.json["result"]["can_respond"].get<bool>());
  const Response results = Api().Get(Run(IdOf(run)) + "/results");
  ASSERT_TRUE(IsJson(results, 200)) << results;
  ASSERT_EQ(results.json["items"].size(), 1u);
  EXPECT_EQ(results.json["items"][0]["response"], "released");

  // Once round one's answers are in, round two gives the student their next wish, never the
  // offer whose partner refused them, though its place is free again.
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE allocation_runs SET accept_by = '2001-02-01' WHERE id = " +
              std::to_string(IdOf(run))));
  Json second_run;
  ASSERT_NO_FATAL_FAILURE(StartRun(call, &second_run));
  EXPECT_EQ(second_run["round"], 2);
  EXPECT_EQ(second_run["applicants"], 1);
  EXPECT_EQ(second_run["places"], 2);  // the released place is free again
  const Response again = Api().Get(Run(IdOf(second_run)) + "/results");
  ASSERT_TRUE(IsJson(again, 200)) << again;
  ASSERT_EQ(again.json["items"].size(), 1u);
  EXPECT_EQ(again.json["items"][0]["offer"]["id"], std::stoll(second)) << again;
}

}  // namespace
}  // namespace weltcampus::api_test
