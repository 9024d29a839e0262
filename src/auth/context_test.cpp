#include "auth/context.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace weltcampus::auth {
namespace {

TEST(RequestContextStream, ProducerSeesTheHandlersRequestOnAnyThread) {
  auto producer = [] { return CurrentRequest().request_id; };
  std::function<std::string()> wrapped;
  {
    ScopedRequest handler_scope(RequestContext{std::nullopt, "127.0.0.1", "req-42"});
    wrapped = WithCurrentRequest(producer);
  }
  EXPECT_EQ(CurrentRequest().request_id, "");
  std::string seen;
  std::string after;
  std::thread worker([&] {
    seen = wrapped();
    after = CurrentRequest().request_id;
  });
  worker.join();
  EXPECT_EQ(seen, "req-42");
  // The worker thread is left clean for the next request.
  EXPECT_EQ(after, "");
}

}  // namespace
}  // namespace weltcampus::auth
