#pragma once

#include "auth/access.h"
#include "core/record_schema.h"

namespace weltcampus::auth {

// The JSON Schemas of the auth module's bodies, written by hand beside the hand-written readers
// and writers (service.cpp, routes.cpp): an account's roles come as names or as
// objects, which the field definitions of core/record_schema.h do not express. Keep them in step
// with ToJson/PrincipalJson; the API tests validate every answer against them.
NamedSchema UserSchema();
NamedSchema CreatedUserSchema();  // a new account with its one-time password
NamedSchema UserInputSchema();
NamedSchema OwnAccountInputSchema();
NamedSchema PasswordChangeSchema();
NamedSchema CredentialsSchema();
// Who is signed in, with the CSRF token (or nobody); the permissions those the table can grant.
NamedSchema SessionSchema(const AccessTable& access);
NamedSchema OneTimePasswordSchema();
NamedSchema PersonalDataSchema();

}  // namespace weltcampus::auth
