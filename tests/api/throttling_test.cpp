// Login throttling (issue 4): growing delays per account and per client address. Every failing
// sign-in here comes from a loopback address of its own (127.0.x.y), so the budget of 127.0.0.1,
// from which all other tests sign in, is never touched.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

class ThrottlingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

testing::AssertionResult IsThrottled(const Response& answer) {
  auto error = IsError(answer, 429, "too_many_requests");
  if (!error) {
    return error;
  }
  const std::string retry_after = answer.Header("Retry-After");
  if (retry_after.empty() ||
      retry_after.find_first_not_of("0123456789") != std::string::npos ||
      std::stoll(retry_after) < 1) {
    return testing::AssertionFailure()
           << "429 without a Retry-After of whole seconds >= 1: " << answer;
  }
  return testing::AssertionSuccess();
}

long long RetryAfter(const Response& answer) {
  const std::string text = answer.Header("Retry-After");
  return text.empty() || text.find_first_not_of("0123456789") != std::string::npos
             ? 1
             : std::stoll(text);
}

TEST_F(ThrottlingTest, RepeatedWrongPasswordsBlockTheAccountForAWhile) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const std::string address = FreshLoopbackAddress();
  Response blocked;
  int failures = 0;
  for (int attempt = 1; attempt <= 6; ++attempt) {
    const Response answer = LoginFrom(address, account.email, "Wrong-" + UniqueLetters(8));
    if (answer.status == 429) {
      blocked = answer;
      break;
    }
    ASSERT_TRUE(IsError(answer, 401, "unauthorized")) << "attempt " << attempt;
    ++failures;
  }
  EXPECT_GE(failures, 3) << "three wrong passwords are free";
  ASSERT_LE(failures, 4) << "after three failures the account must be delayed (429)";
  // The 4th failure started the first delay (4 s): the next tries come while it lasts.
  if (blocked.status == 0) {
    blocked = LoginFrom(address, account.email, "Wrong-" + UniqueLetters(8));
  }
  const Response correct = LoginFrom(address, account.email, account.password);
  const Response elsewhere = LoginFrom(FreshLoopbackAddress(), account.email, account.password);
  EXPECT_TRUE(IsThrottled(blocked)) << "wrong password while blocked";
  EXPECT_TRUE(IsThrottled(correct)) << "the right password is refused while blocked too";
  EXPECT_TRUE(IsThrottled(elsewhere)) << "the block is per account, whatever the address";
  EXPECT_EQ(correct.body.find("weltcampus_session"), std::string::npos);
  EXPECT_TRUE(correct.Header("Set-Cookie").empty() ||
              correct.Header("Set-Cookie").find("Max-Age=0") != std::string::npos)
      << correct;

  // It is a delay, not a lock-out: after Retry-After the right password works again.
  std::this_thread::sleep_for(std::chrono::seconds(RetryAfter(correct)) +
                              std::chrono::milliseconds(1100));
  Response later;
  for (int attempt = 0; attempt < 5; ++attempt) {
    later = LoginFrom(address, account.email, account.password);
    if (later.status != 429) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::seconds(RetryAfter(later)));
  }
  EXPECT_TRUE(IsJson(later, 200)) << "the right password after the delay";
}

TEST_F(ThrottlingTest, UnknownAccountAndWrongPasswordGetTheSameAnswer) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"researcher"}, &account));
  const std::string address = FreshLoopbackAddress();
  const Response wrong = LoginFrom(address, account.email, "Wrong-" + UniqueLetters(8));
  const Response unknown =
      LoginFrom(address, "nobody-" + UniqueLetters(8) + "@example.org", "Wrong-" + UniqueLetters(8));
  ASSERT_TRUE(IsError(wrong, 401, "unauthorized"));
  ASSERT_TRUE(IsError(unknown, 401, "unauthorized"));
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.Header("Set-Cookie"), unknown.Header("Set-Cookie"));
}

TEST_F(ThrottlingTest, ManyFailuresFromOneAddressBlockThatAddressOnly) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const std::string address = FreshLoopbackAddress();
  int failures = 0;
  Response blocked;
  for (int attempt = 1; attempt <= 23; ++attempt) {
    // A different unknown account each time: only the address counts up.
    const Response answer = LoginFrom(address, "nobody-" + UniqueLetters(8) + "@example.org",
                                      "Wrong-" + UniqueLetters(8));
    if (answer.status == 429) {
      blocked = answer;
      break;
    }
    ASSERT_TRUE(IsError(answer, 401, "unauthorized")) << "attempt " << attempt;
    ++failures;
  }
  EXPECT_GE(failures, 20) << "twenty failures per address are free";
  ASSERT_LE(failures, 21) << "after twenty failures the address must be delayed (429)";
  if (blocked.status == 0) {
    blocked = LoginFrom(address, "nobody-" + UniqueLetters(8) + "@example.org", "Wrong-x1234567");
  }
  const Response correct = LoginFrom(address, account.email, account.password);
  const Response other_address = LoginFrom(FreshLoopbackAddress(), account.email, account.password);
  EXPECT_TRUE(IsThrottled(blocked));
  EXPECT_TRUE(IsThrottled(correct)) << "a right password from the blocked address waits too";
  EXPECT_TRUE(IsJson(other_address, 200)) << "other addresses are not affected";
}

}  // namespace
}  // namespace weltcampus::api_test
