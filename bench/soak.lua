-- The mix of `make soak` (bench/soak.sh): what a day of office work asks of the server, read far
-- more than written. Each write creates an institution and the thread's next request removes it
-- again (DELETE with the If-Match of the new record), so the tables stay the size they were while
-- the audit log grows as it does in use. Counts the answers by class; done() prints them.
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local origin = os.getenv("SOAK_ORIGIN")

local reads = {
  "/api/v1/partnerships?limit=50&sort=name",
  "/api/v1/partnerships?limit=50&country=FR",
  "/api/v1/agreements?limit=50&status=active",
  "/api/v1/agreements?limit=50&sort=-last_academic_year",
  "/api/v1/institutions?limit=50&q=univ",
  "/api/v1/institutions?limit=50&country=PL",
  "/api/v1/agreements/expiring?limit=50",
  "/api/v1/org-units?limit=50",
  "/api/v1/partnerships/map",
  "/api/v1/me",
}

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  created = {}
  ok = 0
  client_errors = 0
  server_errors = 0
  wrk.headers["Cookie"] = cookie
  wrk.headers["X-CSRF-Token"] = csrf
  wrk.headers["Origin"] = origin
  wrk.headers["Accept-Encoding"] = "gzip"
end

-- wrk.format takes a request's headers instead of wrk.headers, not beside them.
local function with_session(extra)
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  for name, value in pairs(extra) do
    headers[name] = value
  end
  return headers
end

function request()
  counter = counter + 1
  if #created > 0 then
    return wrk.format("DELETE", table.remove(created), with_session({["If-Match"] = '"1"'}))
  end
  if counter % 20 == 0 then
    local body = string.format(
      '{"name":"Soak University %d-%d","country":"AT","city":"Graz","type":"university"}',
      id, counter)
    return wrk.format("POST", "/api/v1/institutions",
                      with_session({["Content-Type"] = "application/json"}), body)
  end
  return wrk.format("GET", reads[(counter % #reads) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    ok = ok + 1
  end
  if status == 201 then
    table.insert(created, headers["Location"])
  end
end

function done(summary, latency, requests)
  local good, client, server = 0, 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    client = client + thread:get("client_errors")
    server = server + thread:get("server_errors")
  end
  io.write(string.format("SOAK ok=%d client_errors=%d server_errors=%d socket_errors=%d\n",
                         good, client, server,
                         summary.errors.connect + summary.errors.read + summary.errors.write +
                         summary.errors.timeout))
end
