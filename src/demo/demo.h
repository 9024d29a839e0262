#pragma once

#include "exchange/allocation_history_demo.h"
#include "exchange/applications_demo.h"
#include "exchange/calls_demo.h"
#include "exchange/students_demo.h"
#include "partners/demo_builder.h"
#include "store/sql.h"

// The demo database, built above every module: each module adds its own part.
namespace weltcampus::demo {

// What the demo holds: the partners module's counts and the exchange's students.
struct Summary : partners::DemoSummary {
  exchange::DemoStudents students;
  exchange::DemoCalls calls;
  exchange::DemoApplications applications;
  exchange::DemoAllocationHistory history;  // its runs: exchange::RunAllocationHistory afterwards
};

// The home settings (TU Dresden, its School of Medicine), the organisation's part (units, ISCED),
// the partners module's part (register, partners, agreements), the demo accounts and the
// exchange's programmes and students (the demo student's account linked to one), in the caller's
// transaction.
Summary Build(store::Connection& connection, const partners::DemoReferenceData& data,
              const partners::DemoSettings& settings);

}  // namespace weltcampus::demo
