// docs/api.md: "PUT and DELETE need If-Match: "<version>"; a stale one answers 412 — before any
// other rule is looked at"; without it 428. Every PUT and DELETE operation of the OpenAPI document
// the server serves is tried on a real record of its own: a stale If-Match answers 412 and a
// missing one 428, and neither changes the record. An operation without a row here fails the test,
// so a new route needs one; the documented exceptions say why.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "accounts.h"
#include "api_client.h"
#include "claims_support.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// A record to send a PUT or DELETE to.
struct PreconditionTarget {
  std::string path;
  Json body;                           // the PUT's body (also for the DELETE rows: see `bump`)
  std::function<long long()> version;  // the record's version now; -1 when it is gone
  // A PUT with the current version first: the version sent afterwards is then truly an older one.
  // Off for records of the demo whose edit other rules may refuse (then the stale version is one
  // the record does not have).
  bool bump = true;
  bool remove_after = true;   // DELETE rows: the record is removed with its version at the end
  std::optional<Session> as;  // another person than the test's admin (PUT /me)
};

using PreconditionSetup = std::function<void(PreconditionTarget*)>;

PreconditionTarget TargetOf(std::string path, Json body, std::function<long long()> version) {
  PreconditionTarget target;
  target.path = std::move(path);
  target.body = std::move(body);
  target.version = std::move(version);
  return target;
}

long long VersionAt(const std::string& path, ApiClient& client = Api()) {
  const Response answer = client.Get(path);
  return answer.status == 200 && answer.json_ok ? VersionOf(answer.json) : -1;
}

PreconditionTarget RecordAt(const std::string& path) {
  Json record;
  GetOk(path, &record);
  return TargetOf(path, record, [path] { return VersionAt(path); });
}

std::string ChildRecord(const std::string& collection, const Json& body, const std::string& path) {
  Json created;
  CreateOk(collection, body, &created);
  return path + "/" + std::to_string(IdOf(created));
}

std::string NewInstitution() {
  return ChildRecord(kInstitutions, NewInstitutionBody("IE"), kInstitutions);
}

std::string NewPartnership() {
  PartnerFixture partner;
  CreatePartner("standard", &partner);
  return "/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership));
}

std::string NewAgreement() {
  PartnerFixture partner;
  CreatePartner("standard", &partner);
  const int year = CurrentAcademicYearStart();
  return ChildRecord(kAgreements,
                     NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft",
                                      year, year + 1),
                     kAgreements);
}

std::string MedicineField(const std::string& field) {
  const Response list = Api().Get(Query("/api/v1/programmes", {{"q", "MED-STEX"}}));
  return list.json_ok && !list.json["items"].empty() ? list.json["items"][0][field].dump() : "0";
}

std::string NewPreconditionStudent() {
  static std::atomic<int> counter{0};
  const Json body = {{"matriculation_number", std::to_string(5300000 + ++counter)},
                     {"family_name", "Vorbedingung"},
                     {"given_name", Unique("Ida")},
                     {"email", "pre" + LowerCase(UniqueLetters(6)) + "@mailbox.example.org"},
                     {"programme_id", std::stoll(MedicineField("id"))},
                     {"study_semester", 5},
                     {"grade_average", 2.1},
                     {"first_state_exam_passed", true}};
  return ChildRecord("/api/v1/students", body, "/api/v1/students");
}

// The first id SQL finds (a record of the demo's exchange).
std::string DemoId(const std::string& sql) { return SqlValueOn(Server().db_url, sql); }

