#include "auth/password.h"

#include <gtest/gtest.h>

namespace weltcampus::auth {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  const auto hash = HashPassword("Elbe-Sandstone-Weisseritz-7");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_NE(hash.find("m=19456,t=2"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(hash, "Elbe-Sandstone-Weisseritz-7"));
  EXPECT_FALSE(VerifyPassword(hash, "Elbe-Sandstone-Weisseritz-8"));
}

TEST(PasswordTest, RefusesShortLongAndGuessablePasswords) {
  EXPECT_TRUE(PasswordWeakness("short-1A", "a@b.org"));
  EXPECT_TRUE(PasswordWeakness(std::string(300, 'x'), "a@b.org"));
  EXPECT_TRUE(PasswordWeakness("password12345", "a@b.org"));
  EXPECT_TRUE(PasswordWeakness("aaaaaaaaaaaaaa", "a@b.org"));
  EXPECT_TRUE(PasswordWeakness("Dresden2026!!!", "a@b.org"));
  EXPECT_FALSE(PasswordWeakness("Elbe-Sandstone-Weisseritz-7", "a@b.org"));
  // Long passphrases are welcome: 128 characters must be accepted.
  std::string passphrase = "Zq9-Lm3-Vt7-Elbe-Sandstone-Weisseritz-Moritzburg-Pillnitz-Radebeul-Meissen-"
                           "Freital-Heidenau-Pirna-Bautzen-Goerlitz-Zittau-Loebau-Kamenz-Riesa";
  passphrase.resize(128, 'x');
  EXPECT_FALSE(PasswordWeakness(passphrase, "a@b.org"));
}

TEST(PasswordTest, GeneratedPasswordsAreStrongAndDifferent) {
  const auto first = GeneratePassword();
  EXPECT_FALSE(PasswordWeakness(first, "someone@example.org"));
  EXPECT_GE(first.size(), 20u);
  EXPECT_NE(first, GeneratePassword());
  EXPECT_EQ(RandomToken().size(), 43u);  // 256 bits in URL-safe base64
}

}  // namespace
}  // namespace weltcampus::auth
