#include "auth/guard.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/error.h"
#include "core/text.h"

namespace weltcampus::auth {

namespace {

bool IsStateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address.starts_with("127.");
}

bool SameSecret(const std::string& a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The browser names the page a request came from; it must be this server.
bool SameOrigin(const http::Request& request) {
  const std::string expected =
      std::string(request.secure ? "https://" : "http://") + std::string(request.Header("host"));
  std::string_view origin = request.Header("origin");
  if (!origin.empty()) {
    return origin == expected;
  }
  std::string_view referer = request.Header("referer");
  return !referer.empty() && (referer == expected || referer.starts_with(expected + "/"));
}

// Routes a person who must change a one-time password may still use.
bool AllowedBeforePasswordChange(const std::string& pattern) {
  return pattern == "/api/v1/auth/session" || pattern == "/api/v1/auth/logout" ||
         pattern == "/api/v1/me/password" || pattern == "/api/v1/me";
}

}  // namespace

std::string SessionCookie(const std::string& token, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax";
  if (token.empty()) {
    cookie += "; Max-Age=0";
  }
  if (secure) {
    cookie += "; Secure";
  }
  return cookie;
}

void Guard::Deny(const http::Request& request, const http::Route& route, const std::string& reason) {
  // Anonymous refusals are logged, not audited: a scanner must not be able to fill the audit log.
  if (PrincipalOf(request) == nullptr) {
    spdlog::warn("{} denied {} {}: {}", request.request_id, LogSafe(request.method, 16),
                 route.pattern, reason);
    return;
  }
  try {
    audit::AuditEntry entry;
    entry.action = "denied";
    entry.entity_type = "route";
    entry.entity_id = request.method + " " + route.pattern;
    entry.after = {{"reason", reason}};
    audit::RecordAuditNow(database_, ActorOf(request), std::move(entry));
  } catch (const std::exception& error) {
    spdlog::error("{} could not audit a denied request: {}", request.request_id, error.what());
  }
}

void Guard::Check(http::Request& request, const http::Route& route) {
  request.caller.reset();
  const std::string token = request.Cookie(kSessionCookie);
  if (!token.empty()) {
    if (auto found = service_->Authenticate(token)) {
      // Set before any refusal so that the audit entry names who was refused.
      request.caller = std::move(*found);
    }
  }
  const Principal* principal = PrincipalOf(request);
  const bool has_principal = principal != nullptr;

  if (IsStateChanging(request.method)) {
    if (!SameOrigin(request)) {
      Deny(request, route, "origin");
      throw ApiError(ErrorCode::kForbidden, "This request did not come from this application's pages");
    }
    if (has_principal && !SameSecret(principal->csrf_token, request.Header(kCsrfHeader))) {
      Deny(request, route, "csrf");
      throw ApiError(ErrorCode::kForbidden, "The request lacks this session's CSRF token");
    }
  }
  if (route.permission == http::kPublic) {
    return;
  }
  if (route.open_on_loopback && !has_principal && IsLoopback(request.remote_address)) {
    return;  // a metrics scraper on the same machine
  }
  if (!has_principal) {
    Deny(request, route, "not signed in");
    throw ApiError(ErrorCode::kUnauthorized, "Please sign in");
  }
  if (principal->must_change_password && !AllowedBeforePasswordChange(route.pattern)) {
    Deny(request, route, "password change required");
    throw ApiError(ErrorCode::kForbidden, "Change your one-time password first")
        .WithDetail("reason", "password_change_required");
  }
  if (!principal->Has(route.permission)) {
    Deny(request, route, std::string(route.permission.name()));
    throw ApiError(ErrorCode::kForbidden, "You do not have the permission for this");
  }
}

}  // namespace weltcampus::auth
