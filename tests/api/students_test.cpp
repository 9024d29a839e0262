// Students as records (issue 10, item 1): the international office keeps the school's programmes
// and its students (created, changed with If-Match, refused with a 4xx naming the field and
// nothing written), imports them from a campus-management export (a report of the rejected rows,
// re-runnable without duplicates), and a student reads and downloads their own record and no one
// else's.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kProgrammes = "/api/v1/programmes";
const std::string kStudents = "/api/v1/students";

// Seven-digit matriculation numbers unique within the run (the demo's are 47xxxxx).
std::string NewMatriculationNumber() {
  static std::atomic<int> counter{0};
  return std::to_string(5100000 + ++counter);
}

// The demo's medicine programme (single-cycle state examination).
void DemoMedicine(Json* programme) {
  const Response list = Api().Get(Query(kProgrammes, {{"q", "MED-STEX"}}));
  ASSERT_TRUE(IsJson(list, 200)) << list;
  ASSERT_EQ(list.json["items"].size(), 1u) << list;
  *programme = list.json["items"][0];
  ASSERT_EQ(programme->value("single_cycle", false), true) << *programme;
}

Json StudentBody(long long programme_id) {
  const std::string number = NewMatriculationNumber();
  return {{"matriculation_number", number}, {"family_name", "Lehmann"},
          {"given_name", Unique("Greta")},  {"email", "s" + number + "@mailbox.example.org"},
          {"programme_id", programme_id},   {"study_semester", 5},
          {"grade_average", 1.7},           {"first_state_exam_passed", true}};
}

std::string StudentPath(const Json& student) {
  return kStudents + "/" + std::to_string(IdOf(student));
}

TEST(Programmes, TheOfficeKeepsProgrammesWithUniqueCodes) {
  Json medicine;
  ASSERT_NO_FATAL_FAILURE(DemoMedicine(&medicine));
  const Json body = {{"code", "T-" + UniqueLetters(6)},
                     {"name", "Global Health (MSc)"},
                     {"name_de", "Global Health (M.Sc.)"},
                     {"org_unit_id", medicine["org_unit_id"]},
                     {"isced_code", "0919"},
                     {"eqf_level", 7}};
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kProgrammes, body, &created));
  EXPECT_EQ(created["single_cycle"], false);
  EXPECT_TRUE(IsError(Api().Post(kProgrammes, body), 409, "conflict", "code"));
  Json bad = body;
  bad["code"] = "T-" + UniqueLetters(6);
  bad["eqf_level"] = 9;
  EXPECT_TRUE(IsError(Api().Post(kProgrammes, bad), 422, "validation_failed", "eqf_level"));
  bad["eqf_level"] = 7;
  // Not the shape of an ISCED-F code (a well-formed one is checked against the table when the
  // table is there, as the partners' quotas are).
  bad["isced_code"] = "09x";
  EXPECT_TRUE(IsError(Api().Post(kProgrammes, bad), 422, "validation_failed", "isced_code"));
  bad["isced_code"] = "0919";
  bad["org_unit_id"] = 987654321;
  EXPECT_TRUE(IsError(Api().Post(kProgrammes, bad), 422, "validation_failed", "org_unit_id"));
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(Query(kProgrammes, {{"q", bad["code"]}}), &total));
  EXPECT_EQ(total, 0);
  // A programme with students stays.
  const Response removal =
      Api().Delete(kProgrammes + "/" + std::to_string(IdOf(medicine)), VersionOf(medicine));
  EXPECT_TRUE(IsError(removal, 409, "conflict")) << removal;
}

