#pragma once

#include "http/permission.h"

namespace weltcampus::exchange {

// The exchange's own data (issue 10): the school's study programmes, read by the staff who work
// with exchanges; the international office keeps programmes and student records.
inline constexpr http::Permission kReadExchange{"exchange:read"};
inline constexpr http::Permission kWriteExchange{"exchange:write"};
// The student records (personal data): the international office only.
inline constexpr http::Permission kReadStudents{"exchange:students"};
// Calls and their offers (issue 10): public facts for the staff who work with exchanges and for
// students; changed with exchange:write.
inline constexpr http::Permission kReadCalls{"exchange:calls"};
// One's own student record (GET /api/v1/me/student): students; anyone else's is never reached.
inline constexpr http::Permission kReadOwnStudentRecord{"exchange:own-record"};
// One's own application in a call (/api/v1/calls/{id}/my-application): students, by account.
inline constexpr http::Permission kApply{"exchange:apply"};
// The applications of a call: the international office, and coordinators within their scope
// (exchange/application_scope.h); to check and score them, the same people.
inline constexpr http::Permission kReadApplications{"exchange:applications"};
inline constexpr http::Permission kScoreApplications{"exchange:score"};
// Allocation runs (issue 10, item 5): the international office starts them, reads their input
// and publishes them; the committee (coordinators, management) signs a run off, never the office
// that ran it; the runs and their results are read by both (a coordinator's results within their
// scope).
inline constexpr http::Permission kAllocate{"exchange:allocate"};
inline constexpr http::Permission kSignOff{"exchange:sign-off"};
inline constexpr http::Permission kReadRuns{"exchange:runs"};
// Objections to a published result (issue 10, item 4; exchange/objections.h). No permission of
// their own, so that the access table stays as it is:
// - the student objects to their own result with kApply, by account (never by an id);
// - a run's objections are read by whoever reads its results (kReadRuns: the office, the
//   committee's management, coordinators only for students within their scope, as the results);
// - the committee answers them (kSignOff: coordinators within their scope, management,
//   administrators): the people who signed the ranking off decide on objections to it; the office
//   that ran the allocation reads them, rescores and runs a new round, but does not answer.
inline constexpr http::Permission kObject = kApply;
inline constexpr http::Permission kReadObjections = kReadRuns;
inline constexpr http::Permission kAnswerObjections = kSignOff;

}  // namespace weltcampus::exchange
