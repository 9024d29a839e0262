#pragma once
// What the grant tests (authorization_grants_test.cpp) need to send a valid request on every route:
// one fresh person per role (so that changing one's password or signing out harms no other test;
// the coordinator scoped to the unit of the students' programme, the student with a record of their
// own), the records a request reads or changes, and fresh ones to remove. Records are made by the
// suite's administrator through the API, calls and applications in the past or future straight in
// the database (allocation_fixture.h).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "allocation_fixture.h"
#include "authorization_table.h"
#include "calls_fixture.h"

namespace weltcampus::api_test {

struct Person {
  std::string role;
  Account account;         // signed in, password changed
  std::string student_id;  // the student's own record
  std::string ended_job;   // the path of a job of theirs that has ended, once made
};

// One allowed cell: a person of the role, or anonymous (no session).
struct Cell {
  std::string role;  // "anonymous" for no session
  Person* person = nullptr;
  Session session() const { return person != nullptr ? person->account.session : Session{}; }
  long long user_id() const { return person != nullptr ? person->account.id : -1; }
};

inline std::string PathOf(const std::string& collection, const Json& record) {
  return collection + "/" + std::to_string(IdOf(record));
}

inline const std::string kMinimalPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

class GrantsApi : public AllocationApiTest {
 public:
  using AllocationApiTest::IfMatch;
  using AllocationApiTest::Mine;
  using AllocationApiTest::Run;
  using AllocationApiTest::Runs;
  const Json& partner() const { return partner_.partnership; }
  const Json& institution() const { return partner_.institution; }
  const Session& student_session() { return people_["student"].account.session; }
  const Person& person(const std::string& role) { return people_[role]; }
  std::map<std::string, std::string>& shared_paths() { return shared_paths_; }
  const Json& agreement() const { return agreement_; }
  const std::string& unit() const { return unit_; }

 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(AllocationApiTest::SetUp());
    for (const std::string& role : AllRoles()) {
      Person& person = people_[role];
      person.role = role;
      // The coordinator's scope: the unit of the programme every student here studies in.
      const Json scoped = Json::array({{{"role", role}, {"org_unit_id", std::stoll(unit_)}}});
      ASSERT_NO_FATAL_FAILURE(
          CreateAccountWithRoles(role == "coordinator" ? scoped : Json({role}), &person.account));
    }
    Person& student = people_["student"];
    ASSERT_NO_FATAL_FAILURE(StudentRecord(student.account, &student.student_id));
    ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_));
    ASSERT_NO_FATAL_FAILURE(Agreement("active", &agreement_));
  }

 public:
  // A student record linked to the account, in the first programme.
  void StudentRecord(const Account& account, std::string* id) {
    ASSERT_NO_FATAL_FAILURE(StudentRecordOf(account, "Berechtigt", 1.7, id));
  }
  Json StudentBody(long long user_id) {
    std::string programme;
    SqlOne("SELECT id FROM programmes ORDER BY id LIMIT 1", &programme);
    const std::string number = std::to_string(7000000 + std::stoll(UniqueDigits()) % 2999999);
    Json body{{"matriculation_number", number},
              {"family_name", "Berechtigt"},
              {"given_name", "Greta"},
              {"email", "greta." + UniqueDigits() + "@example.org"},
              {"programme_id", std::stoll(programme)},
              {"study_semester", 5},
              {"grade_average", 1.7}};
    if (user_id > 0) {
      body["user_id"] = user_id;
    }
    return body;
  }
  static std::string UniqueDigits() {
    static long long counter = 0;
    return std::to_string(NowSeconds() % 100000 * 20 + (++counter));
  }

  // An agreement of the fixture's partnership: signed (then made active when asked).
  void Agreement(const std::string& status, Json* out) {
    const int year = CurrentAcademicYearStart();
    ASSERT_NO_FATAL_FAILURE(
        CreateOk(kAgreements,
                 NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution),
                                  status == "active" ? "signed" : status, year - 1, year + 1),
                 out));
    if (status == "active") {
      Json active = *out;
      active["status"] = "active";
      ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(active), active, out));
    }
  }

  // Made by the administrator: the created record.
  static void Made(const std::string& collection, const Json& body, Json* out) {
    ASSERT_NO_FATAL_FAILURE(CreateOk(collection, body, out));
  }

  // Reads the record as the administrator and sends it back unchanged as `cell` at its version.
  static void PutBack(const Cell& cell, const std::string& path, Response* out) {
    Json record;
    ASSERT_NO_FATAL_FAILURE(GetOk(path, &record));
    *out = ApiClient(cell.session()).Put(path, record, VersionOf(record));
  }
  static void DeleteAs(const Cell& cell, const std::string& path, const Json& record,
                       Response* out) {
    *out = ApiClient(cell.session()).Delete(path, VersionOf(record));
  }

  // A call whose application period is open today, with two offers: {call, offer, offer}.
  void OpenCall(std::vector<std::string>* ids) {
    ids->resize(3);
    ASSERT_NO_FATAL_FAILURE(AddCall("2999-01-31", &(*ids)[0]));
    ASSERT_NO_FATAL_FAILURE(AddOffer((*ids)[0], &(*ids)[1]));
    ASSERT_NO_FATAL_FAILURE(AddOffer((*ids)[0], &(*ids)[2]));
  }
  // The student's application in an open call, ranking its first offer: {call, application}.
  void OwnApplication(std::string* call, Json* application) {
    std::vector<std::string> ids;
    ASSERT_NO_FATAL_FAILURE(OpenCall(&ids));
    *call = ids[0];
    const Response saved =
        ApiClient(people_["student"].account.session)
            .Put(Mine(ids[0]), {{"preferences", {std::stoll(ids[1])}}}, std::nullopt);
    ASSERT_TRUE(IsJson(saved, 200)) << saved;
    *application = saved.json["application"];
  }
  // A closed call with two offers where the student and another applied (checked): the call, its
  // first offer and the student's application.
  void ClosedCall(std::string* call, std::string* offer, std::string* mine = nullptr) {
    std::string second, own, other, other_student;
    ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", call));
    ASSERT_NO_FATAL_FAILURE(AddOffer(*call, offer));
    ASSERT_NO_FATAL_FAILURE(AddOffer(*call, &second));
    ASSERT_NO_FATAL_FAILURE(OtherStudent(&other_student));
    ASSERT_NO_FATAL_FAILURE(
        AddApplication(*call, people_["student"].student_id, {*offer, second}, "checked", &own));
    if (mine != nullptr) {
      *mine = own;
    }
    ASSERT_NO_FATAL_FAILURE(AddApplication(*call, other_student, {*offer}, "checked", &other));
  }
  // A run of a closed call started by the office (so that the administrator, the coordinator and
  // management may sign it off): the run as started.
  void StartedRun(std::string* call, Json* run, std::string* offer_out = nullptr) {
    std::string offer;
    ASSERT_NO_FATAL_FAILURE(ClosedCall(call, &offer));
    if (offer_out != nullptr) {
      *offer_out = offer;
    }
    ASSERT_NO_FATAL_FAILURE(StartRun(*call, run));
  }
  // One run started by the office, for the requests that read it, repeat it or ask what-ifs.
  void SharedRun(std::string* call, Json* run, std::string* offer = nullptr) {
    if (shared_run_.is_null()) {
      ASSERT_NO_FATAL_FAILURE(StartedRun(&shared_call_, &shared_run_, &shared_offer_));
    }
    *call = shared_call_;
    *run = shared_run_;
    if (offer != nullptr) {
      *offer = shared_offer_;
    }
  }
  // The student's application in a closed call without a run, for the staff's requests on it.
  void SharedApplication(std::string* id) {
    if (shared_application_.empty()) {
      std::string call, offer;
      ASSERT_NO_FATAL_FAILURE(ClosedCall(&call, &offer, &shared_application_));
    }
    *id = shared_application_;
  }
  void SignedOffRun(std::string* call, Json* run) {
    ASSERT_NO_FATAL_FAILURE(StartedRun(call, run));
    ASSERT_NO_FATAL_FAILURE(SignOff(run));
  }
  void PublishedRun(std::string* call, Json* run) {
    ASSERT_NO_FATAL_FAILURE(SignedOffRun(call, run));
    ASSERT_NO_FATAL_FAILURE(Publish(run));
  }
  // The student's objection to a published result: the objection.
  void Objection(Json* objection) {
    std::string call;
    Json run;
    ASSERT_NO_FATAL_FAILURE(PublishedRun(&call, &run));
    const Response objected = ApiClient(people_["student"].account.session)
                                  .Post(Mine(call) + "/objection", {{"text", "Please look again"}});
    ASSERT_TRUE(IsJson(objected, 200)) << objected;
    const Response listed = Api().Get(Run(IdOf(run)) + "/objections");
    ASSERT_TRUE(IsJson(listed, 200)) << listed;
    ASSERT_EQ(listed.json["items"].size(), 1u) << listed;
    *objection = listed.json["items"][0];
  }

 protected:
  std::map<std::string, Person> people_;
  PartnerFixture partner_;
  Json agreement_;
  std::map<std::string, std::string> shared_paths_;
  // SharedRun's
  std::string shared_call_, shared_offer_, shared_application_;
  Json shared_run_;
};

}  // namespace weltcampus::api_test
