// A partnership's contacts at the partner and the office's dated notes (issue 9, "what offices ask
// for first" 1 and 4): kept by the international office, read by the school's staff, never by
// students or researchers; a note names one of the partnership's own agreements or none; a
// partnership is not removed while it has either.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::string PartnershipPath(const PartnerFixture& partner) {
  return "/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership));
}

Json ContactBody() {
  return {{"role", "international_office"},      {"name", Unique("Marie Curie")},
          {"unit", "Relations internationales"}, {"email", "marie.curie@example.fr"},
          {"phone", "+33 1 00 00 00 00"},        {"address", "1 rue de l'Université\n75000 Paris"}};
}

TEST(PartnerContacts, TheOfficeKeepsThePartnersPeople) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const std::string collection = PartnershipPath(partner) + "/contacts";
  const Json body = ContactBody();
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(collection, body, &created));
  EXPECT_EQ(created["partnership_id"], IdOf(partner.partnership));
  for (const char* field : {"role", "name", "unit", "email", "phone", "address"}) {
    EXPECT_EQ(created[field], body[field]) << field;
  }
  Json second = ContactBody();
  second["role"] = "faculty_coordinator";
  second["name"] = "Albert Adam";
  second["email"] = nullptr;
  Json coordinator;
  ASSERT_NO_FATAL_FAILURE(CreateOk(collection, second, &coordinator));
  EXPECT_TRUE(coordinator["email"].is_null());

  const Response list = Api().Get(Query(collection, {{"sort", "name"}}));
  ASSERT_TRUE(IsJson(list, 200));
  ASSERT_EQ(list.json["items"].size(), 2u) << list;
  EXPECT_EQ(list.json["items"][0]["name"], "Albert Adam");
  EXPECT_EQ(list.json.value("total", -1LL), 2);

  Json changed = created;
  changed["phone"] = "+33 1 11 11 11 11";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk("/api/v1/partner-contacts/" + std::to_string(IdOf(created)), changed, &updated));
  EXPECT_EQ(updated["phone"], "+33 1 11 11 11 11");

  Json bad = ContactBody();
  bad["email"] = "not an address";
  EXPECT_TRUE(IsError(Api().Post(collection, bad), 422, "validation_failed", "email"));
  bad = ContactBody();
  bad["role"] = "dean";
  EXPECT_TRUE(IsError(Api().Post(collection, bad), 422, "validation_failed", "role"));
  bad = ContactBody();
  bad.erase("name");
  EXPECT_TRUE(IsError(Api().Post(collection, bad), 422, "validation_failed", "name"));
  EXPECT_TRUE(IsError(Api().Post("/api/v1/partnerships/99999999/contacts", ContactBody()), 404,
                      "not_found"));
}

TEST(PartnerNotes, NewestFirstAndOnlyAboutTheirOwnPartnershipsAgreements) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  PartnerFixture other;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &other));
  const int year = CurrentAcademicYearStart();
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft", year,
                                year + 1),
               &agreement));
  Json foreign;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      "/api/v1/agreements",
      NewAgreementBody(IdOf(other.partnership), IdOf(other.institution), "draft", year, year + 1),
      &foreign));
  const std::string collection = PartnershipPath(partner) + "/notes";
  Json visit;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      collection,
      {{"noted_on", "2026-10-05"}, {"kind", "visit"}, {"text", "Visit of the vice-rector"}},
      &visit));
  Json call;
  ASSERT_NO_FATAL_FAILURE(CreateOk(collection,
                                   {{"noted_on", "2026-11-20"},
                                    {"kind", "call"},
                                    {"text", "Signed copy expected in January"},
                                    {"agreement_id", IdOf(agreement)}},
                                   &call));
  Json decision;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      collection, {{"noted_on", "2026-09-01"}, {"kind", "decision"}, {"text", "Extend to PhD"}},
      &decision));

  const Response list = Api().Get(collection);
  ASSERT_TRUE(IsJson(list, 200));
  std::vector<long long> order;
  for (const Json& item : list.json["items"]) {
    order.push_back(IdOf(item));
  }
  EXPECT_EQ(order, (std::vector<long long>{IdOf(call), IdOf(visit), IdOf(decision)})) << list;

  const Response about =
      Api().Get(Query(collection, {{"agreement_id", std::to_string(IdOf(agreement))}}));
  ASSERT_TRUE(IsJson(about, 200));
  ASSERT_EQ(about.json["items"].size(), 1u) << about;
  EXPECT_EQ(IdOf(about.json["items"][0]), IdOf(call));

  EXPECT_TRUE(IsError(Api().Post(collection, {{"noted_on", "2026-11-21"},
                                              {"kind", "note"},
                                              {"text", "about another partner's agreement"},
                                              {"agreement_id", IdOf(foreign)}}),
                      422, "validation_failed", "agreement_id"));
  EXPECT_TRUE(IsError(Api().Post(collection, {{"kind", "note"}, {"text", "no day"}}), 422,
                      "validation_failed", "noted_on"));
  EXPECT_TRUE(
      IsError(Api().Post(collection, {{"noted_on", "2026-13-01"}, {"kind", "note"}, {"text", "x"}}),
              422, "validation_failed", "noted_on"));
  EXPECT_TRUE(IsError(
      Api().Post(collection,
                 {{"noted_on", "2026-11-01"}, {"kind", "note"}, {"text", std::string(10001, 'x')}}),
      422, "validation_failed", "text"));

  // Removing the agreement keeps the note, for the partnership.
  Json current_agreement;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement), &current_agreement));
  const Response removed = Api().Delete(AgreementPath(agreement), VersionOf(current_agreement));
  ASSERT_EQ(removed.status, 204) << removed;
  Json kept;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/partner-notes/" + std::to_string(IdOf(call)), &kept));
  EXPECT_TRUE(kept["agreement_id"].is_null()) << kept;
  EXPECT_EQ(kept["text"], "Signed copy expected in January");
}

