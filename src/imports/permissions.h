#pragma once

#include "http/permission.h"

namespace weltcampus::imports {

// Importing lists (reference data today) from the browser, as jobs.
inline constexpr http::Permission kImportData{"imports:run"};

}  // namespace weltcampus::imports
