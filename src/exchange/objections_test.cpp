#include "exchange/objections.h"

#include <gtest/gtest.h>

namespace weltcampus::exchange {
namespace {

// The period runs from the publication date to objection_days after it, both days included.
TEST(ObjectionPeriod, TheLastDayIsAllowedAndTheDayAfterIsNot) {
  const std::string published = "2027-03-20T16:45:00Z";
  const Date until = ObjectionUntil(published, 7);
  EXPECT_EQ(until.ToString(), "2027-03-27");
  EXPECT_TRUE(InObjectionPeriod(published, until, Date{2027, 3, 20}));
  EXPECT_TRUE(InObjectionPeriod(published, until, Date{2027, 3, 27}));
  EXPECT_FALSE(InObjectionPeriod(published, until, Date{2027, 3, 28}));
  EXPECT_FALSE(InObjectionPeriod(published, until, Date{2027, 3, 19}));
}

TEST(ObjectionPeriod, CountsAcrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(ObjectionUntil("2027-12-28T08:00:00Z", 7).ToString(), "2028-01-04");
  EXPECT_EQ(ObjectionUntil("2028-02-25T08:00:00Z", 4).ToString(), "2028-02-29");
  EXPECT_EQ(ObjectionUntil("2027-02-25T08:00:00Z", 4).ToString(), "2027-03-01");
  EXPECT_EQ(ObjectionUntil("2027-01-31", 30).ToString(), "2027-03-02");
}

TEST(ObjectionPeriod, ZeroDaysLeaveTheDayOfPublication) {
  const std::string published = "2027-03-20T23:59:59Z";
  const Date until = ObjectionUntil(published, 0);
  EXPECT_EQ(until.ToString(), "2027-03-20");
  EXPECT_TRUE(InObjectionPeriod(published, until, Date{2027, 3, 20}));
  EXPECT_FALSE(InObjectionPeriod(published, until, Date{2027, 3, 21}));
}

}  // namespace
}  // namespace weltcampus::exchange