TEST(Students, CreateChangeWithIfMatchAndRefusalsThatWriteNothing) {
  Json medicine;
  ASSERT_NO_FATAL_FAILURE(DemoMedicine(&medicine));
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &before));

  // Refused at the boundaries, naming the field, and nothing written.
  const long long programme_id = IdOf(medicine);
  const auto refused = [&](const char* key, const Json& value, int status, const char* code) {
    Json body = StudentBody(programme_id);
    body[key] = value;
    return IsError(Api().Post(kStudents, body), status, code, key);
  };
  EXPECT_TRUE(refused("grade_average", 4.1, 422, "validation_failed"));
  EXPECT_TRUE(refused("grade_average", 0.9, 422, "validation_failed"));
  EXPECT_TRUE(refused("grade_average", 2.35, 422, "validation_failed"));
  EXPECT_TRUE(refused("study_semester", 0, 422, "validation_failed"));
  EXPECT_TRUE(refused("study_semester", 21, 422, "validation_failed"));
  EXPECT_TRUE(refused("matriculation_number", "1234", 422, "validation_failed"));
  EXPECT_TRUE(refused("matriculation_number", "12345678901", 422, "validation_failed"));
  EXPECT_TRUE(refused("email", "no address", 422, "validation_failed"));
  EXPECT_TRUE(refused("programme_id", 987654321, 422, "validation_failed"));
  // Only an account with the student role may be linked.
  Json office;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/me", &office));
  EXPECT_TRUE(refused("user_id", office["id"], 422, "validation_failed"));
  long long after_refusals = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &after_refusals));
  EXPECT_EQ(after_refusals, before);

  // The boundaries themselves are taken.
  Json body = StudentBody(programme_id);
  body["grade_average"] = 4.0;
  body["study_semester"] = 20;
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kStudents, body, &created));
  EXPECT_EQ(created["grade_average"], 4.0);
  EXPECT_EQ(created["study_semester"], 20);
  EXPECT_TRUE(created["user_id"].is_null());
  body = StudentBody(programme_id);
  body["grade_average"] = 1.0;
  body["study_semester"] = 1;
  Json first;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kStudents, body, &first));
  // One matriculation number, one student.
  Json twin = StudentBody(programme_id);
  twin["matriculation_number"] = created["matriculation_number"];
  EXPECT_TRUE(IsError(Api().Post(kStudents, twin), 409, "conflict", "matriculation_number"));

  // Changed with If-Match; a stale version is refused with 412 and changes nothing.
  Json changed = created;
  changed["study_semester"] = 6;
  changed["grade_average"] = 2.3;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(StudentPath(created), changed, &updated));
  EXPECT_EQ(updated["study_semester"], 6);
  EXPECT_EQ(VersionOf(updated), VersionOf(created) + 1);
  changed["study_semester"] = 7;
  EXPECT_TRUE(IsError(Api().Put(StudentPath(created), changed, VersionOf(created)), 412,
                      "precondition_failed"));
  EXPECT_EQ(Api().Put(StudentPath(created), changed, std::nullopt).status, 428);
  Json reread;
  ASSERT_NO_FATAL_FAILURE(GetOk(StudentPath(created), &reread));
  EXPECT_EQ(reread["study_semester"], 6);

  // Certificates and stays abroad: records of the student, with their own limits.
  const std::string certificates = StudentPath(created) + "/language-certificates";
  Json certificate;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(certificates, {{"language", "en"}, {"cefr_level", "C1"}, {"name", "IELTS Academic"}},
               &certificate));
  EXPECT_EQ(certificate["student_id"], IdOf(created));
  EXPECT_TRUE(IsError(Api().Post(certificates, {{"language", "en"}, {"cefr_level", "C3"}}), 422,
                      "validation_failed", "cefr_level"));
  EXPECT_TRUE(IsError(Api().Post(certificates, {{"language", "english"}, {"cefr_level", "B2"}}),
                      422, "validation_failed", "language"));
  const std::string stays = StudentPath(created) + "/stays-abroad";
  Json stay;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      stays,
      {{"country", "SE"}, {"months", 5}, {"study_cycle", "single"}, {"erasmus_funded", true}},
      &stay));
  EXPECT_TRUE(
      IsError(Api().Post(stays, {{"country", "SE"}, {"months", 25}, {"study_cycle", "single"}}),
              422, "validation_failed", "months"));
  EXPECT_TRUE(IsError(Api().Post(kStudents + "/987654321/stays-abroad",
                                 {{"country", "SE"}, {"months", 5}, {"study_cycle", "single"}}),
                      404, "not_found"));
  long long listed = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(certificates, &listed));
  EXPECT_EQ(listed, 1);
  // A student with certificates or stays is removed only after them.
  EXPECT_TRUE(IsError(Api().Delete(StudentPath(created), VersionOf(updated)), 409, "conflict"));

  // The list: filters, paging and exports.
  const Response found = Api().Get(Query(kStudents, {{"q", Str(created, "matriculation_number")}}));
  ASSERT_TRUE(IsJson(found, 200)) << found;
  ASSERT_EQ(found.json["items"].size(), 1u) << found;
  const Response page = Api().Get(Query(kStudents, {{"limit", "20"}, {"sort", "name"}}));
  ASSERT_TRUE(IsJson(page, 200)) << page;
  EXPECT_EQ(page.json["items"].size(), 20u);
  EXPECT_FALSE(page.json["next_cursor"].is_null());
  const Response csv =
      Api().Get(Query(kStudents, {{"format", "csv"}, {"q", Str(created, "matriculation_number")}}));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_NE(csv.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.body.find(Str(created, "matriculation_number")), std::string::npos) << csv.body;
  EXPECT_TRUE(IsError(Api().Get(Query(kStudents, {{"study_semester", "21"}})), 422,
                      "validation_failed", "study_semester"));
}