// The rows: each PUT and DELETE operation and how to make its record.
const std::map<std::pair<std::string, std::string>, PreconditionSetup>& PreconditionRows() {
  static const std::map<std::pair<std::string, std::string>, PreconditionSetup> rows = [] {
    std::map<std::pair<std::string, std::string>, PreconditionSetup> r;
    const auto both = [&r](const std::string& path, const PreconditionSetup& setup) {
      r[{"PUT", path}] = setup;
      r[{"DELETE", path}] = setup;
    };
    both("/api/v1/institutions/{id}",
         [](PreconditionTarget* t) { *t = RecordAt(NewInstitution()); });
    both("/api/v1/partnerships/{id}",
         [](PreconditionTarget* t) { *t = RecordAt(NewPartnership()); });
    both("/api/v1/agreements/{id}", [](PreconditionTarget* t) { *t = RecordAt(NewAgreement()); });
    both("/api/v1/agreement-documents/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewAgreement() + "/documents",
                                {{"title", Unique("Annex")}, {"kind", "annex"}},
                                "/api/v1/agreement-documents"));
    });
    both("/api/v1/joint-structures/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewPartnership() + "/joint-structures",
                                {{"kind", "joint_programme"},
                                 {"name", Unique("Joint MSc")},
                                 {"description", "Two schools"},
                                 {"since", "2025-10-01"}},
                                "/api/v1/joint-structures"));
    });
    both("/api/v1/partner-contacts/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewPartnership() + "/contacts",
                                {{"role", "international_office"},
                                 {"name", Unique("Ada Lovelace")},
                                 {"email", "ada@example.org"}},
                                "/api/v1/partner-contacts"));
    });
    both("/api/v1/partner-notes/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewPartnership() + "/notes",
                                {{"noted_on", "2026-11-02"}, {"kind", "note"}, {"text", "Called"}},
                                "/api/v1/partner-notes"));
    });
    both("/api/v1/org-units/{id}", [](PreconditionTarget* t) {
      const std::string letters = UniqueLetters(8);
      *t = RecordAt(ChildRecord("/api/v1/org-units",
                                {{"parent_id", std::stoll(MedicineField("org_unit_id"))},
                                 {"name", "Institute of Preconditions " + letters},
                                 {"kind", "institute"},
                                 {"code", "IOP" + letters}},
                                "/api/v1/org-units"));
    });
    both("/api/v1/programmes/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord("/api/v1/programmes",
                                {{"code", "P-" + UniqueLetters(6)},
                                 {"name", Unique("Preconditions MSc")},
                                 {"name_de", "Vorbedingungen (M.Sc.)"},
                                 {"org_unit_id", std::stoll(MedicineField("org_unit_id"))},
                                 {"isced_code", "0919"},
                                 {"eqf_level", 7}},
                                "/api/v1/programmes"));
    });
    both("/api/v1/students/{id}",
         [](PreconditionTarget* t) { *t = RecordAt(NewPreconditionStudent()); });
    both("/api/v1/student-language-certificates/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewPreconditionStudent() + "/language-certificates",
                                {{"language", "es"}, {"cefr_level", "B2"}, {"name", "DELE B2"}},
                                "/api/v1/student-language-certificates"));
    });
    both("/api/v1/student-stays-abroad/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord(NewPreconditionStudent() + "/stays-abroad",
                                {{"country", "SE"}, {"months", 5}, {"study_cycle", "single"}},
                                "/api/v1/student-stays-abroad"));
    });
    both("/api/v1/mobilities/{id}", [](PreconditionTarget* t) {
      *t = RecordAt(ChildRecord("/api/v1/mobilities",
                                {{"direction", "incoming"},
                                 {"category", "staff_teaching"},
                                 {"family_name", "Vorbedingung"},
                                 {"given_name", Unique("Ola")},
                                 {"host_name", "Universitetet i Bergen"},
                                 {"host_country", "NO"},
                                 {"academic_year", "2027/2028"},
                                 {"planned_start", "2027-11-08"},
                                 {"planned_end", "2027-11-12"}},
                                "/api/v1/mobilities"));
    });
    // The demo's calls and offers: edits of them may meet other rules, and they stay.
    both("/api/v1/calls/{id}", [](PreconditionTarget* t) {
      *t = RecordAt("/api/v1/calls/" + DemoId("SELECT id FROM calls ORDER BY id DESC LIMIT 1"));
      t->bump = false;
      t->remove_after = false;
    });
    both("/api/v1/offers/{id}", [](PreconditionTarget* t) {
      *t = RecordAt("/api/v1/offers/" +
                    DemoId("SELECT id FROM call_offers ORDER BY id DESC LIMIT 1"));
      t->bump = false;
      t->remove_after = false;
    });
    r[{"PUT", "/api/v1/users/{id}"}] = [](PreconditionTarget* t) {
      Json created;
      CreateAccountOnly({"researcher"}, &created);
      *t = RecordAt("/api/v1/users/" + std::to_string(IdOf(created)));
    };
    r[{"PUT", "/api/v1/me"}] = [](PreconditionTarget* t) {
      Account account;
      CreateAccount({"researcher"}, &account);
      const Session session = account.session;
      *t = TargetOf("/api/v1/me",
                    {{"display_name", Unique("Renamed")}, {"preferred_language", "de"}}, [session] {
                      ApiClient own(session);
                      return VersionAt("/api/v1/me", own);
                    });
      t->as = session;
    };
    r[{"PUT", "/api/v1/settings/home"}] = [](PreconditionTarget* t) {
      *t = RecordAt("/api/v1/settings/home");
    };
    r[{"PUT", "/api/v1/exchange/application-retention"}] = [](PreconditionTarget* t) {
      *t = RecordAt("/api/v1/exchange/application-retention");
    };
    const auto application = [](const std::string& what, const Json& body) {
      return [what, body](PreconditionTarget* t) {
        const std::string id = DemoId("SELECT id FROM applications ORDER BY id DESC LIMIT 1");
        const std::string read = "/api/v1/applications/" + id;
        *t = TargetOf(read + "/" + what, body, [read] { return VersionAt(read); });
        t->bump = false;
      };
    };
    r[{"PUT", "/api/v1/applications/{id}/score"}] = application("score", {{"committee_points", 1}});
    r[{"PUT", "/api/v1/applications/{id}/completeness"}] =
        application("completeness", {{"complete", true}});
    r[{"PUT", "/api/v1/objections/{id}/answer"}] = [](PreconditionTarget* t) {
      // An objection to the demo's latest run, written straight into the database.
      const std::string id = DemoId(
          "INSERT INTO allocation_objections (run_id, application_id, text, created_at, status, "
          "version) SELECT r.id, a.id, 'Precondition test', '2026-12-01T00:00:00Z', 'open', 3 "
          "FROM allocation_runs r JOIN applications a ON a.call_id = r.call_id WHERE NOT EXISTS "
          "(SELECT 1 FROM allocation_objections o WHERE o.application_id = a.id AND o.run_id = "
          "r.id) ORDER BY r.id DESC, a.id LIMIT 1 RETURNING id");
      *t = TargetOf("/api/v1/objections/" + id + "/answer",
                    {{"decision", "rejected"}, {"answer", "Too late"}}, [id] {
                      const std::string v =
                          SqlValueOn(Server().db_url,
                                     "SELECT version FROM allocation_objections WHERE id = " + id);
                      return v.empty() ? -1LL : std::stoll(v);
                    });
      t->bump = false;
    };
    // The student's own application in a call open now (made in the database, as
    // applications_test.cpp does): without If-Match it is made, afterwards If-Match is needed.
    r[{"PUT", "/api/v1/calls/{id}/my-application"}] = [](PreconditionTarget* t) {
      const std::string now = "'2026-12-03T12:00:00Z'";
      const std::string call = DemoId(
          "INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
          "applications_close, selection_by, publication_on, accept_by, nomination_by, "
          "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
          "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (2027, " +
          MedicineField("org_unit_id") + ", 'places', " + SqlText(Unique("Precondition call")) +
          ", '2000-01-01', '2999-12-30', '2999-12-31', '2999-12-31', '2999-12-31', "
          "'2999-12-31', 2, 7, 50, 30, 20, 10, 'first_stay_first', 1, " +
          now + ", " + now + ") RETURNING id");
      const std::string offer = DemoId(
          "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, "
          "partner_name, term, places, extra_places, months_per_place, eqf_levels, language, "
          "cefr_level, requires_first_state_exam, version, created_at, updated_at) SELECT " +
          call +
          ", q.id, q.agreement_id, a.partnership_id, 'Partner', 'winter', 1, 0, 5, '', NULL, "
          "NULL, 0, 1, " +
          now + ", " + now +
          " FROM quotas q JOIN agreements a ON a.id = q.agreement_id WHERE q.direction = "
          "'outgoing' ORDER BY q.id LIMIT 1 RETURNING id");
      Session student;
      DemoSession("student", &student);
      const std::string mine = "/api/v1/calls/" + call + "/my-application";
      const Json body = {{"preferences", {std::stoll(offer)}}};
      ApiClient client(student);
      const Response made = client.Put(mine, body, std::nullopt);
      EXPECT_EQ(made.status, 200) << made;
      *t = TargetOf(mine, body, [student, mine] {
        ApiClient own(student);
        const Response answer = own.Get(mine);
        return answer.status == 200 && answer.json["application"].is_object()
                   ? VersionOf(answer.json["application"])
                   : -1LL;
      });
      t->as = student;
    };
    return r;
  }();
  return rows;
}