TEST(PartnerNotes, APartnershipWithContactsOrNotesIsNotRemoved) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  Json note;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(PartnershipPath(partner) + "/notes",
               {{"noted_on", "2026-11-01"}, {"kind", "note"}, {"text", "First contact"}}, &note));
  const Response refused = Api().Delete(PartnershipPath(partner), VersionOf(partner.partnership));
  ASSERT_TRUE(IsError(refused, 409, "conflict"));
  EXPECT_EQ(refused.json["error"]["referenced_by"], Json::array({"1 note"})) << refused;
  const Response gone =
      Api().Delete("/api/v1/partner-notes/" + std::to_string(IdOf(note)), VersionOf(note));
  ASSERT_EQ(gone.status, 204) << gone;
  const Response removed = Api().Delete(PartnershipPath(partner), VersionOf(partner.partnership));
  EXPECT_EQ(removed.status, 204) << removed;
}

TEST(PartnerNotes, StudentsAndResearchersSeeNeitherContactsNorNotes) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  Json contact;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(PartnershipPath(partner) + "/contacts", ContactBody(), &contact));
  Json note;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk(PartnershipPath(partner) + "/notes",
               {{"noted_on", "2026-11-01"}, {"kind", "call"}, {"text", "Internal remark"}}, &note));
  for (const char* role : {"student", "researcher"}) {
    SCOPED_TRACE(role);
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(role, &session));
    ApiClient client(session);
    for (const std::string& path :
         {PartnershipPath(partner) + "/contacts", PartnershipPath(partner) + "/notes",
          "/api/v1/partner-contacts/" + std::to_string(IdOf(contact)),
          "/api/v1/partner-notes/" + std::to_string(IdOf(note))}) {
      const Response answer = client.Get(path);
      EXPECT_EQ(answer.status, 403) << path;
      EXPECT_EQ(answer.body.find("Internal remark"), std::string::npos) << path;
      EXPECT_EQ(answer.body.find("marie.curie"), std::string::npos) << path;
    }
  }
  Session staff;
  ASSERT_NO_FATAL_FAILURE(DemoSession("welcome_officer", &staff));
  ApiClient welcome(staff);
  const Response notes = welcome.Get(PartnershipPath(partner) + "/notes");
  ASSERT_TRUE(IsJson(notes, 200));
  EXPECT_EQ(notes.json["items"].size(), 1u);
  EXPECT_EQ(welcome
                .Post(PartnershipPath(partner) + "/notes",
                      {{"noted_on", "2026-11-02"}, {"kind", "note"}, {"text", "not mine"}})
                .status,
            403);
}

// A record's page shows its own changes: who, when, before and after, newest first; staff only.
TEST(RecordHistory, APartnershipsAndAnAgreementsOwnChangesNewestFirst) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  Json changed = partner.partnership;
  changed["responsible_person"] = "Prof. History";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(PartnershipPath(partner), changed, &updated));
  Json me;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/me", &me));

  const Response history = Api().Get(PartnershipPath(partner) + "/history");
  ASSERT_TRUE(IsJson(history, 200));
  ASSERT_EQ(history.json["items"].size(), 2u) << history;
  const Json& newest = history.json["items"][0];
  EXPECT_EQ(newest["action"], "update");
  EXPECT_EQ(newest["actor_name"], me["display_name"]);
  EXPECT_EQ(newest["after"]["responsible_person"], "Prof. History");
  EXPECT_NE(newest["before"]["responsible_person"], "Prof. History");
  EXPECT_FALSE(newest.contains("client_address")) << newest.dump();
  EXPECT_EQ(history.json["items"][1]["action"], "create");
  const Response oldest_first =
      Api().Get(Query(PartnershipPath(partner) + "/history", {{"sort", "at"}}));
  ASSERT_TRUE(IsJson(oldest_first, 200));
  EXPECT_EQ(oldest_first.json["items"][0]["action"], "create");

  const int year = CurrentAcademicYearStart();
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft", year,
                                year + 1),
               &agreement));
  const Response agreement_history = Api().Get(AgreementPath(agreement) + "/history");
  ASSERT_TRUE(IsJson(agreement_history, 200));
  ASSERT_EQ(agreement_history.json["items"].size(), 1u) << agreement_history;
  EXPECT_EQ(agreement_history.json["items"][0]["after"]["title"], agreement["title"]);

  EXPECT_TRUE(IsError(Api().Get("/api/v1/partnerships/99999999/history"), 404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get("/api/v1/agreements/99999999/history"), 404, "not_found"));
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  EXPECT_EQ(ApiClient(student).Get(PartnershipPath(partner) + "/history").status, 403);
}

}  // namespace
}  // namespace weltcampus::api_test