// Names sort as people expect (Unicode collation, issue 9's rule for every list): Ö among the O's,
// case not first, whatever the bytes say ("Zimmer" < "Öztürk" byte by byte).
TEST(Students, SortByNameInUnicodeCollation) {
  Json medicine;
  ASSERT_NO_FATAL_FAILURE(DemoMedicine(&medicine));
  // One given name for the four, so that a search finds them and nothing else.
  const std::string given = "Kollation" + UniqueLetters(6);
  for (const char* family : {"Zimmer", "\u00d6zt\u00fcrk", "ohm", "Oberle"}) {
    Json body = StudentBody(IdOf(medicine));
    body["family_name"] = family;
    body["given_name"] = given;
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kStudents, body, &created));
  }
  const Response page = Api().Get(Query(kStudents, {{"q", given}, {"sort", "name"}}));
  ASSERT_TRUE(IsJson(page, 200)) << page;
  std::vector<std::string> names;
  for (const auto& item : page.json["items"]) {
    names.push_back(Str(item, "family_name"));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Oberle", "ohm", "\u00d6zt\u00fcrk", "Zimmer"}));
  const Response reversed = Api().Get(Query(kStudents, {{"q", given}, {"sort", "-name"}}));
  ASSERT_TRUE(IsJson(reversed, 200)) << reversed;
  ASSERT_EQ(reversed.json["items"].size(), 4u) << reversed;
  EXPECT_EQ(Str(reversed.json["items"][0], "family_name"), "Zimmer");
  EXPECT_EQ(Str(reversed.json["items"][3], "family_name"), "Oberle");
}

TEST(Students, TheDemoStudentReadsAndDownloadsTheirOwnRecord) {
  Session session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &session));
  ApiClient student(session);
  const Response own = student.Get("/api/v1/me/student");
  ASSERT_TRUE(IsJson(own, 200)) << own;
  EXPECT_EQ(Str(own.json, "given_name"), "Stefan");
  EXPECT_EQ(own.json["user_id"], SignedInUserId(session));
  EXPECT_EQ(Str(own.json["programme"], "code"), "MED-STEX");
  EXPECT_EQ(own.json["language_certificates"].size(), 2u);
  EXPECT_EQ(own.json["stays_abroad"].size(), 1u);

  const Response json = student.Get("/api/v1/me/student?format=json");
  ASSERT_TRUE(IsJson(json, 200)) << json;
  EXPECT_NE(json.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(json.json["matriculation_number"], own.json["matriculation_number"]);
  const Response csv = student.Get("/api/v1/me/student?format=csv");
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_NE(csv.Header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(csv.body.find("/matriculation_number," + Str(own.json, "matriculation_number")),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("/programme/code,MED-STEX"), std::string::npos) << csv.body;
  EXPECT_TRUE(
      IsError(student.Get("/api/v1/me/student?format=pdf"), 422, "validation_failed", "format"));
  // The list and anybody's record by id are the office's.
  EXPECT_TRUE(IsError(student.Get(kStudents), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(student.Get(kStudents + "/" + std::to_string(IdOf(own.json))), 403, "forbidden"));
}

TEST(Students, AStudentSeesOnlyTheirOwnRecordAndNoOneElses) {
  Json medicine;
  ASSERT_NO_FATAL_FAILURE(DemoMedicine(&medicine));
  Account alice;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &alice));
  Account bob;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &bob));
  ApiClient as_alice(alice.session);
  ApiClient as_bob(bob.session);
  // No record linked yet: there is none to read.
  EXPECT_TRUE(IsError(as_alice.Get("/api/v1/me/student"), 404, "not_found"));

  Json body = StudentBody(IdOf(medicine));
  body["user_id"] = alice.id;
  Json alices;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kStudents, body, &alices));
  // One account, one student.
  Json second = StudentBody(IdOf(medicine));
  second["user_id"] = alice.id;
  EXPECT_TRUE(IsError(Api().Post(kStudents, second), 409, "conflict", "user_id"));

  const Response own = as_alice.Get("/api/v1/me/student");
  ASSERT_TRUE(IsJson(own, 200)) << own;
  EXPECT_EQ(IdOf(own.json), IdOf(alices));
  // Bob has no record: Alice's is not his, and nothing else is either.
  EXPECT_TRUE(IsError(as_bob.Get("/api/v1/me/student"), 404, "not_found"));
  EXPECT_TRUE(IsError(as_bob.Get("/api/v1/me/student?format=csv"), 404, "not_found"));
  EXPECT_TRUE(IsError(as_bob.Get(StudentPath(alices)), 403, "forbidden"));

  // Linked to Bob instead, the record is Bob's and no longer Alice's.
  Json moved = alices;
  moved["user_id"] = bob.id;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(StudentPath(alices), moved, &updated));
  EXPECT_TRUE(IsError(as_alice.Get("/api/v1/me/student"), 404, "not_found"));
  const Response bobs = as_bob.Get("/api/v1/me/student");
  ASSERT_TRUE(IsJson(bobs, 200)) << bobs;
  EXPECT_EQ(IdOf(bobs.json), IdOf(alices));
}

