#pragma once

#include <nlohmann/json.hpp>

#include "http/router.h"

namespace weltcampus::system {

// The OpenAPI 3.1 document, built from the route table itself so that no route can be missing.
nlohmann::json BuildOpenApi(const http::Router& router);

}  // namespace weltcampus::system
