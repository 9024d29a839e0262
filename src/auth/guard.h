#pragma once

#include <memory>

#include "auth/service.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::auth {

inline constexpr const char* kSessionCookie = "weltcampus_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

// Runs before every API handler: finds the session, checks CSRF on state-changing requests and the
// route's permission, and records refusals in the audit log.
class Guard : public http::Authorizer {
 public:
  Guard(store::Database& database, std::shared_ptr<AuthService> service)
      : database_(database), service_(std::move(service)) {}

  void Check(http::Request& request, const http::Route& route) override;

 private:
  void Deny(const http::Request& request, const http::Route& route, const std::string& reason);

  store::Database& database_;
  std::shared_ptr<AuthService> service_;
};

// The Set-Cookie value for a session token (empty token: a cookie that expires it).
std::string SessionCookie(const std::string& token, bool secure);

}  // namespace weltcampus::auth
