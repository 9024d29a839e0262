#pragma once

#include <map>
#include <optional>
#include <string>

#include "store/sql.h"

namespace weltcampus::auth {

// What a person presents at login: for passwords {"email", "password"}; a single sign-on
// authenticator would take the identity provider's verified assertion instead.
using Credentials = std::map<std::string, std::string>;

// How a person proves who they are. Sessions, throttling, audit and roles sit behind this one
// interface, so a university's SAML or OpenID Connect login (mapping the provider's issuer and
// subject to users.external_issuer/external_subject) is one more implementation, nothing else.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual std::string Name() const = 0;
  // The key throttling counts failures under (the account named in the credentials).
  virtual std::string AccountKey(const Credentials& credentials) const = 0;
  // The account these credentials belong to, or nothing; must take the same time either way.
  virtual std::optional<int64_t> Authenticate(store::Connection& connection,
                                              const Credentials& credentials) const = 0;
};

class PasswordAuthenticator : public Authenticator {
 public:
  std::string Name() const override { return "password"; }
  std::string AccountKey(const Credentials& credentials) const override;
  std::optional<int64_t> Authenticate(store::Connection& connection,
                                      const Credentials& credentials) const override;
};

}  // namespace weltcampus::auth
