// Login throttling (issue 4; issue 13, defects 2 and 3): growing delays per account and address,
// per address, and per account from addresses it never signed in from. Every failing
// sign-in here comes from a loopback address of its own (127.0.x.y), so the budget of 127.0.0.1,
// from which all other tests sign in, is never touched.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

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

TEST_F(ThrottlingTest, RepeatedWrongPasswordsBlockTheAccountFromThatAddressForAWhile) {
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
  // Three are free, the 4th failure starts the first delay (4 s): the next tries come while it
  // lasts. (The throttle keeps its times to the millisecond, so the count is exact.)
  ASSERT_EQ(failures, 4) << "three wrong passwords are free, the fourth starts a delay (429)";
  const Response correct = LoginFrom(address, account.email, account.password);
  const Response elsewhere = LoginFrom(FreshLoopbackAddress(), account.email, account.password);
  EXPECT_TRUE(IsThrottled(blocked)) << "wrong password while blocked";
  EXPECT_TRUE(IsThrottled(correct)) << "the right password is refused while blocked too";
  EXPECT_TRUE(IsJson(elsewhere, 200))
      << "a stranger's wrong passwords from one address do not keep the owner out elsewhere";
  EXPECT_EQ(correct.body.find("weltcampus_session"), std::string::npos);
  EXPECT_TRUE(correct.Header("Set-Cookie").empty() ||
              correct.Header("Set-Cookie").find("Max-Age=0") != std::string::npos)
      << correct;

  // It is a delay, not a lock-out: once the Retry-After it announced has passed, the right
  // password works again at the first try.
  std::this_thread::sleep_for(std::chrono::seconds(RetryAfter(correct)));
  EXPECT_TRUE(IsJson(LoginFrom(address, account.email, account.password), 200))
      << "the right password after the delay";
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
  ASSERT_EQ(failures, 21) << "twenty failures per address are free, the 21st starts a delay (429)";
  const Response correct = LoginFrom(address, account.email, account.password);
  const Response other_address = LoginFrom(FreshLoopbackAddress(), account.email, account.password);
  EXPECT_TRUE(IsThrottled(blocked));
  EXPECT_TRUE(IsThrottled(correct)) << "a right password from the blocked address waits too";
  EXPECT_TRUE(IsJson(other_address, 200)) << "other addresses are not affected";
}

TEST_F(ThrottlingTest, ConcurrentWrongPasswordsGetNoMoreChecksThanSequentialOnes) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const std::string address = FreshLoopbackAddress();
  constexpr int kGuesses = 12;
  std::vector<Response> answers(kGuesses);
  std::vector<std::thread> threads;
  for (int i = 0; i < kGuesses; ++i) {
    threads.emplace_back([&, i] {
      answers[i] = LoginFrom(address, account.email, "Wrong-" + std::to_string(i) + "-guess");
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  int checked = 0;
  for (const auto& answer : answers) {
    if (answer.status == 401) {
      ++checked;
    } else {
      EXPECT_TRUE(IsThrottled(answer)) << answer;
    }
  }
  // Three free failures and the fourth that starts the first delay, as one after the other; each
  // attempt is counted before its password is checked.
  EXPECT_EQ(checked, 4) << "concurrent guesses got other password checks than sequential ones";
}

TEST_F(ThrottlingTest, GuessingFromManyAddressesNeverKeepsTheOwnerOut) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const std::string home = FreshLoopbackAddress();
  ASSERT_TRUE(IsJson(LoginFrom(home, account.email, account.password), 200));
  // A stranger guesses from a new address each time: each address's own budget stays unspent,
  // the account's daily budget (10 failures from addresses it never signed in from) is spent.
  for (int guess = 1; guess <= 11; ++guess) {
    ASSERT_TRUE(
        IsError(LoginFrom(FreshLoopbackAddress(), account.email, "Wrong-" + UniqueLetters(8)), 401,
                "unauthorized"))
        << "guess " << guess;
  }
  const Response stranger = LoginFrom(FreshLoopbackAddress(), account.email, "Wrong-x1234567");
  EXPECT_TRUE(IsThrottled(stranger)) << "the account's daily budget is spent for new addresses";
  EXPECT_GE(RetryAfter(stranger), 30) << "the account's delays start at a minute";
  const Response new_place = LoginFrom(FreshLoopbackAddress(), account.email, account.password);
  EXPECT_TRUE(IsThrottled(new_place)) << "even the right password from a new address waits";
  const Response owner = LoginFrom(home, account.email, account.password);
  EXPECT_TRUE(IsJson(owner, 200)) << "the owner, from where they signed in before, gets in";
  const Response typo = LoginFrom(home, account.email, "Wrong-" + UniqueLetters(8));
  EXPECT_TRUE(IsError(typo, 401, "unauthorized")) << "the owner's typo is an ordinary failure";
}

}  // namespace
}  // namespace weltcampus::api_test
