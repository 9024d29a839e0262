#pragma once

// What the student's and the office's changes of an application share (applications_service.cpp
// and applications_office.cpp).
#include <cstdint>
#include <optional>

#include "audit/audit.h"
#include "exchange/applications.h"
#include "exchange/calls.h"
#include "exchange/eligibility.h"
#include "exchange/students.h"
#include "store/sql.h"

namespace weltcampus::exchange::application_changes {

// The call, or 404.
Call CallFound(store::Connection& c, int64_t call_id);
// The score the call's weights give the student without an offer's language (the list's score),
// with the application's committee points and points for the optional criteria.
double CommonScoreOf(const Call& call, const Student& student, const StudentFacts& facts,
                     const Application& application);
// Writes the application's columns at `before`'s version and records the change.
Application Written(store::Connection& c, const audit::Actor& actor, const Application& before,
                    Application after);

}  // namespace weltcampus::exchange::application_changes
