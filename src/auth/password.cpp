#include "auth/password.h"

#include <crack.h>
#include <sodium.h>

#include <cctype>
#include <mutex>
#include <stdexcept>

namespace weltcampus::auth {

namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr size_t kMemLimit = 19 * 1024 * 1024;

void EnsureSodium() {
  static const int result = sodium_init();
  if (result < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

}  // namespace

std::string HashPassword(std::string_view password) {
  EnsureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return hash;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DummyPasswordHash() {
  static const std::string kHash = HashPassword("not-a-password-of-anyone");
  return kHash;
}

std::optional<std::string> PasswordWeakness(std::string_view password, std::string_view email) {
  if (password.size() < kMinPasswordLength) {
    return "Use at least " + std::to_string(kMinPasswordLength) + " characters";
  }
  if (password.size() > kMaxPasswordLength) {
    return "Use at most " + std::to_string(kMaxPasswordLength) + " characters";
  }
  if (password.find('\0') != std::string_view::npos) {
    return "The password contains a character that cannot be used";
  }
  const std::string user(email.substr(0, email.find('@')));
  // cracklib keeps static state; one check at a time.
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  const char* problem = FascistCheckUser(std::string(password).c_str(), GetDefaultCracklibDict(),
                                         user.c_str(), nullptr);
  if (problem != nullptr) {
    return std::string("This password is too easy to guess: ") + problem;
  }
  // cracklib lets a dictionary word with digits appended pass ("password12345"); its letters alone
  // must not be one word either.
  std::string letters;
  for (unsigned char c : password) {
    if (std::isalpha(c)) {
      letters += static_cast<char>(std::tolower(c));
    }
  }
  if (letters.size() >= 4) {
    const char* word = FascistCheckUser(letters.c_str(), GetDefaultCracklibDict(), user.c_str(), nullptr);
    if (word != nullptr && std::string_view(word).find("dictionary") != std::string_view::npos) {
      return "This password is too easy to guess: a dictionary word with digits or symbols added";
    }
  }
  return std::nullopt;
}

std::string GeneratePassword() {
  EnsureSodium();
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (;;) {
    std::string password;
    for (int group = 0; group < 4; ++group) {
      if (group > 0) {
        password += '-';
      }
      for (int i = 0; i < 5; ++i) {
        password += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
      }
    }
    if (!PasswordWeakness(password, "")) {
      return password;
    }
  }
}

std::string RandomToken() {
  EnsureSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return encoded;
}

}  // namespace weltcampus::auth
