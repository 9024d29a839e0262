#pragma once
// The valid requests of the grant tests (authorization_grants_test.cpp): request shapes (read a
// path, create, send a record back at its version, remove a fresh record) and the records and
// bodies they need, made by the suite's administrator.
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"

namespace weltcampus::api_test::grants {

using Valid = std::function<void(GrantsApi&, const Cell&, Response*)>;
// A valid request per route (method, path pattern): the platform's (grants_platform.cpp), the
// partner register's (grants_partners.cpp), the exchange's (grants_exchange.cpp), mobilities'
// (grants_mobility.cpp).
using Requests = std::map<std::pair<std::string, std::string>, Valid>;
Requests PlatformRequests();
Requests PartnerRequests();
Requests ExchangeRequests();
Requests MobilityRequests();

// The record's id as text; /api/v1/<prefix>/<id>; a client with the cell's session.
std::string Id(const Json& record);
std::string I(const std::string& prefix, const Json& record);
ApiClient As(const Cell& cell);
// Valid bodies.
Json InstitutionBody();
Json JointBody();
Json ContactBody();
Json NoteBody();
Json DocumentBody();
Json OrgUnitBody(long long parent);
Json ProgrammeBody(const std::string& unit);
Json CertificateBody();
Json StayBody();
Json MobilityBody(GrantsApi& t);
// Request shapes: GET the path; POST the body to the path; PUT the record as the administrator
// reads it back at its version; DELETE a fresh record at its version.
Valid Read(std::function<void(GrantsApi&, std::string*)> path);
// The path (and `suffix`) of a record `make` makes once per test under `key`: for requests that
// only read it.
std::function<void(GrantsApi&, std::string*)> Shared(
    const std::string& key, std::function<void(GrantsApi&, std::string*, Json*)> make,
    const std::string& suffix = "");
Valid ReadPath(const std::string& target);
Valid Create(std::function<void(GrantsApi&, std::string*, Json*)> make);
Valid Update(std::function<void(GrantsApi&, std::string*)> path);
Valid Remove(std::function<void(GrantsApi&, std::string*, Json*)> make);
// Records made by the administrator: their path and the record.
void FreshPartner(GrantsApi&, PartnerFixture* partner);
void MadeJoint(GrantsApi& t, std::string* path, Json* record);
void MadeContact(GrantsApi& t, std::string* path, Json* record);
void MadeNote(GrantsApi& t, std::string* path, Json* record);
void MadeDocument(GrantsApi& t, std::string* path, Json* record);
void UploadedFile(GrantsApi& t, std::string* path, Json* file);
void MadeAgreement(GrantsApi& t, const std::string& status, std::string* path, Json* record);
void SchoolUnit(long long* id);
void MadeOrgUnit(GrantsApi&, std::string* path, Json* record);
void MadeProgramme(GrantsApi& t, std::string* path, Json* record);
void MadeStudent(GrantsApi& t, std::string* path, Json* record);
void MadeCertificate(GrantsApi& t, std::string* path, Json* record);
void MadeStay(GrantsApi& t, std::string* path, Json* record);
void MadeCall(GrantsApi& t, std::string* path, Json* record);
void OfferBodyOfFreshQuota(Json* body);
void MadeOffer(GrantsApi& t, std::string* path, Json* record);
void OwnJob(const Cell& cell, const std::string& status, std::string* path);
// Signing in; the student's requests on their own application in a fresh call (`submitted`: after
// submitting it); the student's answer to a published result.
Valid Login();
Valid Mine(const std::string& method, const std::string& suffix, bool submitted = false);
Valid Answer(const std::string& what);
// A staff request on the student's application in a closed call; on a run started by the office.
Valid Application(const std::string& method, const std::string& suffix, const Json& body = {});
Valid OnRun(const std::string& method, const std::string& suffix, const Json& body = nullptr);

}  // namespace weltcampus::api_test::grants
