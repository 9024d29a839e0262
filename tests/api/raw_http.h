#pragma once

#include <string>

#include "api_client.h"

namespace weltcampus::api_test {

// Sends bytes exactly as given (no client-side normalisation of the path) on a fresh connection
// and reads one HTTP/1.1 answer. `head` is the request line and headers (ending with an empty
// line); `body` follows after the server had a moment to answer the head alone, so that a server
// which rejects a request by its headers (413) can do so before the body arrives.
Response RawHttp(const std::string& head, const std::string& body = {});

// Like RawHttp, but from the given local address (e.g. "127.0.0.7": every 127.x address reaches a
// server on 127.0.0.1, and the server sees a different client) to the given port on the test
// server's host. An empty source address lets the system choose.
Response RawHttpFrom(const std::string& source_address, int port, const std::string& head,
                     const std::string& body = {});

// "Origin: ...\r\n" plus the test session's Cookie and X-CSRF-Token lines, for raw requests that
// send "Host: 127.0.0.1".
std::string SessionHeaderLines();

// GET `target` verbatim, e.g. "/../../etc/passwd" or "/%2e%2e/secret.txt".
Response RawGet(const std::string& target);

}  // namespace weltcampus::api_test
