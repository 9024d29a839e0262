#pragma once

#include <cstdint>
#include <string>

#include "organisation/demo.h"
#include "store/sql.h"

namespace weltcampus::exchange {

struct DemoStudents {
  int64_t programmes = 0;
  int64_t students = 0;
  int64_t language_certificates = 0;
  int64_t stays_abroad = 0;
};

// Students per profile: about 150 in `school`, proportionally more in `university` and `scale`.
int64_t DemoStudentCount(const std::string& profile);

// The exchange module's students part of the demo (src/demo builds the whole): the School of
// Medicine's programmes (medicine and dentistry as single-cycle state examinations, masters and a
// bachelor) and its students with language certificates and earlier stays abroad, the same for the
// same seed; the account `student_email` (the demo's student) is linked to the first of them. In
// the caller's transaction, after the organisation's part and the accounts.
DemoStudents BuildStudentDemo(store::Connection& connection,
                              const organisation::DemoOrganisation& organisation,
                              const std::string& profile, unsigned seed,
                              const std::string& student_email);

}  // namespace weltcampus::exchange
