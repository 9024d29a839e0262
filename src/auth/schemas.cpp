#include "auth/schemas.h"

#include "audit/schemas.h"
#include "auth/personal_data.h"
#include "auth/roles.h"
#include "core/json_schema.h"

namespace weltcampus::auth {

namespace {

using namespace json_schema;

Json Language() { return {{"type", "string"}, {"enum", {"en", "de"}}}; }

Json RoleName() { return {{"type", "string"}, {"enum", kRoleTable.Json()}}; }

Json UserJson() {
  return Closed({{"id", Id()},
                 {"email", Text(254)},
                 {"display_name", Text(200)},
                 {"preferred_language", Language()},
                 {"active", Bool()},
                 {"must_change_password", {{"type", "boolean"}, {"readOnly", true}}},
                 {"last_login_at", {{"type", {"string", "null"}}, {"readOnly", true}}},
                 {"erased", {{"type", "boolean"}, {"readOnly", true}}},
                 {"roles", ArrayOf(Closed({{"role", RoleName()},
                                           {"org_unit_id", NullableId()},
                                           {"isced_code", NullableText()}}))},
                 {"version", {{"type", "integer"}, {"minimum", 1}, {"readOnly", true}}},
                 {"created_at", {{"type", "string"}, {"readOnly", true}}},
                 {"updated_at", {{"type", "string"}, {"readOnly", true}}}});
}

}  // namespace

NamedSchema UserSchema() { return {"User", UserJson()}; }

NamedSchema CreatedUserSchema() {
  Json schema = UserJson();
  schema["properties"]["one_time_password"] = {{"type", "string"}, {"minLength", 1}};
  schema["required"].push_back("one_time_password");
  return {"CreatedUser", schema};
}

NamedSchema UserInputSchema() {
  Json scoped = Input({{"role", RoleName()},
                       {"org_unit_id", NullableId()},
                       {"isced_code", {{"type", {"string", "null"}}, {"maxLength", 4}}}},
                      {"role"});
  return {"UserInput",
          Input({{"email", {{"type", "string"}, {"maxLength", 254}, {"format", "email"}}},
                 {"display_name", Text(200)},
                 {"preferred_language", {{"type", {"string", "null"}}, {"enum", {"en", "de", nullptr}}}},
                 {"active", {{"type", {"boolean", "null"}}, {"default", true}}},
                 {"roles", {{"type", {"array", "null"}},
                            {"maxItems", 20},
                            {"items", {{"oneOf", {RoleName(), scoped}}}}}}},
                {"email", "display_name"})};
}

NamedSchema OwnAccountInputSchema() {
  return {"OwnAccountInput",
          Input({{"display_name", {{"type", {"string", "null"}}, {"maxLength", 200}}},
                 {"preferred_language", {{"type", {"string", "null"}}, {"enum", {"en", "de", nullptr}}}}},
                Json::array())};
}

NamedSchema PasswordChangeSchema() {
  return {"PasswordChange", Input({{"current_password", Text()}, {"new_password", Text()}},
                                  {"current_password", "new_password"})};
}

NamedSchema CredentialsSchema() {
  return {"Credentials",
          Input({{"email", Text(254)}, {"password", Text()}}, {"email", "password"})};
}

NamedSchema SessionSchema(const AccessTable& access) {
  Json permission_names = Json::array();
  for (const auto& permission : access.AllPermissions()) {
    permission_names.push_back(permission);
  }
  Json user = Closed({{"id", Id()},
                      {"email", Text()},
                      {"display_name", Text()},
                      {"preferred_language", Language()},
                      {"must_change_password", Bool()},
                      {"roles", ArrayOf(RoleName())},
                      {"permissions", ArrayOf({{"type", "string"}, {"enum", permission_names}})}});
  // Nobody signed in: both null.
  return {"Session", {{"oneOf",
                       {Closed({{"user", user}, {"csrf_token", Text()}}),
                        Closed({{"user", {{"type", "null"}}}, {"csrf_token", {{"type", "null"}}}})}}}};
}

NamedSchema OneTimePasswordSchema() {
  return {"OneTimePassword", Closed({{"one_time_password", {{"type", "string"}, {"minLength", 1}}}})};
}

NamedSchema PersonalDataSchema() {
  return {"PersonalData",
          Closed({{"exported_at", Text()},
                  {"account", UserJson()},
                  {"sessions", ArrayOf(Closed({{"created_at", Text()},
                                               {"last_seen_at", Text()},
                                               {"client_address", Text()}}))},
                  {"records", PersonalDataPartsSchema()},
                  {"audit_entries_about_you", ArrayOf(audit::AuditEntrySchema().schema)},
                  {"audit_entries_by_you", ArrayOf(audit::AuditEntrySchema().schema)}})};
}

}  // namespace weltcampus::auth
