#pragma once

#include "core/record_schema.h"

namespace weltcampus::jobs {

// The bodies of the jobs and imports routes, for the OpenAPI document.
NamedSchema JobSchema();
NamedSchema ImportColumnsSchema();

}  // namespace weltcampus::jobs
