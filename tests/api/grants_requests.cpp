#include "grants_requests.h"

#include <string>
#include <utility>
#include <vector>

namespace weltcampus::api_test::grants {

std::string Id(const Json& record) { return std::to_string(IdOf(record)); }
std::string I(const std::string& prefix, const Json& record) {
  return "/api/v1/" + prefix + "/" + Id(record);
}
ApiClient As(const Cell& cell) { return ApiClient(cell.session()); }

Json InstitutionBody() { return NewInstitutionBody("PT"); }
Json JointBody() {
  return {{"kind", "joint_programme"},
          {"name", Unique("Joint programme")},
          {"description", "Made by the grant tests"},
          {"since", "2020-10-01"}};
}
Json ContactBody() {
  return {{"role", "exchange_coordinator"},
          {"name", Unique("Contact")},
          {"email", "contact@example.org"}};
}
Json NoteBody() { return {{"noted_on", "2026-11-02"}, {"kind", "call"}, {"text", "Phoned"}}; }
Json DocumentBody() { return {{"title", Unique("Annex")}, {"kind", "annex"}}; }
Json OrgUnitBody(long long parent) {
  return {{"parent_id", parent},
          {"name", Unique("Institute")},
          {"name_de", "Institut"},
          {"kind", "institute"},
          {"code", UniqueLetters(6)}};
}
Json ProgrammeBody(const std::string& unit) {
  return {{"code", UniqueLetters(8)}, {"name", Unique("Programme")},
          {"name_de", "Studiengang"}, {"org_unit_id", std::stoll(unit)},
          {"isced_code", "0912"},     {"eqf_level", 7},
          {"single_cycle", false}};
}
Json CertificateBody() {
  return {{"language", "en"}, {"cefr_level", "C1"}, {"name", "IELTS"}, {"issued_on", "2025-06-01"}};
}
Json StayBody() {
  return {{"country", "FR"}, {"months", 3}, {"study_cycle", "single"}, {"erasmus_funded", false}};
}

// A request that must answer 2xx: GET of a path.
Valid Read(std::function<void(GrantsApi&, std::string*)> path) {
  return [path](GrantsApi& t, const Cell& cell, Response* out) {
    std::string target;
    ASSERT_NO_FATAL_FAILURE(path(t, &target));
    *out = As(cell).Get(target);
  };
}
std::function<void(GrantsApi&, std::string*)> Shared(
    const std::string& key, std::function<void(GrantsApi&, std::string*, Json*)> make,
    const std::string& suffix) {
  return [key, make, suffix](GrantsApi& t, std::string* path) {
    auto& shared = t.shared_paths();
    if (shared.count(key) == 0) {
      Json record;
      std::string made;
      ASSERT_NO_FATAL_FAILURE(make(t, &made, &record));
      shared[key] = made;
    }
    *path = shared[key] + suffix;
  };
}

Valid ReadPath(const std::string& target) {
  return Read([target](GrantsApi&, std::string* p) { *p = target; });
}
// POST of a body to a collection.
Valid Create(std::function<void(GrantsApi&, std::string*, Json*)> make) {
  return [make](GrantsApi& t, const Cell& cell, Response* out) {
    std::string target;
    Json body;
    ASSERT_NO_FATAL_FAILURE(make(t, &target, &body));
    *out = As(cell).Post(target, body);
  };
}
// PUT of a record as read (at its version) to its path.
Valid Update(std::function<void(GrantsApi&, std::string*)> path) {
  return [path](GrantsApi& t, const Cell& cell, Response* out) {
    std::string target;
    ASSERT_NO_FATAL_FAILURE(path(t, &target));
    GrantsApi::PutBack(cell, target, out);
  };
}
// DELETE of a fresh record at its version: `make` creates it and names its path.
Valid Remove(std::function<void(GrantsApi&, std::string*, Json*)> make) {
  return [make](GrantsApi& t, const Cell& cell, Response* out) {
    std::string target;
    Json record;
    ASSERT_NO_FATAL_FAILURE(make(t, &target, &record));
    GrantsApi::DeleteAs(cell, target, record, out);
  };
}

void FreshPartner(GrantsApi&, PartnerFixture* partner) {
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", partner));
}
void MadeJoint(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(
      GrantsApi::Made(I("partnerships", t.partner()) + "/joint-structures", JointBody(), record));
  *path = I("joint-structures", *record);
}
void MadeContact(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(
      GrantsApi::Made(I("partnerships", t.partner()) + "/contacts", ContactBody(), record));
  *path = I("partner-contacts", *record);
}
void MadeNote(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(
      GrantsApi::Made(I("partnerships", t.partner()) + "/notes", NoteBody(), record));
  *path = I("partner-notes", *record);
}
void MadeDocument(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(
      GrantsApi::Made(I("agreements", t.agreement()) + "/documents", DocumentBody(), record));
  *path = I("agreement-documents", *record);
}
void UploadedFile(GrantsApi& t, std::string* path, Json* file) {
  std::string document;
  Json record;
  ASSERT_NO_FATAL_FAILURE(MadeDocument(t, &document, &record));
  const Response uploaded =
      Api().PostRaw(document + "/files?file_name=annex.pdf", kMinimalPdf, "application/pdf");
  ASSERT_TRUE(IsJson(uploaded, 201)) << uploaded;
  *file = uploaded.json;
  *path = I("agreement-document-files", *file);
}
void MadeAgreement(GrantsApi& t, const std::string& status, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(t.Agreement(status, record));
  *path = AgreementPath(*record);
}
void SchoolUnit(long long* id) {
  const Response units = Api().Get("/api/v1/org-units");
  ASSERT_TRUE(IsJson(units, 200)) << units;
  for (const Json& unit : units.json["items"]) {
    if (unit["parent_id"].is_null()) {
      *id = IdOf(unit);
      return;
    }
  }
  FAIL() << "no unit without a parent (the school): " << units;
}
void MadeOrgUnit(GrantsApi&, std::string* path, Json* record) {
  long long school = 0;
  ASSERT_NO_FATAL_FAILURE(SchoolUnit(&school));
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made("/api/v1/org-units", OrgUnitBody(school), record));
  *path = I("org-units", *record);
}
void MadeProgramme(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made("/api/v1/programmes", ProgrammeBody(t.unit()), record));
  *path = I("programmes", *record);
}
void MadeStudent(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made("/api/v1/students", t.StudentBody(-1), record));
  *path = I("students", *record);
}
void MadeCertificate(GrantsApi& t, std::string* path, Json* record) {
  std::string student;
  Json owner;
  ASSERT_NO_FATAL_FAILURE(MadeStudent(t, &student, &owner));
  ASSERT_NO_FATAL_FAILURE(
      GrantsApi::Made(student + "/language-certificates", CertificateBody(), record));
  *path = I("student-language-certificates", *record);
}
void MadeStay(GrantsApi& t, std::string* path, Json* record) {
  std::string student;
  Json owner;
  ASSERT_NO_FATAL_FAILURE(MadeStudent(t, &student, &owner));
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made(student + "/stays-abroad", StayBody(), record));
  *path = I("student-stays-abroad", *record);
}
// A call of next year made through the API, and an offer of it from a fresh active agreement.
void MadeCall(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made(kCalls, CallBody(std::stoll(t.unit())), record));
  *path = I("calls", *record);
}
void OfferBodyOfFreshQuota(Json* body) {
  QuotaFixture quotas;
  ASSERT_NO_FATAL_FAILURE(CreateQuotas("active", CallYear() - 1, CallYear() + 1, &quotas));
  *body = OfferBody(quotas.outgoing, "winter", 1, 5);
}
void MadeOffer(GrantsApi& t, std::string* path, Json* record) {
  std::string call;
  Json made_call, body;
  ASSERT_NO_FATAL_FAILURE(MadeCall(t, &call, &made_call));
  ASSERT_NO_FATAL_FAILURE(OfferBodyOfFreshQuota(&body));
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made(call + "/offers", body, record));
  *path = I("offers", *record);
}

