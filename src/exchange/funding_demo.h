#pragma once

#include "exchange/applications_demo.h"
#include "store/sql.h"

namespace weltcampus::exchange {

// The funding part of the demo (issue 10, item 11: "a traineeship round"): in the demo's
// traineeship call (exchange/calls_demo.h), applications of about one demo student in eight, each
// planning a clinical elective, a final-year tertial (now and then only half of one, which Erasmus+
// cannot fund) or another traineeship in the call's academic year at a hospital abroad, in every
// state, with the call's common score. The demo student's account (Stefan) has none, so that he
// can apply himself. The same for the same seed. In the caller's transaction, after the calls'.
DemoApplications BuildFundingDemo(store::Connection& connection, unsigned seed);

}  // namespace weltcampus::exchange
