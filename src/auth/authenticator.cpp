#include "auth/authenticator.h"

#include <algorithm>

#include "auth/password.h"
#include "auth/repository.h"

namespace weltcampus::auth {

namespace {

std::string Field(const Credentials& credentials, const std::string& name) {
  auto it = credentials.find(name);
  return it == credentials.end() ? std::string() : it->second;
}

}  // namespace

std::string PasswordAuthenticator::AccountKey(const Credentials& credentials) const {
  std::string email = Field(credentials, "email");
  std::transform(email.begin(), email.end(), email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "account:" + email;
}

std::optional<int64_t> PasswordAuthenticator::Authenticate(store::Connection& connection,
                                                           const Credentials& credentials) const {
  const std::string password = Field(credentials, "password");
  auto user = repository::FindUserByEmail(connection, Field(credentials, "email"));
  std::optional<std::string> hash;
  if (user && user->active && !user->erased_at) {
    hash = repository::PasswordHash(connection, user->id);
  }
  // Verify against a dummy hash when there is no account, so timing does not tell.
  const bool matches = VerifyPassword(hash.value_or(DummyPasswordHash()), password);
  if (!hash || !matches) {
    return std::nullopt;
  }
  return user->id;
}

}  // namespace weltcampus::auth
