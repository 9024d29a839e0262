#include "auth/schemas.h"

#include "auth/permission.h"
#include "auth/roles.h"

namespace weltcampus::auth {

namespace {

using Json = nlohmann::json;

Json Text() { return {{"type", "string"}}; }
Json Text(size_t max_length) { return {{"type", "string"}, {"maxLength", max_length}}; }
Json NullableText() { return {{"type", {"string", "null"}}}; }
Json Id() { return {{"type", "integer"}, {"minimum", 1}}; }
Json NullableId() { return {{"type", {"integer", "null"}}, {"minimum", 1}}; }
Json Bool() { return {{"type", "boolean"}}; }
Json Language() { return {{"type", "string"}, {"enum", {"en", "de"}}}; }
Json ArrayOf(Json item) { return {{"type", "array"}, {"items", std::move(item)}}; }

// Every property present, nothing else.
Json Closed(Json properties) {
  Json required = Json::array();
  for (const auto& [key, value] : properties.items()) {
    required.push_back(key);
  }
  return {{"type", "object"},
          {"required", required},
          {"additionalProperties", false},
          {"properties", std::move(properties)}};
}

Json Input(Json properties, Json required) {
  Json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) {
    schema["required"] = std::move(required);
  }
  return schema;
}

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

Json AuditEntryJson() {
  return Closed({{"id", Id()},
                 {"at", Text()},
                 {"actor_user_id", NullableId()},
                 {"actor", Text()},
                 {"actor_name", NullableText()},
                 {"action", Text()},
                 {"entity_type", NullableText()},
                 {"entity_id", NullableText()},
                 {"subject_user_id", NullableId()},
                 {"before", {{"description", "the record before the change (any JSON, null for none)"}}},
                 {"after", {{"description", "the record after the change (any JSON, null for none)"}}},
                 {"client_address", Text()},
                 {"request_id", Text()},
                 {"hash", Text()}});
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

NamedSchema SessionSchema() {
  Json permission_names = Json::array();
  for (auto permission : kAllPermissions) {
    permission_names.push_back(PermissionName(permission));
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

NamedSchema AuditEntrySchema() { return {"AuditEntry", AuditEntryJson()}; }

NamedSchema AuditVerificationSchema() {
  return {"AuditVerification", Closed({{"intact", Bool()},
                                       {"entries", {{"type", "integer"}, {"minimum", 0}}},
                                       {"first_broken_id", NullableId()},
                                       {"problem", Text()}})};
}

NamedSchema PersonalDataSchema() {
  return {"PersonalData",
          Closed({{"exported_at", Text()},
                  {"account", UserJson()},
                  {"sessions", ArrayOf(Closed({{"created_at", Text()},
                                               {"last_seen_at", Text()},
                                               {"client_address", Text()}}))},
                  {"audit_entries_about_you", ArrayOf(AuditEntryJson())},
                  {"audit_entries_by_you", ArrayOf(AuditEntryJson())}})};
}

}  // namespace weltcampus::auth
