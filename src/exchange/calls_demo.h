#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "organisation/demo.h"
#include "store/sql.h"

namespace weltcampus::exchange {

struct DemoCalls {
  int64_t calls = 0;
  int64_t offers = 0;
  int64_t places = 0;
  int64_t withheld = 0;
};

// The exchange's calls part of the demo (src/demo builds the whole): for the academic year after
// `today`'s, the School of Medicine's call for exchange places in the university's Erasmus rhythm
// (applications in January and February, nomination in early April) with offers carved from the
// active outgoing student quotas (most of them, some places withheld, a few partners given
// nomination deadlines), and an Erasmus traineeship round (a funding call with its budget of
// months). The same for the same seed; `university` and `scale` get more offers with their
// quotas. In the caller's transaction, after the partners' part.
DemoCalls BuildCallDemo(store::Connection& connection,
                        const organisation::DemoOrganisation& organisation,
                        const std::string& profile, unsigned seed, Date today);

}  // namespace weltcampus::exchange