// The student record is personal data of its account: in the account's data export, and gone
// with its certificates and stays when the account is erased (no application points at it yet).
TEST(Students, TheRecordIsInTheAccountsDataExportAndErasedWithTheAccount) {
  Json medicine;
  ASSERT_NO_FATAL_FAILURE(DemoMedicine(&medicine));
  Account carla;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &carla));
  Json body = StudentBody(IdOf(medicine));
  body["user_id"] = carla.id;
  Json student;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kStudents, body, &student));
  Json certificate;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(StudentPath(student) + "/language-certificates",
               Json{{"language", "es"}, {"cefr_level", "B2"}, {"name", "DELE B2"}}, &certificate));

  ApiClient as_carla(carla.session);
  const Response data = as_carla.Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200)) << data;
  const Json& record = data.json["records"]["student_record"];
  ASSERT_TRUE(record.is_object()) << data;
  EXPECT_EQ(Str(record, "matriculation_number"), Str(body, "matriculation_number"));
  ASSERT_EQ(record["language_certificates"].size(), 1u) << record.dump();
  // An account without a student record exports null there.
  const Response office_data = Api().Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(office_data, 200)) << office_data;
  EXPECT_TRUE(office_data.json["records"]["student_record"].is_null()) << office_data;

  const std::string account = "/api/v1/users/" + std::to_string(carla.id);
  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk(account, &user));
  ASSERT_TRUE(IsJson(
      Api().Post(account + "/erasure", Json::object(), {{"If-Match", Quoted(VersionOf(user))}}),
      200));
  EXPECT_TRUE(IsError(Api().Get(StudentPath(student)), 404, "not_found"));
  EXPECT_TRUE(IsError(
      Api().Get("/api/v1/student-language-certificates/" + std::to_string(IdOf(certificate))), 404,
      "not_found"));
  const Response after = Api().Get(account + "/data");
  ASSERT_TRUE(IsJson(after, 200)) << after;
  EXPECT_TRUE(after.json["records"]["student_record"].is_null()) << after;
  EXPECT_EQ(after.body.find(Str(body, "email")), std::string::npos) << after;

  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries("entity_type=student", &entries));
  bool erased = false;
  for (const Json& entry : entries) {
    if (Str(entry, "action") == "erase" &&
        entry.value("entity_id", Json()) == Json(std::to_string(IdOf(student)))) {
      erased = true;
      EXPECT_EQ(entry["after"].value("student", ""), "deleted") << entry.dump();
      EXPECT_EQ(entry["after"].value("language_certificates_deleted", -1), 1) << entry.dump();
    }
  }
  EXPECT_TRUE(erased) << "the erasure of the student record must be audited";
}

Response PostStudentImport(const std::string& csv, bool dry_run) {
  return Api().PostRaw(Query("/api/v1/imports/students",
                             {{"dry_run", dry_run ? "true" : "false"}, {"file_name", "his.csv"}}),
                       csv, "text/csv");
}