// docs/api.md's exceptions, which take no If-Match.
const std::map<std::pair<std::string, std::string>, std::string>& PreconditionExceptions() {
  static const std::map<std::pair<std::string, std::string>, std::string> exceptions = {
      {{"PUT", "/api/v1/me/password"},
       "its precondition is the current password, and it changes no field another edit could "
       "overwrite"},
      {{"DELETE", "/api/v1/calls/{id}/my-application/documents/{kind}"},
       "the student's own document of their own draft"},
  };
  return exceptions;
}

void CheckPreconditions(const std::string& method, const std::string& route,
                        const PreconditionSetup& setup) {
  SCOPED_TRACE(method + " " + route);
  PreconditionTarget target;
  ASSERT_NO_FATAL_FAILURE(setup(&target));
  ASSERT_FALSE(target.path.empty());
  ApiClient own(target.as.value_or(TestSession()));
  const auto send = [&](const std::string& verb, std::optional<long long> version) {
    return verb == "PUT" ? own.Put(target.path, target.body, version)
                         : own.Delete(target.path, version);
  };
  long long version = target.version();
  ASSERT_GT(version, 0) << target.path;
  long long stale = version > 1 ? version - 1 : version + 1;
  if (target.bump) {
    const Response put = own.Put(target.path, target.body, version);
    ASSERT_EQ(put.status, 200) << put;
    stale = version;
    version = target.version();
    ASSERT_EQ(version, stale + 1);
  }
  EXPECT_TRUE(IsError(send(method, stale), 412, "precondition_failed"));
  EXPECT_EQ(target.version(), version) << "a stale If-Match changed the record";
  EXPECT_TRUE(IsError(send(method, std::nullopt), 428, "precondition_required"));
  EXPECT_EQ(target.version(), version) << "a request without If-Match changed the record";
  if (method == "DELETE" && target.remove_after) {
    EXPECT_EQ(send("DELETE", version).status, 204);
    EXPECT_EQ(target.version(), -1);
  }
}