// A job of the cell's own (an import job of another server, still running or ended with a report):
// jobs are made by imports, which most roles may not start.
void OwnJob(const Cell& cell, const std::string& status, std::string* path) {
  std::string& ended = cell.person->ended_job;
  if (status == "succeeded" && !ended.empty()) {
    *path = ended;
    return;
  }
  const std::string now = "'2026-12-03T12:00:00Z'";
  std::string id;
  ASSERT_NO_FATAL_FAILURE(SqlOne(
      "INSERT INTO jobs (kind, status, params, created_by, runner, heartbeat_at, created_at, "
      "started_at, updated_at) VALUES ('import', '" +
          status +
          "', '{\"import\": \"isced\", \"dry_run\": true, \"columns\": {}, \"file_name\": "
          "\"grants.csv\"}', " +
          std::to_string(cell.user_id()) + ", 'grant-tests', '2999-01-01T00:00:00Z', " + now +
          ", " + now + ", " + now + ") RETURNING id",
      &id));
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "INSERT INTO job_files (job_id, role, name, content_type, content, created_at) VALUES (" +
      id +
      ", 'report', 'report.csv', 'text/csv; charset=utf-8', 'line,outcome,key,name,reason\n', " +
      now + ")"));
  *path = "/api/v1/jobs/" + id;
  if (status == "succeeded") {
    ended = *path;
  }
}

