#include "exchange/what_if.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace weltcampus::exchange {
namespace {

// Offers A and B of one partner and C of another, one place each; applicants by score 90, 80,
// 70, 60 wanting [A], [A, B], [B], [A]. The run: a0 at A, a1 at B, a2 and a3 without a place.
AllocationInstance Instance() {
  AllocationInput input;
  input.offers = {{"A", 1, std::nullopt}, {"B", 1, std::nullopt}, {"C", 1, std::nullopt}};
  input.applicants = {
      {"a0", 90, {"A"}}, {"a1", 80, {"A", "B"}}, {"a2", 70, {"B"}}, {"a3", 60, {"A"}}};
  input.seed = 7;
  return IndexAllocationInput(input);
}

TEST(MorePlacesAtPartner, CapsThePartnersOffersAtTheirPlacesPlusKAndLetsEachTakeK) {
  const auto instance = Instance();
  const auto base = Allocate(instance);
  ASSERT_EQ(base.assignment, (std::vector<int32_t>{0, 1, -1, -1}));

  const auto changed = MorePlacesAtPartner(instance, {0, 1}, 1);
  ASSERT_EQ(changed.instance.partners.size(), 1u);
  EXPECT_EQ(changed.instance.partners[0].capacity, 2);
  EXPECT_EQ(changed.instance.offers[0].capacity, 2);
  EXPECT_EQ(changed.instance.offers[1].capacity, 2);
  EXPECT_EQ(changed.instance.offers[2].capacity, 1);
  EXPECT_EQ(changed.instance.offers[2].partner, -1);
  EXPECT_EQ(changed.extra.partner, 0);
  EXPECT_EQ(changed.extra.places, 1);

  // One more place at the partner: a1 moves up to A, a2 takes B; a3 stays out (the partner's
  // three places go to the three best).
  const auto effect = WhatIf(changed.instance, base, changed.extra);
  EXPECT_EQ(effect.newly_placed, 1);
  EXPECT_EQ(effect.improved, 1);
  EXPECT_EQ(effect.worse, 0);
  ASSERT_EQ(effect.moves.size(), 2u);
  EXPECT_EQ(effect.moves[0].applicant, 1u);
  EXPECT_EQ(effect.moves[0].from, 1);
  EXPECT_EQ(effect.moves[0].to, 0);
  EXPECT_EQ(effect.moves[1].applicant, 2u);
  EXPECT_EQ(effect.moves[1].to, 1);

  // Two more: every applicant has a place.
  const auto two = MorePlacesAtPartner(instance, {0, 1}, 2);
  EXPECT_EQ(WhatIf(two.instance, base, two.extra).newly_placed, 2);
}

TEST(MorePlacesAtPartner, RefusesNoOffersAndOffersAlreadyCapped) {
  const auto instance = Instance();
  EXPECT_THROW(MorePlacesAtPartner(instance, {}, 1), std::invalid_argument);
  const auto capped = MorePlacesAtPartner(instance, {0}, 1);
  EXPECT_THROW(MorePlacesAtPartner(capped.instance, {0, 1}, 1), std::invalid_argument);
}

}  // namespace
}  // namespace weltcampus::exchange
