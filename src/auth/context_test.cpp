#include "auth/context.h"

#include <gtest/gtest.h>

#include "auth/access.h"
#include "core/error.h"

namespace weltcampus::auth {
namespace {

constexpr http::Permission kReadThings{"things:read"};
constexpr http::Permission kWriteThings{"things:write"};
constexpr http::Permission kAudit{"audit:read"};

AccessTable Table() {
  return AccessTable({{Role::kAdmin, {kReadThings, kWriteThings, kAudit}},
                      {Role::kCoordinator, {kReadThings}},
                      {Role::kStudent, {}}});
}

TEST(AccessTable, PermissionsComeFromEveryRoleOnceInTableOrder) {
  const auto table = Table();
  EXPECT_EQ(table.PermissionsOf({Role::kCoordinator}),
            (std::vector<std::string_view>{"things:read"}));
  EXPECT_EQ(table.PermissionsOf({Role::kCoordinator, Role::kAdmin}),
            (std::vector<std::string_view>{"things:read", "things:write", "audit:read"}));
  EXPECT_TRUE(table.PermissionsOf({Role::kStudent}).empty());
  EXPECT_TRUE(table.PermissionsOf({Role::kResearcher}).empty());  // a role without a row
  EXPECT_TRUE(table.PermissionsOf({}).empty());
  EXPECT_EQ(table.AllPermissions(),
            (std::vector<std::string_view>{"things:read", "things:write", "audit:read"}));
}

TEST(AccessTable, RefusesARoleTwiceAndGrantsOfPublicOrAuthenticated) {
  EXPECT_THROW(AccessTable({{Role::kAdmin, {kReadThings}}, {Role::kAdmin, {kAudit}}}),
               std::logic_error);
  EXPECT_THROW(AccessTable({{Role::kAdmin, {http::kPublic}}}), std::logic_error);
  EXPECT_THROW(AccessTable({{Role::kAdmin, {http::kAuthenticated}}}), std::logic_error);
}

TEST(Principal, HoldsWhatItsRolesGrantPlusPublicAndAuthenticated) {
  Principal principal;
  principal.user_id = 5;
  principal.roles = {{Role::kCoordinator, std::nullopt, std::nullopt}};
  principal.permissions = Table().PermissionsOf({Role::kCoordinator});
  EXPECT_TRUE(principal.HasRole(Role::kCoordinator));
  EXPECT_FALSE(principal.HasRole(Role::kAdmin));
  EXPECT_TRUE(principal.Has(kReadThings));
  EXPECT_FALSE(principal.Has(kWriteThings));
  EXPECT_TRUE(principal.Has(http::kPublic));
  EXPECT_TRUE(principal.Has(http::kAuthenticated));
  EXPECT_FALSE(Principal{}.Has(http::kAuthenticated));  // nobody signed in
}

TEST(RequestCaller, ThePrincipalAndTheActorComeFromTheRequest) {
  http::Request request;
  request.remote_address = "192.0.2.7";
  request.request_id = "req-42";
  EXPECT_EQ(PrincipalOf(request), nullptr);
  EXPECT_THROW(SignedIn(request), ApiError);
  auto anonymous = ActorOf(request);
  EXPECT_FALSE(anonymous.user_id);
  EXPECT_EQ(anonymous.Name(), "anonymous");
  EXPECT_EQ(anonymous.client_address, "192.0.2.7");

  Principal principal;
  principal.user_id = 9;
  request.caller = principal;
  ASSERT_NE(PrincipalOf(request), nullptr);
  EXPECT_EQ(SignedIn(request).user_id, 9);
  const auto actor = ActorOf(request);
  EXPECT_EQ(actor.user_id, 9);
  EXPECT_EQ(actor.Name(), "user:9");
  EXPECT_EQ(actor.request_id, "req-42");
  EXPECT_EQ(audit::Actor::System().Name(), "system");
}

}  // namespace
}  // namespace weltcampus::auth