TEST(Preconditions, EveryPutAndDeleteAnswers412WhenStaleAnd428WithoutIfMatch) {
  const Response document = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(document, 200));
  std::set<std::pair<std::string, std::string>> operations;
  for (const auto& [path, item] : document.json["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      if (method != "put" && method != "delete") {
        continue;
      }
      const std::pair<std::string, std::string> key{method == "put" ? "PUT" : "DELETE", path};
      operations.insert(key);
      const Json& responses = operation["responses"];
      if (PreconditionExceptions().count(key) > 0) {
        EXPECT_FALSE(responses.contains("428"))
            << key.first << " " << path << " is documented without If-Match ("
            << PreconditionExceptions().at(key) << ") but its operation answers 428";
        continue;
      }
      EXPECT_TRUE(responses.contains("412") && responses.contains("428"))
          << key.first << " " << path << ": 412 and 428 are not in its responses";
      const auto row = PreconditionRows().find(key);
      if (row == PreconditionRows().end()) {
        ADD_FAILURE() << key.first << " " << path
                      << " has no row in preconditions_test.cpp: add how to make its record";
        continue;
      }
      CheckPreconditions(key.first, path, row->second);
    }
  }
  for (const auto& [key, setup] : PreconditionRows()) {
    EXPECT_TRUE(operations.count(key) > 0) << key.first << " " << key.second << " is no operation";
  }
  EXPECT_GE(operations.size(), 38u);
  ExecSql("DELETE FROM allocation_objections WHERE text = 'Precondition test'");
}

}  // namespace
}  // namespace weltcampus::api_test