void RunStudentImport(const std::string& csv, bool dry_run, Json* job) {
  const Response queued = PostStudentImport(csv, dry_run);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), job));
  ASSERT_EQ(Str(*job, "status"), "succeeded") << job->dump();
}

TEST(Students, ImportFromACampusManagementExport) {
  // An export as the campus-management system writes it: German headers, decimal commas.
  std::vector<std::string> numbers;
  for (int i = 0; i < 4; ++i) {
    numbers.push_back(NewMatriculationNumber());
  }
  const std::string header =
      "Matrikelnummer,Nachname,Vorname,E-Mail,Studiengang,Fachsemester,Durchschnittsnote,"
      "Erster Abschnitt bestanden\n";
  const auto row = [](const std::string& number, const std::string& family,
                      const std::string& programme, const std::string& semester,
                      const std::string& grade, const std::string& passed) {
    return number + "," + family + ",Jana,s" + number + "@mailbox.example.org," + programme + "," +
           semester + ",\"" + grade + "\"," + passed + "\n";
  };
  const std::string csv = header + row(numbers[0], "Böhme", "MED-STEX", "7", "1,9", "ja") +
                          row(numbers[1], "Seidel", "DENT-STEX", "3", "2,4", "nein") +
                          row(numbers[2], "Ullrich", "VET-STEX", "5", "2,0", "ja") +
                          row(numbers[3], "Heinrich", "PH-MSC", "2", "4,3", "nein") +
                          row(numbers[0], "Böhme", "MED-STEX", "7", "1,9", "ja");
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &before));

  Json dry;
  ASSERT_NO_FATAL_FAILURE(RunStudentImport(csv, true, &dry));
  EXPECT_EQ(dry["result"]["added"], 2);
  long long after_dry = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &after_dry));
  EXPECT_EQ(after_dry, before);

  Json job;
  ASSERT_NO_FATAL_FAILURE(RunStudentImport(csv, false, &job));
  const Json& result = job["result"];
  EXPECT_EQ(result["added"], 2);
  EXPECT_EQ(result["rejected"], 3);
  ASSERT_EQ(result["rejected_rows"].size(), 3u) << result.dump();
  EXPECT_EQ(result["rejected_rows"][0]["line"], 4);
  EXPECT_NE(Str(result["rejected_rows"][0], "reason").find("unknown programme \"VET-STEX\""),
            std::string::npos)
      << result.dump();
  EXPECT_EQ(result["rejected_rows"][1]["line"], 5);
  EXPECT_NE(Str(result["rejected_rows"][1], "reason").find("grade_average"), std::string::npos);
  EXPECT_EQ(result["rejected_rows"][2]["line"], 6);
  EXPECT_NE(Str(result["rejected_rows"][2], "reason").find("appears twice"), std::string::npos);
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &after));
  EXPECT_EQ(after, before + 2);
  const Response imported = Api().Get(Query(kStudents, {{"q", numbers[0]}}));
  ASSERT_TRUE(IsJson(imported, 200)) << imported;
  ASSERT_EQ(imported.json["items"].size(), 1u);
  EXPECT_EQ(imported.json["items"][0]["grade_average"], 1.9);
  EXPECT_EQ(imported.json["items"][0]["first_state_exam_passed"], true);

  // Again: nothing added twice; a changed semester updates the student in place.
  Json again;
  ASSERT_NO_FATAL_FAILURE(RunStudentImport(csv, false, &again));
  EXPECT_EQ(again["result"]["added"], 0);
  EXPECT_EQ(again["result"]["unchanged"], 2);
  Json next;
  ASSERT_NO_FATAL_FAILURE(RunStudentImport(
      header + row(numbers[0], "Böhme", "MED-STEX", "8", "1,9", "ja"), false, &next));
  EXPECT_EQ(next["result"]["updated"], 1);
  long long after_again = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kStudents, &after_again));
  EXPECT_EQ(after_again, after);
  const Response changed = Api().Get(Query(kStudents, {{"q", numbers[0]}}));
  ASSERT_TRUE(IsJson(changed, 200)) << changed;
  EXPECT_EQ(changed.json["items"][0]["study_semester"], 8);

  // A file without a required column is refused whole.
  Json missing;
  const Response queued =
      PostStudentImport("Matrikelnummer,Nachname\n" + numbers[2] + ",X\n", true);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &missing));
  EXPECT_EQ(Str(missing, "status"), "failed") << missing.dump();
}

}  // namespace
}  // namespace weltcampus::api_test