Valid Login() {
  return [](GrantsApi& t, const Cell& cell, Response* out) {
    const Person& person = cell.person != nullptr ? *cell.person : t.person("incoming_guest");
    *out = ApiClient().Post("/api/v1/auth/login", {{"email", person.account.email},
                                                   {"password", person.account.password}});
  };
}

// A student's request on their own application in a fresh call: `prepare` brings the application
// to the state the request needs, then `path` (after the call's my-application) is sent.
Valid Mine(const std::string& method, const std::string& suffix, bool submitted) {
  return [method, suffix, submitted](GrantsApi& t, const Cell& cell, Response* out) {
    ApiClient student(cell.session());
    if (method == "PUT") {
      std::vector<std::string> ids;
      ASSERT_NO_FATAL_FAILURE(t.OpenCall(&ids));
      *out = student.Put(GrantsApi::Mine(ids[0]), {{"preferences", {std::stoll(ids[1])}}},
                         std::nullopt);
      return;
    }
    std::string call;
    Json application;
    ASSERT_NO_FATAL_FAILURE(t.OwnApplication(&call, &application));
    const std::string mine = GrantsApi::Mine(call);
    if (submitted) {
      const Response done = student.Post(mine + "/submit", Json::object(),
                                         GrantsApi::IfMatch(VersionOf(application)));
      ASSERT_TRUE(IsJson(done, 200)) << done;
      application = done.json["application"];
    }
    const std::string document = mine + "/documents/motivation_letter";
    if (suffix == "/documents/motivation_letter" && method != "POST") {
      const Response uploaded = student.PostRaw(document, kMinimalPdf, "application/pdf");
      ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
    }
    if (method == "GET") {
      *out = student.Get(mine + suffix);
    } else if (method == "DELETE") {
      *out = student.Delete(mine + suffix, std::nullopt);
    } else if (suffix == "/documents/motivation_letter") {
      *out = student.PostRaw(document, kMinimalPdf, "application/pdf");
    } else {
      *out =
          student.Post(mine + suffix, Json::object(), GrantsApi::IfMatch(VersionOf(application)));
    }
  };
}

// The student's answer to a published result.
Valid Answer(const std::string& what) {
  return [what](GrantsApi& t, const Cell& cell, Response* out) {
    std::string call;
    Json run;
    ASSERT_NO_FATAL_FAILURE(t.PublishedRun(&call, &run));
    const Json body =
        what == "/objection" ? Json{{"text", "Please look at my grade again"}} : Json::object();
    *out = As(cell).Post(GrantsApi::Mine(call) + what, body);
  };
}

// A staff request on the student's application in a closed call.
Valid Application(const std::string& method, const std::string& suffix, const Json& body) {
  return [method, suffix, body](GrantsApi& t, const Cell& cell, Response* out) {
    std::string id;
    ASSERT_NO_FATAL_FAILURE(t.SharedApplication(&id));
    const std::string path = "/api/v1/applications/" + id;
    if (method == "GET") {
      *out = As(cell).Get(path + suffix);
      return;
    }
    Json application;
    ASSERT_NO_FATAL_FAILURE(GetOk(path, &application));
    *out = As(cell).Put(path + suffix, body, VersionOf(application));
  };
}
// A staff request on a run of a closed call started by the office.
Valid OnRun(const std::string& method, const std::string& suffix, const Json& body) {
  return [method, suffix, body](GrantsApi& t, const Cell& cell, Response* out) {
    std::string call, offer;
    Json run;
    ASSERT_NO_FATAL_FAILURE(t.SharedRun(&call, &run, &offer));
    const std::string path = GrantsApi::Run(IdOf(run)) + suffix;
    if (method == "GET") {
      *out = As(cell).Get(path);
    } else if (suffix == "/what-if") {
      *out = As(cell).Post(path, {{"offer_id", std::stoll(offer)}, {"places", 1}});
    } else {
      *out = As(cell).Post(path, body.is_null() ? Json::object() : body);
    }
  };
}

}  // namespace weltcampus::api_test::grants
