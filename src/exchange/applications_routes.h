#pragma once

#include "http/router.h"
#include "store/database.h"

// The routes of applications (issue 10, item 4). A student's own application in a call, found by
// the signed-in account (exchange:apply): GET/PUT /api/v1/calls/{id}/my-application (the call's
// offers with eligibility explained; the ranked preferences), POST .../submit and .../withdraw,
// and POST/GET/DELETE .../documents/{motivation_letter|language_certificate} (a PDF). The office's
// (exchange:applications to read, exchange:score to check and score, within the person's scope):
// GET /api/v1/calls/{id}/applications (filters, sorts, CSV/XLSX), GET /api/v1/applications/{id}
// and its documents, PUT /api/v1/applications/{id}/score and .../completeness.
namespace weltcampus::exchange {

void RegisterApplicationRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
