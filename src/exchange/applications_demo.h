#pragma once

#include <cstdint>
#include <string>

#include "store/sql.h"

namespace weltcampus::exchange {

struct DemoApplications {
  int64_t applications = 0;
  int64_t submitted = 0;  // submitted, checked or incomplete
};

// The applications part of the demo (src/demo builds the whole): in the demo's call for places
// (exchange/calls_demo.h), an application of every demo student (150 in `school`, proportionally
// more in `university` and `scale`) ranking offers they are eligible for (a draft without
// preferences where none is), in every state (draft, submitted, checked with committee points,
// incomplete with the reason, withdrawn), with a motivation letter where submitted and the call's
// common score; the demo student's account (Stefan) has a draft. The same for the same seed. In the
// caller's transaction, after the calls' part.
DemoApplications BuildApplicationDemo(store::Connection& connection, unsigned seed);

}  // namespace weltcampus::exchange
