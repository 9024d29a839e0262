#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/digest.h"

namespace weltcampus::auth {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 256;

// Argon2id through libsodium: 2 passes over 19 MiB (OWASP's minimum for Argon2id).
std::string HashPassword(std::string_view password);
bool VerifyPassword(const std::string& hash, std::string_view password);
// A hash to compare against when the account does not exist, so both cases cost the same time.
const std::string& DummyPasswordHash();

// Why a new password is refused (length, a dictionary word, too simple), or nothing if it is fine.
std::optional<std::string> PasswordWeakness(std::string_view password, std::string_view email);

// A random password that passes PasswordWeakness, for one-time passwords.
std::string GeneratePassword();

// 256 random bits, URL-safe base64 without padding.
std::string RandomToken();
// A session token is stored only as its SHA-256 (core/digest.h).

}  // namespace weltcampus::auth
