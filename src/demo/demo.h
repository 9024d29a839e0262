#pragma once

#include "partners/demo_builder.h"
#include "store/sql.h"

// The demo database, built above every module: each module adds its own part.
namespace weltcampus::demo {

// The home settings (TU Dresden, its School of Medicine), the organisation's part (units, ISCED),
// the partners module's part (register, partners, agreements) and the demo accounts, in the
// caller's transaction.
partners::DemoSummary Build(store::Connection& connection, const partners::DemoReferenceData& data,
                            const partners::DemoSettings& settings);

}  // namespace weltcampus::demo
