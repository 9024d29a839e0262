#pragma once

#include <cstdint>

#include "core/date.h"
#include "organisation/demo.h"
#include "store/database.h"

// The allocation history of the demo (issue 10, item 11): the School of Medicine's places call of
// the current academic year, with applications of about half the demo students (checked in the
// main, some incomplete, withdrawn or left as drafts), a round-1 run started by the international
// office, signed off by the management and published on the call's publication day, its places
// answered (accepted, declined, lapsed), and a round-2 run on the places left, published three
// days before `today` so that its places are still open. The demo student (Stefan, by account) is
// outranked at his one wish in round 1 by a student who then declines it, and holds that place in
// round 2, still to be accepted or declined. Deterministic for a seed (demo_dice.h).
namespace weltcampus::exchange {

struct DemoAllocationHistory {
  int64_t call_id = 0;
  int64_t applications = 0;
  int64_t runs = 0;
  int64_t placed = 0;  // over both rounds
  int64_t stefans_application = 0;
  int64_t rival_application = 0;
};

// Phase one, in the demo's transaction and before the calls' part (so that next year's call stays
// the newest): the call, its offers and its applications.
DemoAllocationHistory BuildAllocationHistoryCall(store::Connection& connection,
                                                 const organisation::DemoOrganisation& organisation,
                                                 unsigned seed, Date today);

// Phase two, after the demo's transaction: the runs through the allocation runs' service (each
// step its own transaction, as the routes do) and the students' answers.
void RunAllocationHistory(store::Database& database, DemoAllocationHistory& history, unsigned seed,
                          Date today);

}  // namespace weltcampus::exchange
