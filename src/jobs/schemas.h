#pragma once

#include "core/record_schema.h"

namespace weltcampus::jobs {

// The bodies of the jobs and imports routes, for the OpenAPI document.
NamedSchema JobSchema();
NamedSchema ImportColumnsSchema();
NamedSchema ImportHeaderSchema();  // POST /api/v1/imports/{kind}/header

}  // namespace weltcampus::jobs
