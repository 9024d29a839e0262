#pragma once

#include <string>

#include "http/message.h"

namespace weltcampus::http {

// The media type a request's Content-Type claims, lower case, without its parameters and the
// spaces around it ("Text/CSV; charset=utf-8" → "text/csv"); empty when there is none. Only the
// client's claim: a route that takes a file tells its kind by the bytes.
std::string MediaTypeOf(const Request& request);

}  // namespace weltcampus::http
